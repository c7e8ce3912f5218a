<?cs # admin_calendar.cs — the working-day calendar (app/pages/calendar.c):
     loaded years, one year's holidays and worked weekends, set/remove a
     day, import a year from CSV, and the deadline calculator. ?><?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Calendar.heading ?></h1>
<p class="lead"><?cs var:Lang.Calendar.lead ?></p>

<h2 id="loaded-years"><?cs var:Lang.Calendar.years_heading ?></h2>
<table class="data" id="calendar-years">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Calendar.year ?></th>
    <th scope="col"><?cs var:Lang.Calendar.source ?></th>
    <th scope="col"><?cs var:Lang.Calendar.loaded_at ?></th>
    <th scope="col"><?cs var:Lang.Calendar.loaded_by ?></th>
  </tr></thead>
  <tbody>
  <?cs each:y = Years ?>
  <tr><td><a href="/admin/calendar?year=<?cs var:y.year ?>"><?cs var:y.year ?></a></td><td><?cs var:y.source ?></td><td><?cs var:y.loaded_at ?></td><td><?cs if:y.loaded_by ?><?cs var:y.loaded_by ?><?cs else ?><?cs var:Lang.Calendar.shipped ?><?cs /if ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs if:Calendar.last_loaded ?><p class="hint" id="beyond-note"><?cs var:Lang.Calendar.beyond_before ?> <?cs var:Calendar.last_loaded ?> <?cs var:Lang.Calendar.beyond_after ?></p><?cs /if ?>

<h2 id="year-heading"><?cs var:Calendar.year ?> <?cs var:Lang.Calendar.year_suffix ?></h2>
<p class="actions">
  <?cs if:Calendar.prev ?><a href="/admin/calendar?year=<?cs var:Calendar.prev ?>" rel="prev">← <?cs var:Calendar.prev ?></a><?cs /if ?>
  <?cs if:Calendar.next ?><a href="/admin/calendar?year=<?cs var:Calendar.next ?>" rel="next"><?cs var:Calendar.next ?> →</a><?cs /if ?>
</p>
<?cs if:Calendar.loaded == "1" ?>
<p class="ok" id="year-loaded"><?cs var:Lang.Calendar.loaded_note ?> <?cs var:Calendar.source ?></p>
<?cs else ?>
<p class="alert" role="status" id="year-not-loaded"><?cs var:Calendar.year ?> <?cs var:Lang.Calendar.not_loaded ?></p>
<?cs /if ?>
<?cs if:Calendar.ndays > 0 ?>
<table class="data" id="calendar-days">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Calendar.date ?></th>
    <th scope="col"><?cs var:Lang.Calendar.weekday ?></th>
    <th scope="col"><?cs var:Lang.Calendar.kind ?></th>
    <th scope="col"><?cs var:Lang.Calendar.name ?></th>
    <th scope="col"><?cs var:Lang.Calendar.updated_by ?></th>
    <th scope="col"><span class="visually-hidden"><?cs var:Lang.Calendar.remove ?></span></th>
  </tr></thead>
  <tbody>
  <?cs each:d = Days ?>
  <tr id="day-<?cs var:d.key ?>" data-kind="<?cs var:d.kind ?>">
    <td class="mono"><?cs var:d.date ?></td>
    <td><?cs var:Lang.Calendar.wd[d.weekday] ?></td>
    <td><?cs var:Lang.Calendar.kinds[d.kind] ?></td>
    <td><?cs var:d.name ?></td>
    <td><?cs if:d.updated_by ?><?cs var:d.updated_by ?><?cs else ?><?cs var:Lang.Calendar.shipped ?><?cs /if ?></td>
    <td>
      <form method="post" action="/admin/calendar/days/<?cs var:d.key ?>/remove" class="inline">
        <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
        <button type="submit" class="link"><?cs var:Lang.Calendar.remove ?></button>
      </form>
    </td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p id="no-days"><?cs var:Lang.Calendar.no_days ?></p>
<?cs /if ?>

<h2><?cs var:Lang.Calendar.calc_heading ?></h2>
<form method="get" action="/admin/calendar" class="inline-form" id="calc-form">
  <input type="hidden" name="year" value="<?cs var:Calendar.year ?>">
  <span class="stack"><?cs call:date_field("from", Lang.Calendar.calc_from, 1) ?></span>
  <span class="stack">
    <label for="f-n"><?cs var:Lang.Calendar.calc_n ?></label>
    <input id="f-n" name="n" type="text" inputmode="numeric" size="4" maxlength="3" value="<?cs var:Form.n.value ?>" required<?cs if:Form.n.error ?> aria-invalid="true"<?cs /if ?>>
    <?cs call:field_error("n") ?>
  </span>
  <button type="submit" class="button"><?cs var:Lang.Calendar.calc_submit ?></button>
</form>
<?cs if:Calc.due ?>
<p class="ok" role="status" id="calc-result"><?cs var:Calc.n ?> <?cs var:Lang.Calendar.calc_after ?> <?cs var:Calc.from ?> <?cs var:Lang.Calendar.calc_is ?> <strong id="calc-due"><?cs var:Calc.due ?></strong> (<?cs var:Lang.Calendar.wd[Calc.weekday] ?>)</p>
<?cs if:Calc.left ?><p id="calc-left"><?cs var:Lang.Calendar.left_before ?> <?cs var:Calc.left ?> <?cs var:Lang.Calendar.left_after ?><?cs if:Calc.left_assumed == "1" ?> <?cs var:Lang.Calendar.left_assumed ?><?cs /if ?></p><?cs elif:Calc.overdue ?><p id="calc-overdue"><?cs var:Lang.Calendar.overdue_before ?> <?cs var:Calc.overdue ?> <?cs var:Lang.Calendar.overdue_after ?><?cs if:Calc.left_assumed == "1" ?> <?cs var:Lang.Calendar.left_assumed ?><?cs /if ?></p><?cs elif:Calc.due_today ?><p id="calc-today"><?cs var:Lang.Calendar.due_today ?></p><?cs /if ?>
<?cs if:Calc.assumed == "1" ?><p class="alert" id="calc-assumed"><?cs var:Lang.Calendar.calc_assumed ?></p><?cs /if ?>
<?cs /if ?>

<h2><?cs var:Lang.Calendar.day_heading ?></h2>
<p class="hint"><?cs var:Lang.Calendar.day_hint ?></p>
<form method="post" action="/admin/calendar/days" class="stack wide" id="day-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:date_field("day", Lang.Calendar.date, 1) ?>
  <label for="f-kind"><?cs var:Lang.Calendar.kind ?> <span aria-hidden="true">*</span></label>
  <select id="f-kind" name="kind" required<?cs if:Form.kind.error ?> aria-invalid="true"<?cs /if ?>>
    <option value="holiday"<?cs if:Form.kind.value != "workday" ?> selected<?cs /if ?>><?cs var:Lang.Calendar.kinds.holiday ?></option>
    <option value="workday"<?cs if:Form.kind.value == "workday" ?> selected<?cs /if ?>><?cs var:Lang.Calendar.kinds.workday ?></option>
  </select>
  <?cs call:field_error("kind") ?>
  <?cs call:text_field("name", Lang.Calendar.name, 50, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Calendar.day_submit ?></button>
</form>

<h2 id="import"><?cs var:Lang.Calendar.import_heading ?></h2>
<?cs if:Import.done ?><p class="ok" role="status" id="calendar-import-done"><?cs var:Lang.Calendar.import_done_before ?> <?cs var:Import.done ?> <?cs var:Lang.Calendar.import_done_after ?> (<?cs var:Import.encoding ?>)</p><?cs /if ?>
<?cs if:Import.nerrors ?>
<div class="alert" role="alert" id="calendar-errors">
  <p><?cs var:Lang.Import.failed_before ?> <?cs var:Import.nerrors ?> <?cs var:Lang.Import.failed_after ?></p>
  <table class="data">
    <thead><tr><th scope="col"><?cs var:Lang.Import.line ?></th><th scope="col"><?cs var:Lang.Import.column ?></th><th scope="col"><?cs var:Lang.Import.reason ?></th></tr></thead>
    <tbody>
    <?cs each:e = Import.errors ?><tr class="bad-row"><td><?cs var:e.line ?></td><td class="mono"><?cs var:e.column ?></td><td><?cs var:e.reason ?></td></tr><?cs /each ?>
    </tbody>
  </table>
  <?cs if:Import.shown ?><p><?cs var:Lang.Import.more ?></p><?cs /if ?>
</div>
<?cs /if ?>
<p class="hint"><?cs var:Lang.Calendar.import_hint ?></p>
<form method="post" action="/admin/calendar/import" enctype="multipart/form-data" class="stack wide" id="calendar-import">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:text_field("year", Lang.Calendar.year, 4, 1) ?>
  <?cs call:text_field("source", Lang.Calendar.source, 200, 1) ?>
  <label for="f-file"><?cs var:Lang.Calendar.file ?></label>
  <input id="f-file" name="file" type="file" accept=".csv,text/csv" required>
  <?cs call:field_error("file") ?>
  <button type="submit" class="button"><?cs var:Lang.Calendar.import_submit ?></button>
</form>
<pre class="mono">date,kind,name
2026-02-14,workday,春节调休上班
2026-02-15,holiday,春节</pre>
<?cs call:page_end() ?>

<?cs # env_entry.cs — one enterprise in one round: deductions by indicator,
     the veto, and (after the draft) corrections that need a reason. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs include:"_grade.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Entry.name ?></h1>
<p><a href="/env/rounds/<?cs var:Entry.round_id ?>"><?cs var:Entry.year ?> · <?cs var:Entry.scope ?></a> <?cs call:round_status(Entry.round_status) ?></p>
<dl class="facts" id="entry">
  <dt><?cs var:Lang.Entity.uscc ?></dt><dd class="mono"><?cs var:Entry.uscc ?></dd>
  <dt><?cs var:Lang.Env.score ?></dt><dd id="entry-score"><?cs var:Entry.score ?></dd>
  <dt><?cs var:Lang.Env.grade ?></dt><dd id="entry-grade"><?cs call:grade_badge(Entry.grade) ?></dd>
  <?cs if:Entry.veto ?><dt><?cs var:Lang.Env.veto ?></dt><dd id="entry-veto"><?cs var:Entry.veto ?> — <?cs var:Entry.veto_note ?></dd><?cs /if ?>
  <dt><?cs var:Lang.Env.source ?></dt><dd><?cs var:Lang.Env.src[Entry.source] ?></dd>
</dl>
<?cs if:Entry.round_status != "draft" ?><p class="hint"><?cs var:Lang.Env.correction_hint ?></p><?cs /if ?>
<h2><?cs var:Lang.Env.deductions ?></h2>
<?cs if:Deductions.0.id ?>
<table class="data" id="deductions">
  <thead><tr><th scope="col"><?cs var:Lang.Env.indicator ?></th><th scope="col"><?cs var:Lang.Env.points ?></th><th scope="col"><?cs var:Lang.Env.note ?></th><th scope="col"></th></tr></thead>
  <tbody>
  <?cs each:d = Deductions ?>
  <tr><td><?cs var:d.indicator ?></td><td>-<?cs var:d.points ?></td><td><?cs var:d.note ?></td><td>
    <form method="post" action="/env/entries/<?cs var:Entry.id ?>/deductions/<?cs var:d.id ?>/remove" class="inline-form">
      <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
      <?cs if:Entry.round_status != "draft" ?><input type="text" name="reason" maxlength="300" required placeholder="<?cs var:Lang.Env.reason ?>"><?cs /if ?>
      <button type="submit" class="link"><?cs var:Lang.Env.remove ?></button>
    </form></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p><?cs var:Lang.Env.no_deductions ?></p><?cs /if ?>
<?cs if:Entry.source != "form" && Form.indicator.error ?><p class="field-error" role="alert" id="err-indicator"><?cs var:Form.indicator.error ?></p><?cs /if ?>
<?cs if:Entry.source == "form" ?>
<form method="post" action="/env/entries/<?cs var:Entry.id ?>/deductions" class="stack" id="deduction-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <label for="f-indicator"><?cs var:Lang.Env.indicator ?></label>
  <select id="f-indicator" name="indicator"><?cs each:i = Indicators ?><option value="<?cs var:i.code ?>"<?cs if:Form.indicator.value == i.code ?> selected<?cs /if ?>><?cs var:i.name ?> (≤ <?cs var:i.points ?>)</option><?cs /each ?></select>
  <?cs call:field_error("indicator") ?>
  <?cs call:text_field("points", Lang.Env.points, 3, 1) ?>
  <?cs call:text_field("note", Lang.Env.note, 300, 1) ?>
  <?cs if:Entry.round_status != "draft" ?><?cs call:text_field("reason", Lang.Env.reason, 300, 1) ?><?cs /if ?>
  <button type="submit" class="button"><?cs var:Lang.Env.deduct ?></button>
</form>
<?cs /if ?>
<h2><?cs var:Lang.Env.veto ?></h2>
<form method="post" action="/env/entries/<?cs var:Entry.id ?>/veto" class="stack" id="veto-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <label for="f-veto"><?cs var:Lang.Env.veto_rule ?></label>
  <select id="f-veto" name="veto"><option value="none"><?cs var:Lang.Env.no_veto ?></option><?cs each:v = Vetoes ?><option value="<?cs var:v.code ?>"<?cs if:Entry.veto_code == v.code ?> selected<?cs /if ?>><?cs var:v.name ?> → <?cs var:Lang.Grade[v.grade] ?></option><?cs /each ?></select>
  <?cs call:field_error("veto") ?>
  <?cs call:text_field("note", Lang.Env.veto_note, 300, 0) ?>
  <?cs if:Entry.round_status != "draft" ?><?cs call:text_field("reason", Lang.Env.reason, 300, 1) ?><?cs /if ?>
  <button type="submit" class="button"><?cs var:Lang.Env.set_veto ?></button>
</form>
<?cs if:!Entry.correctable && Form.grade.error ?><p class="field-error" role="alert" id="err-grade"><?cs var:Form.grade.error ?></p><?cs /if ?>
<?cs if:Entry.correctable ?>
<h2 id="grade-h"><?cs var:Lang.Env.fix.grade_heading ?></h2>
<p class="hint"><?cs var:Lang.Env.fix.grade_hint ?></p>
<form method="post" action="/env/entries/<?cs var:Entry.id ?>/grade" class="stack" id="grade-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <label for="f-grade"><?cs var:Lang.Env.fix.new_grade ?> <span aria-hidden="true">*</span></label>
  <select id="f-grade" name="grade" required><?cs each:g = Grades ?><option value="<?cs var:g ?>"<?cs if:Form.grade.value == g || (!Form.grade.value && Entry.grade == g) ?> selected<?cs /if ?>><?cs var:Lang.Grade[g] ?></option><?cs /each ?></select>
  <?cs call:field_error("grade") ?>
  <?cs call:text_field("score", Lang.Env.fix.new_score, 3, 0) ?>
  <?cs call:text_field("reason", Lang.Env.reason, 300, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Env.fix.grade_submit ?></button>
</form>
<?cs /if ?>
<?cs if:History.0.grade ?>
<h2><?cs var:Lang.Env.history ?></h2>
<table class="data" id="entry-history">
  <thead><tr><th scope="col"><?cs var:Lang.Env.earlier_grade ?></th><th scope="col"><?cs var:Lang.Env.score ?></th><th scope="col"><?cs var:Lang.Env.reason ?></th><th scope="col"><?cs var:Lang.Env.when ?></th></tr></thead>
  <tbody><?cs each:h = History ?><tr><td><?cs call:grade_badge(h.grade) ?></td><td><?cs var:h.score ?></td><td><?cs var:h.reason ?><?cs if:h.objection ?> <span class="tag"><?cs var:Lang.EnvObj.by_objection ?> #<?cs var:h.objection ?></span><?cs /if ?></td><td><?cs var:h.at ?> <?cs var:h.who ?></td></tr><?cs /each ?></tbody>
</table>
<?cs /if ?>
<?cs call:page_end() ?>

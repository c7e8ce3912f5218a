<?cs # env_round.cs — one round: its grades (filter by grade and district)
     and, for the agency, adding enterprises, import, publicity, publication. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs include:"_grade.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Round.year ?> · <?cs var:Round.scope ?></h1>
<p id="round-status" data-status="<?cs var:Round.status ?>"><?cs call:round_status(Round.status) ?>
  <?cs var:Lang.Env.period ?>: <?cs var:Round.period_from ?> – <?cs var:Round.period_to ?>
  <?cs if:Round.publicity_to ?> · <?cs var:Lang.Env.publicity ?>: <?cs var:Round.publicity_from ?> – <?cs var:Round.publicity_to ?><?cs /if ?>
  <?cs if:Round.published_on ?> · <?cs var:Lang.Env.published_on ?>: <?cs var:Round.published_on ?><?cs /if ?></p>
<?cs if:Round.status == "publicity" ?><p class="hint" id="publicity-note"><?cs var:Lang.Env.publicity_note ?></p><?cs /if ?>
<?cs if:Env.error ?><p class="alert" role="alert" id="env-error"><?cs var:Env.error ?></p><?cs /if ?>
<p><a href="/env/rounds/<?cs var:Round.id ?>/stats"><?cs var:Lang.Env.stats.link ?></a> · <a href="/env"><?cs var:Lang.Env.back ?></a></p>
<form method="get" action="/env/rounds/<?cs var:Round.id ?>" class="inline-form" id="filter-form">
  <label><?cs var:Lang.Env.grade ?> <select name="grade"><option value=""><?cs var:Lang.Env.any ?></option>
  <option value="green"<?cs if:Form.grade.value == "green" ?> selected<?cs /if ?>><?cs var:Lang.Grade.green ?></option>
  <option value="blue"<?cs if:Form.grade.value == "blue" ?> selected<?cs /if ?>><?cs var:Lang.Grade.blue ?></option>
  <option value="yellow"<?cs if:Form.grade.value == "yellow" ?> selected<?cs /if ?>><?cs var:Lang.Grade.yellow ?></option>
  <option value="red"<?cs if:Form.grade.value == "red" ?> selected<?cs /if ?>><?cs var:Lang.Grade.red ?></option>
  <option value="black"<?cs if:Form.grade.value == "black" ?> selected<?cs /if ?>><?cs var:Lang.Grade.black ?></option>
  </select></label>
  <label><?cs var:Lang.Entity.district ?> <select name="district"><option value=""><?cs var:Lang.Env.any ?></option>
  <?cs each:d = Districts ?><option<?cs if:Form.district.value == d ?> selected<?cs /if ?>><?cs var:d ?></option><?cs /each ?>
  </select></label>
  <button type="submit" class="button"><?cs var:Lang.Env.filter ?></button>
</form>
<p id="entries-count"><?cs var:Lang.Env.matching_before ?> <span id="n-matching"><?cs var:Round.matching ?></span> <?cs var:Lang.Env.matching_after ?></p>
<?cs if:Entries.0.id ?>
<table class="data" id="entries">
  <thead><tr><th scope="col"><?cs var:Lang.Entity.name ?></th><th scope="col"><?cs var:Lang.Entity.uscc ?></th><th scope="col"><?cs var:Lang.Entity.district ?></th><th scope="col"><?cs var:Lang.Env.score ?></th><th scope="col"><?cs var:Lang.Env.grade ?></th></tr></thead>
  <tbody>
  <?cs each:e = Entries ?>
  <tr data-uscc="<?cs var:e.uscc ?>"><td><a href="/entity/<?cs var:e.uscc ?>"><?cs var:e.name ?></a><?cs if:Env.manager ?> <a class="no-print" href="/env/entries/<?cs var:e.id ?>"><?cs var:Lang.Env.edit ?></a><?cs /if ?></td><td class="mono"><?cs var:e.uscc ?></td><td><?cs var:e.district ?></td><td><?cs var:e.score ?></td><td><?cs call:grade_badge(e.grade) ?><?cs if:e.veto ?> <span class="veto"><?cs var:Lang.Env.veto ?>: <?cs var:e.veto ?></span><?cs /if ?><?cs if:Env.self == e.subject_id ?> <a class="no-print" href="/me/objections/env/new?entry=<?cs var:e.id ?>" id="object-entry-<?cs var:e.id ?>"><?cs var:Lang.EnvObj.link ?></a><?cs /if ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs call:env_pager("/env/rounds/" + Round.id) ?>
<?cs else ?><p id="no-entries"><?cs var:Lang.Env.no_entries ?></p><?cs /if ?>
<?cs if:Env.manager ?>
<section class="no-print" id="round-tools">
<?cs if:Round.status == "draft" ?>
<h2><?cs var:Lang.Env.add_entry ?></h2>
<form method="post" action="/env/rounds/<?cs var:Round.id ?>/entries" class="stack" id="entry-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:text_field("uscc", Lang.Entity.uscc, 40, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Env.add ?></button>
</form>
<p><a href="/env/rounds/<?cs var:Round.id ?>/import"><?cs var:Lang.Env.import.title ?></a></p>
<form method="post" action="/env/rounds/<?cs var:Round.id ?>/publicize" class="stack" id="publicize-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:text_field("days", Lang.Env.publicity_days, 2, 0) ?>
  <button type="submit" class="button"><?cs var:Lang.Env.publicize ?></button>
</form>
<?cs elif:Round.status == "publicity" ?>
<form method="post" action="/env/rounds/<?cs var:Round.id ?>/publish" id="publish-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <button type="submit" class="button"><?cs var:Lang.Env.publish ?></button>
</form>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs call:page_end() ?>

<?cs # env_dynamic.cs — dynamic scoring: enterprises with today's score and
     grade, and the form that records a violation or a bonus. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs include:"_grade.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Env.dyn.title ?></h1>
<p class="lead"><?cs var:Lang.Env.dyn.lead_before ?> <?cs var:Scheme.base ?> <?cs var:Lang.Env.dyn.lead_after ?></p>
<?cs if:Dynamic.0.id ?>
<table class="data" id="dynamic">
  <thead><tr><th scope="col"><?cs var:Lang.Entity.name ?></th><th scope="col"><?cs var:Lang.Entity.district ?></th><th scope="col"><?cs var:Lang.Env.dyn.score ?></th><th scope="col"><?cs var:Lang.Env.grade ?></th></tr></thead>
  <tbody><?cs each:d = Dynamic ?><tr data-uscc="<?cs var:d.uscc ?>"><td><a href="/env/dynamic/<?cs var:d.id ?>"><?cs var:d.name ?></a></td><td><?cs var:d.district ?></td><td class="score"><?cs var:d.score ?></td><td><?cs call:grade_badge(d.grade) ?></td></tr><?cs /each ?></tbody>
</table>
<?cs /if ?>
<h2><?cs var:Lang.Env.dyn.record ?></h2>
<form method="post" action="/env/dynamic/events" class="stack" id="event-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:text_field("uscc", Lang.Entity.uscc, 40, 1) ?>
  <label for="f-type"><?cs var:Lang.Env.dyn.type ?></label>
  <select id="f-type" name="type"><?cs each:t = Types ?><option value="<?cs var:t.code ?>"<?cs if:Form.type.value == t.code ?> selected<?cs /if ?>><?cs var:t.name ?> (<?cs var:t.points ?>, <?cs var:t.months ?> <?cs var:Lang.Env.dyn.months ?>)</option><?cs /each ?></select>
  <?cs call:field_error("type") ?>
  <?cs call:date_field("decided_on", Lang.Env.dyn.decided_on, 1) ?>
  <?cs call:text_field("doc_no", Lang.Entity.doc_no, 100, 1) ?>
  <?cs call:text_field("note", Lang.Env.note, 300, 0) ?>
  <button type="submit" class="button"><?cs var:Lang.Env.dyn.save ?></button>
</form>
<?cs call:page_end() ?>

<?cs # env_dynamic.cs — dynamic scoring: enterprises with today's score and
     grade, and the form that records a violation or a bonus. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs include:"_grade.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Env.dyn.title ?></h1>
<p class="lead"><?cs var:Lang.Env.dyn.lead_before ?> <?cs var:Scheme.base ?> <?cs var:Lang.Env.dyn.lead_after ?></p>
<form method="get" action="/env/dynamic" class="inline-form" id="dyn-filter">
  <label for="f-dgrade"><?cs var:Lang.Env.dyn.grade_today ?></label>
  <select id="f-dgrade" name="grade"><option value=""><?cs var:Lang.Env.any ?></option>
  <?cs each:g = Grades ?><option value="<?cs var:g ?>"<?cs if:Form.grade.value == g ?> selected<?cs /if ?>><?cs var:Lang.Grade[g] ?></option><?cs /each ?>
  </select>
  <label for="f-ddistrict"><?cs var:Lang.Entity.district ?></label>
  <input id="f-ddistrict" name="district" type="text" maxlength="50" value="<?cs var:Form.district.value ?>">
  <button type="submit" class="button"><?cs var:Lang.Env.filter ?></button>
</form>
<p id="dyn-count"><?cs var:Lang.Env.matching_before ?> <span id="n-dyn"><?cs var:DynList.matching ?></span> <?cs var:Lang.Env.matching_after ?></p>
<?cs if:Dynamic.0.id ?>
<table class="data" id="dynamic">
  <thead><tr><th scope="col"><?cs var:Lang.Entity.name ?></th><th scope="col"><?cs var:Lang.Entity.district ?></th><th scope="col"><?cs var:Lang.Env.dyn.score ?></th><th scope="col"><?cs var:Lang.Env.grade ?></th></tr></thead>
  <tbody><?cs each:d = Dynamic ?><tr data-uscc="<?cs var:d.uscc ?>"><td><a href="/env/dynamic/<?cs var:d.id ?>"><?cs var:d.name ?></a></td><td><?cs var:d.district ?></td><td class="score"><?cs var:d.score ?></td><td><?cs call:grade_badge(d.grade) ?></td></tr><?cs /each ?></tbody>
</table>
<?cs call:env_pager("/env/dynamic") ?>
<?cs /if ?>
<h2><?cs var:Lang.Env.dyn.record ?></h2>
<form method="post" action="/env/dynamic/events" class="stack" id="event-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:text_field("uscc", Lang.Entity.uscc, 40, 1) ?>
  <?cs include:"_env_event_fields.cs" ?>
  <button type="submit" class="button"><?cs var:Lang.Env.dyn.save ?></button>
</form>
<?cs call:page_end() ?>

<?cs # env_subject.cs — one enterprise under dynamic scoring: today's score,
     every event with the day its points come back, the timeline, the grade
     on any date asked for, and the events voided or corrected (with why);
     the agency opens an event to correct or void it. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs include:"_grade.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Subject.name ?></h1>
<p class="mono"><a href="/entity/<?cs var:Subject.uscc ?>"><?cs var:Subject.uscc ?></a></p>
<?cs if:Dyn.ended ?>
<p id="dyn-ended"><?cs var:Lang.Env.fix.ended ?></p>
<?cs else ?>
<p id="dyn-current"><?cs var:Lang.Env.dyn.today ?> (<?cs var:Dyn.today ?>): <strong class="score"><?cs var:Dyn.score ?></strong> <?cs var:Lang.Env.dyn.points ?> <?cs call:grade_badge(Dyn.grade) ?> · <?cs var:Lang.Env.dyn.enrolled ?> <?cs var:Dyn.enrolled_on ?></p>
<h2><?cs var:Lang.Env.dyn.events ?></h2>
<table class="data" id="events">
  <thead><tr><th scope="col"><?cs var:Lang.Env.dyn.type ?></th><th scope="col"><?cs var:Lang.Env.points ?></th><th scope="col"><?cs var:Lang.Env.dyn.decided_on ?></th><th scope="col"><?cs var:Lang.Env.dyn.until ?></th><th scope="col"><?cs var:Lang.Entity.doc_no ?></th><?cs if:Env.manager ?><th scope="col"></th><?cs /if ?></tr></thead>
  <tbody><?cs each:e = Events ?><tr id="event-<?cs var:e.id ?>" class="<?cs if:e.active ?>active<?cs else ?>expired<?cs /if ?>"><td><?cs var:e.type ?><?cs if:!e.active ?> <span class="tag"><?cs var:Lang.Env.dyn.restored ?></span><?cs /if ?></td><td><?cs var:e.points ?></td><td><?cs var:e.decided_on ?></td><td><?cs var:e.until_on ?></td><td class="mono"><?cs var:e.doc_no ?></td><?cs if:Env.manager ?><td><a href="/env/dynamic/events/<?cs var:e.id ?>"><?cs var:Lang.Env.fix.open ?></a></td><?cs /if ?></tr><?cs /each ?></tbody>
</table>
<h2><?cs var:Lang.Env.dyn.timeline ?></h2>
<ol id="timeline"><?cs each:t = Timeline ?><li><?cs var:t.on ?>: <span class="score"><?cs var:t.score ?></span> <?cs call:grade_badge(t.grade) ?></li><?cs /each ?></ol>
<h2><?cs var:Lang.Env.dyn.on_date ?></h2>
<form method="get" action="/env/dynamic/<?cs var:Subject.id ?>" class="inline-form" id="on-form">
  <?cs call:date_field("on", Lang.Env.dyn.date, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Env.dyn.ask ?></button>
</form>
<?cs if:Dyn.on ?><p id="on-result"><?cs var:Dyn.on ?>: <?cs if:Dyn.on_before ?><?cs var:Lang.Env.dyn.not_scored ?><?cs else ?><span class="score"><?cs var:Dyn.on_score ?></span> <?cs var:Lang.Env.dyn.points ?> <?cs call:grade_badge(Dyn.on_grade) ?><?cs /if ?></p><?cs /if ?>
<?cs /if ?>
<?cs include:"_env_voids.cs" ?>
<?cs call:page_end() ?>

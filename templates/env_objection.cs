<?cs # env_objection.cs — the enterprise objects to its environmental grade
     (Art. 36): a round grade out of the draft, or a dynamic-scoring event. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs include:"_grade.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.EnvObj.title ?></h1>
<?cs if:!Target.kind ?>
<p class="hint"><?cs var:Lang.EnvObj.choose ?></p>
<?cs if:EnvChoose.entries.0.id || EnvChoose.events.0.event ?>
<ul id="env-choose">
<?cs each:c = EnvChoose.entries ?><li><a href="/me/objections/env/new?entry=<?cs var:c.id ?>"><?cs var:c.year ?> <?cs var:c.scope ?> · <?cs call:grade_badge(c.grade) ?></a> <?cs call:round_status(c.round_status) ?></li><?cs /each ?>
<?cs each:c = EnvChoose.events ?><li><a href="/me/objections/env/new?event=<?cs var:c.event ?>"><?cs var:Lang.Env.profile.dynamic ?>: <?cs var:c.type ?> <?cs var:c.points ?> · <?cs var:c.decided_on ?> · <span class="mono"><?cs var:c.doc_no ?></span></a></li><?cs /each ?>
</ul>
<?cs else ?><p><?cs var:Lang.Req.none ?></p><?cs /if ?>
<?cs else ?>
<dl class="facts" id="objection-target" data-kind="<?cs var:Target.kind ?>">
<?cs if:Target.kind == "entry" ?>
  <dt><?cs var:Lang.Env.profile.round ?></dt><dd><?cs var:Target.year ?> <?cs var:Target.scope ?> <?cs call:round_status(Target.round_status) ?></dd>
  <dt><?cs var:Lang.Env.grade ?></dt><dd><?cs call:grade_badge(Target.grade) ?><?cs if:?Target.score ?> <?cs var:Target.score ?> <?cs var:Lang.Env.dyn.points ?><?cs /if ?></dd>
  <?cs if:Target.veto ?><dt><?cs var:Lang.Env.veto ?></dt><dd><?cs var:Target.veto ?> — <?cs var:Target.veto_note ?></dd><?cs /if ?>
<?cs else ?>
  <dt><?cs var:Lang.Env.dyn.type ?></dt><dd><?cs var:Target.type ?> (<?cs var:Target.points ?>)</dd>
  <dt><?cs var:Lang.Env.dyn.decided_on ?></dt><dd><?cs var:Target.decided_on ?></dd>
  <dt><?cs var:Lang.Env.dyn.until ?></dt><dd><?cs var:Target.until_on ?></dd>
  <dt><?cs var:Lang.Entity.doc_no ?></dt><dd class="mono"><?cs var:Target.doc_no ?></dd>
<?cs /if ?>
</dl>
<?cs if:EnvObj.refused ?><p class="alert" role="alert" id="objection-refused"><?cs var:EnvObj.refused ?></p><?cs /if ?>
<p class="hint"><?cs var:Lang.Objection.hint ?></p>
<form method="post" action="/me/objections/env" enctype="multipart/form-data" class="stack wide" id="objection-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs if:Target.kind == "entry" ?><input type="hidden" name="entry" value="<?cs var:Target.id ?>"><?cs else ?><input type="hidden" name="event" value="<?cs var:Target.event ?>"><?cs /if ?>
  <?cs include:"_objection_fields.cs" ?>
</form>
<?cs /if ?>
<?cs call:page_end() ?>

<?cs # env_event.cs — one dynamic-scoring event for the agency: correct it
     (the corrected event replaces it) or void it, with the reason; never
     deleted, it stays in the enterprise's history. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Env.fix.title ?></h1>
<p><a href="/env/dynamic/<?cs var:Event.subject_id ?>"><?cs var:Subject.name ?></a> <span class="mono"><?cs var:Subject.uscc ?></span></p>
<dl class="facts" id="event" data-void="<?cs var:Event.void ?>">
  <dt><?cs var:Lang.Env.dyn.type ?></dt><dd><?cs var:Event.type ?></dd>
  <dt><?cs var:Lang.Env.points ?></dt><dd><?cs var:Event.points ?></dd>
  <dt><?cs var:Lang.Env.dyn.decided_on ?></dt><dd><?cs var:Event.decided_on ?></dd>
  <dt><?cs var:Lang.Env.dyn.until ?></dt><dd><?cs var:Event.until_on ?></dd>
  <dt><?cs var:Lang.Entity.doc_no ?></dt><dd class="mono"><?cs var:Event.doc_no ?></dd>
  <?cs if:Event.note ?><dt><?cs var:Lang.Env.note ?></dt><dd><?cs var:Event.note ?></dd><?cs /if ?>
</dl>
<?cs if:Event.void ?>
<p class="alert" id="event-voided"><?cs var:Lang.Env.fix.act[Event.void] ?> — <?cs var:Lang.Env.fix.already ?></p>
<?cs if:Form.reason.error ?><p class="field-error" id="err-reason"><?cs var:Form.reason.error ?></p><?cs /if ?>
<?cs else ?>
<h2><?cs var:Lang.Env.fix.correct_heading ?></h2>
<p class="hint"><?cs var:Lang.Env.fix.correct_hint ?></p>
<form method="post" action="/env/dynamic/events/<?cs var:Event.id ?>/correct" class="stack" id="event-fix-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs include:"_env_event_fields.cs" ?>
  <?cs call:text_field("reason", Lang.Env.reason, 300, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Env.fix.correct_submit ?></button>
</form>
<h2><?cs var:Lang.Env.fix.void_heading ?></h2>
<form method="post" action="/env/dynamic/events/<?cs var:Event.id ?>/void" class="stack" id="event-void-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <label for="f-void-reason"><?cs var:Lang.Env.reason ?> <span aria-hidden="true">*</span></label>
  <input id="f-void-reason" name="reason" type="text" maxlength="300" required>
  <button type="submit" class="button"><?cs var:Lang.Env.fix.void_submit ?></button>
</form>
<?cs /if ?>
<?cs call:page_end() ?>

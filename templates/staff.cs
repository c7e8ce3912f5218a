<?cs include:"_layout.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Staff.heading ?></h1>
<ul class="cards" id="staff-actions">
  <li class="card"><a href="/staff/subjects/new"><?cs var:Lang.Staff.subject.new ?></a><p class="hint"><?cs var:Lang.Staff.subject.hint ?></p></li>
  <li class="card"><a href="/staff/records/new"><?cs var:Lang.Staff.record.new ?></a><p class="hint"><?cs var:Lang.Staff.record.hint ?></p></li>
  <li class="card"><a href="/staff/import"><?cs var:Lang.Import.heading ?></a><p class="hint"><?cs var:Lang.Import.formats_hint ?></p></li>
  <li class="card"><a href="/staff/associations"><?cs var:Lang.Assoc.staff.title ?></a><p class="hint"><?cs var:Lang.Assoc.staff.hint ?></p></li>
  <li class="card"><a href="/staff/repairs"><?cs var:Lang.Repair.queue_title ?></a><p class="hint"><?cs var:Lang.Repair.queue_hint ?></p></li>
  <li class="card"><a href="/staff/objections"><?cs var:Lang.Objection.queue_title ?></a><p class="hint"><?cs var:Lang.Objection.queue_hint ?></p></li>
  <li class="card"><a href="/staff/authorizations/new"><?cs var:Lang.Staff.auth.title ?></a><p class="hint"><?cs var:Lang.Staff.auth.hint ?></p></li>
</ul>
<?cs call:page_end() ?>

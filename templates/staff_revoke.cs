<?cs # staff_revoke.cs — Art. 37: a record whose legal basis was revoked is deleted. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Revoke.title ?></h1>
<dl class="facts" id="revoke-record">
  <dt><?cs var:Lang.Entity.item ?></dt><dd><?cs var:Record.item ?></dd>
  <dt><?cs var:Lang.Entity.agency ?></dt><dd><?cs var:Record.agency ?></dd>
  <dt><?cs var:Lang.Entity.doc_no ?></dt><dd class="mono"><?cs var:Record.doc_no ?></dd>
  <dt><?cs var:Lang.Entity.decided_on ?></dt><dd><?cs var:Record.decided_on ?></dd>
</dl>
<p class="alert"><?cs var:Lang.Revoke.warning ?></p>
<p class="hint" id="revoke-closes"><?cs var:Lang.Revoke.closes ?></p>
<form method="post" action="/staff/records/<?cs var:Record.id ?>/revoke" class="stack" id="revoke-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:text_field("doc_no", Lang.Revoke.doc_no, 100, 1) ?>
  <?cs call:date_field("revoked_on", Lang.Revoke.revoked_on, 1) ?>
  <?cs call:text_field("reason", Lang.Staff.reason, 300, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Revoke.submit ?></button>
</form>
<?cs call:page_end() ?>

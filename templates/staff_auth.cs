<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Staff.auth.title ?></h1>
<p class="hint"><?cs var:Lang.Staff.auth.hint ?></p>
<form method="post" action="/staff/authorizations" class="stack wide" id="auth-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:text_field("uscc", Lang.Entity.uscc, 40, 1) ?>
  <?cs call:text_field("grantee", Lang.Staff.auth.grantee, 64, 1) ?>
  <?cs call:text_field("purpose", Lang.Staff.auth.purpose, 300, 1) ?>
  <?cs call:text_field("doc_ref", Lang.Staff.auth.doc_ref, 100, 1) ?>
  <?cs call:date_field("valid_from", Lang.Staff.auth.from, 1) ?>
  <?cs call:date_field("valid_to", Lang.Staff.auth.to, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Staff.save ?></button>
</form>
<?cs call:page_end() ?>

<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Staff.serious.title ?></h1>
<form method="post" action="/staff/serious" class="stack wide" id="serious-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:text_field("uscc", Lang.Entity.uscc, 40, 1) ?>
  <?cs call:text_field("agency", Lang.Entity.agency, 100, 1) ?>
  <?cs call:text_field("doc_no", Lang.Entity.doc_no, 100, 1) ?>
  <?cs call:date_field("included_on", Lang.Entity.included_on, 1) ?>
  <?cs call:text_field("reason", Lang.Entity.serious_reason, 500, 1) ?>
  <?cs call:text_field("removal_conditions", Lang.Entity.removal, 500, 1) ?>
  <?cs call:text_field("remedy", Lang.Entity.remedy, 500, 1) ?>
  <?cs call:text_field("responsible_persons", Lang.Entity.responsible, 300, 0) ?>
  <button type="submit" class="button"><?cs var:Lang.Staff.save ?></button>
</form>
<?cs call:page_end() ?>

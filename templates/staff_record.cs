<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Page.title ?></h1>
<?cs if:Edit.subject ?><p><?cs var:Edit.subject ?>（<span class="mono"><?cs var:Form.uscc.value ?></span>）</p><?cs /if ?>
<form method="post" action="/staff/records<?cs if:Edit.id ?>/<?cs var:Edit.id ?><?cs /if ?>" class="stack wide" id="record-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs if:Edit.id ?>
  <input type="hidden" name="uscc" value="<?cs var:Form.uscc.value ?>">
  <?cs else ?>
  <?cs call:text_field("uscc", Lang.Entity.uscc, 40, 1) ?>
  <?cs /if ?>
  <label for="f-item"><?cs var:Lang.Entity.item ?> <span aria-hidden="true">*</span></label>
  <select id="f-item" name="item" required>
    <?cs each:c = Catalog ?><option value="<?cs var:c.code ?>"<?cs if:Form.item.value == c.code ?> selected<?cs /if ?>><?cs var:c.name ?><?cs if:c.kind == "keep_faith" ?>（<?cs var:Lang.Entity.keepfaith ?>）<?cs /if ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("item") ?>
  <?cs call:text_field("agency", Lang.Entity.agency, 100, 1) ?>
  <?cs call:text_field("doc_no", Lang.Entity.doc_no, 100, 1) ?>
  <?cs call:date_field("decided_on", Lang.Entity.decided_on, 1) ?>
  <?cs call:date_field("ended_on", Lang.Entity.ended_on, 0) ?>
  <label for="f-summary"><?cs var:Lang.Entity.summary ?> <span aria-hidden="true">*</span></label>
  <textarea id="f-summary" name="summary" rows="4" maxlength="1000" required><?cs var:Form.summary.value ?></textarea>
  <?cs call:field_error("summary") ?>
  <fieldset>
    <legend><?cs var:Lang.Staff.publicity ?></legend>
    <label class="check"><input type="radio" name="is_public" value="1"<?cs if:Form.is_public.value != "0" ?> checked<?cs /if ?>> <?cs var:Lang.Staff.public ?></label>
    <label class="check"><input type="radio" name="is_public" value="0"<?cs if:Form.is_public.value == "0" ?> checked<?cs /if ?>> <?cs var:Lang.Entity.non_public ?></label>
  </fieldset>
  <?cs if:Edit.id ?><?cs call:text_field("reason", Lang.Staff.reason, 300, 1) ?><?cs /if ?>
  <button type="submit" class="button"><?cs var:Lang.Staff.save ?></button>
</form>
<?cs call:page_end() ?>

<?cs # repair_new.cs — the enterprise applies for credit repair of one record. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Repair.new_title ?></h1>
<?cs if:!Record.id ?>
<p class="hint"><?cs var:Lang.Req.choose ?></p>
<?cs if:Choose.0.id ?><ul id="choose">
<?cs each:c = Choose ?><li><a href="/me/repairs/new?record=<?cs var:c.id ?>"><?cs var:c.item ?> · <span class="mono"><?cs var:c.doc_no ?></span> · <?cs var:c.decided_on ?></a></li><?cs /each ?>
</ul><?cs else ?><p><?cs var:Lang.Req.none ?></p><?cs /if ?>
<?cs else ?>
<dl class="facts" id="repair-record">
  <dt><?cs var:Lang.Entity.item ?></dt><dd><?cs var:Record.item ?></dd>
  <dt><?cs var:Lang.Entity.agency ?></dt><dd><?cs var:Record.agency ?></dd>
  <dt><?cs var:Lang.Entity.doc_no ?></dt><dd class="mono"><?cs var:Record.doc_no ?></dd>
  <dt><?cs var:Lang.Entity.decided_on ?></dt><dd><?cs var:Record.decided_on ?></dd>
</dl>
<?cs if:Repair.refused ?>
<p class="alert" role="alert" id="repair-refused"><?cs var:Repair.refused ?><?cs if:Repair.accept_from ?> <?cs var:Lang.Repair.accept_from ?> <span id="accept-from"><?cs var:Repair.accept_from ?></span><?cs /if ?></p>
<?cs else ?>
<p class="hint"><?cs var:Lang.Repair.hint ?></p>
<form method="post" action="/me/repairs" enctype="multipart/form-data" class="stack wide" id="repair-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="record" value="<?cs var:Record.id ?>">
  <label for="f-reason"><?cs var:Lang.Repair.reason ?> <span aria-hidden="true">*</span></label>
  <textarea id="f-reason" name="reason" rows="5" maxlength="2000" required><?cs var:Form.reason.value ?></textarea>
  <?cs call:field_error("reason") ?>
  <label for="f-application"><?cs var:Lang.Repair.application ?> <span aria-hidden="true">*</span></label>
  <input id="f-application" name="application" type="file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" required>
  <?cs call:field_error("application") ?>
  <label for="f-commitment"><?cs var:Lang.Repair.commitment ?> <span aria-hidden="true">*</span></label>
  <input id="f-commitment" name="commitment" type="file" accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" required>
  <?cs call:field_error("commitment") ?>
  <label for="f-proof"><?cs var:Lang.Repair.proof ?> <span aria-hidden="true">*</span></label>
  <input id="f-proof" name="proof" type="file" multiple accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg" required>
  <?cs call:field_error("proof") ?>
  <p class="hint"><?cs var:Lang.Upload.rules ?></p>
  <button type="submit" class="button"><?cs var:Lang.Repair.submit ?></button>
</form>
<?cs /if ?>
<?cs /if ?>
<?cs call:page_end() ?>

<?cs # _objection_fields.cs — the objection forms' own fields (objection_new.cs, env_objection.cs): statement, proof files, button. ?>
  <label for="f-statement"><?cs var:Lang.Objection.statement ?> <span aria-hidden="true">*</span></label>
  <textarea id="f-statement" name="statement" rows="5" maxlength="2000" required><?cs var:Form.statement.value ?></textarea>
  <?cs call:field_error("statement") ?>
  <label for="f-document"><?cs var:Lang.Objection.documents ?></label>
  <input id="f-document" name="document" type="file" multiple accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg">
  <?cs call:field_error("document") ?>
  <p class="hint"><?cs var:Lang.Upload.rules ?></p>
  <button type="submit" class="button"><?cs var:Lang.Objection.submit ?></button>

<?cs # _field.cs — form field macros: label, control, the field's error.
     Every value is escaped by VarEscapeMode. ?>
<?cs def:field_error(name) ?><?cs if:Form[name].error ?><p class="field-error" id="err-<?cs var:name ?>"><?cs var:Form[name].error ?></p><?cs /if ?><?cs /def ?>
<?cs def:text_field(name, label, max, required) ?>
  <label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?> <span aria-hidden="true">*</span><?cs /if ?></label>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="text" maxlength="<?cs var:max ?>" value="<?cs var:Form[name].value ?>"<?cs if:required ?> required<?cs /if ?><?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?>>
  <?cs call:field_error(name) ?>
<?cs /def ?>
<?cs def:date_field(name, label, required) ?>
  <label for="f-<?cs var:name ?>"><?cs var:label ?><?cs if:required ?> <span aria-hidden="true">*</span><?cs /if ?></label>
  <input id="f-<?cs var:name ?>" name="<?cs var:name ?>" type="date" value="<?cs var:Form[name].value ?>"<?cs if:required ?> required<?cs /if ?><?cs if:Form[name].error ?> aria-invalid="true"<?cs /if ?>>
  <?cs call:field_error(name) ?>
<?cs /def ?>

<?cs # _env_event_fields.cs — the fields of a dynamic-scoring event (env_dynamic.cs records one, env_event.cs corrects one): type, decision date, document number, note. ?>
  <label for="f-type"><?cs var:Lang.Env.dyn.type ?></label>
  <select id="f-type" name="type"><?cs each:t = Types ?><option value="<?cs var:t.code ?>"<?cs if:Form.type.value == t.code ?> selected<?cs /if ?>><?cs var:t.name ?> (<?cs var:t.points ?>, <?cs var:t.months ?> <?cs var:Lang.Env.dyn.months ?>)</option><?cs /each ?></select>
  <?cs call:field_error("type") ?>
  <?cs call:date_field("decided_on", Lang.Env.dyn.decided_on, 1) ?>
  <?cs call:text_field("doc_no", Lang.Entity.doc_no, 100, 1) ?>
  <?cs call:text_field("note", Lang.Env.note, 300, 0) ?>

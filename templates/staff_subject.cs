<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Page.title ?></h1>
<form method="post" action="/staff/subjects<?cs if:Edit.id ?>/<?cs var:Edit.id ?><?cs /if ?>" class="stack wide" id="subject-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs if:Edit.id ?>
  <p><?cs var:Lang.Entity.uscc ?>：<span class="mono"><?cs var:Form.uscc.value ?></span></p>
  <?cs else ?>
  <?cs call:text_field("uscc", Lang.Entity.uscc, 40, 1) ?>
  <?cs if:Form.uscc.pos ?><p class="hint"><?cs var:Lang.Staff.uscc_pos_before ?> <?cs var:Form.uscc.pos ?> <?cs var:Lang.Staff.uscc_pos_after ?></p><?cs /if ?>
  <?cs if:Form.uscc.want ?><p class="hint"><?cs var:Lang.Staff.uscc_want ?><span class="mono"><?cs var:Form.uscc.want ?></span></p>
  <label class="check"><input type="checkbox" name="override" value="1"> <?cs var:Lang.Staff.override ?></label>
  <?cs /if ?>
  <?cs /if ?>
  <?cs call:text_field("name", Lang.Entity.name, 200, 1) ?>
  <label for="f-kind"><?cs var:Lang.Entity.kind ?></label>
  <select id="f-kind" name="kind">
    <?cs each:k = Lang.Kind ?><option value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
  </select>
  <?cs call:text_field("legal_rep", Lang.Entity.legal_rep, 100, 0) ?>
  <?cs call:text_field("address", Lang.Entity.address, 300, 0) ?>
  <?cs call:text_field("district", Lang.Entity.district, 50, 0) ?>
  <?cs call:text_field("industry", Lang.Entity.industry, 100, 0) ?>
  <?cs call:date_field("established", Lang.Entity.established, 0) ?>
  <label for="f-reg_status"><?cs var:Lang.Entity.status ?></label>
  <select id="f-reg_status" name="reg_status">
    <?cs each:k = Lang.RegStatus ?><option value="<?cs var:name(k) ?>"<?cs if:Form.reg_status.value == name(k) ?> selected<?cs /if ?>><?cs var:k ?></option><?cs /each ?>
  </select>
  <?cs if:Edit.id ?><?cs call:text_field("reason", Lang.Staff.reason, 300, 1) ?><?cs /if ?>
  <button type="submit" class="button"><?cs var:Lang.Staff.save ?></button>
</form>
<?cs call:page_end() ?>

<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Commit.heading ?></h1>
<p class="hint"><?cs var:Lang.Commit.hint ?></p>
<form method="post" action="/me/commitments" class="stack wide" id="commitment-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <fieldset>
    <legend><?cs var:Lang.Commit.kind ?></legend>
    <?cs each:k = Lang.Commitment ?><label class="check"><input type="radio" name="kind" value="<?cs var:name(k) ?>"<?cs if:Form.kind.value == name(k) ?> checked<?cs /if ?>> <?cs var:k ?></label><?cs /each ?>
  </fieldset>
  <?cs call:text_field("title", Lang.Commit.title_label, 200, 1) ?>
  <label for="f-body"><?cs var:Lang.Commit.body ?> <span aria-hidden="true">*</span></label>
  <textarea id="f-body" name="body" rows="8" maxlength="4000" required><?cs var:Form.body.value ?></textarea>
  <?cs call:field_error("body") ?>
  <button type="submit" class="button"><?cs var:Lang.Commit.submit ?></button>
</form>
<?cs call:page_end() ?>

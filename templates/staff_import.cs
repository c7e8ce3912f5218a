<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Import.heading ?></h1>
<?cs if:Import.done ?><p class="ok" role="status" id="import-done"><?cs var:Lang.Import.done_before ?> <?cs var:Import.done ?> <?cs var:Lang.Import.done_after ?>（<?cs var:Import.encoding ?>）</p><?cs /if ?>
<?cs if:Import.nerrors ?>
<div class="alert" role="alert" id="import-errors">
  <p><?cs var:Lang.Import.failed_before ?> <?cs var:Import.nerrors ?> <?cs var:Lang.Import.failed_after ?></p>
  <table class="data">
    <thead><tr><th scope="col"><?cs var:Lang.Import.line ?></th><th scope="col"><?cs var:Lang.Import.column ?></th><th scope="col"><?cs var:Lang.Import.reason ?></th></tr></thead>
    <tbody>
    <?cs each:e = Import.errors ?><tr><td><?cs var:e.line ?></td><td class="mono"><?cs var:e.column ?></td><td><?cs var:e.reason ?></td></tr><?cs /each ?>
    </tbody>
  </table>
  <?cs if:Import.shown ?><p><?cs var:Lang.Import.more ?></p><?cs /if ?>
</div>
<?cs /if ?>
<form method="post" action="/staff/import" enctype="multipart/form-data" class="stack wide" id="import-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <fieldset>
    <legend><?cs var:Lang.Import.kind ?></legend>
    <label class="check"><input type="radio" name="kind" value="subjects"<?cs if:Form.kind.value != "records" ?> checked<?cs /if ?>> <?cs var:Lang.Import.kind_subjects ?></label>
    <label class="check"><input type="radio" name="kind" value="records"<?cs if:Form.kind.value == "records" ?> checked<?cs /if ?>> <?cs var:Lang.Import.kind_records ?></label>
  </fieldset>
  <label for="f-file"><?cs var:Lang.Import.file ?></label>
  <input id="f-file" name="file" type="file" accept=".csv,text/csv" required>
  <?cs call:field_error("file") ?>
  <button type="submit" class="button"><?cs var:Lang.Import.submit ?></button>
</form>
<h2><?cs var:Lang.Import.formats ?></h2>
<p class="hint"><?cs var:Lang.Import.formats_hint ?></p>
<pre class="mono">uscc,name,kind,legal_rep,address,district,industry,established,reg_status
uscc,item,agency,doc_no,decided_on,ended_on,summary,is_public</pre>
<?cs call:page_end() ?>

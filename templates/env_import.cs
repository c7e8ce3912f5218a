<?cs # env_import.cs — a round's results by CSV: all rows or none; every bad
     row is listed with its line number and reason. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Env.import.title ?></h1>
<p><a href="/env/rounds/<?cs var:Round.id ?>"><?cs var:Round.year ?> · <?cs var:Round.scope ?></a></p>
<?cs if:Import.done ?><p class="ok" role="status" id="import-done"><?cs var:Lang.Import.done_before ?> <?cs var:Import.done ?> <?cs var:Lang.Import.done_after ?>（<?cs var:Import.encoding ?>）<?cs var:Lang.Env.import.created_before ?> <?cs var:Import.created ?> <?cs var:Lang.Env.import.created_after ?></p><?cs /if ?>
<?cs if:Import.nerrors ?>
<div class="alert" role="alert" id="import-errors">
  <p><?cs var:Lang.Import.failed_before ?> <?cs var:Import.nerrors ?> <?cs var:Lang.Import.failed_after ?></p>
  <table class="data">
    <thead><tr><th scope="col"><?cs var:Lang.Import.line ?></th><th scope="col"><?cs var:Lang.Import.column ?></th><th scope="col"><?cs var:Lang.Import.reason ?></th></tr></thead>
    <tbody>
    <?cs each:e = Import.errors ?><tr class="import-error" data-line="<?cs var:e.line ?>"><td><?cs var:e.line ?></td><td class="mono"><?cs var:e.column ?></td><td><?cs var:e.reason ?></td></tr><?cs /each ?>
    </tbody>
  </table>
  <?cs if:Import.shown ?><p><?cs var:Lang.Import.more ?></p><?cs /if ?>
</div>
<?cs /if ?>
<?cs if:Round.status == "draft" ?>
<form method="post" action="/env/rounds/<?cs var:Round.id ?>/import" enctype="multipart/form-data" class="stack wide" id="import-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <label for="f-file"><?cs var:Lang.Import.file ?></label>
  <input id="f-file" name="file" type="file" accept=".csv,text/csv" required>
  <?cs call:field_error("file") ?>
  <button type="submit" class="button"><?cs var:Lang.Import.submit ?></button>
</form>
<?cs else ?><p><?cs var:Lang.Env.err.not_draft ?></p><?cs /if ?>
<h2><?cs var:Lang.Import.formats ?></h2>
<p class="hint"><?cs var:Lang.Env.import.hint ?></p>
<pre class="mono">uscc,name,grade,score,district
统一社会信用代码,名称,环保信用等级,得分,所属区县</pre>
<?cs call:page_end() ?>

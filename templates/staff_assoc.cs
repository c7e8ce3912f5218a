<?cs # staff_assoc.cs — staff register industry associations; their logins
     are created with credctl (README). ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Assoc.staff.title ?></h1>
<?cs if:Assocs.0.id ?>
<table class="data" id="associations">
  <thead><tr><th scope="col">#</th><th scope="col"><?cs var:Lang.Assoc.name ?></th><th scope="col"><?cs var:Lang.Entity.uscc ?></th><th scope="col"><?cs var:Lang.Entity.industry ?></th><th scope="col"><?cs var:Lang.Assoc.members ?></th></tr></thead>
  <tbody><?cs each:a = Assocs ?><tr><td><?cs var:a.id ?></td><td><?cs var:a.name ?></td><td class="mono"><?cs var:a.uscc ?></td><td><?cs var:a.industry ?></td><td><?cs var:a.members ?></td></tr><?cs /each ?></tbody>
</table>
<?cs /if ?>
<h2><?cs var:Lang.Assoc.staff.new ?></h2>
<?cs if:Staff.assoc_error ?><p class="alert" role="alert" id="assoc-error"><?cs var:Staff.assoc_error ?></p><?cs /if ?>
<form method="post" action="/staff/associations" class="stack" id="assoc-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:text_field("name", Lang.Assoc.name, 200, 1) ?>
  <?cs call:text_field("uscc", Lang.Entity.uscc, 40, 1) ?>
  <?cs call:text_field("industry", Lang.Entity.industry, 100, 0) ?>
  <p class="hint"><?cs var:Lang.Assoc.staff.hint ?></p>
  <button type="submit" class="button"><?cs var:Lang.Assoc.staff.submit ?></button>
</form>
<?cs call:page_end() ?>

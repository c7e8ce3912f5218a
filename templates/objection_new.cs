<?cs # objection_new.cs — the enterprise objects to one of its records (Art. 36). ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Objection.new_title ?></h1>
<?cs if:!Record.id ?>
<p class="hint"><?cs var:Lang.Req.choose ?></p>
<?cs if:Choose.0.id ?><ul id="choose">
<?cs each:c = Choose ?><li><a href="/me/objections/new?record=<?cs var:c.id ?>"><?cs var:c.item ?> · <span class="mono"><?cs var:c.doc_no ?></span> · <?cs var:c.decided_on ?></a></li><?cs /each ?>
</ul><?cs else ?><p><?cs var:Lang.Req.none ?></p><?cs /if ?>
<?cs else ?>
<dl class="facts" id="objection-record">
  <dt><?cs var:Lang.Entity.item ?></dt><dd><?cs var:Record.item ?></dd>
  <dt><?cs var:Lang.Entity.agency ?></dt><dd><?cs var:Record.agency ?></dd>
  <dt><?cs var:Lang.Entity.doc_no ?></dt><dd class="mono"><?cs var:Record.doc_no ?></dd>
  <dt><?cs var:Lang.Entity.decided_on ?></dt><dd><?cs var:Record.decided_on ?></dd>
</dl>
<?cs if:Objection.refused ?><p class="alert" role="alert" id="objection-refused"><?cs var:Objection.refused ?></p><?cs /if ?>
<p class="hint"><?cs var:Lang.Objection.hint ?></p>
<form method="post" action="/me/objections" enctype="multipart/form-data" class="stack wide" id="objection-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="record" value="<?cs var:Record.id ?>">
  <?cs include:"_objection_fields.cs" ?>
</form>
<?cs /if ?>
<?cs call:page_end() ?>

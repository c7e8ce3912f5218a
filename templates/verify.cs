<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Verify.heading ?></h1>
<p><?cs var:Lang.Verify.intro ?></p>
<form method="get" action="/verify" class="stack" id="verify-form">
  <?cs call:text_field("serial", Lang.Report.serial, 20, 1) ?>
  <?cs call:text_field("code", Lang.Report.code, 8, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Verify.submit ?></button>
</form>
<?cs if:Verify.result == "genuine" ?>
<p class="ok" role="status" id="verify-result" data-result="genuine"><?cs var:Lang.Verify.genuine ?> <?cs var:Verify.subject ?>（<?cs var:Verify.uscc ?>）</p>
<article class="report"><?cs include:"_report_lines.cs" ?></article>
<?cs elif:Verify.result == "altered" ?>
<p class="alert" role="alert" id="verify-result" data-result="altered"><?cs var:Lang.Verify.altered ?></p>
<?cs elif:Verify.result ?>
<p class="alert" role="alert" id="verify-result" data-result="<?cs var:Verify.result ?>"><?cs var:Lang.Verify.unknown ?></p>
<?cs /if ?>
<p class="hint small"><?cs var:Lang.Verify.key ?> <span class="mono">Ed25519 <?cs var:Verify.public_key ?></span></p>
<?cs call:page_end() ?>

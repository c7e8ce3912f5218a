<?cs # cert.cs — the public certificate check: is a rating certificate
     number genuine, and is the rating still valid? ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Cert.title ?></h1>
<form method="get" action="/cert" class="stack" id="cert-form">
  <?cs call:text_field("no", Lang.Cert.no, 40, 1) ?>
  <p class="hint"><?cs var:Lang.Cert.hint ?></p>
  <button type="submit" class="button"><?cs var:Lang.Cert.submit ?></button>
</form>
<?cs if:Cert.result ?>
<section id="cert-result" data-result="<?cs var:Cert.result ?>" aria-live="polite">
<p class="<?cs if:Cert.result == "valid" ?>ok<?cs else ?>alert<?cs /if ?>" id="cert-verdict"><?cs var:Lang.Cert.result[Cert.result] ?></p>
<?cs if:Cert.rating.id ?>
<dl class="facts">
  <dt><?cs var:Lang.Assoc.cert_no ?></dt><dd class="mono"><?cs var:Cert.rating.cert_no ?></dd>
  <dt><?cs var:Lang.Assoc.association ?></dt><dd><?cs var:Cert.rating.assoc ?></dd>
  <dt><?cs var:Lang.Assoc.member ?></dt><dd><a href="/entity/<?cs var:Cert.rating.uscc ?>"><?cs var:Cert.rating.subject ?></a>（<?cs var:Cert.rating.uscc ?>）</dd>
  <dt><?cs var:Lang.Assoc.level ?></dt><dd id="cert-level"><?cs var:Cert.rating.level ?> — <?cs var:Cert.rating.level_desc ?></dd>
  <dt><?cs var:Lang.Assoc.validity ?></dt><dd><?cs var:Cert.rating.valid_from ?> – <?cs var:Cert.rating.valid_to ?></dd>
</dl>
<?cs /if ?>
</section>
<?cs /if ?>
<?cs call:page_end() ?>

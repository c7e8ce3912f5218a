<?cs include:"_layout.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Me.heading ?></h1>
<dl class="facts" id="me">
  <dt><?cs var:Lang.Me.name ?></dt><dd id="me-name"><?cs var:Me.name ?></dd>
  <dt><?cs var:Lang.Me.login ?></dt><dd id="me-login"><?cs var:Me.login ?></dd>
  <dt><?cs var:Lang.Me.role ?></dt><dd id="me-role" data-role="<?cs var:Me.role ?>"><?cs var:Lang.Role[Me.role] ?></dd>
  <?cs if:Me.org ?><dt><?cs var:Lang.Me.org[Me.role] ?></dt><dd id="me-org"><?cs var:Me.org ?></dd><?cs /if ?>
  <dt><?cs var:Lang.Me.last_login ?></dt><dd><?cs if:Me.last_login ?><?cs var:Me.last_login ?><?cs else ?><?cs var:Lang.Me.never ?><?cs /if ?></dd>
</dl>
<?cs if:Me.uscc ?>
<ul id="me-links">
  <li><a href="/entity/<?cs var:Me.uscc ?>" id="my-file"><?cs var:Lang.Me.my_file ?></a></li>
  <li><a href="/report" id="my-report"><?cs var:Lang.Me.my_report ?></a></li>
</ul>
<?cs /if ?>
<p class="hint"><?cs var:Lang.Me.session_before ?> <?cs var:Me.idle_minutes ?> <?cs var:Lang.Me.session_middle ?> <?cs var:Me.absolute_hours ?> <?cs var:Lang.Me.session_after ?></p>
<?cs call:page_end() ?>

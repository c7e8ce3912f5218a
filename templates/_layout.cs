<?cs # _layout.cs — shared page chrome. Pages include this file and call
     page_start() / page_end(). Every var: is HTML-escaped (VarEscapeMode). ?>
<?cs def:page_start() ?><!DOCTYPE html>
<html lang="<?cs var:Page.lang ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Page.title ?> · <?cs var:Lang.Site.name ?></title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<header class="site">
  <div class="wrap">
    <a class="brand" href="/"><?cs var:Lang.Site.name ?></a>
    <nav aria-label="<?cs var:Lang.Nav.label ?>">
      <a href="/"<?cs if:Page.nav == "home" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.home ?></a>
      <?cs if:User.login ?>
      <a href="/me"<?cs if:Page.nav == "me" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.me ?></a>
      <?cs if:User.role == "enterprise" ?><a href="/report"<?cs if:Page.nav == "report" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.report ?></a><?cs /if ?>
      <?cs if:User.role == "association" ?><a href="/assoc"<?cs if:Page.nav == "assoc" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.assoc ?></a><?cs /if ?>
      <?cs if:User.role == "staff" || User.role == "admin" ?><a href="/staff"<?cs if:Page.nav == "staff" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.staff ?></a><?cs /if ?>
      <?cs if:User.role == "enterprise" ?><a href="/me/requests"<?cs if:Page.nav == "requests" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.requests ?></a><?cs /if ?>
      <?cs if:User.role == "staff" || User.role == "admin" ?><?cs # Nav.*: open and overdue requests, pages/common.c page_layout() ?>
      <a href="/staff/repairs"<?cs if:Page.nav == "repairs" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.repairs ?><?cs if:?Nav.n_repairs ?> <span class="nav-count" id="nav-n-repairs" title="<?cs var:Lang.Nav.n_open ?>"><?cs var:Nav.n_repairs ?></span><?cs /if ?></a><?cs if:Nav.late_repairs > 0 ?> <a href="/staff/repairs?due=overdue" class="nav-late" id="nav-late-repairs"><?cs var:Lang.Nav.late ?> <?cs var:Nav.late_repairs ?></a><?cs /if ?>
      <a href="/staff/objections"<?cs if:Page.nav == "objections" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.objections ?><?cs if:?Nav.n_objections ?> <span class="nav-count" id="nav-n-objections" title="<?cs var:Lang.Nav.n_open ?>"><?cs var:Nav.n_objections ?></span><?cs /if ?></a><?cs if:Nav.late_objections > 0 ?> <a href="/staff/objections?due=overdue" class="nav-late" id="nav-late-objections"><?cs var:Lang.Nav.late ?> <?cs var:Nav.late_objections ?></a><?cs /if ?>
      <?cs /if ?>
      <?cs if:User.role == "admin" ?><a href="/admin/users"<?cs if:Page.nav == "admin" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.admin ?></a><?cs /if ?>
      <?cs if:User.role == "env_agency" ?><a href="/env"<?cs if:Page.nav == "env" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.env ?></a><?cs /if ?>
      <?cs if:User.role == "admin" ?><a href="/admin/env"<?cs if:Page.nav == "admin_env" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.admin_env ?></a><?cs /if ?>
      <?cs if:User.role == "admin" ?><a href="/admin/calendar"<?cs if:Page.nav == "calendar" ?> aria-current="page"<?cs /if ?>><?cs var:Lang.Nav.calendar ?></a><?cs /if ?>
      <?cs /if ?>
    </nav>
    <div class="tools">
      <form method="post" action="/lang" class="inline">
        <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
        <input type="hidden" name="next" value="<?cs var:Page.path ?>">
        <?cs if:Page.lang == "en" ?>
        <button type="submit" name="lang" value="zh-CN" lang="zh-CN" class="link">中文</button>
        <?cs else ?>
        <button type="submit" name="lang" value="en" lang="en" class="link">English</button>
        <?cs /if ?>
      </form>
      <?cs if:User.login ?>
      <span class="who"><?cs var:User.name ?> · <?cs var:Lang.Role[User.role] ?></span>
      <form method="post" action="/logout" class="inline">
        <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
        <button type="submit" class="link" id="logout"><?cs var:Lang.Nav.logout ?></button>
      </form>
      <?cs else ?>
      <a href="/login" id="login-link"><?cs var:Lang.Nav.login ?></a>
      <?cs /if ?>
    </div>
  </div>
</header>
<main class="wrap" id="main">
<?cs /def ?>
<?cs def:page_end() ?>
</main>
<footer class="site">
  <div class="wrap"><?cs var:Lang.Site.footer ?></div>
</footer>
</body>
</html>
<?cs /def ?>

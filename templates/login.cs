<?cs include:"_layout.cs" ?><?cs call:page_start() ?>
<section class="narrow">
<h1><?cs var:Lang.Login.heading ?></h1>
<?cs if:Page.error ?><p class="alert" role="alert" id="login-error"><?cs var:Page.error ?><?cs if:Page.retry_minutes ?> <?cs var:Lang.Login.retry_before ?> <?cs var:Page.retry_minutes ?> <?cs var:Lang.Login.retry_after ?><?cs /if ?></p><?cs /if ?>
<form method="post" action="/login" class="stack" id="login-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs if:Form.next.value ?><input type="hidden" name="next" value="<?cs var:Form.next.value ?>"><?cs /if ?>
  <label for="login"><?cs var:Lang.Login.login ?></label>
  <input id="login" name="login" type="text" autocomplete="username" required maxlength="64"
         value="<?cs var:Form.login.value ?>" autofocus>
  <?cs if:Form.login.error ?><p class="field-error"><?cs var:Form.login.error ?></p><?cs /if ?>
  <label for="password"><?cs var:Lang.Login.password ?></label>
  <input id="password" name="password" type="password" autocomplete="current-password" required maxlength="1024">
  <?cs if:Form.password.error ?><p class="field-error"><?cs var:Form.password.error ?></p><?cs /if ?>
  <button type="submit" class="button"><?cs var:Lang.Login.submit ?></button>
</form>
<p class="hint"><?cs var:Lang.Login.hint ?></p>
</section>
<?cs call:page_end() ?>

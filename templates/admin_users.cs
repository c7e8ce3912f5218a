<?cs include:"_layout.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Admin.users.heading ?></h1>
<p><?cs var:Lang.Admin.users.total ?><?cs var:Pager.total ?></p>
<table class="data" id="users">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Admin.users.login ?></th>
    <th scope="col"><?cs var:Lang.Admin.users.name ?></th>
    <th scope="col"><?cs var:Lang.Admin.users.role ?></th>
    <th scope="col"><?cs var:Lang.Admin.users.org ?></th>
    <th scope="col"><?cs var:Lang.Admin.users.last_login ?></th>
    <th scope="col"><?cs var:Lang.Admin.users.status ?></th>
  </tr></thead>
  <tbody>
  <?cs each:u = Users ?>
  <tr>
    <td><?cs var:u.login ?></td>
    <td><?cs var:u.name ?></td>
    <td><?cs var:Lang.Role[u.role] ?></td>
    <td><?cs var:u.org ?></td>
    <td><?cs if:u.last_login ?><?cs var:u.last_login ?><?cs else ?><?cs var:Lang.Me.never ?><?cs /if ?></td>
    <td><?cs if:u.disabled == "1" ?><?cs var:Lang.Admin.users.disabled ?><?cs else ?><?cs var:Lang.Admin.users.active ?><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs if:Pager.pages > 1 ?>
<nav class="pager" aria-label="<?cs var:Lang.Pager.label ?>">
  <?cs if:Pager.prev ?><a href="/admin/users?page=<?cs var:Pager.prev ?>" rel="prev"><?cs var:Lang.Pager.prev ?></a><?cs /if ?>
  <span><?cs var:Pager.page ?> / <?cs var:Pager.pages ?></span>
  <?cs if:Pager.next ?><a href="/admin/users?page=<?cs var:Pager.next ?>" rel="next"><?cs var:Lang.Pager.next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs call:page_end() ?>

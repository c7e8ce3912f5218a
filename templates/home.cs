<?cs include:"_layout.cs" ?><?cs call:page_start() ?>
<section class="hero">
  <h1><?cs var:Lang.Home.heading ?></h1>
  <p class="lead"><?cs var:Lang.Home.lead ?></p>
  <?cs include:"_search_form.cs" ?>
</section>
<section class="cards">
  <article class="card">
    <h2><?cs var:Lang.Home.ent.title ?></h2>
    <p><?cs var:Lang.Home.ent.text ?></p>
  </article>
  <article class="card">
    <h2><?cs var:Lang.Home.assoc.title ?></h2>
    <p><?cs var:Lang.Home.assoc.text ?></p>
  </article>
  <article class="card">
    <h2><?cs var:Lang.Home.staff.title ?></h2>
    <p><?cs var:Lang.Home.staff.text ?></p>
  </article>
</section>
<section class="grades" aria-labelledby="grades-h">
  <h2 id="grades-h"><?cs var:Lang.Home.grades.title ?></h2>
  <ul class="grade-list">
    <li><span class="badge grade-green"><?cs var:Lang.Grade.green ?></span> <?cs var:Lang.Grade.green_desc ?></li>
    <li><span class="badge grade-blue"><?cs var:Lang.Grade.blue ?></span> <?cs var:Lang.Grade.blue_desc ?></li>
    <li><span class="badge grade-yellow"><?cs var:Lang.Grade.yellow ?></span> <?cs var:Lang.Grade.yellow_desc ?></li>
    <li><span class="badge grade-red"><?cs var:Lang.Grade.red ?></span> <?cs var:Lang.Grade.red_desc ?></li>
    <li><span class="badge grade-black"><?cs var:Lang.Grade.black ?></span> <?cs var:Lang.Grade.black_desc ?></li>
  </ul>
  <p><a href="/env" id="env-link"><?cs var:Lang.Env.heading ?></a></p>
</section>
<?cs if:!User.login ?>
<p><a class="button" href="/login"><?cs var:Lang.Home.login_cta ?></a></p>
<?cs /if ?>
<?cs call:page_end() ?>

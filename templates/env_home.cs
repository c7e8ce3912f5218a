<?cs # env_home.cs — environmental credit grades: rounds, snapshots and, for
     the agency, the forms that start a round or a half-year snapshot. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs include:"_grade.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Env.heading ?></h1>
<p class="lead"><?cs var:Lang.Env.lead ?></p>
<ul class="grade-list">
  <li><?cs call:grade_badge("green") ?> <?cs var:Lang.Grade.green_desc ?></li>
  <li><?cs call:grade_badge("blue") ?> <?cs var:Lang.Grade.blue_desc ?></li>
  <li><?cs call:grade_badge("yellow") ?> <?cs var:Lang.Grade.yellow_desc ?></li>
  <li><?cs call:grade_badge("red") ?> <?cs var:Lang.Grade.red_desc ?></li>
  <li><?cs call:grade_badge("black") ?> <?cs var:Lang.Grade.black_desc ?></li>
</ul>
<h2><?cs var:Lang.Env.rounds ?></h2>
<?cs if:Years.0 ?>
<form method="get" action="/env" class="inline-form" id="year-form">
  <label for="f-year-filter"><?cs var:Lang.Env.year ?></label>
  <select id="f-year-filter" name="year"><option value=""><?cs var:Lang.Env.any ?></option>
  <?cs each:y = Years ?><option<?cs if:RoundList.year == y ?> selected<?cs /if ?>><?cs var:y ?></option><?cs /each ?>
  </select>
  <button type="submit" class="button"><?cs var:Lang.Env.filter ?></button>
</form>
<?cs /if ?>
<?cs if:Rounds.0.id ?>
<table class="data" id="rounds">
  <thead><tr><th scope="col"><?cs var:Lang.Env.year ?></th><th scope="col"><?cs var:Lang.Env.scope ?></th><th scope="col"><?cs var:Lang.Env.period ?></th><th scope="col"><?cs var:Lang.Env.status_h ?></th><th scope="col"><?cs var:Lang.Env.n ?></th><th scope="col"></th></tr></thead>
  <tbody>
  <?cs each:x = Rounds ?>
  <tr data-round="<?cs var:x.id ?>"><td><?cs var:x.year ?></td><td><a href="/env/rounds/<?cs var:x.id ?>"><?cs var:x.scope ?></a></td><td><?cs var:x.period_from ?> – <?cs var:x.period_to ?></td><td><?cs call:round_status(x.status) ?></td><td><?cs var:x.n ?></td><td><?cs if:x.status == "published" ?><a href="/env/rounds/<?cs var:x.id ?>/stats"><?cs var:Lang.Env.stats.link ?></a><?cs /if ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs call:env_pager("/env") ?>
<?cs else ?><p><?cs var:Lang.Env.no_rounds ?></p><?cs /if ?>
<h2><?cs var:Lang.Env.snap.heading ?></h2>
<?cs if:Snapshots.0.id ?>
<ul id="snapshots"><?cs each:x = Snapshots ?><li data-snapshot="<?cs var:x.id ?>"><a href="/env/snapshots/<?cs var:x.id ?>"><?cs var:x.as_of ?></a> (<?cs var:x.n ?>)<?cs if:x.version > 1 ?> · <?cs var:Lang.Env.snap.version ?> <?cs var:x.version ?><?cs /if ?></li><?cs /each ?></ul>
<?cs else ?><p><?cs var:Lang.Env.snap.none ?></p><?cs /if ?>
<?cs if:Env.manager ?>
<section class="no-print" aria-labelledby="new-round-h">
<h2 id="new-round-h"><?cs var:Lang.Env.new_round ?></h2>
<form method="post" action="/env/rounds" class="stack" id="round-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:text_field("year", Lang.Env.year, 4, 1) ?>
  <?cs call:text_field("scope", Lang.Env.scope, 100, 1) ?>
  <?cs call:date_field("period_from", Lang.Env.period_from, 1) ?>
  <?cs call:date_field("period_to", Lang.Env.period_to, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Env.create ?></button>
</form>
<p><a href="/env/dynamic"><?cs var:Lang.Env.dyn.title ?></a></p>
<h2><?cs var:Lang.Env.snap.new ?></h2>
<form method="post" action="/env/snapshots" class="stack" id="snapshot-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:date_field("as_of", Lang.Env.snap.as_of, 1) ?>
  <?cs call:text_field("reason", Lang.Env.snap.reason, 300, 0) ?>
  <p class="hint"><?cs var:Lang.Env.snap.hint ?></p>
  <button type="submit" class="button"><?cs var:Lang.Env.snap.create ?></button>
</form>
</section>
<?cs /if ?>
<?cs call:page_end() ?>

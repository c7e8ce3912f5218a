<?cs # env_snapshot.cs — a half-year snapshot: statistics per colour and the
     immutable red/black list for the differential electricity price. ?>
<?cs include:"_layout.cs" ?><?cs include:"_grade.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Env.snap.title ?> · <?cs var:Snapshot.as_of ?></h1>
<p id="snapshot-version" data-version="<?cs var:Snapshot.version ?>" data-current="<?cs if:Snapshot.is_current ?>1<?cs else ?>0<?cs /if ?>"><?cs var:Lang.Env.snap.version ?> <?cs var:Snapshot.version ?>
  <?cs if:Snapshot.is_current ?><span class="tag" id="snapshot-current"><?cs var:Lang.Env.snap.current ?></span><?cs else ?><span class="tag" id="snapshot-superseded"><?cs var:Lang.Env.snap.superseded ?> <?cs var:Snapshot.current ?></span><?cs /if ?>
  <?cs if:Snapshot.reason ?> · <?cs var:Lang.Env.snap.reason ?>: <span id="snapshot-reason"><?cs var:Snapshot.reason ?></span><?cs /if ?></p>
<p class="hint"><?cs var:Lang.Env.snap.made ?> <?cs var:Snapshot.created_at ?> <?cs var:Snapshot.who ?> · <a href="/env/snapshots/<?cs var:Snapshot.id ?>/csv" id="snapshot-csv"><?cs var:Lang.Env.snap.csv ?></a> · <a href="/env/snapshots/<?cs var:Snapshot.id ?>/stats.csv" id="stats-csv"><?cs var:Lang.Env.snap.stats_csv ?></a></p>
<p id="stats-total"><?cs var:Lang.Env.stats.total_before ?> <?cs var:Stats.total ?> <?cs var:Lang.Env.stats.total_after ?> <?cs var:Lang.Env.stats.good ?> <strong id="good-share"><?cs var:Stats.good_share ?>%</strong><?cs if:Prev.id ?> (<span id="delta-good"><?cs var:Stats.delta_good ?></span> <?cs var:Lang.Env.stats.pp ?>)<?cs /if ?></p>
<?cs if:Prev.id ?><p id="stats-previous"><?cs var:Lang.Env.snap.compared ?> <a href="/env/snapshots/<?cs var:Prev.id ?>"><?cs var:Prev.as_of ?></a></p><?cs /if ?>
<?cs call:grade_bars(Stats) ?>
<table class="data" id="stats">
  <thead><tr><th scope="col"><?cs var:Lang.Env.grade ?></th><th scope="col"><?cs var:Lang.Env.stats.count ?></th><th scope="col"><?cs var:Lang.Env.stats.share ?></th>
  <?cs if:Prev.id ?><th scope="col"><?cs var:Prev.as_of ?> <?cs var:Lang.Env.stats.count ?></th><th scope="col"><?cs var:Lang.Env.stats.change ?></th><th scope="col"><?cs var:Lang.Env.stats.share_change ?></th><?cs /if ?></tr></thead>
  <tbody><?cs each:s = Stats.rows ?><tr data-grade="<?cs var:s.grade ?>"><td><?cs call:grade_badge(s.grade) ?></td><td class="count"><?cs var:s.count ?></td><td class="share"><?cs var:s.share ?>%</td>
  <?cs if:Prev.id ?><td class="prev-count"><?cs var:PrevStats.rows[name(s)].count ?></td><td class="delta"><?cs var:s.delta_count ?></td><td class="delta-share"><?cs var:s.delta_share ?></td><?cs /if ?></tr><?cs /each ?></tbody>
</table>
<?cs if:!Prev.id ?><p class="hint" id="no-previous"><?cs var:Lang.Env.snap.no_previous ?></p><?cs /if ?>
<h2><?cs var:Lang.Env.snap.list ?></h2>
<p><?cs var:Lang.Env.measure.red_before ?> <?cs var:Snapshot.red_price ?> <?cs var:Lang.Env.measure.unit ?>; <?cs var:Lang.Env.measure.black_before ?> <?cs var:Snapshot.black_price ?> <?cs var:Lang.Env.measure.unit ?></p>
<form method="get" action="/env/snapshots/<?cs var:Snapshot.id ?>" class="inline-form" id="snap-filter">
  <label for="f-sgrade"><?cs var:Lang.Env.grade ?></label>
  <select id="f-sgrade" name="grade"><option value=""><?cs var:Lang.Env.any ?></option>
  <option value="red"<?cs if:Form.grade.value == "red" ?> selected<?cs /if ?>><?cs var:Lang.Grade.red ?></option>
  <option value="black"<?cs if:Form.grade.value == "black" ?> selected<?cs /if ?>><?cs var:Lang.Grade.black ?></option>
  </select>
  <label for="f-sdistrict"><?cs var:Lang.Entity.district ?></label>
  <input id="f-sdistrict" name="district" type="text" maxlength="50" value="<?cs var:Form.district.value ?>">
  <button type="submit" class="button"><?cs var:Lang.Env.filter ?></button>
</form>
<?cs if:List.0.uscc ?>
<table class="data" id="price-list">
  <thead><tr><th scope="col"><?cs var:Lang.Entity.name ?></th><th scope="col"><?cs var:Lang.Entity.uscc ?></th><th scope="col"><?cs var:Lang.Entity.district ?></th><th scope="col"><?cs var:Lang.Env.grade ?></th><th scope="col"><?cs var:Lang.Env.snap.surcharge ?></th></tr></thead>
  <tbody><?cs each:x = List ?><tr data-uscc="<?cs var:x.uscc ?>"><td><?cs var:x.name ?></td><td class="mono"><?cs var:x.uscc ?></td><td><?cs var:x.district ?></td><td><?cs call:grade_badge(x.grade) ?></td><td>+<?cs var:x.price ?></td></tr><?cs /each ?></tbody>
</table>
<?cs else ?><p><?cs var:Lang.Env.snap.empty ?></p><?cs /if ?>
<?cs if:Versions.1.id ?>
<h2 id="versions-h"><?cs var:Lang.Env.snap.versions ?></h2>
<table class="data" id="versions">
  <thead><tr><th scope="col"><?cs var:Lang.Env.snap.version ?></th><th scope="col"><?cs var:Lang.Env.snap.made ?></th><th scope="col"><?cs var:Lang.Env.snap.reason ?></th><th scope="col"><?cs var:Lang.Env.n ?></th></tr></thead>
  <tbody><?cs each:v = Versions ?><tr data-version="<?cs var:v.version ?>"<?cs if:v.current ?> class="current"<?cs /if ?>><td><?cs if:v.id == Snapshot.id ?><?cs var:v.version ?><?cs else ?><a href="/env/snapshots/<?cs var:v.id ?>"><?cs var:v.version ?></a><?cs /if ?><?cs if:v.current ?> <span class="tag"><?cs var:Lang.Env.snap.current ?></span><?cs /if ?></td><td><?cs var:v.created_at ?> <?cs var:v.who ?></td><td><?cs var:v.reason ?></td><td><?cs var:v.n ?></td></tr><?cs /each ?></tbody>
</table>
<?cs /if ?>
<?cs call:page_end() ?>

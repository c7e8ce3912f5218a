<?cs # env_snapshot.cs — a half-year snapshot: statistics per colour and the
     immutable red/black list for the differential electricity price. ?>
<?cs include:"_layout.cs" ?><?cs include:"_grade.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Env.snap.title ?> · <?cs var:Snapshot.as_of ?></h1>
<p class="hint"><?cs var:Lang.Env.snap.made ?> <?cs var:Snapshot.created_at ?> · <a href="/env/snapshots/<?cs var:Snapshot.id ?>/csv" id="snapshot-csv"><?cs var:Lang.Env.snap.csv ?></a></p>
<p id="stats-total"><?cs var:Lang.Env.stats.total_before ?> <?cs var:Stats.total ?> <?cs var:Lang.Env.stats.total_after ?> <?cs var:Lang.Env.stats.good ?> <strong id="good-share"><?cs var:Stats.good_share ?>%</strong></p>
<?cs call:grade_bars(Stats) ?>
<table class="data" id="stats">
  <thead><tr><th scope="col"><?cs var:Lang.Env.grade ?></th><th scope="col"><?cs var:Lang.Env.stats.count ?></th><th scope="col"><?cs var:Lang.Env.stats.share ?></th></tr></thead>
  <tbody><?cs each:s = Stats.rows ?><tr data-grade="<?cs var:s.grade ?>"><td><?cs call:grade_badge(s.grade) ?></td><td class="count"><?cs var:s.count ?></td><td class="share"><?cs var:s.share ?>%</td></tr><?cs /each ?></tbody>
</table>
<h2><?cs var:Lang.Env.snap.list ?></h2>
<p><?cs var:Lang.Env.measure.red_before ?> <?cs var:Snapshot.red_price ?> <?cs var:Lang.Env.measure.unit ?>; <?cs var:Lang.Env.measure.black_before ?> <?cs var:Snapshot.black_price ?> <?cs var:Lang.Env.measure.unit ?></p>
<?cs if:List.0.uscc ?>
<table class="data" id="price-list">
  <thead><tr><th scope="col"><?cs var:Lang.Entity.name ?></th><th scope="col"><?cs var:Lang.Entity.uscc ?></th><th scope="col"><?cs var:Lang.Entity.district ?></th><th scope="col"><?cs var:Lang.Env.grade ?></th><th scope="col"><?cs var:Lang.Env.snap.surcharge ?></th></tr></thead>
  <tbody><?cs each:x = List ?><tr data-uscc="<?cs var:x.uscc ?>"><td><?cs var:x.name ?></td><td class="mono"><?cs var:x.uscc ?></td><td><?cs var:x.district ?></td><td><?cs call:grade_badge(x.grade) ?></td><td>+<?cs var:x.price ?></td></tr><?cs /each ?></tbody>
</table>
<?cs else ?><p><?cs var:Lang.Env.snap.empty ?></p><?cs /if ?>
<?cs call:page_end() ?>

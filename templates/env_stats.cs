<?cs # env_stats.cs — public statistics of one round: exact counts, shares
     computed from them, change against the previous round, an SVG chart. ?>
<?cs include:"_layout.cs" ?><?cs include:"_grade.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Round.year ?> · <?cs var:Round.scope ?> · <?cs var:Lang.Env.stats.title ?></h1>
<p><?cs call:round_status(Round.status) ?> <a href="/env/rounds/<?cs var:Round.id ?>"><?cs var:Lang.Env.stats.list ?></a> · <a href="/env/rounds/<?cs var:Round.id ?>/stats.csv" id="stats-csv"><?cs var:Lang.Env.stats.csv ?></a></p>
<p id="stats-total"><?cs var:Lang.Env.stats.total_before ?> <?cs var:Stats.total ?> <?cs var:Lang.Env.stats.total_after ?> <?cs var:Lang.Env.stats.good ?> <strong id="good-share"><?cs var:Stats.good_share ?>%</strong><?cs if:Prev.id ?> (<?cs var:Stats.delta_good ?> <?cs var:Lang.Env.stats.pp ?>)<?cs /if ?></p>
<?cs call:grade_bars(Stats) ?>
<table class="data" id="stats">
  <thead><tr><th scope="col"><?cs var:Lang.Env.grade ?></th><th scope="col"><?cs var:Lang.Env.stats.count ?></th><th scope="col"><?cs var:Lang.Env.stats.share ?></th>
  <?cs if:Prev.id ?><th scope="col"><?cs var:Prev.year ?> <?cs var:Lang.Env.stats.count ?></th><th scope="col"><?cs var:Lang.Env.stats.change ?></th><th scope="col"><?cs var:Lang.Env.stats.share_change ?></th><?cs /if ?></tr></thead>
  <tbody>
  <?cs each:s = Stats.rows ?>
  <tr data-grade="<?cs var:s.grade ?>"><td><?cs call:grade_badge(s.grade) ?></td><td class="count"><?cs var:s.count ?></td><td class="share"><?cs var:s.share ?>%</td>
  <?cs if:Prev.id ?><td><?cs var:PrevStats.rows[name(s)].count ?></td><td class="delta"><?cs var:s.delta_count ?></td><td class="delta-share"><?cs var:s.delta_share ?></td><?cs /if ?></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs if:!Prev.id ?><p class="hint" id="no-previous"><?cs var:Lang.Env.stats.no_previous ?></p><?cs /if ?>
<?cs call:page_end() ?>

<?cs # _grade.cs — the grade badge: colour AND written name, never colour alone. ?>
<?cs def:grade_badge(g) ?><span class="badge grade-<?cs var:g ?>" data-grade="<?cs var:g ?>"><?cs var:Lang.Grade[g] ?></span><?cs /def ?>
<?cs def:round_status(s) ?><span class="tag round-<?cs var:s ?>"><?cs var:Lang.Env.status[s] ?></span><?cs /def ?>
<?cs def:grade_bars(st) ?>
<svg class="grade-chart" role="img" aria-labelledby="chart-title" viewBox="0 0 540 260" width="540" height="260" xmlns="http://www.w3.org/2000/svg">
  <title id="chart-title"><?cs var:Lang.Env.stats.chart ?></title>
  <line x1="30" y1="220" x2="530" y2="220" stroke="#5b6b7a"/>
  <?cs each:b = st.rows ?>
  <rect class="bar-<?cs var:b.grade ?>" x="<?cs var:b.x ?>" y="<?cs var:b.y ?>" width="70" height="<?cs var:b.h ?>"/>
  <text x="<?cs var:b.tx ?>" y="<?cs var:b.ty ?>" text-anchor="middle"><?cs var:b.count ?></text>
  <text x="<?cs var:b.tx ?>" y="240" text-anchor="middle"><?cs var:Lang.Grade[b.grade] ?></text>
  <text x="<?cs var:b.tx ?>" y="256" text-anchor="middle"><?cs var:b.share ?>%</text>
  <?cs /each ?>
</svg>
<?cs /def ?>
<?cs def:env_pager(base) ?><?cs if:Pager.prev || Pager.next ?>
<nav class="pager" aria-label="<?cs var:Lang.Pager.label ?>" id="pager">
  <?cs if:Pager.prev ?><a href="<?cs var:base ?>?page=<?cs var:Pager.prev ?><?cs var:Pager.filters ?>" rel="prev"><?cs var:Lang.Pager.prev ?></a><?cs /if ?>
  <span><?cs var:Lang.Env.page ?> <?cs var:Pager.page ?><?cs if:Pager.pages ?> / <?cs var:Pager.pages ?><?cs /if ?></span>
  <?cs if:Pager.next ?><a href="<?cs var:base ?>?page=<?cs var:Pager.next ?><?cs var:Pager.filters ?>" rel="next"><?cs var:Lang.Pager.next ?></a><?cs /if ?>
</nav><?cs /if ?><?cs /def ?>

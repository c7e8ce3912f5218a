<?cs # admin_env.cs — the grading scheme as data: thresholds of both methods,
     publicity period, price surcharges, indicators, veto rules, event types. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs include:"_grade.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Env.admin.title ?></h1>
<form method="post" action="/admin/env/settings" class="stack" id="settings-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <fieldset><legend><?cs var:Lang.Env.admin.annual ?></legend>
  <?cs call:text_field("annual_green_min", Lang.Env.admin.green_min, 3, 1) ?>
  <?cs call:text_field("annual_blue_min", Lang.Env.admin.blue_min, 3, 1) ?>
  <?cs call:text_field("annual_yellow_min", Lang.Env.admin.yellow_min, 3, 1) ?>
  <?cs call:text_field("annual_red_min", Lang.Env.admin.red_min, 3, 1) ?>
  </fieldset>
  <fieldset><legend><?cs var:Lang.Env.admin.dynamic ?></legend>
  <?cs call:text_field("dyn_base", Lang.Env.admin.base, 3, 1) ?>
  <?cs call:text_field("dyn_max", Lang.Env.admin.max, 3, 1) ?>
  <?cs call:text_field("dyn_green_min", Lang.Env.admin.green_min, 3, 1) ?>
  <?cs call:text_field("dyn_blue_min", Lang.Env.admin.blue_min, 3, 1) ?>
  <?cs call:text_field("dyn_yellow_min", Lang.Env.admin.yellow_min, 3, 1) ?>
  <?cs call:text_field("dyn_red_min", Lang.Env.admin.red_min, 3, 1) ?>
  </fieldset>
  <?cs call:text_field("publicity_days", Lang.Env.publicity_days, 2, 1) ?>
  <?cs call:text_field("red_price", Lang.Env.admin.red_price, 6, 1) ?>
  <?cs call:text_field("black_price", Lang.Env.admin.black_price, 6, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Env.admin.save ?></button>
</form>
<h2><?cs var:Lang.Env.admin.indicators ?></h2>
<table class="data" id="indicators"><thead><tr><th scope="col">code</th><th scope="col"><?cs var:Lang.Env.indicator ?></th><th scope="col"><?cs var:Lang.Env.admin.max_points ?></th><th scope="col"><?cs var:Lang.Env.admin.active ?></th></tr></thead>
<tbody><?cs each:i = Indicators ?><tr><td class="mono"><?cs var:i.code ?></td><td><?cs var:i.name ?></td><td><?cs var:i.points ?></td><td><?cs var:i.active ?></td></tr><?cs /each ?></tbody></table>
<h2><?cs var:Lang.Env.admin.vetoes ?></h2>
<table class="data" id="vetoes"><thead><tr><th scope="col">code</th><th scope="col"><?cs var:Lang.Env.veto_rule ?></th><th scope="col"><?cs var:Lang.Env.grade ?></th><th scope="col"><?cs var:Lang.Env.admin.active ?></th></tr></thead>
<tbody><?cs each:i = Vetoes ?><tr><td class="mono"><?cs var:i.code ?></td><td><?cs var:i.name ?></td><td><?cs call:grade_badge(i.grade) ?></td><td><?cs var:i.active ?></td></tr><?cs /each ?></tbody></table>
<h2><?cs var:Lang.Env.admin.types ?></h2>
<table class="data" id="types"><thead><tr><th scope="col">code</th><th scope="col"><?cs var:Lang.Env.dyn.type ?></th><th scope="col"><?cs var:Lang.Env.points ?></th><th scope="col"><?cs var:Lang.Env.dyn.months ?></th><th scope="col"><?cs var:Lang.Env.admin.active ?></th></tr></thead>
<tbody><?cs each:i = Types ?><tr><td class="mono"><?cs var:i.code ?></td><td><?cs var:i.name ?></td><td><?cs var:i.points ?></td><td><?cs var:i.months ?></td><td><?cs var:i.active ?></td></tr><?cs /each ?></tbody></table>
<h2><?cs var:Lang.Env.admin.item ?></h2>
<p class="hint"><?cs var:Lang.Env.admin.item_hint ?></p>
<form method="post" action="/admin/env/items" class="stack" id="item-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <label for="f-kind"><?cs var:Lang.Env.admin.kind ?></label>
  <select id="f-kind" name="kind"><option value="indicator"><?cs var:Lang.Env.indicator ?></option><option value="veto"><?cs var:Lang.Env.veto_rule ?></option><option value="type"><?cs var:Lang.Env.dyn.type ?></option></select>
  <?cs call:text_field("code", "code", 32, 1) ?>
  <?cs call:text_field("name_zh", Lang.Env.admin.name_zh, 100, 1) ?>
  <?cs call:text_field("name_en", Lang.Env.admin.name_en, 150, 1) ?>
  <?cs call:text_field("points", Lang.Env.points, 4, 0) ?>
  <?cs call:text_field("months", Lang.Env.dyn.months, 2, 0) ?>
  <label for="f-grade"><?cs var:Lang.Env.grade ?></label>
  <select id="f-grade" name="grade"><option value=""></option><option value="green"><?cs var:Lang.Grade.green ?></option><option value="blue"><?cs var:Lang.Grade.blue ?></option><option value="yellow"><?cs var:Lang.Grade.yellow ?></option><option value="red"><?cs var:Lang.Grade.red ?></option><option value="black"><?cs var:Lang.Grade.black ?></option></select>
  <?cs call:field_error("grade") ?>
  <label for="f-active"><?cs var:Lang.Env.admin.active ?></label>
  <select id="f-active" name="active"><option value="1">1</option><option value="0">0</option></select>
  <button type="submit" class="button"><?cs var:Lang.Env.admin.save ?></button>
</form>
<?cs call:page_end() ?>

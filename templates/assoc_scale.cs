<?cs # assoc_scale.cs — the association's rating scale: levels best first
     with grade codes; adopt a preset while empty, append levels, change
     what each level means (in use or not), remove levels no rating uses. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Assoc.scale.title ?></h1>
<p><a href="/assoc"><?cs var:Lang.Assoc.back ?></a></p>
<?cs if:Scale.error ?><p class="alert" role="alert" id="scale-error"><?cs var:Scale.error ?></p><?cs /if ?>
<?cs if:Scale.n > 0 ?>
<table class="data" id="levels">
  <thead><tr><th scope="col"><?cs var:Lang.Assoc.rank ?></th><th scope="col"><?cs var:Lang.Assoc.level ?></th><th scope="col"><?cs var:Lang.Assoc.grade_code ?></th><th scope="col"><?cs var:Lang.Assoc.description ?></th><th scope="col"><?cs var:Lang.Assoc.used ?></th><th scope="col"></th></tr></thead>
  <tbody>
  <?cs each:l = Levels ?>
  <tr id="level-<?cs var:l.id ?>"><td><?cs var:l.rank ?></td><td class="level"><?cs var:l.code ?></td><td class="mono"><?cs var:l.grade ?></td><td><form method="post" action="/assoc/scale/levels/<?cs var:l.id ?>" class="inline-form level-desc-form" id="desc-form-<?cs var:l.id ?>"><input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>"><label class="visually-hidden" for="desc-<?cs var:l.id ?>"><?cs var:Lang.Assoc.description ?> <?cs var:l.code ?></label><input id="desc-<?cs var:l.id ?>" name="description" type="text" maxlength="300" required value="<?cs var:l.description ?>"<?cs if:Scale.edit.id == l.id ?> aria-invalid="true" aria-describedby="err-desc-<?cs var:l.id ?>"<?cs /if ?>><button type="submit" class="link"><?cs var:Lang.Assoc.save_description ?></button></form><?cs if:Scale.edit.id == l.id ?><p class="field-error" id="err-desc-<?cs var:l.id ?>"><?cs var:Scale.edit.error ?></p><?cs /if ?></td><td><?cs var:l.used ?></td>
  <td><?cs if:l.used == 0 ?><form method="post" action="/assoc/scale/levels/<?cs var:l.id ?>/remove" class="inline-form"><input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>"><button type="submit" class="link"><?cs var:Lang.Assoc.remove_level ?></button></form><?cs /if ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<h2><?cs var:Lang.Assoc.preset ?></h2>
<form method="post" action="/assoc/scale/preset" class="stack" id="preset-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <label class="check"><input type="radio" name="preset" value="pilot9" checked> <?cs var:Lang.Assoc.preset_pilot9 ?></label>
  <label class="check"><input type="radio" name="preset" value="common5"> <?cs var:Lang.Assoc.preset_common5 ?></label>
  <label class="check"><input type="radio" name="preset" value="grade4"> <?cs var:Lang.Assoc.preset_grade4 ?></label>
  <?cs call:field_error("preset") ?>
  <button type="submit" class="button"><?cs var:Lang.Assoc.preset_submit ?></button>
</form>
<?cs /if ?>
<h2><?cs var:Lang.Assoc.add_level ?></h2>
<p class="hint"><?cs var:Lang.Assoc.add_level_hint ?></p>
<form method="post" action="/assoc/scale/levels" class="stack" id="level-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:text_field("code", Lang.Assoc.level, 20, 1) ?>
  <?cs call:text_field("description", Lang.Assoc.description, 300, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Assoc.add_level ?></button>
</form>
<?cs call:page_end() ?>

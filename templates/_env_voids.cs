<?cs # _env_voids.cs — dynamic-scoring events voided or corrected: what was
     recorded, why it stopped counting, who and when (list Voids on the
     dynamic-scoring page, EnvVoids on the profile). ?>
<?cs def:void_row(v) ?><tr id="void-<?cs var:v.id ?>" data-action="<?cs var:v.action ?>"><td><?cs var:v.type ?></td><td><?cs var:v.points ?></td><td><?cs var:v.decided_on ?></td><td class="mono"><?cs var:v.doc_no ?></td><td><?cs var:Lang.Env.fix.act[v.action] ?><?cs if:v.objection ?> <span class="tag"><?cs var:Lang.EnvObj.by_objection ?> #<?cs var:v.objection ?></span><?cs /if ?></td><td><?cs var:v.reason ?></td><td><?cs var:v.at ?> <?cs var:v.who ?></td></tr><?cs /def ?>
<?cs if:Voids.0.id || EnvVoids.0.id ?>
<h2 id="voids-h"><?cs var:Lang.Env.fix.voids ?></h2>
<table class="data" id="voids">
  <thead><tr><th scope="col"><?cs var:Lang.Env.dyn.type ?></th><th scope="col"><?cs var:Lang.Env.points ?></th><th scope="col"><?cs var:Lang.Env.dyn.decided_on ?></th><th scope="col"><?cs var:Lang.Entity.doc_no ?></th><th scope="col"><?cs var:Lang.Env.fix.what ?></th><th scope="col"><?cs var:Lang.Env.reason ?></th><th scope="col"><?cs var:Lang.Env.when ?></th></tr></thead>
  <tbody>
  <?cs each:v = Voids ?><?cs call:void_row(v) ?><?cs /each ?>
  <?cs each:v = EnvVoids ?><?cs call:void_row(v) ?><?cs /each ?>
  </tbody>
</table>
<?cs /if ?>

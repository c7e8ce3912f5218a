<?cs # me_requests.cs — the enterprise's credit repair applications and objections. ?>
<?cs include:"_layout.cs" ?><?cs include:"_deadline.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Req.my_title ?></h1>
<p class="hint"><?cs var:Lang.Req.my_hint ?></p>
<section aria-labelledby="rep-h" id="my-repairs">
<h2 id="rep-h"><?cs var:Lang.Repair.heading ?></h2>
<?cs if:Repairs.0.id ?>
<table class="data">
  <thead><tr><th scope="col"><?cs var:Lang.Req.record ?></th><th scope="col"><?cs var:Lang.Req.filed ?></th><th scope="col"><?cs var:Lang.Req.status ?></th><th scope="col"><?cs var:Lang.Req.due ?></th><th scope="col"><?cs var:Lang.Req.decision ?></th><th scope="col"></th></tr></thead>
  <tbody>
  <?cs each:x = Repairs ?>
  <tr id="repair-<?cs var:x.id ?>" data-status="<?cs var:x.status ?>">
    <td><?cs if:x.revoked ?><?cs var:Lang.Req.revoked ?><?cs else ?><?cs var:x.item ?> <span class="mono"><?cs var:x.doc_no ?></span><?cs /if ?></td>
    <td><?cs var:x.filed_at ?></td>
    <td class="status"><?cs var:Lang.Req.st[x.status] ?></td>
    <td><?cs call:deadline(x) ?></td>
    <td class="decision"><?cs if:x.status == "closed" ?><span class="closed-revoked"><?cs var:Lang.Req.closed_revoked ?></span> <?cs var:x.decision_reason ?> <span class="hint">(<?cs var:x.decided_at ?>)</span><?cs elif:x.decision_reason ?><?cs var:x.decision_reason ?> <span class="hint">(<?cs var:x.decided_at ?>)</span><?cs /if ?></td>
    <td><?cs if:x.status == "submitted" || x.status == "under_review" ?>
      <form method="post" action="/me/repairs/<?cs var:x.id ?>/withdraw" class="inline-form">
        <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
        <button type="submit" class="link"><?cs var:Lang.Repair.withdraw ?></button>
      </form><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p><?cs var:Lang.Req.none ?></p><?cs /if ?>
</section>
<section aria-labelledby="obj-h" id="my-objections">
<h2 id="obj-h"><?cs var:Lang.Objection.heading ?></h2>
<?cs if:Objections.0.id ?>
<table class="data">
  <thead><tr><th scope="col"><?cs var:Lang.Req.record ?></th><th scope="col"><?cs var:Lang.Req.filed ?></th><th scope="col"><?cs var:Lang.Req.status ?></th><th scope="col"><?cs var:Lang.Req.due ?></th><th scope="col"><?cs var:Lang.Req.decision ?></th><th scope="col"></th></tr></thead>
  <tbody>
  <?cs each:x = Objections ?>
  <tr id="objection-<?cs var:x.id ?>" data-status="<?cs var:x.status ?>">
    <td><?cs if:x.env ?><span class="tag"><?cs var:Lang.EnvObj.kind[x.env] ?></span><?cs elif:x.revoked ?><?cs var:Lang.Req.revoked ?><?cs else ?><?cs var:x.item ?> <span class="mono"><?cs var:x.doc_no ?></span><?cs /if ?></td>
    <td><?cs var:x.filed_at ?></td>
    <td class="status"><?cs var:Lang.Req.ost[x.status] ?><?cs if:x.forwarded_to ?> (<?cs var:x.forwarded_to ?>)<?cs /if ?></td>
    <td><?cs call:deadline(x) ?></td>
    <td class="decision"><?cs if:x.status == "closed" ?><span class="closed-revoked"><?cs var:Lang.Req.closed_revoked ?></span> <?cs var:x.decision_reason ?> <span class="hint">(<?cs var:x.decided_at ?>)</span><?cs elif:x.decision ?><?cs var:Lang.Objection.dec[x.decision] ?>：<?cs var:x.decision_reason ?><?cs /if ?></td>
    <td><?cs if:x.overdue ?>
      <form method="post" action="/me/objections/<?cs var:x.id ?>/remind" class="inline-form">
        <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
        <button type="submit" class="link"><?cs var:Lang.Objection.remind ?></button>
      </form><?cs /if ?><?cs if:x.reminders > 0 ?> <span class="hint"><?cs var:Lang.Objection.reminded ?> <?cs var:x.reminders ?></span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p><?cs var:Lang.Req.none ?></p><?cs /if ?>
</section>
<?cs call:page_end() ?>

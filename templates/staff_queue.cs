<?cs # staff_queue.cs — the repair or objection queue with filters and deadlines. ?>
<?cs include:"_layout.cs" ?><?cs include:"_deadline.cs" ?><?cs call:page_start() ?>
<?cs if:Queue.kind == "repair" ?><?cs set:base = "/staff/repairs" ?><?cs else ?><?cs set:base = "/staff/objections" ?><?cs /if ?>
<h1><?cs var:Page.title ?></h1>
<p class="actions" id="queue-tabs"><a href="/staff/repairs"><?cs var:Lang.Repair.queue_title ?> (<span id="n-repairs"><?cs var:Nav.n_repairs ?></span>)</a> · <a href="/staff/objections"><?cs var:Lang.Objection.queue_title ?> (<span id="n-objections"><?cs var:Nav.n_objections ?></span>)</a></p>
<form method="get" action="<?cs var:base ?>" class="inline-form" id="queue-filter">
  <label><?cs var:Lang.Req.status ?>
    <select name="status">
      <option value=""><?cs var:Lang.Req.any ?></option>
      <?cs if:Queue.kind == "repair" ?>
      <option value="submitted"<?cs if:Form.status.value == "submitted" ?> selected<?cs /if ?>><?cs var:Lang.Req.st.submitted ?></option>
      <option value="under_review"<?cs if:Form.status.value == "under_review" ?> selected<?cs /if ?>><?cs var:Lang.Req.st.under_review ?></option>
      <option value="approved"<?cs if:Form.status.value == "approved" ?> selected<?cs /if ?>><?cs var:Lang.Req.st.approved ?></option>
      <option value="rejected"<?cs if:Form.status.value == "rejected" ?> selected<?cs /if ?>><?cs var:Lang.Req.st.rejected ?></option>
      <option value="withdrawn"<?cs if:Form.status.value == "withdrawn" ?> selected<?cs /if ?>><?cs var:Lang.Req.st.withdrawn ?></option>
      <option value="closed"<?cs if:Form.status.value == "closed" ?> selected<?cs /if ?>><?cs var:Lang.Req.st.closed ?></option>
      <?cs else ?>
      <option value="submitted"<?cs if:Form.status.value == "submitted" ?> selected<?cs /if ?>><?cs var:Lang.Req.ost.submitted ?></option>
      <option value="marked"<?cs if:Form.status.value == "marked" ?> selected<?cs /if ?>><?cs var:Lang.Req.ost.marked ?></option>
      <option value="forwarded"<?cs if:Form.status.value == "forwarded" ?> selected<?cs /if ?>><?cs var:Lang.Req.ost.forwarded ?></option>
      <option value="decided"<?cs if:Form.status.value == "decided" ?> selected<?cs /if ?>><?cs var:Lang.Req.ost.decided ?></option>
      <option value="closed"<?cs if:Form.status.value == "closed" ?> selected<?cs /if ?>><?cs var:Lang.Req.ost.closed ?></option>
      <?cs /if ?>
    </select></label>
  <label><?cs var:Lang.Req.due ?>
    <select name="due">
      <option value=""><?cs var:Lang.Req.any ?></option>
      <option value="overdue"<?cs if:Form.due.value == "overdue" ?> selected<?cs /if ?>><?cs var:Lang.Req.f_overdue ?></option>
      <option value="week"<?cs if:Form.due.value == "week" ?> selected<?cs /if ?>><?cs var:Lang.Req.f_week ?></option>
    </select></label>
  <button type="submit" class="button"><?cs var:Lang.Req.filter ?></button>
</form>
<?cs if:Rows.0.id ?>
<table class="data" id="queue">
  <thead><tr><th scope="col">#</th><th scope="col"><?cs var:Lang.Req.applicant ?></th><th scope="col"><?cs var:Lang.Req.record ?></th><th scope="col"><?cs var:Lang.Req.filed ?></th><th scope="col"><?cs var:Lang.Req.due ?></th><th scope="col"><?cs var:Lang.Req.status ?></th></tr></thead>
  <tbody>
  <?cs each:x = Rows ?>
  <tr id="q-<?cs var:x.id ?>" class="<?cs if:x.late ?>overdue<?cs /if ?>" data-status="<?cs var:x.status ?>">
    <td><a href="<?cs var:base ?>/<?cs var:x.id ?>"><?cs var:x.id ?></a></td>
    <td><?cs var:x.subject ?> <span class="mono"><?cs var:x.uscc ?></span><br><span class="hint"><?cs var:x.applicant ?></span></td>
    <td><?cs if:x.env ?><span class="tag"><?cs var:Lang.EnvObj.kind[x.env] ?></span><?cs elif:x.revoked ?><?cs var:Lang.Req.revoked ?><?cs else ?><?cs var:x.item ?> <span class="mono"><?cs var:x.doc_no ?></span><?cs /if ?></td>
    <td><?cs var:x.filed_at ?></td>
    <td><?cs call:deadline(x) ?><?cs if:x.reminders > 0 ?> <span class="tag"><?cs var:Lang.Objection.reminded ?> <?cs var:x.reminders ?></span><?cs /if ?></td>
    <td><?cs if:Queue.kind == "repair" ?><?cs var:Lang.Req.st[x.status] ?><?cs else ?><?cs var:Lang.Req.ost[x.status] ?><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?><p id="queue-empty"><?cs var:Lang.Req.none ?></p><?cs /if ?>
<?cs call:page_end() ?>

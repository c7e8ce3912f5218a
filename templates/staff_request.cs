<?cs # staff_request.cs — one repair application or objection for staff: the
     request, its files, its timeline and the actions its status allows. ?>
<?cs include:"_layout.cs" ?><?cs include:"_deadline.cs" ?><?cs call:page_start() ?>
<?cs if:Req.kind == "repair" ?><?cs set:base = "/staff/repairs/" + Req.id ?><?cs else ?><?cs set:base = "/staff/objections/" + Req.id ?><?cs /if ?>
<h1><?cs var:Page.title ?> #<?cs var:Req.id ?></h1>
<dl class="facts" id="request" data-status="<?cs var:Req.status ?>">
  <dt><?cs var:Lang.Req.status ?></dt><dd id="req-status"><?cs if:Req.kind == "repair" ?><?cs var:Lang.Req.st[Req.status] ?><?cs else ?><?cs var:Lang.Req.ost[Req.status] ?><?cs /if ?></dd>
  <dt><?cs var:Lang.Req.applicant ?></dt><dd><a href="/entity/<?cs var:Req.uscc ?>"><?cs var:Req.subject ?></a> <span class="mono"><?cs var:Req.uscc ?></span> · <?cs var:Req.applicant ?></dd>
  <?cs if:Req.env ?><?cs include:"_env_target.cs" ?><?cs else ?>
  <dt><?cs var:Lang.Req.record ?></dt><dd><?cs if:Req.revoked ?><?cs var:Lang.Req.revoked ?><?cs else ?><?cs var:Req.item ?> <span class="mono"><?cs var:Req.doc_no ?></span> <a href="/staff/records/<?cs var:Req.record_id ?>/edit"><?cs var:Lang.Staff.record.edit ?></a><?cs /if ?></dd><?cs /if ?>
  <dt><?cs var:Lang.Req.filed ?></dt><dd><?cs var:Req.filed_at ?></dd>
  <dt><?cs var:Lang.Req.due ?></dt><dd id="req-due"><?cs call:deadline(Req) ?></dd>
  <?cs if:Req.forward.due ?><dt><?cs var:Lang.Objection.forward_due ?></dt><dd id="req-forward-due"><?cs call:deadline(Req.forward) ?></dd><?cs /if ?>
  <dt><?cs if:Req.kind == "repair" ?><?cs var:Lang.Repair.reason ?><?cs else ?><?cs var:Lang.Objection.statement ?><?cs /if ?></dt><dd class="pre"><?cs var:Req.text ?></dd>
  <?cs if:Req.forwarded_to ?><dt><?cs var:Lang.Objection.forwarded_to ?></dt><dd><?cs var:Req.forwarded_to ?></dd><?cs /if ?>
  <?cs if:Req.reminders > 0 ?><dt><?cs var:Lang.Objection.reminded ?></dt><dd id="req-reminders"><?cs var:Req.reminders ?> (<?cs var:Req.last_reminder ?>)</dd><?cs /if ?>
  <?cs if:Req.status == "closed" ?><dt><?cs var:Lang.Req.decision ?></dt><dd id="req-decision"><?cs var:Lang.Req.closed_revoked ?><?cs if:Req.decision_reason ?> <?cs var:Req.decision_reason ?><?cs /if ?> (<?cs var:Req.decided_at ?>)</dd>
  <?cs elif:Req.decision_reason ?><dt><?cs var:Lang.Req.decision ?></dt><dd id="req-decision"><?cs if:Req.decision ?><?cs var:Lang.Objection.dec[Req.decision] ?>：<?cs /if ?><?cs var:Req.decision_reason ?> (<?cs var:Req.decided_at ?>)</dd><?cs /if ?>
</dl>

<section aria-labelledby="files-h" id="files">
<h2 id="files-h"><?cs var:Lang.Req.files ?></h2>
<?cs if:Files.0.id ?><ul>
<?cs each:f = Files ?><li><a href="/files/<?cs var:f.id ?>" class="file-link"><?cs var:f.name ?></a> · <?cs var:Lang.Req.role[f.role] ?> · <?cs var:f.type ?> · <?cs var:f.size ?> B</li><?cs /each ?>
</ul><?cs else ?><p><?cs var:Lang.Req.no_files ?></p><?cs /if ?>
</section>

<section aria-labelledby="act-h" id="actions">
<h2 id="act-h"><?cs var:Lang.Req.actions ?></h2>
<?cs if:Req.kind == "repair" ?>
  <?cs if:Req.status == "submitted" ?>
  <form method="post" action="<?cs var:base ?>/review" class="inline-form" id="review-form">
    <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
    <button type="submit" class="button"><?cs var:Lang.Repair.review ?></button>
  </form>
  <?cs elif:Req.status == "under_review" ?>
  <form method="post" action="<?cs var:base ?>/decide" class="stack" id="decide-form">
    <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
    <fieldset><legend><?cs var:Lang.Req.decision ?></legend>
      <label class="check"><input type="radio" name="decision" value="approve" required> <?cs var:Lang.Repair.approve ?></label>
      <label class="check"><input type="radio" name="decision" value="reject"> <?cs var:Lang.Repair.reject ?></label>
    </fieldset>
    <label for="f-reason"><?cs var:Lang.Req.reason ?> <span aria-hidden="true">*</span></label>
    <textarea id="f-reason" name="reason" rows="3" maxlength="1000" required><?cs var:Form.reason.value ?></textarea>
    <?cs if:Form.reason.error ?><p class="field-error" id="err-reason"><?cs var:Form.reason.error ?></p><?cs /if ?>
    <button type="submit" class="button"><?cs var:Lang.Req.decide ?></button>
  </form>
  <?cs else ?><p><?cs var:Lang.Req.closed ?></p><?cs /if ?>
<?cs else ?>
  <?cs if:Req.status == "submitted" ?>
  <form method="post" action="<?cs var:base ?>/mark" class="inline-form" id="mark-form">
    <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
    <button type="submit" class="button"><?cs var:Lang.Objection.mark ?></button>
  </form>
  <?cs elif:Req.status == "marked" || Req.status == "forwarded" ?>
  <?cs if:Req.status == "marked" ?>
  <form method="post" action="<?cs var:base ?>/forward" class="inline-form" id="forward-form">
    <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
    <label><?cs var:Lang.Objection.agency ?> <input type="text" name="agency" maxlength="100" required></label>
    <button type="submit" class="button"><?cs var:Lang.Objection.forward ?></button>
  </form>
  <?cs /if ?>
  <form method="post" action="<?cs var:base ?>/decide" class="stack" id="decide-form">
    <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
    <fieldset><legend><?cs var:Lang.Req.decision ?></legend>
      <label class="check"><input type="radio" name="decision" value="correct" required> <?cs var:Lang.Objection.dec.correct ?></label>
      <label class="check"><input type="radio" name="decision" value="do_not_correct"> <?cs var:Lang.Objection.dec.do_not_correct ?></label>
    </fieldset>
    <label for="f-reason"><?cs var:Lang.Req.reason ?> <span aria-hidden="true">*</span></label>
    <textarea id="f-reason" name="reason" rows="3" maxlength="1000" required><?cs var:Form.reason.value ?></textarea>
    <?cs if:Form.reason.error ?><p class="field-error" id="err-reason"><?cs var:Form.reason.error ?></p><?cs /if ?>
    <?cs if:Req.env == "entry" ?>
    <label for="f-grade"><?cs var:Lang.EnvObj.new_grade ?></label>
    <select id="f-grade" name="grade"><option value=""></option><?cs each:g = Grades ?><option value="<?cs var:g ?>"<?cs if:Form.grade.value == g ?> selected<?cs /if ?>><?cs var:Lang.Grade[g] ?></option><?cs /each ?></select>
    <?cs if:Form.grade.error ?><p class="field-error" id="err-grade"><?cs var:Form.grade.error ?></p><?cs /if ?>
    <p class="hint"><?cs var:Lang.EnvObj.correct_entry_hint ?></p>
    <?cs elif:Req.env == "event" ?><p class="hint"><?cs var:Lang.EnvObj.correct_event_hint ?></p>
    <?cs elif:Req.doc_no ?>
    <fieldset id="correction"><legend><?cs var:Lang.Objection.correction ?></legend>
      <p class="hint"><?cs var:Lang.Objection.correct_hint ?></p>
      <label for="f-summary"><?cs var:Lang.Entity.summary ?></label>
      <textarea id="f-summary" name="summary" rows="3" maxlength="1000"><?cs var:Form.summary.value ?></textarea>
      <?cs if:Form.summary.error ?><p class="field-error" id="err-summary"><?cs var:Form.summary.error ?></p><?cs /if ?>
      <label for="f-ended_on"><?cs var:Lang.Entity.ended_on ?></label>
      <input type="date" id="f-ended_on" name="ended_on" value="<?cs var:Form.ended_on.value ?>">
      <?cs if:Form.ended_on.error ?><p class="field-error" id="err-ended_on"><?cs var:Form.ended_on.error ?></p><?cs /if ?>
      <label class="check"><input type="radio" name="is_public" value="1"<?cs if:Form.is_public.value != "0" ?> checked<?cs /if ?>> <?cs var:Lang.Staff.public ?></label>
      <label class="check"><input type="radio" name="is_public" value="0"<?cs if:Form.is_public.value == "0" ?> checked<?cs /if ?>> <?cs var:Lang.Entity.non_public ?></label>
    </fieldset>
    <?cs /if ?>
    <button type="submit" class="button"><?cs var:Lang.Req.decide ?></button>
  </form>
  <?cs else ?><p><?cs var:Lang.Req.closed ?></p><?cs /if ?>
<?cs /if ?>
</section>

<section aria-labelledby="tl-h" id="timeline">
<h2 id="tl-h"><?cs var:Lang.Req.timeline ?></h2>
<table class="data">
  <thead><tr><th scope="col"><?cs var:Lang.Req.at ?></th><th scope="col"><?cs var:Lang.Req.action ?></th><th scope="col"><?cs var:Lang.Req.status ?></th><th scope="col"><?cs var:Lang.Req.actor ?></th><th scope="col"><?cs var:Lang.Req.note ?></th></tr></thead>
  <tbody>
  <?cs each:e = Timeline ?>
  <tr><td><?cs var:e.at ?></td><td><?cs var:Lang.Req.act[e.action] ?></td><td class="mono"><?cs var:e.from ?> → <?cs var:e.to ?></td><td><?cs var:e.actor ?> (<?cs var:Lang.Role[e.role] ?>)</td><td class="pre"><?cs var:e.note ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
</section>
<?cs call:page_end() ?>

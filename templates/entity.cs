<?cs include:"_layout.cs" ?><?cs include:"_rating.cs" ?><?cs call:page_start() ?>
<article class="profile" id="profile" data-scope="<?cs var:Profile.scope ?>">
<h1><?cs var:Subject.name ?></h1>
<p class="mono" id="uscc"><?cs var:Lang.Entity.uscc ?>：<?cs var:Subject.uscc ?></p>
<?cs if:Profile.scope == "staff" ?>
<p class="no-print actions" id="staff-tools">
  <a href="/staff/subjects/<?cs var:Subject.id ?>/edit"><?cs var:Lang.Staff.subject.edit ?></a> ·
  <a href="/staff/records/new?uscc=<?cs var:Subject.uscc ?>"><?cs var:Lang.Staff.record.new ?></a> ·
  <a href="/staff/serious/new"><?cs var:Lang.Staff.serious.title ?></a>
</p>
<?cs elif:Profile.scope == "self" ?>
<p class="no-print actions" id="self-tools"><a href="/me/commitments/new"><?cs var:Lang.Commit.heading ?></a> · <a href="/report"><?cs var:Lang.Me.my_report ?></a></p>
<?cs /if ?>
<?cs if:Subject.serious ?><p class="alert" id="serious-flag"><?cs var:Lang.Entity.serious_banner ?></p><?cs /if ?>

<section aria-labelledby="reg-h">
<h2 id="reg-h"><?cs var:Lang.Entity.registration ?></h2>
<dl class="facts">
  <dt><?cs var:Lang.Entity.kind ?></dt><dd><?cs var:Lang.Kind[Subject.kind] ?></dd>
  <dt><?cs var:Lang.Entity.legal_rep ?></dt><dd><?cs var:Subject.legal_rep ?></dd>
  <dt><?cs var:Lang.Entity.address ?></dt><dd><?cs var:Subject.address ?></dd>
  <dt><?cs var:Lang.Entity.district ?></dt><dd><?cs var:Subject.district ?></dd>
  <dt><?cs var:Lang.Entity.industry ?></dt><dd><?cs var:Subject.industry ?></dd>
  <dt><?cs var:Lang.Entity.established ?></dt><dd><?cs var:Subject.established ?></dd>
  <dt><?cs var:Lang.Entity.status ?></dt><dd><?cs var:Lang.RegStatus[Subject.reg_status] ?></dd>
</dl>
</section>

<?cs include:"_grade.cs" ?>
<?cs # The enterprise's own grade: its objection, or the link to raise one. ?>
<?cs def:env_object(x, kind, id) ?><?cs if:x.objection ?> <span class="tag objection-flag"><?cs var:Lang.Req.ost[x.objection] ?></span><?cs elif:EnvCurrent.self ?> <a class="no-print" href="/me/objections/env/new?<?cs var:kind ?>=<?cs var:id ?>" id="object-<?cs var:kind ?>-<?cs var:id ?>"><?cs var:Lang.EnvObj.link ?></a><?cs /if ?><?cs /def ?>
<section aria-labelledby="env-h" id="env-grade">
<h2 id="env-h"><?cs var:Lang.Env.profile.heading ?></h2>
<?cs if:EnvCurrent.grade ?>
<p id="env-current" data-grade="<?cs var:EnvCurrent.grade ?>"><?cs call:grade_badge(EnvCurrent.grade) ?> <?cs var:Lang.Grade[EnvCurrent.grade + "_desc"] ?> · <?cs if:EnvCurrent.basis == "dynamic" ?><?cs var:Lang.Env.profile.dynamic ?> <?cs var:EnvCurrent.score ?> <?cs var:Lang.Env.dyn.points ?><?cs else ?><?cs var:EnvCurrent.year ?> <?cs var:Lang.Env.profile.round ?><?cs if:?EnvCurrent.score ?> <?cs var:EnvCurrent.score ?> <?cs var:Lang.Env.dyn.points ?><?cs /if ?><?cs /if ?><?cs if:EnvCurrent.objection ?> <span class="tag objection-flag" id="env-current-objection"><?cs var:Lang.EnvObj.flag ?></span><?cs /if ?></p>
<?cs if:EnvCurrent.price ?><p class="alert" id="env-measures"><?cs var:Lang.Env.profile.measures ?> <?cs var:Lang.Env.profile.price_before ?> <?cs var:EnvCurrent.price ?> <?cs var:Lang.Env.measure.unit ?>; <?cs var:Lang.Env.profile.other ?></p><?cs /if ?>
<?cs if:EnvRound.grade ?><p id="env-round"><?cs var:EnvRound.year ?> <?cs var:EnvRound.scope ?>: <?cs call:grade_badge(EnvRound.grade) ?><?cs if:?EnvRound.score ?> <?cs var:EnvRound.score ?> <?cs var:Lang.Env.dyn.points ?><?cs /if ?><?cs if:EnvRound.veto ?> · <span id="env-veto"><?cs var:Lang.Env.veto ?>: <?cs var:EnvRound.veto ?> — <?cs var:EnvRound.veto_note ?></span><?cs /if ?><?cs if:EnvRound.objection ?> <span class="tag objection-flag" id="env-round-objection"><?cs var:Lang.EnvObj.flag ?></span><?cs /if ?></p><?cs /if ?>
<?cs else ?><p id="env-none"><?cs var:Lang.Env.profile.none ?></p><?cs /if ?>
<?cs if:EnvCurrent.full ?>
<?cs if:EnvDeductions.0.indicator || EnvEvents.0.type ?>
<h3><?cs var:Lang.Env.profile.breakdown ?></h3>
<?cs if:EnvDeductions.0.indicator ?><table class="data" id="env-deductions"><thead><tr><th scope="col"><?cs var:Lang.Env.indicator ?></th><th scope="col"><?cs var:Lang.Env.points ?></th><th scope="col"><?cs var:Lang.Env.note ?></th></tr></thead>
<tbody><?cs each:d = EnvDeductions ?><tr><td><?cs var:d.indicator ?></td><td>-<?cs var:d.points ?></td><td><?cs var:d.note ?></td></tr><?cs /each ?></tbody></table><?cs /if ?>
<?cs if:EnvEvents.0.type ?><table class="data" id="env-events"><thead><tr><th scope="col"><?cs var:Lang.Env.dyn.type ?></th><th scope="col"><?cs var:Lang.Env.points ?></th><th scope="col"><?cs var:Lang.Env.dyn.decided_on ?></th><th scope="col"><?cs var:Lang.Env.dyn.until ?></th></tr></thead>
<tbody><?cs each:e = EnvEvents ?><tr id="env-event-<?cs var:e.id ?>" class="<?cs if:e.active ?>active<?cs else ?>expired<?cs /if ?>"><td><?cs var:e.type ?><?cs if:!e.active ?> <span class="tag"><?cs var:Lang.Env.dyn.restored ?></span><?cs /if ?></td><td><?cs var:e.points ?></td><td><?cs var:e.decided_on ?></td><td><?cs var:e.until_on ?><?cs call:env_object(e, "event", e.id) ?></td></tr><?cs /each ?></tbody></table><?cs /if ?>
<?cs if:EnvDynamic.subject_id ?><p class="no-print"><a href="/env/dynamic/<?cs var:EnvDynamic.subject_id ?>" id="env-timeline-link"><?cs var:Lang.Env.profile.timeline ?></a></p><?cs /if ?>
<?cs /if ?>
<?cs if:EnvRounds.0.grade ?>
<h3><?cs var:Lang.Env.profile.rounds ?></h3>
<table class="data" id="env-history"><tbody><?cs each:x = EnvRounds ?><tr id="env-entry-<?cs var:x.id ?>"><td><?cs var:x.year ?> <?cs var:x.scope ?></td><td><?cs call:grade_badge(x.grade) ?></td><td><?cs var:x.score ?><?cs call:env_object(x, "entry", x.id) ?></td></tr><?cs /each ?></tbody></table>
<?cs /if ?>
<?cs if:EnvHistory.0.grade ?>
<h3><?cs var:Lang.Env.profile.corrections ?></h3>
<table class="data" id="env-corrections"><thead><tr><th scope="col"><?cs var:Lang.Env.year ?></th><th scope="col"><?cs var:Lang.Env.earlier_grade ?></th><th scope="col"><?cs var:Lang.Env.reason ?></th><th scope="col"><?cs var:Lang.Env.when ?></th></tr></thead>
<tbody><?cs each:h = EnvHistory ?><tr><td><?cs var:h.year ?></td><td><?cs call:grade_badge(h.grade) ?> <?cs var:h.score ?></td><td><?cs var:h.reason ?><?cs if:h.objection ?> <span class="tag"><?cs var:Lang.EnvObj.by_objection ?> #<?cs var:h.objection ?></span><?cs /if ?></td><td><?cs var:h.at ?></td></tr><?cs /each ?></tbody></table>
<?cs /if ?>
<?cs include:"_env_voids.cs" ?>
<?cs if:EnvCurrent.self ?><p class="no-print"><a href="/me/objections/env/new" id="env-object-link"><?cs var:Lang.EnvObj.link_all ?></a></p><?cs /if ?>
<?cs /if ?>
</section>

<?cs if:Serious.0.reason ?>
<section aria-labelledby="serious-h" id="serious">
<h2 id="serious-h"><?cs var:Lang.Entity.serious ?></h2>
<?cs each:e = Serious ?>
<dl class="facts">
  <dt><?cs var:Lang.Entity.serious_reason ?></dt><dd><?cs var:e.reason ?></dd>
  <dt><?cs var:Lang.Entity.agency ?></dt><dd><?cs var:e.agency ?>（<?cs var:e.doc_no ?>）</dd>
  <dt><?cs var:Lang.Entity.included_on ?></dt><dd><?cs var:e.included_on ?></dd>
  <dt><?cs var:Lang.Entity.responsible ?></dt><dd><?cs var:e.responsible_persons ?></dd>
  <dt><?cs var:Lang.Entity.removal ?></dt><dd><?cs var:e.removal_conditions ?></dd>
  <dt><?cs var:Lang.Entity.remedy ?></dt><dd><?cs var:e.remedy ?></dd>
</dl>
<?cs if:Profile.scope == "staff" ?>
<form method="post" action="/staff/serious/<?cs var:e.id ?>/remove" class="inline-form no-print">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <input type="hidden" name="uscc" value="<?cs var:Subject.uscc ?>">
  <label><?cs var:Lang.Staff.serious.removed_on ?> <input type="date" name="removed_on" required></label>
  <label><?cs var:Lang.Staff.reason ?> <input type="text" name="reason" maxlength="300" required></label>
  <button type="submit" class="button"><?cs var:Lang.Staff.serious.remove ?></button>
</form>
<?cs /if ?>
<?cs /each ?>
</section>
<?cs /if ?>

<section aria-labelledby="records-h" id="records">
<h2 id="records-h"><?cs var:Lang.Entity.records ?></h2>
<p class="hint"><?cs var:Lang.Entity.window_before ?> <?cs var:Profile.window_years ?> <?cs var:Lang.Entity.window_after ?><?cs if:Profile.scope == "public" ?> <?cs var:Lang.Entity.scope_public ?><?cs elif:Profile.scope == "authorized" ?> <?cs var:Lang.Entity.scope_authorized ?><?cs /if ?></p>
<?cs if:Profile.n_records > 0 ?>
<table class="data">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Entity.item ?></th>
    <th scope="col"><?cs var:Lang.Entity.agency ?></th>
    <th scope="col"><?cs var:Lang.Entity.doc_no ?></th>
    <th scope="col"><?cs var:Lang.Entity.decided_on ?></th>
    <th scope="col"><?cs var:Lang.Entity.ended_on ?></th>
    <th scope="col"><?cs var:Lang.Entity.summary ?></th>
  </tr></thead>
  <tbody>
  <?cs each:x = Records ?>
  <tr id="record-<?cs var:x.id ?>" class="record<?cs if:x.status == "repaired" ?> repaired<?cs /if ?>">
    <td><?cs var:x.item ?><?cs if:x.non_public ?> <span class="tag"><?cs var:Lang.Entity.non_public ?></span><?cs /if ?><?cs if:x.status == "repaired" ?> <span class="tag"><?cs var:Lang.Entity.repaired ?></span><?cs /if ?><?cs if:x.objection ?> <span class="tag objection-flag"><?cs var:Lang.Entity.under_objection ?></span><?cs /if ?></td>
    <td><?cs var:x.agency ?></td>
    <td class="mono"><?cs var:x.doc_no ?></td>
    <td><?cs var:x.decided_on ?></td>
    <td><?cs if:x.ended_on ?><?cs var:x.ended_on ?><?cs else ?><?cs var:Lang.Entity.not_ended ?><?cs /if ?></td>
    <td><?cs var:x.summary ?><?cs if:Profile.scope == "staff" ?> <a class="no-print" href="/staff/records/<?cs var:x.id ?>/edit"><?cs var:Lang.Staff.record.edit ?></a> <a class="no-print revoke-link" href="/staff/records/<?cs var:x.id ?>/revoke"><?cs var:Lang.Revoke.link ?></a><?cs elif:Profile.scope == "self" ?><span class="no-print self-actions"><?cs if:x.not_repairable ?> <span class="hint">（<?cs var:Lang.Entity.not_repairable ?>）</span><?cs elif:x.repair_from ?> <span class="hint repair-from">（<?cs var:Lang.Entity.repair_from ?> <?cs var:x.repair_from ?>）</span><?cs elif:x.status == "active" ?> <a class="repair-link" href="/me/repairs/new?record=<?cs var:x.id ?>"><?cs var:Lang.Repair.apply ?></a><?cs /if ?> <a class="objection-link" href="/me/objections/new?record=<?cs var:x.id ?>"><?cs var:Lang.Objection.apply ?></a></span><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs else ?>
<p id="no-records"><?cs var:Lang.Entity.no_records ?></p>
<?cs /if ?>
</section>

<?cs if:Profile.n_keepfaith > 0 ?>
<section aria-labelledby="keep-h" id="keepfaith">
<h2 id="keep-h"><?cs var:Lang.Entity.keepfaith ?></h2>
<ul>
<?cs each:x = KeepFaith ?>
  <li id="record-<?cs var:x.id ?>"><?cs var:x.item ?> · <?cs var:x.agency ?> · <?cs var:x.decided_on ?> — <?cs var:x.summary ?></li>
<?cs /each ?>
</ul>
</section>
<?cs /if ?>

<section aria-labelledby="ratings-h" id="ratings">
<h2 id="ratings-h"><?cs var:Lang.Entity.ratings ?></h2>
<?cs if:Ratings.0.id ?>
<table class="data" id="ratings-current"><?cs call:rating_head(1) ?><tbody>
<?cs each:x = Ratings ?><?cs call:rating_row(x, 1) ?><?cs /each ?>
</tbody></table>
<?cs else ?><p id="no-ratings"><?cs var:Lang.Entity.ratings_none ?></p><?cs /if ?>
<?cs if:Profile.scope == "self" && RatingHistory.0.id ?>
<h3><?cs var:Lang.Entity.ratings_history ?></h3>
<table class="data" id="ratings-history"><?cs call:rating_head(1) ?><tbody>
<?cs each:x = RatingHistory ?><?cs call:rating_row(x, 1) ?><?cs /each ?>
</tbody></table>
<?cs /if ?>
</section>

<?cs if:Commitments.0.title ?>
<section aria-labelledby="com-h" id="commitments">
<h2 id="com-h"><?cs var:Lang.Entity.commitments ?></h2>
<?cs each:c = Commitments ?>
<article class="card">
  <h3><?cs var:Lang.Commitment[c.kind] ?>：<?cs var:c.title ?></h3>
  <p class="pre"><?cs var:c.body ?></p>
  <p class="hint"><?cs var:c.published_on ?></p>
</article>
<?cs /each ?>
</section>
<?cs /if ?>

<?cs if:Profile.scope == "self" ?>
<section aria-labelledby="views-h" id="views">
<h2 id="views-h"><?cs var:Lang.Entity.views ?></h2>
<?cs if:Views.0.n ?>
<table class="data">
  <thead><tr><th scope="col"><?cs var:Lang.Entity.viewer ?></th><th scope="col"><?cs var:Lang.Entity.view_count ?></th><th scope="col"><?cs var:Lang.Entity.last_view ?></th></tr></thead>
  <tbody>
  <?cs each:v = Views ?>
  <tr><td><?cs if:v.who ?><?cs var:v.who ?> (<?cs var:Lang.Role[v.role] ?>)<?cs else ?><?cs var:Lang.Entity.anonymous ?><?cs /if ?></td><td><?cs var:v.n ?></td><td><?cs var:v.at ?></td></tr>
  <?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
</section>
<?cs /if ?>
</article>
<?cs call:page_end() ?>

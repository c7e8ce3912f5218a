<?cs # assoc_member.cs — one member of the association: its rating history
     (superseded ratings stay), the form that enters a new rating, and the
     membership itself (join date and level, its end). A former member's
     page shows when and why it ended, and no forms. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs include:"_rating.cs" ?><?cs call:page_start() ?>
<h1 id="member-name"><?cs var:Member.name ?></h1>
<p class="mono"><?cs var:Lang.Entity.uscc ?>：<a href="/entity/<?cs var:Member.uscc ?>"><?cs var:Member.uscc ?></a> · <?cs var:Lang.Assoc.joined_on ?> <?cs var:Member.joined_on ?> · <?cs var:Member.member_level ?></p>
<p><a href="/assoc"><?cs var:Lang.Assoc.back ?></a></p>
<?cs if:Member.error ?><p class="alert" role="alert" id="member-error"><?cs var:Member.error ?></p><?cs /if ?>
<?cs if:Member.ended_on ?>
<section class="alert" aria-labelledby="ended-h" id="member-ended" data-ended-on="<?cs var:Member.ended_on ?>">
<h2 id="ended-h"><?cs var:Lang.Assoc.former_note ?></h2>
<dl class="facts">
  <dt><?cs var:Lang.Assoc.ended_on ?></dt><dd><?cs var:Member.ended_on ?></dd>
  <dt><?cs var:Lang.Assoc.end_reason ?></dt><dd><?cs var:Member.end_reason ?></dd>
  <?cs if:Member.end_cert ?><dt><?cs var:Lang.Measure.expel ?></dt><dd><?cs var:Lang.Assoc.ended_by_rating ?> <a class="mono" href="/assoc/ratings/<?cs var:Member.end_rating_id ?>"><?cs var:Member.end_cert ?></a></dd><?cs /if ?>
  <dt><?cs var:Lang.Assoc.ended_recorded ?></dt><dd><?cs var:Member.ended_by ?> <?cs var:Member.ended_at ?></dd>
</dl>
</section>
<?cs /if ?>
<?cs if:Rating.conflict ?><p class="alert" role="alert" id="rating-conflict"><?cs var:Lang.Assoc.err.conflict ?></p><?cs /if ?>
<section aria-labelledby="hist-h" id="history">
<h2 id="hist-h"><?cs var:Lang.Assoc.history ?></h2>
<?cs if:History.0.id ?>
<table class="data"><?cs call:rating_head(0) ?><tbody>
<?cs each:x = History ?><?cs call:rating_row(x, 0) ?><?cs /each ?>
</tbody></table>
<?cs else ?><p id="no-ratings"><?cs var:Lang.Assoc.no_ratings ?></p><?cs /if ?>
</section>
<?cs if:!Member.ended_on ?>
<section aria-labelledby="new-h">
<h2 id="new-h"><?cs if:Member.rating_id ?><?cs var:Lang.Assoc.supersede ?><?cs else ?><?cs var:Lang.Assoc.new_rating ?><?cs /if ?></h2>
<?cs if:Scale.n > 0 ?>
<form method="post" action="/assoc/members/<?cs var:Member.id ?>/ratings" class="stack" id="rating-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <label for="f-level"><?cs var:Lang.Assoc.level ?> <span aria-hidden="true">*</span></label>
  <select id="f-level" name="level" required>
  <?cs each:l = Levels ?><option value="<?cs var:l.code ?>"<?cs if:Form.level.value == l.code ?> selected<?cs /if ?>><?cs var:l.code ?> — <?cs var:l.description ?></option><?cs /each ?>
  </select>
  <?cs call:field_error("level") ?>
  <?cs call:date_field("valid_from", Lang.Assoc.valid_from, 1) ?>
  <?cs call:date_field("valid_to", Lang.Assoc.valid_to, 0) ?>
  <p class="hint"><?cs var:Lang.Assoc.default_before ?> <?cs var:Rating.default_years ?> <?cs var:Lang.Assoc.default_after ?></p>
  <?cs call:text_field("basis", Lang.Assoc.basis, 300, 1) ?>
  <fieldset><legend><?cs var:Lang.Assoc.measures ?></legend>
  <label class="check"><input type="checkbox" name="m_recommend" value="1"<?cs if:Form.m_recommend.value ?> checked<?cs /if ?>> <?cs var:Lang.Measure.recommend ?></label>
  <label class="check"><input type="checkbox" name="m_promote" value="1"<?cs if:Form.m_promote.value ?> checked<?cs /if ?>> <?cs var:Lang.Measure.promote ?></label>
  <label class="check"><input type="checkbox" name="m_warning" value="1"<?cs if:Form.m_warning.value ?> checked<?cs /if ?>> <?cs var:Lang.Measure.warning ?></label>
  <label class="check"><input type="checkbox" name="m_criticism" value="1"<?cs if:Form.m_criticism.value ?> checked<?cs /if ?>> <?cs var:Lang.Measure.criticism ?></label>
  <label class="check"><input type="checkbox" name="m_demote" value="1"<?cs if:Form.m_demote.value ?> checked<?cs /if ?>> <?cs var:Lang.Measure.demote ?></label>
  <label class="check"><input type="checkbox" name="m_expel" value="1"<?cs if:Form.m_expel.value ?> checked<?cs /if ?>> <?cs var:Lang.Measure.expel ?></label>
  <p class="hint"><?cs var:Lang.Assoc.expel_hint ?></p>
  </fieldset>
  <?cs call:text_field("reason", Lang.Assoc.reason, 300, Member.rating_id) ?>
  <button type="submit" class="button"><?cs var:Lang.Assoc.save_rating ?></button>
</form>
<?cs else ?><p><?cs var:Lang.Assoc.no_scale ?> <a href="/assoc/scale"><?cs var:Lang.Assoc.scale.title ?></a></p><?cs /if ?>
</section>

<section aria-labelledby="membership-h" id="membership">
<h2 id="membership-h"><?cs var:Lang.Assoc.membership ?></h2>
<h3><?cs var:Lang.Assoc.edit_member ?></h3>
<form method="post" action="/assoc/members/<?cs var:Member.id ?>" class="stack" id="member-edit-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:date_field("joined_on", Lang.Assoc.joined_on, 1) ?>
  <?cs call:text_field("member_level", Lang.Assoc.member_level, 50, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Assoc.save_member ?></button>
</form>
<h3><?cs var:Lang.Assoc.end_member ?></h3>
<p class="hint"><?cs var:Lang.Assoc.end_hint ?></p>
<form method="post" action="/assoc/members/<?cs var:Member.id ?>/end" class="stack" id="member-end-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:date_field("ended_on", Lang.Assoc.ended_on, 1) ?>
  <?cs call:text_field("end_reason", Lang.Assoc.end_reason, 300, 1) ?>
  <button type="submit" class="button"><?cs var:Lang.Assoc.end_submit ?></button>
</form>
</section>
<?cs /if ?>
<?cs call:page_end() ?>

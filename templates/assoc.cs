<?cs # assoc.cs — an association's dashboard: members with their current
     levels, former members (ended memberships stay, with when and why),
     ratings expiring soon, distribution of levels, add a member. ?>
<?cs include:"_layout.cs" ?><?cs include:"_field.cs" ?><?cs call:page_start() ?>
<h1 id="assoc-name"><?cs var:Assoc.name ?></h1>
<p class="mono"><?cs var:Lang.Entity.uscc ?>：<?cs var:Assoc.uscc ?> · <?cs var:Assoc.industry ?></p>
<p class="actions no-print" id="assoc-tools"><a href="/assoc/scale"><?cs var:Lang.Assoc.scale.title ?></a> · <a href="/assoc/import"><?cs var:Lang.Assoc.import.title ?></a> · <a href="/cert"><?cs var:Lang.Cert.title ?></a></p>

<section aria-labelledby="dist-h" id="distribution">
<h2 id="dist-h"><?cs var:Lang.Assoc.dist ?></h2>
<?cs if:Dist.0.level ?>
<table class="data">
  <thead><tr><th scope="col"><?cs var:Lang.Assoc.level ?></th><th scope="col"><?cs var:Lang.Assoc.count ?></th></tr></thead>
  <tbody><?cs each:d = Dist ?><tr><td><?cs var:d.level ?></td><td class="num" data-level="<?cs var:d.level ?>"><?cs var:d.n ?></td></tr><?cs /each ?></tbody>
</table>
<?cs else ?><p><?cs var:Lang.Assoc.no_scale ?> <a href="/assoc/scale"><?cs var:Lang.Assoc.scale.title ?></a></p><?cs /if ?>
</section>

<section aria-labelledby="exp-h" id="expiring">
<h2 id="exp-h"><?cs var:Lang.Assoc.expiring_before ?> <?cs var:Dash.days ?> <?cs var:Lang.Assoc.expiring_after ?></h2>
<?cs if:Dash.n_expiring > 0 ?>
<ul><?cs each:x = Expiring ?><li><a href="/assoc/ratings/<?cs var:x.id ?>"><?cs var:x.subject ?></a> · <?cs var:x.level ?> · <?cs var:Lang.Assoc.valid_to ?> <?cs var:x.valid_to ?></li><?cs /each ?></ul>
<?cs else ?><p><?cs var:Lang.Assoc.none_expiring ?></p><?cs /if ?>
</section>

<section aria-labelledby="mem-h" id="members">
<h2 id="mem-h"><?cs var:Lang.Assoc.members ?>（<?cs var:Dash.n_members ?>）</h2>
<?cs if:Dash.n_members > 0 ?>
<table class="data">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Assoc.member ?></th><th scope="col"><?cs var:Lang.Entity.uscc ?></th>
    <th scope="col"><?cs var:Lang.Assoc.joined_on ?></th><th scope="col"><?cs var:Lang.Assoc.member_level ?></th>
    <th scope="col"><?cs var:Lang.Assoc.current ?></th><th scope="col"><?cs var:Lang.Assoc.valid_to ?></th>
  </tr></thead>
  <tbody>
  <?cs each:m = Members ?><?cs if:!m.ended_on ?>
  <tr id="member-<?cs var:m.id ?>"><td><a href="/assoc/members/<?cs var:m.id ?>"><?cs var:m.name ?></a></td><td class="mono"><?cs var:m.uscc ?></td><td><?cs var:m.joined_on ?></td><td><?cs var:m.member_level ?></td><td class="level"><?cs if:m.level ?><?cs var:m.level ?><?cs else ?>—<?cs /if ?></td><td><?cs var:m.valid_to ?><?cs if:m.expired ?> <span class="tag"><?cs var:Lang.Cert.expired ?></span><?cs /if ?></td></tr>
  <?cs /if ?><?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<?cs if:Dash.n_former > 0 ?>
<h3 id="former-h"><?cs var:Lang.Assoc.former_members ?>（<?cs var:Dash.n_former ?>）</h3>
<table class="data" id="former-members" aria-labelledby="former-h">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Assoc.member ?></th><th scope="col"><?cs var:Lang.Entity.uscc ?></th>
    <th scope="col"><?cs var:Lang.Assoc.joined_on ?></th><th scope="col"><?cs var:Lang.Assoc.ended_on ?></th>
    <th scope="col"><?cs var:Lang.Assoc.end_reason ?></th>
  </tr></thead>
  <tbody>
  <?cs each:m = Members ?><?cs if:m.ended_on ?>
  <tr id="member-<?cs var:m.id ?>" class="former"><td><a href="/assoc/members/<?cs var:m.id ?>"><?cs var:m.name ?></a></td><td class="mono"><?cs var:m.uscc ?></td><td><?cs var:m.joined_on ?></td><td class="ended-on"><?cs var:m.ended_on ?></td><td><?cs var:m.end_reason ?><?cs if:m.end_cert ?>（<?cs var:Lang.Measure.expel ?>，<span class="mono"><?cs var:m.end_cert ?></span>）<?cs /if ?></td></tr>
  <?cs /if ?><?cs /each ?>
  </tbody>
</table>
<?cs /if ?>
<h3><?cs var:Lang.Assoc.add_member ?></h3>
<form method="post" action="/assoc/members" class="stack" id="member-form">
  <input type="hidden" name="csrf" value="<?cs var:Page.csrf ?>">
  <?cs call:text_field("uscc", Lang.Entity.uscc, 40, 1) ?>
  <?cs call:date_field("joined_on", Lang.Assoc.joined_on, 1) ?>
  <?cs call:text_field("member_level", Lang.Assoc.member_level, 50, 1) ?>
  <p class="hint"><?cs var:Lang.Assoc.member_hint ?></p>
  <button type="submit" class="button"><?cs var:Lang.Assoc.add_member ?></button>
</form>
</section>
<?cs call:page_end() ?>

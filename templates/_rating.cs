<?cs # _rating.cs — one rating as a table row (association pages, profile
     history): level, validity, certificate, basis, measures, who and when,
     and for a superseded rating who replaced it and why. ?>
<?cs def:rating_measures(x) ?><?cs each:m = x.measures ?><span class="tag measure-<?cs var:m ?>"><?cs var:Lang.Measure[m] ?></span> <?cs /each ?><?cs /def ?>
<?cs def:rating_row(x, show_assoc) ?>
<tr id="rating-<?cs var:x.id ?>" class="rating <?cs var:x.status ?>" data-status="<?cs var:x.status ?>">
  <?cs if:show_assoc ?><td><?cs var:x.assoc ?></td><?cs /if ?>
  <td class="level"><?cs var:x.level ?></td>
  <td><?cs var:x.valid_from ?> – <?cs var:x.valid_to ?></td>
  <td class="mono cert"><?cs var:x.cert_no ?></td>
  <td><?cs var:x.basis ?></td>
  <td><?cs call:rating_measures(x) ?></td>
  <td><?cs var:x.created_by ?> · <?cs var:x.created_at ?></td>
  <td><?cs if:x.status == "superseded" ?><?cs var:Lang.Assoc.superseded ?> <?cs var:x.superseded_at ?> · <?cs var:x.supersede_user ?> · <span class="reason"><?cs var:x.supersede_reason ?></span><?cs else ?><?cs var:Lang.Assoc.status_current ?><?cs /if ?></td>
</tr>
<?cs /def ?>
<?cs def:rating_head(show_assoc) ?>
<thead><tr>
  <?cs if:show_assoc ?><th scope="col"><?cs var:Lang.Assoc.association ?></th><?cs /if ?>
  <th scope="col"><?cs var:Lang.Assoc.level ?></th><th scope="col"><?cs var:Lang.Assoc.validity ?></th>
  <th scope="col"><?cs var:Lang.Assoc.cert_no ?></th><th scope="col"><?cs var:Lang.Assoc.basis ?></th>
  <th scope="col"><?cs var:Lang.Assoc.measures ?></th><th scope="col"><?cs var:Lang.Assoc.entered ?></th>
  <th scope="col"><?cs var:Lang.Assoc.status ?></th>
</tr></thead>
<?cs /def ?>

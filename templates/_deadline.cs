<?cs # _deadline.cs — a request's deadline: the date, then working days left,
     due today, or overdue (highlighted); "weekends only" when a year in the
     count has no loaded calendar. ?>
<?cs def:deadline(x) ?><span class="deadline<?cs if:x.overdue ?> overdue<?cs /if ?>"><?cs var:x.due ?><?cs if:x.left ?> · <?cs var:Lang.Req.left_before ?> <?cs var:x.left ?> <?cs var:Lang.Req.left_after ?><?cs elif:x.overdue ?> · <strong class="overdue-tag"><?cs var:Lang.Req.overdue_before ?> <?cs var:x.overdue ?> <?cs var:Lang.Req.overdue_after ?></strong><?cs elif:x.today ?> · <?cs var:Lang.Req.due_today ?><?cs /if ?><?cs if:x.assumed ?> <span class="tag" title="<?cs var:Lang.Req.assumed_long ?>"><?cs var:Lang.Req.assumed ?></span><?cs /if ?></span><?cs /def ?>

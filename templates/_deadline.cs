<?cs # _deadline.cs — a request's deadline: the date, then working days left,
     due today, or late (highlighted: by N working days, or with no working
     day since yet); "weekends only" when a year in the
     count has no loaded calendar. ?>
<?cs def:deadline(x) ?><span class="deadline<?cs if:x.late ?> overdue<?cs /if ?>"><?cs var:x.due ?><?cs if:x.left ?> · <?cs var:Lang.Req.left_before ?> <?cs var:x.left ?> <?cs var:Lang.Req.left_after ?><?cs elif:x.late ?> · <strong class="overdue-tag"><?cs if:x.overdue ?><?cs var:Lang.Req.overdue_before ?> <?cs var:x.overdue ?> <?cs var:Lang.Req.overdue_after ?><?cs else ?><?cs var:Lang.Req.late_no_workday ?><?cs /if ?></strong><?cs elif:x.today ?> · <?cs var:Lang.Req.due_today ?><?cs /if ?><?cs if:x.assumed ?> <span class="tag" title="<?cs var:Lang.Req.assumed_long ?>"><?cs var:Lang.Req.assumed ?></span><?cs /if ?></span><?cs /def ?>

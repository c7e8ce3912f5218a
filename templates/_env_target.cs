<?cs # _env_target.cs — on the staff page of an objection: the environmental
     grade objected to (a round entry or a dynamic-scoring event). ?>
<?cs include:"_grade.cs" ?>
<dt><?cs var:Lang.Req.record ?></dt><dd id="req-env" data-kind="<?cs var:Req.env ?>"><span class="tag"><?cs var:Lang.EnvObj.kind[Req.env] ?></span>
<?cs if:Req.env.kind == "entry" ?>
  <?cs var:Req.env.year ?> <?cs var:Req.env.scope ?> <?cs call:round_status(Req.env.round_status) ?> · <?cs call:grade_badge(Req.env.grade) ?><?cs if:?Req.env.score ?> <?cs var:Req.env.score ?> <?cs var:Lang.Env.dyn.points ?><?cs /if ?><?cs if:Req.env.veto ?> · <?cs var:Lang.Env.veto ?>: <?cs var:Req.env.veto ?> — <?cs var:Req.env.veto_note ?><?cs /if ?>
  <a href="/env/rounds/<?cs var:Req.env.round_id ?>"><?cs var:Lang.Env.stats.list ?></a>
<?cs elif:Req.env.kind == "event" ?>
  <?cs var:Req.env.type ?> <?cs var:Req.env.points ?> · <?cs var:Req.env.decided_on ?> – <?cs var:Req.env.until_on ?> · <span class="mono"><?cs var:Req.env.doc_no ?></span><?cs if:Req.env.void ?> <span class="tag"><?cs var:Lang.Env.fix.act[Req.env.void] ?></span><?cs /if ?>
<?cs /if ?></dd>

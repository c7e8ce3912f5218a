<?cs # _report_lines.cs — a report's lines (the same lines as the PDF). ?>
<?cs each:l = Report.lines ?><?cs if:l.style == "title" ?><h1><?cs var:l.text ?></h1><?cs elif:l.style == "h2" ?><h2><?cs var:l.text ?></h2><?cs elif:l.style == "small" ?><p class="small"><?cs var:l.text ?></p><?cs elif:l.style == "rule" ?><hr><?cs else ?><p><?cs var:l.text ?></p><?cs /if ?>
<?cs /each ?>

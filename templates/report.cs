<?cs include:"_layout.cs" ?><?cs call:page_start() ?>
<p class="no-print actions"><a class="button" href="/report.pdf" id="pdf-link"><?cs var:Lang.Report.pdf ?></a> <span class="hint"><?cs var:Lang.Report.print_hint ?></span></p>
<article class="report" id="report">
<?cs include:"_report_lines.cs" ?>
</article>
<?cs call:page_end() ?>

<?cs include:"_layout.cs" ?><?cs call:page_start() ?>
<section class="narrow error-page">
<h1><?cs var:Lang.Err.heading[Page.status] ?><?cs if:!Lang.Err.heading[Page.status] ?><?cs var:Lang.Err.title ?><?cs /if ?></h1>
<p class="alert" role="alert" id="error-message"><?cs var:Page.error ?></p>
<p><a href="/"><?cs var:Lang.Err.home ?></a></p>
</section>
<?cs call:page_end() ?>

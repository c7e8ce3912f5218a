<?cs include:"_layout.cs" ?><?cs include:"_grade.cs" ?><?cs call:page_start() ?>
<h1><?cs var:Lang.Search.heading ?></h1>
<?cs include:"_search_form.cs" ?>
<?cs if:Form.q.error ?><p class="alert" role="alert"><?cs var:Form.q.error ?></p><?cs /if ?>
<?cs if:Form.year.error || Form.grade.error || Form.district.error ?><p class="alert" role="alert" id="filter-error"><?cs var:Lang.Search.bad_filter ?></p><?cs /if ?>
<?cs if:Search.done ?>
<p id="search-summary"><?cs var:Lang.Search.found_before ?> <?cs var:Search.total ?><?cs if:Search.more ?>+<?cs /if ?> <?cs var:Lang.Search.found_after ?>
<?cs if:Search.filtered ?><span id="search-filtered"><?cs var:Lang.Search.filtered ?>
  <?cs if:Form.grade.value ?><?cs var:Lang.Grade[Form.grade.value] ?><?cs /if ?>
  <?cs if:Form.year.value ?><?cs var:Form.year.value ?> <?cs var:Lang.Search.year_round ?><?cs /if ?>
  <?cs if:Form.district.value ?><?cs var:Form.district.value ?><?cs /if ?></span><?cs /if ?></p>
<?cs if:Search.shown > 0 ?>
<table class="data" id="results">
  <thead><tr>
    <th scope="col"><?cs var:Lang.Entity.name ?></th>
    <th scope="col"><?cs var:Lang.Entity.uscc ?></th>
    <th scope="col"><?cs var:Lang.Entity.district ?></th>
    <th scope="col"><?cs var:Lang.Entity.status ?></th>
    <th scope="col"><?cs var:Lang.Search.current_grade ?></th>
  </tr></thead>
  <tbody>
  <?cs each:s = Results ?>
  <tr data-uscc="<?cs var:s.uscc ?>">
    <td><a href="/entity/<?cs var:s.uscc ?>"><?cs var:s.name ?></a></td>
    <td class="mono"><?cs var:s.uscc ?></td>
    <td><?cs var:s.district ?></td>
    <td><?cs if:s.serious ?><span class="flag-serious"><?cs var:Lang.Entity.serious_flag ?></span><?cs /if ?></td>
    <td class="env-grade"><?cs if:s.env_grade ?><?cs call:grade_badge(s.env_grade) ?><?cs /if ?></td>
  </tr>
  <?cs /each ?>
  </tbody>
</table>
<nav class="pager" aria-label="<?cs var:Lang.Pager.label ?>">
  <?cs if:Pager.prev ?><a href="/search?q=<?cs var:Pager.q ?><?cs var:Pager.filters ?>&amp;page=<?cs var:Pager.prev ?>" rel="prev"><?cs var:Lang.Pager.prev ?></a><?cs /if ?>
  <?cs if:Pager.next ?><a href="/search?q=<?cs var:Pager.q ?><?cs var:Pager.filters ?>&amp;page=<?cs var:Pager.next ?>" rel="next"><?cs var:Lang.Pager.next ?></a><?cs /if ?>
</nav>
<?cs /if ?>
<?cs /if ?>
<?cs call:page_end() ?>

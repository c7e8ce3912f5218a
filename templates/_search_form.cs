<?cs # _search_form.cs — the search box, on the home and the results page; on
     the results page also the filters (grade and year of a published annual
     round, district), which work with or without a name. ?>
<form method="get" action="/search" class="search" role="search" id="search-form">
  <label for="q" class="visually-hidden"><?cs var:Lang.Search.label ?></label>
  <input id="q" name="q" type="search" maxlength="50" value="<?cs var:Form.q.value ?>"
         placeholder="<?cs var:Lang.Search.placeholder ?>">
  <?cs if:Search.filters_ui ?>
  <fieldset class="inline-form" id="search-filters"><legend><?cs var:Lang.Search.filters ?></legend>
    <label for="f-grade"><?cs var:Lang.Env.grade ?></label>
    <select id="f-grade" name="grade"><option value=""><?cs var:Lang.Env.any ?></option>
    <?cs each:g = Search.grades ?><option value="<?cs var:g ?>"<?cs if:Form.grade.value == g ?> selected<?cs /if ?>><?cs var:Lang.Grade[g] ?></option><?cs /each ?>
    </select>
    <label for="f-year"><?cs var:Lang.Env.year ?></label>
    <select id="f-year" name="year"><option value=""><?cs var:Lang.Search.latest ?></option>
    <?cs each:y = Search.years ?><option<?cs if:Form.year.value == y ?> selected<?cs /if ?>><?cs var:y ?></option><?cs /each ?>
    </select>
    <label for="f-district"><?cs var:Lang.Entity.district ?></label>
    <select id="f-district" name="district"><option value=""><?cs var:Lang.Env.any ?></option>
    <?cs each:d = Search.districts ?><option<?cs if:Form.district.value == d ?> selected<?cs /if ?>><?cs var:d ?></option><?cs /each ?>
    </select>
  </fieldset>
  <?cs /if ?>
  <button type="submit" class="button"><?cs var:Lang.Search.submit ?></button>
</form>
<?cs if:Search.filters_ui ?><p class="hint" id="search-filter-hint"><?cs var:Lang.Search.filter_hint ?></p><?cs /if ?>

<?cs # _search_form.cs — the search box, on the home and the results page. ?>
<form method="get" action="/search" class="search" role="search">
  <label for="q" class="visually-hidden"><?cs var:Lang.Search.label ?></label>
  <input id="q" name="q" type="search" maxlength="50" value="<?cs var:Form.q.value ?>"
         placeholder="<?cs var:Lang.Search.placeholder ?>">
  <button type="submit" class="button"><?cs var:Lang.Search.submit ?></button>
</form>

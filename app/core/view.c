/* view.c — templates and languages (see view.h). */
#include "view.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ClearSilver.h>

#include "log.h"

#define VIEW_MAX_TEMPLATES 64

struct tmpl {
	char     *name;     /* file name, e.g. "login.cs" */
	CSPARSE  *cs;
};

static const char *const langs[] = { "zh-CN", "en" };
#define NLANGS (sizeof(langs) / sizeof(langs[0]))

static HDF         *base;            /* Config.* for cs_init; never request data */
static HDF         *lang_hdf[NLANGS];
static struct tmpl  tmpls[VIEW_MAX_TEMPLATES];
static int          ntmpls;
static STRING       outbuf;

static void
log_nerr(const char *what, NEOERR *err)
{
	STRING s;

	string_init(&s);
	nerr_error_traceback(err, &s);
	log_msg(LL_ERR, "view: %s: %s", what, s.buf ? s.buf : "?");
	string_clear(&s);
	nerr_ignore(&err);
}

int
view_lang_ok(const char *lang)
{
	size_t i;

	for (i = 0; lang != NULL && i < NLANGS; i++)
		if (strcmp(lang, langs[i]) == 0)
			return 1;
	return 0;
}

static HDF *
lang_for(const struct req *r)
{
	size_t i;

	for (i = 0; r->lang != NULL && i < NLANGS; i++)
		if (strcmp(r->lang, langs[i]) == 0)
			return lang_hdf[i];
	return lang_hdf[0];
}

const char *
view_str(const struct req *r, const char *key)
{
	char name[128];
	const char *v;

	if ((size_t)snprintf(name, sizeof(name), "Lang.%s", key) >= sizeof(name))
		return key;
	v = hdf_get_value(lang_for(r), name, NULL);
	return v != NULL ? v : key;
}

static int
tmpl_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tmpl *)a)->name, ((const struct tmpl *)b)->name);
}

int
view_init(const char *dir)
{
	char path[1024];
	NEOERR *err;
	DIR *d;
	struct dirent *de;
	size_t i;

	if ((err = hdf_init(&base)) != STATUS_OK) {
		log_nerr("hdf_init", err);
		return -1;
	}
	/* Escaping must be set before cs_init; see SECURITY.md §2. */
	if ((err = hdf_set_value(base, "Config.VarEscapeMode", "html")) != STATUS_OK ||
	    (err = hdf_set_value(base, "hdf.loadpaths.0", dir)) != STATUS_OK) {
		log_nerr("hdf_set_value", err);
		return -1;
	}
	for (i = 0; i < NLANGS; i++) {
		snprintf(path, sizeof(path), "%s/lang/%s.hdf", dir, langs[i]);
		if ((err = hdf_init(&lang_hdf[i])) != STATUS_OK ||
		    (err = hdf_read_file(lang_hdf[i], path)) != STATUS_OK) {
			log_nerr(path, err);
			return -1;
		}
	}
	if ((d = opendir(dir)) == NULL) {
		log_msg(LL_ERR, "view: cannot open template directory %s", dir);
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		size_t n = strlen(de->d_name);
		struct tmpl *t;

		if (n < 4 || strcmp(de->d_name + n - 3, ".cs") != 0 || de->d_name[0] == '_')
			continue;
		if (ntmpls >= VIEW_MAX_TEMPLATES) {
			log_msg(LL_ERR, "view: more than %d templates", VIEW_MAX_TEMPLATES);
			closedir(d);
			return -1;
		}
		t = &tmpls[ntmpls];
		t->name = strdup(de->d_name);
		if (t->name == NULL)
			break;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		if ((err = cs_init(&t->cs, base)) != STATUS_OK ||
		    (err = cs_parse_file(t->cs, path)) != STATUS_OK) {
			log_nerr(path, err);
			closedir(d);
			free(t->name);
			cs_destroy(&t->cs);
			return -1;
		}
		ntmpls++;
	}
	closedir(d);
	qsort(tmpls, (size_t)ntmpls, sizeof(tmpls[0]), tmpl_cmp);
	string_init(&outbuf);
	return 0;
}

void
view_free(void)
{
	size_t i;
	int j;

	for (j = 0; j < ntmpls; j++) {
		tmpls[j].cs->hdf = base;
		tmpls[j].cs->global_hdf = NULL;
		cs_destroy(&tmpls[j].cs);
		free(tmpls[j].name);
	}
	ntmpls = 0;
	for (i = 0; i < NLANGS; i++)
		hdf_destroy(&lang_hdf[i]);
	hdf_destroy(&base);
	string_clear(&outbuf);
}

int
view_begin(struct req *r)
{
	NEOERR *err = hdf_init((HDF **)&r->hdf);

	if (err != STATUS_OK) {
		nerr_ignore(&err);
		r->hdf = NULL;
		return -1;
	}
	return 0;
}

void
view_end(struct req *r)
{
	HDF *h = (HDF *)r->hdf;

	if (h != NULL)
		hdf_destroy(&h);
	r->hdf = NULL;
}

int
view_set(struct req *r, const char *name, const char *value)
{
	NEOERR *err;

	if (value == NULL || r->hdf == NULL)
		return 0;
	err = hdf_set_value((HDF *)r->hdf, name, value);
	if (err != STATUS_OK) {
		nerr_ignore(&err);
		return -1;
	}
	return 0;
}

int
view_setf(struct req *r, const char *name, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	return view_set(r, name, buf);
}

int
view_set_int(struct req *r, const char *name, long long v)
{
	return view_setf(r, name, "%lld", v);
}

static NEOERR *
append_out(void *ctx, char *s)
{
	return string_append((STRING *)ctx, s);
}

int
view_render(struct req *r, const char **out, size_t *len)
{
	struct tmpl key, *t;
	NEOERR *err;

	key.name = (char *)(uintptr_t)r->tmpl;
	t = r->tmpl ? bsearch(&key, tmpls, (size_t)ntmpls, sizeof(tmpls[0]), tmpl_cmp) : NULL;
	if (t == NULL) {
		log_msg(LL_ERR, "view: no template %s", r->tmpl ? r->tmpl : "(null)");
		return -1;
	}
	outbuf.len = 0;
	if (outbuf.buf != NULL)
		outbuf.buf[0] = '\0';
	/* The parse tree is reused: point it at this request's data and the
	 * language strings, then back at the base so nothing dangles. */
	t->cs->hdf = (HDF *)r->hdf;
	t->cs->global_hdf = lang_for(r);
	err = cs_render(t->cs, &outbuf, append_out);
	t->cs->hdf = base;
	t->cs->global_hdf = NULL;
	if (err != STATUS_OK) {
		log_nerr(r->tmpl, err);
		return -1;
	}
	*out = outbuf.buf != NULL ? outbuf.buf : "";
	*len = (size_t)outbuf.len;
	/* Template directives leave blank lines before the doctype. */
	while (*len > 0 && (**out == '\n' || **out == ' ')) {
		(*out)++;
		(*len)--;
	}
	return 0;
}

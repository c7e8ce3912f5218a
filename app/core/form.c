/* form.c — validation of declared form fields (see form.h). */
#include "form.h"

#include <stdio.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"

static size_t
utf8_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

static int
all_in(const char *s, size_t len, const char *extra)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || (c != 0 && strchr(extra, c) != NULL)))
			return 0;
	}
	return 1;
}

/* YYYY-MM-DD naming a day that exists (years 1900-2199). */
static int
date_ok(const char *s, size_t len)
{
	static const char days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int y, m, d;

	if (len != 10 || s[4] != '-' || s[7] != '-' || !all_in(s, 4, "") ||
	    !all_in(s + 5, 2, "") || !all_in(s + 8, 2, ""))
		return 0;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return 0;
	/* 29 February only in leap years. */
	return !(m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

int
field_check(const struct field *fd, const char *s, size_t len, const char **why)
{
	size_t i, n;
	long long v;
	char *end;

	*why = NULL;
	if (!utf8_valid(s, len)) {
		*why = "Err.field.utf8";
		return 0;
	}
	switch (fd->type) {
	case FT_TEXT:
	case FT_MULTILINE:
		for (i = 0; i < len; i++) {
			unsigned char c = (unsigned char)s[i];
			if ((c < 0x20 || c == 0x7f) && !(fd->type == FT_MULTILINE &&
			    (c == '\n' || c == '\r' || c == '\t'))) {
				*why = "Err.field.control";
				return 0;
			}
		}
		break;
	case FT_LOGIN:
		if (!all_in(s, len, "._@-")) {
			*why = "Err.field.login";
			return 0;
		}
		break;
	case FT_TOKEN:
		if (!all_in(s, len, "_-")) {
			*why = "Err.field.token";
			return 0;
		}
		break;
	case FT_PASSWORD:
		if ((long long)len < fd->min || (long long)len > fd->max) {
			*why = len < (size_t)fd->min ? "Err.field.short" : "Err.field.long";
			return 0;
		}
		return 1;
	case FT_INT:
		if (len == 0 || len > 19 || !all_in(s, len, "-")) {
			*why = "Err.field.int";
			return 0;
		}
		errno = 0;
		v = strtoll(s, &end, 10);
		if (errno != 0 || end != s + len || v < fd->min || v > fd->max) {
			*why = "Err.field.range";
			return 0;
		}
		return 1;
	case FT_LOCALPATH:
		if (len == 0 || s[0] != '/' || (len > 1 && (s[1] == '/' || s[1] == '\\')) ||
		    memchr(s, '\\', len) != NULL || !all_in(s, len, "/._-~?=&%")) {
			*why = "Err.field.path";
			return 0;
		}
		break;
	case FT_ENUM:
		for (i = 0; fd->choices != NULL && fd->choices[i] != NULL; i++)
			if (strlen(fd->choices[i]) == len && memcmp(fd->choices[i], s, len) == 0)
				return 1;
		*why = "Err.field.choice";
		return 0;
	case FT_DATE:
		if (!date_ok(s, len)) {
			*why = "Err.field.date";
			return 0;
		}
		return 1;
	case FT_FILE:
	case FT_MAX:
		break;
	}
	n = utf8_chars(s, len);
	if ((long long)n < fd->min) {
		*why = "Err.field.short";
		return 0;
	}
	if ((long long)n > fd->max) {
		*why = "Err.field.long";
		return 0;
	}
	return 1;
}

int
form_index(const struct form *fm, const char *name)
{
	int i;

	for (i = 0; fm != NULL && i < fm->n; i++)
		if (strcmp(fm->fields[i].name, name) == 0)
			return i;
	return -1;
}

long long
form_int(const struct req *r, int idx)
{
	if (r->f[idx] == NULL)
		return 0;
	return strtoll(r->f[idx], NULL, 10);
}

int
form_validate(struct req *r, const struct form *fm, const struct param_list *pl)
{
	const struct param *p;
	int i;

	r->form = fm;
	r->form_invalid = 0;
	if (fm == NULL)
		return 0;
	for (i = 0; i < fm->n && i < REQ_MAX_FIELDS; i++) {
		r->f[i] = NULL;
		r->flen[i] = 0;
		r->ffile[i] = NULL;
		r->ferr[i] = NULL;
	}
	for (p = pl->head; p != NULL; p = p->next) {
		const struct field *fd;
		const char *v;
		size_t len;

		i = form_index(fm, p->key);
		if (i < 0 || i >= REQ_MAX_FIELDS)
			continue; /* undeclared: dropped */
		fd = &fm->fields[i];
		if (r->f[i] != NULL || r->ffile[i] != NULL) {
			if (fd->flags & FF_MULTI)
				continue;
			return 400;
		}
		if (fd->type == FT_FILE) {
			if (p->is_file && p->len > 0)
				r->ffile[i] = p;
			else if (!p->is_file)
				r->ferr[i] = "Err.field.file";
			continue;
		}
		if (p->is_file) {
			r->ferr[i] = "Err.field.notfile";
			r->f[i] = "";
			continue;
		}
		v = p->val;
		len = p->len;
		if (fd->flags & FF_TRIM) {
			while (len > 0 && (*v == ' ' || *v == '\t')) {
				v++;
				len--;
			}
			while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t'))
				len--;
			v = arena_strndup(&r->arena, v, len);
			if (v == NULL)
				return 500;
		}
		r->f[i] = v;
		r->flen[i] = len;
		if (len == 0)
			continue; /* emptiness is judged below, with "required" */
		if (!field_check(fd, v, len, &r->ferr[i]))
			r->form_invalid = 1;
	}
	for (i = 0; i < fm->n && i < REQ_MAX_FIELDS; i++) {
		const struct field *fd = &fm->fields[i];
		int empty = fd->type == FT_FILE ? r->ffile[i] == NULL : r->flen[i] == 0;

		if (r->ferr[i] != NULL) {
			r->form_invalid = 1;
			continue;
		}
		if (empty && (fd->flags & FF_REQUIRED)) {
			r->ferr[i] = "Err.field.required";
			r->form_invalid = 1;
		}
		if (empty && fd->type != FT_FILE)
			r->f[i] = NULL;
	}
	return 0;
}

void
form_to_hdf(struct req *r)
{
	char name[96];
	int i;

	if (r->form == NULL)
		return;
	for (i = 0; i < r->form->n && i < REQ_MAX_FIELDS; i++) {
		const struct field *fd = &r->form->fields[i];

		if (fd->type != FT_PASSWORD && fd->type != FT_FILE && r->f[i] != NULL) {
			snprintf(name, sizeof(name), "Form.%s.value", fd->name);
			view_set(r, name, r->f[i]);
		}
		if (r->ferr[i] != NULL) {
			snprintf(name, sizeof(name), "Form.%s.error", fd->name);
			view_set(r, name, view_str(r, r->ferr[i]));
		}
	}
}

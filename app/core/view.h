/* view.h — ClearSilver templates, parsed once per worker, and the language
 * files (templates/lang/NAME.hdf). HTML escaping is on for every var: (set in
 * the HDF before cs_init, so no data can switch it off). */
#ifndef CORE_VIEW_H
#define CORE_VIEW_H

#include <stddef.h>

#include "req.h"

/* Loads languages and parses every template under dir. 0 or -1. */
int  view_init(const char *dir);
void view_free(void);
/* 1 if the language code is one we ship. */
int  view_lang_ok(const char *lang);
/* The string for key (e.g. "Err.notfound") in the request's language. */
const char *view_str(const struct req *, const char *key);
/* Sets an HDF value; a NULL value is skipped. Returns 0 or -1. */
int  view_set(struct req *, const char *name, const char *value);
int  view_setf(struct req *, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int  view_set_int(struct req *, const char *name, long long v);
/* Renders r->tmpl with r->hdf into the worker's output buffer. */
int  view_render(struct req *, const char **out, size_t *len);
/* Creates/destroys the per-request HDF. */
int  view_begin(struct req *);
void view_end(struct req *);

#endif

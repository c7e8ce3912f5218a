/* form.h — declared form fields. Each route names one form; only its fields
 * reach the handler, validated and typed. Undeclared parameters are dropped,
 * a repeated single-valued key is a 400, a rule violation marks the field
 * with a language key and the handler re-renders the form with a 422. */
#ifndef CORE_FORM_H
#define CORE_FORM_H

#include <stddef.h>

#include "req.h"

enum field_type {
	FT_TEXT,       /* one line of UTF-8 text: no control characters */
	FT_MULTILINE,  /* text that may contain CR, LF and TAB */
	FT_LOGIN,      /* [A-Za-z0-9._@-] */
	FT_PASSWORD,   /* any UTF-8; length in bytes */
	FT_INT,        /* decimal integer in [min, max] */
	FT_LOCALPATH,  /* a local redirect target: "/" + path, never "//" or "\" */
	FT_ENUM,       /* one of choices[] */
	FT_TOKEN,      /* [A-Za-z0-9_-] (CSRF and other tokens) */
	FT_FILE,       /* a multipart file part */
	FT_DATE,       /* a calendar date written YYYY-MM-DD */
	FT_MAX
};

#define FF_REQUIRED 0x1
#define FF_MULTI    0x2   /* may repeat; only the first is kept in req->f */
#define FF_TRIM     0x4   /* strip surrounding ASCII spaces first */

struct field {
	const char        *name;
	enum field_type    type;
	unsigned           flags;
	long long          min, max;   /* characters (bytes for FT_PASSWORD), or values for FT_INT */
	const char *const *choices;    /* FT_ENUM, NULL-terminated */
};

struct form {
	const struct field *fields;
	int                 n;
};

/* Fills req->f / ferr from the route's form. Returns 0, or 400 on a
 * structural problem (repeated single-valued key). */
int  form_validate(struct req *, const struct form *, const struct param_list *);
/* 1 if s (len bytes, valid UTF-8) satisfies the field's rule; *why gets the
 * language key when not. Exposed for unit tests and CSV checks. */
int  field_check(const struct field *, const char *s, size_t len, const char **why);
int  form_index(const struct form *, const char *name);
long long form_int(const struct req *, int idx);


/* Copies each field's value (passwords excepted) and localised error into
 * Form.<name>.value / Form.<name>.error for re-rendering the form. */
void form_to_hdf(struct req *);

#endif

/* assoc_int.h — helpers shared by the association pages (assoc.c,
 * assoc_member.c, assoc_rating.c, assoc_scale.c, assoc_import.c, cert.c);
 * not part of the route surface. */
#ifndef PAGES_ASSOC_INT_H
#define PAGES_ASSOC_INT_H

#include "core/req.h"
#include "rules/ratings.h"
#include "store/assoc.h"

/* Every association page acts for the logged-in account's association. */
#define ASSOC_ID(r) ((r)->user.association_id)

#define ASSOC_MAX_HISTORY 100

/* Today (China Standard Time) plus days, as YYYY-MM-DD. */
void assoc_today_plus(int days, char out[11]);
/* Sets prefix.* for one rating, its measures as prefix.measures.N. */
void assoc_set_rating(struct req *, const char *prefix, const struct rating *);
/* Title, navigation and template of an association page (never cached). */
void assoc_page(struct req *, const char *title_key, const char *tmpl);
/* The association's scale, best first; with publish also as Levels.* and
 * Scale.n. Returns the number of levels or < 0. */
int  assoc_load_levels(struct req *, struct level *lv, int publish);

/* One member's page: membership, rating history, the forms. focus is the
 * rating to highlight (0 = none). */
int  assoc_member_page(struct req *, int status, const struct member *, long long focus);

/* ---- ratings: the rules shared by the form and the CSV upload
 * (assoc_rating.c) ---- */

struct rate_row {
	int          line;
	const char  *uscc;              /* as normalised */
	struct member m;                /* with its current rating, if any */
	char        *current_from;      /* valid_from of the current rating */
	const struct level *lv;
	const char  *from, *to, *basis;
	char         to_buf[11];
	char         measures[96];
	char         cert[CERT_LEN + 1];  /* issued by assoc_write_row */
	long long    new_id;             /* the rating assoc_write_row inserted */
	int          expels;             /* carries 取消会员资格: ends the membership */
	char         end_on[11];         /* the day it ended (assoc_write_row) */
};

/* Checks level, validity and the member's current rating of one row.
 * Returns the language key of the first problem and sets *col, or NULL. */
const char *assoc_check_row(struct req *, struct rate_row *, const struct level *lv, int n,
                const char *level, const char **col);
/* Writes one checked row inside the caller's transaction (certificate,
 * insert, supersede, and the end of the membership for 取消会员资格).
 * Returns the new id, 0 when the member changed meanwhile, or < 0. */
long long   assoc_write_row(struct req *, struct rate_row *, const char *reason);
/* The audit rows of a row assoc_write_row entered. */
int         assoc_audit_row(struct req *, const struct rate_row *, const char *reason);

#endif

/* ratings.h — the pure rules behind association ratings (Art. 27): the
 * preset scales, the 3-digit grade codes, the pilot scheme's 15-digit
 * certificate numbers, validity periods and the measures. No I/O. */
#ifndef RULES_RATINGS_H
#define RULES_RATINGS_H

#include <stddef.h>

#define CERT_LEN           15
#define RATING_MAX_LEVELS  99   /* 9NN grade codes hold two digits of rank */
#define RATING_VALID_YEARS 3    /* the national pilot's default validity */

/* A preset scale: codes best first, with a default description each. */
struct rating_preset {
	const char         *key;    /* "pilot9", "common5", "grade4" */
	int                 n;
	const char *const  *codes;
	const char *const  *desc;
};
extern const struct rating_preset rating_presets[];
extern const int rating_npresets;
/* The preset called key, or NULL. */
const struct rating_preset *rating_preset(const char *key);

/*
 * The grade code of a level (3 digits + NUL in out). Letter levels follow
 * the pilot: a run of 1-3 of the same letter A, B or C gives that many
 * trailing digits 1, 2 or 3 (AAA=111, AA=011, A=001, BBB=222, BB=022,
 * B=002, CCC=333, CC=033, C=003). Any other level (一级…四级, custom codes)
 * gets 9 followed by its rank on the scale, 01..99 (一级=901, 四级=904).
 * Returns 0, or -1 for a rank outside 1..99 on a non-letter level.
 */
int rating_grade_code(const char *level, int rank, char out[4]);

struct cert {
	int  year;          /* 4 digits: year the validity starts */
	int  assoc_no;      /* 3 digits: the association's number */
	char grade[4];      /* 3-digit grade code */
	long serial;        /* 5 digits, 1..99999 */
};
/* Writes the 15 digits + NUL; -1 if a part is out of range. */
int cert_build(const struct cert *, char out[CERT_LEN + 1]);
/* Parses a number as a visitor types it (surrounding spaces, inner spaces
 * and hyphens ignored); 0, or -1 when it is not 15 digits of that form. */
int cert_parse(const char *s, struct cert *out);

/* 1 when the closed periods [af, at] and [bf, bt] (YYYY-MM-DD) share a day. */
int validity_overlaps(const char *af, const char *at, const char *bf, const char *bt);
/* The default end of a validity starting on from: 3 years later, minus a
 * day (2026-03-01 -> 2029-02-28). 0, or -1 if from is not a date. */
int validity_default_to(const char *from, char out[11]);

/* Art. 27 measures, as bits; the SET column's names in this order. */
enum rating_measure {
	RM_RECOMMEND, RM_PROMOTE,                        /* rewards */
	RM_WARNING, RM_CRITICISM, RM_DEMOTE, RM_EXPEL,   /* punishments */
	RM_MAX
};
extern const char *const rating_measure_codes[RM_MAX];  /* "recommend", ... */
extern const char *const rating_measure_zh[RM_MAX];     /* "重点推荐", ... */
/* Parses a list of codes or Chinese names separated by ; ； 、 | or ,
 * (empty = none) into a bit mask. 0, or -1 with *bad at the unknown word. */
int measures_parse(const char *s, unsigned *mask, const char **bad);
/* "recommend,warning" (the SET column's form) into buf; "" for none. */
void measures_format(unsigned mask, char *buf, size_t len);

#endif

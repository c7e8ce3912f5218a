/* uscc.h — the Unified Social Credit Code (GB 32100-2015): 18 characters
 * from 0-9 and A-Z without I, O, S, V, Z; the 18th is a check character
 * (weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 over positions
 * 1-17, check = 31 - (sum mod 31), 31 -> 0). Pure functions, no I/O. */
#ifndef RULES_USCC_H
#define RULES_USCC_H

#include <stddef.h>

#define USCC_LEN 18

enum uscc_err {
	USCC_OK = 0,
	USCC_EMPTY,       /* nothing given */
	USCC_LENGTH,      /* not 18 characters after normalisation */
	USCC_CHAR,        /* a character outside the code's alphabet (pos set) */
	USCC_CHECK,       /* the 18th character does not match */
	USCC_ERR_MAX
};

/* Normalises src (src_len bytes of UTF-8): trims spaces (ASCII and the
 * ideographic space), upper-cases, folds full-width letters and digits to
 * ASCII. Writes 18 characters + NUL to out on success. Returns a uscc_err;
 * *pos gets the 1-based position of a bad character, *want the expected
 * check character on USCC_CHECK. */
int uscc_normalize(const char *src, size_t src_len, char out[USCC_LEN + 1],
    int *pos, char *want);
/* The check character for the first 17 characters, or 0 if one is invalid. */
char uscc_check_char(const char *first17);
/* The language key describing err ("Err.uscc.length", ...). */
const char *uscc_errkey(int err);

#endif

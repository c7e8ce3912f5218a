/* grams.h — the n-grams of a subject name that the search index stores:
 * every single character and every pair of consecutive characters (the
 * index compares them case-insensitively, like the name). A query of one character looks up its unigram; a
 * longer query looks up its rarest bigram and confirms with LIKE. */
#ifndef RULES_GRAMS_H
#define RULES_GRAMS_H

#include <stddef.h>

#define GRAM_MAX_BYTES 8   /* two UTF-8 characters */
#define GRAMS_MAX      128

struct gram { char s[GRAM_MAX_BYTES + 1]; };

/* Fills out with the distinct grams of name (valid UTF-8): unigrams when
 * uni is set, bigrams always. Returns the count (at most max). */
int grams_of(const char *name, size_t len, int uni, struct gram *out, int max);
/* Number of characters in a UTF-8 string. */
size_t utf8_count(const char *s, size_t len);

#endif

/* utf8.h — UTF-8 validation shared by the request parsers and the CSV
 * reader: strict (no NUL, overlongs, surrogates or code points past
 * U+10FFFF, no truncated sequences). Pure functions. */
#ifndef RULES_UTF8_H
#define RULES_UTF8_H

#include <stddef.h>

/* Offset of the first byte of s[0..len) that is not part of valid UTF-8,
 * or len when all of it is (the offset lets a caller name the line). */
size_t utf8_bad(const char *s, size_t len);
/* 1 when s[0..len) is valid UTF-8 without NUL bytes. */
int    utf8_valid(const char *s, size_t len);

#endif

/* sniff.h — what an uploaded proof document really is, judged by its bytes
 * (SECURITY.md, uploads): PDF, PNG or JPEG only. The name the client sent is
 * display text, but a name that claims one of these types while the content
 * is another is refused too (a renamed file is a mistake or a trick). Pure. */
#ifndef RULES_SNIFF_H
#define RULES_SNIFF_H

#include <stddef.h>

enum sniff_type { SNIFF_NONE = 0, SNIFF_PDF, SNIFF_PNG, SNIFF_JPEG, SNIFF_MAX };

/* Largest proof file; the request parser caps file parts at the same size. */
#define SNIFF_MAX_BYTES (10u * 1024 * 1024)

/* "pdf", "png", "jpeg" (also the ENUM values in uploads.ftype). */
extern const char *const sniff_names[SNIFF_MAX];
/* "application/pdf", "image/png", "image/jpeg". */
extern const char *const sniff_mime[SNIFF_MAX];

/*
 * Classifies buf. Returns the type, or SNIFF_NONE with *why set to the
 * language key of the reason: empty file, too large, not one of the three
 * types, a file that is two types at once (a polyglot), or a name whose
 * extension (.pdf/.png/.jpg/.jpeg) names another type than the content.
 * filename may be NULL.
 */
enum sniff_type sniff_file(const unsigned char *buf, size_t len, const char *filename,
    const char **why);

#endif

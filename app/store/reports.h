/* reports.h — issued credit reports (table reports), so that anyone can
 * check a report's serial and verification code. < 0 error, 0 not found,
 * > 0 success. */
#ifndef STORE_REPORTS_H
#define STORE_REPORTS_H

#include "core/arena.h"

struct report_row {
	char         *serial;
	long long     subject_id;
	long long     issued_at;
	long long     issued_to;
	char         *language;
	char         *content;
	char         *content_hash;   /* 32 bytes */
	char         *signature;      /* 64 bytes */
	char         *subject_name;
	char         *subject_uscc;
};

int reports_insert(struct arena *, const char *serial, long long subject_id, long long issued_at,
    long long issued_to, const char *language, const char *content,
    const unsigned char hash[32], const unsigned char sig[64]);
int reports_by_serial(struct arena *, const char *serial, struct report_row *out);

#endif

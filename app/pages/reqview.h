/* reqview.h — what the repair and objection pages share: uploaded proof
 * files taken from a multipart form, deadlines shown as working days left,
 * the file list and the timeline of a request. Not handlers: helpers for
 * repair.c and objection.c. */
#ifndef PAGES_REQVIEW_H
#define PAGES_REQVIEW_H

#include "core/req.h"
#include "rules/workdays.h"
#include "store/requests.h"

#define REQ_MAX_FILES 10

/* A form's file input: its key, its role in request_files, the form field
 * that gets its error, and whether at least one file is required. */
struct upspec {
	const char *key, *role;
	int         field, required;
};

struct upfile {
	const struct param *p;
	const char *role, *ftype, *buf;
	size_t      len;
	char        sha[65];
	int         created;
};

/* Checks every file part of the declared inputs (content type, empty, a
 * renamed file) and marks the form fields; returns the number of files
 * (0..max), or -1 when the request body could not be read. */
int  reqview_take_files(struct req *, const struct upspec *, int nspec, struct upfile *, int max);
/* Writes the files to the store (before the transaction): 0, or the status
 * of the error page it set, 507 when the disk is full, else 500; then no
 * file of this request is left on disk. */
int  reqview_store_files(struct req *, struct upfile *, int n);
/* Inserts and links the rows (inside the transaction). > 0 or < 0. */
int  reqview_link_files(struct req *, struct upfile *, int n, long long subject_id,
    const char *kind, long long request_id);
/* After a rollback: removes the files this request created. */
void reqview_discard_files(struct req *, struct upfile *, int n);

/* The working-day calendar a page of requests counts its deadlines on:
 * today and every open request's due date, loaded in one statement. */
struct reqview_cal {
	struct wd_cal cal;
	struct ymd    today;
};
/* 1 while a request waits for a decision (by its kind and status). */
int  reqview_row_open(const struct request_row *);
/* Loads the calendar for rows[0..n) (only the open ones count). > 0 or < 0. */
int  reqview_cal_load(struct req *, const struct request_row *rows, int n,
    struct reqview_cal *);
/* Sets prefix.due, .assumed, and for an open request .left / .overdue /
 * .today, counted in memory on c (no query). > 0 set, 0 nothing to count,
 * < 0 when c does not cover the date (a bug). */
int  reqview_set_due(struct req *, const char *prefix, const char *due, long long assumed,
    int open, const struct reqview_cal *c);
/* list.N.* for rows[0..n): the row and its deadline; one calendar query for
 * the whole list, none per row. > 0 or < 0. */
int  reqview_set_rows(struct req *, const char *list, const struct request_row *rows, int n);
/* prefix.N.{id,name,type,size,role} for the files of a request. */
int  reqview_set_files(struct req *, const char *prefix, const char *kind, long long id);
/* Timeline.N.{at,action,from,to,actor,role,note}. */
int  reqview_set_timeline(struct req *, const char *kind, long long id);
/* Sets the common fields of a request row under prefix. */
void reqview_set_row(struct req *, const char *prefix, const struct request_row *);
/* The queue filter from ?status=&due=overdue|week: fills f (dates in the
 * arena). */
void reqview_filter(struct req *, const char *status, const char *due,
    struct request_filter *f);
/* The form page of a new application when no record is named yet:
 * Choose.N.{id,item,doc_no,decided_on,status}, the enterprise's own
 * dishonesty records to pick one from. */
int  reqview_pick_page(struct req *, const char *title_key, const char *tmpl);
/* Ends filing a request (its row inserted as id, or id < 0): links the
 * files, records the first timeline event and the audit row, commits and
 * sends the applicant to /me/requests; on any failure rolls back, removes
 * the files this request stored and answers with the error page. */
/* The staff page of one request: row, deadline, files, timeline. */
int  reqview_detail_page(struct req *, const char *kind, const struct request_row *, int open,
    const char *title_key, const char *nav);
/* An objection this enterprise files today with statement: in (zeroed
 * first) gets the applicant, the subject, the date and the marking,
 * forwarding and decision deadlines in working days (Art. 36), and whether
 * any of them assumed weekends only; the caller sets what it objects to.
 * The error page is set when it returns non-zero. */
struct objection_in;
int  reqview_objection_filing(struct req *, const char *statement, struct objection_in *in);
/* The staff queue of one kind (staff_queue.cs): the rows list() finds for
 * the status and due filters of the query (fields status_f, due_f of the
 * route's form), at most 100. */
typedef int (*reqview_list_fn)(struct arena *, const struct request_filter *,
    struct request_row *rows, int max);
int  reqview_queue_page(struct req *, const char *kind, reqview_list_fn list, int status_f,
         int due_f, const char *title_key, const char *nav);
/* The end of an action on request x inside its transaction; rc is what the
 * action's own statements returned (0: the request changed meanwhile,
 * 409). Adds the timeline event (from x's status to `to`) and the audit
 * row, commits and redirects to done, or rolls back with the error page. */
int  reqview_acted(struct req *, int rc, const char *kind, const struct request_row *x,
         const char *to, const char *action, const char *note, const char *audit_action,
         const char *audit_detail, const char *done);
int  reqview_filed(struct req *, const char *kind, long long id, long long subject_id,
    struct upfile *files, int nf, const char *action, const char *detail);

#endif

/* assoc.h — industry associations, their members, rating scales and ratings
 * (tables associations, association_members, rating_levels, ratings,
 * rating_serials). Every function that takes an association id uses it in
 * the WHERE clause of the statement that reads or acts, so an association
 * never reaches another's rows. < 0 error, 0 none / not its own, > 0 ok. */
#ifndef STORE_ASSOC_H
#define STORE_ASSOC_H

#include "core/arena.h"

struct association {
	long long id;
	char     *uscc, *name, *industry;
	long long n_members;
};

struct member {
	long long id, subject_id;
	char     *uscc, *name, *joined_on, *member_level;
	char     *level, *valid_to, *cert_no;    /* current rating, or NULL */
	long long rating_id;                     /* current rating, or 0 */
	/* A former member: the day it ended (NULL = still a member), why, who
	 * recorded it and when (UTC+8), and the rating whose measure 取消会员资格
	 * ended it (0 and NULL when the association ended it directly). */
	char     *ended_on, *end_reason, *ended_by, *ended_at, *end_cert;
	long long end_rating_id;
};

struct level {
	long long id, rank, n_ratings;
	char     *code, *grade_code, *description;
};

struct rating {
	long long id, association_id, member_id, subject_id, superseded_by;
	char     *assoc_name, *uscc, *subject_name, *level, *level_desc;
	char     *valid_from, *valid_to, *cert_no, *basis, *measures, *status;
	char     *created_by, *created_at;            /* display name, UTC+8 time */
	char     *superseded_at, *supersede_user, *supersede_reason;
};

/* A rating as entered. */
struct rating_in {
	long long   association_id, member_id, subject_id, level_id, by;
	const char *valid_from, *valid_to, *cert_no, *basis, *measures;
};

struct level_count { char *code; long long n; };

int       assoc_list(struct arena *, struct association *rows, int max);
int       assoc_by_id(struct arena *, long long id, struct association *out);
long long assoc_insert(struct arena *, const char *uscc, const char *name, const char *industry);

/* Members of one association, current ones first (former members stay,
 * with when and why they left), each with its current rating. */
int       assoc_members(struct arena *, long long assoc, struct member *rows, int max);
int       assoc_member(struct arena *, long long assoc, long long member_id, struct member *out);
int       assoc_member_of_subject(struct arena *, long long assoc, long long subject_id,
              struct member *out);
long long assoc_member_insert(struct arena *, long long assoc, long long subject_id,
              const char *joined_on, const char *member_level, long long by);
/* Changes the join date and membership level of a current member of
 * assoc: > 0 done, 0 not assoc's or no longer a member. */
int       assoc_member_update(struct arena *, long long assoc, long long member_id,
              const char *joined_on, const char *member_level, long long by);
/* Ends a current membership of assoc on ended_on (not before it began),
 * with the reason and, for the measure 取消会员资格, the rating that carries
 * it (0 = none). > 0 done; 0 not assoc's, already ended or ended_on too early. */
int       assoc_member_end(struct arena *, long long assoc, long long member_id,
              const char *ended_on, const char *reason, long long rating_id, long long by);
/* Locks the membership row for the rest of the transaction (one current
 * rating per member even under concurrent entry). > 0 when it is assoc's. */
int       assoc_member_lock(struct arena *, long long assoc, long long member_id);

int       assoc_levels(struct arena *, long long assoc, struct level *rows, int max);
long long assoc_level_insert(struct arena *, long long assoc, long long rank, const char *code,
              const char *grade_code, const char *description);
/* Changes what a level of assoc means (its code and rank never change):
 * > 0 done, 0 not assoc's. */
int       assoc_level_describe(struct arena *, long long assoc, long long level_id,
              const char *description);
/* Deletes a level of assoc that no rating uses: > 0 done, 0 not deleted. */
int       assoc_level_delete(struct arena *, long long assoc, long long level_id);

/* The next certificate serial of assoc for year, inside the caller's
 * transaction (the counter row stays locked until commit). */
long long assoc_next_serial(struct arena *, long long assoc, int year);
/* Inserts a rating of a current member of assoc on a level of assoc's
 * scale: the new id, 0 when the member is not (or no longer) assoc's. */
long long assoc_rating_insert(struct arena *, const struct rating_in *);
/* Marks assoc's current rating old_id as replaced by new_id: > 0 done. */
int       assoc_rating_supersede(struct arena *, long long assoc, long long old_id,
              long long new_id, long long by, const char *reason);
/* Every rating of a member of assoc, newest first. */
int       assoc_member_ratings(struct arena *, long long assoc, long long member_id,
              struct rating *rows, int max);
/* One rating of assoc. */
int       assoc_rating(struct arena *, long long assoc, long long rating_id, struct rating *out);
/* assoc's current ratings of current members whose validity ends between
 * from and to. */
int       assoc_expiring(struct arena *, long long assoc, const char *from, const char *to,
              struct rating *rows, int max);
/* Current, unexpired ratings of current members per level of assoc's
 * scale, best first. */
int       assoc_distribution(struct arena *, long long assoc, const char *today,
              struct level_count *rows, int max);

/* For the profile: the current, unexpired rating from each association
 * (public), and every rating of the subject (its own history). */
int       ratings_current_of_subject(struct arena *, long long subject_id, const char *today,
              struct rating *rows, int max);
int       ratings_history_of_subject(struct arena *, long long subject_id, struct rating *rows,
              int max);
/* The public certificate check. */
int       rating_by_cert(struct arena *, const char *cert_no, struct rating *out);

#endif

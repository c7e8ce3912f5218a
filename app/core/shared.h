/* shared.h — change counters shared by the master and every worker of one
 * server: an anonymous shared mapping made before the workers fork.
 *
 * A worker may keep a copy of data that changes rarely (the search form's
 * years and districts) and reuse it while the counter it was loaded under
 * has not moved. Writers do not bump the counters themselves: a store
 * module calls db_changed(), and db.c bumps after the commit, so no worker
 * can reload the old data under the new count. Changes made elsewhere (SQL
 * by hand, another server behind the same database) are not counted: such
 * copies also expire by age (SHARED_MAX_AGE). */
#ifndef CORE_SHARED_H
#define CORE_SHARED_H

#include <time.h>

enum shared_gen {
	SG_CHOICES,   /* published round years, registered districts */
	SG_ENV_SCHEME, /* the environmental grading scheme (env_settings) */
	SG_MAX
};

#define SHARED_MAX_AGE 60   /* seconds a copy is trusted without a count */

/* In the master, before the workers fork. 0 or -1. Without it (tools,
 * unit tests) counters stay 0 and copies expire by age only. */
int           shared_init(void);
void          shared_bump(enum shared_gen);
unsigned long shared_count(enum shared_gen);

/* A worker's copy of data read from the database, under counter gen
 * (SG_MAX: data no commit of the app changes, kept by age alone). */
struct shared_copy {
	int           loaded;
	unsigned long count;   /* the counter when the data was read */
	time_t        at;      /* when; 0 = never */
};
/* 1 when the copy may be used: read, the counter unmoved since, and less
 * than SHARED_MAX_AGE seconds old. */
int  shared_copy_fresh(const struct shared_copy *, enum shared_gen gen);
/* Before reading the data: the copy is unusable until shared_copy_done.
 * The counter is noted first, so a change committed during the read
 * makes the next check read again. */
void shared_copy_begin(struct shared_copy *, enum shared_gen gen);
void shared_copy_done(struct shared_copy *);

#endif

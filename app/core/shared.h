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

enum shared_gen {
	SG_CHOICES,   /* published round years, registered districts */
	SG_MAX
};

#define SHARED_MAX_AGE 60   /* seconds a copy is trusted without a count */

/* In the master, before the workers fork. 0 or -1. Without it (tools,
 * unit tests) counters stay 0 and copies expire by age only. */
int           shared_init(void);
void          shared_bump(enum shared_gen);
unsigned long shared_count(enum shared_gen);

#endif

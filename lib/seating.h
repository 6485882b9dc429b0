/* seating.h - a seating plan: tables that mix roles and spread organisations */
#ifndef WD_SEATING_H
#define WD_SEATING_H

#include <stddef.h>

#include "error.h"
#include "invite.h"

#define WD_TABLE_SIZE 7		/* seats per table unless told */

/* One person to seat. */
struct wd_seat {
	const char *id;			/* the last word on the order */
	const char *role;		/* canonical; NULL: other */
	const char *organisation;	/* NULL: none */
	int host;
	long table;			/* the plan: 1, 2, ... */
};

/*
 * Seat `n` people at tables of at most `size`, as few tables as that
 * allows (more when there are more hosts than tables, as long as every
 * table keeps at least 4), their sizes differing by at most one.  Hosts
 * first, one per table; then residents, spread evenly; then the other
 * roles, citizens before professionals, each spread over the tables and
 * each organisation's people too.  The plan depends only on the people
 * (their ids, roles, organisations and hosting), not on their order.
 * Returns the number of tables, or -1 (err set).
 */
long wd_seating_plan(struct wd_seat *v, size_t n, long size,
		     struct wd_error *err);

/* Whether a role is a professional one (professional, municipality). */
int wd_role_professional(const char *role);

struct wd_seating_stats {
	long tables;
	size_t seated;
	long no_host;			/* tables without a host, when any hosts */
	long no_resident;		/* tables without a resident */
	long only_professionals;	/* tables of professionals only */
};

/*
 * Make a plan for the roster's people with status in `status` (WD_ST_*
 * mask; 0: those who came when anyone came, else everyone who did not
 * say no and is not waiting) and record each one's table; people left
 * out lose theirs.  Changes go to r->ch (WD_CH_SEAT, WD_CH_UNSEAT).
 */
int wd_invite_tables(struct wd_roster *r, long size, unsigned status,
		     struct wd_seating_stats *st, struct wd_error *err);

#endif

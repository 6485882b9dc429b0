/* check.h - validate every file of the workspace */
#ifndef WD_CHECK_H
#define WD_CHECK_H

#include "error.h"
#include "ws.h"

struct wd_check_stats {
	size_t dialogues;
	size_t files;
};

/*
 * Read every file of every dialogue and check it, and what the files say
 * of each other (the relay both ways, owners and authors who exist,
 * contact data of people who are there).  Every problem goes to `out`
 * (sorted); -1 only when checking itself failed.
 */
int wd_check(struct wd_ws *ws, struct wd_problems *out,
	     struct wd_check_stats *stats, struct wd_error *err);

#endif

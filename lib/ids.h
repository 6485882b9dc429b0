/* ids.h - ids from the index as they are, for shell completion */
#ifndef WD_IDS_H
#define WD_IDS_H

#include "index.h"
#include "out.h"

/* Whether `what` is a list there is: dialogues, people, items, ... */
int wd_ids_known(const char *what);

/*
 * Write the ids of list `what`, one per line, of dialogue `dialogue`
 * (NULL: all); only ids, never names or contact data.
 */
int wd_ids_list(struct wd_index *ix, const char *what, const char *dialogue,
		wd_write_fn write, void *ctx, struct wd_error *err);

#endif

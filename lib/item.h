/* item.h - harvest items: what came up in a dialogue (harvest/<source>.yaml) */
#ifndef WD_ITEM_H
#define WD_ITEM_H

#include "field.h"
#include "ws.h"

struct wd_hist {
	const char *at;			/* date or time, as written */
	const char *status;		/* canonical, or NULL */
	const char *note;
	const char *due, *need;		/* what else changed */
	struct wd_strlist owner, tag;
};

struct wd_item {
	const struct wd_ynode *node;	/* its mapping in the file */
	const char *id, *kind, *phase, *text;
	const char *by;			/* person id, NULL when anonymous */
	const char *role;		/* the author's role */
	const char *status;		/* actions: open, underway, done, dropped */
	const char *need;
	const char *due;		/* as written */
	const char *created;
	struct wd_when due_when;
	int has_due;
	long table;
	int named;			/* quotes: 1 may be named, 0 not, -1 unset */
	struct wd_strlist tags, owner;
	struct wd_hist *hist;
	size_t nhist;
};

struct wd_harvest {
	struct wd_ydoc doc;
	struct wd_item *v;
	size_t n;
};

void wd_harvest_init(struct wd_harvest *h);
void wd_harvest_release(struct wd_harvest *h);

/* Fill the records from a parsed harvest file. */
void wd_harvest_read(struct wd_harvest *h, struct wd_diag *diag);

/* Whether a file name in harvest/ is a harvest file (*.yaml, not hidden). */
int wd_harvest_file_name(const char *base);

#endif

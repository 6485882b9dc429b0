/* report.h - dialogues as reports show them: from the index, names only with consent */
#ifndef WD_REPORT_H
#define WD_REPORT_H

#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "index.h"
#include "out.h"
#include "vocab.h"

#define WD_ROLES 7			/* the roles of vocab.c, in order */
#define WD_KINDS 9
#define WD_STATUSES 4

/* The groups of the harvest, in the order of the dialogue. */
enum wd_group {
	WD_G_WORKS,			/* experiences and quotes */
	WD_G_DREAMS,
	WD_G_POSSIBLE,			/* possibilities and connections */
	WD_G_QUESTIONS,
	WD_G_ACTIONS,
	WD_G_BATON,
	WD_G_FEEDBACK,
	WD_GROUPS
};

struct wd_rep_count {
	long invited, yes, attended, total;
};

struct wd_rep_item {
	const char *id, *kind, *phase, *text;
	const char *who;		/* quotes: the speaker as shown, or NULL */
	const char **owners;		/* as shown: names with consent, else roles */
	size_t nowners;
	const char *due, *status, *need;
	int overdue;
	enum wd_group group;
};

struct wd_rep_link {
	const char *id;
	const char *title;		/* NULL: not in this workspace */
};

/*
 * One dialogue.  Every string a person could be recognised by is shown
 * only as consented: people who did not consent to be named (and person
 * ids, which are made from names) never appear; their role does.
 */
struct wd_rep_dialogue {
	const char *id, *title, *theme, *question, *place, *venue;
	const char *status, *lang;
	const char *start, *end;	/* ISO 8601 as written */
	int64_t start_t, end_t;
	int has_start, has_end, has_time;
	long capacity;
	const char **hosts;		/* as shown */
	size_t nhosts;
	struct wd_rep_link from;	/* id NULL: no relay in */
	struct wd_rep_link *to;
	size_t nto;
	const char *baton;
	struct wd_rep_count role[WD_ROLES], all;
	int residents_largest;
	long returning;			/* came to the previous dialogue too */
	struct wd_rep_item *items;	/* by group, then as in the files */
	size_t nitems;
	size_t kinds[WD_KINDS];
	size_t groups[WD_GROUPS];
	size_t statuses[WD_STATUSES];	/* of actions */
	size_t overdue;
};

struct wd_report_filter {
	const char *dialogue;		/* NULL: all */
	int64_t since, until;		/* 0: open */
};

struct wd_report {
	struct wd_rep_dialogue *d;
	size_t n;
	const char *lang;
	int64_t now;
	const char *workspace, *organisation;
	struct wd_arena arena;
};

void wd_report_init(struct wd_report *r);
void wd_report_release(struct wd_report *r);

/* Read the dialogues the filter picks from the index, oldest first. */
int wd_report_load(struct wd_report *r, struct wd_index *ix,
		   const struct wd_report_filter *f, const struct wd_ws *ws,
		   struct wd_error *err);

/* The words of a report in its language. */
const char *wd_group_label(enum wd_group g, const char *lang);
const char *wd_report_word(const char *key, const char *lang);

/* Text for a terminal or a mail (markdown: with # headings and tables). */
int wd_report_text(const struct wd_report *r, int markdown,
		   wd_write_fn write, void *ctx, struct wd_error *err);
/* One JSON array of dialogue objects. */
int wd_report_json(const struct wd_report *r, wd_write_fn write, void *ctx,
		   struct wd_error *err);
/* One dialogue's JSON object without its closing brace, to add to. */
int wd_report_json_open(struct wd_buf *b, const struct wd_rep_dialogue *d,
			const char *lang);

/* One self-contained HTML page (see report-html.c). */
int wd_report_html(const struct wd_report *r, wd_write_fn write, void *ctx,
		   struct wd_error *err);

#endif

/* followup.h - what needs attention: actions, deadlines, unanswered invitations */
#ifndef WD_FOLLOWUP_H
#define WD_FOLLOWUP_H

#include <stdint.h>

#include "index.h"
#include "out.h"

struct wd_action_filter {
	const char *dialogue;		/* NULL: all */
	const char *owner;		/* an id or a name, NULL: anyone */
	int open;			/* only open or underway */
	int overdue;			/* only past their due date */
	int64_t within;			/* > 0: due within this many seconds */
};

/*
 * Actions from the index by due date (none last).  Owners are shown as
 * reports show people: by name with consent, else by role.
 */
int wd_actions_list(struct wd_index *ix, const struct wd_action_filter *f,
		    int64_t now, enum wd_format fmt, const char *lang,
		    wd_write_fn write, void *ctx, size_t *count,
		    struct wd_error *err);

/*
 * What needs attention, as text for a weekly mail: dialogues held `days`
 * or more days ago without harvest, overdue actions, actions due within
 * `days`, and people who have not answered an invitation to a coming
 * dialogue.  Nothing at all when nothing needs attention (so cron sends
 * no mail); *count says how many things were listed.
 */
int wd_due(struct wd_index *ix, int days, int64_t now, const char *lang,
	   wd_write_fn write, void *ctx, size_t *count, struct wd_error *err);

#endif

/* privacy.h - the rights of the people in a workspace: access, erasure, retention */
#ifndef WD_PRIVACY_H
#define WD_PRIVACY_H

#include <stdint.h>

#include "buf.h"
#include "error.h"
#include "strvec.h"
#include "ws.h"

/* One place where data on a person is held. */
struct wd_trace {
	char *file;			/* relative to the workspace */
	unsigned line;
	char *dialogue;
	const char *what;		/* person, contact, author, owner, host,
					   initiator, mention */
	char *yaml;			/* the record as YAML, at indentation 0 */
	char *json;			/* the same as JSON */
	size_t start, end;		/* its bytes in the file */
};

/*
 * A person, as found in a whole workspace: by id, by name (case and
 * accents ignored) or by e-mail address, in every dialogue, and then
 * everyone elsewhere with one of the ids, names or e-mail addresses
 * found.  Within one dialogue a name must mean one person.
 */
struct wd_who {
	struct wd_strvec ids, names, emails;	/* as found */
	struct wd_strvec found;		/* "dialogue/id" of each person */
	struct wd_strvec dialogues;	/* dialogues of `found`, parallel */
	struct wd_trace *v;
	size_t n, alloc;
	size_t mentions;		/* of v: free text and comments */
};

void wd_who_init(struct wd_who *w);
void wd_who_release(struct wd_who *w);

/*
 * Find the person `query` means and everything held on them: their
 * entries in people.yaml and contacts.yaml, the harvest items they
 * wrote or own (also in the history), their names among a dialogue's
 * hosts and initiators, and every other line of the workspace's files
 * that has their name, id or e-mail address (what = "mention").
 * Nobody found: EX_DATAERR.
 */
int wd_privacy_find(struct wd_ws *ws, const char *query, struct wd_who *w,
		    struct wd_error *err);

/* What was found, as YAML (a commented list) or JSON (an array). */
int wd_privacy_show(const struct wd_who *w, const char *query, int json,
		    const char *lang, struct wd_buf *out, struct wd_error *err);

/*
 * Erase the person everywhere in the workspace: their entries in
 * people.yaml and contacts.yaml of every dialogue, their names among
 * hosts and initiators; harvest items they wrote keep their text and
 * role (the role is added from people.yaml when the item had none) but
 * lose `by:`, and they leave every `owner:` list (also in histories).
 * Then the index is built again from nothing, so that no page of it
 * keeps them.  The caller holds the workspace lock since before
 * wd_privacy_find(), so that nobody is added in between.  `changed`
 * gets the files changed (or, with dry_run, that would change);
 * afterwards wd_privacy_mentions() tells where they are still named.
 */
int wd_privacy_forget(struct wd_ws *ws, const struct wd_who *w, int dry_run,
		      struct wd_strvec *changed, struct wd_error *err);

/* Lines of the workspace's files that still name them: "FILE:LINE". */
int wd_privacy_mentions(struct wd_ws *ws, const struct wd_who *w,
			struct wd_strvec *out, struct wd_error *err);

/*
 * Git history.  *in_git: 1 the workspace is in a git work tree, 0 not,
 * -1 git could not be run or would not read the repository although
 * there is a .git folder.  `commits`
 * gets the abbreviated hashes of commits (on any ref) that added or
 * removed their name, id or e-mail address in the workspace's folder.
 */
int wd_privacy_git(struct wd_ws *ws, const struct wd_who *w, int *in_git,
		   struct wd_strvec *commits, struct wd_error *err);

/*
 * Retention: empty contacts.yaml (`contacts: {}`) of every dialogue
 * that ended before `before`.  `purged` gets "id\tcount" per dialogue
 * purged (or, with dry_run, that would be); dialogues whose files could
 * not be read go to `problems` and are left alone.  Takes the lock.
 */
int wd_privacy_purge(struct wd_ws *ws, int64_t before, int dry_run,
		     struct wd_strvec *purged, struct wd_problems *problems,
		     struct wd_error *err);

#endif

/* undo.h - a command that writes several files fails as a whole */
#ifndef WD_UNDO_H
#define WD_UNDO_H

#include <stddef.h>
#include <sys/types.h>

#include "error.h"
#include "ws.h"

/*
 * Each file write is atomic (wd_store_write), but a command that writes
 * two or more files (people.yaml and a harvest file, the previous and
 * the new dialogue, an import into several sources) can fail between
 * them: a full disk, an I/O error, no memory.  Writing through a
 * wd_undo keeps what each file held before, so that on failure
 * wd_undo_rollback() puts the files written so far back as they were
 * (and removes the ones that were new): the command fails as a whole
 * and a script can simply run it again.
 *
 * Rolling back is best effort: a disk that keeps failing fails the
 * rollback too, and a kill -9 between two writes cannot be rolled back
 * at all.  Either way every file is whole (old or new), and the commands
 * order their writes so that each such state is consistent.
 */
struct wd_undo_file {
	char *rel;
	char *old;		/* what the file held; NULL: it was not there */
	size_t len;
	int written;		/* replaced: to be put back */
};

struct wd_undo {
	struct wd_ws *ws;
	struct wd_undo_file *v;
	size_t n;
};

void wd_undo_init(struct wd_undo *u, struct wd_ws *ws);
void wd_undo_release(struct wd_undo *u);

/*
 * Remember what the workspace file `rel` holds now (or that it is not
 * there), then write it as wd_ws_write() does.  The caller holds the
 * workspace lock.
 */
int wd_undo_write(struct wd_undo *u, const char *rel, const void *data,
		  size_t len, mode_t mode, struct wd_error *err);

/* Put every file written through `u` back as it was, the last first. */
void wd_undo_rollback(struct wd_undo *u);

#endif

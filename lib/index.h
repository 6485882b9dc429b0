/* index.h - the SQLite index: a cache of the workspace's files, see wd-index(5) */
#ifndef WD_INDEX_H
#define WD_INDEX_H

#include <sqlite3.h>
#include <stddef.h>

#include "error.h"
#include "store.h"
#include "ws.h"

#define WD_INDEX_VERSION 3

struct wd_index_stats {
	size_t dialogues;	/* dialogues in the workspace */
	size_t files;		/* files the index knows */
	size_t read;		/* files (re)read this time */
	size_t removed;		/* files gone since last time */
	size_t problems;	/* files read with problems this time */
};

/* Why the index was built from nothing when it was opened. */
enum wd_index_fresh {
	WD_INDEX_KEPT, WD_INDEX_NEW, WD_INDEX_DAMAGED, WD_INDEX_OLD,
};

struct wd_index {
	sqlite3 *db;
	struct wd_ws *ws;
	struct wd_lock lock;		/* .wd/index.lock: shared while open */
	enum wd_index_fresh fresh;
	int building_done;		/* a fresh index was filled */
	int rc;				/* SQLite's code of the last failure */
	struct wd_problems *problems;	/* problems of files read, if wanted */
	void (*progress)(void *ctx, size_t done, size_t total);
	void *progress_ctx;
	sqlite3_stmt *st[32];
};

void wd_index_init(struct wd_index *ix, struct wd_ws *ws);

/*
 * Open .wd/index.sqlite, making it from nothing when it is missing,
 * damaged or of another schema version (ix->fresh tells which).  It is
 * not brought up to date: wd_index_refresh() does that.
 */
int wd_index_open(struct wd_index *ix, struct wd_error *err);
void wd_index_close(struct wd_index *ix);

/* Bring the index up to date with the files: cost follows what changed. */
int wd_index_refresh(struct wd_index *ix, struct wd_index_stats *stats,
		     struct wd_error *err);

/*
 * Open and refresh, as every command does before it reads; an index
 * found damaged on the way is built again (ix->fresh says so).
 */
int wd_index_ready(struct wd_index *ix, struct wd_index_stats *stats,
		   struct wd_error *err);

/* Throw the index away and build it again. */
int wd_index_rebuild(struct wd_index *ix, struct wd_index_stats *stats,
		     struct wd_error *err);

/*
 * After a command wrote files of one dialogue: refresh just that
 * dialogue's entries, without walking the workspace.
 */
int wd_index_refresh_dialogue(struct wd_index *ix, const char *dialogue,
			      struct wd_index_stats *stats,
			      struct wd_error *err);

/*
 * A person as a user names one in a filter (--owner): their id, the
 * start of it up to a '-' ("mohamed" for mohamed-bakkali, "Özlem" for
 * ozlem-yildiz), or their name written out.  WD_SQL_PERSON_IS(col, S)
 * is that test of id column `col` against parameter number S, bound to
 * the slug wd_index_person_filter() gives.
 */
#define WD_SQL_PERSON_IS(col, S) \
	"(" col " = ?" S " OR substr(" col ", 1, length(?" S ") + 1) = ?" S \
	" || '-')"

/*
 * For a filter on `who`: the slug to bind for WD_SQL_PERSON_IS, in
 * `slug` (one that matches no id when someone's id or name is `who`
 * exactly: then only they are meant); 0 when someone in the index (of
 * `dialogue`, or of any when NULL) is `who` as above, or `who` is a
 * role; else -1 with err
 * (EX_DATAERR): a filter for nobody is a mistake to say, not an empty
 * list.
 */
int wd_index_person_filter(struct wd_index *ix, const char *dialogue,
			   const char *who, struct wd_buf *slug,
			   struct wd_error *err);

/*
 * Who came back: people of dialogue ?1 who came to it (or, while nobody
 * is checked in there yet, said yes), and who took part in dialogue ?2
 * before (carried over from it, or came to it).  Carried over and not
 * answered yet is not coming back yet.
 */
#define WD_SQL_RETURNING \
	"SELECT count(*) FROM person p WHERE p.dialogue = ?1" \
	" AND (p.attended = 1 OR (p.rsvp = 'yes' AND NOT EXISTS" \
	" (SELECT 1 FROM person WHERE dialogue = ?1 AND attended = 1)))" \
	" AND (p.\"from\" = ?2 OR p.id IN (SELECT id FROM person" \
	" WHERE dialogue = ?2 AND attended = 1))"

/* Fill err from the database's last error. */
int wd_index_error(struct wd_index *ix, struct wd_error *err, const char *what);

#endif

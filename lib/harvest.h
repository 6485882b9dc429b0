/* harvest.h - recording the harvest: adding, importing and following up items */
#ifndef WD_HARVEST_H
#define WD_HARVEST_H

#include "arena.h"
#include "buf.h"
#include "error.h"
#include "index.h"
#include "item.h"
#include "out.h"
#include "people.h"
#include "strvec.h"
#include "ws.h"

/* An item as a user gives it: words in English or Dutch, people by name. */
struct wd_item_new {
	const char *kind, *phase, *text, *by, *status, *need, *due;
	const char *source;		/* NULL: the default source */
	long table;			/* 0: none */
	const char **tags;
	size_t ntags;
	const char **owners;
	size_t nowners;
	int named;			/* quotes: 1 named, 0 not, -1 not given */
};

/* Which part of an item was wrong (for CSV columns). */
enum wd_ifield {
	WD_IF_NONE, WD_IF_KIND, WD_IF_PHASE, WD_IF_TEXT, WD_IF_BY,
	WD_IF_STATUS, WD_IF_DUE, WD_IF_TABLE, WD_IF_SOURCE, WD_IF_OWNER,
	WD_IF_TAGS, WD_IF_NEED,
};

struct wd_hfile {
	char *source;
	struct wd_harvest h;		/* its document and records */
	struct wd_strvec pending;	/* item blocks to append */
	struct wd_strvec keys;		/* "kind\x1ftext" of its items */
	struct wd_error problem;	/* why it could not be read */
	int broken;
	int changed;
	int is_new;
};

/*
 * One dialogue's harvest, opened for changes: the workspace lock is held,
 * people.yaml and every harvest file of the dialogue (and only those) are
 * loaded.  Release it to drop the lock.
 */
struct wd_hctx {
	struct wd_ws *ws;
	char *dialogue;
	struct wd_people people;
	int people_changed;
	int new_person;			/* add people --by/--owner do not find */
	struct wd_hfile *files;
	size_t nfiles;
	struct wd_strvec ids;		/* every item id of the dialogue */
	struct wd_arena arena;
	uint64_t seed;			/* 0: ids from getrandom() */
	size_t added, skipped;
};

void wd_hctx_init(struct wd_hctx *h, struct wd_ws *ws);
int wd_hctx_open(struct wd_hctx *h, const char *dialogue, int lock,
		 struct wd_error *err);
void wd_hctx_release(struct wd_hctx *h);

/*
 * Check an item and make it canonical in place: English words, person
 * ids (people not found are added with --new-person, else an error with
 * the closest names), a due date as written.  On error *bad says which
 * part was wrong.
 */
int wd_hctx_check(struct wd_hctx *h, struct wd_item_new *it,
		  enum wd_ifield *bad, struct wd_error *err);

/*
 * Append a checked item to its source's file (made when new), with a
 * fresh id in `id`.  An item with the same kind and text already in
 * that source is not added again: 1 is returned.
 */
int wd_hctx_add(struct wd_hctx *h, const struct wd_item_new *it,
		const char *source, struct wd_buf *id, struct wd_error *err);

/* What a follow-up changes; NULL / 0 leaves a part as it is. */
struct wd_item_change {
	const char *status, *note, *due, *need;
	const char **owners;
	size_t nowners;
	const char **tags;		/* added */
	size_t ntags;
	int same;			/* out: only --status, as it was */
};

/*
 * Change item `id` and append a dated entry (what changed, and the note)
 * to its history.  The change is checked like an item: words, people.
 * A status it has already, and nothing else, changes nothing: ch->same.
 */
int wd_hctx_set(struct wd_hctx *h, const char *id,
		struct wd_item_change *ch, struct wd_error *err);

/* The file an item is in: its index in h->files and position, or -1. */
int wd_hctx_find(const struct wd_hctx *h, const char *id, size_t *file,
		 size_t *pos);

/*
 * Write every changed file (and people.yaml when people were added).
 * With `show`, the new content of each file is given to it instead.
 */
int wd_hctx_write(struct wd_hctx *h,
		  int (*show)(void *ctx, const char *rel, const char *text),
		  void *ctx, struct wd_error *err);

/*
 * Import items from CSV (see wd(5) for the columns): every row is
 * checked first, so a bad row (FILE:ROW:COLUMN) adds nothing.  Items go
 * to the row's source or table, else to `source`.  Rows already in their
 * source (same kind and text) are skipped, so an import can be repeated.
 */
int wd_harvest_import(struct wd_hctx *h, const char *data, size_t len,
		      const char *name, const char *encoding,
		      const char *source, struct wd_error *err);

/*
 * Which items to list: NULL / 0 for any.  Words canonical already; kind
 * and status may be several, comma-separated ("open,underway").
 */
struct wd_item_filter {
	const char *dialogue, *kind, *phase, *status, *tag, *owner;
	long table;
};

/*
 * List items from the index in file order.  CSV, TSV and JSON have every
 * column with its YAML key and canonical values (CSV re-imports); the
 * table is for reading, in language `lang`.
 */
int wd_harvest_list(struct wd_index *ix, const struct wd_item_filter *f,
		    enum wd_format fmt, const char *lang, wd_write_fn write,
		    void *ctx, size_t *count, struct wd_error *err);

/* A source name from a file or table: "table-3", "oogst-avond". */
int wd_source_name(struct wd_buf *out, const char *given, long table);

/* The dialogues the index knows an item id in (for set without -d). */
int wd_index_item_dialogues(struct wd_index *ix, const char *id,
			    struct wd_strvec *out, struct wd_error *err);

#endif

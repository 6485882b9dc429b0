/* index-int.h - what the parts of the index share (not for outside lib/index*.c) */
#ifndef WD_INDEX_INT_H
#define WD_INDEX_INT_H

#include <stdint.h>
#include <sys/stat.h>

#include "arena.h"
#include "buf.h"
#include "dialogue.h"
#include "index.h"
#include "item.h"
#include "people.h"
#include "strvec.h"

enum {
	S_FILES, S_INS_FILE, S_UPD_FILE, S_DEL_FILE, S_RACY,
	S_DEL_DIALOGUE, S_DEL_PERSON, S_DEL_ITEM, S_DEL_TAG, S_DEL_OWNER,
	S_DEL_HIST,
	S_INS_DIALOGUE, S_INS_PERSON, S_INS_ITEM, S_INS_TAG, S_INS_OWNER,
	S_INS_HIST, S_FILES_UNDER, S_PROBLEM, S_INS_FTS, S_DEL_FTS,
	S_DATA_VERSION,
	S_COUNT
};

struct entry {
	int64_t id;			/* in the file table; 0: not there */
	const char *path;		/* "d/", "d/people.yaml", "d/harvest/x.yaml" */
	char type;			/* 'D' folder, 'd' dialogue, 'p' people, 'h' harvest */
	int64_t size, mtime, ctime, ino, hash;
	int racy;
};

struct list {
	struct entry *v;
	size_t n, alloc;
};

struct walk {
	struct wd_index *ix;
	struct wd_arena arena;
	struct list known;		/* what the index has, by path */
	struct list found;		/* what is there now */
	struct wd_buf path;
	int rootfd;			/* the workspace folder, or -1 */
	int64_t start_ns;
	struct wd_error *err;
};

/* index-scan.c: what is in the workspace, with its stat data */
int64_t ix_ns(const struct timespec *ts);
struct entry *ix_list_add(struct list *l);
int ix_cmp_entry(const void *a, const void *b);
void ix_sort(struct list *l);
const struct entry *ix_known_get(const struct walk *w, const char *path);
int ix_same_stat(const struct entry *e, const struct stat *st);
int ix_walk_dialogue(struct walk *w, const char *id);
int ix_walk_all(struct walk *w, size_t *dialogues);
void ix_walk_init(struct walk *w, struct wd_index *ix, struct wd_error *err);
void ix_walk_release(struct walk *w);

/* index-rows.c: the rows of one file's records */
int ix_step(struct wd_index *ix, sqlite3_stmt *st, struct wd_error *err);
int ix_bind_text(sqlite3_stmt *st, int i, const char *s);
/* The records of one file, read from its parsed document. */
struct ix_rec {
	char type;			/* 'd', 'p' or 'h'; 0: none */
	struct wd_dialogue dl;
	struct wd_people pp;
	struct wd_harvest h;
};

void ix_rec_init(struct ix_rec *r);
void ix_rec_release(struct ix_rec *r);
void ix_rec_read(struct ix_rec *r, char type, struct wd_ydoc *doc,
		 const struct wd_ws *ws, struct wd_diag *diag);
int ix_rec_write(struct wd_index *ix, const struct ix_rec *r, int64_t file,
		 const char *dialogue, const char *path, struct wd_error *err);
int ix_drop_rows(struct wd_index *ix, char type, int64_t file,
		 struct wd_error *err);

#endif

/* index-int.h - what the parts of the index share (not for outside lib/index*.c) */
#ifndef WD_INDEX_INT_H
#define WD_INDEX_INT_H

#include <stdint.h>
#include <sys/stat.h>

#include "arena.h"
#include "buf.h"
#include "index.h"
#include "strvec.h"

enum {
	S_FILES, S_INS_FILE, S_UPD_FILE, S_DEL_FILE, S_RACY,
	S_DEL_DIALOGUE, S_DEL_PERSON, S_DEL_ITEM, S_DEL_TAG, S_DEL_OWNER,
	S_DEL_HIST,
	S_INS_DIALOGUE, S_INS_PERSON, S_INS_ITEM, S_INS_TAG, S_INS_OWNER,
	S_INS_HIST, S_FILES_UNDER, S_PROBLEM, S_INS_FTS, S_DEL_FTS,
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
	int64_t start_ns;
	struct wd_error *err;
};

/* index-scan.c: what is in the workspace, with its stat data */
int64_t ix_ns(const struct timespec *ts);
struct entry *ix_list_add(struct list *l);
int ix_cmp_entry(const void *a, const void *b);
const struct entry *ix_known_get(const struct walk *w, const char *path);
int ix_same_stat(const struct entry *e, const struct stat *st);
int ix_walk_dialogue(struct walk *w, const char *id);
int ix_walk_all(struct walk *w, size_t *dialogues);
void ix_walk_release(struct walk *w);

/* index-rows.c: the rows of one file's records */
int ix_step(struct wd_index *ix, sqlite3_stmt *st, struct wd_error *err);
int ix_bind_text(sqlite3_stmt *st, int i, const char *s);
int ix_put_dialogue(struct wd_index *ix, int64_t file, const char *id,
		    struct wd_ydoc *doc, struct wd_diag *diag,
		    struct wd_error *err);
int ix_put_people(struct wd_index *ix, int64_t file, const char *dialogue,
		  struct wd_ydoc *doc, struct wd_diag *diag,
		  struct wd_error *err);
int ix_put_harvest(struct wd_index *ix, int64_t file, const char *dialogue,
		   const char *path, struct wd_ydoc *doc,
		   struct wd_diag *diag, struct wd_error *err);
int ix_drop_rows(struct wd_index *ix, char type, int64_t file,
		 struct wd_error *err);

#endif

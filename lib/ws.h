/* ws.h - the workspace: finding it, its settings, its folders */
#ifndef WD_WS_H
#define WD_WS_H

#include <stdint.h>

#include "buf.h"
#include "error.h"
#include "field.h"
#include "store.h"
#include "strvec.h"
#include "yaml.h"

#define WD_WS_FILE "wd.yaml"

struct wd_settings {
	const char *name;
	const char *organisation;
	const char *lang;		/* "nl" (default) or "en" */
	const char *timezone;		/* "Europe/Amsterdam" by default */
	const char *sender_name;
	const char *sender_email;
	const char *user;		/* default harvest source */
	int contacts_in_git;
	struct wd_strlist include;
};

/*
 * An open workspace.  The library reads no environment: the caller
 * says where to look, what time it is (`now`) and where the shared
 * files are (`share`).
 */
/* Long work a caller may show progress of. */
enum wd_work {
	WD_WORK_INDEX,		/* dialogues indexed */
	WD_WORK_IMPORT,		/* CSV rows taken in */
	WD_WORK_SEND,		/* messages sent */
};

struct wd_ws {
	char *root;			/* absolute, no trailing '/' */
	char *prefix;			/* the current folder under root: "", "a/b/"; NULL outside */
	char *share;			/* share/wd, set by the caller */
	struct wd_ydoc doc;		/* wd.yaml */
	struct wd_settings set;
	int64_t now;
	struct wd_lock lock;
	unsigned lock_timeout_ms;
	int colour;			/* tables may use colour: the caller's choice */
	/* called as long work goes on, when set; done == total at the end */
	void (*progress)(void *ctx, enum wd_work what, size_t done,
			 size_t total);
	void *progress_ctx;
};

void wd_ws_init(struct wd_ws *ws);
void wd_ws_release(struct wd_ws *ws);

/*
 * Open the workspace at `dir` (exact) or at the nearest folder from `dir`
 * upwards holding wd.yaml.  Problems in wd.yaml go to `diag`; the open
 * fails (EX_CONFIG) when there are any, unless `diag` collects all
 * problems (as check does): then it goes on with default settings.
 */
int wd_ws_open(struct wd_ws *ws, const char *dir, int exact,
	       struct wd_diag *diag);

/* Read the settings of ws->doc, reporting problems to diag. */
void wd_ws_settings(struct wd_ws *ws, struct wd_diag *diag);

/* Tell ws->progress, if any, how far `what` is. */
void wd_ws_progress(const struct wd_ws *ws, enum wd_work what, size_t done,
		    size_t total);

/* out = root "/" rel */
int wd_ws_join(const struct wd_ws *ws, struct wd_buf *out, const char *rel);

/* The dialogue the start folder is in, or NULL; `buf` holds the id. */
const char *wd_ws_here(const struct wd_ws *ws, struct wd_buf *buf);

/* Ids of all dialogues (folders holding dialogue.yaml), sorted. */
int wd_ws_dialogues(const struct wd_ws *ws, struct wd_strvec *out,
		    struct wd_error *err);

/* Whether dialogue `id` exists (its folder holds dialogue.yaml). */
int wd_ws_has_dialogue(const struct wd_ws *ws, const char *id);

/* Names that can never be a dialogue (folders with another use). */
int wd_ws_reserved(const char *id);

/*
 * A shared file (questions, themes, templates): the workspace's
 * templates/<rel> when there is one, else <share>/<rel>.  `ws` may be
 * NULL.  0 and out set when found, -1 (EX_UNAVAILABLE) when not.
 */
int wd_ws_shared(const struct wd_ws *ws, const char *share, const char *rel,
		 struct wd_buf *out, struct wd_error *err);

/* Take and drop the workspace lock (.wd/lock). */
int wd_ws_lock(struct wd_ws *ws, struct wd_error *err);
void wd_ws_unlock(struct wd_ws *ws);

/*
 * Write the workspace file `rel` atomically (see wd_store_write).  The
 * caller holds the lock; temporary files a killed writer left in the
 * same folder are removed first.
 */
int wd_ws_write(struct wd_ws *ws, const char *rel, const void *data,
		size_t len, mode_t mode, struct wd_error *err);

/* Make sure .wd/ exists. */
int wd_ws_statedir(struct wd_ws *ws, struct wd_error *err);

/* Making a new workspace (wd-init without an id). */
struct wd_ws_new {
	const char *name;
	const char *organisation;
	const char *sender;		/* sender.email */
	const char *lang;
	const char *timezone;
};

/* 0 made, 1 was there already (only .gitignore completed), -1 error. */
int wd_ws_create(const char *dir, const struct wd_ws_new *opt,
		 struct wd_error *err);

#endif

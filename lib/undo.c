/* undo.c - a command that writes several files fails as a whole */
#include "undo.h"
#include "buf.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void wd_undo_init(struct wd_undo *u, struct wd_ws *ws)
{
	memset(u, 0, sizeof(*u));
	u->ws = ws;
}

void wd_undo_release(struct wd_undo *u)
{
	size_t i;

	for (i = 0; i < u->n; i++) {
		free(u->v[i].rel);
		free(u->v[i].old);
	}
	free(u->v);
	wd_undo_init(u, u->ws);
}

/* Read what `rel` holds into `f`; a missing file is no error. */
static int keep_old(struct wd_undo *u, struct wd_undo_file *f,
		    const char *rel, struct wd_error *err)
{
	struct wd_buf path = WD_BUF_INIT(0);
	int r;

	if (wd_ws_join(u->ws, &path, rel) < 0)
		return wd_error_oom(err);
	r = wd_read_file(path.ptr, rel, WD_BUF_MAX, &f->old, &f->len, err);
	wd_buf_release(&path);
	if (r < 0 && err->code == EX_NOINPUT) {
		wd_error_clear(err);
		return 0;
	}
	return r;
}

static struct wd_undo_file *remember(struct wd_undo *u, const char *rel,
				      struct wd_error *err)
{
	struct wd_undo_file *v, *f;
	size_t i;

	for (i = 0; i < u->n; i++)
		if (!strcmp(u->v[i].rel, rel))
			return &u->v[i];	/* its first state counts */
	v = realloc(u->v, (u->n + 1) * sizeof(*v));
	if (!v) {
		wd_error_oom(err);
		return NULL;
	}
	u->v = v;
	f = &u->v[u->n];
	memset(f, 0, sizeof(*f));
	f->rel = strdup(rel);
	if (!f->rel) {
		wd_error_oom(err);
		return NULL;
	}
	if (keep_old(u, f, rel, err) < 0) {
		free(f->rel);
		return NULL;
	}
	u->n++;
	return f;
}

int wd_undo_write(struct wd_undo *u, const char *rel, const void *data,
		  size_t len, mode_t mode, struct wd_error *err)
{
	struct wd_undo_file *f = remember(u, rel, err);

	if (!f || wd_ws_write(u->ws, rel, data, len, mode, err) < 0)
		return -1;
	f->written = 1;
	return 0;
}

static void put_back(struct wd_undo *u, const struct wd_undo_file *f)
{
	struct wd_buf path = WD_BUF_INIT(0);
	struct wd_error ignored;

	if (!f->written)
		return;
	if (f->old) {
		/* the mode the file has now is the one it had */
		wd_ws_write(u->ws, f->rel, f->old, f->len, 0644, &ignored);
		return;
	}
	if (wd_ws_join(u->ws, &path, f->rel) == 0)
		unlink(path.ptr);
	wd_buf_release(&path);
}

void wd_undo_rollback(struct wd_undo *u)
{
	int saved = errno;
	size_t i;

	for (i = u->n; i-- > 0;)
		put_back(u, &u->v[i]);
	errno = saved;
}

/* index-scan.c - what is in the workspace, with its stat data: folders are
 * read only when their own stat data changed */
#include "index-int.h"
#include "i18n.h"
#include "item.h"
#include "slug.h"
#include "store.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int64_t ix_ns(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

struct entry *ix_list_add(struct list *l)
{
	if (l->n == l->alloc) {
		size_t na = l->alloc ? l->alloc * 2 : 256;
		struct entry *v = realloc(l->v, na * sizeof(*v));

		if (!v)
			return NULL;
		l->v = v;
		l->alloc = na;
	}
	memset(&l->v[l->n], 0, sizeof(l->v[0]));
	return &l->v[l->n++];
}

int ix_cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path,
		      ((const struct entry *)b)->path);
}

/* Put a list in path order; the walk mostly finds it so already. */
void ix_sort(struct list *l)
{
	size_t i;

	for (i = 1; i < l->n; i++)
		if (strcmp(l->v[i - 1].path, l->v[i].path) > 0)
			break;
	if (i < l->n)
		qsort(l->v, l->n, sizeof(*l->v), ix_cmp_entry);
}

const struct entry *ix_known_get(const struct walk *w, const char *path)
{
	struct entry key;

	if (!w->known.n)
		return NULL;
	key.path = path;
	return bsearch(&key, w->known.v, w->known.n, sizeof(key), ix_cmp_entry);
}

int ix_same_stat(const struct entry *e, const struct stat *st)
{
	return e->size == (int64_t)st->st_size &&
	       e->mtime == ix_ns(&st->st_mtim) && e->ctime == ix_ns(&st->st_ctim) &&
	       e->ino == (int64_t)st->st_ino;
}

static int add_found(struct walk *w, const char *path, char type,
		     const struct stat *st)
{
	struct entry *e = ix_list_add(&w->found);

	if (!e || !(e->path = wd_arena_strdup(&w->arena, path)))
		return wd_error_oom(w->err);
	e->type = type;
	e->size = (int64_t)st->st_size;
	e->mtime = ix_ns(&st->st_mtim);
	e->ctime = ix_ns(&st->st_ctim);
	e->ino = (int64_t)st->st_ino;
	return 0;
}

/* lstat of a workspace path; a folder's trailing '/' is left off, so
 * that a symbolic link is seen as one and not followed.  Relative to the
 * workspace folder when it is open: the kernel then walks fewer names. */
static int lstat_rel(struct walk *w, const char *rel, struct stat *st)
{
	size_t n = strlen(rel);

	while (n && rel[n - 1] == '/')
		n--;
	wd_buf_reset(&w->path);
	if (w->rootfd >= 0 && n) {
		if (wd_buf_add(&w->path, rel, n) < 0)
			return -2;
		return fstatat(w->rootfd, w->path.ptr, st, AT_SYMLINK_NOFOLLOW);
	}
	if (wd_buf_adds(&w->path, w->ix->ws->root) < 0 ||
	    (n && (wd_buf_addc(&w->path, '/') < 0 ||
		   wd_buf_add(&w->path, rel, n) < 0)))
		return -2;
	while (w->path.len > 1 && w->path.ptr[w->path.len - 1] == '/')
		wd_buf_truncate(&w->path, w->path.len - 1);
	return lstat(w->path.ptr, st);
}

/*
 * The names in folder `dir` ("" or "d/" or "d/harvest/"): from the index
 * when the folder did not change, else read from disk.
 */
static int names_in(struct walk *w, const char *dir, const struct stat *st,
		    struct wd_strvec *names)
{
	const struct entry *k = ix_known_get(w, dir);
	struct dirent *de;
	DIR *d;
	size_t dl = strlen(dir), i;

	if (k && ix_same_stat(k, st) && !k->racy) {
		struct entry key;

		key.path = dir;
		/* the entries right under dir follow it in path order */
		i = (size_t)(k - w->known.v) + 1;
		(void)key;
		for (; i < w->known.n; i++) {
			const char *p = w->known.v[i].path, *rest, *slash;

			if (strncmp(p, dir, dl))
				break;
			rest = p + dl;
			slash = strchr(rest, '/');
			if (slash && slash[1])
				continue;
			if (wd_strvec_pushn(names, rest, slash ?
					    (size_t)(slash - rest) : strlen(rest)) < 0)
				return wd_error_oom(w->err);
		}
		return 0;
	}
	wd_buf_reset(&w->path);
	if (wd_buf_adds(&w->path, w->ix->ws->root) < 0 ||
	    wd_buf_addc(&w->path, '/') < 0 || wd_buf_adds(&w->path, dir) < 0)
		return wd_error_oom(w->err);
	if (wd_store_opendir(w->path.ptr, dir[0] ? dir : ".", &d, w->err) < 0)
		return -1;
	if (!d)
		return 0;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (wd_strvec_push(names, de->d_name) < 0) {
			closedir(d);
			return wd_error_oom(w->err);
		}
	}
	closedir(d);
	wd_strvec_sort(names);
	return 0;
}

static int walk_harvest(struct walk *w, const char *dialogue)
{
	struct wd_strvec names = WD_STRVEC_INIT;
	struct wd_buf rel = WD_BUF_INIT(0);
	struct stat st;
	size_t i, base;
	int r = -1, s;

	if (wd_buf_adds(&rel, dialogue) < 0 ||
	    wd_buf_adds(&rel, "/harvest/") < 0)
		goto oom;
	s = lstat_rel(w, rel.ptr, &st);
	if (s == -2)
		goto oom;
	if (s < 0 || !S_ISDIR(st.st_mode)) {
		r = 0;
		goto out;
	}
	if (add_found(w, rel.ptr, 'D', &st) < 0 ||
	    names_in(w, rel.ptr, &st, &names) < 0)
		goto out;
	base = rel.len;
	for (i = 0; i < names.n; i++) {
		if (!wd_harvest_file_name(names.v[i]))
			continue;
		wd_buf_truncate(&rel, base);
		if (wd_buf_adds(&rel, names.v[i]) < 0)
			goto oom;
		s = lstat_rel(w, rel.ptr, &st);
		if (s == -2)
			goto oom;
		if (s == 0 && S_ISREG(st.st_mode) &&
		    add_found(w, rel.ptr, 'h', &st) < 0)
			goto out;
	}
	r = 0;
	goto out;
oom:
	wd_error_oom(w->err);
out:
	wd_strvec_release(&names);
	wd_buf_release(&rel);
	return r;
}

/* 1 when `id` is a dialogue (and its entries were added), 0 when not. */
int ix_walk_dialogue(struct walk *w, const char *id)
{
	struct wd_strvec names = WD_STRVEC_INIT;
	struct wd_buf rel = WD_BUF_INIT(0);
	struct stat st, fst;
	size_t mark = w->found.n;
	int r = -1, s, have = 0;

	if (wd_buf_adds(&rel, id) < 0 || wd_buf_addc(&rel, '/') < 0)
		goto oom;
	s = lstat_rel(w, rel.ptr, &st);
	if (s == -2)
		goto oom;
	if (s < 0 || !S_ISDIR(st.st_mode)) {
		r = 0;
		goto out;
	}
	if (add_found(w, rel.ptr, 'D', &st) < 0 ||
	    names_in(w, rel.ptr, &st, &names) < 0)
		goto out;
	if (wd_strvec_has(&names, "dialogue.yaml")) {
		wd_buf_truncate(&rel, strlen(id) + 1);
		if (wd_buf_adds(&rel, "dialogue.yaml") < 0)
			goto oom;
		s = lstat_rel(w, rel.ptr, &fst);
		if (s == -2)
			goto oom;
		if (s == 0 && S_ISREG(fst.st_mode)) {
			have = 1;
			if (add_found(w, rel.ptr, 'd', &fst) < 0)
				goto out;
		}
	}
	if (!have) {
		/*
		 * Not a dialogue (yet): only the folder itself is kept, so that
		 * a dialogue.yaml appearing in it later changes its stat data
		 * and it is read again.
		 */
		w->found.n = mark + 1;
		r = 0;
		goto out;
	}
	/* in path order: dialogue.yaml, harvest/..., people.yaml */
	if (wd_strvec_has(&names, "harvest") && walk_harvest(w, id) < 0)
		goto out;
	if (wd_strvec_has(&names, "people.yaml")) {
		wd_buf_truncate(&rel, strlen(id) + 1);
		if (wd_buf_adds(&rel, "people.yaml") < 0)
			goto oom;
		s = lstat_rel(w, rel.ptr, &fst);
		if (s == -2)
			goto oom;
		if (s == 0 && S_ISREG(fst.st_mode) &&
		    add_found(w, rel.ptr, 'p', &fst) < 0)
			goto out;
	}
	r = 1;
	goto out;
oom:
	wd_error_oom(w->err);
out:
	wd_strvec_release(&names);
	wd_buf_release(&rel);
	return r;
}

int ix_walk_all(struct walk *w, size_t *dialogues)
{
	struct wd_strvec names = WD_STRVEC_INIT;
	struct stat st;
	size_t i;
	int r = -1, s;

	s = lstat_rel(w, "", &st);
	if (s == -2) {
		wd_error_oom(w->err);
		goto out;
	}
	if (s < 0) {
		wd_error_sys(w->err, EX_IOERR, ".", _("cannot read folder"));
		goto out;
	}
	if (add_found(w, "", 'D', &st) < 0 || names_in(w, "", &st, &names) < 0)
		goto out;
	for (i = 0; i < names.n; i++) {
		const char *n = names.v[i];
		size_t len = strlen(n);

		if (len && n[len - 1] == '/')
			continue;
		if (!wd_id_valid(n) || wd_ws_reserved(n))
			continue;
		s = ix_walk_dialogue(w, n);
		if (s < 0)
			goto out;
		*dialogues += (size_t)s;
	}
	r = 0;
out:
	wd_strvec_release(&names);
	return r;
}

void ix_walk_init(struct walk *w, struct wd_index *ix, struct wd_error *err)
{
	memset(w, 0, sizeof(*w));
	wd_arena_init(&w->arena);
	w->ix = ix;
	w->err = err;
	w->rootfd = open(ix->ws->root, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

void ix_walk_release(struct walk *w)
{
	if (w->rootfd >= 0)
		close(w->rootfd);
	w->rootfd = -1;
	free(w->known.v);
	free(w->found.v);
	wd_arena_release(&w->arena);
	wd_buf_release(&w->path);
}

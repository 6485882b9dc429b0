/* index-rows.c - the rows of one file's records in the index's tables */
#include "index-int.h"
#include "dialogue.h"
#include "i18n.h"
#include "item.h"
#include "people.h"

#include <string.h>

int ix_step(struct wd_index *ix, sqlite3_stmt *st, struct wd_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return wd_index_error(ix, err, _("cannot write"));
	return 0;
}

int ix_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC) :
		   sqlite3_bind_null(st, i);
}

static int bind_copy(sqlite3_stmt *st, int i, const char *s, size_t n)
{
	return sqlite3_bind_text(st, i, s, (int)n, SQLITE_TRANSIENT);
}

static int bind_long(sqlite3_stmt *st, int i, long v)
{
	return v ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i);
}

static int bind_flag(sqlite3_stmt *st, int i, int v)
{
	return v < 0 ? sqlite3_bind_null(st, i) : sqlite3_bind_int(st, i, v);
}

static int join(struct wd_buf *b, const struct wd_strlist *l, const char *sep)
{
	size_t i;

	wd_buf_reset(b);
	for (i = 0; i < l->n; i++)
		if ((i && wd_buf_adds(b, sep) < 0) || wd_buf_adds(b, l->v[i]) < 0)
			return -1;
	return 0;
}

static int bind_list(sqlite3_stmt *st, int i, struct wd_buf *b,
		     const struct wd_strlist *l, const char *sep)
{
	if (!l->n)
		return sqlite3_bind_null(st, i);
	if (join(b, l, sep) < 0)
		return SQLITE_NOMEM;
	return bind_copy(st, i, b->ptr, b->len);
}

static int bind_when(sqlite3_stmt *st, int i, int has, const struct wd_when *w)
{
	return has ? sqlite3_bind_int64(st, i, w->t) : sqlite3_bind_null(st, i);
}

static const char *text_of(const struct wd_ynode *map, const char *key)
{
	return wd_f_text(wd_ymap_get(map, key));
}

static int put_dialogue(struct wd_index *ix, int64_t file, const char *id,
			const struct wd_dialogue *dl, struct wd_error *err)
{
	sqlite3_stmt *st = ix->st[S_INS_DIALOGUE];
	struct wd_buf b1 = WD_BUF_INIT(0), b2 = WD_BUF_INIT(0), b3 = WD_BUF_INIT(0);
	const struct wd_ynode *root;
	int r;

	root = dl->doc.root && dl->doc.root->type == WD_YMAP ? dl->doc.root : NULL;
	if (!dl->title)
		return 0;		/* not a usable dialogue */
	if (sqlite3_bind_int64(st, 1, file) || ix_bind_text(st, 2, id) ||
	    ix_bind_text(st, 3, dl->title) || ix_bind_text(st, 4, dl->theme) ||
	    ix_bind_text(st, 5, dl->question) || ix_bind_text(st, 6, dl->place) ||
	    ix_bind_text(st, 7, dl->venue) ||
	    ix_bind_text(st, 8, dl->has_start ? text_of(root, "start") : NULL) ||
	    bind_when(st, 9, dl->has_start, &dl->start) ||
	    ix_bind_text(st, 10, dl->has_end ? text_of(root, "end") : NULL) ||
	    bind_when(st, 11, dl->has_end, &dl->end) ||
	    bind_long(st, 12, dl->capacity) || ix_bind_text(st, 13, dl->status) ||
	    ix_bind_text(st, 14, dl->lang) || bind_long(st, 15, dl->tables) ||
	    bind_list(st, 16, &b1, &dl->hosts, ", ") ||
	    bind_list(st, 17, &b2, &dl->initiators, ", ") ||
	    ix_bind_text(st, 18, dl->relay_from) ||
	    bind_list(st, 19, &b3, &dl->relay_to, ",") ||
	    ix_bind_text(st, 20, dl->baton)) {
		sqlite3_reset(st);
		r = wd_index_error(ix, err, _("cannot write"));
		goto out;
	}
	r = ix_step(ix, st, err);
out:
	wd_buf_release(&b1);
	wd_buf_release(&b2);
	wd_buf_release(&b3);
	return r;
}

static int put_people(struct wd_index *ix, int64_t file, const char *dialogue,
		      const struct wd_people *pp, struct wd_error *err)
{
	sqlite3_stmt *st = ix->st[S_INS_PERSON];
	size_t i;
	int r = 0;

	for (i = 0; i < pp->n && r == 0; i++) {
		const struct wd_person *p = &pp->v[i];

		if (sqlite3_bind_int64(st, 1, file) ||
		    ix_bind_text(st, 2, dialogue) || ix_bind_text(st, 3, p->id) ||
		    sqlite3_bind_int64(st, 4, (int64_t)i) ||
		    ix_bind_text(st, 5, p->name) || ix_bind_text(st, 6, p->role) ||
		    ix_bind_text(st, 7, p->organisation) ||
		    ix_bind_text(st, 8, p->lang) || bind_long(st, 9, p->table) ||
		    bind_flag(st, 10, p->host) || ix_bind_text(st, 11, p->rsvp) ||
		    ix_bind_text(st, 12, p->has_answered ?
			      text_of(p->node, "answered") : NULL) ||
		    bind_flag(st, 13, p->waiting) ||
		    bind_flag(st, 14, p->attended) ||
		    ix_bind_text(st, 15, p->consent_contact) ||
		    ix_bind_text(st, 16, p->consent_named) ||
		    ix_bind_text(st, 17, p->consent_photo) ||
		    ix_bind_text(st, 18, p->channel) ||
		    ix_bind_text(st, 19, p->sent) ||
		    ix_bind_text(st, 20, p->reminded) ||
		    ix_bind_text(st, 21, p->from) || ix_bind_text(st, 22, p->note)) {
			sqlite3_reset(st);
			r = wd_index_error(ix, err, _("cannot write"));
			break;
		}
		r = ix_step(ix, st, err);
	}
	return r;
}

static int put_list(struct wd_index *ix, int which, int64_t file,
		    const char *dialogue, const char *item,
		    const struct wd_strlist *l, struct wd_error *err)
{
	sqlite3_stmt *st = ix->st[which];
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (sqlite3_bind_int64(st, 1, file) ||
		    ix_bind_text(st, 2, dialogue) || ix_bind_text(st, 3, item) ||
		    ix_bind_text(st, 4, l->v[i])) {
			sqlite3_reset(st);
			return wd_index_error(ix, err, _("cannot write"));
		}
		if (ix_step(ix, st, err) < 0)
			return -1;
	}
	return 0;
}

/* The words of an item, for search: its text, tags and need. */
static int put_fts(struct wd_index *ix, int64_t rowid, const struct wd_item *it,
		   struct wd_buf *b, struct wd_error *err)
{
	sqlite3_stmt *st = ix->st[S_INS_FTS];

	if (sqlite3_bind_int64(st, 1, rowid) || ix_bind_text(st, 2, it->text) ||
	    bind_list(st, 3, b, &it->tags, " ") || ix_bind_text(st, 4, it->need)) {
		sqlite3_reset(st);
		return wd_index_error(ix, err, _("cannot write"));
	}
	return ix_step(ix, st, err);
}

static int put_item(struct wd_index *ix, int64_t file, const char *dialogue,
		    const char *source, size_t pos, const struct wd_item *it,
		    struct wd_buf *b1, struct wd_buf *b2, struct wd_error *err)
{
	sqlite3_stmt *st = ix->st[S_INS_ITEM];
	size_t i;

	if (sqlite3_bind_int64(st, 1, file) || ix_bind_text(st, 2, dialogue) ||
	    ix_bind_text(st, 3, source) || ix_bind_text(st, 4, it->id) ||
	    sqlite3_bind_int64(st, 5, (int64_t)pos) ||
	    ix_bind_text(st, 6, it->kind) || ix_bind_text(st, 7, it->phase) ||
	    ix_bind_text(st, 8, it->text) || ix_bind_text(st, 9, it->by) ||
	    ix_bind_text(st, 10, it->role) || bind_long(st, 11, it->table) ||
	    bind_list(st, 12, b1, &it->tags, ",") ||
	    bind_list(st, 13, b2, &it->owner, ",") ||
	    ix_bind_text(st, 14, it->due) ||
	    bind_when(st, 15, it->has_due, &it->due_when) ||
	    ix_bind_text(st, 16, it->status) || ix_bind_text(st, 17, it->need) ||
	    bind_flag(st, 18, it->named) || ix_bind_text(st, 19, it->created)) {
		sqlite3_reset(st);
		return wd_index_error(ix, err, _("cannot write"));
	}
	if (ix_step(ix, st, err) < 0 ||
	    put_fts(ix, sqlite3_last_insert_rowid(ix->db), it, b1, err) < 0 ||
	    put_list(ix, S_INS_TAG, file, dialogue, it->id, &it->tags, err) < 0 ||
	    put_list(ix, S_INS_OWNER, file, dialogue, it->id, &it->owner, err) < 0)
		return -1;
	st = ix->st[S_INS_HIST];
	for (i = 0; i < it->nhist; i++) {
		const struct wd_hist *h = &it->hist[i];

		if (sqlite3_bind_int64(st, 1, file) ||
		    ix_bind_text(st, 2, dialogue) || ix_bind_text(st, 3, it->id) ||
		    sqlite3_bind_int64(st, 4, (int64_t)i) ||
		    ix_bind_text(st, 5, h->at) || ix_bind_text(st, 6, h->status) ||
		    ix_bind_text(st, 7, h->note)) {
			sqlite3_reset(st);
			return wd_index_error(ix, err, _("cannot write"));
		}
		if (ix_step(ix, st, err) < 0)
			return -1;
	}
	return 0;
}

static int put_harvest(struct wd_index *ix, int64_t file, const char *dialogue,
		       const char *path, const struct wd_harvest *h,
		       struct wd_error *err)
{
	struct wd_buf b1 = WD_BUF_INIT(0), b2 = WD_BUF_INIT(0);
	struct wd_buf source = WD_BUF_INIT(0);
	const char *base = strrchr(path, '/');
	size_t i;
	int r = 0;

	base = base ? base + 1 : path;
	if (wd_buf_add(&source, base, strlen(base) - 5) < 0)
		return wd_error_oom(err);
	for (i = 0; i < h->n && r == 0; i++)
		r = put_item(ix, file, dialogue, source.ptr, i, &h->v[i], &b1,
			     &b2, err);
	wd_buf_release(&b1);
	wd_buf_release(&b2);
	wd_buf_release(&source);
	return r;
}

void ix_rec_init(struct ix_rec *r)
{
	r->type = 0;
	wd_dialogue_init(&r->dl);
	wd_people_init(&r->pp);
	wd_harvest_init(&r->h);
}

void ix_rec_release(struct ix_rec *r)
{
	wd_dialogue_release(&r->dl);
	wd_people_release(&r->pp);
	wd_harvest_release(&r->h);
	r->type = 0;
}

/*
 * The records of a file of `type` from its parsed document, which `r`
 * takes over.  Touches nothing but `r` and `diag`: this may run beside
 * the thread that writes rows.
 */
void ix_rec_read(struct ix_rec *r, char type, struct wd_ydoc *doc,
		 const struct wd_ws *ws, struct wd_diag *diag)
{
	r->type = type;
	if (type == 'd') {
		r->dl.doc = *doc;
		wd_dialogue_read(&r->dl, ws, diag);
	} else if (type == 'p') {
		r->pp.doc = *doc;
		wd_people_read(&r->pp, diag);
	} else {
		r->h.doc = *doc;
		wd_harvest_read(&r->h, diag);
	}
	wd_ydoc_init(doc);
}

/* The rows of the records of file `file` (`path`) of `dialogue`. */
int ix_rec_write(struct wd_index *ix, const struct ix_rec *r, int64_t file,
		 const char *dialogue, const char *path, struct wd_error *err)
{
	if (r->type == 'd')
		return put_dialogue(ix, file, dialogue, &r->dl, err);
	if (r->type == 'p')
		return put_people(ix, file, dialogue, &r->pp, err);
	return put_harvest(ix, file, dialogue, path, &r->h, err);
}

int ix_drop_rows(struct wd_index *ix, char type, int64_t file,
		     struct wd_error *err)
{
	static const int dialogue[] = { S_DEL_DIALOGUE, -1 };
	static const int people[] = { S_DEL_PERSON, -1 };
	static const int harvest[] = {
		S_DEL_FTS, S_DEL_ITEM, S_DEL_TAG, S_DEL_OWNER, S_DEL_HIST, -1,
	};
	const int *which = type == 'd' ? dialogue : type == 'p' ? people :
			   type == 'h' ? harvest : NULL;

	for (; which && *which >= 0; which++) {
		sqlite3_stmt *st = ix->st[*which];

		if (sqlite3_bind_int64(st, 1, file) != SQLITE_OK)
			return wd_index_error(ix, err, _("cannot write"));
		if (ix_step(ix, st, err) < 0)
			return -1;
	}
	return 0;
}

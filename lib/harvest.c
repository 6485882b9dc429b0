/* harvest.c - recording the harvest: adding, importing and following up items */
#include "harvest.h"
#include "csvio.h"
#include "i18n.h"
#include "slug.h"
#include "store.h"
#include "timefmt.h"
#include "undo.h"
#include "utf8.h"
#include "vocab.h"
#include "yedit.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/stat.h>

#define ID_LEN 7

void wd_hctx_init(struct wd_hctx *h, struct wd_ws *ws)
{
	memset(h, 0, sizeof(*h));
	h->ws = ws;
	wd_people_init(&h->people);
	wd_strvec_init(&h->ids);
	wd_arena_init(&h->arena);
}

static void file_release(struct wd_hfile *f)
{
	free(f->source);
	wd_strvec_release(&f->pending);
	wd_strvec_release(&f->keys);
	wd_harvest_release(&f->h);
}

void wd_hctx_release(struct wd_hctx *h)
{
	size_t i;

	for (i = 0; i < h->nfiles; i++)
		file_release(&h->files[i]);
	free(h->files);
	free(h->dialogue);
	wd_people_release(&h->people);
	wd_strvec_release(&h->ids);
	wd_arena_release(&h->arena);
	wd_ws_unlock(h->ws);
	h->files = NULL;
	h->nfiles = 0;
	h->dialogue = NULL;
}

/* "kind\x1ftext": what makes two items the same one */
static int item_key(struct wd_buf *b, const char *kind, const char *text)
{
	wd_buf_reset(b);
	return wd_buf_addf(b, "%s\x1f%s", kind, text);
}

static int rel_of(struct wd_buf *b, const char *dialogue, const char *source)
{
	wd_buf_reset(b);
	return wd_buf_addf(b, "%s/harvest/%s.yaml", dialogue, source);
}

/* Read (again) the records of a file and the keys of its items. */
static int file_read(struct wd_hfile *f, struct wd_error *err)
{
	struct wd_buf key = WD_BUF_INIT(0);
	struct wd_error ignored;
	struct wd_diag diag;
	size_t i;

	for (i = 0; i < f->h.n; i++)
		free(f->h.v[i].hist);
	free(f->h.v);
	f->h.v = NULL;
	f->h.n = 0;
	wd_strvec_release(&f->keys);
	/* problems of single items do not stop others from being added */
	wd_diag_init(&diag, &ignored, NULL);
	wd_harvest_read(&f->h, &diag);
	for (i = 0; i < f->h.n; i++)
		if (item_key(&key, f->h.v[i].kind, f->h.v[i].text) < 0 ||
		    wd_strvec_push(&f->keys, key.ptr) < 0) {
			wd_buf_release(&key);
			return wd_error_oom(err);
		}
	wd_buf_release(&key);
	return 0;
}

static struct wd_hfile *file_add(struct wd_hctx *h, const char *source,
				 struct wd_error *err)
{
	struct wd_hfile *v = realloc(h->files, (h->nfiles + 1) * sizeof(*v)), *f;

	if (!v) {
		wd_error_oom(err);
		return NULL;
	}
	h->files = v;
	f = &h->files[h->nfiles];
	memset(f, 0, sizeof(*f));
	wd_harvest_init(&f->h);
	wd_strvec_init(&f->pending);
	wd_strvec_init(&f->keys);
	f->source = strdup(source);
	if (!f->source) {
		wd_error_oom(err);
		return NULL;
	}
	h->nfiles++;
	return f;
}

static int load_files(struct wd_hctx *h, struct wd_error *err)
{
	struct wd_buf dir = WD_BUF_INIT(0), rel = WD_BUF_INIT(0);
	struct wd_buf path = WD_BUF_INIT(0);
	struct wd_strvec names = WD_STRVEC_INIT;
	struct dirent *e;
	struct stat st;
	size_t i, j;
	DIR *d;
	int r = -1;

	if (wd_buf_addf(&dir, "%s/%s/harvest", h->ws->root, h->dialogue) < 0)
		goto oom;
	if (lstat(dir.ptr, &st) == 0 && !S_ISDIR(st.st_mode)) {
		/* a symbolic link could lead out of the workspace */
		wd_error_set(err, EX_DATAERR, "'%s/harvest' %s", h->dialogue,
			     S_ISLNK(st.st_mode) ? _("is a symbolic link; refused") :
			     _("is not a folder"));
		goto out;
	}
	if (wd_buf_addf(&rel, "%s/harvest", h->dialogue) < 0)
		goto oom;
	/*
	 * No folder: no harvest yet.  Any other failure (no memory for the
	 * folder's buffer) must not read as that, or an import or add would
	 * start the files over and write them over the ones there.
	 */
	if (wd_store_opendir(dir.ptr, rel.ptr, &d, err) < 0)
		goto out;
	if (!d) {
		r = 0;
		goto out;
	}
	while ((e = readdir(d)))
		if (wd_harvest_file_name(e->d_name) &&
		    wd_strvec_pushn(&names, e->d_name, strlen(e->d_name) - 5) < 0) {
			closedir(d);
			goto oom;
		}
	closedir(d);
	wd_strvec_sort(&names);
	for (i = 0; i < names.n; i++) {
		struct wd_hfile *f = file_add(h, names.v[i], err);

		if (!f || rel_of(&rel, h->dialogue, names.v[i]) < 0 ||
		    wd_ws_join(h->ws, &path, rel.ptr) < 0)
			goto oom;
		if (wd_ydoc_load(&f->h.doc, path.ptr, rel.ptr, NULL,
				 &f->problem) < 0) {
			if (f->problem.code == EX_OSERR) {
				wd_error_copy(err, &f->problem);
				goto out;
			}
			f->broken = 1;
			continue;
		}
		if (file_read(f, err) < 0)
			goto out;
		for (j = 0; j < f->h.n; j++)
			if (wd_strvec_push(&h->ids, f->h.v[j].id) < 0)
				goto oom;
	}
	r = 0;
	goto out;
oom:
	wd_error_oom(err);
out:
	wd_buf_release(&dir);
	wd_buf_release(&rel);
	wd_buf_release(&path);
	wd_strvec_release(&names);
	return r;
}

int wd_hctx_open(struct wd_hctx *h, const char *dialogue, int lock,
		 struct wd_error *err)
{
	struct wd_diag diag;

	if (wd_id_check(dialogue, _("dialogue id"), err) < 0)
		return -1;
	if (!wd_ws_has_dialogue(h->ws, dialogue))
		return wd_error_set(err, EX_NOINPUT,
				    _("no dialogue '%s' in this workspace"), dialogue);
	h->dialogue = strdup(dialogue);
	if (!h->dialogue)
		return wd_error_oom(err);
	if (lock && wd_ws_lock(h->ws, err) < 0)
		return -1;
	wd_diag_init(&diag, err, NULL);
	if (wd_people_load(&h->people, h->ws, dialogue, &diag) < 0)
		return -1;
	return load_files(h, err);
}

/* --- checking what users give --- */

static int word(enum wd_vocab v, const char **w, struct wd_error *err)
{
	const char *canon = wd_vocab_canon(v, *w), *hint;

	if (canon) {
		*w = canon;
		return 0;
	}
	hint = wd_vocab_suggest(v, *w);
	if (hint)
		return wd_error_set(err, EX_DATAERR,
				    _("unknown %s '%s' (did you mean '%s'?)"),
				    wd_vocab_what(v), *w, hint);
	return wd_error_set(err, EX_DATAERR, _("unknown %s '%s'"),
			    wd_vocab_what(v), *w);
}

static const char *keep(struct wd_hctx *h, const char *s, size_t n,
			struct wd_error *err)
{
	char *c = wd_arena_strndup(&h->arena, s, n);

	if (!c)
		wd_error_oom(err);
	return c;
}

/* A person given by name or id: their id, added when allowed. */
static int person(struct wd_hctx *h, const char **who, struct wd_error *err)
{
	const struct wd_person *p;
	struct wd_person_new np;
	struct wd_buf id = WD_BUF_INIT(0);
	struct wd_error miss;
	int ambiguous;

	if (wd_text_check(*who, 1, _("a person"), err) < 0)
		return -1;
	p = wd_people_lookup(&h->people, *who, h->dialogue, &ambiguous, &miss);
	if (p) {
		*who = keep(h, p->id, strlen(p->id), err);
		return *who ? 0 : -1;
	}
	if (!h->new_person || miss.code != EX_DATAERR || ambiguous) {
		wd_error_copy(err, &miss);
		if (!h->new_person && !ambiguous)
			wd_error_hint(err, "%s",
				      _("add them with --new-person, or first with 'wd-invite add'"));
		return -1;
	}
	memset(&np, 0, sizeof(np));
	np.name = *who;
	np.role = "other";
	if (wd_people_append(&h->people, &np, h->dialogue, &id, err) < 0) {
		wd_buf_release(&id);
		return -1;
	}
	h->people_changed = 1;
	*who = keep(h, id.ptr, id.len, err);
	wd_buf_release(&id);
	return *who ? 0 : -1;
}

static int due_date(struct wd_hctx *h, const char **due, struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(64);
	struct wd_when w;
	int64_t d = wd_duration_parse(*due);

	if (d > 0 && strpbrk(*due, "dw")) {
		w.t = h->ws->now + d;
	} else if (wd_time_parse(*due, &w) < 0) {
		return wd_error_set(err, EX_DATAERR,
				    _("due date '%s' is not a date like 2027-01-15 (or 7d, 2w from today)"),
				    *due);
	}
	if (wd_date_iso(&b, w.t) < 0) {
		wd_buf_release(&b);
		return wd_error_oom(err);
	}
	*due = keep(h, b.ptr, b.len, err);
	wd_buf_release(&b);
	return *due ? 0 : -1;
}

static int one_line(const char *s)
{
	return !strpbrk(s, "\r\n");
}

static int tags(struct wd_hctx *h, const char **v, size_t n,
		struct wd_error *err)
{
	size_t i;

	for (i = 0; i < n; i++) {
		const char *s = v[i];
		size_t len;
		char *c, *p;

		while (*s == ' ')
			s++;
		len = strlen(s);
		while (len && s[len - 1] == ' ')
			len--;
		if (wd_text_check(s, 1, _("a tag"), err) < 0)
			return -1;
		if (!len || !one_line(s) || memchr(s, ',', len))
			return wd_error_set(err, EX_DATAERR,
					    _("tag '%s' should be one word or phrase, without commas"),
					    v[i]);
		c = wd_arena_strndup(&h->arena, s, len);
		if (!c)
			return wd_error_oom(err);
		for (p = c; *p; p++)
			if (*p >= 'A' && *p <= 'Z')
				*p = (char)(*p - 'A' + 'a');
		v[i] = c;
	}
	return 0;
}

int wd_hctx_check(struct wd_hctx *h, struct wd_item_new *it,
		  enum wd_ifield *bad, struct wd_error *err)
{
	size_t i;

	*bad = WD_IF_KIND;
	if (!it->kind || !*it->kind)
		return wd_error_set(err, EX_DATAERR, "%s", _("an item needs a kind"));
	if (word(WD_V_KIND, &it->kind, err) < 0)
		return -1;
	*bad = WD_IF_TEXT;
	if (!it->text || !*it->text)
		return wd_error_set(err, EX_DATAERR, "%s", _("an item needs a text"));
	if (strlen(it->text) > wd_ylimits_default.max_scalar)
		return wd_error_set(err, EX_DATAERR, "%s", _("the text is too long"));
	if (wd_text_check(it->text, 0, _("the text"), err) < 0)
		return -1;
	*bad = WD_IF_NEED;
	if (it->need && wd_text_check(it->need, 0, _("what is needed"), err) < 0)
		return -1;
	*bad = WD_IF_PHASE;
	if (it->phase && word(WD_V_PHASE, &it->phase, err) < 0)
		return -1;
	if (!it->phase)
		it->phase = wd_kind_phase(it->kind);
	*bad = WD_IF_STATUS;
	if (it->status && word(WD_V_STATUS, &it->status, err) < 0)
		return -1;
	if (!it->status && !strcmp(it->kind, "action"))
		it->status = "open";
	*bad = WD_IF_DUE;
	if (it->due && due_date(h, &it->due, err) < 0)
		return -1;
	*bad = WD_IF_SOURCE;
	if (it->source && !wd_id_valid(it->source))
		return wd_id_check(it->source, _("source"), err);
	*bad = WD_IF_TAGS;
	if (tags(h, it->tags, it->ntags, err) < 0)
		return -1;
	*bad = WD_IF_BY;
	if (it->by && person(h, &it->by, err) < 0)
		return -1;
	*bad = WD_IF_OWNER;
	for (i = 0; i < it->nowners; i++)
		if (person(h, &it->owners[i], err) < 0)
			return -1;
	*bad = WD_IF_NONE;
	return 0;
}

/* --- adding --- */

int wd_source_name(struct wd_buf *out, const char *given, long table)
{
	const char *base, *dot;

	wd_buf_reset(out);
	if (!given)
		return wd_buf_addf(out, "table-%ld", table);
	base = strrchr(given, '/');
	base = base ? base + 1 : given;
	dot = strrchr(base, '.');
	if (dot && dot != base && (!strcmp(dot, ".csv") || !strcmp(dot, ".tsv") ||
				   !strcmp(dot, ".txt") || !strcmp(dot, ".yaml"))) {
		struct wd_buf tmp = WD_BUF_INIT(0);
		int r;

		if (wd_buf_add(&tmp, base, (size_t)(dot - base)) < 0)
			return -1;
		r = wd_slug(out, tmp.ptr);
		wd_buf_release(&tmp);
		return r;
	}
	return wd_slug(out, base);
}

static uint64_t next_random(struct wd_hctx *h)
{
	uint64_t v;

	if (h->seed) {
		/* xorshift64*: the same ids every run, for tests */
		h->seed ^= h->seed >> 12;
		h->seed ^= h->seed << 25;
		h->seed ^= h->seed >> 27;
		return h->seed * 2685821657736338717ULL;
	}
	if (getrandom(&v, sizeof(v), 0) != (ssize_t)sizeof(v))
		v = (uint64_t)h->ws->now * 6364136223846793005ULL ^
		    (uint64_t)(uintptr_t)&v;
	return v;
}

/*
 * Item ids: a letter, then six of the Crockford base-32 digits (no i, l,
 * o, u), 34 bits: short to type, unique across clones without talking.
 */
static int new_id(struct wd_hctx *h, char id[ID_LEN + 1])
{
	static const char digits[] = "0123456789abcdefghjkmnpqrstvwxyz";
	int tries, i;

	for (tries = 0; tries < 1000; tries++) {
		uint64_t v = next_random(h);

		id[0] = digits[10 + v % 22];
		v /= 22;
		for (i = 1; i < ID_LEN; i++) {
			id[i] = digits[v % 32];
			v /= 32;
		}
		id[ID_LEN] = '\0';
		if (!wd_strvec_has(&h->ids, id))
			return 0;
	}
	return -1;
}

static int flow_list(struct wd_buf *b, const char *key, const char **v,
		     size_t n)
{
	if (!n)
		return 0;
	if (wd_buf_addf(b, "%s: ", key) < 0 || wd_yemit_flow_seq(b, v, n) < 0)
		return -1;
	return wd_buf_addc(b, '\n');
}

static int item_block(struct wd_hctx *h, struct wd_buf *b, const char *id,
		      const struct wd_item_new *it)
{
	const struct wd_person *by = it->by ? wd_people_find(&h->people, it->by) : NULL;
	struct wd_buf now = WD_BUF_INIT(64);
	int r = -1;

	if (wd_time_iso(&now, h->ws->now) < 0)
		goto out;
	if (wd_yemit_pair(b, "id", id, 0) < 0 ||
	    wd_yemit_pair(b, "kind", it->kind, 0) < 0 ||
	    wd_yemit_pair(b, "phase", it->phase, 0) < 0 ||
	    wd_yemit_pair(b, "text", it->text, 0) < 0 ||
	    (it->by && wd_yemit_pair(b, "by", it->by, 0) < 0) ||
	    (by && wd_yemit_pair(b, "role", by->role, 0) < 0) ||
	    (it->table > 0 && wd_buf_addf(b, "table: %ld\n", it->table) < 0) ||
	    flow_list(b, "tags", it->tags, it->ntags) < 0 ||
	    flow_list(b, "owner", it->owners, it->nowners) < 0 ||
	    (it->due && wd_yemit_pair(b, "due", it->due, WD_YE_TYPED) < 0) ||
	    (it->status && wd_yemit_pair(b, "status", it->status, 0) < 0) ||
	    (it->need && wd_yemit_pair(b, "need", it->need, 0) < 0))
		goto out;
	if (!strcmp(it->kind, "quote") &&
	    wd_buf_adds(b, it->named > 0 ? "named: true\n" : "named: false\n") < 0)
		goto out;
	r = wd_yemit_pair(b, "created", now.ptr, WD_YE_TYPED);
out:
	wd_buf_release(&now);
	return r;
}

static struct wd_hfile *file_for(struct wd_hctx *h, const char *source,
				 struct wd_error *err)
{
	struct wd_buf head = WD_BUF_INIT(0);
	struct wd_hfile *f;
	size_t i, len;
	char *src;

	for (i = 0; i < h->nfiles; i++)
		if (!strcmp(h->files[i].source, source)) {
			if (h->files[i].broken) {
				wd_error_copy(err, &h->files[i].problem);
				return NULL;
			}
			return &h->files[i];
		}
	f = file_add(h, source, err);
	if (!f)
		return NULL;
	if (wd_buf_addf(&head, "# Oogst van '%s', bron '%s' (zie wd(5)).\n",
			h->dialogue, source) < 0) {
		wd_error_oom(err);
		return NULL;
	}
	src = wd_buf_detach(&head, &len);
	if (!src) {
		wd_error_oom(err);
		return NULL;
	}
	if (wd_buf_addf(&head, "%s/harvest/%s.yaml", h->dialogue, source) < 0) {
		free(src);	/* not the document's yet */
		wd_buf_release(&head);
		wd_error_oom(err);
		return NULL;
	}
	/* the document owns src from here on, parsed or not */
	if (wd_ydoc_parse(&f->h.doc, head.ptr, src, len, NULL, err) < 0) {
		wd_buf_release(&head);
		return NULL;
	}
	wd_buf_release(&head);
	f->is_new = 1;
	return f;
}

int wd_hctx_add(struct wd_hctx *h, const struct wd_item_new *it,
		const char *source, struct wd_buf *id, struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(0);
	struct wd_hfile *f;
	char fresh[ID_LEN + 1];
	int r = -1;

	if (it->source)
		source = it->source;
	if (!wd_id_valid(source))
		return wd_id_check(source, _("source"), err);
	f = file_for(h, source, err);
	if (!f)
		return -1;
	if (item_key(&b, it->kind, it->text) < 0)
		goto oom;
	if (wd_strvec_has(&f->keys, b.ptr)) {
		h->skipped++;
		r = 1;
		goto out;
	}
	if (wd_strvec_push(&f->keys, b.ptr) < 0)
		goto oom;
	if (new_id(h, fresh) < 0) {
		wd_error_set(err, EX_SOFTWARE, "%s", _("no free item id"));
		goto out;
	}
	wd_buf_reset(&b);
	if (item_block(h, &b, fresh, it) < 0 ||
	    wd_strvec_push(&f->pending, b.ptr) < 0 ||
	    wd_strvec_push(&h->ids, fresh) < 0)
		goto oom;
	wd_buf_reset(id);
	if (wd_buf_adds(id, fresh) < 0)
		goto oom;
	f->changed = 1;
	h->added++;
	r = 0;
	goto out;
oom:
	wd_error_oom(err);
out:
	wd_buf_release(&b);
	return r;
}

/* --- importing --- */

enum {
	C_KIND, C_TEXT, C_BY, C_PHASE, C_TABLE, C_SOURCE, C_TAGS, C_OWNER,
	C_DUE, C_STATUS, C_NEED, C_NAMED, C_ID, C_DIALOGUE, C_ROLE, C_CREATED,
	C_COUNT
};

static const struct wd_csv_col harvest_cols[C_COUNT] = {
	[C_KIND] = { "kind", { "kind", "soort" }, 1 },
	[C_TEXT] = { "text", { "text", "tekst" }, 1 },
	[C_BY] = { "by", { "by", "door", "van" }, 0 },
	[C_PHASE] = { "phase", { "phase", "fase", "ronde" }, 0 },
	[C_TABLE] = { "table", { "table", "tafel" }, 0 },
	[C_SOURCE] = { "source", { "source", "bron" }, 0 },
	[C_TAGS] = { "tags", { "tags", "labels", "trefwoorden" }, 0 },
	[C_OWNER] = { "owner", { "owner", "eigenaar", "owners", "eigenaren" }, 0 },
	[C_DUE] = { "due", { "due", "deadline", "uiterlijk" }, 0 },
	[C_STATUS] = { "status", { "status", "stand" }, 0 },
	[C_NEED] = { "need", { "need", "nodig", "wat is nodig" }, 0 },
	[C_NAMED] = { "named", { "named", "naam noemen", "genoemd" }, 0 },
	/* what list --format csv writes too: read, and left to the files */
	[C_ID] = { "id", { "id" }, 0 },
	[C_DIALOGUE] = { "dialogue", { "dialogue", "dialoog" }, 0 },
	[C_ROLE] = { "role", { "role", "rol" }, 0 },
	[C_CREATED] = { "created", { "created", "gemaakt" }, 0 },
};

static const int field_col[] = {
	[WD_IF_NONE] = C_KIND, [WD_IF_KIND] = C_KIND, [WD_IF_PHASE] = C_PHASE,
	[WD_IF_TEXT] = C_TEXT, [WD_IF_BY] = C_BY, [WD_IF_STATUS] = C_STATUS,
	[WD_IF_DUE] = C_DUE, [WD_IF_TABLE] = C_TABLE, [WD_IF_SOURCE] = C_SOURCE,
	[WD_IF_OWNER] = C_OWNER, [WD_IF_TAGS] = C_TAGS, [WD_IF_NEED] = C_NEED,
};

/* Split a comma-separated cell into the arena. */
static int split(struct wd_hctx *h, const char *cell, const char ***v,
		 size_t *n, struct wd_error *err)
{
	const char *p = cell, *e;
	size_t count = 1, i = 0;

	*v = NULL;
	*n = 0;
	if (!cell)
		return 0;
	for (e = cell; *e; e++)
		count += *e == ',' || *e == ';';
	*v = wd_arena_alloc(&h->arena, count * sizeof(**v));
	if (!*v)
		return wd_error_oom(err);
	while (*p) {
		size_t len;

		e = p + strcspn(p, ",;");
		while (p < e && *p == ' ')
			p++;
		len = (size_t)(e - p);
		while (len && p[len - 1] == ' ')
			len--;
		if (len && !((*v)[i++] = keep(h, p, len, err)))
			return -1;
		p = *e ? e + 1 : e;
	}
	*n = i;
	return 0;
}

static int row_item(struct wd_hctx *h, const struct wd_csv *c,
		    const struct wd_csv_row *row, struct wd_item_new *it,
		    struct wd_error *err)
{
	const char *const *v = row->v;
	char *end;

	memset(it, 0, sizeof(*it));
	it->kind = v[C_KIND];
	it->text = v[C_TEXT];
	it->by = v[C_BY];
	it->phase = v[C_PHASE];
	it->status = v[C_STATUS];
	it->need = v[C_NEED];
	it->due = v[C_DUE];
	it->named = -1;
	if (v[C_TABLE]) {
		it->table = strtol(v[C_TABLE], &end, 10);
		if (*end || it->table < 1 || it->table > 10000)
			return wd_csv_error(c, err, row->line, C_TABLE,
					    _("table '%s' should be a number from 1"),
					    v[C_TABLE]);
	}
	if (v[C_NAMED]) {
		static const char *const yes[] = { "yes", "ja", "true", "1", "y", "j" };
		static const char *const no[] = { "no", "nee", "false", "0", "n" };
		size_t i;

		for (i = 0; i < 6; i++)
			if (!strcasecmp(v[C_NAMED], yes[i]))
				it->named = 1;
		for (i = 0; i < 5; i++)
			if (!strcasecmp(v[C_NAMED], no[i]))
				it->named = 0;
		if (it->named < 0)
			return wd_csv_error(c, err, row->line, C_NAMED,
					    _("'%s' should be yes or no"), v[C_NAMED]);
	}
	if (v[C_SOURCE] || it->table) {
		struct wd_buf b = WD_BUF_INIT(0);

		if (wd_source_name(&b, v[C_SOURCE], it->table) < 0 ||
		    !(it->source = keep(h, wd_buf_str(&b), b.len, err))) {
			wd_buf_release(&b);
			return wd_error_oom(err);
		}
		wd_buf_release(&b);
		if (!wd_id_valid(it->source))
			return wd_csv_error(c, err, row->line, C_SOURCE,
					    _("source '%s' cannot name a file"),
					    v[C_SOURCE]);
	}
	if (split(h, v[C_TAGS], &it->tags, &it->ntags, err) < 0 ||
	    split(h, v[C_OWNER], &it->owners, &it->nowners, err) < 0)
		return -1;
	return 0;
}

int wd_harvest_import(struct wd_hctx *h, const char *data, size_t len,
		      const char *name, const char *encoding,
		      const char *source, struct wd_error *err)
{
	struct wd_item_new *items = NULL;
	struct wd_buf id = WD_BUF_INIT(0);
	struct wd_csv c;
	enum wd_ifield bad;
	struct wd_error e;
	size_t i;
	int r = -1;

	wd_csv_init(&c);
	if (wd_csv_read(&c, data, len, name, encoding, harvest_cols, C_COUNT,
			err) < 0)
		goto out;
	items = calloc(c.nrows ? c.nrows : 1, sizeof(*items));
	if (!items) {
		wd_error_oom(err);
		goto out;
	}
	/* every row first: a bad one stops the import before any change */
	for (i = 0; i < c.nrows; i++) {
		if (row_item(h, &c, &c.rows[i], &items[i], err) < 0)
			goto out;
		if (wd_hctx_check(h, &items[i], &bad, &e) < 0) {
			wd_csv_error(&c, err, c.rows[i].line, (size_t)field_col[bad],
				     "%s", e.msg);
			if (e.code == EX_OSERR)
				wd_error_copy(err, &e);
			else if (e.hint[0])
				wd_error_hint(err, "%s", e.hint);
			goto out;
		}
	}
	for (i = 0; i < c.nrows; i++)
		if (wd_hctx_add(h, &items[i], source, &id, err) < 0)
			goto out;
	r = 0;
out:
	free(items);
	wd_buf_release(&id);
	wd_csv_release(&c);
	return r;
}

/* --- following up --- */

int wd_hctx_find(const struct wd_hctx *h, const char *id, size_t *file,
		 size_t *pos)
{
	size_t i, j;

	for (i = 0; i < h->nfiles; i++)
		for (j = 0; j < h->files[i].h.n; j++)
			if (!strcmp(h->files[i].h.v[j].id, id)) {
				*file = i;
				*pos = j;
				return 0;
			}
	return -1;
}

static const struct wd_ynode *item_node(struct wd_hfile *f, const char *id)
{
	size_t i;

	for (i = 0; i < f->h.n; i++)
		if (!strcmp(f->h.v[i].id, id))
			return f->h.v[i].node;
	return NULL;
}

static int history_entry(struct wd_hctx *h, struct wd_buf *b,
			 const struct wd_item_change *ch)
{
	struct wd_buf now = WD_BUF_INIT(64);
	int r = -1;

	if (wd_time_iso(&now, h->ws->now) < 0 ||
	    wd_yemit_pair(b, "at", now.ptr, WD_YE_TYPED) < 0 ||
	    (ch->status && wd_yemit_pair(b, "status", ch->status, 0) < 0) ||
	    (ch->nowners && flow_list(b, "owner", ch->owners, ch->nowners) < 0) ||
	    (ch->due && wd_yemit_pair(b, "due", ch->due, WD_YE_TYPED) < 0) ||
	    (ch->ntags && flow_list(b, "tag", ch->tags, ch->ntags) < 0) ||
	    (ch->need && wd_yemit_pair(b, "need", ch->need, 0) < 0) ||
	    (ch->note && wd_yemit_pair(b, "note", ch->note, 0) < 0))
		goto out;
	r = 0;
out:
	wd_buf_release(&now);
	return r;
}

/* Set one key of item `id` to a scalar (or YAML text with WD_YE_RAW). */
static int set_key(struct wd_hfile *f, const char *id, const char *key,
		   const char *value, int flags, struct wd_error *err)
{
	if (wd_yedit_map_set(&f->h.doc, item_node(f, id), key, value, flags,
			     err) < 0)
		return -1;
	return file_read(f, err);
}

static int set_list(struct wd_hfile *f, const char *id, const char *key,
		    const char **v, size_t n, struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(0);
	int r;

	if (wd_yemit_flow_seq(&b, v, n) < 0)
		return wd_error_oom(err);
	r = set_key(f, id, key, b.ptr, WD_YE_RAW, err);
	wd_buf_release(&b);
	return r;
}

/* Add the tags the item does not have yet, in the list's own style. */
static int add_tags(struct wd_hfile *f, const char *id,
		    const struct wd_item_change *ch, struct wd_error *err)
{
	size_t i, j;

	for (i = 0; i < ch->ntags; i++) {
		const struct wd_ynode *t = wd_ymap_get(item_node(f, id), "tags");
		const char *both[2];

		if (!t || wd_ynode_is_null(t)) {
			if (set_list(f, id, "tags", &ch->tags[i], 1, err) < 0)
				return -1;
			continue;
		}
		if (t->type == WD_YSCALAR) {
			if (!strcmp(t->s, ch->tags[i]))
				continue;
			both[0] = t->s;
			both[1] = ch->tags[i];
			if (set_list(f, id, "tags", both, 2, err) < 0)
				return -1;
			continue;
		}
		for (j = 0; j < t->n; j++)
			if (t->items[j]->type == WD_YSCALAR &&
			    !strcmp(t->items[j]->s, ch->tags[i]))
				break;
		if (j < t->n)
			continue;
		if (wd_yedit_seq_append(&f->h.doc, item_node(f, id), "tags",
					ch->tags[i], 1, err) < 0 ||
		    file_read(f, err) < 0)
			return -1;
	}
	return 0;
}

static int scalar_is(const struct wd_ynode *n, const char *s)
{
	return n && n->type == WD_YSCALAR && !strcmp(n->s, s);
}

int wd_hctx_set(struct wd_hctx *h, const char *id,
		struct wd_item_change *ch, struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(0);
	struct wd_hfile *f;
	size_t fi, pos, i;
	int r = -1;

	if (wd_hctx_find(h, id, &fi, &pos) < 0) {
		for (i = 0; i < h->nfiles; i++)
			if (h->files[i].broken)
				return wd_error_copy(err, &h->files[i].problem);
		return wd_error_set(err, EX_DATAERR, _("no item '%s' in '%s'"),
				    id, h->dialogue);
	}
	f = &h->files[fi];
	if ((ch->note && wd_text_check(ch->note, 0, "--note", err) < 0) ||
	    (ch->need && wd_text_check(ch->need, 0, "--need", err) < 0))
		return -1;
	if (ch->status && word(WD_V_STATUS, &ch->status, err) < 0)
		return -1;
	if (ch->due && due_date(h, &ch->due, err) < 0)
		return -1;
	for (i = 0; i < ch->nowners; i++)
		if (person(h, &ch->owners[i], err) < 0)
			return -1;
	if (tags(h, ch->tags, ch->ntags, err) < 0)
		return -1;
	ch->same = ch->status && !ch->note && !ch->due && !ch->need &&
		   !ch->nowners && !ch->ntags &&
		   scalar_is(wd_ymap_get(item_node(f, id), "status"), ch->status);
	if (ch->same)
		return 0;	/* no history entry saying nothing happened */
	if ((ch->status && set_key(f, id, "status", ch->status, 0, err) < 0) ||
	    (ch->due && set_key(f, id, "due", ch->due, WD_YE_TYPED, err) < 0) ||
	    (ch->need && set_key(f, id, "need", ch->need, 0, err) < 0) ||
	    (ch->nowners &&
	     set_list(f, id, "owner", ch->owners, ch->nowners, err) < 0) ||
	    add_tags(f, id, ch, err) < 0)
		goto out;
	if (history_entry(h, &b, ch) < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (wd_yedit_seq_append(&f->h.doc, item_node(f, id), "history", b.ptr,
				0, err) < 0 ||
	    file_read(f, err) < 0)
		goto out;
	f->changed = 1;
	r = 0;
out:
	wd_buf_release(&b);
	return r;
}

/* --- writing --- */

/* Write one harvest file (making harvest/ for a new one). */
static int write_file(struct wd_hctx *h, struct wd_undo *undo,
		      struct wd_hfile *f, const char *rel,
		      struct wd_error *err)
{
	if (f->is_new) {
		struct wd_buf dir = WD_BUF_INIT(0);
		int d;

		if (wd_buf_addf(&dir, "%s/%s/harvest", h->ws->root,
				h->dialogue) < 0)
			return wd_error_oom(err);
		d = wd_store_mkdir(dir.ptr, "harvest", 0755, err);
		wd_buf_release(&dir);
		if (d < 0)
			return -1;
	}
	return wd_undo_write(undo, rel, f->h.doc.src, f->h.doc.len, 0644, err);
}

/*
 * Write every changed file; when one fails, the ones written before it
 * are put back (an import is all or nothing, on a full disk too).
 */
int wd_hctx_write(struct wd_hctx *h,
		  int (*show)(void *ctx, const char *rel, const char *text),
		  void *ctx, struct wd_error *err)
{
	struct wd_buf rel = WD_BUF_INIT(0);
	struct wd_undo undo;
	size_t i;
	int r = -1;

	wd_undo_init(&undo, h->ws);
	/* people first: then every id an item names exists at every moment */
	if (h->people_changed) {
		if (wd_buf_addf(&rel, "%s/people.yaml", h->dialogue) < 0)
			goto oom;
		if (show ? show(ctx, rel.ptr, h->people.doc.src) < 0 :
		    wd_undo_write(&undo, rel.ptr, h->people.doc.src,
				  h->people.doc.len, 0644, err) < 0)
			goto out;
	}
	for (i = 0; i < h->nfiles; i++) {
		struct wd_hfile *f = &h->files[i];

		if (!f->changed)
			continue;
		if (f->pending.n &&
		    wd_yedit_seq_append_many(&f->h.doc, NULL, "items",
					     (const char *const *)f->pending.v,
					     f->pending.n, 0, err) < 0)
			goto out;
		wd_strvec_release(&f->pending);
		if (rel_of(&rel, h->dialogue, f->source) < 0)
			goto oom;
		if (show) {
			if (show(ctx, rel.ptr, f->h.doc.src) < 0)
				goto out;
			continue;
		}
		if (write_file(h, &undo, f, rel.ptr, err) < 0)
			goto out;
	}
	for (i = 0; i < h->nfiles; i++)
		if (!show && h->files[i].changed)
			h->files[i].changed = h->files[i].is_new = 0;
	r = 0;
	goto out;
oom:
	wd_error_oom(err);
out:
	if (r < 0)
		wd_undo_rollback(&undo);
	wd_undo_release(&undo);
	wd_buf_release(&rel);
	return r;
}

int wd_index_item_dialogues(struct wd_index *ix, const char *id,
			    struct wd_strvec *out, struct wd_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(ix->db, "SELECT DISTINCT dialogue FROM item"
			       " WHERE id = ? ORDER BY dialogue", -1, &st,
			       NULL) != SQLITE_OK)
		return wd_index_error(ix, err, _("cannot read"));
	if (sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC) != SQLITE_OK) {
		sqlite3_finalize(st);
		return wd_index_error(ix, err, _("cannot read"));
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *d = (const char *)sqlite3_column_text(st, 0);

		if (d && wd_strvec_push(out, d) < 0) {
			sqlite3_finalize(st);
			return wd_error_oom(err);
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return wd_index_error(ix, err, _("cannot read"));
	return 0;
}

/* --- listing --- */

static const struct wd_col list_cols[] = {
	{ "dialogue", N_("dialogue"), WD_COL_TEXT },
	{ "source", N_("source"), WD_COL_TEXT },
	{ "id", N_("id"), WD_COL_TEXT },
	{ "kind", N_("kind"), WD_COL_TEXT },
	{ "phase", N_("phase"), WD_COL_TEXT },
	{ "text", N_("text"), WD_COL_TEXT },
	{ "by", N_("by"), WD_COL_TEXT },
	{ "role", N_("role"), WD_COL_TEXT },
	{ "table", N_("table"), WD_COL_NUMBER },
	{ "tags", N_("tags"), WD_COL_LIST },
	{ "owner", N_("owner"), WD_COL_LIST },
	{ "due", N_("due"), WD_COL_TEXT },
	{ "status", N_("status"), WD_COL_TEXT },
	{ "need", N_("need"), WD_COL_TEXT },
	{ "named", N_("named"), WD_COL_BOOL },
	{ "created", N_("created"), WD_COL_TEXT },
};
#define NLIST (sizeof(list_cols) / sizeof(*list_cols))

/* The table for reading: fewer columns, words and headers in `lang`. */
static const struct {
	int col;
	const char *nl, *en;
} table_cols[] = {
	{ 0, "dialoog", "dialogue" }, { 2, "id", "id" },
	{ 3, "soort", "kind" }, { 5, "tekst", "text" },
	{ 10, "eigenaar", "owner" }, { 11, "deadline", "due" },
	{ 12, "status", "status" },
};
#define NTABLE (sizeof(table_cols) / sizeof(*table_cols))

static const char list_sql[] =
	"SELECT i.dialogue, i.source, i.id, i.kind, i.phase, i.text, i.by,"
	" i.role, i.\"table\", i.tags, i.owner, i.due, i.status, i.need,"
	" i.named, i.created FROM item i"
	" WHERE (?1 IS NULL OR i.dialogue = ?1)"
	" AND (?2 IS NULL OR instr(',' || ?2 || ',', ',' || i.kind || ',') > 0)"
	" AND (?3 IS NULL OR i.phase = ?3)"
	" AND (?4 IS NULL OR instr(',' || ?4 || ',', ',' || i.status || ',') > 0)"
	" AND (?5 IS NULL OR i.\"table\" = ?5)"
	" AND (?6 IS NULL OR EXISTS (SELECT 1 FROM item_tag t"
	"  WHERE t.file = i.file AND t.item = i.id AND t.tag = ?6 COLLATE NOCASE))"
	" AND (?7 IS NULL OR EXISTS (SELECT 1 FROM item_owner o"
	"  WHERE o.file = i.file AND o.item = i.id AND (o.person = ?7"
	"  OR " WD_SQL_PERSON_IS("o.person", "8")
	"  OR o.person IN (SELECT p.id FROM person p WHERE p.dialogue = i.dialogue"
	"  AND p.name = ?7 COLLATE NOCASE))))"
	" ORDER BY i.dialogue, i.source, i.pos";

static int bind_opt(sqlite3_stmt *st, int i, const char *v)
{
	return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC) :
		   sqlite3_bind_null(st, i);
}

int wd_harvest_list(struct wd_index *ix, const struct wd_item_filter *f,
		    enum wd_format fmt, const char *lang, wd_write_fn write,
		    void *ctx, size_t *count, struct wd_error *err)
{
	struct wd_col tcols[NTABLE];
	const char *v[NLIST], *tv[NTABLE];
	int en = lang && !strcmp(lang, "en");
	struct wd_buf slug = WD_BUF_INIT(0);
	sqlite3_stmt *st = NULL;
	struct wd_out o;
	size_t i;
	int rc, r = -1;

	*count = 0;
	for (i = 0; i < NTABLE; i++) {
		tcols[i] = list_cols[table_cols[i].col];
		tcols[i].label = en ? table_cols[i].en : table_cols[i].nl;
	}
	if (fmt == WD_FMT_TABLE)
		wd_out_begin(&o, fmt, tcols, NTABLE, write, ctx);
	else
		wd_out_begin(&o, fmt, list_cols, NLIST, write, ctx);
	if (f->owner &&
	    wd_index_person_filter(ix, f->dialogue, f->owner, &slug, err) < 0)
		goto out;
	if (sqlite3_prepare_v2(ix->db, list_sql, -1, &st, NULL) != SQLITE_OK ||
	    bind_opt(st, 1, f->dialogue) || bind_opt(st, 2, f->kind) ||
	    bind_opt(st, 3, f->phase) || bind_opt(st, 4, f->status) ||
	    (f->table ? sqlite3_bind_int64(st, 5, f->table) :
	     sqlite3_bind_null(st, 5)) ||
	    bind_opt(st, 6, f->tag) || bind_opt(st, 7, f->owner) ||
	    sqlite3_bind_text(st, 8, wd_buf_str(&slug), -1, SQLITE_STATIC)) {
		wd_index_error(ix, err, _("cannot read"));
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < NLIST; i++)
			v[i] = (const char *)sqlite3_column_text(st, (int)i);
		if (fmt == WD_FMT_TABLE) {
			for (i = 0; i < NTABLE; i++)
				tv[i] = v[table_cols[i].col];
			tv[2] = wd_vocab_label(WD_V_KIND, tv[2], lang);
			tv[6] = tv[6] ? wd_vocab_label(WD_V_STATUS, tv[6], lang) : NULL;
			rc = wd_out_row(&o, tv);
		} else {
			rc = wd_out_row(&o, v);
		}
		if (rc < 0) {
			wd_error_sys(err, EX_IOERR, NULL, _("cannot write"));
			goto out;
		}
		(*count)++;
	}
	if (rc != SQLITE_DONE) {
		wd_index_error(ix, err, _("cannot read"));
		goto out;
	}
	if (wd_out_end(&o, NULL) < 0) {
		wd_error_sys(err, EX_IOERR, NULL, _("cannot write"));
		goto out;
	}
	r = 0;
out:
	sqlite3_finalize(st);
	wd_out_release(&o);
	wd_buf_release(&slug);
	return r;
}

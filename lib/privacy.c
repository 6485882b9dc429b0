/* privacy.c - the rights of the people in a workspace: access, erasure, retention */
#include "privacy.h"
#include "dialogue.h"
#include "i18n.h"
#include "index.h"
#include "item.h"
#include "out.h"
#include "people.h"
#include "slug.h"
#include "store.h"
#include "utf8.h"
#include "yedit.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_FILE ((size_t)32 << 20)

void wd_who_init(struct wd_who *w)
{
	memset(w, 0, sizeof(*w));
}

void wd_who_release(struct wd_who *w)
{
	size_t i;

	wd_strvec_release(&w->ids);
	wd_strvec_release(&w->names);
	wd_strvec_release(&w->emails);
	wd_strvec_release(&w->found);
	wd_strvec_release(&w->dialogues);
	for (i = 0; i < w->n; i++) {
		free(w->v[i].file);
		free(w->v[i].dialogue);
		free(w->v[i].yaml);
		free(w->v[i].json);
	}
	free(w->v);
	wd_who_init(w);
}

/* --- a YAML node as YAML and as JSON --- */

static int spaces(struct wd_buf *b, unsigned n)
{
	while (n--)
		if (wd_buf_addc(b, ' ') < 0)
			return -1;
	return 0;
}

static int yaml_scalar(struct wd_buf *b, const struct wd_ynode *n)
{
	if (wd_ynode_is_null(n))
		return wd_buf_addc(b, '~');
	return wd_yemit_scalar(b, n->s, n->style == WD_YPLAIN ? WD_YE_TYPED : 0);
}

static int yaml_node(struct wd_buf *b, const struct wd_ynode *n,
		     unsigned ind);

/* The value of a pair or list item after "key:" or "-". */
static int yaml_value(struct wd_buf *b, const struct wd_ynode *v,
		      unsigned ind, int in_seq)
{
	if (v->type == WD_YSCALAR) {
		if (wd_buf_addc(b, ' ') < 0 || yaml_scalar(b, v) < 0)
			return -1;
		return wd_buf_addc(b, '\n');
	}
	if (!v->n)
		return wd_buf_adds(b, v->type == WD_YMAP ? " {}\n" : " []\n");
	if (in_seq && v->type == WD_YMAP) {
		/* "- key: value" with the rest below it */
		struct wd_buf sub = WD_BUF_INIT(0);
		int r;

		r = yaml_node(&sub, v, ind + 2);
		if (r == 0)
			r = wd_buf_addc(b, ' ') < 0 ? -1 :
			    wd_buf_adds(b, wd_buf_str(&sub) + ind + 2);
		wd_buf_release(&sub);
		return r;
	}
	if (wd_buf_addc(b, '\n') < 0)
		return -1;
	return yaml_node(b, v, in_seq ? ind + 2 : ind + 2);
}

static int yaml_node(struct wd_buf *b, const struct wd_ynode *n, unsigned ind)
{
	size_t i;

	if (n->type == WD_YSCALAR) {
		if (spaces(b, ind) < 0 || yaml_scalar(b, n) < 0)
			return -1;
		return wd_buf_addc(b, '\n');
	}
	for (i = 0; i < n->n; i++) {
		if (spaces(b, ind) < 0)
			return -1;
		if (n->type == WD_YMAP) {
			if (yaml_scalar(b, n->items[2 * i]) < 0 ||
			    wd_buf_addc(b, ':') < 0 ||
			    yaml_value(b, n->items[2 * i + 1], ind, 0) < 0)
				return -1;
		} else if (wd_buf_addc(b, '-') < 0 ||
			   yaml_value(b, n->items[i], ind, 1) < 0) {
			return -1;
		}
	}
	return 0;
}

static int is_int(const char *s)
{
	if (*s == '-')
		s++;
	if (!*s || (*s == '0' && s[1]))
		return 0;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return 0;
	return 1;
}

static int json_node(struct wd_buf *b, const struct wd_ynode *n, unsigned ind)
{
	size_t i, count = n->type == WD_YSCALAR ? 0 : n->n;

	if (n->type == WD_YSCALAR) {
		if (wd_ynode_is_null(n))
			return wd_buf_adds(b, "null");
		if (n->style == WD_YPLAIN && (!strcmp(n->s, "true") ||
					      !strcmp(n->s, "false") ||
					      (is_int(n->s) && n->len < 16)))
			return wd_buf_adds(b, n->s);
		return wd_json_string(b, n->s);
	}
	if (!count)
		return wd_buf_adds(b, n->type == WD_YMAP ? "{}" : "[]");
	if (wd_buf_addc(b, n->type == WD_YMAP ? '{' : '[') < 0)
		return -1;
	for (i = 0; i < count; i++) {
		if ((i && wd_buf_addc(b, ',') < 0) || wd_buf_addc(b, '\n') < 0 ||
		    spaces(b, ind + 2) < 0)
			return -1;
		if (n->type == WD_YMAP) {
			if (wd_json_string(b, n->items[2 * i]->s) < 0 ||
			    wd_buf_adds(b, ": ") < 0 ||
			    json_node(b, n->items[2 * i + 1], ind + 2) < 0)
				return -1;
		} else if (json_node(b, n->items[i], ind + 2) < 0) {
			return -1;
		}
	}
	if (wd_buf_addc(b, '\n') < 0 || spaces(b, ind) < 0)
		return -1;
	return wd_buf_addc(b, n->type == WD_YMAP ? '}' : ']');
}

/* --- who is meant --- */

static int fold(struct wd_buf *b, const char *s)
{
	wd_buf_reset(b);
	if (wd_utf8_fold(b, s) < 0)
		return -1;
	if (b->len)
		return 0;
	return wd_buf_addc(b, '\x01') < 0 ? -1 : wd_buf_adds(b, s);
}

/* Whether `name` is one of `names` (folded). */
static int has_name(const struct wd_strvec *names, const char *name,
		    int *yes)
{
	struct wd_buf a = WD_BUF_INIT(0), b = WD_BUF_INIT(0);
	size_t i;
	int r = 0;

	*yes = 0;
	if (fold(&a, name) < 0)
		r = -1;
	for (i = 0; r == 0 && !*yes && i < names->n; i++) {
		if (fold(&b, names->v[i]) < 0)
			r = -1;
		else
			*yes = !strcmp(a.ptr, b.ptr);
	}
	wd_buf_release(&a);
	wd_buf_release(&b);
	return r;
}

static int has_ci(const struct wd_strvec *v, const char *s)
{
	size_t i;

	for (i = 0; s && i < v->n; i++)
		if (!strcasecmp(v->v[i], s))
			return 1;
	return 0;
}

struct dl {
	char *id;
	struct wd_people pp;
	struct wd_contacts cc;
};

struct scan {
	struct wd_ws *ws;
	struct dl *d;
	size_t n;
};

static void scan_release(struct scan *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->d[i].id);
		wd_people_release(&s->d[i].pp);
		wd_contacts_release(&s->d[i].cc);
	}
	free(s->d);
	s->d = NULL;
	s->n = 0;
}

static int scan_load(struct scan *s, struct wd_ws *ws, struct wd_error *err)
{
	struct wd_strvec ids = WD_STRVEC_INIT;
	struct wd_diag diag;
	size_t i;
	int r = -1;

	s->ws = ws;
	if (wd_ws_dialogues(ws, &ids, err) < 0)
		return -1;
	s->d = calloc(ids.n ? ids.n : 1, sizeof(*s->d));
	if (!s->d) {
		wd_error_oom(err);
		goto out;
	}
	wd_diag_init(&diag, err, NULL);
	for (i = 0; i < ids.n; i++) {
		struct dl *d = &s->d[s->n++];

		wd_people_init(&d->pp);
		wd_contacts_init(&d->cc);
		d->id = strdup(ids.v[i]);
		if (!d->id) {
			wd_error_oom(err);
			goto out;
		}
		if (wd_people_load(&d->pp, ws, d->id, &diag) < 0 ||
		    wd_contacts_load(&d->cc, ws, d->id, &diag) < 0) {
			wd_error_hint(err, "%s",
				      _("fix the file first ('wd-report check' lists every problem): nobody can be found for certain in a file that cannot be read"));
			goto out;
		}
	}
	r = 0;
out:
	wd_strvec_release(&ids);
	return r;
}

static const char *email_of(const struct dl *d, const char *id)
{
	const struct wd_contact *c = wd_contacts_find(&d->cc, id);

	return c ? c->email : NULL;
}

static int add_unique(struct wd_strvec *v, const char *s, int ci, int *added)
{
	if (!s || (ci ? has_ci(v, s) : wd_strvec_has(v, s)))
		return 0;
	*added = 1;
	return wd_strvec_push(v, s);
}

/* Person p of dialogue d is one of those meant. */
static int take(struct wd_who *w, const struct dl *d, const struct wd_person *p)
{
	struct wd_buf key = WD_BUF_INIT(0);
	int r = 0;

	if (wd_buf_addf(&key, "%s/%s", d->id, p->id) < 0)
		r = -1;
	else if (!wd_strvec_has(&w->found, key.ptr))
		r = wd_strvec_push(&w->found, key.ptr) < 0 ||
		    wd_strvec_push(&w->dialogues, d->id) < 0 ? -1 : 0;
	wd_buf_release(&key);
	return r;
}

/*
 * Who in dialogue d is meant (into w->found); one round of widening the
 * sets.  Those found by id or e-mail address first: only when there are
 * none, one found by name.
 */
static int match_dialogue(struct wd_who *w, struct dl *d, const char *query,
			  int *added, struct wd_error *err)
{
	const struct wd_person *weak[2] = { NULL, NULL };
	size_t i, nweak = 0, nstrong = 0;
	int yes;

	for (i = 0; i < d->pp.n; i++) {
		const struct wd_person *p = &d->pp.v[i];

		if (wd_strvec_has(&w->ids, p->id) ||
		    has_ci(&w->emails, email_of(d, p->id)))
			nstrong++;
	}
	for (i = 0; i < d->pp.n; i++) {
		const struct wd_person *p = &d->pp.v[i];
		int strong = wd_strvec_has(&w->ids, p->id) ||
			     has_ci(&w->emails, email_of(d, p->id));

		if (!strong) {
			if (nstrong || has_name(&w->names, p->name, &yes) < 0)
				continue;
			if (!yes)
				continue;
			if (nweak < 2)
				weak[nweak] = p;
			nweak++;
			continue;
		}
		if (add_unique(&w->ids, p->id, 0, added) < 0 ||
		    add_unique(&w->names, p->name, 1, added) < 0 ||
		    add_unique(&w->emails, email_of(d, p->id), 1, added) < 0 ||
		    take(w, d, p) < 0)
			return wd_error_oom(err);
	}
	if (nweak > 1)
		return wd_error_set(err, EX_DATAERR,
				    _("'%s' could be '%s' or '%s' in '%s'; say which by id"),
				    query, weak[0]->id, weak[1]->id, d->id);
	if (nweak == 1 &&
	    (add_unique(&w->ids, weak[0]->id, 0, added) < 0 ||
	     add_unique(&w->names, weak[0]->name, 1, added) < 0 ||
	     add_unique(&w->emails, email_of(d, weak[0]->id), 1, added) < 0 ||
	     take(w, d, weak[0]) < 0))
		return wd_error_oom(err);
	return 0;
}

/* Whether person p of dialogue d is one of those meant. */
static int meant(const struct wd_who *w, const struct dl *d,
		 const struct wd_person *p)
{
	struct wd_buf key = WD_BUF_INIT(0);
	size_t i;
	int r = 0;

	if (wd_buf_addf(&key, "%s/%s", d->id, p->id) < 0)
		return 0;
	for (i = 0; i < w->found.n && !r; i++)
		r = !strcmp(w->found.v[i], key.ptr);
	wd_buf_release(&key);
	return r;
}

static int who_is_meant(struct wd_who *w, struct scan *s, const char *query,
			struct wd_error *err)
{
	int added = 1, rounds;
	size_t i, j;

	if (wd_strvec_push(&w->names, query) < 0 ||
	    (wd_id_valid(query) && wd_strvec_push(&w->ids, query) < 0) ||
	    (strchr(query, '@') && wd_strvec_push(&w->emails, query) < 0))
		return wd_error_oom(err);
	for (rounds = 0; added && rounds < 8; rounds++) {
		/* the last round, with the sets complete, says who */
		wd_strvec_release(&w->found);
		wd_strvec_release(&w->dialogues);
		added = 0;
		for (i = 0; i < s->n; i++)
			if (match_dialogue(w, &s->d[i], query, &added, err) < 0)
				return -1;
	}
	if (!w->found.n) {
		const char **cand;
		const char *hint = NULL;
		size_t n = 0;

		for (i = 0; i < s->n; i++)
			n += s->d[i].pp.n;
		cand = malloc((n ? n : 1) * 2 * sizeof(*cand));
		if (cand) {
			n = 0;
			for (i = 0; i < s->n; i++)
				for (j = 0; j < s->d[i].pp.n; j++) {
					cand[n++] = s->d[i].pp.v[j].id;
					cand[n++] = s->d[i].pp.v[j].name;
				}
			hint = wd_closest(query, cand, n);
		}
		if (hint)
			wd_error_set(err, EX_DATAERR,
				     _("nobody '%s' in this workspace (did you mean '%s'?)"),
				     query, hint);
		else
			wd_error_set(err, EX_DATAERR,
				     _("nobody '%s' in this workspace"), query);
		free(cand);
		return -1;
	}
	return 0;
}

/* --- what is held on them --- */

static int add_trace(struct wd_who *w, const char *file, const char *dialogue,
		     const char *what, const struct wd_ynode *node,
		     const char *text, unsigned line, struct wd_error *err)
{
	struct wd_trace *t;
	struct wd_buf y = WD_BUF_INIT(0), j = WD_BUF_INIT(0);

	if (w->n == w->alloc) {
		size_t na = w->alloc ? w->alloc * 2 : 16;
		struct wd_trace *v = realloc(w->v, na * sizeof(*v));

		if (!v)
			return wd_error_oom(err);
		w->v = v;
		w->alloc = na;
	}
	if (node) {
		if (node->type == WD_YSCALAR ?
		    yaml_scalar(&y, node) < 0 || wd_buf_addc(&y, '\n') < 0 :
		    yaml_node(&y, node, 0) < 0)
			goto oom;
		if (json_node(&j, node, 0) < 0)
			goto oom;
	} else if (wd_yemit_scalar(&y, text, 0) < 0 || wd_buf_addc(&y, '\n') < 0 ||
		   wd_json_string(&j, text) < 0) {
		goto oom;
	}
	t = &w->v[w->n];
	memset(t, 0, sizeof(*t));
	t->what = what;
	t->line = node ? node->line : line;
	t->start = node ? node->start : 0;
	t->end = node ? node->end : 0;
	t->file = strdup(file);
	t->dialogue = strdup(dialogue);
	t->yaml = wd_buf_detach(&y, NULL);
	t->json = wd_buf_detach(&j, NULL);
	if (!t->file || !t->dialogue || !t->yaml || !t->json) {
		free(t->file);
		free(t->dialogue);
		free(t->yaml);
		free(t->json);
		goto oom;
	}
	w->n++;
	w->mentions += !strcmp(what, "mention");
	return 0;
oom:
	wd_buf_release(&y);
	wd_buf_release(&j);
	return wd_error_oom(err);
}

/* Whether the list or value at `key` of map m holds one of `ids`. */
static int lists(const struct wd_ynode *m, const char *key,
		 const struct wd_strvec *ids)
{
	const struct wd_ynode *v = wd_ymap_get(m, key);
	size_t i;

	if (!v)
		return 0;
	if (v->type == WD_YSCALAR)
		return wd_strvec_has(ids, v->s);
	if (v->type != WD_YSEQ)
		return 0;
	for (i = 0; i < v->n; i++)
		if (v->items[i]->type == WD_YSCALAR &&
		    wd_strvec_has(ids, v->items[i]->s))
			return 1;
	return 0;
}

static int owns(const struct wd_ynode *it, const struct wd_strvec *ids)
{
	const struct wd_ynode *h = wd_ymap_get(it, "history");
	size_t i;

	if (lists(it, "owner", ids))
		return 1;
	for (i = 0; h && h->type == WD_YSEQ && i < h->n; i++)
		if (h->items[i]->type == WD_YMAP && lists(h->items[i], "owner", ids))
			return 1;
	return 0;
}

/*
 * Whether contact entry c of dialogue d is of someone meant who is not
 * (any more) in its people.yaml: an id or e-mail address found.
 */
static int orphan_meant(const struct wd_who *w, const struct dl *d,
			const struct wd_contact *c)
{
	return !wd_people_find(&d->pp, c->id) &&
	       (wd_strvec_has(&w->ids, c->id) || has_ci(&w->emails, c->email));
}

/* The ids of the people meant in dialogue d. */
static int local_ids(const struct wd_who *w, const struct dl *d,
		     struct wd_strvec *out)
{
	size_t i;

	for (i = 0; i < d->pp.n; i++)
		if (meant(w, d, &d->pp.v[i]) &&
		    wd_strvec_push(out, d->pp.v[i].id) < 0)
			return -1;
	return 0;
}

/* Harvest files of a dialogue: "d/harvest/x.yaml", sorted. */
static int harvest_files(struct wd_ws *ws, const char *dialogue,
			 struct wd_strvec *out, struct wd_error *err)
{
	struct wd_buf p = WD_BUF_INIT(0);
	struct dirent *e;
	DIR *dir;
	int r;

	if (wd_buf_addf(&p, "%s/%s/harvest", ws->root, dialogue) < 0)
		return wd_error_oom(err);
	/* out of memory is no "no harvest": the person's words would stay */
	r = wd_store_opendir(p.ptr, p.ptr + strlen(ws->root) + 1, &dir, err);
	wd_buf_release(&p);
	if (!dir)
		return r;
	while ((e = readdir(dir))) {
		struct wd_buf rel = WD_BUF_INIT(0);

		if (!wd_harvest_file_name(e->d_name))
			continue;
		r = wd_buf_addf(&rel, "%s/harvest/%s", dialogue, e->d_name) < 0 ||
		    wd_strvec_push(out, rel.ptr) < 0;
		wd_buf_release(&rel);
		if (r) {
			closedir(dir);
			return wd_error_oom(err);
		}
	}
	closedir(dir);
	wd_strvec_sort(out);
	return 0;
}

static int load_doc(struct wd_ws *ws, const char *rel, struct wd_ydoc *doc,
		    struct wd_error *err)
{
	struct wd_buf p = WD_BUF_INIT(0);
	int r;

	if (wd_ws_join(ws, &p, rel) < 0)
		return wd_error_oom(err);
	r = wd_ydoc_load(doc, p.ptr, rel, NULL, err);
	wd_buf_release(&p);
	return r;
}

static const struct wd_ynode *seq_of(const struct wd_ydoc *doc,
				     const char *key)
{
	const struct wd_ynode *s;

	if (!doc->root || doc->root->type != WD_YMAP)
		return NULL;
	s = wd_ymap_get(doc->root, key);
	return s && s->type == WD_YSEQ ? s : NULL;
}

static int trace_harvest(struct wd_who *w, struct wd_ws *ws, const struct dl *d,
			 const struct wd_strvec *ids, struct wd_error *err)
{
	struct wd_strvec files = WD_STRVEC_INIT;
	size_t f, i;
	int r = -1;

	if (harvest_files(ws, d->id, &files, err) < 0)
		return -1;
	for (f = 0; f < files.n; f++) {
		struct wd_ydoc doc;
		const struct wd_ynode *items;

		wd_ydoc_init(&doc);
		if (load_doc(ws, files.v[f], &doc, err) < 0) {
			wd_ydoc_release(&doc);
			goto out;
		}
		items = seq_of(&doc, "items");
		for (i = 0; items && i < items->n; i++) {
			const struct wd_ynode *it = items->items[i];
			const char *what = NULL;

			if (it->type != WD_YMAP)
				continue;
			if (lists(it, "by", ids))
				what = "author";
			else if (owns(it, ids))
				what = "owner";
			if (what && add_trace(w, files.v[f], d->id, what, it, NULL, 0,
					      err) < 0) {
				wd_ydoc_release(&doc);
				goto out;
			}
		}
		wd_ydoc_release(&doc);
	}
	r = 0;
out:
	wd_strvec_release(&files);
	return r;
}

static int named_in(const struct wd_ynode *v, const struct wd_strvec *names,
		    size_t *at)
{
	size_t i;
	int yes;

	if (!v)
		return 0;
	if (v->type == WD_YSCALAR) {
		*at = (size_t)-1;
		return !wd_ynode_is_null(v) && has_name(names, v->s, &yes) == 0 &&
		       yes;
	}
	if (v->type != WD_YSEQ)
		return 0;
	for (i = 0; i < v->n; i++)
		if (v->items[i]->type == WD_YSCALAR &&
		    has_name(names, v->items[i]->s, &yes) == 0 && yes) {
			*at = i;
			return 1;
		}
	return 0;
}

static int trace_dialogue(struct wd_who *w, struct wd_ws *ws, const char *id,
			  struct wd_error *err)
{
	static const char *const keys[2] = { "hosts", "initiators" };
	static const char *const what[2] = { "host", "initiator" };
	struct wd_buf rel = WD_BUF_INIT(0);
	struct wd_ydoc doc;
	int k, r = -1;

	wd_ydoc_init(&doc);
	if (wd_buf_addf(&rel, "%s/dialogue.yaml", id) < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (load_doc(ws, rel.ptr, &doc, err) < 0)
		goto out;
	for (k = 0; k < 2 && doc.root && doc.root->type == WD_YMAP; k++) {
		const struct wd_ynode *v = wd_ymap_get(doc.root, keys[k]);
		size_t i;

		if (!v)
			continue;
		if (v->type == WD_YSCALAR) {
			if (named_in(v, &w->names, &i) &&
			    add_trace(w, rel.ptr, id, what[k], v, NULL, 0, err) < 0)
				goto out;
			continue;
		}
		for (i = 0; v->type == WD_YSEQ && i < v->n; i++) {
			size_t at;

			if (named_in(v->items[i], &w->names, &at) &&
			    add_trace(w, rel.ptr, id, what[k], v->items[i], NULL, 0,
				      err) < 0)
				goto out;
		}
	}
	r = 0;
out:
	wd_buf_release(&rel);
	wd_ydoc_release(&doc);
	return r;
}

/* --- mentions anywhere in the files --- */

static const char *find_ci(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;

	if (!n || n > len)
		return NULL;
	for (i = 0; i + n <= len; i++)
		if (!strncasecmp(hay + i, needle, n))
			return hay + i;
	return NULL;
}

/* The files a dialogue folder holds (and those of its harvest/). */
static int folder_files(struct wd_ws *ws, const char *dialogue,
			struct wd_strvec *out, struct wd_error *err)
{
	static const char *const sub[2] = { "", "/harvest" };
	struct wd_buf p = WD_BUF_INIT(0), rel = WD_BUF_INIT(0);
	int k, r = 0;

	for (k = 0; k < 2 && r == 0; k++) {
		struct dirent *e;
		DIR *dir;

		wd_buf_reset(&p);
		if (wd_buf_addf(&p, "%s/%s%s", ws->root, dialogue, sub[k]) < 0) {
			r = wd_error_oom(err);
			break;
		}
		r = wd_store_opendir(p.ptr, p.ptr + strlen(ws->root) + 1, &dir,
				     err);
		if (!dir)
			continue;
		while (r == 0 && (e = readdir(dir))) {
			struct stat st;

			if (e->d_name[0] == '.')
				continue;
			wd_buf_reset(&rel);
			if (wd_buf_addf(&rel, "%s%s/%s", dialogue, sub[k], e->d_name) < 0) {
				r = wd_error_oom(err);
				break;
			}
			wd_buf_reset(&p);
			if (wd_ws_join(ws, &p, rel.ptr) < 0) {
				r = wd_error_oom(err);
				break;
			}
			if (lstat(p.ptr, &st) < 0 || !S_ISREG(st.st_mode))
				continue;
			if (wd_strvec_push(out, rel.ptr) < 0)
				r = wd_error_oom(err);
		}
		closedir(dir);
	}
	wd_buf_release(&p);
	wd_buf_release(&rel);
	return r;
}

static int workspace_files(struct wd_ws *ws, struct wd_strvec *out,
			   struct wd_error *err)
{
	struct wd_strvec ids = WD_STRVEC_INIT;
	size_t i;
	int r = 0;

	if (wd_strvec_push(out, WD_WS_FILE) < 0)
		return wd_error_oom(err);
	if (wd_ws_dialogues(ws, &ids, err) < 0)
		return -1;
	for (i = 0; i < ids.n && r == 0; i++)
		r = folder_files(ws, ids.v[i], out, err);
	wd_strvec_release(&ids);
	wd_strvec_sort(out);
	return r;
}

/* Whether [a, b) of `file` is part of a record already traced. */
static int traced(const struct wd_who *w, const char *file, size_t a, size_t b)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (w->v[i].end && !strcmp(w->v[i].file, file) &&
		    a < w->v[i].end && b > w->v[i].start)
			return 1;
	return 0;
}

/*
 * Every line of the workspace's files with a name, id or e-mail address
 * of w and not in a traced record: into w (as mentions) or into `out`.
 */
static int mentions(struct wd_ws *ws, struct wd_who *w, struct wd_strvec *out,
		    struct wd_error *err)
{
	struct wd_strvec files = WD_STRVEC_INIT, needles = WD_STRVEC_INIT;
	struct wd_buf p = WD_BUF_INIT(0), line = WD_BUF_INIT(0);
	size_t f, i;
	int r = -1;

	for (i = 0; i < w->names.n; i++)
		if (wd_strvec_push(&needles, w->names.v[i]) < 0)
			goto oom;
	for (i = 0; i < w->ids.n; i++)
		if (wd_strvec_push(&needles, w->ids.v[i]) < 0)
			goto oom;
	for (i = 0; i < w->emails.n; i++)
		if (wd_strvec_push(&needles, w->emails.v[i]) < 0)
			goto oom;
	if (workspace_files(ws, &files, err) < 0)
		goto out;
	for (f = 0; f < files.n; f++) {
		char *text = NULL;
		size_t len, at = 0, ln = 0;
		struct wd_error e;

		if (wd_store_is_temp(strrchr(files.v[f], '/') ?
				     strrchr(files.v[f], '/') + 1 : files.v[f]))
			continue;
		if (wd_ws_join(ws, &p, files.v[f]) < 0)
			goto oom;
		if (wd_read_file(p.ptr, files.v[f], MAX_FILE, &text, &len, &e) < 0)
			continue;
		while (at < len) {
			const char *nl = memchr(text + at, '\n', len - at);
			size_t end = nl ? (size_t)(nl - text) : len, k;
			int hit = 0;

			ln++;
			for (k = 0; k < needles.n && !hit; k++)
				hit = find_ci(text + at, end - at, needles.v[k]) != NULL;
			if (hit && !traced(w, files.v[f], at, end + 1)) {
				size_t s = at;

				while (s < end && (text[s] == ' ' || text[s] == '\t'))
					s++;
				wd_buf_reset(&line);
				if (out) {
					if (wd_buf_addf(&line, "%s:%zu", files.v[f], ln) < 0 ||
					    wd_strvec_push(out, line.ptr) < 0) {
						free(text);
						goto oom;
					}
				} else if (wd_buf_add(&line, text + s, end - s) < 0 ||
					   add_trace(w, files.v[f], "", "mention", NULL,
						     wd_buf_str(&line), (unsigned)ln,
						     err) < 0) {
					free(text);
					goto out;
				}
			}
			at = end + 1;
		}
		free(text);
	}
	r = 0;
	goto out;
oom:
	wd_error_oom(err);
out:
	wd_strvec_release(&files);
	wd_strvec_release(&needles);
	wd_buf_release(&p);
	wd_buf_release(&line);
	return r;
}

int wd_privacy_mentions(struct wd_ws *ws, const struct wd_who *w,
			struct wd_strvec *out, struct wd_error *err)
{
	/* nothing is traced any more: every line counts */
	struct wd_who bare = *w;

	bare.n = 0;
	return mentions(ws, &bare, out, err);
}

int wd_privacy_find(struct wd_ws *ws, const char *query, struct wd_who *w,
		    struct wd_error *err)
{
	struct scan s;
	size_t i, j;
	int r = -1;

	memset(&s, 0, sizeof(s));
	if (scan_load(&s, ws, err) < 0 || who_is_meant(w, &s, query, err) < 0)
		goto out;
	for (i = 0; i < s.n; i++) {
		struct dl *d = &s.d[i];
		struct wd_strvec ids = WD_STRVEC_INIT;
		struct wd_buf rel = WD_BUF_INIT(0);
		int bad = 0;

		if (local_ids(w, d, &ids) < 0) {
			wd_error_oom(err);
			goto out;
		}
		for (j = 0; j < d->pp.n && !bad; j++) {
			const struct wd_person *p = &d->pp.v[j];
			const struct wd_contact *c;

			if (!wd_strvec_has(&ids, p->id))
				continue;
			wd_buf_reset(&rel);
			bad = wd_buf_addf(&rel, "%s/people.yaml", d->id) < 0 ?
			      wd_error_oom(err) :
			      add_trace(w, rel.ptr, d->id, "person", p->node, NULL,
					0, err);
			c = wd_contacts_find(&d->cc, p->id);
			if (bad || !c)
				continue;
			wd_buf_reset(&rel);
			bad = wd_buf_addf(&rel, "%s/contacts.yaml", d->id) < 0 ?
			      wd_error_oom(err) :
			      add_trace(w, rel.ptr, d->id, "contact", c->node, NULL,
					0, err);
			if (!bad) {
				/* the record begins at its key, the person's id */
				const struct wd_ynode *k =
					wd_ymap_key(wd_ymap_get(d->cc.doc.root,
								"contacts"), p->id);

				if (k) {
					w->v[w->n - 1].start = k->start;
					w->v[w->n - 1].line = k->line;
				}
			}
		}
		for (j = 0; j < d->cc.n && !bad; j++) {
			if (!orphan_meant(w, d, &d->cc.v[j]))
				continue;
			wd_buf_reset(&rel);
			bad = wd_buf_addf(&rel, "%s/contacts.yaml", d->id) < 0 ?
			      wd_error_oom(err) :
			      add_trace(w, rel.ptr, d->id, "contact", d->cc.v[j].node,
					NULL, 0, err);
		}
		wd_buf_release(&rel);
		if (!bad && ids.n)
			bad = trace_harvest(w, ws, d, &ids, err);
		wd_strvec_release(&ids);
		if (bad || trace_dialogue(w, ws, d->id, err) < 0)
			goto out;
	}
	r = mentions(ws, w, NULL, err);
out:
	scan_release(&s);
	return r;
}

int wd_privacy_show(const struct wd_who *w, const char *query, int json,
		    const char *lang, struct wd_buf *out, struct wd_error *err)
{
	int nl = !lang || strcmp(lang, "en");
	size_t i;

	if (json) {
		if (wd_buf_adds(out, w->n ? "[" : "[]\n") < 0)
			return wd_error_oom(err);
		for (i = 0; i < w->n; i++) {
			const struct wd_trace *t = &w->v[i];
			const char *d = t->json;

			if (wd_buf_adds(out, i ? ",\n  {" : "\n  {") < 0 ||
			    wd_buf_adds(out, "\"file\": ") < 0 ||
			    wd_json_string(out, t->file) < 0 ||
			    wd_buf_addf(out, ", \"line\": %u, \"dialogue\": ", t->line) < 0 ||
			    (*t->dialogue ? wd_json_string(out, t->dialogue) :
			     wd_buf_adds(out, "null")) < 0 ||
			    wd_buf_adds(out, ", \"what\": ") < 0 ||
			    wd_json_string(out, t->what) < 0 ||
			    wd_buf_adds(out, ", \"data\": ") < 0)
				return wd_error_oom(err);
			/* the data indented to sit in the array */
			for (; *d; d++)
				if (wd_buf_addc(out, *d) < 0 ||
				    (*d == '\n' && wd_buf_adds(out, "  ") < 0))
					return wd_error_oom(err);
			if (wd_buf_addc(out, '}') < 0)
				return wd_error_oom(err);
		}
		if (w->n && wd_buf_adds(out, "\n]\n") < 0)
			return wd_error_oom(err);
		return 0;
	}
	if (wd_buf_adds(out, nl ? "# Alles wat deze werkruimte bewaart over " :
			"# Everything this workspace holds on ") < 0 ||
	    wd_yemit_scalar(out, query, 0) < 0 ||
	    wd_buf_addf(out, nl ? ": %zu %s, waarvan %zu in vrije tekst.\n" :
			": %zu %s, %zu of them in free text.\n", w->n,
			w->n == 1 ? (nl ? "plek" : "place") :
			(nl ? "plekken" : "places"), w->mentions) < 0)
		return wd_error_oom(err);
	if (!w->n && wd_buf_adds(out, "[]\n") < 0)
		return wd_error_oom(err);
	for (i = 0; i < w->n; i++) {
		const struct wd_trace *t = &w->v[i];
		const char *p = t->yaml;
		int block = !(strchr(p, '\n') == p + strlen(p) - 1 &&
			      (t->json[0] == '"' || !strchr("[{", t->json[0])));

		if (wd_buf_adds(out, "- file: ") < 0 ||
		    wd_yemit_scalar(out, t->file, 0) < 0 ||
		    wd_buf_addf(out, "\n  line: %u\n", t->line) < 0 ||
		    (*t->dialogue &&
		     (wd_buf_adds(out, "  dialogue: ") < 0 ||
		      wd_yemit_scalar(out, t->dialogue, 0) < 0 ||
		      wd_buf_addc(out, '\n') < 0)) ||
		    wd_buf_addf(out, "  what: %s\n  data:", t->what) < 0)
			return wd_error_oom(err);
		if (!block) {
			if (wd_buf_addc(out, ' ') < 0 || wd_buf_adds(out, p) < 0)
				return wd_error_oom(err);
			continue;
		}
		if (wd_buf_addc(out, '\n') < 0)
			return wd_error_oom(err);
		while (*p) {
			const char *e = strchr(p, '\n');
			size_t n = e ? (size_t)(e - p + 1) : strlen(p);

			if (wd_buf_adds(out, "    ") < 0 || wd_buf_add(out, p, n) < 0)
				return wd_error_oom(err);
			p += n;
		}
	}
	return 0;
}

/* --- forgetting --- */

/* Remove `id` from the list or value at `key` of `map`: 1 when changed. */
static int drop_from(struct wd_ydoc *d, const struct wd_ynode *map,
		     const char *key, const char *id, struct wd_error *err)
{
	const struct wd_ynode *v = wd_ymap_get(map, key);
	size_t i, hit = (size_t)-1, left = 0;

	if (!v)
		return 0;
	if (v->type == WD_YSCALAR) {
		if (strcmp(v->s, id))
			return 0;
		return wd_yedit_map_remove(d, map, key, err) < 0 ? -1 : 1;
	}
	if (v->type != WD_YSEQ)
		return 0;
	for (i = 0; i < v->n; i++) {
		if (v->items[i]->type == WD_YSCALAR && !strcmp(v->items[i]->s, id)) {
			if (hit == (size_t)-1)
				hit = i;
		} else {
			left++;
		}
	}
	if (hit == (size_t)-1)
		return 0;
	if (!left)
		return wd_yedit_map_remove(d, map, key, err) < 0 ? -1 : 1;
	return wd_yedit_seq_remove(d, v, hit, err) < 0 ? -1 : 1;
}

/* One change to item i of a harvest file: 1 done, 0 nothing left. */
static int scrub_once(struct wd_ydoc *doc, size_t i, const struct dl *d,
		      const struct wd_strvec *ids, struct wd_error *err)
{
	const struct wd_ynode *items = seq_of(doc, "items"), *it, *by, *h;
	size_t k, j;
	int r;

	if (!items || i >= items->n || items->items[i]->type != WD_YMAP)
		return 0;
	it = items->items[i];
	by = wd_ymap_get(it, "by");
	if (by && by->type == WD_YSCALAR && wd_strvec_has(ids, by->s)) {
		const struct wd_person *p = wd_people_find(&d->pp, by->s);

		/* anonymous, but still "a resident said" */
		if (!wd_ymap_get(it, "role") && p && p->role)
			return wd_yedit_map_set(doc, it, "role", p->role, 0, err) < 0 ?
			       -1 : 1;
		return wd_yedit_map_remove(doc, it, "by", err) < 0 ? -1 : 1;
	}
	for (k = 0; k < ids->n; k++)
		if ((r = drop_from(doc, it, "owner", ids->v[k], err)) != 0)
			return r;
	h = wd_ymap_get(it, "history");
	for (j = 0; h && h->type == WD_YSEQ && j < h->n; j++) {
		if (h->items[j]->type != WD_YMAP)
			continue;
		for (k = 0; k < ids->n; k++)
			if ((r = drop_from(doc, h->items[j], "owner", ids->v[k],
					   err)) != 0)
				return r;
	}
	return 0;
}

/* Remove list entries (or the value) of `key` that name one of `names`. */
static int unname(struct wd_ydoc *doc, const char *key,
		  const struct wd_strvec *names, int *changed,
		  struct wd_error *err)
{
	for (;;) {
		const struct wd_ynode *v;
		size_t at;

		if (!doc->root || doc->root->type != WD_YMAP)
			return 0;
		v = wd_ymap_get(doc->root, key);
		if (!named_in(v, names, &at))
			return 0;
		*changed = 1;
		if (at == (size_t)-1 || v->n == 1) {
			if (wd_yedit_map_remove(doc, doc->root, key, err) < 0)
				return -1;
		} else if (wd_yedit_seq_remove(doc, v, at, err) < 0) {
			return -1;
		}
	}
}

struct edit {
	char *rel;
	struct wd_ydoc doc;
	mode_t mode;
};

static int keep_edit(struct edit **v, size_t *n, const char *rel,
		     struct wd_ydoc *doc, mode_t mode)
{
	struct edit *nv = realloc(*v, (*n + 1) * sizeof(*nv));

	if (!nv)
		return -1;
	*v = nv;
	nv[*n].rel = strdup(rel);
	if (!nv[*n].rel)
		return -1;
	nv[*n].doc = *doc;
	nv[*n].mode = mode;
	wd_ydoc_init(doc);
	(*n)++;
	return 0;
}

static int forget_dialogue(struct wd_ws *ws, const struct wd_who *w,
			   struct dl *d, struct edit **edits, size_t *nedits,
			   struct wd_error *err)
{
	struct wd_strvec ids = WD_STRVEC_INIT, files = WD_STRVEC_INIT;
	struct wd_buf rel = WD_BUF_INIT(0);
	struct wd_ydoc doc;
	size_t f, i, j;
	int r = -1, changed, s;

	wd_ydoc_init(&doc);
	if (local_ids(w, d, &ids) < 0)
		goto oom;
	/* the harvest: anonymous authors, owners no more */
	if (ids.n && harvest_files(ws, d->id, &files, err) < 0)
		goto out;
	for (f = 0; f < files.n; f++) {
		const struct wd_ynode *items;

		wd_ydoc_release(&doc);
		wd_ydoc_init(&doc);
		if (load_doc(ws, files.v[f], &doc, err) < 0)
			goto out;
		changed = 0;
		items = seq_of(&doc, "items");
		for (i = 0; items && i < items->n; i++) {
			while ((s = scrub_once(&doc, i, d, &ids, err)) > 0)
				changed = 1;
			if (s < 0)
				goto out;
			items = seq_of(&doc, "items");
		}
		if (changed && keep_edit(edits, nedits, files.v[f], &doc, 0644) < 0)
			goto oom;
	}
	/* hosts and initiators are names */
	wd_ydoc_release(&doc);
	wd_ydoc_init(&doc);
	if (wd_buf_addf(&rel, "%s/dialogue.yaml", d->id) < 0)
		goto oom;
	if (load_doc(ws, rel.ptr, &doc, err) < 0)
		goto out;
	changed = 0;
	if (unname(&doc, "hosts", &w->names, &changed, err) < 0 ||
	    unname(&doc, "initiators", &w->names, &changed, err) < 0)
		goto out;
	if (changed && keep_edit(edits, nedits, rel.ptr, &doc, 0644) < 0)
		goto oom;
	/* contact data (also left behind by someone no longer here) */
	changed = 0;
	for (i = 0; i < d->cc.n; i++) {
		char id[WD_ID_MAX + 1];

		if (!orphan_meant(w, d, &d->cc.v[i]))
			continue;
		snprintf(id, sizeof(id), "%s", d->cc.v[i].id);
		if (wd_contacts_remove(&d->cc, id, err) < 0)
			goto out;
		changed = 1;
		i = (size_t)-1;		/* the records were read again */
	}
	for (i = 0; i < ids.n; i++) {
		s = wd_contacts_remove(&d->cc, ids.v[i], err);
		if (s < 0)
			goto out;
		changed |= s;
	}
	wd_buf_reset(&rel);
	if (wd_buf_addf(&rel, "%s/contacts.yaml", d->id) < 0)
		goto oom;
	if (changed && keep_edit(edits, nedits, rel.ptr, &d->cc.doc, 0600) < 0)
		goto oom;
	if (!ids.n) {
		r = 0;
		goto out;
	}
	for (i = 0; i < ids.n; i++) {
		const struct wd_ynode *list = seq_of(&d->pp.doc, "people");

		for (j = 0; list && j < list->n; j++) {
			const struct wd_ynode *m = list->items[j];
			const char *pid = m->type == WD_YMAP ?
					  wd_f_text(wd_ymap_get(m, "id")) : NULL;

			if (pid && !strcmp(pid, ids.v[i])) {
				if (wd_yedit_seq_remove(&d->pp.doc, list, j, err) < 0)
					goto out;
				break;
			}
		}
	}
	wd_buf_reset(&rel);
	if (wd_buf_addf(&rel, "%s/people.yaml", d->id) < 0 ||
	    keep_edit(edits, nedits, rel.ptr, &d->pp.doc, 0644) < 0)
		goto oom;
	r = 0;
	goto out;
oom:
	wd_error_oom(err);
out:
	wd_ydoc_release(&doc);
	wd_buf_release(&rel);
	wd_strvec_release(&ids);
	wd_strvec_release(&files);
	return r;
}

int wd_privacy_forget(struct wd_ws *ws, const struct wd_who *w, int dry_run,
		      struct wd_strvec *changed, struct wd_error *err)
{
	struct scan s;
	struct edit *edits = NULL;
	size_t nedits = 0, i;
	int r = -1;

	memset(&s, 0, sizeof(s));
	if (scan_load(&s, ws, err) < 0)
		goto out;
	for (i = 0; i < s.n; i++)
		if (forget_dialogue(ws, w, &s.d[i], &edits, &nedits, err) < 0)
			goto out;
	for (i = 0; i < nedits; i++) {
		if (wd_strvec_push(changed, edits[i].rel) < 0) {
			wd_error_oom(err);
			goto out;
		}
		if (!dry_run &&
		    wd_ws_write(ws, edits[i].rel, edits[i].doc.src ? edits[i].doc.src : "",
				edits[i].doc.len, edits[i].mode, err) < 0)
			goto out;
	}
	if (!dry_run) {
		struct wd_index ix;

		/* from nothing: no free page of the old one keeps them */
		wd_index_init(&ix, ws);
		if (wd_index_open(&ix, err) < 0 ||
		    wd_index_rebuild(&ix, NULL, err) < 0) {
			wd_index_close(&ix);
			wd_error_hint(err, "%s",
				      _("the files are changed, but the index may still hold them: run 'wd-report index --rebuild'"));
			goto out;
		}
		wd_index_close(&ix);
	}
	r = 0;
out:
	for (i = 0; i < nedits; i++) {
		free(edits[i].rel);
		wd_ydoc_release(&edits[i].doc);
	}
	free(edits);
	scan_release(&s);
	return r;
}

/* --- git history --- */

/* Run git with argv in dir; its output into out: the exit status, 127 when it could not run. */
static int run_git(const char *dir, char *const *argv, struct wd_buf *out)
{
	int fd[2], status, dn;
	pid_t pid;
	char buf[4096];
	ssize_t n;

	if (pipe(fd) < 0)
		return 127;
	pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return 127;
	}
	if (pid == 0) {
		dn = open("/dev/null", O_RDWR);
		if (dn >= 0) {
			dup2(dn, 0);
			dup2(dn, 2);
		}
		dup2(fd[1], 1);
		close(fd[0]);
		close(fd[1]);
		if (chdir(dir) < 0)
			_exit(127);
		execvp("git", argv);
		_exit(127);
	}
	close(fd[1]);
	while ((n = read(fd[0], buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (out->len < ((size_t)1 << 20))
			wd_buf_add(out, buf, (size_t)n);
	}
	close(fd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return 127;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 127;
}

/* Whether there is a .git from the workspace upwards. */
static int has_dot_git(const char *root)
{
	struct wd_buf p = WD_BUF_INIT(0);
	struct stat st;
	int found = 0;

	if (wd_buf_adds(&p, root) < 0)
		return 0;
	for (;;) {
		size_t len = p.len;
		char *slash;

		if (wd_buf_adds(&p, "/.git") == 0 && lstat(p.ptr, &st) == 0) {
			found = 1;
			break;
		}
		wd_buf_truncate(&p, len);
		slash = strrchr(p.ptr, '/');
		if (!slash || slash == p.ptr)
			break;
		wd_buf_truncate(&p, (size_t)(slash - p.ptr));
	}
	wd_buf_release(&p);
	return found;
}

int wd_privacy_git(struct wd_ws *ws, const struct wd_who *w, int *in_git,
		   struct wd_strvec *commits, struct wd_error *err)
{
	char *probe[] = { "git", "rev-parse", "--is-inside-work-tree", NULL };
	struct wd_buf out = WD_BUF_INIT(0), arg = WD_BUF_INIT(0);
	const struct wd_strvec *sets[3] = { &w->names, &w->ids, &w->emails };
	size_t k, i;
	int st;

	*in_git = 0;
	st = run_git(ws->root, probe, &out);
	if (st != 0 || strncmp(wd_buf_str(&out), "true", 4)) {
		/* no git, or one that will not read this repository */
		*in_git = has_dot_git(ws->root) ? -1 : 0;
		wd_buf_release(&out);
		return 0;
	}
	*in_git = 1;
	for (k = 0; k < 3; k++)
		for (i = 0; i < sets[k]->n; i++) {
			char *argv[] = { "git", "log", "--all", "--format=%h", NULL,
					 "--", ".", NULL };
			const char *p, *e;

			wd_buf_reset(&arg);
			wd_buf_reset(&out);
			if (wd_buf_addf(&arg, "-S%s", sets[k]->v[i]) < 0)
				goto oom;
			argv[4] = arg.ptr;
			if (run_git(ws->root, argv, &out) != 0)
				continue;
			for (p = wd_buf_str(&out); *p; p = *e ? e + 1 : e) {
				e = strchr(p, '\n');
				if (!e)
					e = p + strlen(p);
				if (e > p) {
					struct wd_buf h = WD_BUF_INIT(0);
					int bad = wd_buf_add(&h, p, (size_t)(e - p)) < 0 ||
						  (!wd_strvec_has(commits, h.ptr) &&
						   wd_strvec_push(commits, h.ptr) < 0);

					wd_buf_release(&h);
					if (bad)
						goto oom;
				}
			}
		}
	wd_buf_release(&out);
	wd_buf_release(&arg);
	return 0;
oom:
	wd_buf_release(&out);
	wd_buf_release(&arg);
	return wd_error_oom(err);
}

/* --- retention --- */

int wd_privacy_purge(struct wd_ws *ws, int64_t before, int dry_run,
		     struct wd_strvec *purged, struct wd_problems *problems,
		     struct wd_error *err)
{
	struct wd_strvec ids = WD_STRVEC_INIT;
	struct wd_buf rel = WD_BUF_INIT(0);
	size_t i;
	int r = -1, locked = 0;

	if (!dry_run) {
		if (wd_ws_lock(ws, err) < 0)
			return -1;
		locked = 1;
	}
	if (wd_ws_dialogues(ws, &ids, err) < 0)
		goto out;
	for (i = 0; i < ids.n; i++) {
		struct wd_dialogue dl;
		struct wd_contacts cc;
		struct wd_error e;
		struct wd_diag diag;
		const struct wd_ynode *map;
		int bad;

		wd_dialogue_init(&dl);
		wd_contacts_init(&cc);
		wd_diag_init(&diag, &e, NULL);
		bad = wd_dialogue_load(&dl, ws, ids.v[i], &diag) < 0;
		if (!bad && wd_dialogue_end(&dl) >= before)
			goto next;
		if (!bad)
			bad = wd_contacts_load(&cc, ws, ids.v[i], &diag) < 0;
		if (bad) {
			if (wd_problems_add(problems, &e) < 0) {
				wd_error_oom(err);
				wd_dialogue_release(&dl);
				wd_contacts_release(&cc);
				goto out;
			}
			goto next;
		}
		map = cc.doc.root ? wd_ymap_get(cc.doc.root, "contacts") : NULL;
		if (!map || (map->type == WD_YMAP && !map->n))
			goto next;
		wd_buf_reset(&rel);
		if (wd_buf_addf(&rel, "%s\t%zu", ids.v[i], cc.n) < 0 ||
		    wd_strvec_push(purged, rel.ptr) < 0) {
			wd_error_oom(err);
			goto fail;
		}
		if (dry_run)
			goto next;
		wd_buf_reset(&rel);
		if (wd_buf_addf(&rel, "%s/contacts.yaml", ids.v[i]) < 0) {
			wd_error_oom(err);
			goto fail;
		}
		if (wd_yedit_map_set(&cc.doc, NULL, "contacts", "{}", WD_YE_RAW,
				     err) < 0 ||
		    wd_ws_write(ws, rel.ptr, cc.doc.src, cc.doc.len, 0600, err) < 0)
			goto fail;
next:
		wd_dialogue_release(&dl);
		wd_contacts_release(&cc);
		continue;
fail:
		wd_dialogue_release(&dl);
		wd_contacts_release(&cc);
		goto out;
	}
	r = 0;
out:
	if (locked)
		wd_ws_unlock(ws);
	wd_strvec_release(&ids);
	wd_buf_release(&rel);
	return r;
}

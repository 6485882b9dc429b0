/* people.c - who takes part in a dialogue (people.yaml) and how to reach them (contacts.yaml) */
#include "people.h"
#include "i18n.h"
#include "slug.h"
#include "utf8.h"
#include "vocab.h"
#include "yedit.h"

#include <stdlib.h>
#include <string.h>

void wd_people_init(struct wd_people *pp)
{
	memset(pp, 0, sizeof(*pp));
	wd_ydoc_init(&pp->doc);
}

void wd_people_release(struct wd_people *pp)
{
	wd_ydoc_release(&pp->doc);
	free(pp->v);
	wd_strset_release(&pp->byid);
	wd_people_init(pp);
}

static int flag(struct wd_fctx *c, const struct wd_ynode *m, const char *key)
{
	return wd_f_bool(c, m, key) > 0;
}

static void read_person(struct wd_fctx *c, const struct wd_ynode *m,
			struct wd_person *p)
{
	const struct wd_ynode *sub;

	memset(p, 0, sizeof(*p));
	p->node = m;
	p->id = wd_f_id(c, m, "id", N_("person id"), WD_F_REQUIRED);
	p->name = wd_f_str(c, m, "name", WD_F_REQUIRED | WD_F_LINE);
	p->role = wd_f_word(c, m, "role", WD_V_ROLE, 0);
	if (!p->role)
		p->role = "other";
	p->organisation = wd_f_str(c, m, "organisation", WD_F_LINE);
	p->lang = wd_f_word(c, m, "lang", WD_V_LANG, 0);
	p->note = wd_f_str(c, m, "note", 0);
	p->rsvp = wd_f_word(c, m, "rsvp", WD_V_RSVP, 0);
	p->has_answered = wd_f_time(c, m, "answered", 0, &p->answered);
	p->from = wd_f_id(c, m, "from", N_("dialogue id"), 0);
	wd_f_long(c, m, "table", 0, 10000, &p->table);
	p->host = flag(c, m, "host");
	p->waiting = flag(c, m, "waiting");
	p->attended = flag(c, m, "attended");
	sub = wd_f_map(c, m, "consent");
	if (sub) {
		p->consent_contact = wd_f_consent(c, sub, "contact");
		p->consent_named = wd_f_consent(c, sub, "named");
		p->consent_photo = wd_f_consent(c, sub, "photo");
	}
	sub = wd_f_map(c, m, "invitation");
	if (sub) {
		struct wd_when w;

		p->channel = wd_f_word(c, sub, "channel", WD_V_CHANNEL, 0);
		if (wd_f_time(c, sub, "sent", 0, &w))
			p->sent = wd_f_text(wd_ymap_get(sub, "sent"));
		if (wd_f_time(c, sub, "reminded", 0, &w))
			p->reminded = wd_f_text(wd_ymap_get(sub, "reminded"));
	}
}

void wd_people_read(struct wd_people *pp, struct wd_diag *diag)
{
	struct wd_fctx c = { &pp->doc, diag };
	const struct wd_ynode *root, *list;
	size_t i, j;
	int added;

	wd_strset_release(&pp->byid);
	root = wd_f_root(&c);
	list = root ? wd_f_seq(&c, root, "people") : NULL;
	if (!list || !list->n)
		return;
	pp->v = calloc(list->n, sizeof(*pp->v));
	if (!pp->v) {
		wd_f_oom(&c, list);
		return;
	}
	for (i = 0; i < list->n; i++) {
		const struct wd_ynode *m = list->items[i];
		struct wd_person *p = &pp->v[pp->n];

		if (m->type != WD_YMAP) {
			wd_f_problem(&c, m, _("each person should be a mapping (id:, name:, ...), not %s"),
				     wd_ytype_name(m));
			continue;
		}
		read_person(&c, m, p);
		if (!p->id)
			continue;
		added = wd_strset_put(&pp->byid, p->id, pp->n);
		if (added < 0) {
			wd_f_oom(&c, m);
			return;
		}
		if (!added) {
			wd_strset_get(&pp->byid, p->id, &j);
			wd_f_problem(&c, wd_ymap_get(m, "id"),
				     _("duplicate person id '%s' (first on line %u)"),
				     p->id, pp->v[j].node->line);
			continue;
		}
		pp->n++;
	}
}

/* 0 loaded, 1 no such file (nobody yet), -1 a problem (in diag). */
static int load_part(struct wd_ydoc *doc, const struct wd_ws *ws,
		     const char *dialogue, const char *file,
		     struct wd_diag *diag)
{
	struct wd_buf path = WD_BUF_INIT(0), name = WD_BUF_INIT(0);
	struct wd_error e;
	int r = 0;

	if (wd_buf_addf(&name, "%s/%s", dialogue, file) < 0 ||
	    wd_ws_join(ws, &path, name.ptr) < 0) {
		wd_error_oom(&e);
		wd_diag_error(diag, &e);
		r = -1;
	} else if (wd_ydoc_load(doc, path.ptr, name.ptr, NULL, &e) < 0) {
		if (e.code == EX_NOINPUT) {
			r = 1;
		} else {
			wd_diag_error(diag, &e);
			r = -1;
		}
	}
	wd_buf_release(&path);
	wd_buf_release(&name);
	return r;
}

int wd_people_load(struct wd_people *pp, const struct wd_ws *ws,
		   const char *dialogue, struct wd_diag *diag)
{
	size_t before = diag->count;
	int r = load_part(&pp->doc, ws, dialogue, "people.yaml", diag);

	if (r != 0)
		return r < 0 ? -1 : 0;
	wd_people_read(pp, diag);
	return diag->count > before ? -1 : 0;
}

const struct wd_person *wd_people_find(const struct wd_people *pp,
				       const char *id)
{
	size_t i;

	return wd_strset_get(&pp->byid, id, &i) ? &pp->v[i] : NULL;
}

static int starts(const char *s, const char *prefix)
{
	return !strncmp(s, prefix, strlen(prefix));
}

const struct wd_person *wd_people_match(const struct wd_people *pp,
					const char *query, const char *dialogue,
					struct wd_error *err)
{
	return wd_people_lookup(pp, query, dialogue, NULL, err);
}

const struct wd_person *wd_people_lookup(const struct wd_people *pp,
					 const char *query,
					 const char *dialogue, int *ambiguous,
					 struct wd_error *err)
{
	struct wd_buf q = WD_BUF_INIT(256), n = WD_BUF_INIT(256);
	const struct wd_person *hit = NULL, *again = NULL;
	const char **cand = NULL;
	int whole;
	size_t i;

	if (ambiguous)
		*ambiguous = 0;
	if ((hit = wd_people_find(pp, query)))
		return hit;
	if (wd_utf8_fold(&q, query) < 0)
		goto oom;
	/* a whole name, then (when none) the beginning of an id or a name */
	for (i = 0; i < pp->n && !again; i++) {
		wd_buf_reset(&n);
		if (wd_utf8_fold(&n, pp->v[i].name) < 0)
			goto oom;
		if (q.len && !strcmp(n.ptr, q.ptr)) {
			if (hit)
				again = &pp->v[i];
			else
				hit = &pp->v[i];
		}
	}
	whole = hit != NULL;
	for (i = 0; !whole && !again && i < pp->n; i++) {
		wd_buf_reset(&n);
		if (wd_utf8_fold(&n, pp->v[i].name) < 0)
			goto oom;
		if (!q.len || !(starts(pp->v[i].id, query) || starts(n.ptr, q.ptr)))
			continue;
		if (hit)
			again = &pp->v[i];
		else
			hit = &pp->v[i];
	}
	if (hit && !again)
		goto out;
	if (again) {
		if (ambiguous)
			*ambiguous = 1;
		wd_error_set(err, EX_DATAERR,
			     _("'%s' could be '%s' or '%s' in '%s'; say which"),
			     query, hit->id, again->id, dialogue);
		hit = NULL;
		goto out;
	}
	cand = malloc((pp->n ? pp->n : 1) * 2 * sizeof(*cand));
	if (!cand)
		goto oom;
	for (i = 0; i < pp->n; i++) {
		cand[2 * i] = pp->v[i].id;
		cand[2 * i + 1] = pp->v[i].name;
	}
	{
		const char *s = wd_closest(query, cand, 2 * pp->n);
		const struct wd_person *p = NULL;

		for (i = 0; s && i < pp->n; i++)
			if (cand[2 * i] == s || cand[2 * i + 1] == s)
				p = &pp->v[i];
		if (p)
			wd_error_set(err, EX_DATAERR,
				     _("no person '%s' in '%s' (did you mean '%s'?)"),
				     query, dialogue, p->id);
		else
			wd_error_set(err, EX_DATAERR, _("no person '%s' in '%s'"),
				     query, dialogue);
	}
	goto out;
oom:
	wd_error_oom(err);
	hit = NULL;
out:
	free(cand);
	wd_buf_release(&q);
	wd_buf_release(&n);
	return hit;
}

int wd_person_named(const struct wd_person *p)
{
	return p->consent_named && *p->consent_named;
}

void wd_contacts_init(struct wd_contacts *cc)
{
	memset(cc, 0, sizeof(*cc));
	wd_ydoc_init(&cc->doc);
}

void wd_contacts_release(struct wd_contacts *cc)
{
	wd_ydoc_release(&cc->doc);
	free(cc->v);
	wd_strset_release(&cc->byid);
	wd_contacts_init(cc);
}

void wd_contacts_read(struct wd_contacts *cc, struct wd_diag *diag)
{
	struct wd_fctx c = { &cc->doc, diag };
	const struct wd_ynode *root, *map;
	size_t i;

	wd_strset_release(&cc->byid);
	root = wd_f_root(&c);
	map = root ? wd_f_map(&c, root, "contacts") : NULL;
	if (!map || !map->n)
		return;
	cc->v = calloc(map->n, sizeof(*cc->v));
	if (!cc->v) {
		wd_f_oom(&c, map);
		return;
	}
	for (i = 0; i < map->n; i++) {
		const struct wd_ynode *k = map->items[2 * i];
		const struct wd_ynode *m = map->items[2 * i + 1];
		struct wd_contact *ct = &cc->v[cc->n];

		if (!wd_id_valid(k->s)) {
			wd_f_problem(&c, k, _("invalid person id '%s'"), k->s);
			continue;
		}
		if (m->type != WD_YMAP) {
			if (!wd_ynode_is_null(m))
				wd_f_problem(&c, m, _("the contact data of '%s' should be a mapping (email:, phone:, address:)"),
					     k->s);
			continue;
		}
		if (wd_strset_put(&cc->byid, k->s, cc->n) < 0) {
			wd_f_oom(&c, map);
			return;
		}
		ct->node = m;
		ct->id = k->s;
		ct->email = wd_f_str(&c, m, "email", WD_F_LINE);
		ct->phone = wd_f_str(&c, m, "phone", WD_F_LINE);
		ct->address = wd_f_str(&c, m, "address", 0);
		if (ct->email && !wd_email_valid(ct->email))
			wd_f_problem(&c, wd_ymap_get(m, "email"),
				     _("'email' should be an email address, not '%s'"),
				     ct->email);
		cc->n++;
	}
}

int wd_contacts_load(struct wd_contacts *cc, const struct wd_ws *ws,
		     const char *dialogue, struct wd_diag *diag)
{
	size_t before = diag->count;
	int r = load_part(&cc->doc, ws, dialogue, "contacts.yaml", diag);

	if (r != 0)
		return r < 0 ? -1 : 0;
	wd_contacts_read(cc, diag);
	return diag->count > before ? -1 : 0;
}

const struct wd_contact *wd_contacts_find(const struct wd_contacts *cc,
					  const char *id)
{
	size_t i;

	return wd_strset_get(&cc->byid, id, &i) ? &cc->v[i] : NULL;
}

/* --- changing people.yaml and contacts.yaml --- */

int wd_people_reread(struct wd_people *pp, struct wd_error *err)
{
	struct wd_diag diag;

	free(pp->v);
	pp->v = NULL;
	pp->n = 0;
	wd_diag_init(&diag, err, NULL);
	wd_people_read(pp, &diag);
	return diag.count ? -1 : 0;
}

/*
 * The id for `name`: its slug, with -2, -3, ... when `taken` says so
 * (a person in pp, or in the taken set).
 */
static int new_id(const struct wd_people *pp, const struct wd_strset *taken,
		  const char *name, struct wd_buf *id, struct wd_error *err)
{
	size_t base;
	int n;

	wd_buf_reset(id);
	if (wd_slug(id, name) < 0)
		return wd_error_oom(err);
	if (!id->len && wd_buf_adds(id, "iemand") < 0)
		return wd_error_oom(err);
	/* room for "-NNN" within the id limit */
	if (id->len > WD_ID_MAX - 4) {
		wd_buf_truncate(id, WD_ID_MAX - 4);
		while (id->len && id->ptr[id->len - 1] == '-')
			wd_buf_truncate(id, id->len - 1);
	}
	base = id->len;
	for (n = 2; taken ? wd_strset_has(taken, id->ptr) :
			    wd_people_find(pp, id->ptr) != NULL; n++) {
		wd_buf_truncate(id, base);
		if (n > 999 || wd_buf_addf(id, "-%d", n) < 0)
			return wd_error_set(err, EX_SOFTWARE,
					    _("no free id for '%s'"), name);
	}
	return 0;
}

int wd_people_new_id(const struct wd_people *pp, const char *name,
		     struct wd_buf *id, struct wd_error *err)
{
	return new_id(pp, NULL, name, id, err);
}

static int add_consent(struct wd_buf *b, const struct wd_person_new *np)
{
	const char *v[3] = { np->consent_contact, np->consent_named,
			     np->consent_photo };
	static const char *const k[3] = { "contact", "named", "photo" };
	int i, any = 0;

	for (i = 0; i < 3; i++) {
		if (!v[i])
			continue;
		if (!any && wd_buf_adds(b, "consent:\n") < 0)
			return -1;
		any = 1;
		if (wd_buf_addf(b, "  %s: ", k[i]) < 0 ||
		    wd_yemit_scalar(b, *v[i] ? v[i] : "no", WD_YE_TYPED) < 0 ||
		    wd_buf_addc(b, '\n') < 0)
			return -1;
	}
	return 0;
}

int wd_people_batch_init(struct wd_people_batch *b, struct wd_people *pp,
			 const struct wd_contacts *cc, struct wd_error *err)
{
	size_t i;

	memset(b, 0, sizeof(*b));
	b->pp = pp;
	wd_strset_init(&b->taken);
	wd_strvec_init(&b->items);
	for (i = 0; i < pp->n; i++)
		if (wd_strset_add(&b->taken, pp->v[i].id) < 0)
			return wd_error_oom(err);
	/* contact data left behind by someone removed keeps its id taken */
	for (i = 0; cc && i < cc->n; i++)
		if (wd_strset_add(&b->taken, cc->v[i].id) < 0)
			return wd_error_oom(err);
	return 0;
}

void wd_people_batch_release(struct wd_people_batch *b)
{
	wd_strset_release(&b->taken);
	wd_strvec_release(&b->items);
}

/* A name as typed, without blanks at its ends or twice in a row. */
static int clean_name(struct wd_buf *b, const char *name)
{
	const char *p = name;

	while (*p == ' ' || *p == '\t')
		p++;
	while (*p) {
		size_t n = strcspn(p, " \t");

		if (b->len && wd_buf_addc(b, ' ') < 0)
			return -1;
		if (wd_buf_add(b, p, n) < 0)
			return -1;
		p += n;
		while (*p == ' ' || *p == '\t')
			p++;
	}
	return 0;
}

int wd_people_batch_add(struct wd_people_batch *b,
			const struct wd_person_new *np, struct wd_buf *id,
			struct wd_error *err)
{
	struct wd_buf e = WD_BUF_INIT(0), name = WD_BUF_INIT(0);
	int r = -1;

	if (new_id(b->pp, &b->taken, np->name, id, err) < 0)
		return -1;
	if (clean_name(&name, np->name) < 0 ||
	    wd_yemit_pair(&e, "id", id->ptr, 0) < 0 ||
	    wd_yemit_pair(&e, "name", wd_buf_str(&name), 0) < 0 ||
	    wd_yemit_pair(&e, "role", np->role ? np->role : "other", 0) < 0 ||
	    (np->organisation &&
	     wd_yemit_pair(&e, "organisation", np->organisation, 0) < 0) ||
	    (np->lang && wd_yemit_pair(&e, "lang", np->lang, 0) < 0) ||
	    (np->from && wd_yemit_pair(&e, "from", np->from, 0) < 0) ||
	    add_consent(&e, np) < 0 ||
	    (np->note && wd_yemit_pair(&e, "note", np->note, 0) < 0) ||
	    (np->host && wd_yemit_pair(&e, "host", "true", WD_YE_TYPED) < 0) ||
	    (np->attended &&
	     wd_yemit_pair(&e, "attended", "true", WD_YE_TYPED) < 0) ||
	    wd_strset_add(&b->taken, id->ptr) < 0 ||
	    wd_strvec_push(&b->items, wd_buf_str(&e)) < 0) {
		wd_error_oom(err);
		goto out;
	}
	r = 0;
out:
	wd_buf_release(&e);
	wd_buf_release(&name);
	return r;
}

int wd_people_batch_apply(struct wd_people_batch *b, const char *dialogue,
			  struct wd_error *err)
{
	struct wd_people *pp = b->pp;

	if (!b->items.n)
		return 0;
	if (!pp->doc.root && pp->doc.len == 0) {
		/* a new file: say what it is */
		struct wd_buf head = WD_BUF_INIT(0);
		char *src;
		size_t len;

		if (wd_buf_addf(&head, "# Deelnemers van '%s'; contactgegevens staan in contacts.yaml (zie wd(5)).\n",
				dialogue) < 0) {
			wd_buf_release(&head);
			return wd_error_oom(err);
		}
		src = wd_buf_detach(&head, &len);
		if (!src)
			return wd_error_oom(err);
		wd_ydoc_release(&pp->doc);
		wd_ydoc_init(&pp->doc);
		if (wd_ydoc_parse(&pp->doc, "people.yaml", src, len, NULL, err) < 0)
			return -1;
	}
	if (wd_yedit_seq_append_many(&pp->doc, NULL, "people",
				     (const char *const *)b->items.v,
				     b->items.n, 0, err) < 0)
		return -1;
	return wd_people_reread(pp, err);
}

int wd_people_append(struct wd_people *pp, const struct wd_person_new *np,
		     const char *dialogue, struct wd_buf *id,
		     struct wd_error *err)
{
	struct wd_people_batch b;
	int r = -1;

	if (wd_people_batch_init(&b, pp, NULL, err) == 0 &&
	    wd_people_batch_add(&b, np, id, err) == 0)
		r = wd_people_batch_apply(&b, dialogue, err);
	wd_people_batch_release(&b);
	return r;
}

int wd_person_set(struct wd_people *pp, const char *id, const char *key,
		  const char *value, int flags, struct wd_error *err)
{
	const struct wd_person *p = wd_people_find(pp, id);
	const struct wd_ynode *m;
	const char *dot = strchr(key, '.');
	char first[64];
	int r;

	if (!p)
		return wd_error_set(err, EX_SOFTWARE, _("internal error: no person '%s'"), id);
	m = p->node;
	if (dot) {
		const struct wd_ynode *sub;
		struct wd_buf b = WD_BUF_INIT(0);
		size_t n = (size_t)(dot - key);

		if (n >= sizeof(first))
			return wd_error_set(err, EX_SOFTWARE, "%s", _("internal error: key too long"));
		memcpy(first, key, n);
		first[n] = '\0';
		sub = wd_ymap_get(m, first);
		if (sub && sub->type == WD_YMAP) {
			r = value ? wd_yedit_map_set(&pp->doc, sub, dot + 1, value, flags, err) :
				    wd_yedit_map_remove(&pp->doc, sub, dot + 1, err);
		} else if (!value) {
			r = 0;
		} else {
			if (wd_buf_addf(&b, "%s: ", dot + 1) < 0 ||
			    wd_yemit_scalar(&b, value, flags) < 0 ||
			    wd_buf_addc(&b, '\n') < 0) {
				wd_buf_release(&b);
				return wd_error_oom(err);
			}
			r = wd_yedit_map_set_block(&pp->doc, m, first, b.ptr, err);
			wd_buf_release(&b);
		}
	} else {
		r = value ? wd_yedit_map_set(&pp->doc, m, key, value, flags, err) :
			    wd_yedit_map_remove(&pp->doc, m, key, err);
	}
	if (r < 0)
		return -1;
	return wd_people_reread(pp, err);
}

int wd_contacts_reread(struct wd_contacts *cc, struct wd_error *err)
{
	struct wd_diag diag;

	free(cc->v);
	cc->v = NULL;
	cc->n = 0;
	wd_diag_init(&diag, err, NULL);
	wd_contacts_read(cc, &diag);
	return diag.count ? -1 : 0;
}

static int contacts_map(struct wd_contacts *cc, const struct wd_ynode **map,
			struct wd_error *err)
{
	*map = wd_ymap_get(cc->doc.root, "contacts");
	if (*map && (*map)->type == WD_YMAP)
		return 0;
	if (!cc->doc.root && cc->doc.len == 0) {
		static const char head[] =
			"# Contactgegevens: persoonsgegevens, niet in git (zie wd(5)).\n"
			"contacts: {}\n";
		char *src = strdup(head);

		if (!src)
			return wd_error_oom(err);
		wd_ydoc_release(&cc->doc);
		wd_ydoc_init(&cc->doc);
		if (wd_ydoc_parse(&cc->doc, "contacts.yaml", src, strlen(head),
				  NULL, err) < 0)
			return -1;
		*map = wd_ymap_get(cc->doc.root, "contacts");
		return 0;
	}
	if (wd_yedit_map_set(&cc->doc, NULL, "contacts", "{}", WD_YE_RAW, err) < 0)
		return -1;
	*map = wd_ymap_get(cc->doc.root, "contacts");
	return 0;
}

/* "key:" and the lines of `body` indented below it */
static int nest(struct wd_buf *out, const char *key, const char *body)
{
	const char *p = body, *e;

	if (wd_buf_addf(out, "%s:\n", key) < 0)
		return -1;
	for (; *p; p = e + 1) {
		e = strchr(p, '\n');
		if (!e)
			e = p + strlen(p) - 1;
		if (wd_buf_adds(out, "  ") < 0 ||
		    wd_buf_add(out, p, (size_t)(e - p + 1)) < 0)
			return -1;
	}
	return 0;
}

/* The fields of one person's contact data, at indentation 0. */
static int contact_fields(struct wd_buf *b, const char *email,
			  const char *phone, const char *address)
{
	static const char *const keys[3] = { "email", "phone", "address" };
	const char *vals[3] = { email, phone, address };
	int i;

	for (i = 0; i < 3; i++)
		if (vals[i] && *vals[i] &&
		    wd_yemit_pair(b, keys[i], vals[i], 0) < 0)
			return -1;
	return 0;
}

int wd_contacts_entry(struct wd_buf *pairs, const char *id, const char *email,
		      const char *phone, const char *address)
{
	struct wd_buf b = WD_BUF_INIT(0);
	int r = contact_fields(&b, email, phone, address);

	if (r == 0 && b.len)
		r = nest(pairs, id, b.ptr);
	wd_buf_release(&b);
	return r;
}

int wd_contacts_add(struct wd_contacts *cc, const char *pairs,
		    struct wd_error *err)
{
	const struct wd_ynode *map;
	int r;

	if (!*pairs)
		return 0;
	if (contacts_map(cc, &map, err) < 0)
		return -1;
	if (map->style == WD_YFLOW && map->n == 0)
		/* "contacts: {}" becomes a block mapping */
		r = wd_yedit_map_set_block(&cc->doc, NULL, "contacts", pairs, err);
	else if (map->style == WD_YFLOW)
		r = wd_error_set(err, EX_DATAERR,
				 _("'contacts' is written as { ... }; write it as lines to add people"));
	else
		r = wd_yedit_map_add_pairs(&cc->doc, map, pairs, err);
	return r < 0 ? -1 : wd_contacts_reread(cc, err);
}

int wd_contacts_set(struct wd_contacts *cc, const char *id, const char *email,
		    const char *phone, const char *address,
		    struct wd_error *err)
{
	static const char *const keys[3] = { "email", "phone", "address" };
	const char *vals[3] = { email, phone, address };
	const struct wd_ynode *map, *m;
	struct wd_buf b = WD_BUF_INIT(0);
	int i, r;

	if (contacts_map(cc, &map, err) < 0)
		return -1;
	m = wd_ymap_get(map, id);
	if (!m || m->type != WD_YMAP) {
		if (contact_fields(&b, email, phone, address) < 0) {
			wd_buf_release(&b);
			return wd_error_oom(err);
		}
		if (!b.len) {
			r = 0;
		} else if (m) {
			/* "id:" without a mapping: the fields take its place */
			r = wd_yedit_map_set_block(&cc->doc, map, id, b.ptr, err);
			r = r < 0 ? -1 : wd_contacts_reread(cc, err);
		} else {
			struct wd_buf pairs = WD_BUF_INIT(0);

			r = nest(&pairs, id, b.ptr) < 0 ? wd_error_oom(err) :
			    wd_contacts_add(cc, pairs.ptr, err);
			wd_buf_release(&pairs);
		}
		wd_buf_release(&b);
		return r;
	}
	for (i = 0; i < 3; i++) {
		if (!vals[i])
			continue;
		m = wd_ymap_get(wd_ymap_get(cc->doc.root, "contacts"), id);
		r = *vals[i] ? wd_yedit_map_set(&cc->doc, m, keys[i], vals[i], 0, err) :
			       wd_yedit_map_remove(&cc->doc, m, keys[i], err);
		if (r < 0)
			return -1;
	}
	return wd_contacts_reread(cc, err);
}

int wd_contacts_remove(struct wd_contacts *cc, const char *id,
		       struct wd_error *err)
{
	const struct wd_ynode *map = wd_ymap_get(cc->doc.root, "contacts");

	if (!map || !wd_ymap_key(map, id))
		return 0;
	if (wd_yedit_map_remove(&cc->doc, map, id, err) < 0 ||
	    wd_contacts_reread(cc, err) < 0)
		return -1;
	return 1;
}

/* people.c - who takes part in a dialogue (people.yaml) and how to reach them (contacts.yaml) */
#include "people.h"
#include "i18n.h"
#include "slug.h"

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
	p->id = wd_f_id(c, m, "id", _("person id"), WD_F_REQUIRED);
	p->name = wd_f_str(c, m, "name", WD_F_REQUIRED | WD_F_LINE);
	p->role = wd_f_word(c, m, "role", WD_V_ROLE, 0);
	if (!p->role)
		p->role = "other";
	p->organisation = wd_f_str(c, m, "organisation", WD_F_LINE);
	p->lang = wd_f_word(c, m, "lang", WD_V_LANG, 0);
	p->note = wd_f_str(c, m, "note", 0);
	p->rsvp = wd_f_word(c, m, "rsvp", WD_V_RSVP, 0);
	p->has_answered = wd_f_time(c, m, "answered", 0, &p->answered);
	p->from = wd_f_id(c, m, "from", _("dialogue id"), 0);
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

	root = wd_f_root(&c);
	list = root ? wd_f_seq(&c, root, "people") : NULL;
	if (!list || !list->n)
		return;
	pp->v = calloc(list->n, sizeof(*pp->v));
	if (!pp->v) {
		wd_f_problem(&c, list, "%s", _("out of memory"));
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
		for (j = 0; j < pp->n; j++) {
			if (!strcmp(pp->v[j].id, p->id)) {
				wd_f_problem(&c, wd_ymap_get(m, "id"),
					     _("duplicate person id '%s' (first on line %u)"),
					     p->id, pp->v[j].node->line);
				break;
			}
		}
		if (j == pp->n)
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

	for (i = 0; i < pp->n; i++)
		if (!strcmp(pp->v[i].id, id))
			return &pp->v[i];
	return NULL;
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
	wd_contacts_init(cc);
}

void wd_contacts_read(struct wd_contacts *cc, struct wd_diag *diag)
{
	struct wd_fctx c = { &cc->doc, diag };
	const struct wd_ynode *root, *map;
	size_t i;

	root = wd_f_root(&c);
	map = root ? wd_f_map(&c, root, "contacts") : NULL;
	if (!map || !map->n)
		return;
	cc->v = calloc(map->n, sizeof(*cc->v));
	if (!cc->v) {
		wd_f_problem(&c, map, "%s", _("out of memory"));
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
		ct->node = m;
		ct->id = k->s;
		ct->email = wd_f_str(&c, m, "email", WD_F_LINE);
		ct->phone = wd_f_str(&c, m, "phone", WD_F_LINE);
		ct->address = wd_f_str(&c, m, "address", 0);
		if (ct->email && !strchr(ct->email, '@'))
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

	for (i = 0; i < cc->n; i++)
		if (!strcmp(cc->v[i].id, id))
			return &cc->v[i];
	return NULL;
}

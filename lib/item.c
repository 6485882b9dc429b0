/* item.c - harvest items: what came up in a dialogue (harvest/<source>.yaml) */
#include "item.h"
#include "i18n.h"
#include "slug.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>

void wd_harvest_init(struct wd_harvest *h)
{
	memset(h, 0, sizeof(*h));
	wd_ydoc_init(&h->doc);
}

void wd_harvest_release(struct wd_harvest *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		free(h->v[i].hist);
	free(h->v);
	wd_ydoc_release(&h->doc);
	wd_harvest_init(h);
}

int wd_harvest_file_name(const char *base)
{
	size_t n = strlen(base);

	return base[0] != '.' && n > 5 && !strcmp(base + n - 5, ".yaml") &&
	       !wd_store_is_temp(base);
}

static void read_history(struct wd_fctx *c, const struct wd_ynode *m,
			 struct wd_item *it)
{
	const struct wd_ynode *h = wd_f_seq(c, m, "history");
	struct wd_when w;
	size_t i;

	if (!h || !h->n)
		return;
	it->hist = calloc(h->n, sizeof(*it->hist));
	if (!it->hist) {
		wd_f_oom(c, h);
		return;
	}
	for (i = 0; i < h->n; i++) {
		const struct wd_ynode *e = h->items[i];
		struct wd_hist *x = &it->hist[it->nhist];

		if (e->type != WD_YMAP) {
			wd_f_problem(c, e, _("each history entry should be a mapping (at:, status:, note:), not %s"),
				     wd_ytype_name(e));
			continue;
		}
		if (wd_f_time(c, e, "at", WD_F_REQUIRED, &w))
			x->at = wd_f_text(wd_ymap_get(e, "at"));
		x->status = wd_f_word(c, e, "status", WD_V_STATUS, 0);
		x->note = wd_f_str(c, e, "note", 0);
		wd_f_list(c, e, "owner", &x->owner);
		x->due = wd_f_str(c, e, "due", WD_F_LINE);
		wd_f_list(c, e, "tag", &x->tag);
		x->need = wd_f_str(c, e, "need", 0);
		if (x->at)
			it->nhist++;
	}
}

static void read_item(struct wd_fctx *c, const struct wd_ynode *m,
		      struct wd_item *it)
{
	size_t i;

	memset(it, 0, sizeof(*it));
	it->node = m;
	it->named = -1;
	it->id = wd_f_id(c, m, "id", N_("item id"), WD_F_REQUIRED);
	it->kind = wd_f_word(c, m, "kind", WD_V_KIND, WD_F_REQUIRED);
	it->text = wd_f_str(c, m, "text", WD_F_REQUIRED);
	it->phase = wd_f_word(c, m, "phase", WD_V_PHASE, 0);
	if (!it->phase && it->kind && !wd_ymap_get(m, "phase"))
		it->phase = wd_kind_phase(it->kind);
	it->by = wd_f_id(c, m, "by", N_("person id"), 0);
	it->role = wd_f_word(c, m, "role", WD_V_ROLE, 0);
	it->need = wd_f_str(c, m, "need", 0);
	if (wd_f_time(c, m, "due", 0, &it->due_when)) {
		it->has_due = 1;
		it->due = wd_f_text(wd_ymap_get(m, "due"));
	}
	if (wd_ymap_get(m, "created")) {
		struct wd_when w;

		if (wd_f_time(c, m, "created", 0, &w))
			it->created = wd_f_text(wd_ymap_get(m, "created"));
	}
	wd_f_long(c, m, "table", 0, 10000, &it->table);
	it->named = wd_f_bool(c, m, "named");
	wd_f_list(c, m, "tags", &it->tags);
	wd_f_list(c, m, "owner", &it->owner);
	for (i = 0; i < it->owner.n; i++)
		if (!wd_id_valid(it->owner.v[i]))
			wd_f_problem(c, wd_ymap_get(m, "owner"),
				     _("invalid person id '%s' in 'owner'"),
				     it->owner.v[i]);
	it->status = wd_f_word(c, m, "status", WD_V_STATUS, 0);
	if (it->kind && !strcmp(it->kind, "action") && !it->status &&
	    !wd_ymap_get(m, "status"))
		it->status = "open";
	read_history(c, m, it);
}

void wd_harvest_read(struct wd_harvest *h, struct wd_diag *diag)
{
	struct wd_fctx c = { &h->doc, diag };
	const struct wd_ynode *root, *list;
	size_t i, j;

	root = wd_f_root(&c);
	list = root ? wd_f_seq(&c, root, "items") : NULL;
	if (!list || !list->n)
		return;
	h->v = calloc(list->n, sizeof(*h->v));
	if (!h->v) {
		wd_f_oom(&c, list);
		return;
	}
	for (i = 0; i < list->n; i++) {
		const struct wd_ynode *m = list->items[i];
		struct wd_item *it = &h->v[h->n];

		if (m->type != WD_YMAP) {
			wd_f_problem(&c, m, _("each item should be a mapping (id:, kind:, text:, ...), not %s"),
				     wd_ytype_name(m));
			continue;
		}
		read_item(&c, m, it);
		if (!it->id || !it->kind || !it->text) {
			free(it->hist);
			continue;
		}
		for (j = 0; j < h->n; j++) {
			if (!strcmp(h->v[j].id, it->id)) {
				wd_f_problem(&c, wd_ymap_get(m, "id"),
					     _("duplicate item id '%s' (first on line %u)"),
					     it->id, h->v[j].node->line);
				break;
			}
		}
		if (j == h->n)
			h->n++;
		else
			free(it->hist);
	}
}

/* check.c - validate every file of the workspace */
#include "check.h"
#include "dialogue.h"
#include "i18n.h"
#include "item.h"
#include "people.h"
#include "store.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct checker {
	struct wd_ws *ws;
	struct wd_problems *out;
	struct wd_diag diag;
	struct wd_error first;
	struct wd_check_stats *stats;
	struct wd_strvec ids;		/* all dialogues */
};

static void problem_at(struct checker *c, const char *file,
		       const struct wd_ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void problem_at(struct checker *c, const char *file,
		       const struct wd_ynode *n, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	wd_diag_at(&c->diag, EX_DATAERR, file, n ? n->line : 1, n ? n->col : 1,
		   "%s", msg);
}

static const struct wd_ynode *relay_node(const struct wd_dialogue *dl,
					 const char *key)
{
	const struct wd_ynode *r = wd_ymap_get(dl->doc.root, "relay");

	return r ? wd_ymap_get(r, key) : NULL;
}

/*
 * The relay is written on both dialogues.  A relay from or to a dialogue
 * that is not here is fine (it may live in another neighbourhood's
 * workspace); when both are here, they must agree.
 */
static void check_relay(struct checker *c, const struct wd_dialogue *dl)
{
	struct wd_dialogue other;
	struct wd_diag quiet;
	struct wd_error e;
	size_t i, j;

	if (dl->relay_from && wd_strvec_has(&c->ids, dl->relay_from)) {
		wd_dialogue_init(&other);
		wd_diag_init(&quiet, &e, NULL);
		if (wd_dialogue_load(&other, c->ws, dl->relay_from, &quiet) == 0) {
			for (i = 0; i < other.relay_to.n; i++)
				if (!strcmp(other.relay_to.v[i], dl->id))
					break;
			if (i == other.relay_to.n)
				problem_at(c, dl->doc.name, relay_node(dl, "from"),
					   _("the relay comes from '%s', but '%s' does not hand it on to '%s'"),
					   dl->relay_from, dl->relay_from, dl->id);
		}
		wd_dialogue_release(&other);
	}
	for (j = 0; j < dl->relay_to.n; j++) {
		const char *to = dl->relay_to.v[j];

		if (!wd_strvec_has(&c->ids, to))
			continue;
		wd_dialogue_init(&other);
		wd_diag_init(&quiet, &e, NULL);
		if (wd_dialogue_load(&other, c->ws, to, &quiet) == 0 &&
		    (!other.relay_from || strcmp(other.relay_from, dl->id)))
			problem_at(c, dl->doc.name, relay_node(dl, "to"),
				   _("the relay goes on to '%s', but '%s' says it comes from '%s'"),
				   to, to, other.relay_from ? other.relay_from :
				   _("nowhere"));
		wd_dialogue_release(&other);
	}
}

/*
 * `pp` is NULL when people.yaml could not be read: then who is who is
 * unknown, and not checked (its own problem is reported).
 */
static void check_harvest_file(struct checker *c, const char *id,
			       const char *rel, const struct wd_people *pp,
			       struct wd_strvec *item_ids)
{
	struct wd_buf path = WD_BUF_INIT(0);
	struct wd_harvest h;
	struct wd_error e;	/* not c->first: that is the first problem */
	size_t i, j;

	wd_harvest_init(&h);
	c->stats->files++;
	if ((wd_ws_join(c->ws, &path, rel) < 0 && wd_error_oom(&e)) ||
	    wd_ydoc_load(&h.doc, path.ptr, rel, NULL, &e) < 0) {
		wd_diag_error(&c->diag, &e);
		goto out;
	}
	wd_harvest_read(&h, &c->diag);
	for (i = 0; i < h.n; i++) {
		const struct wd_item *it = &h.v[i];
		const struct wd_ynode *m = it->node;

		if (wd_strvec_has(item_ids, it->id))
			problem_at(c, rel, wd_ymap_get(m, "id"),
				   _("item id '%s' is used twice in dialogue '%s'"),
				   it->id, id);
		else if (wd_strvec_push(item_ids, it->id) < 0)
			c->diag.failed = 1;
		if (!pp)
			continue;
		if (it->by && !wd_people_find(pp, it->by))
			problem_at(c, rel, wd_ymap_get(m, "by"),
				   _("'%s' is not a person of dialogue '%s'"),
				   it->by, id);
		for (j = 0; j < it->owner.n; j++)
			if (!wd_people_find(pp, it->owner.v[j]))
				problem_at(c, rel, wd_ymap_get(m, "owner"),
					   _("owner '%s' is not a person of dialogue '%s'"),
					   it->owner.v[j], id);
	}
out:
	wd_harvest_release(&h);
	wd_buf_release(&path);
}

static void check_harvest(struct checker *c, const char *id,
			  const struct wd_people *pp)
{
	struct wd_buf rel = WD_BUF_INIT(0), path = WD_BUF_INIT(0);
	struct wd_strvec files = WD_STRVEC_INIT, item_ids = WD_STRVEC_INIT;
	struct wd_error e2;
	struct dirent *e;
	struct stat st;
	DIR *d;
	size_t i;

	if (wd_buf_addf(&rel, "%s/harvest", id) < 0 ||
	    wd_ws_join(c->ws, &path, rel.ptr) < 0)
		goto oom;
	if (lstat(path.ptr, &st) == 0 && S_ISLNK(st.st_mode)) {
		/* not followed: it could lead out of the workspace */
		wd_diag_at(&c->diag, EX_DATAERR, rel.ptr, 0, 0, "%s",
			   _("is a symbolic link; refused"));
		goto out;
	}
	/* no harvest yet; anything else is not "nothing to check" (out of
	 * memory fails the check) */
	if (wd_store_opendir(path.ptr, rel.ptr, &d, &e2) < 0)
		wd_diag_error(&c->diag, &e2);
	if (!d)
		goto out;
	while ((e = readdir(d)))
		if (wd_harvest_file_name(e->d_name) &&
		    wd_strvec_push(&files, e->d_name) < 0) {
			closedir(d);
			goto oom;
		}
	closedir(d);
	wd_strvec_sort(&files);
	for (i = 0; i < files.n; i++) {
		wd_buf_reset(&rel);
		if (wd_buf_addf(&rel, "%s/harvest/%s", id, files.v[i]) < 0)
			goto oom;
		check_harvest_file(c, id, rel.ptr, pp, &item_ids);
	}
	goto out;
oom:
	c->diag.failed = 1;
out:
	wd_buf_release(&rel);
	wd_buf_release(&path);
	wd_strvec_release(&files);
	wd_strvec_release(&item_ids);
}

static void check_contacts(struct checker *c, const char *id,
			   const struct wd_people *pp)
{
	struct wd_contacts cc;
	struct wd_buf name = WD_BUF_INIT(0), path = WD_BUF_INIT(0);
	struct wd_error e;
	size_t i;

	wd_contacts_init(&cc);
	if (wd_buf_addf(&name, "%s/contacts.yaml", id) < 0 ||
	    wd_ws_join(c->ws, &path, name.ptr) < 0) {
		c->diag.failed = 1;
		goto out;
	}
	if (wd_ydoc_load(&cc.doc, path.ptr, name.ptr, NULL, &e) < 0) {
		if (e.code != EX_NOINPUT)
			wd_diag_error(&c->diag, &e);
		goto out;
	}
	c->stats->files++;
	wd_contacts_read(&cc, &c->diag);
	for (i = 0; pp && i < cc.n; i++)
		if (!wd_people_find(pp, cc.v[i].id))
			problem_at(c, name.ptr,
				   cc.v[i].node ? cc.v[i].node : NULL,
				   _("contact data of '%s', who is not in people.yaml of '%s'"),
				   cc.v[i].id, id);
out:
	wd_contacts_release(&cc);
	wd_buf_release(&name);
	wd_buf_release(&path);
}

static void check_dialogue(struct checker *c, const char *id)
{
	struct wd_dialogue dl;
	struct wd_people pp;
	size_t before;
	int people_ok;

	wd_dialogue_init(&dl);
	wd_people_init(&pp);
	c->stats->files++;
	wd_dialogue_load(&dl, c->ws, id, &c->diag);
	if (dl.doc.root)
		check_relay(c, &dl);
	before = c->diag.count;
	wd_people_load(&pp, c->ws, id, &c->diag);
	if (pp.doc.src)
		c->stats->files++;
	people_ok = c->diag.count == before;
	check_contacts(c, id, people_ok ? &pp : NULL);
	check_harvest(c, id, people_ok ? &pp : NULL);
	wd_people_release(&pp);
	wd_dialogue_release(&dl);
}

int wd_check(struct wd_ws *ws, struct wd_problems *out,
	     struct wd_check_stats *stats, struct wd_error *err)
{
	struct checker c;
	size_t i;
	int r = -1;

	memset(&c, 0, sizeof(c));
	memset(stats, 0, sizeof(*stats));
	c.ws = ws;
	c.out = out;
	c.stats = stats;
	wd_diag_init(&c.diag, &c.first, out);
	if (wd_ws_dialogues(ws, &c.ids, err) < 0)
		goto out;
	stats->dialogues = c.ids.n;
	stats->files = 1;		/* wd.yaml */
	for (i = 0; i < c.ids.n && !c.diag.failed; i++)
		check_dialogue(&c, c.ids.v[i]);
	if (c.diag.failed) {
		wd_error_oom(err);
		goto out;
	}
	wd_problems_sort(out);
	r = 0;
out:
	wd_strvec_release(&c.ids);
	return r;
}

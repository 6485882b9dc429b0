/* report.c - dialogues as reports show them: from the index, names only with consent */
#include "report.h"
#include "buf.h"
#include "i18n.h"
#include "timefmt.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

void wd_report_init(struct wd_report *r)
{
	memset(r, 0, sizeof(*r));
	wd_arena_init(&r->arena);
}

void wd_report_release(struct wd_report *r)
{
	free(r->d);
	wd_arena_release(&r->arena);
	wd_report_init(r);
}

/* --- words --- */

static const struct {
	const char *key, *nl, *en;
} words[] = {
	{ "when", "Wanneer", "When" },
	{ "where", "Waar", "Where" },
	{ "theme", "Thema", "Theme" },
	{ "question", "Vraag", "Question" },
	{ "hosts", "Gespreksbegeleiders", "Hosts" },
	{ "host", "een gespreksbegeleider", "a host" },
	{ "participation", "Deelname", "Participation" },
	{ "role", "rol", "role" },
	{ "invited", "uitgenodigd", "invited" },
	{ "yes", "komt", "coming" },
	{ "attended", "aanwezig", "attended" },
	{ "total", "totaal", "total" },
	{ "residents_largest", "Bewoners waren de grootste groep.",
	  "Residents were the largest group." },
	{ "residents_not_largest", "Bewoners waren niet de grootste groep.",
	  "Residents were not the largest group." },
	{ "harvest", "Oogst", "Harvest" },
	{ "actions", "Acties", "Actions" },
	{ "no_actions", "Nog geen acties.", "No actions yet." },
	{ "no_harvest", "Nog geen oogst.", "No harvest yet." },
	{ "relay", "Estafette", "Relay" },
	{ "from", "Het stokje kwam van", "The baton came from" },
	{ "to", "Het stokje gaat naar", "The baton goes to" },
	{ "baton", "Het stokje", "The baton" },
	{ "returning", "deelnemers kwamen ook naar de vorige dialoog",
	  "participants also came to the previous dialogue" },
	{ "returning1", "deelnemer kwam ook naar de vorige dialoog",
	  "participant also came to the previous dialogue" },
	{ "due", "uiterlijk", "due" },
	{ "overdue", "te laat", "overdue" },
	{ "nobody", "nog niemand", "nobody yet" },
	{ "elsewhere", "in een andere werkruimte", "in another workspace" },
	{ "capacity", "plaatsen", "places" },
	{ "dialogues", "Dialogen", "Dialogues" },
	{ "report", "Verslag", "Report" },
	{ "status", "stand", "status" },
	{ "phase", "Oogst per ronde", "Harvest by round" },
	{ "action_status", "Stand van de acties", "Action status" },
	{ "by_role", "Deelname per rol", "Participation by role" },
	{ "themes", "Thema's", "Themes" },
	{ "over_time", "Dialogen door de tijd", "Dialogues over time" },
	{ "made_with", "Gemaakt met wijkdialoog", "Made with wijkdialoog" },
	{ "on", "op", "on" },
	{ "overview", "Overzicht", "Overview" },
	{ "dialogue", "Dialoog", "Dialogue" },
	{ "n_dialogues", "dialogen", "dialogues" },
	{ "n_items", "punten geoogst", "items harvested" },
	{ "n_actions", "acties", "actions" },
	{ "need", "nodig", "needed" },
	{ "none", "Geen dialogen in dit verslag.", "No dialogues in this report." },
	{ "period_from", "van", "from" },
	{ "period_to", "tot en met", "to" },
};

const char *wd_report_word(const char *key, const char *lang)
{
	int en = lang && !strcmp(lang, "en");
	size_t i;

	for (i = 0; i < sizeof(words) / sizeof(*words); i++)
		if (!strcmp(words[i].key, key))
			return en ? words[i].en : words[i].nl;
	return key;
}

const char *wd_group_label(enum wd_group g, const char *lang)
{
	static const char *const nl[WD_GROUPS] = {
		"Wat werkt: ervaringen en citaten", "Dromen",
		"Mogelijkheden en verbindingen", "Vragen", "Acties",
		"Het estafettestokje", "Terugblik",
	};
	static const char *const en[WD_GROUPS] = {
		"What works: experiences and quotes", "Dreams",
		"Possibilities and connections", "Questions", "Actions",
		"The baton", "Feedback",
	};

	if ((unsigned)g >= WD_GROUPS)
		return "";
	return lang && !strcmp(lang, "en") ? en[g] : nl[g];
}

static enum wd_group group_of(const char *kind)
{
	static const enum wd_group g[WD_KINDS] = {
		WD_G_WORKS, WD_G_WORKS, WD_G_DREAMS, WD_G_POSSIBLE,
		WD_G_POSSIBLE, WD_G_ACTIONS, WD_G_BATON, WD_G_QUESTIONS,
		WD_G_FEEDBACK,
	};
	int k = wd_vocab_index(WD_V_KIND, kind);

	return k < 0 ? WD_G_FEEDBACK : g[k];
}

/* --- loading --- */

struct who {
	const char *id, *name, *role;
	int named;
	char *folded;
};

struct loader {
	struct wd_report *r;
	struct wd_index *ix;
	struct wd_error *err;
	struct who *people;
	size_t npeople, apeople;
};

static const char *keep(struct loader *l, const unsigned char *s)
{
	char *c;

	if (!s)
		return NULL;
	c = wd_arena_strdup(&l->r->arena, (const char *)s);
	if (!c)
		wd_error_oom(l->err);
	return c;
}

static int sql_error(struct loader *l)
{
	return wd_index_error(l->ix, l->err, _("cannot read"));
}

static int prepare(struct loader *l, const char *q, sqlite3_stmt **st)
{
	if (sqlite3_prepare_v2(l->ix->db, q, -1, st, NULL) != SQLITE_OK)
		return sql_error(l);
	return 0;
}

/* A person as a report may show them. */
static const char *shown(const struct loader *l, const char *id,
			 const char *role)
{
	size_t i;

	for (i = 0; id && i < l->npeople; i++)
		if (!strcmp(l->people[i].id, id)) {
			if (l->people[i].named)
				return l->people[i].name;
			role = l->people[i].role;
			break;
		}
	return wd_vocab_someone(role ? role : "other", l->r->lang);
}

static void forget_people(struct loader *l)
{
	size_t i;

	for (i = 0; i < l->npeople; i++)
		free(l->people[i].folded);
	l->npeople = 0;
}

static int load_people(struct loader *l, struct wd_rep_dialogue *d)
{
	static const char q[] =
		"SELECT id, name, role, consent_named, rsvp, waiting, attended,"
		" invitation_sent FROM person WHERE dialogue = ?1 ORDER BY pos";
	sqlite3_stmt *st = NULL;
	struct wd_buf f = WD_BUF_INIT(0);
	int rc, r = -1;

	forget_people(l);
	if (prepare(l, q, &st) < 0)
		return -1;
	if (sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC) != SQLITE_OK) {
		sql_error(l);
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *named = (const char *)sqlite3_column_text(st, 3);
		const char *rsvp = (const char *)sqlite3_column_text(st, 4);
		int role = wd_vocab_index(WD_V_ROLE,
					  (const char *)sqlite3_column_text(st, 2));
		int yes = rsvp && !strcmp(rsvp, "yes") &&
			  sqlite3_column_int(st, 5) != 1;
		int attended = sqlite3_column_int(st, 6) == 1;
		int invited = rsvp || sqlite3_column_type(st, 7) != SQLITE_NULL;
		struct who *w;

		if (role < 0)
			role = WD_ROLES - 1;
		d->role[role].total++;
		d->role[role].invited += invited;
		d->role[role].yes += yes;
		d->role[role].attended += attended;
		if (l->npeople == l->apeople) {
			size_t na = l->apeople ? l->apeople * 2 : 64;
			struct who *v = realloc(l->people, na * sizeof(*v));

			if (!v) {
				wd_error_oom(l->err);
				goto out;
			}
			l->people = v;
			l->apeople = na;
		}
		w = &l->people[l->npeople];
		memset(w, 0, sizeof(*w));
		w->id = keep(l, sqlite3_column_text(st, 0));
		w->name = keep(l, sqlite3_column_text(st, 1));
		w->role = wd_vocab_at(WD_V_ROLE, (size_t)role);
		w->named = named && *named;
		wd_buf_reset(&f);
		if (!w->id || !w->name || wd_utf8_fold(&f, w->name) < 0 ||
		    !(w->folded = strdup(wd_buf_str(&f)))) {
			wd_error_oom(l->err);
			goto out;
		}
		l->npeople++;
	}
	if (rc != SQLITE_DONE) {
		sql_error(l);
		goto out;
	}
	{
		struct wd_rep_count *all = &d->all;
		long best_other = 0, res;
		int i, by_att;

		for (i = 0; i < WD_ROLES; i++) {
			all->total += d->role[i].total;
			all->invited += d->role[i].invited;
			all->yes += d->role[i].yes;
			all->attended += d->role[i].attended;
		}
		/* of who came when the dialogue was held, else of who said yes */
		by_att = all->attended > 0;
		res = by_att ? d->role[0].attended : d->role[0].yes;
		for (i = 1; i < WD_ROLES; i++) {
			long v = by_att ? d->role[i].attended : d->role[i].yes;

			if (v > best_other)
				best_other = v;
		}
		d->residents_largest = res > 0 && res > best_other;
	}
	r = 0;
out:
	sqlite3_finalize(st);
	wd_buf_release(&f);
	return r;
}

/* Hosts by name: shown when someone of that name consented, else a role. */
static int load_hosts(struct loader *l, struct wd_rep_dialogue *d,
		      const char *joined)
{
	struct wd_buf f = WD_BUF_INIT(0), one = WD_BUF_INIT(0);
	const char *p = joined, *e;
	size_t n = 1, i;

	if (!joined)
		return 0;
	for (e = joined; (e = strstr(e, ", ")); e += 2)
		n++;
	d->hosts = wd_arena_alloc(&l->r->arena, n * sizeof(*d->hosts));
	if (!d->hosts)
		return wd_error_oom(l->err);
	while (*p) {
		const char *host = wd_report_word("host", l->r->lang);

		e = strstr(p, ", ");
		if (!e)
			e = p + strlen(p);
		wd_buf_reset(&one);
		wd_buf_reset(&f);
		if (wd_buf_add(&one, p, (size_t)(e - p)) < 0 ||
		    wd_utf8_fold(&f, wd_buf_str(&one)) < 0)
			goto oom;
		for (i = 0; i < l->npeople; i++)
			if (l->people[i].named && !strcmp(l->people[i].folded, f.ptr))
				host = l->people[i].name;
		d->hosts[d->nhosts++] = host;
		p = *e ? e + 2 : e;
	}
	wd_buf_release(&f);
	wd_buf_release(&one);
	return 0;
oom:
	wd_buf_release(&f);
	wd_buf_release(&one);
	return wd_error_oom(l->err);
}

static int split_owners(struct loader *l, struct wd_rep_item *it,
			const char *owners)
{
	const char *p = owners, *e;
	size_t n = 1;

	if (!owners || !*owners)
		return 0;
	for (e = owners; *e; e++)
		n += *e == ',';
	it->owners = wd_arena_alloc(&l->r->arena, n * sizeof(*it->owners));
	if (!it->owners)
		return wd_error_oom(l->err);
	while (*p) {
		char id[80];
		size_t len;

		e = strchr(p, ',');
		if (!e)
			e = p + strlen(p);
		len = (size_t)(e - p) < sizeof(id) ? (size_t)(e - p) : sizeof(id) - 1;
		memcpy(id, p, len);
		id[len] = '\0';
		it->owners[it->nowners++] = shown(l, id, NULL);
		p = *e ? e + 1 : e;
	}
	return 0;
}

static int load_items(struct loader *l, struct wd_rep_dialogue *d)
{
	static const char q[] =
		"SELECT id, kind, phase, text, by, role, owner, due, due_t,"
		" status, need, named FROM item WHERE dialogue = ?1"
		" ORDER BY source, pos";
	sqlite3_stmt *st = NULL;
	size_t alloc = 0, i;
	int64_t today = wd_day_start(l->r->now);
	int rc, r = -1;

	if (prepare(l, q, &st) < 0)
		return -1;
	if (sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC) != SQLITE_OK) {
		sql_error(l);
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct wd_rep_item *it;
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		int k = wd_vocab_index(WD_V_KIND, kind), s;

		if (d->nitems == alloc) {
			size_t na = alloc ? alloc * 2 : 32;
			struct wd_rep_item *v = wd_arena_alloc(&l->r->arena,
							       na * sizeof(*v));

			if (!v) {
				wd_error_oom(l->err);
				goto out;
			}
			if (d->nitems)
				memcpy(v, d->items, d->nitems * sizeof(*v));
			d->items = v;
			alloc = na;
		}
		it = &d->items[d->nitems];
		memset(it, 0, sizeof(*it));
		it->id = keep(l, sqlite3_column_text(st, 0));
		it->kind = keep(l, sqlite3_column_text(st, 1));
		it->phase = keep(l, sqlite3_column_text(st, 2));
		it->text = keep(l, sqlite3_column_text(st, 3));
		it->due = keep(l, sqlite3_column_text(st, 7));
		it->status = keep(l, sqlite3_column_text(st, 9));
		it->need = keep(l, sqlite3_column_text(st, 10));
		if (!it->id || !it->kind || !it->text) {
			wd_error_oom(l->err);
			goto out;
		}
		it->group = group_of(it->kind);
		if (k == wd_vocab_index(WD_V_KIND, "quote")) {
			const char *by = (const char *)sqlite3_column_text(st, 4);
			const char *role = (const char *)sqlite3_column_text(st, 5);

			/* a quote names its speaker when both say so */
			if (sqlite3_column_int(st, 11) == 1 || !by)
				it->who = by ? shown(l, by, role) :
					  role ? wd_vocab_someone(role, l->r->lang) : NULL;
			else
				it->who = wd_vocab_someone(role ? role : "other",
							   l->r->lang);
		}
		if (split_owners(l, it, (const char *)sqlite3_column_text(st, 6)) < 0)
			goto out;
		s = it->status ? wd_vocab_index(WD_V_STATUS, it->status) : -1;
		if (!strcmp(it->kind, "action")) {
			if (s >= 0)
				d->statuses[s]++;
			if (it->due && sqlite3_column_int64(st, 8) < today &&
			    (s == 0 || s == 1)) {
				it->overdue = 1;
				d->overdue++;
			}
		}
		if (k >= 0)
			d->kinds[k]++;
		d->groups[it->group]++;
		d->nitems++;
	}
	if (rc != SQLITE_DONE) {
		sql_error(l);
		goto out;
	}
	/* insertion sort by group keeps the file order inside each group */
	for (i = 1; i < d->nitems; i++) {
		struct wd_rep_item t = d->items[i];
		size_t j = i;

		while (j > 0 && d->items[j - 1].group > t.group) {
			d->items[j] = d->items[j - 1];
			j--;
		}
		d->items[j] = t;
	}
	r = 0;
out:
	sqlite3_finalize(st);
	return r;
}

static const char *title_of(struct loader *l, const char *id)
{
	sqlite3_stmt *st = NULL;
	const char *t = NULL;

	if (prepare(l, "SELECT title FROM dialogue WHERE id = ?1", &st) < 0)
		return NULL;
	if (sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		t = keep(l, sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return t;
}

static long returning(struct loader *l, const struct wd_rep_dialogue *d)
{
	static const char q[] = WD_SQL_RETURNING;
	sqlite3_stmt *st = NULL;
	long n = 0;

	if (!d->from.id || prepare(l, q, &st) < 0)
		return 0;
	if (sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC) == SQLITE_OK &&
	    sqlite3_bind_text(st, 2, d->from.id, -1, SQLITE_STATIC) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static int load_relay(struct loader *l, struct wd_rep_dialogue *d,
		      const char *from, const char *to)
{
	const char *p = to, *e;
	size_t n = 1;

	if (from) {
		d->from.id = from;
		d->from.title = title_of(l, from);
	}
	if (!to || !*to)
		return 0;
	for (e = to; *e; e++)
		n += *e == ',';
	d->to = wd_arena_alloc(&l->r->arena, n * sizeof(*d->to));
	if (!d->to)
		return wd_error_oom(l->err);
	while (*p) {
		char *id;

		e = strchr(p, ',');
		if (!e)
			e = p + strlen(p);
		id = wd_arena_strndup(&l->r->arena, p, (size_t)(e - p));
		if (!id)
			return wd_error_oom(l->err);
		d->to[d->nto].id = id;
		d->to[d->nto].title = title_of(l, id);
		d->nto++;
		p = *e ? e + 1 : e;
	}
	return 0;
}

static int load_dialogue(struct loader *l, sqlite3_stmt *st,
			 struct wd_rep_dialogue *d)
{
	memset(d, 0, sizeof(*d));
	d->id = keep(l, sqlite3_column_text(st, 0));
	d->title = keep(l, sqlite3_column_text(st, 1));
	d->theme = keep(l, sqlite3_column_text(st, 2));
	d->question = keep(l, sqlite3_column_text(st, 3));
	d->place = keep(l, sqlite3_column_text(st, 4));
	d->venue = keep(l, sqlite3_column_text(st, 5));
	d->status = keep(l, sqlite3_column_text(st, 6));
	d->lang = keep(l, sqlite3_column_text(st, 7));
	d->start = keep(l, sqlite3_column_text(st, 8));
	d->has_start = sqlite3_column_type(st, 9) != SQLITE_NULL;
	d->start_t = sqlite3_column_int64(st, 9);
	d->end = keep(l, sqlite3_column_text(st, 10));
	d->has_end = sqlite3_column_type(st, 11) != SQLITE_NULL;
	d->end_t = sqlite3_column_int64(st, 11);
	d->capacity = sqlite3_column_int(st, 12);
	d->baton = keep(l, sqlite3_column_text(st, 16));
	d->has_time = d->start && strpbrk(d->start, "T ") != NULL;
	if (!d->id || !d->title)
		return wd_error_oom(l->err);
	if (load_people(l, d) < 0 ||
	    load_hosts(l, d, (const char *)sqlite3_column_text(st, 13)) < 0 ||
	    load_relay(l, d, keep(l, sqlite3_column_text(st, 14)),
		       (const char *)sqlite3_column_text(st, 15)) < 0 ||
	    load_items(l, d) < 0)
		return -1;
	d->returning = returning(l, d);
	return 0;
}

int wd_report_load(struct wd_report *r, struct wd_index *ix,
		   const struct wd_report_filter *f, const struct wd_ws *ws,
		   struct wd_error *err)
{
	static const char q[] =
		"SELECT id, title, theme, question, place, venue, status,"
		" language, start, start_t, \"end\", end_t, capacity, hosts,"
		" relay_from, relay_to, relay_baton FROM dialogue"
		" WHERE (?1 IS NULL OR id = ?1) AND (?2 = 0 OR start_t >= ?2)"
		" AND (?3 = 0 OR start_t < ?3) ORDER BY start_t, id";
	struct loader l;
	sqlite3_stmt *st = NULL;
	size_t alloc = 0;
	int rc, ret = -1;

	memset(&l, 0, sizeof(l));
	l.r = r;
	l.ix = ix;
	l.err = err;
	r->lang = ws->set.lang;
	r->now = ws->now;
	r->workspace = ws->set.name;
	r->organisation = ws->set.organisation;
	if (prepare(&l, q, &st) < 0)
		return -1;
	if ((f->dialogue ? sqlite3_bind_text(st, 1, f->dialogue, -1, SQLITE_STATIC) :
	     sqlite3_bind_null(st, 1)) ||
	    sqlite3_bind_int64(st, 2, f->since) ||
	    sqlite3_bind_int64(st, 3, f->until)) {
		sql_error(&l);
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (r->n == alloc) {
			size_t na = alloc ? alloc * 2 : 8;
			struct wd_rep_dialogue *v = realloc(r->d, na * sizeof(*v));

			if (!v) {
				wd_error_oom(err);
				goto out;
			}
			r->d = v;
			alloc = na;
		}
		if (load_dialogue(&l, st, &r->d[r->n]) < 0)
			goto out;
		r->n++;
	}
	if (rc != SQLITE_DONE) {
		sql_error(&l);
		goto out;
	}
	ret = 0;
out:
	sqlite3_finalize(st);
	forget_people(&l);
	free(l.people);
	return ret;
}

/* seating.c - a seating plan: tables that mix roles and spread organisations */
#include "seating.h"
#include "i18n.h"
#include "vocab.h"
#include "yedit.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * The plan is greedy and deterministic.  People are taken one by one in
 * a fixed order, and each goes to the table where they add least to
 * what the table has already: fewest of their role, fewest of their
 * organisation, then the emptiest table, then the lowest number.  The
 * order makes the guarantees: residents come first (after resident
 * hosts), on tables that hold nothing else yet, so they are spread
 * evenly (counts per table differ by at most one, and no table lacks
 * one when there are as many residents as tables); the other citizens
 * come before the professionals, so that a table gets a citizen before
 * it gets a second professional.  Table sizes are fixed in advance: n
 * people at t tables sit q = n / t to a table, and n % t tables get one
 * more.
 */

#define NROLES 16

int wd_role_professional(const char *role)
{
	return role && (!strcmp(role, "professional") ||
			!strcmp(role, "municipality"));
}

static int is_resident(const struct wd_seat *s)
{
	return s->role && !strcmp(s->role, "resident");
}

struct plan {
	struct wd_seat *v;
	size_t n;
	long t;				/* tables */
	long q, big_max, big;		/* seats: q, or q + 1 for big_max */
	int *role;			/* per person: role index */
	int *org;			/* per person: organisation, -1 none */
	int *rank;			/* per person: the order key */
	int *orgsize;			/* per organisation */
	size_t norgs;
	long *total, *hosts, *citizens;
	long *rolec;			/* [table * NROLES + role] */
	long *orgc;			/* [table * norgs + org] */
};

static const struct plan *sort_plan;	/* for qsort: single-threaded */

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return !a - !b;
	return strcmp(a, b);
}

static int cmp_person(const void *pa, const void *pb)
{
	const struct plan *p = sort_plan;
	size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
	int c;

	if (p->rank[a] != p->rank[b])
		return p->rank[a] < p->rank[b] ? -1 : 1;
	/* the bigger organisations first, so they are spread from the start */
	if (p->org[a] != p->org[b]) {
		int sa = p->org[a] < 0 ? 0 : p->orgsize[p->org[a]];
		int sb = p->org[b] < 0 ? 0 : p->orgsize[p->org[b]];

		if (sa != sb)
			return sa > sb ? -1 : 1;
		c = cmp_str(p->v[a].organisation, p->v[b].organisation);
		if (c)
			return c;
	}
	return cmp_str(p->v[a].id, p->v[b].id);
}

static int fits(const struct plan *p, long t)
{
	return p->total[t] < p->q || (p->total[t] == p->q && p->big < p->big_max);
}

enum phase { P_RES_HOST, P_RES, P_HOST, P_OTHER };

/* The table person i goes to. */
static long choose(const struct plan *p, size_t i, enum phase ph,
		   int free_host)
{
	long best = -1, t;
	long key[5], bk[5] = { 0, 0, 0, 0, 0 };
	int r = p->role[i], o = p->org[i], k;
	int citizen = !wd_role_professional(p->v[i].role);

	for (t = 0; t < p->t; t++) {
		long oc = o < 0 ? 0 : p->orgc[t * (long)p->norgs + o];

		if (!fits(p, t))
			continue;
		if ((ph == P_RES_HOST || ph == P_HOST) && free_host && p->hosts[t])
			continue;
		switch (ph) {
		case P_RES_HOST:
		case P_RES:
			key[0] = p->rolec[t * NROLES + r];
			key[1] = oc;
			key[2] = p->total[t];
			key[3] = key[4] = 0;
			break;
		case P_HOST:
			key[0] = p->hosts[t];
			key[1] = p->rolec[t * NROLES + r];
			key[2] = citizen ? p->citizens[t] : 0;
			key[3] = oc;
			key[4] = p->total[t];
			break;
		default:
			key[0] = p->rolec[t * NROLES + r];
			key[1] = citizen ? p->citizens[t] : 0;
			key[2] = oc;
			key[3] = p->total[t];
			key[4] = 0;
			break;
		}
		for (k = 0; best >= 0 && k < 5 && key[k] == bk[k]; k++)
			;
		if (best < 0 || (k < 5 && key[k] < bk[k])) {
			best = t;
			memcpy(bk, key, sizeof(bk));
		}
	}
	return best;
}

static void seat(struct plan *p, size_t i, long t)
{
	if (p->total[t] == p->q)
		p->big++;
	p->total[t]++;
	p->hosts[t] += p->v[i].host != 0;
	p->citizens[t] += !wd_role_professional(p->v[i].role);
	p->rolec[t * NROLES + p->role[i]]++;
	if (p->org[i] >= 0)
		p->orgc[t * (long)p->norgs + p->org[i]]++;
	p->v[i].table = t + 1;
}

static void plan_release(struct plan *p)
{
	free(p->role);
	free(p->org);
	free(p->rank);
	free(p->orgsize);
	free(p->total);
	free(p->hosts);
	free(p->citizens);
	free(p->rolec);
	free(p->orgc);
}

/* Number the organisations (case ignored) and count their people. */
static int organisations(struct plan *p)
{
	size_t i, j;

	for (i = 0; i < p->n; i++) {
		const char *o = p->v[i].organisation;

		p->org[i] = -1;
		if (!o || !*o)
			continue;
		for (j = 0; j < i; j++)
			if (p->org[j] >= 0 && !strcasecmp(p->v[j].organisation, o))
				break;
		if (j < i) {
			p->org[i] = p->org[j];
		} else {
			p->org[i] = (int)p->norgs;
			p->orgsize[p->norgs++] = 0;
		}
		p->orgsize[p->org[i]]++;
	}
	return 0;
}

/* The order of the roles after the residents: citizens, then by count. */
static void role_ranks(const struct plan *p, int *rank)
{
	size_t count[NROLES], nr = wd_vocab_count(WD_V_ROLE), i, j;
	int order[NROLES], next = 0;

	memset(count, 0, sizeof(count));
	for (i = 0; i < p->n; i++)
		count[p->role[i]]++;
	for (i = 0; i < nr && i < NROLES; i++)
		order[i] = (int)i;
	/* stable: professional last, then more people first, then vocab order */
	for (i = 1; i < nr && i < NROLES; i++) {
		int v = order[i];

		for (j = i; j > 0; j--) {
			int u = order[j - 1];
			int pu = wd_role_professional(wd_vocab_at(WD_V_ROLE, (size_t)u));
			int pv = wd_role_professional(wd_vocab_at(WD_V_ROLE, (size_t)v));

			if (pu < pv || (pu == pv && count[u] >= count[v]))
				break;
			order[j] = u;
		}
		order[j] = v;
	}
	for (i = 0; i < nr && i < NROLES; i++)
		rank[order[i]] = next++;
}

long wd_seating_plan(struct wd_seat *v, size_t n, long size,
		     struct wd_error *err)
{
	struct plan p;
	size_t *order = NULL, i, hosts = 0;
	int rrank[NROLES];
	long t, ret = -1;

	if (size < 1)
		return wd_error_set(err, EX_USAGE, "%s",
				    _("a table needs at least one seat"));
	if (!n)
		return 0;
	memset(&p, 0, sizeof(p));
	p.v = v;
	p.n = n;
	for (i = 0; i < n; i++)
		hosts += v[i].host != 0;
	p.t = (long)((n + (size_t)size - 1) / (size_t)size);
	/* a table for every host, while tables keep at least four people */
	if ((long)hosts > p.t) {
		long most = (long)(n / 4);

		if (most > p.t)
			p.t = (long)hosts < most ? (long)hosts : most;
	}
	p.q = (long)n / p.t;
	p.big_max = (long)n % p.t;
	p.role = calloc(n, sizeof(*p.role));
	p.org = calloc(n, sizeof(*p.org));
	p.rank = calloc(n, sizeof(*p.rank));
	p.orgsize = calloc(n, sizeof(*p.orgsize));
	p.total = calloc((size_t)p.t, sizeof(*p.total));
	p.hosts = calloc((size_t)p.t, sizeof(*p.hosts));
	p.citizens = calloc((size_t)p.t, sizeof(*p.citizens));
	p.rolec = calloc((size_t)p.t * NROLES, sizeof(*p.rolec));
	order = calloc(n, sizeof(*order));
	if (!p.role || !p.org || !p.rank || !p.orgsize || !p.total ||
	    !p.hosts || !p.citizens || !p.rolec || !order)
		goto oom;
	for (i = 0; i < n; i++) {
		int r = wd_vocab_index(WD_V_ROLE, v[i].role ? v[i].role : "other");

		p.role[i] = r < 0 || r >= NROLES ?
			    wd_vocab_index(WD_V_ROLE, "other") : r;
		v[i].table = 0;
	}
	organisations(&p);
	p.orgc = calloc((size_t)p.t * (p.norgs ? p.norgs : 1), sizeof(*p.orgc));
	if (!p.orgc)
		goto oom;
	role_ranks(&p, rrank);
	for (i = 0; i < n; i++) {
		enum phase ph = is_resident(&v[i]) ?
				(v[i].host ? P_RES_HOST : P_RES) :
				(v[i].host ? P_HOST : P_OTHER);

		/* phase first, then the role's place, in steps of NROLES */
		p.rank[i] = (int)ph * NROLES +
			    (ph == P_OTHER || ph == P_HOST ? rrank[p.role[i]] : 0);
		order[i] = i;
	}
	sort_plan = &p;
	qsort(order, n, sizeof(*order), cmp_person);
	if (hosts > (size_t)p.t) {
		size_t seen = 0;

		/* hosts beyond one a table sit as who they are */
		for (i = 0; i < n; i++) {
			size_t k = order[i];

			if (!v[k].host || ++seen <= (size_t)p.t)
				continue;
			p.rank[k] = is_resident(&v[k]) ? (int)P_RES * NROLES :
				    (int)P_OTHER * NROLES + rrank[p.role[k]];
		}
		qsort(order, n, sizeof(*order), cmp_person);
	}
	sort_plan = NULL;
	for (i = 0; i < n; i++) {
		size_t who = order[i];
		enum phase ph = (enum phase)(p.rank[who] / NROLES);

		t = choose(&p, who, ph, 1);
		if (t < 0)
			t = choose(&p, who, ph, 0);
		if (t < 0) {
			wd_error_set(err, EX_SOFTWARE, "%s",
				     _("internal error: no seat left"));
			goto out;
		}
		seat(&p, who, t);
	}
	ret = p.t;
	goto out;
oom:
	wd_error_oom(err);
out:
	free(order);
	plan_release(&p);
	return ret;
}

/* --- the plan for a dialogue --- */

static unsigned default_status(const struct wd_people *pp)
{
	size_t i;

	for (i = 0; i < pp->n; i++)
		if (pp->v[i].attended)
			return WD_ST_ATTENDED;
	return WD_ST_ADDED | WD_ST_INVITED | WD_ST_YES | WD_ST_MAYBE;
}

static void stats(const struct wd_seat *v, size_t n, long tables,
		  struct wd_seating_stats *st)
{
	long t;
	size_t i;
	int any_host = 0;

	memset(st, 0, sizeof(*st));
	st->tables = tables;
	st->seated = n;
	for (i = 0; i < n; i++)
		any_host |= v[i].host;
	for (t = 1; t <= tables; t++) {
		int host = 0, res = 0, prof = 0, other = 0;

		for (i = 0; i < n; i++) {
			if (v[i].table != t)
				continue;
			host |= v[i].host;
			res |= is_resident(&v[i]);
			if (wd_role_professional(v[i].role))
				prof = 1;
			else
				other = 1;
		}
		st->no_host += any_host && !host;
		st->no_resident += !res;
		st->only_professionals += prof && !other;
	}
}

int wd_invite_tables(struct wd_roster *r, long size, unsigned status,
		     struct wd_seating_stats *st, struct wd_error *err)
{
	struct wd_seat *v;
	char **ids = NULL;
	size_t *who = NULL, i, n = 0, np = r->pp.n;
	long tables, *plan = NULL;
	int ret = -1;

	if (!status)
		status = default_status(&r->pp);
	v = calloc(np ? np : 1, sizeof(*v));
	ids = calloc(np ? np : 1, sizeof(*ids));
	who = calloc(np ? np : 1, sizeof(*who));
	plan = calloc(np ? np : 1, sizeof(*plan));
	if (!v || !ids || !who || !plan)
		goto oom;
	for (i = 0; i < np; i++) {
		const struct wd_person *p = &r->pp.v[i];

		/* a copy: the records move with every edit below */
		if (!(ids[i] = strdup(p->id)))
			goto oom;
		if (!(wd_person_states(p) & status))
			continue;
		v[n].id = p->id;
		v[n].role = p->role;
		v[n].organisation = p->organisation;
		v[n].host = p->host;
		who[n++] = i;
	}
	tables = wd_seating_plan(v, n, size, err);
	if (tables < 0)
		goto out;
	stats(v, n, tables, st);
	for (i = 0; i < n; i++)
		plan[who[i]] = v[i].table;
	for (i = 0; i < np; i++) {
		const struct wd_person *p;
		char num[32];
		int s;

		if (plan[i]) {
			snprintf(num, sizeof(num), "%ld", plan[i]);
			s = wd_roster_set(r, ids[i], "table", num, WD_YE_TYPED, err);
		} else {
			s = wd_roster_set(r, ids[i], "table", NULL, 0, err);
		}
		if (s < 0)
			goto out;
		p = wd_people_find(&r->pp, ids[i]);
		if (s && wd_changes_add(&r->ch, plan[i] ? WD_CH_SEAT : WD_CH_UNSEAT,
					ids[i], p ? p->name : NULL, NULL,
					plan[i]) < 0)
			goto oom;
	}
	ret = 0;
	goto out;
oom:
	wd_error_oom(err);
out:
	for (i = 0; ids && i < np; i++)
		free(ids[i]);
	free(ids);
	free(who);
	free(plan);
	free(v);
	return ret;
}

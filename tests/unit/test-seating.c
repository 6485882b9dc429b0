/* test-seating.c - the seating plan keeps its promises, for many mixes of people */
#include "seating.h"
#include "tap.h"
#include "vocab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAXP 64

static unsigned long seed = 12345;

static unsigned rnd(unsigned n)
{
	seed = seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((seed >> 33) % n);
}

struct crowd {
	struct wd_seat v[MAXP];
	char id[MAXP][16];
	size_t n;
};

static const char *const orgs[] = {
	"Gemeente Utrecht", "Welzijn Oost", "Buurthuis De Boog", "Wijkteam",
};

/* n people: roles at random, weighted to the kinds of evening we see */
static void make(struct crowd *c, size_t n, unsigned hosts)
{
	static const char *const roles[] = {
		"resident", "resident", "resident", "volunteer", "initiative",
		"professional", "professional", "municipality", "business",
		"other",
	};
	size_t i;

	memset(c, 0, sizeof(*c));
	c->n = n;
	for (i = 0; i < n; i++) {
		snprintf(c->id[i], sizeof(c->id[i]), "p%02zu", i);
		c->v[i].id = c->id[i];
		c->v[i].role = roles[rnd(10)];
		c->v[i].organisation = rnd(3) ? NULL : orgs[rnd(4)];
		c->v[i].host = i < hosts;
	}
}

/* What every plan must keep; the first broken promise, or NULL. */
static const char *check(const struct wd_seat *v, size_t n, long size,
			 long t)
{
	long count[MAXP] = { 0 }, res[MAXP] = { 0 }, cit[MAXP] = { 0 };
	long host[MAXP] = { 0 }, mn, mx, rmn, rmx;
	size_t i, residents = 0, citizens = 0, hosts = 0;
	long k;

	for (i = 0; i < n; i++) {
		if (v[i].table < 1 || v[i].table > t)
			return "someone has no table";
		count[v[i].table]++;
		if (!strcmp(v[i].role, "resident")) {
			res[v[i].table]++;
			residents++;
		}
		if (!wd_role_professional(v[i].role)) {
			cit[v[i].table]++;
			citizens++;
		}
		if (v[i].host) {
			host[v[i].table]++;
			hosts++;
		}
	}
	mn = rmn = MAXP;
	mx = rmx = 0;
	for (k = 1; k <= t; k++) {
		if (count[k] > size && (size_t)t * (size_t)size >= n)
			return "a table is too big";
		mn = count[k] < mn ? count[k] : mn;
		mx = count[k] > mx ? count[k] : mx;
		rmn = res[k] < rmn ? res[k] : rmn;
		rmx = res[k] > rmx ? res[k] : rmx;
		if (residents >= (size_t)t && !res[k])
			return "a table without a resident";
		if (citizens >= (size_t)t && !cit[k])
			return "a table of professionals only";
		if (hosts >= (size_t)t && !host[k])
			return "a table without a host";
		if (hosts <= (size_t)t && host[k] > 1)
			return "two hosts at one table";
	}
	if (mx - mn > 1)
		return "table sizes differ by more than one";
	if (rmx - rmn > 1)
		return "residents per table differ by more than one";
	return NULL;
}

static void the_thirty(void)
{
	struct crowd c;
	struct wd_error e;
	long t, k, res[8] = { 0 }, size[8] = { 0 }, org[8] = { 0 };
	size_t i;
	long first[64];

	/* 12 residents, 8 professionals, 5 municipality, 5 others */
	make(&c, 30, 0);
	for (i = 0; i < 30; i++) {
		c.v[i].role = i < 12 ? "resident" : i < 20 ? "professional" :
			      i < 25 ? "municipality" : "other";
		c.v[i].organisation = i >= 20 && i < 25 ? "Gemeente Utrecht" :
				      i >= 12 && i < 16 ? "Welzijn Oost" : NULL;
	}
	t = wd_seating_plan(c.v, 30, 7, &e);
	is_int(t, 5, "30 people at tables of 7: five tables");
	for (i = 0; i < 30; i++) {
		size[c.v[i].table]++;
		res[c.v[i].table] += !strcmp(c.v[i].role, "resident");
		org[c.v[i].table] += c.v[i].organisation &&
				     !strcmp(c.v[i].organisation, "Gemeente Utrecht");
		first[i] = c.v[i].table;
	}
	for (k = 1; k <= 5; k++) {
		ok(size[k] == 6, "table %ld: 6 people", k);
		ok(res[k] == 2 || res[k] == 3, "table %ld: %ld residents", k, res[k]);
		ok(org[k] == 1, "table %ld: one of the municipality", k);
	}
	/* the same people in another order: the same plan */
	for (i = 0; i < 15; i++) {
		struct wd_seat s = c.v[i];

		c.v[i] = c.v[29 - i];
		c.v[29 - i] = s;
	}
	wd_seating_plan(c.v, 30, 7, &e);
	for (i = 0; i < 30; i++)
		if (c.v[29 - i].table != first[i])
			break;
	ok(i == 30, "the order of the list does not change the plan");
}

static void hosts(void)
{
	struct crowd c;
	struct wd_error e;
	size_t i;
	long t, h[8] = { 0 };

	make(&c, 30, 6);
	t = wd_seating_plan(c.v, 30, 7, &e);
	is_int(t, 6, "six hosts for 30 people: six tables, one each");
	for (i = 0; i < 30; i++)
		h[c.v[i].table] += c.v[i].host;
	ok(h[1] == 1 && h[2] == 1 && h[3] == 1 && h[4] == 1 && h[5] == 1 &&
	   h[6] == 1, "one host at every table");
	make(&c, 8, 5);
	t = wd_seating_plan(c.v, 8, 7, &e);
	is_int(t, 2, "five hosts for 8 people: still two tables of four");
	ok(wd_seating_plan(c.v, 0, 7, &e) == 0, "nobody: no tables");
	ok(wd_seating_plan(c.v, 3, 0, &e) < 0 && e.code == EX_USAGE,
	   "tables of no seats are refused");
}

void test_seating(void)
{
	struct crowd c;
	struct wd_error e;
	const char *broken = NULL;
	size_t n, runs = 0;
	long size, t;
	unsigned h, rep;

	the_thirty();
	hosts();
	/* many crowds: every promise, every time */
	for (n = 1; n <= 40 && !broken; n++)
		for (size = 2; size <= 8 && !broken; size++)
			for (h = 0; h <= 6 && !broken; h += 2)
				for (rep = 0; rep < 6 && !broken; rep++) {
					make(&c, n, h);
					t = wd_seating_plan(c.v, n, size, &e);
					runs++;
					if (t < 1)
						broken = "no plan";
					else
						broken = check(c.v, n, size, t);
					if (broken)
						printf("# n=%zu size=%ld hosts=%u: %s\n",
						       n, size, h, broken);
				}
	ok(!broken, "%zu random crowds keep every promise", runs);
}

/* relay.c - the estafette as a graph: which dialogue handed the baton to which */
#include "relay.h"
#include "buf.h"
#include "i18n.h"
#include "strvec.h"
#include "timefmt.h"

#include <stdlib.h>
#include <string.h>

struct node {
	char *id, *title;		/* title NULL: not in this workspace */
	int64_t start;
	int has_start, has_from;
};

struct edge {
	size_t from, to;		/* node indexes */
	long returning;
};

struct graph {
	struct node *n;
	size_t nn, an;
	struct edge *e;
	size_t ne, ae;
};

static void graph_release(struct graph *g)
{
	size_t i;

	for (i = 0; i < g->nn; i++) {
		free(g->n[i].id);
		free(g->n[i].title);
	}
	free(g->n);
	free(g->e);
}

static long node_of(struct graph *g, const char *id, size_t len)
{
	size_t i;

	for (i = 0; i < g->nn; i++)
		if (strlen(g->n[i].id) == len && !strncmp(g->n[i].id, id, len))
			return (long)i;
	if (g->nn == g->an) {
		size_t na = g->an ? g->an * 2 : 16;
		struct node *v = realloc(g->n, na * sizeof(*v));

		if (!v)
			return -1;
		g->n = v;
		g->an = na;
	}
	memset(&g->n[g->nn], 0, sizeof(g->n[0]));
	g->n[g->nn].id = strndup(id, len);
	if (!g->n[g->nn].id)
		return -1;
	return (long)g->nn++;
}

static int add_edge(struct graph *g, size_t from, size_t to)
{
	size_t i;

	for (i = 0; i < g->ne; i++)
		if (g->e[i].from == from && g->e[i].to == to)
			return 0;
	if (g->ne == g->ae) {
		size_t na = g->ae ? g->ae * 2 : 16;
		struct edge *v = realloc(g->e, na * sizeof(*v));

		if (!v)
			return -1;
		g->e = v;
		g->ae = na;
	}
	g->e[g->ne].from = from;
	g->e[g->ne].to = to;
	g->e[g->ne].returning = 0;
	g->ne++;
	return 0;
}

/* Edges by where they start, then by when the next dialogue is: time order. */
static const struct graph *sorting;

static int cmp_edge(const void *a, const void *b)
{
	const struct edge *x = a, *y = b;
	const struct node *tx = &sorting->n[x->to], *ty = &sorting->n[y->to];

	if (x->from != y->from)
		return x->from < y->from ? -1 : 1;
	if (tx->has_start != ty->has_start)
		return tx->has_start ? -1 : 1;
	if (tx->has_start && tx->start != ty->start)
		return tx->start < ty->start ? -1 : 1;
	return strcmp(tx->id, ty->id);
}

static void sort_edges(struct graph *g)
{
	sorting = g;
	if (g->ne > 1)
		qsort(g->e, g->ne, sizeof(*g->e), cmp_edge);
	sorting = NULL;
}

static int load(struct graph *g, struct wd_index *ix, struct wd_error *err)
{
	static const char q[] =
		"SELECT id, title, start_t, relay_from, relay_to FROM dialogue"
		" ORDER BY start_t, id";
	static const char ret_q[] = WD_SQL_RETURNING;
	sqlite3_stmt *st = NULL;
	size_t i;
	int rc;

	if (sqlite3_prepare_v2(ix->db, q, -1, &st, NULL) != SQLITE_OK)
		return wd_index_error(ix, err, _("cannot read"));
	/* first every dialogue here, in order, so nodes follow time */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		long k = node_of(g, id, strlen(id));

		if (k < 0)
			goto oom;
		g->n[k].title = strdup((const char *)sqlite3_column_text(st, 1));
		if (!g->n[k].title)
			goto oom;
		g->n[k].has_start = sqlite3_column_type(st, 2) != SQLITE_NULL;
		g->n[k].start = sqlite3_column_int64(st, 2);
	}
	if (rc != SQLITE_DONE)
		goto sql;
	sqlite3_reset(st);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		const char *from = (const char *)sqlite3_column_text(st, 3);
		const char *to = (const char *)sqlite3_column_text(st, 4);
		long k = node_of(g, id, strlen(id)), f;

		if (k < 0)
			goto oom;
		if (from) {
			f = node_of(g, from, strlen(from));
			if (f < 0 || add_edge(g, (size_t)f, (size_t)k) < 0)
				goto oom;
			g->n[k].has_from = 1;
		}
		while (to && *to) {
			size_t n = strcspn(to, ",");
			long t = node_of(g, to, n);

			if (t < 0 || add_edge(g, (size_t)k, (size_t)t) < 0)
				goto oom;
			g->n[t].has_from = 1;
			to += n + (to[n] == ',');
		}
	}
	if (rc != SQLITE_DONE)
		goto sql;
	sqlite3_finalize(st);
	sort_edges(g);
	if (sqlite3_prepare_v2(ix->db, ret_q, -1, &st, NULL) != SQLITE_OK)
		return wd_index_error(ix, err, _("cannot read"));
	for (i = 0; i < g->ne; i++) {
		sqlite3_reset(st);
		if (sqlite3_bind_text(st, 1, g->n[g->e[i].to].id, -1, SQLITE_STATIC) ||
		    sqlite3_bind_text(st, 2, g->n[g->e[i].from].id, -1, SQLITE_STATIC) ||
		    sqlite3_step(st) != SQLITE_ROW)
			goto sql;
		g->e[i].returning = sqlite3_column_int(st, 0);
	}
	sqlite3_finalize(st);
	return 0;
oom:
	sqlite3_finalize(st);
	return wd_error_oom(err);
sql:
	sqlite3_finalize(st);
	return wd_index_error(ix, err, _("cannot read"));
}

/* --- text: a tree from where each relay starts --- */

static int node_text(struct wd_buf *b, const struct node *n, const char *lang)
{
	if (!n->title)
		return wd_buf_addf(b, "%s (%s)", n->id, lang && !strcmp(lang, "en") ?
				   "in another workspace" : "in een andere werkruimte");
	if (wd_buf_addf(b, "%s (%s", n->title, n->id) < 0)
		return -1;
	if (n->has_start && (wd_buf_adds(b, ", ") < 0 ||
			     wd_time_long(b, n->start, lang, 0) < 0))
		return -1;
	return wd_buf_addc(b, ')');
}

/* ", 1 deelnemer kwam terug" / ", 3 deelnemers kwamen terug" */
static int returning_text(struct wd_buf *b, long n, const char *lang)
{
	if (lang && !strcmp(lang, "en"))
		return wd_buf_addf(b, n == 1 ? ", %ld participant came back" :
				   ", %ld participants came back", n);
	return wd_buf_addf(b, n == 1 ? ", %ld deelnemer kwam terug" :
			   ", %ld deelnemers kwamen terug", n);
}

static int tree(struct wd_buf *b, const struct graph *g, size_t k, int depth,
		char *seen, const char *lang)
{
	size_t i;
	int d;

	if (seen[k])
		return 0;		/* a loop in hand-made data: stop */
	seen[k] = 1;
	for (i = 0; i < g->ne; i++) {
		const struct edge *e = &g->e[i];

		if (e->from != k)
			continue;
		for (d = 0; d <= depth; d++)
			if (wd_buf_adds(b, "  ") < 0)
				return -1;
		if (wd_buf_adds(b, "-> ") < 0 || node_text(b, &g->n[e->to], lang) < 0)
			return -1;
		if (e->returning && returning_text(b, e->returning, lang) < 0)
			return -1;
		if (wd_buf_addc(b, '\n') < 0 ||
		    tree(b, g, e->to, depth + 1, seen, lang) < 0)
			return -1;
	}
	return 0;
}

static int text(struct wd_buf *b, const struct graph *g, const char *lang)
{
	char *seen = calloc(g->nn ? g->nn : 1, 1);
	size_t i;
	int r = 0;

	if (!seen)
		return -1;
	for (i = 0; i < g->nn && r == 0; i++) {
		if (g->n[i].has_from || seen[i])
			continue;
		if (node_text(b, &g->n[i], lang) < 0 || wd_buf_addc(b, '\n') < 0 ||
		    tree(b, g, i, 0, seen, lang) < 0)
			r = -1;
	}
	/* what is left is a loop: show it from its first dialogue */
	for (i = 0; i < g->nn && r == 0; i++)
		if (!seen[i] && (node_text(b, &g->n[i], lang) < 0 ||
				 wd_buf_addc(b, '\n') < 0 ||
				 tree(b, g, i, 0, seen, lang) < 0))
			r = -1;
	free(seen);
	return r;
}

/* --- dot --- */

static int dot_string(struct wd_buf *b, const char *s)
{
	if (wd_buf_addc(b, '"') < 0)
		return -1;
	for (; *s; s++) {
		if ((*s == '"' || *s == '\\') && wd_buf_addc(b, '\\') < 0)
			return -1;
		if (*s == '\n' ? wd_buf_adds(b, "\\n") < 0 : wd_buf_addc(b, *s) < 0)
			return -1;
	}
	return wd_buf_addc(b, '"');
}

static int dot(struct wd_buf *b, const struct graph *g, const char *lang)
{
	struct wd_buf label = WD_BUF_INIT(0);
	size_t i;
	int r = -1;

	if (wd_buf_adds(b, "digraph estafette {\n\trankdir=LR;\n"
			"\tnode [shape=box, style=rounded, fontname=\"sans-serif\"];\n") < 0)
		goto out;
	for (i = 0; i < g->nn; i++) {
		const struct node *n = &g->n[i];

		wd_buf_reset(&label);
		if (wd_buf_adds(&label, n->title ? n->title : n->id) < 0 ||
		    (n->has_start && (wd_buf_addc(&label, '\n') < 0 ||
				      wd_date_iso(&label, n->start) < 0)))
			goto out;
		if (wd_buf_addc(b, '\t') < 0 || dot_string(b, n->id) < 0 ||
		    wd_buf_adds(b, " [label=") < 0 || dot_string(b, label.ptr) < 0 ||
		    wd_buf_adds(b, n->title ? "];\n" : ", style=\"rounded,dashed\"];\n") < 0)
			goto out;
	}
	for (i = 0; i < g->ne; i++) {
		const struct edge *e = &g->e[i];

		if (wd_buf_addc(b, '\t') < 0 || dot_string(b, g->n[e->from].id) < 0 ||
		    wd_buf_adds(b, " -> ") < 0 || dot_string(b, g->n[e->to].id) < 0)
			goto out;
		if (e->returning &&
		    wd_buf_addf(b, " [label=\"%ld %s\"]", e->returning,
				lang && !strcmp(lang, "en") ? "back" : "terug") < 0)
			goto out;
		if (wd_buf_adds(b, ";\n") < 0)
			goto out;
	}
	r = wd_buf_adds(b, "}\n");
out:
	wd_buf_release(&label);
	return r;
}

/* --- JSON --- */

static int json(struct wd_buf *b, const struct graph *g)
{
	size_t i, j;

	if (wd_buf_adds(b, g->nn ? "[\n" : "[]\n") < 0)
		return -1;
	for (i = 0; i < g->nn; i++) {
		const struct node *n = &g->n[i];
		long from = -1, returning = 0;
		int first = 1;

		for (j = 0; j < g->ne; j++)
			if (g->e[j].to == i) {
				from = (long)g->e[j].from;
				returning = g->e[j].returning;
			}
		if (wd_buf_adds(b, "  {\"id\": ") < 0 || wd_json_string(b, n->id) < 0 ||
		    wd_buf_adds(b, ", \"title\": ") < 0 ||
		    (n->title ? wd_json_string(b, n->title) : wd_buf_adds(b, "null")) < 0 ||
		    wd_buf_adds(b, ", \"start\": ") < 0)
			return -1;
		if (n->has_start) {
			if (wd_buf_addc(b, '"') < 0 || wd_time_iso(b, n->start) < 0 ||
			    wd_buf_addc(b, '"') < 0)
				return -1;
		} else if (wd_buf_adds(b, "null") < 0) {
			return -1;
		}
		if (wd_buf_adds(b, ", \"from\": ") < 0 ||
		    (from >= 0 ? wd_json_string(b, g->n[from].id) :
		     wd_buf_adds(b, "null")) < 0 ||
		    wd_buf_addf(b, ", \"returning\": %ld, \"to\": [", returning) < 0)
			return -1;
		for (j = 0; j < g->ne; j++) {
			if (g->e[j].from != i)
				continue;
			if ((!first && wd_buf_adds(b, ", ") < 0) ||
			    wd_json_string(b, g->n[g->e[j].to].id) < 0)
				return -1;
			first = 0;
		}
		if (wd_buf_adds(b, i + 1 < g->nn ? "]},\n" : "]}\n]\n") < 0)
			return -1;
	}
	return 0;
}

int wd_relay(struct wd_index *ix, enum wd_relay_format fmt, const char *lang,
	     wd_write_fn write, void *ctx, size_t *count, struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(0);
	struct graph g;
	int r = -1;

	memset(&g, 0, sizeof(g));
	if (load(&g, ix, err) < 0)
		goto out;
	*count = g.ne;
	if ((fmt == WD_RELAY_DOT ? dot(&b, &g, lang) :
	     fmt == WD_RELAY_JSON ? json(&b, &g) : text(&b, &g, lang)) < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (b.len && write(ctx, b.ptr, b.len) < 0) {
		wd_error_sys(err, EX_IOERR, NULL, _("cannot write"));
		goto out;
	}
	r = 0;
out:
	graph_release(&g);
	wd_buf_release(&b);
	return r;
}

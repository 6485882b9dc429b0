/* search.c - full-text search over the harvest */
#include "search.h"
#include "i18n.h"
#include "vocab.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct wd_col cols[] = {
	{ "dialogue", N_("dialogue"), WD_COL_TEXT },
	{ "id", N_("id"), WD_COL_TEXT },
	{ "kind", N_("kind"), WD_COL_TEXT },
	{ "phase", N_("phase"), WD_COL_TEXT },
	{ "text", N_("text"), WD_COL_TEXT },
	{ "snippet", N_("snippet"), WD_COL_TEXT },
	{ "rank", N_("rank"), WD_COL_NUMBER },
};
#define NCOLS (sizeof(cols) / sizeof(*cols))

static const char sql[] =
	"SELECT i.dialogue, i.id, i.kind, i.phase, i.text,"
	" snippet(item_fts, -1, '[', ']', '...', 12),"
	" CAST(-bm25(item_fts) * 1000 AS INTEGER)"
	" FROM item_fts JOIN item i ON i.rowid = item_fts.rowid"
	" WHERE item_fts MATCH ?1 AND (?2 IS NULL OR i.dialogue = ?2)"
	" ORDER BY bm25(item_fts), i.dialogue, i.id LIMIT ?3";

/* A character FTS5 takes in a bare word: letters, digits, '_', non-ASCII. */
static int bare(unsigned char c)
{
	return c >= 0x80 || c == '_' || (c >= '0' && c <= '9') ||
	       (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* A column filter FTS5 knows ("text:", "tags:", "need:"), or 0. */
static size_t column_filter(const char *w, size_t n)
{
	static const char *const fts_cols[] = { "text:", "tags:", "need:" };
	size_t i, k;

	for (i = 0; i < sizeof(fts_cols) / sizeof(*fts_cols); i++) {
		k = strlen(fts_cols[i]);
		if (n >= k && !strncasecmp(w, fts_cols[i], k))
			return k;
	}
	return 0;
}

/*
 * The query as FTS5 reads it: words people type ("Utrecht-Oost",
 * "auto's", "'t") become phrases, where FTS5 would read the '-' as a
 * column and the apostrophe as an error; phrases (with a prefix '*'),
 * AND, OR, NOT, parentheses, a prefix '*' and the column filters text:,
 * tags: and need: stay as they are.  Two phrases never touch: '""'
 * would be a quote inside one.
 */
static int fts_query(struct wd_buf *out, const char *q)
{
	const char *p = q;

	while (*p) {
		const char *w = p;
		size_t n, i, col;
		int plain = 1;

		if (strchr(" \t\n\r()", *p)) {
			if (wd_buf_addc(out, *p++) < 0)
				return -1;
			continue;
		}
		if (out->len && out->ptr[out->len - 1] == '"' &&
		    wd_buf_addc(out, ' ') < 0)
			return -1;
		if (*p == '"') {	/* a phrase, to its closing quote */
			const char *e = strchr(p + 1, '"');

			n = e ? (size_t)(e - p) + 1 : strlen(p);
			if (e && e[1] == '*')
				n++;	/* "de bo"*: a prefix phrase */
			if (wd_buf_add(out, p, n) < 0)
				return -1;
			p += n;
			continue;
		}
		while (*p && !strchr(" \t\n\r()\"", *p))
			p++;
		n = (size_t)(p - w);
		col = column_filter(w, n);
		if (col && wd_buf_add(out, w, col) < 0)
			return -1;
		w += col;
		n -= col;
		if (!n)
			continue;	/* "text:" and then a phrase */
		if (n > 1 && w[n - 1] == '*')
			n--;	/* a prefix: the '*' goes after the phrase */
		for (i = 0; i < n; i++)
			plain &= bare((unsigned char)w[i]);
		if (plain) {
			if (wd_buf_add(out, w, (size_t)(p - w)) < 0)
				return -1;
			continue;
		}
		if (wd_buf_addc(out, '"') < 0)
			return -1;
		for (i = 0; i < n; i++)
			if ((w[i] == '"' && wd_buf_addc(out, '"') < 0) ||
			    wd_buf_addc(out, w[i]) < 0)
				return -1;
		if (wd_buf_addc(out, '"') < 0 ||
		    wd_buf_add(out, w + n, (size_t)(p - w) - n) < 0)
			return -1;
	}
	return 0;
}

static int bad_query(struct wd_index *ix, const char *query,
		     struct wd_error *err)
{
	wd_error_set(err, EX_DATAERR, _("cannot search for '%s': %s"), query,
		     sqlite3_errmsg(ix->db));
	wd_error_hint(err, "%s",
		      _("check the double quotes, the parentheses and AND, OR, NOT"));
	return -1;
}

int wd_search(struct wd_index *ix, const char *query, const char *dialogue,
	      long limit, enum wd_format fmt, const char *lang,
	      wd_write_fn write, void *ctx, size_t *count,
	      struct wd_error *err)
{
	struct wd_col tcols[3];
	const char *v[NCOLS], *tv[3];
	int en = lang && !strcmp(lang, "en");
	sqlite3_stmt *st = NULL;
	struct wd_buf fq = WD_BUF_INIT(0);
	struct wd_out o;
	int rc, r = -1;

	*count = 0;
	tcols[0] = cols[1];
	tcols[0].label = "id";
	tcols[1] = cols[2];
	tcols[1].label = en ? "kind" : "soort";
	tcols[2] = cols[5];
	tcols[2].label = en ? "found" : "gevonden";
	if (fmt == WD_FMT_TABLE)
		wd_out_begin(&o, fmt, tcols, 3, write, ctx);
	else
		wd_out_begin(&o, fmt, cols, NCOLS, write, ctx);
	rc = sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK) {
		wd_index_error(ix, err, _("cannot read"));
		goto out;
	}
	if (fts_query(&fq, query) < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (sqlite3_bind_text(st, 1, wd_buf_str(&fq), -1, SQLITE_STATIC) ||
	    (dialogue ? sqlite3_bind_text(st, 2, dialogue, -1, SQLITE_STATIC) :
	     sqlite3_bind_null(st, 2)) ||
	    sqlite3_bind_int64(st, 3, limit > 0 ? limit : -1)) {
		wd_index_error(ix, err, _("cannot read"));
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		size_t i;
		char id[160];

		for (i = 0; i < NCOLS; i++)
			v[i] = (const char *)sqlite3_column_text(st, (int)i);
		if (fmt == WD_FMT_TABLE) {
			snprintf(id, sizeof(id), "%s/%s", v[0] ? v[0] : "",
				 v[1] ? v[1] : "");
			tv[0] = id;
			tv[1] = wd_vocab_label(WD_V_KIND, v[2], lang);
			tv[2] = v[5];
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
		/* FTS5 reads the query only when it runs */
		if ((rc & 0xff) == SQLITE_ERROR)
			bad_query(ix, query, err);
		else
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
	wd_buf_release(&fq);
	return r;
}

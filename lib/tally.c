/* tally.c - counts across the relay: themes of dialogues, tags of items */
#include "tally.h"
#include "i18n.h"

#include <string.h>

struct query {
	const char *sql;
	const struct wd_col *cols;
	const char *const *en;		/* English table headers */
	size_t ncols;
};

static int run(struct wd_index *ix, const struct query *q, enum wd_format fmt,
	       const char *lang, wd_write_fn write, void *ctx, size_t *count,
	       struct wd_error *err)
{
	struct wd_col cols[8];
	const char *v[8];
	int en = lang && !strcmp(lang, "en");
	sqlite3_stmt *st = NULL;
	struct wd_out o;
	size_t i;
	int rc, r = -1;

	*count = 0;
	for (i = 0; i < q->ncols; i++) {
		cols[i] = q->cols[i];
		if (en)
			cols[i].label = q->en[i];
	}
	wd_out_begin(&o, fmt, cols, q->ncols, write, ctx);
	if (sqlite3_prepare_v2(ix->db, q->sql, -1, &st, NULL) != SQLITE_OK) {
		wd_index_error(ix, err, _("cannot read"));
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < q->ncols; i++)
			v[i] = (const char *)sqlite3_column_text(st, (int)i);
		if (wd_out_row(&o, v) < 0) {
			wd_error_sys(err, EX_IOERR, NULL, _("cannot write"));
			goto out;
		}
		(*count)++;
	}
	if (rc != SQLITE_DONE) {
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
	return r;
}

int wd_tally_themes(struct wd_index *ix, enum wd_format fmt, const char *lang,
		    wd_write_fn write, void *ctx, size_t *count,
		    struct wd_error *err)
{
	static const struct wd_col cols[] = {
		{ "theme", "thema", WD_COL_TEXT },
		{ "dialogues", "dialogen", WD_COL_NUMBER },
		{ "items", "oogst", WD_COL_NUMBER },
		{ "actions", "acties", WD_COL_NUMBER },
		{ "first", "eerste", WD_COL_TEXT },
		{ "last", "laatste", WD_COL_TEXT },
	};
	static const char *const en[] = {
		"theme", "dialogues", "items", "actions", "first", "last",
	};
	static const struct query q = {
		"SELECT coalesce(d.theme, ''), count(*),"
		" sum((SELECT count(*) FROM item i WHERE i.dialogue = d.id)),"
		" sum((SELECT count(*) FROM item i WHERE i.dialogue = d.id"
		"  AND i.kind = 'action')),"
		" min(date(d.start_t, 'unixepoch', 'localtime')),"
		" max(date(d.start_t, 'unixepoch', 'localtime'))"
		" FROM dialogue d GROUP BY lower(coalesce(d.theme, ''))"
		" ORDER BY count(*) DESC, lower(coalesce(d.theme, ''))",
		cols, en, 6,
	};

	return run(ix, &q, fmt, lang, write, ctx, count, err);
}

int wd_tally_tags(struct wd_index *ix, enum wd_format fmt, const char *lang,
		  wd_write_fn write, void *ctx, size_t *count,
		  struct wd_error *err)
{
	static const struct wd_col cols[] = {
		{ "tag", "tag", WD_COL_TEXT },
		{ "items", "oogst", WD_COL_NUMBER },
		{ "dialogues", "dialogen", WD_COL_NUMBER },
	};
	static const char *const en[] = { "tag", "items", "dialogues" };
	static const struct query q = {
		"SELECT tag, count(*), count(DISTINCT dialogue) FROM item_tag"
		" GROUP BY tag ORDER BY count(*) DESC, tag",
		cols, en, 3,
	};

	return run(ix, &q, fmt, lang, write, ctx, count, err);
}

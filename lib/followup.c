/* followup.c - what needs attention: actions, deadlines, unanswered invitations */
#include "followup.h"
#include "buf.h"
#include "i18n.h"
#include "timefmt.h"
#include "vocab.h"

#include <string.h>

#define DAY 86400

/*
 * Owners as reports show them: a SQL expression over item i, joining
 * names with consent and roles otherwise, in the order of the file.
 */
#define OWNERS_SQL \
	"(SELECT group_concat(CASE WHEN p.consent_named <> '' THEN p.name" \
	" ELSE coalesce(p.role, 'other') END, ', ')" \
	" FROM item_owner o LEFT JOIN person p ON p.dialogue = o.dialogue" \
	" AND p.id = o.person WHERE o.file = i.file AND o.item = i.id)"

static const char actions_sql[] =
	"SELECT i.dialogue, i.id, i.text, " OWNERS_SQL ", i.due, i.status,"
	" (i.due_t IS NOT NULL AND i.due_t < ?5 AND i.status IN ('open', 'underway')),"
	" i.need FROM item i WHERE i.kind = 'action'"
	" AND (?1 IS NULL OR i.dialogue = ?1)"
	" AND (?2 = 0 OR i.status IN ('open', 'underway'))"
	" AND (?3 = 0 OR (i.due_t IS NOT NULL AND i.due_t < ?5"
	"  AND i.status IN ('open', 'underway')))"
	" AND (?4 = 0 OR (i.due_t IS NOT NULL AND i.due_t >= ?5"
	"  AND i.due_t < ?5 + ?4 AND i.status IN ('open', 'underway')))"
	" AND (?6 IS NULL OR EXISTS (SELECT 1 FROM item_owner o"
	"  WHERE o.file = i.file AND o.item = i.id AND (o.person = ?6"
	"  OR " WD_SQL_PERSON_IS("o.person", "7")
	"  OR o.person IN (SELECT p.id FROM person p WHERE p.dialogue = i.dialogue"
	"  AND p.name = ?6 COLLATE NOCASE))))"
	" ORDER BY i.due_t IS NULL, i.due_t, i.dialogue, i.source, i.pos";

static const struct wd_col action_cols[] = {
	{ "dialogue", "dialoog", WD_COL_TEXT },
	{ "id", "id", WD_COL_TEXT },
	{ "text", "actie", WD_COL_TEXT },
	{ "owner", "eigenaar", WD_COL_LIST },
	{ "due", "deadline", WD_COL_TEXT },
	{ "status", "status", WD_COL_TEXT },
	{ "overdue", "te laat", WD_COL_BOOL },
	{ "need", "nodig", WD_COL_TEXT },
};
#define NACTION (sizeof(action_cols) / sizeof(*action_cols))

static const char *const english_labels[NACTION] = {
	"dialogue", "id", "action", "owner", "due", "status", "overdue", "need",
};

/*
 * Roles in the owner column are shown as "a resident" in the language;
 * `sep` joins them (", " to read, "," for a list in JSON and CSV).
 */
static int owners_shown(struct wd_buf *b, const char *raw, const char *lang,
			const char *sep)
{
	const char *p = raw, *e;

	wd_buf_reset(b);
	if (!raw)
		return wd_buf_add(b, "", 0);
	while (*p) {
		char word[64];
		size_t n;

		e = strstr(p, ", ");
		n = e ? (size_t)(e - p) : strlen(p);
		if (n < sizeof(word)) {
			memcpy(word, p, n);
			word[n] = '\0';
		} else {
			word[0] = '\0';
		}
		if (b->len && wd_buf_adds(b, sep) < 0)
			return -1;
		if (wd_vocab_index(WD_V_ROLE, word) >= 0 ?
		    wd_buf_adds(b, wd_vocab_someone(word, lang)) < 0 :
		    wd_buf_add(b, p, n) < 0)
			return -1;
		p = e ? e + 2 : p + n;
	}
	return 0;
}

int wd_actions_list(struct wd_index *ix, const struct wd_action_filter *f,
		    int64_t now, enum wd_format fmt, const char *lang,
		    wd_write_fn write, void *ctx, size_t *count,
		    struct wd_error *err)
{
	struct wd_col cols[NACTION];
	struct wd_buf owners = WD_BUF_INIT(0), slug = WD_BUF_INIT(0);
	const char *v[NACTION];
	int en = lang && !strcmp(lang, "en");
	int64_t today = wd_day_start(now);
	sqlite3_stmt *st = NULL;
	struct wd_out o;
	size_t i;
	int rc, r = -1;

	*count = 0;
	for (i = 0; i < NACTION; i++) {
		cols[i] = action_cols[i];
		if (en)
			cols[i].label = english_labels[i];
	}
	wd_out_begin(&o, fmt, cols, NACTION, write, ctx);
	o.colour = ix->ws->colour;
	if (f->owner &&
	    wd_index_person_filter(ix, f->dialogue, f->owner, &slug, err) < 0)
		goto out;
	if (sqlite3_prepare_v2(ix->db, actions_sql, -1, &st, NULL) != SQLITE_OK ||
	    (f->dialogue ? sqlite3_bind_text(st, 1, f->dialogue, -1, SQLITE_STATIC) :
	     sqlite3_bind_null(st, 1)) ||
	    sqlite3_bind_int(st, 2, f->open) || sqlite3_bind_int(st, 3, f->overdue) ||
	    sqlite3_bind_int64(st, 4, f->within) || sqlite3_bind_int64(st, 5, today) ||
	    (f->owner ? sqlite3_bind_text(st, 6, f->owner, -1, SQLITE_STATIC) :
	     sqlite3_bind_null(st, 6)) ||
	    sqlite3_bind_text(st, 7, wd_buf_str(&slug), -1, SQLITE_STATIC)) {
		wd_index_error(ix, err, _("cannot read"));
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int late;

		for (i = 0; i < NACTION; i++)
			v[i] = (const char *)sqlite3_column_text(st, (int)i);
		late = v[6] && !strcmp(v[6], "1");
		if (owners_shown(&owners, v[3], lang,
				 fmt == WD_FMT_TABLE ? ", " : ",") < 0) {
			wd_error_oom(err);
			goto out;
		}
		v[3] = owners.len ? owners.ptr : NULL;
		if (fmt == WD_FMT_TABLE) {
			v[5] = v[5] ? wd_vocab_label(WD_V_STATUS, v[5], lang) : NULL;
			v[6] = late ? (en ? "yes" : "ja") : "";
		}
		if (wd_out_row(&o, v) < 0 || (late && wd_out_mark(&o) < 0)) {
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
	wd_buf_release(&owners);
	wd_buf_release(&slug);
	return r;
}

/* --- due: a weekly mail --- */

struct duew {
	struct wd_buf b;
	const char *lang;
	int en;
	size_t count;
	int failed;
};

static void add(struct duew *w, const char *s)
{
	if (wd_buf_adds(&w->b, s) < 0)
		w->failed = 1;
}

static void long_date(struct duew *w, int64_t t)
{
	if (wd_time_long(&w->b, t, w->lang, 0) < 0)
		w->failed = 1;
}

static int section(struct duew *w, struct wd_index *ix, const char *sql,
		   int64_t a, int64_t b, const char *title,
		   void (*line)(struct duew *, sqlite3_stmt *, int64_t),
		   int64_t now, struct wd_error *err)
{
	sqlite3_stmt *st = NULL;
	int rc, first = 1;

	if (sqlite3_prepare_v2(ix->db, sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_int64(st, 1, a) ||
	    (sqlite3_bind_parameter_count(st) > 1 &&
	     sqlite3_bind_int64(st, 2, b))) {
		sqlite3_finalize(st);
		return wd_index_error(ix, err, _("cannot read"));
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (first) {
			if (wd_buf_addf(&w->b, "\n%s\n", title) < 0)
				w->failed = 1;
			first = 0;
		}
		line(w, st, now);
		w->count++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return wd_index_error(ix, err, _("cannot read"));
	return 0;
}

static void no_harvest_line(struct duew *w, sqlite3_stmt *st, int64_t now)
{
	(void)now;
	if (wd_buf_addf(&w->b, "  - %s (%s), ", sqlite3_column_text(st, 1),
			sqlite3_column_text(st, 0)) < 0)
		w->failed = 1;
	long_date(w, sqlite3_column_int64(st, 2));
	add(w, "\n");
}

static void action_line(struct duew *w, sqlite3_stmt *st, int64_t now)
{
	struct wd_buf owners = WD_BUF_INIT(0);
	int64_t due = sqlite3_column_int64(st, 4);
	long days = (long)((wd_day_start(now) - due) / DAY);

	if (wd_buf_addf(&w->b, "  - %s/%s: %s\n    ", sqlite3_column_text(st, 0),
			sqlite3_column_text(st, 1), sqlite3_column_text(st, 2)) < 0 ||
	    owners_shown(&owners, (const char *)sqlite3_column_text(st, 3),
			 w->lang, ", ") < 0)
		w->failed = 1;
	if (owners.len && wd_buf_addf(&w->b, "%s, ", owners.ptr) < 0)
		w->failed = 1;
	add(w, w->en ? "due " : "uiterlijk ");
	long_date(w, due);
	if (days > 0 && wd_buf_addf(&w->b, w->en ? " (%ld days late)" :
				    " (%ld dagen te laat)", days) < 0)
		w->failed = 1;
	add(w, "\n");
	wd_buf_release(&owners);
}

static void unanswered_line(struct duew *w, sqlite3_stmt *st, int64_t now)
{
	long n = sqlite3_column_int(st, 3);

	(void)now;
	if (wd_buf_addf(&w->b, "  - %s (%s), ", sqlite3_column_text(st, 1),
			sqlite3_column_text(st, 0)) < 0)
		w->failed = 1;
	long_date(w, sqlite3_column_int64(st, 2));
	if (wd_buf_addf(&w->b, w->en ? ": %ld without an answer\n" :
			": %ld zonder antwoord\n", n) < 0)
		w->failed = 1;
}

int wd_due(struct wd_index *ix, int days, int64_t now, const char *lang,
	   wd_write_fn write, void *ctx, size_t *count, struct wd_error *err)
{
	static const char held_sql[] =
		"SELECT d.id, d.title, d.start_t FROM dialogue d"
		" WHERE d.start_t IS NOT NULL AND d.start_t <= ?1"
		" AND d.status <> 'cancelled'"
		" AND NOT EXISTS (SELECT 1 FROM item i WHERE i.dialogue = d.id)"
		" ORDER BY d.start_t, d.id";
	static const char overdue_sql[] =
		"SELECT i.dialogue, i.id, i.text, " OWNERS_SQL ", i.due_t"
		" FROM item i WHERE i.kind = 'action' AND i.due_t < ?1"
		" AND i.status IN ('open', 'underway')"
		" ORDER BY i.due_t, i.dialogue, i.id";
	static const char soon_sql[] =
		"SELECT i.dialogue, i.id, i.text, " OWNERS_SQL ", i.due_t"
		" FROM item i WHERE i.kind = 'action' AND i.due_t >= ?1"
		" AND i.due_t < ?2 AND i.status IN ('open', 'underway')"
		" ORDER BY i.due_t, i.dialogue, i.id";
	static const char unanswered_sql[] =
		"SELECT d.id, d.title, d.start_t, count(p.id) FROM dialogue d"
		" JOIN person p ON p.dialogue = d.id"
		" WHERE d.start_t >= ?1 AND d.start_t < ?2"
		" AND d.status <> 'cancelled' AND p.invitation_sent IS NOT NULL"
		" AND p.rsvp IS NULL GROUP BY d.id ORDER BY d.start_t, d.id";
	int64_t today = wd_day_start(now);
	struct duew w;
	int en = lang && !strcmp(lang, "en"), r = -1;

	memset(&w, 0, sizeof(w));
	wd_buf_init(&w.b, 0);
	w.lang = lang;
	w.en = en;
	if (section(&w, ix, held_sql, now - (int64_t)days * DAY, 0,
		    en ? "Dialogues held without any harvest yet:" :
		    "Dialogen die gehouden zijn, nog zonder oogst:",
		    no_harvest_line, now, err) < 0 ||
	    section(&w, ix, overdue_sql, today, 0,
		    en ? "Actions past their due date:" :
		    "Acties over hun deadline:", action_line, now, err) < 0 ||
	    section(&w, ix, soon_sql, today, today + (int64_t)days * DAY,
		    en ? "Actions due soon:" : "Acties die binnenkort af moeten:",
		    action_line, now, err) < 0 ||
	    section(&w, ix, unanswered_sql, now, now + 30LL * DAY,
		    en ? "Invitations without an answer (dialogues within 30 days):" :
		    "Uitnodigingen zonder antwoord (dialogen binnen 30 dagen):",
		    unanswered_line, now, err) < 0)
		goto out;
	if (w.failed) {
		wd_error_oom(err);
		goto out;
	}
	*count = w.count;
	if (w.count) {
		struct wd_buf head = WD_BUF_INIT(0);

		if (wd_buf_adds(&head, en ? "What needs attention, " :
				"Wat aandacht nodig heeft, ") < 0 ||
		    wd_time_long(&head, now, lang, 0) < 0 ||
		    wd_buf_addc(&head, '\n') < 0 ||
		    write(ctx, head.ptr, head.len) < 0 ||
		    write(ctx, w.b.ptr, w.b.len) < 0) {
			wd_buf_release(&head);
			wd_error_sys(err, EX_IOERR, NULL, _("cannot write"));
			goto out;
		}
		wd_buf_release(&head);
	}
	r = 0;
out:
	wd_buf_release(&w.b);
	return r;
}

/* export.c - everything as open data: anonymous unless contacts are asked for */
#include "export.h"
#include "i18n.h"
#include "people.h"
#include "report.h"

#include <string.h>

struct ex {
	struct wd_index *ix;
	const struct wd_ws *ws;
	struct wd_buf b;
	int contacts;
	wd_write_fn write;
	void *ctx;
	struct wd_error *err;
};

static int flush(struct ex *x, int force)
{
	if (!force && x->b.len < 65536)
		return 0;
	if (x->b.len && x->write(x->ctx, x->b.ptr, x->b.len) < 0)
		return wd_error_sys(x->err, EX_IOERR, NULL, _("cannot write"));
	wd_buf_reset(&x->b);
	return 0;
}

static int jstr(struct wd_buf *b, const char *key, const char *v)
{
	if (wd_buf_adds(b, ", ") < 0 || wd_json_string(b, key) < 0 ||
	    wd_buf_adds(b, ": ") < 0)
		return -1;
	return v ? wd_json_string(b, v) : wd_buf_adds(b, "null");
}

static int jlist(struct wd_buf *b, const char *key, const char *joined)
{
	const char *p = joined;
	int first = 1;

	if (wd_buf_adds(b, ", ") < 0 || wd_json_string(b, key) < 0 ||
	    wd_buf_adds(b, ": [") < 0)
		return -1;
	while (p && *p) {
		size_t n = strcspn(p, ",");
		struct wd_buf one = WD_BUF_INIT(0);
		int r;

		r = wd_buf_add(&one, p, n) < 0 ||
		    (!first && wd_buf_adds(b, ", ") < 0) ||
		    wd_json_string(b, wd_buf_str(&one)) < 0;
		wd_buf_release(&one);
		if (r)
			return -1;
		first = 0;
		p += n + (p[n] == ',');
	}
	return wd_buf_addc(b, ']');
}

/* --- people --- */

static int people(struct ex *x, const char *dialogue)
{
	static const char q[] =
		"SELECT id, name, role, organisation, lang, \"table\", host, rsvp,"
		" waiting, attended, consent_contact, consent_named, consent_photo,"
		" invitation_channel, invitation_sent, \"from\""
		" FROM person WHERE dialogue = ?1 ORDER BY pos";
	struct wd_contacts cc;
	struct wd_diag diag;
	struct wd_error e;
	sqlite3_stmt *st = NULL;
	int rc, n = 0, r = -1;

	wd_contacts_init(&cc);
	wd_diag_init(&diag, &e, NULL);
	if (x->contacts && wd_contacts_load(&cc, x->ws, dialogue, &diag) < 0) {
		wd_error_copy(x->err, &e);
		goto out;
	}
	if (sqlite3_prepare_v2(x->ix->db, q, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, dialogue, -1, SQLITE_STATIC) != SQLITE_OK) {
		wd_index_error(x->ix, x->err, _("cannot read"));
		goto out;
	}
	if (wd_buf_adds(&x->b, ", \"people\": [") < 0)
		goto oom;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		const char *named = (const char *)sqlite3_column_text(st, 11);
		struct wd_buf *b = &x->b;

		if ((n++ && wd_buf_adds(b, ", ") < 0) ||
		    wd_buf_adds(b, "{\"role\": ") < 0 ||
		    wd_json_string(b, (const char *)sqlite3_column_text(st, 2)) < 0)
			goto oom;
		if (x->contacts) {
			if (jstr(b, "id", id) < 0)
				goto oom;
		}
		if (jstr(b, "name", x->contacts || (named && *named) ?
			 (const char *)sqlite3_column_text(st, 1) : NULL) < 0 ||
		    jstr(b, "organisation", (const char *)sqlite3_column_text(st, 3)) < 0 ||
		    jstr(b, "lang", (const char *)sqlite3_column_text(st, 4)) < 0 ||
		    jstr(b, "rsvp", (const char *)sqlite3_column_text(st, 7)) < 0 ||
		    wd_buf_addf(b, ", \"table\": %d, \"host\": %s, \"waiting\": %s,"
				" \"attended\": %s", sqlite3_column_int(st, 5),
				sqlite3_column_int(st, 6) == 1 ? "true" : "false",
				sqlite3_column_int(st, 8) == 1 ? "true" : "false",
				sqlite3_column_int(st, 9) == 1 ? "true" : "false") < 0)
			goto oom;
		if (x->contacts) {
			const struct wd_contact *c = wd_contacts_find(&cc, id);

			if (jstr(b, "consent_contact", (const char *)sqlite3_column_text(st, 10)) < 0 ||
			    jstr(b, "consent_named", named) < 0 ||
			    jstr(b, "consent_photo", (const char *)sqlite3_column_text(st, 12)) < 0 ||
			    jstr(b, "invitation_channel", (const char *)sqlite3_column_text(st, 13)) < 0 ||
			    jstr(b, "invitation_sent", (const char *)sqlite3_column_text(st, 14)) < 0 ||
			    jstr(b, "from", (const char *)sqlite3_column_text(st, 15)) < 0 ||
			    jstr(b, "email", c ? c->email : NULL) < 0 ||
			    jstr(b, "phone", c ? c->phone : NULL) < 0 ||
			    jstr(b, "address", c ? c->address : NULL) < 0)
				goto oom;
		}
		if (wd_buf_addc(b, '}') < 0 || flush(x, 0) < 0)
			goto out;
	}
	if (rc != SQLITE_DONE) {
		wd_index_error(x->ix, x->err, _("cannot read"));
		goto out;
	}
	if (wd_buf_addc(&x->b, ']') < 0)
		goto oom;
	r = 0;
	goto out;
oom:
	wd_error_oom(x->err);
out:
	sqlite3_finalize(st);
	wd_contacts_release(&cc);
	return r;
}

/* --- items --- */

/*
 * A person as open data shows them: the name with consent, else the
 * role; with contacts, the id.  `who` is an SQL expression of a person id
 * in the dialogue d.
 */
#define SHOWN(who) \
	"(SELECT CASE WHEN ?2 THEN p.id WHEN p.consent_named <> '' THEN p.name" \
	" ELSE p.role END FROM person p WHERE p.dialogue = i.dialogue" \
	" AND p.id = " who ")"

static const char items_sql[] =
	"SELECT i.id, i.source, i.kind, i.phase, i.text,"
	" CASE WHEN ?2 THEN i.by WHEN i.kind = 'quote' AND i.named = 1 THEN"
	"  (SELECT p.name FROM person p WHERE p.dialogue = i.dialogue"
	"  AND p.id = i.by AND p.consent_named <> '') END,"
	" coalesce(i.role, " SHOWN("i.by") "), i.tags,"
	" (SELECT group_concat(" SHOWN("o.person") ", ',') FROM item_owner o"
	"  WHERE o.file = i.file AND o.item = i.id),"
	" i.due, i.status, i.need, i.created, i.rowid, i.file"
	" FROM item i WHERE i.dialogue = ?1 ORDER BY i.source, i.pos";

static int history(struct ex *x, sqlite3_stmt *h, int64_t file,
		   const char *item)
{
	int rc, n = 0;

	sqlite3_reset(h);
	if (sqlite3_bind_int64(h, 1, file) || sqlite3_bind_text(h, 2, item, -1, SQLITE_STATIC))
		return wd_index_error(x->ix, x->err, _("cannot read"));
	if (wd_buf_adds(&x->b, ", \"history\": [") < 0)
		return wd_error_oom(x->err);
	while ((rc = sqlite3_step(h)) == SQLITE_ROW) {
		if ((n++ && wd_buf_adds(&x->b, ", ") < 0) ||
		    wd_buf_adds(&x->b, "{\"at\": ") < 0 ||
		    wd_json_string(&x->b, (const char *)sqlite3_column_text(h, 0)) < 0 ||
		    jstr(&x->b, "status", (const char *)sqlite3_column_text(h, 1)) < 0 ||
		    jstr(&x->b, "note", (const char *)sqlite3_column_text(h, 2)) < 0 ||
		    wd_buf_addc(&x->b, '}') < 0)
			return wd_error_oom(x->err);
	}
	if (rc != SQLITE_DONE)
		return wd_index_error(x->ix, x->err, _("cannot read"));
	return wd_buf_addc(&x->b, ']') < 0 ? wd_error_oom(x->err) : 0;
}

static int items(struct ex *x, const char *dialogue)
{
	static const char hq[] =
		"SELECT at, status, note FROM history WHERE file = ?1 AND item = ?2"
		" ORDER BY pos";
	sqlite3_stmt *st = NULL, *h = NULL;
	int rc, n = 0, r = -1;

	if (sqlite3_prepare_v2(x->ix->db, items_sql, -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(x->ix->db, hq, -1, &h, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, dialogue, -1, SQLITE_STATIC) ||
	    sqlite3_bind_int(st, 2, x->contacts)) {
		wd_index_error(x->ix, x->err, _("cannot read"));
		goto out;
	}
	if (wd_buf_adds(&x->b, ", \"items\": [") < 0)
		goto oom;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct wd_buf *b = &x->b;
		const char *id = (const char *)sqlite3_column_text(st, 0);

		if ((n++ && wd_buf_adds(b, ", ") < 0) ||
		    wd_buf_adds(b, "{\"id\": ") < 0 || wd_json_string(b, id) < 0 ||
		    jstr(b, "source", (const char *)sqlite3_column_text(st, 1)) < 0 ||
		    jstr(b, "kind", (const char *)sqlite3_column_text(st, 2)) < 0 ||
		    jstr(b, "phase", (const char *)sqlite3_column_text(st, 3)) < 0 ||
		    jstr(b, "text", (const char *)sqlite3_column_text(st, 4)) < 0 ||
		    jstr(b, "by", (const char *)sqlite3_column_text(st, 5)) < 0 ||
		    jstr(b, "role", (const char *)sqlite3_column_text(st, 6)) < 0 ||
		    jlist(b, "tags", (const char *)sqlite3_column_text(st, 7)) < 0 ||
		    jlist(b, "owner", (const char *)sqlite3_column_text(st, 8)) < 0 ||
		    jstr(b, "due", (const char *)sqlite3_column_text(st, 9)) < 0 ||
		    jstr(b, "status", (const char *)sqlite3_column_text(st, 10)) < 0 ||
		    jstr(b, "need", (const char *)sqlite3_column_text(st, 11)) < 0 ||
		    jstr(b, "created", (const char *)sqlite3_column_text(st, 12)) < 0)
			goto oom;
		if (history(x, h, sqlite3_column_int64(st, 14), id) < 0)
			goto out;
		if (wd_buf_addc(b, '}') < 0)
			goto oom;
		if (flush(x, 0) < 0)
			goto out;
	}
	if (rc != SQLITE_DONE) {
		wd_index_error(x->ix, x->err, _("cannot read"));
		goto out;
	}
	if (wd_buf_addc(&x->b, ']') < 0)
		goto oom;
	r = 0;
	goto out;
oom:
	wd_error_oom(x->err);
out:
	sqlite3_finalize(st);
	sqlite3_finalize(h);
	return r;
}

static int export_json(struct ex *x)
{
	struct wd_report rep;
	struct wd_report_filter f;
	size_t i;
	int r = -1;

	memset(&f, 0, sizeof(f));
	wd_report_init(&rep);
	if (wd_report_load(&rep, x->ix, &f, x->ws, x->err) < 0)
		goto out;
	if (wd_buf_addc(&x->b, '[') < 0)
		goto oom;
	for (i = 0; i < rep.n; i++) {
		if (wd_buf_adds(&x->b, i ? ",\n  " : "\n  ") < 0 ||
		    wd_report_json_open(&x->b, &rep.d[i], rep.lang) < 0)
			goto oom;
		if (people(x, rep.d[i].id) < 0 || items(x, rep.d[i].id) < 0)
			goto out;
		if (wd_buf_addc(&x->b, '}') < 0)
			goto oom;
	}
	if (wd_buf_adds(&x->b, rep.n ? "\n]\n" : "]\n") < 0)
		goto oom;
	r = flush(x, 1);
	goto out;
oom:
	wd_error_oom(x->err);
out:
	wd_report_release(&rep);
	return r;
}

static int export_csv(struct ex *x)
{
	static const struct wd_col cols[] = {
		{ "dialogue", "dialogue", WD_COL_TEXT },
		{ "title", "title", WD_COL_TEXT },
		{ "theme", "theme", WD_COL_TEXT },
		{ "place", "place", WD_COL_TEXT },
		{ "start", "start", WD_COL_TEXT },
		{ "id", "id", WD_COL_TEXT },
		{ "source", "source", WD_COL_TEXT },
		{ "kind", "kind", WD_COL_TEXT },
		{ "phase", "phase", WD_COL_TEXT },
		{ "text", "text", WD_COL_TEXT },
		{ "by", "by", WD_COL_TEXT },
		{ "role", "role", WD_COL_TEXT },
		{ "tags", "tags", WD_COL_LIST },
		{ "owner", "owner", WD_COL_LIST },
		{ "due", "due", WD_COL_TEXT },
		{ "status", "status", WD_COL_TEXT },
		{ "need", "need", WD_COL_TEXT },
		{ "created", "created", WD_COL_TEXT },
	};
	static const char q[] =
		"SELECT d.id, d.title, d.theme, d.place, d.start, x.* FROM dialogue d"
		" JOIN (SELECT i.dialogue AS dl, i.id, i.source, i.kind, i.phase, i.text,"
		" CASE WHEN i.kind = 'quote' AND i.named = 1 THEN"
		"  (SELECT p.name FROM person p WHERE p.dialogue = i.dialogue"
		"  AND p.id = i.by AND p.consent_named <> '') END,"
		" coalesce(i.role, (SELECT p.role FROM person p WHERE"
		"  p.dialogue = i.dialogue AND p.id = i.by)), i.tags,"
		" (SELECT group_concat(CASE WHEN p.consent_named <> '' THEN p.name"
		"  ELSE p.role END, ',') FROM item_owner o LEFT JOIN person p ON"
		"  p.dialogue = o.dialogue AND p.id = o.person"
		"  WHERE o.file = i.file AND o.item = i.id),"
		" i.due, i.status, i.need, i.created, i.source AS s, i.pos AS ps"
		" FROM item i) x ON x.dl = d.id ORDER BY d.start_t, d.id, x.s, x.ps";
	const char *v[18];
	sqlite3_stmt *st = NULL;
	struct wd_out o;
	size_t i;
	int rc, r = -1;

	wd_out_begin(&o, WD_FMT_CSV, cols, 18, x->write, x->ctx);
	if (sqlite3_prepare_v2(x->ix->db, q, -1, &st, NULL) != SQLITE_OK) {
		wd_index_error(x->ix, x->err, _("cannot read"));
		goto out;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < 5; i++)
			v[i] = (const char *)sqlite3_column_text(st, (int)i);
		/* column 5 is the join key */
		for (i = 5; i < 18; i++)
			v[i] = (const char *)sqlite3_column_text(st, (int)i + 1);
		if (wd_out_row(&o, v) < 0) {
			wd_error_sys(x->err, EX_IOERR, NULL, _("cannot write"));
			goto out;
		}
	}
	if (rc != SQLITE_DONE) {
		wd_index_error(x->ix, x->err, _("cannot read"));
		goto out;
	}
	if (wd_out_end(&o, NULL) < 0) {
		wd_error_sys(x->err, EX_IOERR, NULL, _("cannot write"));
		goto out;
	}
	r = 0;
out:
	sqlite3_finalize(st);
	wd_out_release(&o);
	return r;
}

int wd_export(struct wd_index *ix, const struct wd_ws *ws, enum wd_format fmt,
	      int contacts, wd_write_fn write, void *ctx, struct wd_error *err)
{
	struct ex x;
	int r;

	if (fmt != WD_FMT_JSON && fmt != WD_FMT_CSV)
		return wd_error_set(err, EX_USAGE, "%s",
				    _("export writes json or csv"));
	if (contacts && fmt != WD_FMT_JSON)
		return wd_error_set(err, EX_USAGE, "%s",
				    _("contact data is only exported as json"));
	memset(&x, 0, sizeof(x));
	wd_buf_init(&x.b, 0);
	x.ix = ix;
	x.ws = ws;
	x.contacts = contacts;
	x.write = write;
	x.ctx = ctx;
	x.err = err;
	r = fmt == WD_FMT_JSON ? export_json(&x) : export_csv(&x);
	wd_buf_release(&x.b);
	return r;
}

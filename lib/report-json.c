/* report-json.c - a report as one JSON array of dialogue objects */
#include "report.h"
#include "buf.h"
#include "i18n.h"

#include <string.h>

static int str(struct wd_buf *b, const char *key, const char *v, int comma)
{
	if ((comma && wd_buf_adds(b, ", ") < 0) || wd_json_string(b, key) < 0 ||
	    wd_buf_adds(b, ": ") < 0)
		return -1;
	return v ? wd_json_string(b, v) : wd_buf_adds(b, "null");
}

static int num(struct wd_buf *b, const char *key, long v)
{
	return wd_buf_adds(b, ", ") < 0 || wd_json_string(b, key) < 0 ? -1 :
	       wd_buf_addf(b, ": %ld", v);
}

static int strs(struct wd_buf *b, const char *key, const char **v, size_t n)
{
	size_t i;

	if (wd_buf_adds(b, ", ") < 0 || wd_json_string(b, key) < 0 ||
	    wd_buf_adds(b, ": [") < 0)
		return -1;
	for (i = 0; i < n; i++)
		if ((i && wd_buf_adds(b, ", ") < 0) || wd_json_string(b, v[i]) < 0)
			return -1;
	return wd_buf_addc(b, ']');
}

static int count(struct wd_buf *b, const struct wd_rep_count *c)
{
	return wd_buf_addf(b, "{\"total\": %ld, \"invited\": %ld, \"yes\": %ld,"
			   " \"attended\": %ld}", c->total, c->invited, c->yes,
			   c->attended);
}

static int participation(struct wd_buf *b, const struct wd_rep_dialogue *d)
{
	size_t i;
	int first = 1;

	if (wd_buf_adds(b, ", \"participation\": {\"by_role\": {") < 0)
		return -1;
	for (i = 0; i < WD_ROLES; i++) {
		if (!d->role[i].total)
			continue;
		if ((!first && wd_buf_adds(b, ", ") < 0) ||
		    wd_json_string(b, wd_vocab_at(WD_V_ROLE, i)) < 0 ||
		    wd_buf_adds(b, ": ") < 0 || count(b, &d->role[i]) < 0)
			return -1;
		first = 0;
	}
	if (wd_buf_adds(b, "}, \"all\": ") < 0 || count(b, &d->all) < 0)
		return -1;
	return wd_buf_addf(b, ", \"residents_largest\": %s}",
			   d->residents_largest ? "true" : "false");
}

static int item(struct wd_buf *b, const struct wd_rep_item *it)
{
	if (wd_buf_addc(b, '{') < 0 || str(b, "id", it->id, 0) < 0 ||
	    str(b, "kind", it->kind, 1) < 0 || str(b, "phase", it->phase, 1) < 0 ||
	    str(b, "text", it->text, 1) < 0)
		return -1;
	if (it->who && str(b, "by", it->who, 1) < 0)
		return -1;
	if (!strcmp(it->kind, "action") &&
	    (strs(b, "owner", it->owners, it->nowners) < 0 ||
	     str(b, "due", it->due, 1) < 0 || str(b, "status", it->status, 1) < 0 ||
	     str(b, "need", it->need, 1) < 0 ||
	     wd_buf_addf(b, ", \"overdue\": %s", it->overdue ? "true" : "false") < 0))
		return -1;
	return wd_buf_addc(b, '}');
}

static int harvest(struct wd_buf *b, const struct wd_rep_dialogue *d,
		   const char *lang)
{
	size_t i;
	int g, first = 1;

	if (wd_buf_adds(b, ", \"harvest\": [") < 0)
		return -1;
	for (g = 0; g < WD_GROUPS; g++) {
		int n = 0;

		if (!d->groups[g])
			continue;
		if ((!first && wd_buf_adds(b, ", ") < 0) ||
		    wd_buf_adds(b, "{\"group\": ") < 0 ||
		    wd_json_string(b, wd_group_label((enum wd_group)g, lang)) < 0 ||
		    wd_buf_adds(b, ", \"items\": [") < 0)
			return -1;
		first = 0;
		for (i = 0; i < d->nitems; i++) {
			if ((int)d->items[i].group != g)
				continue;
			if ((n++ && wd_buf_adds(b, ", ") < 0) ||
			    item(b, &d->items[i]) < 0)
				return -1;
		}
		if (wd_buf_adds(b, "]}") < 0)
			return -1;
	}
	return wd_buf_addc(b, ']');
}

static int link(struct wd_buf *b, const struct wd_rep_link *k)
{
	return wd_buf_addc(b, '{') < 0 || str(b, "id", k->id, 0) < 0 ||
	       str(b, "title", k->title, 1) < 0 ? -1 : wd_buf_addc(b, '}');
}

static int relay(struct wd_buf *b, const struct wd_rep_dialogue *d)
{
	size_t i;

	if (wd_buf_adds(b, ", \"relay\": {\"from\": ") < 0 ||
	    (d->from.id ? link(b, &d->from) : wd_buf_adds(b, "null")) < 0 ||
	    wd_buf_adds(b, ", \"to\": [") < 0)
		return -1;
	for (i = 0; i < d->nto; i++)
		if ((i && wd_buf_adds(b, ", ") < 0) || link(b, &d->to[i]) < 0)
			return -1;
	if (wd_buf_addc(b, ']') < 0 || str(b, "baton", d->baton, 1) < 0 ||
	    num(b, "returning", d->returning) < 0)
		return -1;
	return wd_buf_addc(b, '}');
}

static int counts(struct wd_buf *b, const struct wd_rep_dialogue *d)
{
	size_t i;

	if (wd_buf_adds(b, ", \"counts\": {\"kind\": {") < 0)
		return -1;
	for (i = 0; i < WD_KINDS; i++)
		if ((i && wd_buf_adds(b, ", ") < 0) ||
		    wd_buf_addf(b, "\"%s\": %zu", wd_vocab_at(WD_V_KIND, i),
				d->kinds[i]) < 0)
			return -1;
	if (wd_buf_adds(b, "}, \"status\": {") < 0)
		return -1;
	for (i = 0; i < WD_STATUSES; i++)
		if ((i && wd_buf_adds(b, ", ") < 0) ||
		    wd_buf_addf(b, "\"%s\": %zu", wd_vocab_at(WD_V_STATUS, i),
				d->statuses[i]) < 0)
			return -1;
	return wd_buf_addf(b, "}, \"overdue\": %zu, \"items\": %zu}", d->overdue,
			   d->nitems);
}

int wd_report_json_open(struct wd_buf *b, const struct wd_rep_dialogue *d,
			const char *lang)
{
	if (wd_buf_addc(b, '{') < 0 || str(b, "id", d->id, 0) < 0 ||
	    str(b, "title", d->title, 1) < 0 || str(b, "theme", d->theme, 1) < 0 ||
	    str(b, "question", d->question, 1) < 0 ||
	    str(b, "place", d->place, 1) < 0 || str(b, "venue", d->venue, 1) < 0 ||
	    str(b, "start", d->start, 1) < 0 || str(b, "end", d->end, 1) < 0 ||
	    str(b, "status", d->status, 1) < 0 ||
	    str(b, "language", d->lang, 1) < 0 ||
	    (d->capacity && num(b, "capacity", d->capacity) < 0) ||
	    strs(b, "hosts", d->hosts, d->nhosts) < 0 ||
	    participation(b, d) < 0 || harvest(b, d, lang) < 0 ||
	    counts(b, d) < 0 || relay(b, d) < 0)
		return -1;
	return 0;
}

int wd_report_json(const struct wd_report *r, wd_write_fn write, void *ctx,
		   struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(0);
	size_t i;
	int ret = -1;

	if (wd_buf_addc(&b, '[') < 0)
		goto oom;
	for (i = 0; i < r->n; i++) {
		if (wd_buf_adds(&b, i ? ",\n  " : "\n  ") < 0 ||
		    wd_report_json_open(&b, &r->d[i], r->lang) < 0 ||
		    wd_buf_addc(&b, '}') < 0)
			goto oom;
		if (b.len > 65536) {
			if (write(ctx, b.ptr, b.len) < 0)
				goto io;
			wd_buf_reset(&b);
		}
	}
	if (wd_buf_adds(&b, r->n ? "\n]\n" : "]\n") < 0)
		goto oom;
	if (write(ctx, b.ptr, b.len) < 0)
		goto io;
	ret = 0;
	goto out;
io:
	wd_error_sys(err, EX_IOERR, NULL, _("cannot write"));
	goto out;
oom:
	wd_error_oom(err);
out:
	wd_buf_release(&b);
	return ret;
}

/* report-text.c - a report as text for a terminal or mail, or as Markdown */
#include "report.h"
#include "buf.h"
#include "i18n.h"
#include "timefmt.h"
#include "utf8.h"

#include <stdarg.h>
#include <string.h>

struct tw {
	struct wd_buf b;
	wd_write_fn write;
	void *ctx;
	int md;
	const char *lang;
	int failed;
};

static void put(struct tw *t, const char *s)
{
	if (wd_buf_adds(&t->b, s) < 0)
		t->failed = 1;
}

static void putf(struct tw *t, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void putf(struct tw *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (wd_buf_vaddf(&t->b, fmt, ap) < 0)
		t->failed = 1;
	va_end(ap);
}

static int flush(struct tw *t)
{
	if (t->b.len && t->write(t->ctx, t->b.ptr, t->b.len) < 0)
		t->failed = 1;
	wd_buf_reset(&t->b);
	return t->failed ? -1 : 0;
}

static void heading(struct tw *t, int level, const char *s)
{
	size_t i, w = wd_utf8_width(s);

	if (t->md) {
		putf(t, "%.*s %s\n\n", level, "###", s);
		return;
	}
	putf(t, "%s\n", s);
	for (i = 0; i < w; i++)
		put(t, level == 1 ? "=" : "-");
	put(t, "\n");
}

/* "label: value" lines, the values aligned; Markdown makes labels bold */
static void field(struct tw *t, const char *label, const char *value)
{
	size_t w;

	if (!value || !*value)
		return;
	if (t->md) {
		putf(t, "**%s:** %s  \n", label, value);
		return;
	}
	putf(t, "%s:", label);
	for (w = wd_utf8_width(label) + 1; w < 22; w++)
		put(t, " ");
	putf(t, "%s\n", value);
}

static void when(struct tw *t, const struct wd_rep_dialogue *d)
{
	struct wd_buf b = WD_BUF_INIT(0);

	if (!d->has_start)
		return;
	if (wd_time_long(&b, d->start_t, t->lang, d->has_time) < 0)
		t->failed = 1;
	if (d->has_end && d->has_time) {
		if (wd_buf_adds(&b, " - ") < 0 ||
		    wd_time_clock(&b, d->end_t, t->lang) < 0)
			t->failed = 1;
	}
	field(t, wd_report_word("when", t->lang), wd_buf_str(&b));
	wd_buf_release(&b);
}

static void where(struct tw *t, const struct wd_rep_dialogue *d)
{
	struct wd_buf b = WD_BUF_INIT(0);

	if (d->venue && wd_buf_adds(&b, d->venue) < 0)
		t->failed = 1;
	if (d->place && wd_buf_addf(&b, d->venue ? " (%s)" : "%s", d->place) < 0)
		t->failed = 1;
	field(t, wd_report_word("where", t->lang), wd_buf_str(&b));
	wd_buf_release(&b);
}

static void list_of(struct tw *t, const char *label, const char **v, size_t n)
{
	struct wd_buf b = WD_BUF_INIT(0);
	size_t i;

	for (i = 0; i < n; i++)
		if ((i && wd_buf_adds(&b, ", ") < 0) || wd_buf_adds(&b, v[i]) < 0)
			t->failed = 1;
	field(t, label, wd_buf_str(&b));
	wd_buf_release(&b);
}

static void participation(struct tw *t, const struct wd_rep_dialogue *d)
{
	const char *l = t->lang;
	size_t i;

	heading(t, 2, wd_report_word("participation", l));
	if (!d->all.total) {
		put(t, t->md ? "" : "");
		putf(t, "%s\n\n", wd_report_word("nobody", l));
		return;
	}
	if (t->md)
		putf(t, "| %s | %s | %s | %s |\n|---|--:|--:|--:|\n",
		     wd_report_word("role", l), wd_report_word("invited", l),
		     wd_report_word("yes", l), wd_report_word("attended", l));
	else
		putf(t, "%-22s %11s %8s %9s\n", wd_report_word("role", l),
		     wd_report_word("invited", l), wd_report_word("yes", l),
		     wd_report_word("attended", l));
	for (i = 0; i <= WD_ROLES; i++) {
		const struct wd_rep_count *c = i < WD_ROLES ? &d->role[i] : &d->all;
		const char *name = i < WD_ROLES ?
			wd_vocab_plural(WD_V_ROLE, wd_vocab_at(WD_V_ROLE, i), l) :
			wd_report_word("total", l);
		size_t pad;

		if (i < WD_ROLES && !c->total)
			continue;
		if (t->md) {
			putf(t, "| %s | %ld | %ld | %ld |\n", name, c->invited,
			     c->yes, c->attended);
			continue;
		}
		/* pad by characters, not bytes */
		put(t, name);
		for (pad = wd_utf8_width(name); pad < 22; pad++)
			put(t, " ");
		putf(t, " %11ld %8ld %9ld\n", c->invited, c->yes, c->attended);
	}
	/* nobody said yes or came yet: no largest group to speak of */
	if (d->all.yes || d->all.attended)
		putf(t, "\n%s\n\n", wd_report_word(d->residents_largest ?
						   "residents_largest" :
						   "residents_not_largest", l));
	else
		put(t, "\n");
}

static void action_line(struct tw *t, const struct wd_rep_item *it)
{
	struct wd_buf b = WD_BUF_INIT(0);
	struct wd_when w;
	size_t i;

	for (i = 0; i < it->nowners; i++)
		if ((i && wd_buf_adds(&b, ", ") < 0) ||
		    wd_buf_adds(&b, it->owners[i]) < 0)
			t->failed = 1;
	if (it->due && wd_time_parse(it->due, &w) == 0) {
		if ((b.len && wd_buf_adds(&b, ", ") < 0) ||
		    wd_buf_addf(&b, "%s ", wd_report_word("due", t->lang)) < 0 ||
		    wd_time_long(&b, w.t, t->lang, 0) < 0)
			t->failed = 1;
	}
	if (it->status &&
	    ((b.len && wd_buf_adds(&b, ", ") < 0) ||
	     wd_buf_adds(&b, wd_vocab_label(WD_V_STATUS, it->status, t->lang)) < 0))
		t->failed = 1;
	if (it->overdue && wd_buf_addf(&b, " (%s)", wd_report_word("overdue", t->lang)) < 0)
		t->failed = 1;
	putf(t, "- %s", it->text);
	if (b.len)
		putf(t, " -- %s", b.ptr);
	put(t, "\n");
	if (it->need)
		putf(t, t->md ? "  *%s*\n" : "  (%s)\n", it->need);
	wd_buf_release(&b);
}

static void harvest(struct tw *t, const struct wd_rep_dialogue *d)
{
	size_t i;
	int g;

	heading(t, 2, wd_report_word("harvest", t->lang));
	if (!d->nitems)
		putf(t, "%s\n\n", wd_report_word("no_harvest", t->lang));
	for (g = 0; g < WD_GROUPS; g++) {
		if (!d->groups[g])
			continue;
		heading(t, 3, wd_group_label((enum wd_group)g, t->lang));
		for (i = 0; i < d->nitems; i++) {
			const struct wd_rep_item *it = &d->items[i];

			if ((int)it->group != g)
				continue;
			if (g == WD_G_ACTIONS)
				action_line(t, it);
			else if (it->who)
				putf(t, "- \"%s\" -- %s\n", it->text, it->who);
			else
				putf(t, "- %s\n", it->text);
		}
		put(t, "\n");
	}
}

static void link_to(struct tw *t, const struct wd_rep_link *k)
{
	if (k->title)
		putf(t, "%s (%s)", k->title, k->id);
	else
		putf(t, "%s (%s)", k->id, wd_report_word("elsewhere", t->lang));
}

static void relay(struct tw *t, const struct wd_rep_dialogue *d)
{
	size_t i;

	if (!d->from.id && !d->nto && !d->baton)
		return;
	heading(t, 2, wd_report_word("relay", t->lang));
	if (d->from.id) {
		putf(t, "%s: ", wd_report_word("from", t->lang));
		link_to(t, &d->from);
		put(t, "\n");
		if (d->returning)
			putf(t, "%ld %s\n", d->returning,
			     wd_report_word(d->returning == 1 ? "returning1" :
					    "returning", t->lang));
	}
	for (i = 0; i < d->nto; i++) {
		putf(t, "%s: ", wd_report_word("to", t->lang));
		link_to(t, &d->to[i]);
		put(t, "\n");
	}
	if (d->baton)
		putf(t, "%s: %s\n", wd_report_word("baton", t->lang), d->baton);
	put(t, "\n");
}

static void dialogue(struct tw *t, const struct wd_rep_dialogue *d)
{
	heading(t, 1, d->title);
	if (!t->md)
		put(t, "\n");
	when(t, d);
	where(t, d);
	field(t, wd_report_word("theme", t->lang), d->theme);
	field(t, wd_report_word("question", t->lang), d->question);
	list_of(t, wd_report_word("hosts", t->lang), d->hosts, d->nhosts);
	put(t, "\n");
	participation(t, d);
	harvest(t, d);
	relay(t, d);
}

int wd_report_text(const struct wd_report *r, int markdown,
		   wd_write_fn write, void *ctx, struct wd_error *err)
{
	struct tw t;
	size_t i;
	int ret;

	memset(&t, 0, sizeof(t));
	wd_buf_init(&t.b, 0);
	t.write = write;
	t.ctx = ctx;
	t.md = markdown;
	t.lang = r->lang;
	for (i = 0; i < r->n && !t.failed; i++) {
		if (i)
			put(&t, markdown ? "---\n\n" : "\n");
		dialogue(&t, &r->d[i]);
		flush(&t);
	}
	ret = flush(&t);
	wd_buf_release(&t.b);
	if (ret < 0)
		return wd_error_sys(err, EX_IOERR, NULL, _("cannot write"));
	return 0;
}

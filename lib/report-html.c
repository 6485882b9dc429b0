/* report-html.c - a report as one self-contained HTML page, for the screen and A4 print */
#include "report.h"
#include "buf.h"
#include "i18n.h"
#include "svg.h"
#include "template.h"
#include "timefmt.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/*
 * The page carries everything it needs: its styles inline, its charts as
 * inline SVG, no scripts, no fonts, images or links to anything outside
 * it (only #anchors to its own dialogues).  Every string that came from a
 * user goes through esc(); markup is written with put().  The same report
 * gives the same bytes: the only date on it is r->now, which is data.
 */
struct hw {
	struct wd_buf b;
	wd_write_fn write;
	void *ctx;
	const struct wd_report *r;
	const char *lang;
	int h;				/* heading level of a dialogue's title */
	int failed;			/* out of memory */
	int io_failed;			/* the writer failed */
};

static void put(struct hw *w, const char *s)
{
	if (!w->failed && wd_buf_adds(&w->b, s) < 0)
		w->failed = 1;
}

static void putf(struct hw *w, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void putf(struct hw *w, const char *fmt, ...)
{
	va_list ap;

	if (w->failed)
		return;
	va_start(ap, fmt);
	if (wd_buf_vaddf(&w->b, fmt, ap) < 0)
		w->failed = 1;
	va_end(ap);
}

static void esc(struct hw *w, const char *s)
{
	if (!w->failed && s && wd_html_escape(&w->b, s) < 0)
		w->failed = 1;
}

static const char *word(const struct hw *w, const char *key)
{
	return wd_report_word(key, w->lang);
}

/* A word of the report, escaped like everything else. */
static void say(struct hw *w, const char *key)
{
	esc(w, word(w, key));
}

static void flush(struct hw *w)
{
	if (!w->failed && !w->io_failed && w->b.len &&
	    w->write(w->ctx, w->b.ptr, w->b.len) < 0)
		w->io_failed = 1;
	wd_buf_reset(&w->b);
}

/* <hN class="..."> at `level` below a dialogue's title (0: the title). */
static void open_h(struct hw *w, int below, const char *cls)
{
	putf(w, "<h%d%s%s%s>", w->h + below, cls ? " class=\"" : "",
	     cls ? cls : "", cls ? "\"" : "");
}

static void close_h(struct hw *w, int below)
{
	putf(w, "</h%d>\n", w->h + below);
}

static void long_date(struct hw *w, int64_t t, int with_time)
{
	struct wd_buf b = WD_BUF_INIT(0);

	if (wd_time_long(&b, t, w->lang, with_time) < 0)
		w->failed = 1;
	esc(w, wd_buf_str(&b));
	wd_buf_release(&b);
}

/* "12 december 2026": the long date without its weekday, for tables. */
static void day_date(struct hw *w, int64_t t)
{
	struct wd_buf b = WD_BUF_INIT(0);
	const char *s, *sp;

	if (wd_time_long(&b, t, w->lang, 0) < 0)
		w->failed = 1;
	s = wd_buf_str(&b);
	sp = strchr(s, ' ');
	esc(w, sp ? sp + 1 : s);
	wd_buf_release(&b);
}

/* --- the styles --- */

static const char css[] =
	":root{--ink:#1f2328;--muted:#575e66;--rule:#d5d9d3;--accent:#1d4e4a;"
	"--deep:#163a37;--warm:#e8b64c;--warm-soft:#fbf1da;--tint:#eef4f2;"
	"--late:#9b2c1f;--paper:#fffdf9;"
	"--serif:Georgia,\"Iowan Old Style\",\"Palatino Linotype\",\"Liberation Serif\","
	"\"DejaVu Serif\",serif;"
	"--sans:\"Segoe UI\",\"Noto Sans\",\"Helvetica Neue\",Arial,\"Liberation Sans\","
	"\"DejaVu Sans\",sans-serif}\n"
	"*{box-sizing:border-box}\n"
	"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
	"body{margin:0;background:#ece9e1;color:var(--ink);font-family:var(--sans);"
	"font-size:1rem;line-height:1.55}\n"
	".page{max-width:52rem;margin:2rem auto;padding:2.5rem 3.25rem 2rem;"
	"background:var(--paper);box-shadow:0 1px 4px rgba(0,0,0,.12)}\n"
	"h1,h2,h3,h4,h5{font-family:var(--serif);color:var(--deep);line-height:1.2;"
	"font-weight:700;margin:0}\n"
	"p{margin:0 0 .6rem}\n"
	"a{color:var(--accent)}\n"
	".masthead{display:flex;justify-content:space-between;align-items:flex-end;"
	"gap:1rem;border-bottom:3px solid var(--accent);padding-bottom:.55rem;"
	"margin-bottom:2.25rem}\n"
	".masthead p{margin:0}\n"
	".masthead .ws{font-weight:700;color:var(--accent);font-size:1.05rem}\n"
	".masthead .org{color:var(--muted);font-size:.9rem}\n"
	".masthead .kind{text-transform:uppercase;letter-spacing:.14em;font-size:.72rem;"
	"color:var(--muted);font-weight:600;white-space:nowrap}\n"
	".title{font-size:2.35rem;margin:0 0 1.4rem;letter-spacing:-.01em}\n"
	".facts{display:grid;grid-template-columns:max-content 1fr;gap:.45rem 1.5rem;"
	"margin:0 0 1rem}\n"
	".facts dt{font-size:.72rem;text-transform:uppercase;letter-spacing:.1em;"
	"color:var(--muted);font-weight:600;padding-top:.22rem}\n"
	".facts dd{margin:0}\n"
	".facts dd.question{font-family:var(--serif);font-style:italic;font-size:1.2rem;"
	"line-height:1.4;color:var(--deep)}\n"
	".section{margin-top:2.25rem}\n"
	".section>h2,.section>h3{font-size:1.45rem;padding-top:1rem;"
	"border-top:1px solid var(--rule);margin-bottom:1rem}\n"
	".group{margin-top:1.6rem}\n"
	".group-title{font-family:var(--sans);font-size:.8rem;text-transform:uppercase;"
	"letter-spacing:.1em;color:var(--accent);margin-bottom:.5rem;"
	"padding-bottom:.3rem;border-bottom:2px solid var(--warm)}\n"
	".two{display:grid;grid-template-columns:1fr 1fr;gap:2.25rem;align-items:start}\n"
	"table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}\n"
	"th,td{padding:.4rem .5rem;border-bottom:1px solid var(--rule);text-align:left;"
	"vertical-align:top}\n"
	"thead th{font-size:.7rem;text-transform:uppercase;letter-spacing:.08em;"
	"color:var(--muted);font-weight:600;border-bottom:2px solid var(--ink)}\n"
	"tbody th{font-weight:400}\n"
	"tbody th::first-letter{text-transform:uppercase}\n"
	"tfoot th,tfoot td{font-weight:700;border-bottom:0;border-top:2px solid var(--ink)}\n"
	"tfoot th::first-letter{text-transform:uppercase}\n"
	".num{text-align:right}\n"
	".note{margin:.9rem 0 0;padding:.4rem .75rem;border-left:4px solid var(--warm);"
	"background:var(--warm-soft);font-size:.95rem}\n"
	".muted{color:var(--muted)}\n"
	"figure{margin:0}\n"
	".figure{margin:0 0 1.25rem}\n"
	".figure figcaption{font-size:.72rem;text-transform:uppercase;letter-spacing:.1em;"
	"color:var(--muted);font-weight:600;margin-bottom:.5rem}\n"
	"svg.chart{display:block;width:100%;height:auto;font-family:var(--sans)}\n"
	".items{list-style:none;margin:0;padding:0}\n"
	".items>li{position:relative;padding:.5rem 0 .5rem 1.2rem;"
	"border-bottom:1px dotted var(--rule)}\n"
	".items>li:last-child{border-bottom:0}\n"
	".items>li::before{content:\"\";position:absolute;left:.1rem;top:1.02rem;"
	"width:.45rem;height:.45rem;border-radius:50%;background:var(--accent)}\n"
	".items>li.quote{padding:.75rem 1rem .75rem 1.25rem;margin:.5rem 0;"
	"border:0;border-left:4px solid var(--warm);background:var(--warm-soft)}\n"
	".items>li.quote::before{display:none}\n"
	".quote blockquote{margin:0;font-family:var(--serif);font-style:italic;"
	"font-size:1.18rem;line-height:1.45;color:var(--deep)}\n"
	".quote blockquote p{margin:0}\n"
	".quote blockquote p::before{content:\"\\201C\"}\n"
	".quote blockquote p::after{content:\"\\201D\"}\n"
	".quote .who{margin:.35rem 0 0;font-size:.9rem;color:var(--muted)}\n"
	".actions{list-style:none;margin:0;padding:0}\n"
	".action{border:1px solid var(--rule);border-left:5px solid var(--accent);"
	"border-radius:3px;padding:.7rem 1rem;margin:0 0 .7rem;background:#fff}\n"
	".action.overdue{border-left-color:var(--late)}\n"
	".action .what{font-weight:600;margin:0 0 .35rem}\n"
	".action .meta{font-size:.9rem;color:var(--muted);margin:0;display:flex;"
	"flex-wrap:wrap;gap:.25rem .9rem;align-items:center}\n"
	".action .meta .who{color:var(--ink)}\n"
	".action .need{font-size:.9rem;margin:.45rem 0 0}\n"
	".action .need span{font-size:.7rem;text-transform:uppercase;letter-spacing:.08em;"
	"color:var(--muted);font-weight:600;margin-right:.35rem}\n"
	".badge{display:inline-block;border:1.5px solid var(--accent);border-radius:1rem;"
	"padding:0 .6rem;font-size:.78rem;line-height:1.55;font-weight:600;color:var(--deep);"
	"background:#fff}\n"
	".badge.underway{background:var(--warm)}\n"
	".badge.done{background:var(--accent);color:#fff}\n"
	".badge.dropped{background:#e4e6e9;border-style:dashed;color:var(--muted)}\n"
	".badge.late{border:2px solid var(--late);color:var(--late);background:#fff;"
	"text-transform:uppercase;letter-spacing:.06em;font-size:.7rem}\n"
	".late-note{font-size:.9rem;color:var(--late);font-weight:600}\n"
	".relay{display:grid;grid-template-columns:1fr 1fr;gap:1rem;margin:0 0 1rem}\n"
	".relay .leg{border:1px solid var(--rule);border-top:4px solid var(--accent);"
	"padding:.7rem 1rem;background:#fff}\n"
	".relay .leg p{margin:0}\n"
	".relay .label{font-size:.72rem;text-transform:uppercase;letter-spacing:.1em;"
	"color:var(--muted);font-weight:600;margin-bottom:.2rem}\n"
	".relay .name{font-family:var(--serif);font-size:1.15rem;color:var(--deep)}\n"
	".relay .returning{margin-top:.4rem;font-size:.9rem}\n"
	".baton{margin:0;padding:1rem 1.25rem;border:2px solid var(--accent);"
	"background:var(--tint)}\n"
	".baton .label{font-size:.72rem;text-transform:uppercase;letter-spacing:.1em;"
	"color:var(--accent);font-weight:700;margin-bottom:.25rem}\n"
	".baton blockquote{margin:0;font-family:var(--serif);font-style:italic;"
	"font-size:1.3rem;line-height:1.4;color:var(--deep)}\n"
	".stats{display:grid;grid-template-columns:repeat(auto-fit,minmax(5.75rem,1fr));"
	"gap:1rem;margin:0 0 2rem;padding:0;list-style:none}\n"
	".stats li{border-top:3px solid var(--accent);padding-top:.4rem}\n"
	".stats b{display:block;font-family:var(--serif);font-size:2.1rem;line-height:1.1;"
	"color:var(--deep)}\n"
	".stats span{font-size:.85rem;color:var(--muted)}\n"
	".lede{font-size:1.1rem;color:var(--muted);margin:-.6rem 0 1.6rem}\n"
	".dialogues{font-size:.92rem}\n"
	".dialogues td a{font-weight:600}\n"
	".dialogues .date{white-space:nowrap}\n"
	".chart .halo{fill:var(--paper)}\n"
	".dialogue+.dialogue,.overview+.dialogue{margin-top:3.5rem;padding-top:2rem;"
	"border-top:3px solid var(--accent)}\n"
	".colophon{margin-top:3rem;padding-top:.7rem;border-top:1px solid var(--rule);"
	"font-size:.8rem;color:var(--muted);display:flex;justify-content:space-between;"
	"gap:1rem;flex-wrap:wrap}\n"
	".colophon p{margin:0}\n"
	"@media screen and (max-width:44rem){.page{margin:0;padding:1.5rem 1.25rem}"
	".two,.relay,.facts{grid-template-columns:1fr}.facts dd{margin-bottom:.5rem}"
	".title{font-size:1.9rem}.figure.wide{overflow-x:auto}"
	".figure.wide svg.chart{min-width:34rem}}\n"
	"@page{size:A4;margin:16mm 17mm 18mm;"
	"@bottom-right{content:counter(page) \" / \" counter(pages);font-size:8pt;"
	"color:#575e66}}\n"
	"@media print{"
	"html{font-size:10pt}"
	"body{background:#fff}"
	".page{max-width:none;margin:0;padding:0;box-shadow:none;background:#fff}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"a{color:inherit;text-decoration:none}"
	".dialogue+.dialogue,.overview+.dialogue{break-before:page;margin-top:0;"
	"padding-top:0;border-top:0}"
	".two{grid-template-columns:minmax(0,1.25fr) minmax(0,1fr)}"
	"figure,tr,li,blockquote,.participation,.relay-section,.facts,.note,.stats{break-inside:avoid}"
	".chart .halo{fill:#fff}"
	"h1,h2,h3,h4,h5,figcaption,.group-title{break-after:avoid}"
	".masthead{margin-bottom:1.5rem}"
	".section{margin-top:1.5rem}"
	".group{margin-top:1.1rem}"
	".items>li{padding:.35rem 0 .35rem 1.2rem}"
	".items>li::before{top:.85rem}"
	".title{margin-bottom:1rem}"
	".colophon{margin-top:1.5rem;break-before:avoid}"
	"}\n";

/* --- the head, the masthead, the colophon --- */

static void doc_title(struct hw *w)
{
	const struct wd_report *r = w->r;

	say(w, "report");
	if (r->n == 1) {
		put(w, ": ");
		esc(w, r->d[0].title);
	}
	if (r->workspace && *r->workspace) {
		put(w, " \xe2\x80\x94 ");
		esc(w, r->workspace);
	}
}

static void head(struct hw *w)
{
	put(w, "<!DOCTYPE html>\n<html lang=\"");
	esc(w, w->lang);
	put(w, "\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"wijkdialoog\">\n<title>");
	doc_title(w);
	put(w, "</title>\n<style>\n");
	put(w, css);
	put(w, "</style>\n</head>\n<body>\n<div class=\"page\">\n");
}

static void masthead(struct hw *w)
{
	const struct wd_report *r = w->r;

	put(w, "<header class=\"masthead\">\n<div>\n");
	if (r->workspace && *r->workspace) {
		put(w, "<p class=\"ws\">");
		esc(w, r->workspace);
		put(w, "</p>\n");
	}
	if (r->organisation && *r->organisation) {
		put(w, "<p class=\"org\">");
		esc(w, r->organisation);
		put(w, "</p>\n");
	}
	put(w, "</div>\n<p class=\"kind\">");
	say(w, "report");
	put(w, "</p>\n</header>\n<main>\n");
}

static void colophon(struct hw *w)
{
	put(w, "</main>\n<footer class=\"colophon\">\n<p>");
	say(w, "made_with");
	if (w->r->now) {
		put(w, " ");
		say(w, "on");
		put(w, " ");
		long_date(w, w->r->now, 0);
	}
	put(w, "</p>\n");
	if (w->r->organisation && *w->r->organisation) {
		put(w, "<p>");
		esc(w, w->r->organisation);
		put(w, "</p>\n");
	}
	put(w, "</footer>\n</div>\n</body>\n</html>\n");
}

/* --- a dialogue: what, when, where --- */

static void anchor(struct hw *w, const char *id)
{
	put(w, "d-");
	esc(w, id);
}

static void fact(struct hw *w, const char *key, const char *cls)
{
	put(w, "<dt>");
	say(w, key);
	putf(w, "</dt>\n<dd%s%s%s>", cls ? " class=\"" : "", cls ? cls : "",
	     cls ? "\"" : "");
}

static void facts(struct hw *w, const struct wd_rep_dialogue *d)
{
	size_t i;

	put(w, "<dl class=\"facts\">\n");
	if (d->has_start) {
		fact(w, "when", NULL);
		long_date(w, d->start_t, d->has_time);
		if (d->has_end && d->has_time) {
			struct wd_buf b = WD_BUF_INIT(0);

			if (wd_time_clock(&b, d->end_t, w->lang) < 0)
				w->failed = 1;
			put(w, " \xe2\x80\x93 ");
			esc(w, wd_buf_str(&b));
			wd_buf_release(&b);
		}
		put(w, "</dd>\n");
	}
	if ((d->venue && *d->venue) || (d->place && *d->place)) {
		fact(w, "where", NULL);
		esc(w, d->venue);
		if (d->venue && d->place)
			put(w, " (");
		esc(w, d->place);
		if (d->venue && d->place)
			put(w, ")");
		put(w, "</dd>\n");
	}
	if (d->theme && *d->theme) {
		fact(w, "theme", NULL);
		esc(w, d->theme);
		put(w, "</dd>\n");
	}
	if (d->question && *d->question) {
		fact(w, "question", "question");
		esc(w, d->question);
		put(w, "</dd>\n");
	}
	if (d->nhosts) {
		fact(w, "hosts", NULL);
		for (i = 0; i < d->nhosts; i++) {
			if (i)
				put(w, ", ");
			esc(w, d->hosts[i]);
		}
		put(w, "</dd>\n");
	}
	put(w, "</dl>\n");
}

/* --- participation --- */

static const char *role_name(const struct hw *w, size_t i)
{
	return wd_vocab_plural(WD_V_ROLE, wd_vocab_at(WD_V_ROLE, i), w->lang);
}

static void count_row(struct hw *w, const char *name,
		      const struct wd_rep_count *c)
{
	put(w, "<tr><th scope=\"row\">");
	esc(w, name);
	putf(w, "</th><td class=\"num\">%ld</td><td class=\"num\">%ld</td>"
	     "<td class=\"num\">%ld</td></tr>\n", c->invited, c->yes, c->attended);
}

static void participation_table(struct hw *w, const struct wd_rep_dialogue *d)
{
	size_t i;

	put(w, "<table class=\"participation\">\n<thead><tr><th scope=\"col\">");
	say(w, "role");
	put(w, "</th><th scope=\"col\" class=\"num\">");
	say(w, "invited");
	put(w, "</th><th scope=\"col\" class=\"num\">");
	say(w, "yes");
	put(w, "</th><th scope=\"col\" class=\"num\">");
	say(w, "attended");
	put(w, "</th></tr></thead>\n<tbody>\n");
	for (i = 0; i < WD_ROLES; i++)
		if (d->role[i].total)
			count_row(w, role_name(w, i), &d->role[i]);
	put(w, "</tbody>\n<tfoot>\n");
	count_row(w, word(w, "total"), &d->all);
	put(w, "</tfoot>\n</table>\n");
}

/*
 * Open <figure> with a visible caption; the chart itself follows.  A
 * wide chart scrolls sideways on a phone rather than shrink its text.
 */
static void open_figure(struct hw *w, const char *key, int wide)
{
	putf(w, "<figure class=\"figure%s\">\n<figcaption>", wide ? " wide" : "");
	say(w, key);
	put(w, "</figcaption>\n");
}

static void close_figure(struct hw *w)
{
	put(w, "</figure>\n");
}

static void chart_done(struct hw *w, int rc)
{
	if (rc < 0)
		w->failed = 1;
}

/* "Bewoners" for "bewoners": the words of vocab.c are plain ASCII. */
static const char *capital(struct hw *w, struct wd_arena *a, const char *s)
{
	char *c = wd_arena_strdup(a, s);

	if (!c) {
		w->failed = 1;
		return s;
	}
	if (*c >= 'a' && *c <= 'z')
		*c = (char)(*c - 'a' + 'A');
	return c;
}

/* Invited against who came, or who said yes before the dialogue was held. */
static void participation_chart(struct hw *w, const struct wd_rep_dialogue *d)
{
	struct wd_svg_bar bars[WD_ROLES];
	struct wd_svg_chart c;
	struct wd_arena a;
	int by_att = d->all.attended > 0;
	size_t i, n = 0;

	wd_arena_init(&a);
	for (i = 0; i < WD_ROLES; i++) {
		if (!d->role[i].total)
			continue;
		bars[n].label = capital(w, &a, role_name(w, i));
		bars[n].value[0] = d->role[i].invited;
		bars[n].value[1] = by_att ? d->role[i].attended : d->role[i].yes;
		n++;
	}
	memset(&c, 0, sizeof(c));
	c.title = word(w, "by_role");
	c.series[0] = word(w, "invited");
	c.series[1] = word(w, by_att ? "attended" : "yes");
	c.width = 280;
	open_figure(w, "by_role", 0);
	chart_done(w, wd_svg_bars(&w->b, &c, bars, n));
	close_figure(w);
	wd_arena_release(&a);
}

static void participation(struct hw *w, const struct wd_rep_dialogue *d)
{
	put(w, "<section class=\"section\">\n");
	open_h(w, 1, NULL);
	say(w, "participation");
	close_h(w, 1);
	if (!d->all.total) {
		put(w, "<p class=\"muted\">");
		say(w, "nobody");
		put(w, "</p>\n</section>\n");
		return;
	}
	put(w, "<div class=\"two\">\n<div>\n");
	participation_table(w, d);
	if (d->all.yes || d->all.attended) {
		put(w, "<p class=\"note\">");
		say(w, d->residents_largest ? "residents_largest" :
		    "residents_not_largest");
		put(w, "</p>\n");
	}
	put(w, "</div>\n<div>\n");
	participation_chart(w, d);
	put(w, "</div>\n</div>\n</section>\n");
}

/* --- the harvest --- */

static void harvest_chart(struct hw *w, const struct wd_rep_dialogue *d)
{
	struct wd_svg_bar bars[WD_GROUPS];
	struct wd_svg_chart c;
	int g;

	memset(bars, 0, sizeof(bars));
	for (g = 0; g < WD_GROUPS; g++) {
		bars[g].label = wd_group_label((enum wd_group)g, w->lang);
		bars[g].value[0] = (long)d->groups[g];
	}
	memset(&c, 0, sizeof(c));
	c.title = word(w, "phase");
	c.width = 720;
	open_figure(w, "phase", 1);
	chart_done(w, wd_svg_bars(&w->b, &c, bars, WD_GROUPS));
	close_figure(w);
}

static void status_chart(struct hw *w, const struct wd_rep_dialogue *d)
{
	struct wd_svg_part parts[WD_STATUSES];
	struct wd_svg_chart c;
	size_t i;

	for (i = 0; i < WD_STATUSES; i++) {
		parts[i].label = wd_vocab_label(WD_V_STATUS,
						wd_vocab_at(WD_V_STATUS, i), w->lang);
		parts[i].value = (long)d->statuses[i];
	}
	memset(&c, 0, sizeof(c));
	c.title = word(w, "action_status");
	c.width = 720;
	open_figure(w, "action_status", 1);
	chart_done(w, wd_svg_parts(&w->b, &c, parts, WD_STATUSES));
	close_figure(w);
	if (d->overdue)
		putf(w, "<p class=\"late-note\">%zu %s</p>\n", d->overdue,
		     word(w, "overdue"));
}

static void action(struct hw *w, const struct wd_rep_item *it)
{
	struct wd_when due;
	size_t i;

	putf(w, "<li class=\"action%s\">\n<p class=\"what\">",
	     it->overdue ? " overdue" : "");
	esc(w, it->text);
	put(w, "</p>\n<p class=\"meta\">");
	if (it->nowners) {
		put(w, "<span class=\"who\">");
		for (i = 0; i < it->nowners; i++) {
			if (i)
				put(w, ", ");
			esc(w, it->owners[i]);
		}
		put(w, "</span>");
	}
	if (it->due && wd_time_parse(it->due, &due) == 0) {
		put(w, "<span class=\"due\">");
		say(w, "due");
		put(w, " ");
		long_date(w, due.t, 0);
		put(w, "</span>");
	}
	if (it->status) {
		put(w, "<span class=\"badge ");
		esc(w, it->status);
		put(w, "\">");
		esc(w, wd_vocab_label(WD_V_STATUS, it->status, w->lang));
		put(w, "</span>");
	}
	if (it->overdue) {
		put(w, "<strong class=\"badge late\">");
		say(w, "overdue");
		put(w, "</strong>");
	}
	put(w, "</p>\n");
	if (it->need) {
		put(w, "<p class=\"need\"><span>");
		say(w, "need");
		put(w, "</span>");
		esc(w, it->need);
		put(w, "</p>\n");
	}
	put(w, "</li>\n");
}

static void item(struct hw *w, const struct wd_rep_item *it)
{
	if (!it->who && strcmp(it->kind, "quote")) {
		put(w, "<li>");
		esc(w, it->text);
		put(w, "</li>\n");
		return;
	}
	put(w, "<li class=\"quote\">\n<blockquote><p>");
	esc(w, it->text);
	put(w, "</p></blockquote>\n");
	if (it->who) {
		put(w, "<p class=\"who\">\xe2\x80\x94 ");
		esc(w, it->who);
		put(w, "</p>\n");
	}
	put(w, "</li>\n");
}

static void group(struct hw *w, const struct wd_rep_dialogue *d, int g)
{
	int actions = g == WD_G_ACTIONS;
	size_t i;

	put(w, "<div class=\"group\">\n");
	open_h(w, 2, "group-title");
	esc(w, wd_group_label((enum wd_group)g, w->lang));
	close_h(w, 2);
	if (actions)
		status_chart(w, d);
	put(w, actions ? "<ul class=\"actions\">\n" : "<ul class=\"items\">\n");
	for (i = 0; i < d->nitems; i++) {
		const struct wd_rep_item *it = &d->items[i];

		if ((int)it->group != g)
			continue;
		if (actions)
			action(w, it);
		else
			item(w, it);
	}
	put(w, "</ul>\n</div>\n");
}

static void harvest(struct hw *w, const struct wd_rep_dialogue *d)
{
	int g;

	put(w, "<section class=\"section\">\n");
	open_h(w, 1, NULL);
	say(w, "harvest");
	close_h(w, 1);
	if (!d->nitems) {
		put(w, "<p class=\"muted\">");
		say(w, "no_harvest");
		put(w, "</p>\n</section>\n");
		return;
	}
	harvest_chart(w, d);
	for (g = 0; g < WD_GROUPS; g++)
		if (d->groups[g])
			group(w, d, g);
	put(w, "</section>\n");
}

/* --- the relay --- */

static int in_report(const struct hw *w, const char *id)
{
	size_t i;

	for (i = 0; i < w->r->n; i++)
		if (!strcmp(w->r->d[i].id, id))
			return 1;
	return 0;
}

/* A title, linked when that dialogue is in this report too. */
static void link_to(struct hw *w, const struct wd_rep_link *k)
{
	if (!k->title) {
		put(w, "<span class=\"name\">");
		esc(w, k->id);
		put(w, "</span> <span class=\"muted\">(");
		say(w, "elsewhere");
		put(w, ")</span>");
		return;
	}
	if (in_report(w, k->id)) {
		put(w, "<a class=\"name\" href=\"#");
		anchor(w, k->id);
		put(w, "\">");
		esc(w, k->title);
		put(w, "</a>");
		return;
	}
	put(w, "<span class=\"name\">");
	esc(w, k->title);
	put(w, "</span>");
}

static void leg(struct hw *w, const char *key, const struct wd_rep_link *k)
{
	put(w, "<div class=\"leg\">\n<p class=\"label\">");
	say(w, key);
	put(w, "</p>\n<p>");
	link_to(w, k);
	put(w, "</p>\n");
}

static void relay(struct hw *w, const struct wd_rep_dialogue *d)
{
	size_t i;

	if (!d->from.id && !d->nto && !d->baton)
		return;
	put(w, "<section class=\"section relay-section\">\n");
	open_h(w, 1, NULL);
	say(w, "relay");
	close_h(w, 1);
	if (d->from.id || d->nto)
		put(w, "<div class=\"relay\">\n");
	if (d->from.id) {
		leg(w, "from", &d->from);
		if (d->returning) {
			putf(w, "<p class=\"returning\"><strong>%ld</strong> ",
			     d->returning);
			say(w, d->returning == 1 ? "returning1" : "returning");
			put(w, "</p>\n");
		}
		put(w, "</div>\n");
	}
	for (i = 0; i < d->nto; i++) {
		leg(w, "to", &d->to[i]);
		put(w, "</div>\n");
	}
	if (d->from.id || d->nto)
		put(w, "</div>\n");
	if (d->baton) {
		put(w, "<figure class=\"baton\">\n<figcaption class=\"label\">");
		say(w, "baton");
		put(w, "</figcaption>\n<blockquote><p>");
		esc(w, d->baton);
		put(w, "</p></blockquote>\n</figure>\n");
	}
	put(w, "</section>\n");
}

static void dialogue(struct hw *w, const struct wd_rep_dialogue *d)
{
	put(w, "<article class=\"dialogue\" id=\"");
	anchor(w, d->id);
	put(w, "\">\n<header>\n");
	open_h(w, 0, "title");
	esc(w, d->title);
	close_h(w, 0);
	facts(w, d);
	put(w, "</header>\n");
	participation(w, d);
	harvest(w, d);
	relay(w, d);
	put(w, "</article>\n");
}

/* --- the overview of several dialogues --- */

static const char *month_abbr(const struct hw *w, int m)
{
	static const char *const nl[12] = {
		"jan", "feb", "mrt", "apr", "mei", "jun",
		"jul", "aug", "sep", "okt", "nov", "dec",
	};
	static const char *const en[12] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
	};

	m = m < 0 ? 0 : m > 11 ? 11 : m;
	return strcmp(w->lang, "en") ? nl[m] : en[m];
}

/* Local midnight of the first of a month, through the workspace zone. */
static int64_t month_start(int year, int month)
{
	struct wd_buf iso = WD_BUF_INIT(0);
	struct wd_when when;
	int64_t t = 0;

	if (wd_buf_addf(&iso, "%04d-%02d-01", year, month) == 0 &&
	    wd_time_parse(iso.ptr, &when) == 0)
		t = when.t;
	wd_buf_release(&iso);
	return t;
}

static int local_tm(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;

	return localtime_r(&tt, tm) ? 0 : -1;
}

/* A copy of a formatted string that lives as long as the arena. */
static const char *keepf(struct hw *w, struct wd_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static const char *keepf(struct hw *w, struct wd_arena *a, const char *fmt, ...)
{
	struct wd_buf b = WD_BUF_INIT(0);
	const char *s = NULL;
	va_list ap;

	va_start(ap, fmt);
	if (wd_buf_vaddf(&b, fmt, ap) == 0)
		s = wd_arena_strdup(a, b.ptr);
	va_end(ap);
	wd_buf_release(&b);
	if (!s)
		w->failed = 1;
	return s ? s : "";
}

#define MAX_TICKS 48

/*
 * Ticks on the first of each month, quarter or year, so that there are
 * no more than about fifteen.
 */
static size_t month_ticks(struct hw *w, struct wd_arena *a, int64_t t0,
			  int64_t t1, struct wd_svg_tick *ticks)
{
	struct tm from, to;
	int months, step, m, y;
	size_t n = 0;

	if (local_tm(t0, &from) < 0 || local_tm(t1, &to) < 0)
		return 0;
	months = (to.tm_year - from.tm_year) * 12 + to.tm_mon - from.tm_mon + 1;
	step = months <= 15 ? 1 : months <= 45 ? 3 : 12;
	y = from.tm_year + 1900;
	m = step == 1 ? from.tm_mon + 1 : step == 3 ? from.tm_mon / 3 * 3 + 1 : 1;
	for (; n < MAX_TICKS; m += step) {
		if (m > 12) {
			m -= 12;
			y++;
		}
		ticks[n].t = month_start(y, m);
		if (step == 12)
			ticks[n].label = keepf(w, a, "%d", y);
		else if (m == 1 || n == 0)
			ticks[n].label = keepf(w, a, "%s %d", month_abbr(w, m - 1), y);
		else
			ticks[n].label = month_abbr(w, m - 1);
		if (ticks[n++].t > t1)
			break;
	}
	return n;
}

static void timeline_chart(struct hw *w)
{
	const struct wd_report *r = w->r;
	struct wd_arena a;
	struct wd_svg_event *ev;
	struct wd_svg_tick ticks[MAX_TICKS];
	struct wd_svg_chart c;
	size_t i, n = 0, nt;
	struct tm tm;

	wd_arena_init(&a);
	ev = wd_arena_alloc(&a, r->n * sizeof(*ev));
	if (!ev) {
		w->failed = 1;
		goto out;
	}
	for (i = 0; i < r->n; i++) {
		if (!r->d[i].has_start || local_tm(r->d[i].start_t, &tm) < 0)
			continue;
		ev[n].t = r->d[i].start_t;
		ev[n].when = keepf(w, &a, "%d %s %d", tm.tm_mday,
				   month_abbr(w, tm.tm_mon), tm.tm_year + 1900);
		ev[n].label = r->d[i].title;
		n++;
	}
	if (!n)
		goto out;	/* nothing has a date: no chart */
	/* the dialogues come oldest first */
	nt = month_ticks(w, &a, ev[0].t, ev[n - 1].t, ticks);
	memset(&c, 0, sizeof(c));
	c.title = word(w, "over_time");
	c.width = 720;
	open_figure(w, "over_time", 1);
	chart_done(w, wd_svg_timeline(&w->b, &c, ev, n, ticks, nt));
	close_figure(w);
out:
	wd_arena_release(&a);
}

/* Dialogues per theme, the most frequent first, ties in order of date. */
static void themes_chart(struct hw *w)
{
	const struct wd_report *r = w->r;
	struct wd_arena a;
	struct wd_svg_bar *bars, t;
	struct wd_svg_chart c;
	size_t i, j, n = 0;

	wd_arena_init(&a);
	bars = wd_arena_alloc(&a, r->n * sizeof(*bars));
	if (!bars) {
		w->failed = 1;
		goto out;
	}
	for (i = 0; i < r->n; i++) {
		const char *theme = r->d[i].theme;

		if (!theme || !*theme)
			continue;
		for (j = 0; j < n && strcmp(bars[j].label, theme); j++)
			;
		if (j == n) {
			memset(&bars[n], 0, sizeof(bars[n]));
			bars[n++].label = theme;
		}
		bars[j].value[0]++;
	}
	for (i = 1; i < n; i++)		/* insertion sort: stable */
		for (j = i; j > 0 && bars[j - 1].value[0] < bars[j].value[0]; j--) {
			t = bars[j];
			bars[j] = bars[j - 1];
			bars[j - 1] = t;
		}
	if (!n)
		goto out;	/* no dialogue has a theme: no chart */
	memset(&c, 0, sizeof(c));
	c.title = word(w, "themes");
	c.width = 720;
	open_figure(w, "themes", 1);
	chart_done(w, wd_svg_bars(&w->b, &c, bars, n));
	close_figure(w);
out:
	wd_arena_release(&a);
}

static void tile(struct hw *w, long n, const char *key)
{
	putf(w, "<li><b>%ld</b><span>", n);
	say(w, key);
	put(w, "</span></li>\n");
}

static void totals(struct hw *w)
{
	const struct wd_report *r = w->r;
	int act = wd_vocab_index(WD_V_KIND, "action");
	long invited = 0, attended = 0, items = 0, actions = 0, late = 0;
	size_t i;

	for (i = 0; i < r->n; i++) {
		invited += r->d[i].all.invited;
		attended += r->d[i].all.attended;
		items += (long)r->d[i].nitems;
		actions += act < 0 ? 0 : (long)r->d[i].kinds[act];
		late += (long)r->d[i].overdue;
	}
	put(w, "<ul class=\"stats\">\n");
	tile(w, (long)r->n, "n_dialogues");
	tile(w, invited, "invited");
	tile(w, attended, "attended");
	tile(w, items, "n_items");
	tile(w, actions, "n_actions");
	tile(w, late, "overdue");
	put(w, "</ul>\n");
}

static void dialogue_row(struct hw *w, const struct wd_rep_dialogue *d)
{
	int act = wd_vocab_index(WD_V_KIND, "action");

	put(w, "<tr><td class=\"date\">");
	if (d->has_start)
		day_date(w, d->start_t);
	put(w, "</td><td><a href=\"#");
	anchor(w, d->id);
	put(w, "\">");
	esc(w, d->title);
	put(w, "</a></td><td>");
	esc(w, d->place);
	put(w, "</td><td>");
	esc(w, d->theme);
	putf(w, "</td><td class=\"num\">%ld</td><td class=\"num\">%zu</td>"
	     "<td class=\"num\">%zu</td></tr>\n", d->all.attended, d->nitems,
	     act < 0 ? (size_t)0 : d->kinds[act]);
}

static void dialogue_table(struct hw *w)
{
	static const char *const cols[] = {
		"when", "dialogue", "where", "theme", "attended", "harvest", "actions",
	};
	size_t i;

	put(w, "<table class=\"dialogues\">\n<thead><tr>");
	for (i = 0; i < sizeof(cols) / sizeof(*cols); i++) {
		putf(w, "<th scope=\"col\"%s>", i >= 4 ? " class=\"num\"" : "");
		say(w, cols[i]);
		put(w, "</th>");
	}
	put(w, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < w->r->n; i++)
		dialogue_row(w, &w->r->d[i]);
	put(w, "</tbody>\n</table>\n");
}

/* "2 dialogen, van zaterdag 12 december 2026 tot en met ..." */
static void lede(struct hw *w)
{
	const struct wd_report *r = w->r;
	const struct wd_rep_dialogue *first = NULL, *last = NULL;
	size_t i;

	for (i = 0; i < r->n; i++)	/* oldest first; no date comes first */
		if (r->d[i].has_start) {
			first = first ? first : &r->d[i];
			last = &r->d[i];
		}
	putf(w, "<p class=\"lede\">%zu ", r->n);
	say(w, "n_dialogues");
	if (first) {
		put(w, ", ");
		say(w, "period_from");
		put(w, " ");
		long_date(w, first->start_t, 0);
		put(w, " ");
		say(w, "period_to");
		put(w, " ");
		long_date(w, last->start_t, 0);
	}
	put(w, "</p>\n");
}

static void overview(struct hw *w)
{
	put(w, "<section class=\"overview\">\n<h1 class=\"title\">");
	say(w, "overview");
	put(w, "</h1>\n");
	lede(w);
	totals(w);
	timeline_chart(w);
	themes_chart(w);
	put(w, "<h2 class=\"group-title\">");
	say(w, "dialogues");
	put(w, "</h2>\n");
	dialogue_table(w);
	put(w, "</section>\n");
}

int wd_report_html(const struct wd_report *r, wd_write_fn write, void *ctx,
		   struct wd_error *err)
{
	struct hw w;
	size_t i;
	int ret = 0;

	memset(&w, 0, sizeof(w));
	wd_buf_init(&w.b, 0);
	w.write = write;
	w.ctx = ctx;
	w.r = r;
	w.lang = r->lang && *r->lang ? r->lang : "nl";
	w.h = r->n > 1 ? 2 : 1;
	head(&w);
	masthead(&w);
	if (r->n > 1)
		overview(&w);
	if (!r->n) {
		put(&w, "<p class=\"muted\">");
		say(&w, "none");
		put(&w, "</p>\n");
	}
	flush(&w);
	for (i = 0; i < r->n && !w.failed && !w.io_failed; i++) {
		dialogue(&w, &r->d[i]);
		flush(&w);
	}
	colophon(&w);
	flush(&w);
	if (w.io_failed)
		ret = wd_error_sys(err, EX_IOERR, NULL, _("cannot write"));
	else if (w.failed)
		ret = wd_error_oom(err);
	wd_buf_release(&w.b);
	return ret;
}

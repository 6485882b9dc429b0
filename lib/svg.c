/* svg.c - small SVG charts for printed reports: bars, parts of a whole, a timeline */
#include "svg.h"
#include "template.h"
#include "utf8.h"

#include <stdarg.h>
#include <string.h>

/*
 * Geometry is worked out in tenths of a viewBox unit, in whole numbers:
 * the output is the same on every machine, and no %f, whose decimal
 * point follows the locale (a Dutch one would write "12,5").
 */
#define U 10L				/* one viewBox unit */
#define FONT 13L			/* text size, in units */
#define SMALL 11L
#define PAD (4 * U)

#define INK "#1f2328"
#define MUTED "#5b6169"
#define RULE "#8a9099"
#define DARK "#1d4e4a"
#define PAPER "#ffffff"

struct sw {
	struct wd_buf *b;
	int failed;
};

static void put(struct sw *s, const char *t)
{
	if (!s->failed && wd_buf_adds(s->b, t) < 0)
		s->failed = 1;
}

static void putf(struct sw *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void putf(struct sw *s, const char *fmt, ...)
{
	va_list ap;

	if (s->failed)
		return;
	va_start(ap, fmt);
	if (wd_buf_vaddf(s->b, fmt, ap) < 0)
		s->failed = 1;
	va_end(ap);
}

static void esc(struct sw *s, const char *t)
{
	if (!s->failed && wd_html_escape(s->b, t ? t : "") < 0)
		s->failed = 1;
}

/* A length in tenths as "12" or "12.5". */
static void num(struct sw *s, long tenths)
{
	if (tenths < 0) {
		put(s, "-");
		tenths = -tenths;
	}
	if (tenths % 10)
		putf(s, "%ld.%ld", tenths / 10, tenths % 10);
	else
		putf(s, "%ld", tenths / 10);
}

/* name="12.5" */
static void attr(struct sw *s, const char *name, long tenths)
{
	putf(s, " %s=\"", name);
	num(s, tenths);
	put(s, "\"");
}

/* About how wide a text of `size` units is, in tenths: 0.56 em a letter. */
static long text_w(const char *t, long size)
{
	return (long)wd_utf8_width(t ? t : "") * size * 28 / 5;
}

/* How wide a whole number is written, in tenths. */
static long number_w(long v, long size)
{
	long digits = v < 0 ? 2 : 1;

	for (v = v < 0 ? -v : v; v >= 10; v /= 10)
		digits++;
	return digits * size * 28 / 5;
}

/*
 * Write t escaped, cut with an ellipsis to about maxw tenths.  Returns
 * whether it was cut.
 */
static int esc_fit(struct sw *s, const char *t, long maxw, long size)
{
	struct wd_buf cut = WD_BUF_INIT(0);
	long room = maxw * 5 / (size * 28) - 1;
	size_t len, i = 0;
	uint32_t cp;
	int n;

	t = t ? t : "";
	if (text_w(t, size) <= maxw) {
		esc(s, t);
		return 0;
	}
	len = strlen(t);
	for (; room > 0 && i < len; room--) {
		n = wd_utf8_next(t + i, len - i, &cp);
		i += n ? (size_t)n : 1;
	}
	if (wd_buf_add(&cut, t, i) < 0 || wd_buf_adds(&cut, "\xe2\x80\xa6") < 0)
		s->failed = 1;
	esc(s, wd_buf_str(&cut));
	wd_buf_release(&cut);
	return 1;
}

static long width_of(const struct wd_svg_chart *c)
{
	return (c->width ? (long)c->width : 720) * U;
}

static void open_svg(struct sw *s, const struct wd_svg_chart *c, long w,
		     long h, const char *kind)
{
	putf(s, "<svg class=\"chart %s\" viewBox=\"0 0 ", kind);
	num(s, w);
	put(s, " ");
	num(s, h);
	put(s, "\"");
	attr(s, "width", w);
	attr(s, "height", h);
	put(s, " role=\"img\" aria-label=\"");
	esc(s, c->title);
	putf(s, "\" font-family=\"sans-serif\" font-size=\"%ld\" fill=\"%s\">\n"
	     "<title>", FONT, INK);
	esc(s, c->title);
	put(s, "</title>\n");
}

static void close_svg(struct sw *s)
{
	put(s, "</svg>\n");
}

static int done(struct sw *s)
{
	return s->failed ? -1 : 0;
}

/* --- bars --- */

struct bar_geo {
	long x0, len, top, pitch, bar, gap;
	long max;
	int two, above;			/* two series; labels above the bars */
};

static void bar_style(struct sw *s, int series, int two)
{
	if (two && series == 0)
		putf(s, " fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"", PAPER, DARK);
	else
		putf(s, " fill=\"%s\"", DARK);
}

static void bars_desc(struct sw *s, const struct wd_svg_chart *c,
		      const struct wd_svg_bar *v, size_t n, int two)
{
	size_t i;

	put(s, "<desc>");
	if (c->desc) {
		esc(s, c->desc);
		put(s, "</desc>\n");
		return;
	}
	for (i = 0; i < n; i++) {
		if (i)
			put(s, "; ");
		esc(s, v[i].label);
		put(s, ": ");
		if (!two) {
			putf(s, "%ld", v[i].value[0]);
			continue;
		}
		esc(s, c->series[0]);
		putf(s, " %ld, ", v[i].value[0]);
		esc(s, c->series[1]);
		putf(s, " %ld", v[i].value[1]);
	}
	put(s, "</desc>\n");
}

static void swatch(struct sw *s, long x, long y, long size)
{
	put(s, "<rect");
	attr(s, "x", x);
	attr(s, "y", y);
	attr(s, "width", size);
	attr(s, "height", size);
}

/* The names of two series, each after a sample of its bar. */
static void bars_legend(struct sw *s, const struct wd_svg_chart *c)
{
	long x = PAD, y = 6 * U;
	int i;

	for (i = 0; i < 2; i++) {
		swatch(s, x, y, 12 * U);
		bar_style(s, i, 1);
		put(s, "/>\n<text");
		attr(s, "x", x + 18 * U);
		attr(s, "y", y + 11 * U);
		put(s, ">");
		esc(s, c->series[i]);
		put(s, "</text>\n");
		x += 18 * U + text_w(c->series[i], FONT) + 24 * U;
	}
}

static void one_bar(struct sw *s, const struct bar_geo *g, long y,
		    long value, int series)
{
	long len = g->max ? g->len * value / g->max : 0;

	if (value > 0) {
		if (len < 15)
			len = 15;	/* a value is never invisible */
		putf(s, "<rect class=\"bar s%d\"", series + 1);
		attr(s, "x", g->x0);
		attr(s, "y", y);
		attr(s, "width", len);
		attr(s, "height", g->bar);
		bar_style(s, series, g->two);
		put(s, "/>\n");
	}
	put(s, "<text class=\"value\"");
	attr(s, "x", g->x0 + len + 6 * U);
	attr(s, "y", y + g->bar / 2 + (g->two ? SMALL : FONT) * 7 / 2);
	if (g->two)
		putf(s, " font-size=\"%ld\"", SMALL + 1);
	putf(s, " font-weight=\"700\"%s>%ld</text>\n",
	     value > 0 ? "" : " fill=\"" MUTED "\"", value);
}

static void bar_row(struct sw *s, const struct bar_geo *g, long y,
		    const struct wd_svg_bar *v)
{
	long h = g->two ? 2 * g->bar + g->gap : g->bar;

	put(s, "<text class=\"label\"");
	attr(s, "x", PAD);
	attr(s, "y", g->above ? y + FONT * U : y + h / 2 + FONT * 7 / 2);
	put(s, ">");
	esc(s, v->label);
	put(s, "</text>\n");
	if (g->above)
		y += FONT * U + 4 * U;
	one_bar(s, g, y, v->value[0], 0);
	if (g->two)
		one_bar(s, g, y + g->bar + g->gap, v->value[1], 1);
}

int wd_svg_bars(struct wd_buf *b, const struct wd_svg_chart *c,
		const struct wd_svg_bar *v, size_t n)
{
	struct sw s = { b, 0 };
	struct bar_geo g;
	long w = width_of(c), labw = 0, h;
	size_t i;

	memset(&g, 0, sizeof(g));
	g.two = c->series[0] && c->series[1];
	for (i = 0; i < n; i++) {
		long lw = text_w(v[i].label, FONT);

		if (lw > labw)
			labw = lw;
		if (v[i].value[0] > g.max)
			g.max = v[i].value[0];
		if (g.two && v[i].value[1] > g.max)
			g.max = v[i].value[1];
	}
	labw += 10 * U;
	/* a narrow chart, or a long label: labels go above their bars */
	g.above = w < 480 * U || labw > w * 45 / 100;
	g.x0 = g.above ? PAD : PAD + labw;
	g.len = w - g.x0 - PAD - 40 * U;
	g.bar = g.two ? 12 * U : 16 * U;
	g.gap = 2 * U;
	g.pitch = (g.two ? 2 * g.bar + g.gap : g.bar) +
		  (g.above ? FONT * U + 4 * U + 11 * U : 10 * U);
	g.top = g.two ? 28 * U : 4 * U;
	h = g.top + (long)n * g.pitch + (n ? 0 : 4 * U);
	open_svg(&s, c, w, h, "bars");
	bars_desc(&s, c, v, n, g.two);
	if (g.two)
		bars_legend(&s, c);
	if (n && !g.above) {
		putf(&s, "<line stroke=\"%s\" stroke-width=\"1\"", RULE);
		attr(&s, "x1", g.x0);
		attr(&s, "x2", g.x0);
		attr(&s, "y1", g.top - 3 * U);
		attr(&s, "y2", h - g.pitch + (g.two ? 2 * g.bar + g.gap : g.bar) + 3 * U);
		put(&s, "/>\n");
	}
	for (i = 0; i < n; i++)
		bar_row(&s, &g, g.top + (long)i * g.pitch, &v[i]);
	close_svg(&s);
	return done(&s);
}

/* --- parts of a whole --- */

/* From empty to full: an outline, a light tone, a dark tone, grey. */
static const char *const part_fill[4] = { PAPER, "#e8b64c", DARK, "#c9cdd2" };

static void part_style(struct sw *s, size_t i)
{
	putf(s, " fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"%s",
	     part_fill[i % 4], i % 4 == 3 ? MUTED : DARK,
	     i % 4 == 3 ? " stroke-dasharray=\"4 3\"" : "");
}

static void parts_desc(struct sw *s, const struct wd_svg_chart *c,
		       const struct wd_svg_part *v, size_t n)
{
	size_t i;

	put(s, "<desc>");
	if (c->desc)
		esc(s, c->desc);
	for (i = 0; !c->desc && i < n; i++) {
		if (i)
			put(s, "; ");
		esc(s, v[i].label);
		putf(s, ": %ld", v[i].value);
	}
	put(s, "</desc>\n");
}

/* The label in a part when it fits: "name 3", else "3", else nothing. */
static void part_text(struct sw *s, size_t i, const struct wd_svg_part *p,
		      long x, long y, long pw)
{
	long nw = number_w(p->value, FONT);

	if (nw + 8 * U > pw)
		return;
	put(s, "<text text-anchor=\"middle\" font-weight=\"700\"");
	attr(s, "x", x + pw / 2);
	attr(s, "y", y);
	if (i % 4 == 2)
		put(s, " fill=\"" PAPER "\"");
	put(s, ">");
	if (text_w(p->label, FONT) + nw + 14 * U <= pw) {
		esc(s, p->label);
		put(s, " ");
	}
	putf(s, "%ld</text>\n", p->value);
}

static long parts_legend(struct sw *s, const struct wd_svg_part *v, size_t n,
			 long w, long top)
{
	long x = PAD, y = top;
	size_t i;

	for (i = 0; i < n; i++) {
		long iw = 18 * U + text_w(v[i].label, FONT) +
			  number_w(v[i].value, FONT) + 4 * U + 22 * U;
		if (x > PAD && x + iw > w - PAD) {
			x = PAD;
			y += 22 * U;
		}
		swatch(s, x, y, 12 * U);
		part_style(s, i);
		put(s, "/>\n<text");
		attr(s, "x", x + 18 * U);
		attr(s, "y", y + 11 * U);
		put(s, ">");
		esc(s, v[i].label);
		putf(s, " <tspan font-weight=\"700\">%ld</tspan></text>\n",
		     v[i].value);
		x += iw;
	}
	return y + 22 * U;
}

int wd_svg_parts(struct wd_buf *b, const struct wd_svg_chart *c,
		 const struct wd_svg_part *v, size_t n)
{
	struct sw s = { b, 0 };
	struct wd_buf legend = WD_BUF_INIT(0);
	struct sw ls = { &legend, 0 };
	long w = width_of(c), len = w - 2 * PAD, bar = 30 * U, top = 4 * U;
	long total = 0, cum = 0, x = PAD, h;
	size_t i;

	for (i = 0; i < n; i++)
		total += v[i].value > 0 ? v[i].value : 0;
	/* the legend first, to know the height */
	h = parts_legend(&ls, v, n, w, top + bar + 12 * U) + 2 * U;
	open_svg(&s, c, w, h, "parts");
	parts_desc(&s, c, v, n);
	put(&s, "<rect");
	attr(&s, "x", PAD);
	attr(&s, "y", top);
	attr(&s, "width", len);
	attr(&s, "height", bar);
	putf(&s, " fill=\"none\" stroke=\"%s\" stroke-width=\"1\"/>\n", RULE);
	for (i = 0; total && i < n; i++) {
		long end, pw;

		if (v[i].value <= 0)
			continue;
		cum += v[i].value;
		end = PAD + len * cum / total;
		pw = end - x;
		putf(&s, "<rect class=\"part p%zu\"", i + 1);
		attr(&s, "x", x);
		attr(&s, "y", top);
		attr(&s, "width", pw);
		attr(&s, "height", bar);
		part_style(&s, i);
		put(&s, "/>\n");
		part_text(&s, i, &v[i], x, top + bar / 2 + FONT * 7 / 2, pw);
		x = end;
	}
	if (ls.failed)
		s.failed = 1;
	else
		put(&s, wd_buf_str(&legend));
	close_svg(&s);
	wd_buf_release(&legend);
	return done(&s);
}

/* --- timeline --- */

struct axis {
	int64_t t0, t1;
	long x0, len;
};

static long at(const struct axis *a, int64_t t)
{
	return a->x0 + (long)((t - a->t0) * a->len / (a->t1 - a->t0));
}

static void timeline_desc(struct sw *s, const struct wd_svg_chart *c,
			  const struct wd_svg_event *ev, size_t n)
{
	size_t i;

	put(s, "<desc>");
	if (c->desc)
		esc(s, c->desc);
	for (i = 0; !c->desc && i < n; i++) {
		if (i)
			put(s, "; ");
		esc(s, ev[i].when);
		put(s, ": ");
		esc(s, ev[i].label);
	}
	put(s, "</desc>\n");
}

static void tick(struct sw *s, const struct axis *a, long w, long y,
		 const struct wd_svg_tick *t)
{
	long x = at(a, t->t), lw = text_w(t->label, SMALL);
	const char *anchor = "middle";

	if (x - lw / 2 < 0)
		anchor = "start";
	else if (x + lw / 2 > w)
		anchor = "end";
	putf(s, "<line stroke=\"%s\" stroke-width=\"1\"", RULE);
	attr(s, "x1", x);
	attr(s, "x2", x);
	attr(s, "y1", y - 4 * U);
	attr(s, "y2", y + 4 * U);
	putf(s, "/>\n<text font-size=\"%ld\" fill=\"%s\" text-anchor=\"%s\"",
	     SMALL, MUTED, anchor);
	attr(s, "x", x);
	attr(s, "y", y - 8 * U);
	put(s, ">");
	esc(s, t->label);
	put(s, "</text>\n");
}

/* The dashed line from the axis down to an event's line of text. */
static void stem(struct sw *s, const struct axis *a, long axis_y, long y,
		 const struct wd_svg_event *e)
{
	long x = at(a, e->t);

	putf(s, "<line stroke=\"%s\" stroke-width=\"1\" stroke-dasharray=\"2 2\"",
	     RULE);
	attr(s, "x1", x);
	attr(s, "x2", x);
	attr(s, "y1", axis_y);
	attr(s, "y2", y - 4 * U);
	put(s, "/>\n");
}

/*
 * An event: its dot on the axis, and "date title" on its own line, on
 * the side of the dot with the most room, over a rectangle of paper
 * that hides the stems of later events running behind it.
 */
static void event(struct sw *s, const struct axis *a, long w, long axis_y,
		  long y, const struct wd_svg_event *e)
{
	long x = at(a, e->t), room, tw;
	int right = x <= w / 2;

	room = (right ? w - x - 7 * U : x - 7 * U) - PAD / 2 -
	       text_w(e->when, FONT) * 11 / 10 - text_w(" ", FONT);
	if (room < 40 * U)
		room = 40 * U;
	tw = text_w(e->when, FONT) * 11 / 10 + text_w(" ", FONT) +
	     (text_w(e->label, FONT) < room ? text_w(e->label, FONT) : room);
	put(s, "<rect class=\"halo\"");
	attr(s, "x", right ? x + 5 * U : x - 5 * U - tw - 4 * U);
	attr(s, "y", y - FONT * 8);
	attr(s, "width", tw + 4 * U);
	attr(s, "height", FONT * 12);
	putf(s, " fill=\"%s\"/>\n<circle class=\"event\"", PAPER);
	attr(s, "cx", x);
	attr(s, "cy", axis_y);
	putf(s, " r=\"5\" fill=\"%s\" stroke=\"%s\" stroke-width=\"1.5\"/>\n",
	     DARK, PAPER);
	put(s, "<circle");
	attr(s, "cx", x);
	attr(s, "cy", y - 4 * U);
	putf(s, " r=\"2.5\" fill=\"%s\"/>\n<text", DARK);
	attr(s, "x", right ? x + 7 * U : x - 7 * U);
	attr(s, "y", y);
	putf(s, " text-anchor=\"%s\"><tspan font-weight=\"700\">",
	     right ? "start" : "end");
	esc(s, e->when);
	put(s, "</tspan> ");
	if (esc_fit(s, e->label, room, FONT)) {
		put(s, "<title>");
		esc(s, e->label);
		put(s, "</title>");
	}
	put(s, "</text>\n");
}

int wd_svg_timeline(struct wd_buf *b, const struct wd_svg_chart *c,
		    const struct wd_svg_event *ev, size_t n,
		    const struct wd_svg_tick *ticks, size_t nticks)
{
	struct sw s = { b, 0 };
	struct axis a;
	long w = width_of(c), axis_y = 30 * U, first = axis_y + 30 * U;
	long pitch = 24 * U, h;
	size_t i;

	a.x0 = 2 * PAD;
	a.len = w - 4 * PAD;
	a.t0 = n ? ev[0].t : nticks ? ticks[0].t : 0;
	a.t1 = a.t0;
	for (i = 0; i < n; i++) {
		a.t0 = ev[i].t < a.t0 ? ev[i].t : a.t0;
		a.t1 = ev[i].t > a.t1 ? ev[i].t : a.t1;
	}
	for (i = 0; i < nticks; i++) {
		a.t0 = ticks[i].t < a.t0 ? ticks[i].t : a.t0;
		a.t1 = ticks[i].t > a.t1 ? ticks[i].t : a.t1;
	}
	if (a.t1 == a.t0) {
		a.t0 -= 15 * 86400;
		a.t1 += 15 * 86400;
	}
	h = n ? first + (long)(n - 1) * pitch + 10 * U : axis_y + 10 * U;
	open_svg(&s, c, w, h, "timeline");
	timeline_desc(&s, c, ev, n);
	putf(&s, "<line stroke=\"%s\" stroke-width=\"1.5\"", INK);
	attr(&s, "x1", a.x0);
	attr(&s, "x2", a.x0 + a.len);
	attr(&s, "y1", axis_y);
	attr(&s, "y2", axis_y);
	put(&s, "/>\n");
	for (i = 0; i < nticks; i++)
		tick(&s, &a, w, axis_y, &ticks[i]);
	for (i = 0; i < n; i++)
		stem(&s, &a, axis_y, first + (long)i * pitch, &ev[i]);
	for (i = 0; i < n; i++)
		event(&s, &a, w, axis_y, first + (long)i * pitch, &ev[i]);
	close_svg(&s);
	return done(&s);
}

/* test-svg.c - bar, part and timeline charts */
#include "svg.h"
#include "tap.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The numbers of attribute `name` of every element with class `cls`. */
static size_t attrs(const char *svg, const char *cls, const char *name,
		    double *v, size_t max)
{
	char want[64], key[32];
	const char *p = svg, *a;
	size_t n = 0;

	snprintf(want, sizeof(want), "class=\"%s\"", cls);
	snprintf(key, sizeof(key), " %s=\"", name);
	while (n < max && (p = strstr(p, want))) {
		a = strstr(p, key);
		if (!a)
			break;
		v[n++] = strtod(a + strlen(key), NULL);
		p += strlen(want);
	}
	return n;
}

static size_t count(const char *s, const char *what)
{
	size_t n = 0;

	while ((s = strstr(s, what))) {
		n++;
		s += strlen(what);
	}
	return n;
}

static int near(double a, double b)
{
	return a - b < 0.15 && b - a < 0.15;
}

static void bars(void)
{
	static const struct wd_svg_bar v[] = {
		{ "een", { 1, 0 } }, { "twee", { 2, 0 } }, { "niets", { 0, 0 } },
		{ "vier", { 4, 0 } },
	};
	struct wd_svg_chart c = { "Oogst", NULL, { NULL, NULL }, 720 };
	struct wd_buf b = WD_BUF_INIT(0);
	double w[8];
	size_t n;

	/* a locale with a decimal comma, where there is one */
	if (!setlocale(LC_NUMERIC, "nl_NL.UTF-8"))
		setlocale(LC_NUMERIC, "de_DE.UTF-8");
	ok(wd_svg_bars(&b, &c, v, 4) == 0, "a bar chart is written");
	setlocale(LC_NUMERIC, "C");
	n = attrs(b.ptr, "bar s1", "width", w, 8);
	is_int((long long)n, 3, "one bar per value above 0");
	ok(n == 3 && near(w[1], 2 * w[0]) && near(w[2], 4 * w[0]),
	   "bar lengths are in proportion to the values (%.1f %.1f %.1f)",
	   w[0], w[1], w[2]);
	ok(strstr(b.ptr, ">0</text>") != NULL, "a zero value is written as 0");
	ok(!strncmp(b.ptr, "<svg class=\"chart bars\" viewBox=\"0 0 720 ", 41) &&
	   strstr(b.ptr, " role=\"img\" aria-label=\"Oogst\"") &&
	   strstr(b.ptr, "<title>Oogst</title>\n<desc>een: 1; twee: 2; niets: 0; vier: 4</desc>"),
	   "the chart has a viewBox, role, label, title and a desc of its numbers");
	ok(!strstr(b.ptr, "xmlns") && !strstr(b.ptr, "url(") &&
	   !strstr(b.ptr, "href") && !strstr(b.ptr, "<script"),
	   "nothing points outside the chart");
	ok(!strchr(b.ptr, ','), "numbers have a decimal point in any locale");
	wd_buf_release(&b);
}

static void two_series(void)
{
	static const struct wd_svg_bar v[] = {
		{ "bewoners", { 4, 2 } }, { "gemeente", { 1, 0 } },
	};
	struct wd_svg_chart c = { "Deelname", NULL, { "uitgenodigd", "aanwezig" }, 320 };
	struct wd_buf b = WD_BUF_INIT(0);
	double w1[4], w2[4];

	ok(wd_svg_bars(&b, &c, v, 2) == 0, "a chart of two series is written");
	ok(attrs(b.ptr, "bar s1", "width", w1, 4) == 2 &&
	   attrs(b.ptr, "bar s2", "width", w2, 4) == 1 &&
	   near(w1[0], 2 * w2[0]) && near(w1[0], 4 * w1[1]),
	   "both series share one scale");
	ok(strstr(b.ptr, "bewoners: uitgenodigd 4, aanwezig 2; gemeente: uitgenodigd 1, aanwezig 0") != NULL,
	   "the desc names the series");
	ok(count(b.ptr, ">uitgenodigd</text>") == 1 && count(b.ptr, ">aanwezig</text>") == 1,
	   "a legend names each series once");
	ok(strstr(b.ptr, "fill=\"#ffffff\" stroke=") != NULL,
	   "the first series is an outline, not only another colour");
	wd_buf_release(&b);
}

static void zeros(void)
{
	static const struct wd_svg_bar v[] = { { "a", { 0, 0 } }, { "b", { 0, 0 } } };
	static const struct wd_svg_part p[] = { { "open", 0 }, { "klaar", 0 } };
	struct wd_svg_chart c = { "Leeg", NULL, { NULL, NULL }, 0 };
	struct wd_buf b = WD_BUF_INIT(0);

	ok(wd_svg_bars(&b, &c, v, 2) == 0 && !strstr(b.ptr, "class=\"bar") &&
	   count(b.ptr, ">0</text>") == 2,
	   "all zeros: no bars, no division by zero, each value written");
	wd_buf_reset(&b);
	ok(wd_svg_bars(&b, &c, NULL, 0) == 0 && strstr(b.ptr, "</svg>"),
	   "no bars at all is still a chart");
	wd_buf_reset(&b);
	ok(wd_svg_parts(&b, &c, p, 2) == 0 && !strstr(b.ptr, "class=\"part") &&
	   strstr(b.ptr, "open <tspan font-weight=\"700\">0</tspan>"),
	   "parts of nothing: an empty bar and a legend of zeros");
	wd_buf_release(&b);
}

static void parts(void)
{
	static const struct wd_svg_part p[] = {
		{ "open", 1 }, { "bezig", 0 }, { "klaar", 3 }, { "vervallen", 0 },
	};
	struct wd_svg_chart c = { "Stand", NULL, { NULL, NULL }, 720 };
	struct wd_buf b = WD_BUF_INIT(0);
	double x[4], w[4];

	ok(wd_svg_parts(&b, &c, p, 4) == 0, "parts of a whole are written");
	ok(attrs(b.ptr, "part p1", "width", w, 1) == 1 &&
	   attrs(b.ptr, "part p3", "width", w + 1, 1) == 1 &&
	   attrs(b.ptr, "part p1", "x", x, 1) == 1 &&
	   attrs(b.ptr, "part p3", "x", x + 1, 1) == 1 &&
	   near(w[1], 3 * w[0]) && near(x[1], x[0] + w[0]) &&
	   near(w[0] + w[1], 720 - 8),
	   "parts are in proportion, side by side, and fill the bar");
	ok(!strstr(b.ptr, "part p2") && !strstr(b.ptr, "part p4"),
	   "a part of 0 takes no room");
	ok(count(b.ptr, "<tspan font-weight=\"700\">") == 4,
	   "the legend names every part with its count");
	ok(strstr(b.ptr, "<desc>open: 1; bezig: 0; klaar: 3; vervallen: 0</desc>") != NULL,
	   "the desc says the numbers");
	wd_buf_release(&b);
}

static void timeline(void)
{
	static const struct wd_svg_event ev[] = {
		{ 1000000, "1 jan", "Begin" }, { 1500000, "midden", "Midden" },
		{ 2000000, "eind", "Eind" },
	};
	static const struct wd_svg_tick t[] = { { 1000000, "jan" }, { 2000000, "feb" } };
	struct wd_svg_chart c = { "Door de tijd", NULL, { NULL, NULL }, 720 };
	struct wd_buf b = WD_BUF_INIT(0);
	double x[4];

	ok(wd_svg_timeline(&b, &c, ev, 3, t, 2) == 0, "a timeline is written");
	ok(attrs(b.ptr, "event", "cx", x, 4) == 3 && x[0] < x[1] && x[1] < x[2] &&
	   near(x[1] - x[0], x[2] - x[1]),
	   "events stand on the axis in proportion to their time");
	ok(count(b.ptr, ">jan</text>") == 1 && count(b.ptr, ">feb</text>") == 1,
	   "ticks are labelled");
	wd_buf_reset(&b);
	ok(wd_svg_timeline(&b, &c, ev, 1, NULL, 0) == 0 &&
	   attrs(b.ptr, "event", "cx", x, 4) == 1 && near(x[0], 360),
	   "one event alone stands in the middle");
	wd_buf_release(&b);
}

static void escaping(void)
{
	static const struct wd_svg_bar v[] = { { "<b>&\"'", { 1, 0 } } };
	static const struct wd_svg_part p[] = { { "<i>", 1 } };
	static const struct wd_svg_event ev[] = { { 0, "<d>", "</svg><script>" } };
	struct wd_svg_chart c = { "a \"b\" <c>", "d & e", { NULL, NULL }, 0 };
	struct wd_buf b = WD_BUF_INIT(0);

	wd_svg_bars(&b, &c, v, 1);
	ok(strstr(b.ptr, ">&lt;b&gt;&amp;&quot;&#39;</text>") && !strstr(b.ptr, "<b>"),
	   "labels are escaped in <text>");
	ok(strstr(b.ptr, "aria-label=\"a &quot;b&quot; &lt;c&gt;\"") &&
	   strstr(b.ptr, "<title>a &quot;b&quot; &lt;c&gt;</title>") &&
	   strstr(b.ptr, "<desc>d &amp; e</desc>"),
	   "the title is escaped in the attribute and the element, so is the desc");
	wd_buf_reset(&b);
	c.desc = NULL;
	wd_svg_parts(&b, &c, p, 1);
	ok(!strstr(b.ptr, "<i>") && strstr(b.ptr, "&lt;i&gt;"),
	   "part labels are escaped");
	wd_buf_reset(&b);
	wd_svg_timeline(&b, &c, ev, 1, NULL, 0);
	ok(!strstr(b.ptr, "<script") && !strstr(b.ptr, "<d>") &&
	   count(b.ptr, "</svg>") == 1 &&
	   strstr(b.ptr, "&lt;/svg&gt;&lt;script&gt;"),
	   "event labels and dates are escaped");
	wd_buf_release(&b);
}

static void long_label(void)
{
	static const struct wd_svg_event ev[] = {
		{ 0, "12 dec 2026", "Een heel erg lange titel van een wijkdialoog"
		  " die maar doorgaat en doorgaat tot over de rand van de grafiek" },
	};
	struct wd_svg_chart c = { "t", NULL, { NULL, NULL }, 400 };
	struct wd_buf b = WD_BUF_INIT(0);

	wd_svg_timeline(&b, &c, ev, 1, NULL, 0);
	ok(strstr(b.ptr, "\xe2\x80\xa6<title>Een heel erg lange titel") != NULL,
	   "a label too long for the chart is cut, whole in its <title>");
	wd_buf_release(&b);
}

void test_svg(void)
{
	bars();
	two_series();
	zeros();
	parts();
	timeline();
	escaping();
	long_label();
}

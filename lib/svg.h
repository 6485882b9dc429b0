/* svg.h - small SVG charts for printed reports: bars, parts of a whole, a timeline */
#ifndef WD_SVG_H
#define WD_SVG_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * Every chart is one <svg> element meant to sit inline in an HTML page
 * (so without an xmlns, which the HTML parser supplies): plain SVG 1.1
 * shapes and text, no scripts, fonts, images or references of any kind,
 * sizes in viewBox units so that it scales with its box.  It carries
 * role="img", an aria-label and a <title>, and a <desc> that says the
 * numbers in words.  Series and parts differ in lightness and outline,
 * not only in colour, and every value is written next to its shape, so
 * that a black-and-white print reads as well as the screen.
 *
 * All strings are text, escaped here; the functions only append to `b`
 * and fail (-1, errno set, `b` possibly half written) only when the
 * buffer cannot grow.
 */
struct wd_svg_chart {
	const char *title;		/* <title> and aria-label */
	const char *desc;		/* <desc>; NULL: made from the data */
	const char *series[2];		/* names of the series; [1] NULL: one */
	unsigned width;			/* viewBox width; 0: 720 */
};

/*
 * A horizontal bar chart: one row per label, with a bar for each series
 * and its value after it.  The label stands left of its bars, or above
 * them when the chart is narrow (under 480 units) or a label is long.
 * Bars are in proportion to the largest value; a value of 0 has no bar.
 */
struct wd_svg_bar {
	const char *label;
	long value[2];			/* [1] only when the chart has two series */
};

int wd_svg_bars(struct wd_buf *b, const struct wd_svg_chart *c,
		const struct wd_svg_bar *v, size_t n);

/* One bar divided into parts of a whole (action status), with a legend. */
struct wd_svg_part {
	const char *label;
	long value;
};

int wd_svg_parts(struct wd_buf *b, const struct wd_svg_chart *c,
		 const struct wd_svg_part *v, size_t n);

/*
 * Events on a time axis, each on its own line below it ("12 dec 2026
 * Title"), in the order given; ticks mark the axis.  The axis runs from
 * the earliest to the latest of events and ticks.
 */
struct wd_svg_event {
	int64_t t;
	const char *when;		/* the date as written next to it */
	const char *label;
};

struct wd_svg_tick {
	int64_t t;
	const char *label;
};

int wd_svg_timeline(struct wd_buf *b, const struct wd_svg_chart *c,
		    const struct wd_svg_event *ev, size_t n,
		    const struct wd_svg_tick *ticks, size_t nticks);

#endif

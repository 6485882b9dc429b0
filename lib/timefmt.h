/* timefmt.h - ISO 8601 in and out, the workspace time zone, long dates */
#ifndef WD_TIMEFMT_H
#define WD_TIMEFMT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"

/*
 * Times are seconds since the epoch.  A time written without an offset
 * is in the workspace time zone, which wd_time_set_zone() makes the
 * process's local zone (the tools are single-threaded).
 */
struct wd_when {
	int64_t t;
	int has_time;		/* 0: a date, t is local midnight */
	int has_offset;		/* the text named its offset (Z, +01:00) */
};

int wd_time_set_zone(const char *zone, struct wd_error *err);

/* 2026-12-12, 2026-12-12T19:30, 2026-12-12 19:30:00+01:00, ...Z */
int wd_time_parse(const char *s, struct wd_when *w);

/*
 * "2h", "90m", "1h30m", "7d", "2w", "1y", "45" (minutes): seconds, or -1.
 * The Dutch "2u" (uur) is 2h, "1j" (jaar) 1y; a year is 365 days.
 */
int64_t wd_duration_parse(const char *s);

/* "2026-12-12T19:30:00+01:00" in the local zone */
int wd_time_iso(struct wd_buf *b, int64_t t);
/* "2026-12-12" in the local zone */
int wd_date_iso(struct wd_buf *b, int64_t t);
/* "2026-12-12T19:30" (no seconds when zero, no offset) */
int wd_time_local(struct wd_buf *b, int64_t t);

/*
 * The way people read it: "zaterdag 12 december 2026, 19.30 uur" (nl),
 * "Saturday 12 December 2026, 19:30" (en); without the time when
 * `with_time` is 0.
 */
int wd_time_long(struct wd_buf *b, int64_t t, const char *lang,
		 int with_time);
/* "19.30 uur" / "19:30" */
int wd_time_clock(struct wd_buf *b, int64_t t, const char *lang);

/* "Sat, 12 Dec 2026 19:30:00 +0100" (RFC 5322) in the local zone */
int wd_time_mail(struct wd_buf *b, int64_t t);
/* "Sat Dec 12 18:30:00 2026" (asctime, UTC), as in an mbox "From " line */
int wd_time_asctime(struct wd_buf *b, int64_t t);

/* Local midnight of the day t falls on. */
int64_t wd_day_start(int64_t t);

#endif

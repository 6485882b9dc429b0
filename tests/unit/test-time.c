/* test-time.c - ISO 8601, the workspace zone, long dates */
#include "tap.h"
#include "timefmt.h"

#include <string.h>

static void long_is(int64_t t, const char *lang, int with_time, const char *want)
{
	struct wd_buf b = WD_BUF_INIT(0);

	wd_time_long(&b, t, lang, with_time);
	is(wd_buf_str(&b), want, "long date (%s)", lang);
	wd_buf_release(&b);
}

void test_time(void)
{
	struct wd_error e;
	struct wd_when w, w2;
	struct wd_buf b = WD_BUF_INIT(0);

	ok(wd_time_set_zone("Europe/Amsterdam", &e) == 0, "Europe/Amsterdam is known");
	ok(wd_time_set_zone("Europe/Nergens", &e) < 0 && e.code == EX_CONFIG,
	   "an unknown zone is a configuration error");
	ok(wd_time_set_zone("../etc/passwd", &e) < 0, "a path is not a zone");
	ok(wd_time_set_zone("Europe", &e) < 0 && e.code == EX_CONFIG,
	   "a folder of zones is no zone (a configuration error, not 'cannot load')");
	wd_time_set_zone("Europe/Amsterdam", &e);

	ok(wd_time_parse("2026-12-12T19:30", &w) == 0 && w.has_time &&
	   !w.has_offset, "a local time parses");
	is_int(w.t, 1797100200, "19:30 in Amsterdam in winter is 18:30 UTC");
	ok(wd_time_parse("2026-12-12 19:30:00+01:00", &w2) == 0 && w2.t == w.t,
	   "with a space, seconds and an offset it is the same moment");
	ok(wd_time_parse("2026-12-12T18:30Z", &w2) == 0 && w2.t == w.t,
	   "and so is 18:30Z");
	ok(wd_time_parse("2026-07-01T12:00", &w) == 0 && w.t == 1782900000,
	   "summer time is UTC+2");
	ok(wd_time_parse("2026-12-12", &w) == 0 && !w.has_time,
	   "a date alone parses as a date");
	ok(wd_time_parse("2026-02-29", &w) < 0, "2026 has no 29 February");
	ok(wd_time_parse("2028-02-29", &w) == 0, "2028 has");
	ok(wd_time_parse("2026-12-12T24:00", &w) < 0, "24:00 is refused");
	ok(wd_time_parse("12-12-2026", &w) < 0, "Dutch order is refused");
	ok(wd_time_parse("2026-12-12T19:30junk", &w) < 0, "junk after it is refused");

	wd_time_parse("2026-12-12T19:30", &w);
	long_is(w.t, "nl", 1, "zaterdag 12 december 2026, 19.30 uur");
	long_is(w.t, "en", 1, "Saturday 12 December 2026, 19:30");
	long_is(w.t, "nl", 0, "zaterdag 12 december 2026");
	wd_time_iso(&b, w.t);
	is(b.ptr, "2026-12-12T19:30:00+01:00", "ISO 8601 with the offset");
	wd_buf_reset(&b);
	wd_time_local(&b, w.t);
	is(b.ptr, "2026-12-12T19:30", "local ISO 8601 without seconds");
	wd_buf_reset(&b);
	wd_time_mail(&b, w.t + 5);
	is(b.ptr, "Sat, 12 Dec 2026 19:30:05 +0100", "RFC 5322 date, in winter");
	wd_buf_reset(&b);
	wd_time_mail(&b, 1782900000);
	is(b.ptr, "Wed, 1 Jul 2026 12:00:00 +0200", "RFC 5322 date, in summer");
	wd_buf_reset(&b);
	wd_time_asctime(&b, w.t);
	is(b.ptr, "Sat Dec 12 18:30:00 2026", "an mbox From line's date: asctime, UTC");
	wd_buf_reset(&b);
	wd_time_asctime(&b, 1780300800);
	is(b.ptr, "Mon Jun  1 08:00:00 2026", "a day below 10 is padded with a space");
	wd_buf_release(&b);

	is_int(wd_duration_parse("2h"), 7200, "2h");
	is_int(wd_duration_parse("1h30m"), 5400, "1h30m");
	is_int(wd_duration_parse("90"), 5400, "90 is minutes");
	is_int(wd_duration_parse("7d"), 604800, "7d");
	is_int(wd_duration_parse("1y"), 365 * 86400, "1y is 365 days");
	is_int(wd_duration_parse("1j"), 365 * 86400, "1j (jaar) too");
	is_int(wd_duration_parse("2u30m"), 9000, "2u30m (uur)");
	is_int(wd_duration_parse("2x"), -1, "2x is not a duration");
	is_int(wd_duration_parse(""), -1, "nothing is not a duration");
}

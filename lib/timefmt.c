/* timefmt.c - ISO 8601 in and out, the workspace time zone, long dates */
#include "timefmt.h"
#include "i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/*
 * Whether the zone file at `path` says the zone is UTC at offset 0
 * without summer time, now and from now on: the POSIX TZ string on the
 * last line of a TZif file ("UTC0", "GMT0", "<+00>0"), as in UTC, GMT or
 * Africa/Abidjan.  A file without one (TZif version 1) counts as not.
 */
static int zero_zone(const char *path)
{
	char tail[128], *nl, *p;
	ssize_t n;
	off_t size;
	FILE *f = fopen(path, "rb");

	if (!f)
		return 0;
	if (fseeko(f, 0, SEEK_END) < 0 || (size = ftello(f)) < 2 ||
	    fseeko(f, size > (off_t)sizeof(tail) - 1 ?
		   size - (off_t)sizeof(tail) + 1 : 0, SEEK_SET) < 0) {
		fclose(f);
		return 0;
	}
	n = (ssize_t)fread(tail, 1, sizeof(tail) - 1, f);
	fclose(f);
	if (n < 2 || tail[n - 1] != '\n')
		return 0;
	tail[n - 1] = '\0';
	/* the line before it (the bytes before are binary, NULs and all) */
	for (nl = tail + n - 1; nl > tail && nl[-1] != '\n'; nl--)
		;
	if (nl == tail)
		return 0;
	p = nl;
	if (*p == '<') {
		p = strchr(p, '>');
		if (!p)
			return 0;
		p++;
	} else {
		while ((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
			p++;
	}
	if (*p == '+' || *p == '-')
		p++;
	return !strcmp(p, "0") || !strcmp(p, "0:00") || !strcmp(p, "00");
}

int wd_time_set_zone(const char *zone, struct wd_error *err)
{
	const char *dir = getenv("TZDIR");
	char path[1024];
	size_t i;

	if (!zone || !*zone || zone[0] == '/' || strstr(zone, ".."))
		return wd_error_set(err, EX_CONFIG, _("unknown time zone '%s'"),
				    zone ? zone : "");
	for (i = 0; zone[i]; i++)
		if ((unsigned char)zone[i] <= ' ' || zone[i] == ':')
			return wd_error_set(err, EX_CONFIG,
					    _("unknown time zone '%s'"), zone);
	if (strcmp(zone, "UTC")) {
		struct stat st;

		snprintf(path, sizeof(path), "%s/%s",
			 dir && *dir ? dir : "/usr/share/zoneinfo", zone);
		/* a file: "Europe" is the folder of the zones there */
		if (access(path, R_OK) < 0 || stat(path, &st) < 0 ||
		    !S_ISREG(st.st_mode))
			return wd_error_set(err, EX_CONFIG,
					    _("unknown time zone '%s'"), zone);
	}
	if (setenv("TZ", zone, 1) < 0)
		return wd_error_oom(err);
	tzset();
	/*
	 * tzset() cannot fail, but when it cannot read the zone (no memory)
	 * it quietly takes UTC: every time would be written an hour or two
	 * off.  UTC it is only for a zone that is UTC.
	 */
	if (strcmp(zone, "UTC") && !timezone && !daylight &&
	    !zero_zone(path))
		return wd_error_set(err, EX_OSERR,
				    _("cannot load the time zone '%s'"), zone);
	return 0;
}

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

static int digits(const char **p, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if ((*p)[i] < '0' || (*p)[i] > '9')
			return -1;
		v = v * 10 + ((*p)[i] - '0');
	}
	*p += n;
	*out = v;
	return 0;
}

static int64_t local_to_epoch(int y, int mo, int d, int h, int mi, int s)
{
	struct tm tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = s;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

int wd_time_parse(const char *s, struct wd_when *w)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, oh = 0, om = 0, sign = 0;
	const char *p = s;

	memset(w, 0, sizeof(*w));
	if (digits(&p, 4, &y) < 0 || *p++ != '-' || digits(&p, 2, &mo) < 0 ||
	    *p++ != '-' || digits(&p, 2, &d) < 0)
		return -1;
	if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return -1;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (digits(&p, 2, &h) < 0 || *p++ != ':' ||
		    digits(&p, 2, &mi) < 0)
			return -1;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &sec) < 0)
				return -1;
			if (*p == '.' || *p == ',') {
				p++;
				if (*p < '0' || *p > '9')
					return -1;
				while (*p >= '0' && *p <= '9')
					p++;
			}
		}
		if (h > 23 || mi > 59 || sec > 60)
			return -1;
		w->has_time = 1;
		while (*p == ' ')
			p++;
		if (*p == 'Z' || *p == 'z') {
			w->has_offset = 1;
			p++;
		} else if (*p == '+' || *p == '-') {
			sign = *p++ == '-' ? -1 : 1;
			if (digits(&p, 2, &oh) < 0)
				return -1;
			if (*p == ':')
				p++;
			if (*p && digits(&p, 2, &om) < 0)
				return -1;
			if (oh > 23 || om > 59)
				return -1;
			w->has_offset = 1;
		}
	}
	if (*p)
		return -1;
	if (w->has_offset) {
		int64_t days = days_from_civil(y, (unsigned)mo, (unsigned)d);

		w->t = days * 86400 + h * 3600 + mi * 60 + sec -
		       sign * (oh * 3600 + om * 60);
	} else {
		w->t = local_to_epoch(y, mo, d, h, mi, sec);
	}
	return 0;
}

int64_t wd_duration_parse(const char *s)
{
	int64_t total = 0, v;
	const char *p = s;
	int any = 0;

	if (!*p)
		return -1;
	while (*p) {
		if (*p < '0' || *p > '9')
			return -1;
		v = 0;
		while (*p >= '0' && *p <= '9') {
			v = v * 10 + (*p++ - '0');
			if (v > 100000000)
				return -1;
		}
		switch (*p) {
		case 'y': case 'j': total += v * 365 * 86400; p++; break;
		case 'w': total += v * 7 * 86400; p++; break;
		case 'd': total += v * 86400; p++; break;
		case 'h': case 'u': total += v * 3600; p++; break;
		case 'm': total += v * 60; p++; break;
		case 's': total += v; p++; break;
		case '\0':
			if (any)
				return -1;
			total += v * 60;
			break;
		default:
			return -1;
		}
		any = 1;
	}
	return total;
}

static int local(int64_t t, struct tm *tm)
{
	time_t tt = (time_t)t;

	return localtime_r(&tt, tm) ? 0 : -1;
}

int wd_time_iso(struct wd_buf *b, int64_t t)
{
	struct tm tm;
	long off;

	if (local(t, &tm) < 0)
		return wd_buf_adds(b, "?");
	off = tm.tm_gmtoff / 60;
	return wd_buf_addf(b, "%04d-%02d-%02dT%02d:%02d:%02d%c%02ld:%02ld",
			   tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
			   tm.tm_hour, tm.tm_min, tm.tm_sec,
			   off < 0 ? '-' : '+', labs(off) / 60, labs(off) % 60);
}

int wd_date_iso(struct wd_buf *b, int64_t t)
{
	struct tm tm;

	if (local(t, &tm) < 0)
		return wd_buf_adds(b, "?");
	return wd_buf_addf(b, "%04d-%02d-%02d", tm.tm_year + 1900,
			   tm.tm_mon + 1, tm.tm_mday);
}

int wd_time_local(struct wd_buf *b, int64_t t)
{
	struct tm tm;

	if (local(t, &tm) < 0)
		return wd_buf_adds(b, "?");
	if (wd_buf_addf(b, "%04d-%02d-%02dT%02d:%02d", tm.tm_year + 1900,
			tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min) < 0)
		return -1;
	return tm.tm_sec ? wd_buf_addf(b, ":%02d", tm.tm_sec) : 0;
}

static const char *const day_nl[] = {
	"zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
	"zaterdag",
};
static const char *const day_en[] = {
	"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	"Saturday",
};
static const char *const month_nl[] = {
	"januari", "februari", "maart", "april", "mei", "juni", "juli",
	"augustus", "september", "oktober", "november", "december",
};
static const char *const month_en[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

int wd_time_mail(struct wd_buf *b, int64_t t)
{
	struct tm tm;
	long off;

	if (local(t, &tm) < 0)
		return -1;
	off = tm.tm_gmtoff / 60;
	return wd_buf_addf(b, "%.3s, %d %.3s %04d %02d:%02d:%02d %c%02ld%02ld",
			   day_en[tm.tm_wday % 7], tm.tm_mday,
			   month_en[tm.tm_mon % 12], tm.tm_year + 1900,
			   tm.tm_hour, tm.tm_min, tm.tm_sec, off < 0 ? '-' : '+',
			   labs(off) / 60, labs(off) % 60);
}

int wd_time_asctime(struct wd_buf *b, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm))
		memset(&tm, 0, sizeof(tm));
	return wd_buf_addf(b, "%.3s %.3s %2d %02d:%02d:%02d %d",
			   day_en[tm.tm_wday % 7], month_en[tm.tm_mon % 12],
			   tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
			   tm.tm_year + 1900);
}

static int is_en(const char *lang)
{
	return lang && !strcmp(lang, "en");
}

int wd_time_clock(struct wd_buf *b, int64_t t, const char *lang)
{
	struct tm tm;

	if (local(t, &tm) < 0)
		return wd_buf_adds(b, "?");
	if (is_en(lang))
		return wd_buf_addf(b, "%02d:%02d", tm.tm_hour, tm.tm_min);
	return wd_buf_addf(b, "%d.%02d uur", tm.tm_hour, tm.tm_min);
}

int wd_time_long(struct wd_buf *b, int64_t t, const char *lang,
		 int with_time)
{
	struct tm tm;
	int en = is_en(lang);

	if (local(t, &tm) < 0)
		return wd_buf_adds(b, "?");
	if (wd_buf_addf(b, "%s %d %s %d", en ? day_en[tm.tm_wday] :
			day_nl[tm.tm_wday], tm.tm_mday,
			en ? month_en[tm.tm_mon] : month_nl[tm.tm_mon],
			tm.tm_year + 1900) < 0)
		return -1;
	if (!with_time)
		return 0;
	return wd_buf_adds(b, ", ") < 0 ? -1 : wd_time_clock(b, t, lang);
}

int64_t wd_day_start(int64_t t)
{
	struct tm tm;

	if (local(t, &tm) < 0)
		return t;
	return local_to_epoch(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
			      0, 0, 0);
}

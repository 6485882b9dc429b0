/* ics.c - a dialogue as an iCalendar invitation (RFC 5545, through libical) */
#include "ics.h"
#include "i18n.h"
#include "utf8.h"
#include "slug.h"

#include <libical/ical.h>
#include <stdlib.h>
#include <string.h>

/* 2020-01-01T00:00:00Z: SEQUENCE counts minutes from here */
#define SEQUENCE_EPOCH 1577836800

int wd_ws_tag(struct wd_buf *out, const struct wd_ws *ws)
{
	const char *base;
	size_t before = out->len;

	if (ws->set.name && wd_slug(out, ws->set.name) < 0)
		return -1;
	if (out->len > before)
		return 0;
	base = ws->root ? strrchr(ws->root, '/') : NULL;
	if (base && wd_slug(out, base + 1) < 0)
		return -1;
	if (out->len > before)
		return 0;
	return wd_buf_adds(out, "workspace");
}

int wd_ics_uid(struct wd_buf *out, const struct wd_ws *ws,
	       const char *dialogue)
{
	if (wd_buf_addf(out, "%s@", dialogue) < 0 || wd_ws_tag(out, ws) < 0)
		return -1;
	return wd_buf_adds(out, ".wijkdialoog");
}

int wd_sender_check(const struct wd_ws *ws, struct wd_error *err)
{
	const char *e = ws->set.sender_email;

	if (e && wd_email_valid(e))
		return 0;
	if (e)
		wd_error_at(err, EX_CONFIG, WD_WS_FILE, 0, 0,
			    _("sender.email '%s' is not an e-mail address"), e);
	else
		wd_error_at(err, EX_CONFIG, WD_WS_FILE, 0, 0, "%s",
			    _("no sender.email: who do the invitations come from?"));
	wd_error_hint(err, "%s",
		      _("add to wd.yaml:  sender: {name: Buurtteam Oost, email: buurtteam@example.org}"));
	return -1;
}

/*
 * A value as libical may take it: control characters (and, in a
 * parameter, double quotes, which RFC 5545 cannot escape there) become
 * spaces; with `lines`, line breaks stay (libical escapes them).
 */
static const char *clean(struct wd_buf *b, const char *s, int lines,
			 int param)
{
	char *p;

	wd_buf_reset(b);
	if (wd_buf_adds(b, s ? s : "") < 0)
		return NULL;
	for (p = b->ptr; p && *p; p++) {
		unsigned char ch = (unsigned char)*p;

		if (ch == '\n' && lines)
			continue;
		if (param && ch == '"')
			*p = '\'';
		else if (ch < 0x20 || ch == 0x7f)
			*p = ' ';
	}
	return wd_buf_str(b);
}

struct cal {
	icalcomponent *cal, *ev;
	icaltimezone *zone;		/* NULL: UTC */
	const char *zname;
	struct wd_buf tmp, tmp2;
	int failed;
};

static void add(struct cal *c, icalcomponent *to, icalproperty *p)
{
	if (!p) {
		c->failed = 1;
		return;
	}
	icalcomponent_add_property(to, p);
}

static void param(struct cal *c, icalproperty *p, icalparameter *x)
{
	if (!p || !x) {
		c->failed = 1;
		if (x)
			icalparameter_free(x);
		return;
	}
	icalproperty_add_parameter(p, x);
}

static icaltimetype at(const struct cal *c, int64_t t)
{
	icaltimetype tt;

	if (!c->zone)
		return icaltime_from_timet_with_zone((time_t)t, 0,
						     icaltimezone_get_utc_timezone());
	/* libical 3.0 converts the fields, but leaves the zone at UTC */
	tt = icaltime_from_timet_with_zone((time_t)t, 0, c->zone);
	tt.zone = c->zone;
	return tt;
}

/* DTSTART or DTEND, with TZID unless in UTC. */
static void add_time(struct cal *c, int end, int64_t t)
{
	icaltimetype tt = at(c, t);
	icalproperty *p = end ? icalproperty_new_dtend(tt) :
			  icalproperty_new_dtstart(tt);

	if (p && c->zone && !icalproperty_get_first_parameter(p, ICAL_TZID_PARAMETER))
		param(c, p, icalparameter_new_tzid(c->zname));
	add(c, c->ev, p);
}

/*
 * The workspace zone as a VTIMEZONE: libical's (from the system's zone
 * data), named as wd.yaml names it, cut to the year before the event so
 * that it stays small.
 */
static void add_zone(struct cal *c, int64_t start)
{
	icalcomponent *vtz;
	icalproperty *id;
	icaltimetype from;

	if (!c->zone)
		return;
	vtz = icalcomponent_new_clone(icaltimezone_get_component(c->zone));
	if (!vtz) {
		c->failed = 1;
		return;
	}
	from = icaltime_from_timet_with_zone((time_t)(start - 366 * 86400), 0,
					     icaltimezone_get_utc_timezone());
	icaltimezone_truncate_vtimezone(vtz, from, icaltime_null_time(), 1);
	id = icalcomponent_get_first_property(vtz, ICAL_TZID_PROPERTY);
	if (id)
		icalproperty_set_tzid(id, c->zname);
	icalcomponent_add_component(c->cal, vtz);
}

/* "mailto:x" with CN=name. */
static icalproperty *who(struct cal *c, int organizer, const char *name,
			 const char *email)
{
	icalproperty *p;

	wd_buf_reset(&c->tmp2);
	if (wd_buf_addf(&c->tmp2, "mailto:%s", email) < 0) {
		c->failed = 1;
		return NULL;
	}
	p = organizer ? icalproperty_new_organizer(c->tmp2.ptr) :
	    icalproperty_new_attendee(c->tmp2.ptr);
	if (p && name && *name)
		param(c, p, icalparameter_new_cn(clean(&c->tmp, name, 0, 1)));
	return p;
}

static void add_text(struct cal *c, icalproperty *(*make)(const char *),
		     const char *s, int lines)
{
	const char *v = clean(&c->tmp, s, lines, 0);

	if (!v) {
		c->failed = 1;
		return;
	}
	add(c, c->ev, make(v));
}

static void event(struct cal *c, const struct wd_ws *ws,
		  const struct wd_dialogue *dl, const char *name,
		  const char *email)
{
	struct wd_buf b = WD_BUF_INIT(0);
	const char *from = ws->set.sender_name ? ws->set.sender_name :
			   ws->set.organisation;
	icalproperty *p;
	int64_t seq = (ws->now - SEQUENCE_EPOCH) / 60;

	if (wd_ics_uid(&b, ws, dl->id) < 0) {
		c->failed = 1;
		goto out;
	}
	add(c, c->ev, icalproperty_new_uid(b.ptr));
	add(c, c->ev, icalproperty_new_dtstamp(
		    icaltime_from_timet_with_zone((time_t)ws->now, 0,
						  icaltimezone_get_utc_timezone())));
	add(c, c->ev, icalproperty_new_sequence(seq > 0 && seq < 0x7fffffff ?
						(int)seq : 0));
	add_time(c, 0, dl->start.t);
	add_time(c, 1, wd_dialogue_end(dl));
	add_text(c, icalproperty_new_summary, dl->title, 0);
	wd_buf_reset(&b);
	if (wd_dialogue_where(dl, &b) < 0)
		c->failed = 1;
	else if (b.len)
		add_text(c, icalproperty_new_location, b.ptr, 0);
	add_text(c, icalproperty_new_description,
		 dl->question ? dl->question : dl->title, 1);
	add(c, c->ev, icalproperty_new_status(ICAL_STATUS_CONFIRMED));
	add(c, c->ev, who(c, 1, from, ws->set.sender_email));
	if (email) {
		p = who(c, 0, name, email);
		param(c, p, icalparameter_new_role(ICAL_ROLE_REQPARTICIPANT));
		param(c, p, icalparameter_new_partstat(ICAL_PARTSTAT_NEEDSACTION));
		param(c, p, icalparameter_new_rsvp(ICAL_RSVP_TRUE));
		add(c, c->ev, p);
	}
out:
	wd_buf_release(&b);
}

int wd_ics_render(struct wd_buf *out, const struct wd_ws *ws,
		  const struct wd_dialogue *dl, const char *name,
		  const char *email, struct wd_error *err)
{
	struct cal c;
	const char *tz = ws->set.timezone ? ws->set.timezone : "Europe/Amsterdam";
	char *text = NULL;
	int ret = -1;

	if (wd_sender_check(ws, err) < 0)
		return -1;
	if (!dl->has_start)
		return wd_error_set(err, EX_DATAERR,
				    _("'%s' has no start: when is the dialogue?"),
				    dl->id);
	memset(&c, 0, sizeof(c));
	wd_buf_init(&c.tmp, 0);
	wd_buf_init(&c.tmp2, 0);
	c.zname = tz;
	c.zone = strcmp(tz, "UTC") ? icaltimezone_get_builtin_timezone(tz) : NULL;
	c.cal = icalcomponent_new_vcalendar();
	c.ev = icalcomponent_new_vevent();
	if (!c.cal || !c.ev)
		goto oom;
	add(&c, c.cal, icalproperty_new_version("2.0"));
	add(&c, c.cal, icalproperty_new_prodid("-//wijkdialoog//wd-invite//NL"));
	add(&c, c.cal, icalproperty_new_calscale("GREGORIAN"));
	add(&c, c.cal, icalproperty_new_method(ICAL_METHOD_REQUEST));
	add_zone(&c, dl->start.t);
	event(&c, ws, dl, name, email);
	icalcomponent_add_component(c.cal, c.ev);
	c.ev = NULL;
	if (c.failed || !(text = icalcomponent_as_ical_string_r(c.cal)))
		goto oom;
	if (wd_buf_adds(out, text) < 0)
		goto oom;
	ret = 0;
	goto done;
oom:
	wd_error_oom(err);
done:
	free(text);
	if (c.ev)
		icalcomponent_free(c.ev);
	if (c.cal)
		icalcomponent_free(c.cal);
	icaltimezone_free_builtin_timezones();
	wd_buf_release(&c.tmp);
	wd_buf_release(&c.tmp2);
	return ret;
}

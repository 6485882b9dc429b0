/* ics.h - a dialogue as an iCalendar invitation (RFC 5545, through libical) */
#ifndef WD_ICS_H
#define WD_ICS_H

#include "buf.h"
#include "dialogue.h"
#include "error.h"
#include "ws.h"

/*
 * A short name for the workspace in ids (UIDs, Message-IDs): its name
 * made into an id, else that of its folder.
 */
int wd_ws_tag(struct wd_buf *out, const struct wd_ws *ws);

/* The UID of a dialogue's event: "<dialogue>@<tag>.wijkdialoog". */
int wd_ics_uid(struct wd_buf *out, const struct wd_ws *ws,
	       const char *dialogue);

/*
 * The dialogue as a VCALENDAR with METHOD:REQUEST and one VEVENT: the
 * UID of wd_ics_uid (the same in every message, so that a calendar
 * updates the event instead of adding it twice), DTSTART and DTEND with
 * the TZID of the workspace time zone and its VTIMEZONE (UTC times when
 * the zone is UTC or unknown to libical), SUMMARY (the title), LOCATION
 * (venue and place), DESCRIPTION (the question), ORGANIZER (the
 * workspace's sender), DTSTAMP (ws->now) and a SEQUENCE that grows
 * with it, and, when `email` is set, an ATTENDEE with `name`.  Control
 * characters in values become spaces.  Lines end in CRLF.
 *
 * Fails with EX_CONFIG when wd.yaml has no (valid) sender.email, and
 * with EX_DATAERR when the dialogue has no start.
 */
int wd_ics_render(struct wd_buf *out, const struct wd_ws *ws,
		  const struct wd_dialogue *dl, const char *name,
		  const char *email, struct wd_error *err);

/*
 * The sender of invitations: sender.email of wd.yaml, checked; EX_CONFIG
 * with a hint when it is missing or not an address.
 */
int wd_sender_check(const struct wd_ws *ws, struct wd_error *err);

#endif

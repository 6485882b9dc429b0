/* mail.h - one e-mail message as MIME (through GMime) */
#ifndef WD_MAIL_H
#define WD_MAIL_H

#include <stdint.h>

#include "buf.h"
#include "error.h"

/*
 * What goes into a message.  Everything is UTF-8 and may have come from
 * a user: names and the subject are cleaned (every control character,
 * CR and LF among them, becomes a space) before they go into a header,
 * and are RFC 2047-encoded when they are not plain ASCII, so that no
 * value can ever start a header of its own.
 */
struct wd_mail {
	const char *from_name, *from_email;
	const char *to_name, *to_email;
	const char *subject;
	const char *text;		/* the body: text/plain; charset=utf-8 */
	const char *calendar;		/* text/calendar; method=REQUEST, or NULL */
	const char *message_id;		/* without < >; the boundary follows it */
	int64_t date;			/* Date:, in the local (workspace) zone */
	int auto_submitted;		/* Auto-Submitted: auto-generated (cron) */
};

/*
 * The message, with LF line ends (as mbox, Maildir and sendmail take
 * it): From, To, Subject, Date, Message-ID, MIME-Version; the text
 * quoted-printable, alone or with the calendar (base64) as
 * multipart/alternative.  The same input gives the same bytes.
 */
int wd_mail_render(struct wd_buf *out, const struct wd_mail *m,
		   struct wd_error *err);

/*
 * Append s as one header-safe line: control characters (C0, DEL, C1,
 * U+2028, U+2029) become spaces, blanks around it go.
 */
int wd_mail_line(struct wd_buf *out, const char *s);

#endif

/* outbox.h - where messages go: an mbox file, a Maildir, or a sendmail command */
#ifndef WD_OUTBOX_H
#define WD_OUTBOX_H

#include <stddef.h>
#include <stdint.h>

#include "error.h"

enum wd_outbox_kind {
	WD_OUTBOX_MBOX,		/* append to a file (mboxrd) */
	WD_OUTBOX_MAILDIR,	/* a file in DIR/new, by way of DIR/tmp */
	WD_OUTBOX_SENDMAIL,	/* pipe to a command, run by /bin/sh -c */
};

struct wd_outbox {
	enum wd_outbox_kind kind;
	const char *target;	/* the file, the folder, or the command line */
	int64_t now;		/* the date of the mbox From_ line */
	unsigned count;		/* messages put so far */
};

void wd_outbox_init(struct wd_outbox *o, enum wd_outbox_kind kind,
		    const char *target, int64_t now);

/*
 * Put one message (LF line ends) in the outbox; `sender` is the
 * envelope sender of the mbox From_ line.  Once it returns 0 the
 * message is on disk (fsync'd) or the command took it (exit 0).
 *
 * mbox: appended under an fcntl lock with a From_ line, lines that start
 * with ">*From " get one more '>' (mboxrd), a blank line after; a failed
 * write is cut off again.  A new file gets mode 0600.  Failing to open
 * is EX_CANTCREAT, to write EX_IOERR.
 *
 * Maildir: DIR, DIR/tmp, DIR/new and DIR/cur are made when missing; the
 * message is written and synced in tmp/, then moved to new/ under a
 * unique name.
 *
 * sendmail: the command gets the message on its standard input and our
 * standard error as its standard output.  It must exit 0; EX_TEMPFAIL
 * (75) from it fails with EX_TEMPFAIL, anything else (it cannot be run,
 * another exit status, a signal) with EX_UNAVAILABLE.
 */
int wd_outbox_put(struct wd_outbox *o, const char *sender, const char *msg,
		  size_t len, struct wd_error *err);

#endif

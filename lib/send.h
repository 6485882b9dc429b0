/* send.h - invitations and reminders: who gets one, the messages, and recording what went out */
#ifndef WD_SEND_H
#define WD_SEND_H

#include "invite.h"
#include "outbox.h"

enum wd_purpose {
	WD_PURPOSE_INVITE,	/* send: the invitation */
	WD_PURPOSE_REMIND,	/* remind: a few days before */
};

enum wd_channel {
	WD_CHANNEL_EMAIL,	/* a MIME message with the calendar */
	WD_CHANNEL_LETTER,	/* a printable HTML page, through the door */
};

/* What a person gets, or why nothing. */
enum wd_send_why {
	WD_SEND_GO,		/* gets the invitation or reminder */
	WD_SEND_DONE,		/* invited (reminded) already, at `since` */
	WD_SEND_SAID_NO,	/* answered no */
	WD_SEND_MAYBE,		/* remind: answered maybe */
	WD_SEND_WAITING,	/* remind: on the waiting list, at `place` */
	WD_SEND_UNINVITED,	/* remind: never invited and no answer */
	/* from here: cannot be reached through the channel */
	WD_SEND_NO_CONSENT,	/* e-mail: no consent to be contacted */
	WD_SEND_NO_EMAIL,	/* e-mail: no address in contacts.yaml */
	WD_SEND_BAD_EMAIL,	/* e-mail: not an e-mail address */
	WD_SEND_NO_ADDRESS,	/* letter: no postal address */
	WD_SEND_REFUSED,	/* said no to being contacted */
};

#define WD_SEND_UNREACHABLE(why) ((why) >= WD_SEND_NO_CONSENT)

struct wd_send_item {
	char *id, *name;
	enum wd_send_why why;
	char *to;		/* GO: the e-mail address, or the letter's path */
	char *since;		/* DONE: when */
	long place;		/* WAITING: the place in line */
	char *msgid;		/* GO by e-mail: the Message-ID, without < > */
	struct wd_buf msg;	/* GO: the message, or the letter */
	int delivered;		/* went out (to the outbox, the folder) */
	int done;		/* delivered and recorded */
};

struct wd_send_opts {
	enum wd_purpose purpose;
	enum wd_channel channel;
	const char *const *who;	/* the people named (wd_people_match); */
	size_t nwho;		/* none: everyone on the list */
	int again;		/* send: also to who was invited before */
	long days;		/* remind: from how many days before */
	const char *out;	/* letters: the folder they go in */
};

struct wd_sending {
	struct wd_roster *r;
	struct wd_send_opts o;
	struct wd_send_item *v;	/* in the order of people.yaml */
	size_t n;
	long days_left;		/* days from today to the day of the dialogue */
	int not_yet;		/* remind: more than o.days days before */
	int over;		/* remind: begun, or cancelled: nobody */
	size_t go, sent;	/* how many get one; how many went */
	/* the templates, per language (nl, en): text and name */
	struct wd_buf tpl[2];
	char *tpl_name[2];
};

void wd_sending_init(struct wd_sending *s);
void wd_sending_release(struct wd_sending *s);

/*
 * Decide who gets what (see wd-invite(1) for the rules) and make every
 * message, so that a bad template or setting fails before anything is
 * sent; nothing is written.  The roster is open, and for a real run
 * locked: the lock is then held from deciding until the last message
 * is recorded, so that two runs at once never send anything twice.
 *
 * send fails with EX_DATAERR when the dialogue has no start, has begun
 * or is cancelled, or when a person named cannot be reached through the
 * channel; with EX_CONFIG without sender.email (e-mail); with the
 * template's FILE:LINE:COL and EX_DATAERR for a bad template.  remind
 * decides nothing (not_yet, over) outside its days.
 */
int wd_send_plan(struct wd_sending *s, struct wd_roster *r,
		 const struct wd_send_opts *o, struct wd_error *err);

/*
 * Deliver every message (to `box`; letters into o.out), and record each
 * right after it was delivered, never before: invitation.channel and
 * invitation.sent, or invitation.reminded, written at once (people.yaml,
 * atomically).  A kill at any moment leaves nobody marked who did not
 * get their message; at worst one message is delivered again by the
 * next run, with the same Message-ID.  The first failure stops the run:
 * what went before it is recorded (see `done`).
 */
int wd_send_run(struct wd_sending *s, struct wd_outbox *box,
		struct wd_error *err);

/* Why someone gets nothing, in a few words ("no e-mail address"). */
const char *wd_send_reason(enum wd_send_why why);

/*
 * The calendar of the dialogue alone (see wd_ics_render), with `who`
 * (wd_people_match; NULL: nobody) as the ATTENDEE when they have an
 * e-mail address.
 */
int wd_send_ics(struct wd_roster *r, const char *who, struct wd_buf *out,
		struct wd_error *err);

/* The names of the placeholders templates may use, NULL-terminated. */
extern const char *const wd_send_placeholders[];

#endif

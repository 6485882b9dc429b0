/* invite.h - who comes: adding and importing people, answers, the waiting list, check-in, lists */
#ifndef WD_INVITE_H
#define WD_INVITE_H

#include <stdint.h>

#include "dialogue.h"
#include "out.h"
#include "people.h"

/*
 * What a command changed (or, on a dry run, would change), one entry per
 * person and event, for the command to tell.  The library says nothing
 * itself: `detail` holds data (keys, an answer, a reason), not prose.
 */
enum wd_change_kind {
	WD_CH_ADD,		/* a new person */
	WD_CH_UPDATE,		/* detail: the keys that changed, "role, email" */
	WD_CH_SKIP,		/* not taken over; detail: why */
	WD_CH_ANSWER,		/* detail: the answer (yes, no, maybe) */
	WD_CH_WAIT,		/* on the waiting list at place n of it */
	WD_CH_PROMOTE,		/* off the waiting list: a place came free */
	WD_CH_CHECKIN,		/* attended */
	WD_CH_UNCHECK,		/* attended taken back */
	WD_CH_SEAT,		/* at table n */
	WD_CH_UNSEAT,		/* no table any more */
	WD_CH_SAME,		/* looked at, nothing to change; detail: what */
};

/* Why a person of another dialogue was not carried over (WD_CH_SKIP). */
#define WD_SKIP_THERE "there"		/* already in this dialogue */
#define WD_SKIP_CONSENT "consent"	/* no consent to be contacted */

struct wd_change {
	enum wd_change_kind kind;
	char *id;
	char *name;
	char *detail;
	long n;
};

struct wd_changes {
	struct wd_change *v;
	size_t n, alloc;
};

void wd_changes_init(struct wd_changes *c);
void wd_changes_release(struct wd_changes *c);
int wd_changes_add(struct wd_changes *c, enum wd_change_kind kind,
		   const char *id, const char *name, const char *detail,
		   long n);
/* How many entries of a kind. */
size_t wd_changes_count(const struct wd_changes *c, enum wd_change_kind kind);

/*
 * One dialogue's people and contact data, opened for a command: the
 * dialogue record (capacity, language), people.yaml and contacts.yaml
 * as loaded documents that edits change in memory, and what changed.
 * Nothing is written until wd_roster_save().
 */
struct wd_roster {
	struct wd_ws *ws;
	char *dialogue;
	struct wd_dialogue dl;
	struct wd_people pp;
	struct wd_contacts cc;
	int people_dirty, contacts_dirty;
	int locked;
	struct wd_changes ch;
};

void wd_roster_init(struct wd_roster *r);

/*
 * Load dialogue `id` with its people and contacts.  With `lock`, take
 * the workspace lock first and keep it until wd_roster_release(): the
 * way to open for a change.  A file with problems fails the open
 * (EX_DATAERR at its first problem): a file is not changed on a guess.
 */
int wd_roster_open(struct wd_roster *r, struct wd_ws *ws, const char *id,
		   int lock, struct wd_error *err);

/*
 * Write what changed, atomically, under the lock: people.yaml, then
 * contacts.yaml (a new contacts.yaml gets mode 0600).
 */
int wd_roster_save(struct wd_roster *r, struct wd_error *err);

void wd_roster_release(struct wd_roster *r);

/*
 * Set `key` ("table", "consent.named") of person `id` to `value` (NULL
 * removes it) in memory, format-preserving (see wd_person_set), unless
 * it is so already: 1 changed, 0 it was so, -1 error.
 */
int wd_roster_set(struct wd_roster *r, const char *id, const char *key,
		  const char *value, int flags, struct wd_error *err);

/* The person with e-mail address `email` (case ignored), or NULL. */
const struct wd_person *wd_roster_by_email(const struct wd_roster *r,
					   const char *email);

/*
 * A person given on the command line (add) or met at the door (checkin
 * --new).  Words may be Dutch; a bad value fails with EX_USAGE.
 */
struct wd_invite_new {
	const char *name, *email, *phone, *address;
	const char *role, *lang, *organisation, *note;
	int host;
	int consent_contact, consent_named, consent_photo; /* 1: given now */
	int attended;
	int force;		/* also when the name or e-mail is there */
};

/* Add a person; their id goes into `id`. */
int wd_invite_add(struct wd_roster *r, const struct wd_invite_new *nw,
		  struct wd_buf *id, struct wd_error *err);

/*
 * Import people from CSV (see wd-invite(1) for the columns): every row
 * is checked first, and one bad row fails the whole import with
 * FILE:ROW:COLUMN and EX_DATAERR, changing nothing.  A row is matched
 * to a person by id, else e-mail, else name; a match is updated, any
 * other row added.
 */
int wd_invite_import(struct wd_roster *r, const char *data, size_t len,
		     const char *name, const char *encoding,
		     struct wd_error *err);

/*
 * Carry the people of dialogue `from` over (the relay): those who
 * consented to be contacted, with `attended` only those who came, with
 * their contact data and `from:` set.  Who is there already is skipped.
 */
int wd_invite_relay(struct wd_roster *r, const char *from, int attended,
		    struct wd_error *err);

/*
 * Record an answer (yes/no/maybe, or ja/nee/misschien) of the person
 * `who` means (see wd_people_match), with the time it came in; then
 * the waiting list (see wd_invite_settle).
 */
int wd_invite_rsvp(struct wd_roster *r, const char *who, const char *answer,
		   struct wd_error *err);

/*
 * Answers from CSV: a person column (id, name or email) and rsvp, with
 * an optional time each answer came in; all-or-nothing like import.
 * Answers are taken in the order they came in.
 */
int wd_invite_rsvp_import(struct wd_roster *r, const char *data, size_t len,
			  const char *name, const char *encoding,
			  struct wd_error *err);

/*
 * The waiting list: with a capacity, the yes-answers beyond it wait, in
 * the order they came in (`answered`, then the order of people.yaml).
 * Free places go to the first in line (WD_CH_PROMOTE); nobody who has
 * a place loses it.  Without a capacity nobody waits.
 */
int wd_invite_settle(struct wd_roster *r, struct wd_error *err);

/* Check `who` in at the door (or, with undo, take that back). */
int wd_invite_checkin(struct wd_roster *r, const char *who, int undo,
		      struct wd_error *err);

/* --- where people are: statuses and lists --- */

#define WD_ST_ADDED 0x01	/* not invited, no answer */
#define WD_ST_INVITED 0x02	/* invited, no answer yet */
#define WD_ST_YES 0x04		/* said yes and has a place */
#define WD_ST_NO 0x08
#define WD_ST_MAYBE 0x10
#define WD_ST_WAITING 0x20	/* said yes, on the waiting list */
#define WD_ST_ATTENDED 0x40	/* came */
#define WD_ST_COUNT 7

/* All the statuses a person has (WD_ST_*). */
unsigned wd_person_states(const struct wd_person *p);

/* The one status a list shows: the furthest along of them. */
const char *wd_person_status(const struct wd_person *p);

/* The name of status bit i (0..WD_ST_COUNT-1), and its label in lang. */
const char *wd_status_name(size_t i);
const char *wd_status_label(const char *status, const char *lang);

/*
 * Parse "yes,maybe" (English or Dutch words: ja, wachtlijst, ...) into a
 * mask; a bad word fails with EX_USAGE and a suggestion.
 */
int wd_status_parse(const char *words, unsigned *mask, struct wd_error *err);

/* Roles as a mask of bits 1 << wd_vocab_index(WD_V_ROLE, role). */
int wd_role_parse(const char *words, unsigned *mask, struct wd_error *err);

/*
 * The waiting list in order: indexes into pp->v, at most pp->n of
 * them into `order`; returns how many.
 */
size_t wd_waiting_list(const struct wd_people *pp, size_t *order);

struct wd_list_opts {
	enum wd_format fmt;
	unsigned status;	/* WD_ST_* mask; 0: everyone */
	unsigned roles;		/* role mask; 0: every role */
	int contacts;		/* with e-mail, phone and address */
	int by_table;		/* table format: 1 grouped by table, 0 not,
				   -1 when anyone has a table */
};

/*
 * The people of the roster as rows: machine formats in the order of
 * people.yaml (the waiting list in its order when only waiting people
 * are asked for), the table format with counts per role at the bottom,
 * grouped by table when asked.
 */
int wd_invite_list(struct wd_roster *r, const struct wd_list_opts *o,
		   wd_write_fn write, void *ctx, struct wd_error *err);

/*
 * A consent value from CSV or a flag: 1 yes, 0 no, -1 not a consent
 * word.  yes/no, ja/nee, true/false, 1/0, y/n/j, and an ISO date (yes,
 * given that day, in *date).
 */
int wd_consent_word(const char *s, const char **date);

#endif

/* people.h - who takes part in a dialogue (people.yaml) and how to reach them (contacts.yaml) */
#ifndef WD_PEOPLE_H
#define WD_PEOPLE_H

#include "field.h"
#include "strset.h"
#include "strvec.h"
#include "ws.h"

struct wd_person {
	const struct wd_ynode *node;	/* its mapping in people.yaml */
	const char *id, *name, *role, *organisation, *lang, *note;
	const char *rsvp;		/* yes, no, maybe, or NULL */
	const char *from;		/* the dialogue they came from */
	long table;			/* 0: none */
	int host, waiting, attended;	/* 1 yes, 0 no */
	struct wd_when answered;
	int has_answered;
	/* consent per purpose: the date given, "" for no, NULL unknown */
	const char *consent_contact, *consent_named, *consent_photo;
	const char *channel;		/* email, letter */
	const char *sent, *reminded;	/* times, as written */
};

struct wd_people {
	struct wd_ydoc doc;
	struct wd_person *v;
	size_t n;
	struct wd_strset byid;		/* id -> place in v */
};

void wd_people_init(struct wd_people *pp);
void wd_people_release(struct wd_people *pp);

/* Fill the records from a parsed people.yaml. */
void wd_people_read(struct wd_people *pp, struct wd_diag *diag);

/* Load <dialogue>/people.yaml; a missing file is an empty list. */
int wd_people_load(struct wd_people *pp, const struct wd_ws *ws,
		   const char *dialogue, struct wd_diag *diag);

const struct wd_person *wd_people_find(const struct wd_people *pp,
				       const char *id);

/*
 * The person a user means: an id, a name (case and accents ignored), or
 * the unique beginning of either ("anna" for anna-de-vries).  NULL with
 * err set (EX_DATAERR) when nobody or more than one matches, naming the
 * closest or the candidates.
 */
const struct wd_person *wd_people_match(const struct wd_people *pp,
					const char *query, const char *dialogue,
					struct wd_error *err);

/* The same; *ambiguous says whether more than one matched. */
const struct wd_person *wd_people_lookup(const struct wd_people *pp,
					 const char *query,
					 const char *dialogue, int *ambiguous,
					 struct wd_error *err);

/* Whether a person may be named in reports (consented to be named). */
int wd_person_named(const struct wd_person *p);

/* A new person, as wd-invite add and import make them. */
struct wd_person_new {
	const char *name;
	const char *role;		/* canonical; NULL: other */
	const char *organisation, *lang, *note;
	const char *from;		/* the dialogue they came from */
	const char *consent_contact, *consent_named, *consent_photo;
	int host, attended;		/* 1: "true" */
};

/* The id for a name: its slug, with -2, -3, ... when taken in `pp`. */
int wd_people_new_id(const struct wd_people *pp, const char *name,
		     struct wd_buf *id, struct wd_error *err);

/*
 * Append a person to the loaded people.yaml (made when it was empty),
 * with a fresh id put in `id`; the records are read again afterwards
 * (old record pointers are stale).  The caller writes the file.
 */
int wd_people_append(struct wd_people *pp, const struct wd_person_new *np,
		     const char *dialogue, struct wd_buf *id,
		     struct wd_error *err);

/*
 * Many new people at once (an import, the relay): ids are given out
 * against the people loaded, the contact data in `cc` (when given) and
 * each other, and wd_people_batch_apply() appends them all with one
 * edit and one parse, where one wd_people_append() per person would
 * parse the growing file again each time.
 */
struct wd_contacts;

struct wd_people_batch {
	struct wd_people *pp;
	struct wd_strset taken;		/* ids in use */
	struct wd_strvec items;		/* the new entries, as YAML */
};

int wd_people_batch_init(struct wd_people_batch *b, struct wd_people *pp,
			 const struct wd_contacts *cc, struct wd_error *err);
void wd_people_batch_release(struct wd_people_batch *b);
/* A new person; their id goes into `id`. */
int wd_people_batch_add(struct wd_people_batch *b,
			const struct wd_person_new *np, struct wd_buf *id,
			struct wd_error *err);
/* Append them all; the records are read again (old pointers are stale). */
int wd_people_batch_apply(struct wd_people_batch *b, const char *dialogue,
			  struct wd_error *err);

/* Read the records again after an edit of pp->doc. */
int wd_people_reread(struct wd_people *pp, struct wd_error *err);

/*
 * Set `key` (a dotted path of at most two keys, "rsvp" or
 * "invitation.sent") of person `id` to a scalar, format-preserving;
 * NULL removes the key.  The records are read again.
 */
int wd_person_set(struct wd_people *pp, const char *id, const char *key,
		  const char *value, int flags, struct wd_error *err);

struct wd_contact {
	const struct wd_ynode *node;
	const char *id, *email, *phone, *address;
};

struct wd_contacts {
	struct wd_ydoc doc;
	struct wd_contact *v;
	size_t n;
	struct wd_strset byid;		/* id -> place in v */
};

void wd_contacts_init(struct wd_contacts *cc);
void wd_contacts_release(struct wd_contacts *cc);
void wd_contacts_read(struct wd_contacts *cc, struct wd_diag *diag);
int wd_contacts_load(struct wd_contacts *cc, const struct wd_ws *ws,
		     const char *dialogue, struct wd_diag *diag);
const struct wd_contact *wd_contacts_find(const struct wd_contacts *cc,
					  const char *id);

/*
 * The contact data of new people, added with one edit: wd_contacts_entry()
 * appends "id:" and its fields to `pairs` (nothing when all are empty or
 * NULL), wd_contacts_add() puts them into contacts.yaml, whose mapping
 * must not have these ids yet.
 */
int wd_contacts_entry(struct wd_buf *pairs, const char *id, const char *email,
		      const char *phone, const char *address);
int wd_contacts_add(struct wd_contacts *cc, const char *pairs,
		    struct wd_error *err);

/*
 * Set the contact data of `id` (NULL leaves a field as it is, "" removes
 * it), making contacts.yaml's mapping when needed.  The caller writes
 * the file, mode 0600.
 */
int wd_contacts_set(struct wd_contacts *cc, const char *id, const char *email,
		    const char *phone, const char *address,
		    struct wd_error *err);

/* Remove everything held on `id`; 1 when there was something. */
int wd_contacts_remove(struct wd_contacts *cc, const char *id,
		       struct wd_error *err);

/* Read the records again after an edit of cc->doc. */
int wd_contacts_reread(struct wd_contacts *cc, struct wd_error *err);

#endif

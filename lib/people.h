/* people.h - who takes part in a dialogue (people.yaml) and how to reach them (contacts.yaml) */
#ifndef WD_PEOPLE_H
#define WD_PEOPLE_H

#include "field.h"
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

/* Whether a person may be named in reports (consented to be named). */
int wd_person_named(const struct wd_person *p);

struct wd_contact {
	const struct wd_ynode *node;
	const char *id, *email, *phone, *address;
};

struct wd_contacts {
	struct wd_ydoc doc;
	struct wd_contact *v;
	size_t n;
};

void wd_contacts_init(struct wd_contacts *cc);
void wd_contacts_release(struct wd_contacts *cc);
void wd_contacts_read(struct wd_contacts *cc, struct wd_diag *diag);
int wd_contacts_load(struct wd_contacts *cc, const struct wd_ws *ws,
		     const char *dialogue, struct wd_diag *diag);
const struct wd_contact *wd_contacts_find(const struct wd_contacts *cc,
					  const char *id);

#endif

/* test-people.c - adding and changing people and their contact data */
#include "people.h"
#include "tap.h"
#include "yedit.h"

#include <stdlib.h>
#include <string.h>

static void load(struct wd_ydoc *d, const char *text)
{
	struct wd_error e;
	size_t n = strlen(text);
	char *src = malloc(n + 1);

	memcpy(src, text, n + 1);
	wd_ydoc_init(d);
	wd_ydoc_parse(d, "people.yaml", src, n, NULL, &e);
}

/* many people with one edit: ids unique against the file, contacts, each other */
static void batch(void)
{
	struct wd_people pp;
	struct wd_contacts cc;
	struct wd_people_batch b;
	struct wd_person_new np;
	struct wd_buf id = WD_BUF_INIT(0), pairs = WD_BUF_INIT(0);
	struct wd_error e;

	wd_people_init(&pp);
	wd_contacts_init(&cc);
	load(&pp.doc, "people:\n  - id: anna   # blijft\n    name: Anna\n");
	load(&cc.doc, "contacts:\n  anna:\n    email: a@example.org\n"
		      "  anna-2:   # iemand die weg is\n    phone: '1'\n");
	wd_people_reread(&pp, &e);
	wd_contacts_reread(&cc, &e);
	memset(&np, 0, sizeof(np));
	np.name = "Anna";
	ok(wd_people_batch_init(&b, &pp, &cc, &e) == 0 &&
	   wd_people_batch_add(&b, &np, &id, &e) == 0, "a batch takes a person");
	is(id.ptr, "anna-3", "past the people and the contact data left behind");
	wd_contacts_entry(&pairs, id.ptr, "anna3@example.org", NULL, NULL);
	np.name = "Anna";
	np.host = 1;
	wd_people_batch_add(&b, &np, &id, &e);
	is(id.ptr, "anna-4", "and past the batch itself");
	wd_contacts_entry(&pairs, id.ptr, NULL, "", NULL);
	ok(pp.n == 1, "nothing is in the file before the batch is applied");
	ok(wd_people_batch_apply(&b, "oost", &e) == 0 && pp.n == 3,
	   "then both are, with one edit");
	is(pp.doc.src, "people:\n  - id: anna   # blijft\n    name: Anna\n"
		       "  - id: anna-3\n    name: Anna\n    role: other\n"
		       "  - id: anna-4\n    name: Anna\n    role: other\n    host: true\n",
	   "appended after what was there, host last");
	is(pairs.ptr, "anna-3:\n  email: anna3@example.org\n",
	   "contact entries leave out empty fields and people without any");
	ok(wd_contacts_add(&cc, pairs.ptr, &e) == 0 && cc.n == 3 &&
	   wd_contacts_find(&cc, "anna-3"), "contact data goes in at once");
	is(cc.doc.src, "contacts:\n  anna:\n    email: a@example.org\n"
		       "  anna-2:   # iemand die weg is\n    phone: '1'\n"
		       "  anna-3:\n    email: anna3@example.org\n",
	   "at the end of the mapping, at its indentation");
	wd_people_batch_release(&b);
	wd_people_release(&pp);
	wd_contacts_release(&cc);

	wd_contacts_init(&cc);
	load(&cc.doc, "contacts: {}   # nog niemand\n");
	wd_contacts_reread(&cc, &e);
	ok(wd_contacts_add(&cc, "piet:\n  email: p@example.org\n", &e) == 0 &&
	   wd_contacts_find(&cc, "piet"), "an empty { } mapping becomes lines");
	wd_contacts_release(&cc);
	wd_contacts_init(&cc);
	load(&cc.doc, "contacts: {anna: {email: a@example.org}}\n");
	wd_contacts_reread(&cc, &e);
	ok(wd_contacts_add(&cc, "piet:\n  email: p@example.org\n", &e) < 0 &&
	   e.code == 65 && !wd_contacts_find(&cc, "piet"),
	   "a { } mapping with people in it is not rewritten on a guess");
	wd_contacts_release(&cc);
	wd_buf_release(&id);
	wd_buf_release(&pairs);
}

void test_people(void)
{
	struct wd_people pp;
	struct wd_contacts cc;
	struct wd_person_new np;
	struct wd_buf id = WD_BUF_INIT(0);
	struct wd_error e;

	wd_people_init(&pp);
	load(&pp.doc, "");
	memset(&np, 0, sizeof(np));
	np.name = "Özlem Yıldız";
	np.role = "resident";
	np.consent_named = "2026-11-20";
	ok(wd_people_append(&pp, &np, "oost", &id, &e) == 0, "a first person");
	is(id.ptr, "ozlem-yildiz", "gets the slug of her name");
	is(pp.doc.src, "# Deelnemers van 'oost'; contactgegevens staan in contacts.yaml (zie wd(5)).\n"
		       "people:\n  - id: ozlem-yildiz\n    name: Özlem Yıldız\n"
		       "    role: resident\n    consent:\n      named: 2026-11-20\n",
	   "in a new file that says what it is");
	np.consent_named = NULL;
	wd_people_append(&pp, &np, "oost", &id, &e);
	is(id.ptr, "ozlem-yildiz-2", "a second of the same name gets -2");
	ok(pp.n == 2 && !strcmp(pp.v[1].id, "ozlem-yildiz-2"), "both are read back");
	wd_people_release(&pp);

	wd_people_init(&pp);
	load(&pp.doc, "# met de hand\npeople:\n- id: anna   # de eerste\n  name: Anna\n"
		      "  rsvp: maybe\n\n- id: piet\n  name: Piet\n");
	wd_people_reread(&pp, &e);
	ok(wd_person_set(&pp, "anna", "rsvp", "yes", 0, &e) == 0, "an answer changes");
	ok(wd_person_set(&pp, "piet", "invitation.sent", "2026-11-20T10:00:00+01:00",
			 WD_YE_TYPED, &e) == 0, "a nested key is made");
	is(pp.doc.src, "# met de hand\npeople:\n- id: anna   # de eerste\n  name: Anna\n"
		       "  rsvp: \"yes\"\n\n- id: piet\n  name: Piet\n  invitation:\n"
		       "    sent: 2026-11-20T10:00:00+01:00\n",
	   "only those lines change");
	ok(wd_person_set(&pp, "piet", "invitation.reminded", "2026-12-09", WD_YE_TYPED, &e) == 0 &&
	   strstr(pp.doc.src, "    sent: 2026-11-20T10:00:00+01:00\n    reminded: 2026-12-09\n"),
	   "a second nested key goes beside the first");
	ok(wd_person_set(&pp, "anna", "rsvp", NULL, 0, &e) == 0 &&
	   !strstr(pp.doc.src, "rsvp"), "NULL removes a key");
	wd_people_release(&pp);

	wd_contacts_init(&cc);
	load(&cc.doc, "");
	ok(wd_contacts_set(&cc, "anna", "anna@example.org", "06 1234", NULL, &e) == 0,
	   "contact data for a new file");
	is(cc.doc.src, "# Contactgegevens: persoonsgegevens, niet in git (zie wd(5)).\n"
		       "contacts:\n  anna:\n    email: anna@example.org\n    phone: \"06 1234\"\n",
	   "is a block mapping by person id");
	ok(wd_contacts_set(&cc, "piet", "piet@example.org", NULL, NULL, &e) == 0 &&
	   wd_contacts_set(&cc, "anna", "a@example.org", "", NULL, &e) == 0,
	   "more people, and a change");
	is(cc.doc.src, "# Contactgegevens: persoonsgegevens, niet in git (zie wd(5)).\n"
		       "contacts:\n  anna:\n    email: a@example.org\n"
		       "  piet:\n    email: piet@example.org\n",
	   "an empty value removes a field");
	ok(wd_contacts_remove(&cc, "anna", &e) == 1 &&
	   !strstr(cc.doc.src, "anna") && cc.n == 1, "remove drops all of one person");
	ok(wd_contacts_remove(&cc, "nobody", &e) == 0, "removing nobody is fine");
	wd_contacts_release(&cc);
	wd_buf_release(&id);
	batch();
}

/* test-invite.c - consent words, e-mail addresses, statuses and the waiting list */
#include "invite.h"
#include "utf8.h"
#include "tap.h"

#include <stdlib.h>
#include <string.h>

static void load(struct wd_people *pp, const char *text)
{
	struct wd_error e;
	size_t n = strlen(text);
	char *src = malloc(n + 1);

	memcpy(src, text, n + 1);
	wd_people_init(pp);
	wd_ydoc_parse(&pp->doc, "people.yaml", src, n, NULL, &e);
	wd_people_reread(pp, &e);
}

void test_invite(void)
{
	struct wd_people pp;
	struct wd_error e;
	const char *date;
	unsigned mask;
	size_t order[8], n;

	ok(wd_consent_word("ja", &date) == 1 && !date, "ja is yes");
	ok(wd_consent_word("NEE", &date) == 0, "NEE is no");
	ok(wd_consent_word("1", &date) == 1 && wd_consent_word("0", &date) == 0,
	   "1 and 0");
	ok(wd_consent_word("2026-11-20", &date) == 1 && date &&
	   !strcmp(date, "2026-11-20"), "a date is yes, given that day");
	ok(wd_consent_word("misschien", &date) < 0, "maybe is no consent");

	ok(wd_email_valid("anna@example.org"), "an e-mail address");
	ok(!wd_email_valid("anna"), "no @");
	ok(!wd_email_valid("anna@example"), "no dot in the domain");
	ok(!wd_email_valid("an na@example.org"), "a blank");
	ok(!wd_email_valid("a@b@example.org"), "two @");
	ok(!wd_email_valid("anna@example.org\nBcc: x@y.z"), "no header injection");

	ok(wd_status_parse("ja,wachtlijst", &mask, &e) == 0 &&
	   mask == (WD_ST_YES | WD_ST_WAITING), "statuses in Dutch, a list");
	ok(wd_status_parse("attended, maybe", &mask, &e) == 0 &&
	   mask == (WD_ST_ATTENDED | WD_ST_MAYBE), "in English, with a blank");
	ok(wd_status_parse("wachtlyst", &mask, &e) < 0 && e.code == EX_USAGE &&
	   strstr(e.msg, "did you mean 'wachtlijst'"), "a typo gets a suggestion");
	ok(wd_status_parse("yes,", &mask, &e) < 0, "an empty word is refused");
	ok(wd_role_parse("bewoner,gemeente", &mask, &e) == 0 && mask == (1u | 16u),
	   "roles as a mask");

	load(&pp, "people:\n"
		  "- {id: a, name: A, rsvp: 'yes', waiting: true, answered: 2026-11-20T12:00}\n"
		  "- {id: b, name: B, rsvp: 'yes', waiting: true, answered: 2026-11-20T10:00}\n"
		  "- {id: c, name: C, rsvp: 'yes', waiting: true}\n"
		  "- {id: d, name: D, rsvp: 'yes', answered: 2026-11-19T10:00}\n"
		  "- {id: e, name: E, rsvp: 'no', attended: true}\n"
		  "- {id: f, name: F, invitation: {sent: 2026-11-01}}\n"
		  "- {id: g, name: G}\n");
	ok(pp.n == 7, "seven people");
	n = wd_waiting_list(&pp, order);
	ok(n == 3 && order[0] == 1 && order[1] == 0 && order[2] == 2,
	   "the waiting list by time of answer; without a time last");
	is(wd_person_status(&pp.v[0]), "waiting", "waiting");
	is(wd_person_status(&pp.v[3]), "yes", "yes with a place");
	is(wd_person_status(&pp.v[4]), "attended", "came after all");
	ok(wd_person_states(&pp.v[4]) == (WD_ST_NO | WD_ST_ATTENDED),
	   "and still said no");
	is(wd_person_status(&pp.v[5]), "invited", "invited");
	is(wd_person_status(&pp.v[6]), "added", "added");
	is(wd_status_label("waiting", "nl"), "wachtlijst", "in Dutch");
	wd_people_release(&pp);
}

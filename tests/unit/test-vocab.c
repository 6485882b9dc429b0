/* test-vocab.c - the toolkit's words in English and Dutch */
#include "tap.h"
#include "vocab.h"

#include <string.h>

void test_vocab(void)
{
	is(wd_vocab_canon(WD_V_KIND, "droom"), "dream", "droom is a dream");
	is(wd_vocab_canon(WD_V_KIND, "Estafettestokje"), "baton",
	   "case does not matter");
	is(wd_vocab_canon(WD_V_KIND, "terugblik"), "feedback", "terugblik");
	is(wd_vocab_canon(WD_V_ROLE, "bewoner"), "resident", "bewoner");
	is(wd_vocab_canon(WD_V_ROLE, "gemeente"), "municipality", "gemeente");
	is(wd_vocab_canon(WD_V_ROLE, "zorg/welzijn"), "professional",
	   "zorg/welzijn");
	is(wd_vocab_canon(WD_V_STATUS, "bezig"), "underway", "bezig");
	is(wd_vocab_canon(WD_V_STATUS, "klaar"), "done", "klaar");
	is(wd_vocab_canon(WD_V_STATUS, "vervallen"), "dropped", "vervallen");
	is(wd_vocab_canon(WD_V_PHASE, "dromen"), "dream", "dromen");
	ok(wd_vocab_canon(WD_V_KIND, "drom") == NULL, "drom is not a kind");
	is(wd_vocab_suggest(WD_V_KIND, "drom"), "droom", "drom -> droom");
	is(wd_vocab_suggest(WD_V_KIND, "dreem"), "dream", "dreem -> dream");
	is(wd_vocab_suggest(WD_V_ROLE, "bewner"), "bewoner", "bewner -> bewoner");
	is(wd_vocab_suggest(WD_V_KIND, "verb"), "verbinding",
	   "a clear beginning is suggested");
	ok(wd_vocab_suggest(WD_V_KIND, "fiets") == NULL,
	   "nothing is suggested for a word far from all");
	is(wd_kind_phase("quote"), "discover", "a quote belongs to discover");
	is(wd_kind_phase("connection"), "design", "a connection to design");
	is(wd_kind_phase("action"), "deliver", "an action to deliver");
	is(wd_vocab_label(WD_V_ROLE, "resident", "nl"), "bewoner",
	   "labels in Dutch");
	is(wd_vocab_plural(WD_V_ROLE, "resident", "nl"), "bewoners",
	   "plurals in Dutch");
	is(wd_vocab_someone("resident", "nl"), "een bewoner",
	   "an anonymous resident is 'een bewoner'");
}

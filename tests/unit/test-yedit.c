/* test-yedit.c - edits change only what they mean to */
#include "tap.h"
#include "yedit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void load(struct wd_ydoc *d, const char *text)
{
	struct wd_error e;
	size_t n = strlen(text);
	char *src = malloc(n + 1);

	memcpy(src, text, n + 1);
	wd_ydoc_init(d);
	if (wd_ydoc_parse(d, "t.yaml", src, n, NULL, &e) < 0)
		printf("# cannot parse test input: %s\n", e.msg);
}

static const struct wd_ynode *at(const struct wd_ydoc *d, const char *k1,
				 const char *k2)
{
	const struct wd_ynode *n = k1 ? wd_ymap_get(d->root, k1) : d->root;

	return k2 ? wd_ymap_get(n, k2) : n;
}

static void result_is(struct wd_ydoc *d, int r, const char *want,
		      const char *what)
{
	if (r < 0)
		printf("# edit failed\n");
	is(r == 0 ? d->src : NULL, want, "%s", what);
	wd_ydoc_release(d);
}

static const char dialogue[] =
	"# Lombok, met de hand\n"
	"title:   'Thuis in Lombok'   # de titel\n"
	"x-eigen: {kleur: groen}\n"
	"\n"
	"start: 2027-02-06T14:00\n"
	"relay:\n"
	"  from: oost  # vorige\n"
	"questions:\n"
	"  dream:\n"
	"    - Hoe?\n";

void test_yedit(void)
{
	struct wd_ydoc d;
	struct wd_error e;
	const struct wd_ynode *n;

	load(&d, dialogue);
	result_is(&d, wd_yedit_map_set(&d, NULL, "title", "Thuis & weg", 0, &e),
		  "# Lombok, met de hand\n"
		  "title:   'Thuis & weg'   # de titel\n"
		  "x-eigen: {kleur: groen}\n\nstart: 2027-02-06T14:00\n"
		  "relay:\n  from: oost  # vorige\nquestions:\n  dream:\n"
		  "    - Hoe?\n",
		  "a single-quoted value stays single-quoted, comment kept");

	load(&d, dialogue);
	result_is(&d, wd_yedit_map_set(&d, NULL, "title", "it's", 0, &e),
		  "# Lombok, met de hand\n"
		  "title:   'it''s'   # de titel\n"
		  "x-eigen: {kleur: groen}\n\nstart: 2027-02-06T14:00\n"
		  "relay:\n  from: oost  # vorige\nquestions:\n  dream:\n"
		  "    - Hoe?\n",
		  "a quote inside single quotes is doubled");

	load(&d, dialogue);
	result_is(&d, wd_yedit_seq_append(&d, at(&d, "relay", NULL), "to",
					  "zuilen", 1, &e),
		  "# Lombok, met de hand\n"
		  "title:   'Thuis in Lombok'   # de titel\n"
		  "x-eigen: {kleur: groen}\n\nstart: 2027-02-06T14:00\n"
		  "relay:\n  from: oost  # vorige\n  to:\n    - zuilen\n"
		  "questions:\n  dream:\n    - Hoe?\n",
		  "a new list goes after the last key of its mapping");

	load(&d, dialogue);
	n = at(&d, "questions", NULL);
	result_is(&d, wd_yedit_seq_append(&d, n, "dream", "Wat: nu?", 1, &e),
		  "# Lombok, met de hand\n"
		  "title:   'Thuis in Lombok'   # de titel\n"
		  "x-eigen: {kleur: groen}\n\nstart: 2027-02-06T14:00\n"
		  "relay:\n  from: oost  # vorige\nquestions:\n  dream:\n"
		  "    - Hoe?\n    - \"Wat: nu?\"\n",
		  "an item is added at the list's indentation, quoted when needed");

	load(&d, dialogue);
	result_is(&d, wd_yedit_map_set(&d, at(&d, "x-eigen", NULL), "vorm",
				       "rond, vol", 0, &e),
		  "# Lombok, met de hand\n"
		  "title:   'Thuis in Lombok'   # de titel\n"
		  "x-eigen: {kleur: groen, vorm: \"rond, vol\"}\n\n"
		  "start: 2027-02-06T14:00\n"
		  "relay:\n  from: oost  # vorige\nquestions:\n  dream:\n"
		  "    - Hoe?\n",
		  "a key added to { } stays in it, commas quoted");

	load(&d, dialogue);
	result_is(&d, wd_yedit_map_remove(&d, at(&d, "relay", NULL), "from", &e),
		  "# Lombok, met de hand\n"
		  "title:   'Thuis in Lombok'   # de titel\n"
		  "x-eigen: {kleur: groen}\n\nstart: 2027-02-06T14:00\n"
		  "relay:\nquestions:\n  dream:\n    - Hoe?\n",
		  "removing a key removes its line");

	load(&d, "people:\n- id: a\n  name: A\n- id: b\n  name: B\n");
	result_is(&d, wd_yedit_seq_remove(&d, at(&d, "people", NULL), 0, &e),
		  "people:\n- id: b\n  name: B\n",
		  "removing a list item removes its lines");

	load(&d, "people:\n  - id: a\n    rsvp: \"no\"\n    name: A\n");
	n = at(&d, "people", NULL)->items[0];
	result_is(&d, wd_yedit_map_set(&d, n, "rsvp", "yes", 0, &e),
		  "people:\n  - id: a\n    rsvp: \"yes\"\n    name: A\n",
		  "a double-quoted answer changes in place");

	load(&d, "people:\n  - id: a\n    name: A\n");
	n = at(&d, "people", NULL)->items[0];
	result_is(&d, wd_yedit_map_set(&d, n, "rsvp", "yes", 0, &e),
		  "people:\n  - id: a\n    name: A\n    rsvp: \"yes\"\n",
		  "a word YAML 1.1 reads as true is quoted");

	load(&d, "people:\n  - id: a\n    name: A\n");
	n = at(&d, "people", NULL)->items[0];
	result_is(&d, wd_yedit_map_remove(&d, n, "id", &e),
		  "people:\n  - name: A\n",
		  "removing the first key of a list item keeps the dash");

	load(&d, "items:\n  - id: a\n    text: x\n");
	result_is(&d, wd_yedit_seq_append(&d, NULL, "items",
					  "id: b\nkind: dream\ntext: \"y\"\n", 0, &e),
		  "items:\n  - id: a\n    text: x\n  - id: b\n    kind: dream\n"
		  "    text: \"y\"\n",
		  "a block item is indented to fit");

	load(&d, "items: []\n");
	result_is(&d, wd_yedit_seq_append(&d, NULL, "items", "a", 1, &e),
		  "items: [a]\n", "an empty [ ] list gets its first item inside");

	load(&d, "tags: [a, b]  # t\n");
	result_is(&d, wd_yedit_seq_append(&d, NULL, "tags", "c d", 1, &e),
		  "tags: [a, b, c d]  # t\n", "a [ ] list grows in place");

	load(&d, "items:\n# nothing yet\nother: 1\n");
	result_is(&d, wd_yedit_seq_append(&d, NULL, "items", "id: a\n", 0, &e),
		  "items:\n  - id: a\n# nothing yet\nother: 1\n",
		  "an empty key gets a block list below it");

	load(&d, "a: 1\r\nb: 2\r\n");
	result_is(&d, wd_yedit_map_set(&d, NULL, "c", "3", WD_YE_TYPED, &e),
		  "a: 1\r\nb: 2\r\nc: 3\r\n", "a CRLF file gets CRLF lines");

	load(&d, "a: 1");
	result_is(&d, wd_yedit_map_set(&d, NULL, "b", "x", 0, &e),
		  "a: 1\nb: x\n", "a file without a final newline gets one before");

	load(&d, "");
	result_is(&d, wd_yedit_map_set(&d, NULL, "a", "multi\nline\t\"q\"", 0, &e),
		  "a: \"multi\\nline\\t\\\"q\\\"\"\n",
		  "an empty file gets its first key, escapes in double quotes");

	load(&d, "text: |\n  oud\n  tekst\n\nnext: 1\n");
	result_is(&d, wd_yedit_map_set(&d, NULL, "text", "nieuw", 0, &e),
		  "text: nieuw\n\nnext: 1\n",
		  "a block scalar is replaced, the lines after it kept");

	load(&d, "a: &x 1\nb: *x\n");
	ok(wd_yedit_map_set(&d, NULL, "a", "2", 0, &e) < 0 &&
	   e.code == EX_DATAERR && !strcmp(d.src, "a: &x 1\nb: *x\n"),
	   "a file with aliases is not changed");
	wd_ydoc_release(&d);

	load(&d, "a:\n  b: 1\n");
	result_is(&d, wd_yedit_map_set_block(&d, NULL, "a", "- x\n- y\n", &e),
		  "a:\n  - x\n  - y\n", "a block value replaces a block value");

	load(&d, "s: x\n");
	result_is(&d, wd_yedit_map_set(&d, NULL, "s", "- not a list", 0, &e),
		  "s: \"- not a list\"\n", "a leading dash is quoted");

	load(&d, "s: x\n");
	result_is(&d, wd_yedit_map_set(&d, NULL, "s", "a #b", 0, &e),
		  "s: \"a #b\"\n", "' #' is quoted");

	load(&d, "s: x\n");
	result_is(&d, wd_yedit_map_set(&d, NULL, "s", "line\xc2\x85next", 0, &e),
		  "s: \"line\\Nnext\"\n", "NEL is escaped, never a line break");
}

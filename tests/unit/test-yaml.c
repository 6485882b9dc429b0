/* test-yaml.c - the loader: marks, byte ranges, limits, bad input */
#include "tap.h"
#include "yaml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int load_n(struct wd_ydoc *d, const char *text, size_t n,
		  struct wd_error *e)
{
	char *src = malloc(n + 1);

	memcpy(src, text, n);
	src[n] = '\0';
	wd_ydoc_init(d);
	return wd_ydoc_parse(d, "t.yaml", src, n, NULL, e);
}

static int load(struct wd_ydoc *d, const char *text, struct wd_error *e)
{
	return load_n(d, text, strlen(text), e);
}

/* The bytes of a node, as written. */
static int span_is(const struct wd_ydoc *d, const struct wd_ynode *n,
		   const char *want, const char *what)
{
	size_t len = strlen(want);

	return ok(n && n->end - n->start == len &&
		  !memcmp(d->src + n->start, want, len), "%s spans '%s'", what,
		  want);
}

static void bad_n(const char *text, size_t n, unsigned line, unsigned col,
		  const char *words, const char *what)
{
	struct wd_ydoc d;
	struct wd_error e;
	int r;

	wd_error_clear(&e);
	r = load_n(&d, text, n, &e);
	ok(r < 0 && e.line == line && e.col == col &&
	   strstr(e.msg, words) != NULL && e.code == EX_DATAERR,
	   "%s: %u:%u %s", what, e.line, e.col, e.msg);
	wd_ydoc_release(&d);
}

static void bad(const char *text, unsigned line, unsigned col,
		const char *words, const char *what)
{
	bad_n(text, strlen(text), line, col, words, what);
}

void test_yaml(void)
{
	struct wd_ydoc d;
	struct wd_error e;
	const struct wd_ynode *n, *m;
	char *big;
	size_t i;

	{
		struct wd_ydoc d2;
		struct wd_error e2;
		const struct wd_ynode *v;

		ok(load(&d2, "a: b\nc:", &e2) == 0 &&
		   (v = wd_ymap_get(d2.root, "c")) && v->line == 2 && v->col == 3,
		   "an empty value at the end without a line break: on the last line (2:3)");
		wd_ydoc_release(&d2);
		ok(load(&d2, "? title", &e2) == 0 &&
		   (v = wd_ymap_get(d2.root, "title")) && v->line == 1,
		   "'? title' alone: its value on line 1, the file's only one");
		wd_ydoc_release(&d2);
	}
	ok(load(&d, "a: \"é\"\nb: ü  # c\nc:\n  - x\n  - {k: [1, 2]}\nd: |\n  lit\n\ne: ~\n",
		&e) == 0, "a document with UTF-8 loads");
	n = wd_ymap_get(d.root, "a");
	span_is(&d, n, "\"é\"", "a double-quoted value");
	ok(n->style == WD_YDOUBLE && !strcmp(n->s, "é"), "its value is é");
	n = wd_ymap_get(d.root, "b");
	span_is(&d, n, "ü", "a plain value after non-ASCII");
	ok(n->line == 2 && n->col == 4, "line and column are 1-based characters");
	n = wd_ymap_get(d.root, "c");
	ok(n->type == WD_YSEQ && n->n == 2, "a block list");
	m = n->items[1];
	span_is(&d, m, "{k: [1, 2]}", "a flow mapping");
	span_is(&d, wd_ymap_get(m, "k"), "[1, 2]", "a flow list");
	ok(wd_ymap_get(m, "k")->items[0]->in_flow, "items in [ ] know it");
	n = wd_ymap_get(d.root, "d");
	ok(n->style == WD_YLITERAL && !strcmp(n->s, "lit\n"), "a literal block");
	ok(wd_ynode_is_null(wd_ymap_get(d.root, "e")), "~ is null");
	ok(wd_ymap_get(d.root, "zz") == NULL, "a missing key is NULL");
	wd_ydoc_release(&d);

	ok(load(&d, "\xef\xbb\xbfx: 1\n", &e) == 0 && d.bom == 3 &&
	   !strcmp(wd_ymap_get(d.root, "x")->s, "1") &&
	   wd_ymap_get(d.root, "x")->start == 6, "a BOM is skipped, offsets count it");
	wd_ydoc_release(&d);
	ok(load(&d, "", &e) == 0 && d.root == NULL, "an empty file is an empty document");
	wd_ydoc_release(&d);
	ok(load(&d, "a: &x [1, 2]\nb: *x\n", &e) == 0 && d.has_alias &&
	   wd_ymap_get(d.root, "b")->n == 2, "a small alias is fine");
	wd_ydoc_release(&d);

	bad("title: a\n  b: c\n", 2, 4, "syntax error", "broken YAML");
	bad("title: a\n# x\ntitle: b\n", 3, 1, "duplicate key 'title'", "a duplicate key");
	bad("title: caf\xe9\n", 1, 11, "invalid UTF-8", "invalid UTF-8");
	bad_n("title: a\nb: c\x00" "d\n", 15, 2, 5, "NUL byte", "a NUL byte");
	bad("a: 1\n<<<<<<< HEAD\nb: 2\n=======\nb: 3\n>>>>>>> x\n", 2, 1,
	    "conflict marker", "a git conflict marker");
	bad("a: \"x\\by\"\n", 1, 4, "control character", "an escaped control character");
	bad("a: 1\n---\nb: 2\n", 2, 1, "more than one document", "two documents");
	bad("a: *nope\n", 1, 4, "unknown alias", "an unknown alias");
	bad("[1, 2]: x\n", 1, 1, "key must be", "a list as key");

	big = malloc(200010);
	memcpy(big, "a: ", 3);
	for (i = 0; i < 100000; i++)
		big[3 + i] = '[';
	for (i = 0; i < 100000; i++)
		big[100003 + i] = ']';
	memcpy(big + 200003, "\n", 2);
	bad(big, 1, 67, "nested too deeply", "100,000 levels of nesting");
	free(big);

	bad("a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
	    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
	    "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
	    "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
	    "f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n",
	    6, 36, "alias bomb", "an alias bomb");

	big = malloc((2u << 20) + 20);
	memcpy(big, "x: 1\ny: ", 8);
	memset(big + 8, 'v', 2u << 20);
	memcpy(big + 8 + (2u << 20), "\n", 2);
	bad(big, 2, 4, "value too long", "a 2 MiB value");
	free(big);

	{
		/* more than 16 keys: the sorted check finds duplicates too */
		char text[1024];
		size_t len = 0;

		for (i = 0; i < 40; i++)
			len += (size_t)snprintf(text + len, sizeof(text) - len,
						"k%zu: %zu\n", i, i);
		snprintf(text + len, sizeof(text) - len, "k7: again\n");
		bad(text, 41, 1, "duplicate key 'k7' (first on line 8)",
		    "a duplicate among many keys");
	}
}

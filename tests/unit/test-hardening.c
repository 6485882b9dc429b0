/*
 * test-hardening.c - regression tests for what fuzzing, fault injection
 * and the security tests found (see tests/fuzz, tests/t8*.t): one test
 * per bug, named after what broke.
 */
#include "csvio.h"
#include "error.h"
#include "tap.h"
#include "utf8.h"
#include "yedit.h"

#include <stdlib.h>
#include <string.h>

static int load(struct wd_ydoc *d, const char *text)
{
	struct wd_error e;
	size_t n = strlen(text);
	char *src = malloc(n + 1);

	wd_ydoc_init(d);
	if (!src)
		return -1;
	memcpy(src, text, n + 1);
	return wd_ydoc_parse(d, "t.yaml", src, n, NULL, &e);
}

static int load_fails(const char *text)
{
	struct wd_ydoc d;
	int r = load(&d, text);

	wd_ydoc_release(&d);
	return r < 0;
}

/* Edit `text` with `edit`, compare with `want` (NULL: the edit must fail). */
static void edit_is(const char *text, int (*edit)(struct wd_ydoc *d,
						  struct wd_error *e),
		    const char *want, const char *what)
{
	struct wd_ydoc d;
	struct wd_error e;
	int r;

	if (load(&d, text) < 0) {
		ok(0, "%s: the input does not load", what);
		wd_ydoc_release(&d);
		return;
	}
	wd_error_clear(&e);
	r = edit(&d, &e);
	if (!want)
		ok(r < 0 && e.code != EX_SOFTWARE && !strcmp(d.src, text),
		   "%s: refused (%s), unchanged", what, e.msg);
	else
		is(r == 0 ? d.src : e.msg, want, "%s", what);
	wd_ydoc_release(&d);
}

static int remove_first(struct wd_ydoc *d, struct wd_error *e)
{
	/* the first sequence: the root's, or the value of its first key */
	const struct wd_ynode *s = d->root->type == WD_YSEQ ? d->root->items[0] :
				   d->root->items[1];

	return wd_yedit_seq_remove(d, s, 0, e);
}

static int set_a(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_map_set(d, wd_ymap_get(d->root, "m"), "a", "v", 0, e);
}

static int set_b_c1(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_map_set(d, NULL, "b", "x\xc2\x80y\xef\xbf\xbe", 0, e);
}

static int set_k(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_map_set(d, NULL, "k", "a", 0, e);
}

/* n: 2, a number (plain); the text "2" is quoted, as in a block mapping */
static int set_n(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_map_set(d, wd_ymap_get(d->root, "m"), "n", "2",
				WD_YE_TYPED, e);
}

static int set_n_text(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_map_set(d, wd_ymap_get(d->root, "m"), "n", "2", 0, e);
}

static int add_x(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_seq_append(d, NULL, "l", "x", 1, e);
}

static int remove_a(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_map_remove(d, wd_ymap_get(d->root, "m"), "a", e);
}

static int remove_a_item(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_map_remove(d, d->root->items[0], "a", e);
}

static int set_k_empty(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_map_set(d, NULL, "k", "", 0, e);
}

static int remove_second(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_seq_remove(d, d->root, 1, e);
}

static int remove_place(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_map_remove(d, NULL, "place", e);
}

static int set_place(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_map_set(d, NULL, "place", "West", 0, e);
}

static int set_time(struct wd_ydoc *d, struct wd_error *e)
{
	return wd_yedit_map_set(d, d->root->items[0], "at",
				"2026-11-22T09:00:00+01:00", WD_YE_TYPED, e);
}

static void test_yedit_found(void)
{
	edit_is("- - a\n  - b\n- c\n", remove_first, "- - b\n- c\n",
		"seq_remove: the first item of \"- - a\" keeps the outer dash");
	edit_is("hosts:\n- anna\nx: 1\n", remove_first, "hosts:\n  []\nx: 1\n",
		"seq_remove: the only item of a compact list leaves an indented []");
	edit_is("k:\n- |\n  x\nz: 1\n", remove_first, "k:\n  []\nz: 1\n",
		"seq_remove: the only item, a block scalar, leaves [] on a line of its own");
	edit_is("k:\r\n  - a: >\r\n      x\r\n\r\nz: 1\r\n", remove_first,
		"k:\r\n    []\r\n\r\nz: 1\r\n",
		"seq_remove: ... a mapping ending in a block scalar, the blank line and CRLF kept");
	edit_is("k:\n  &n\nz: 1\n", set_k, "k:\n  &n a\nz: 1\n",
		"map_set: an empty value's anchor on the next line stays before the value");
	edit_is("k:\n- |\n  x\nz: 1\n", set_k, "k: a\nz: 1\n",
		"map_set: a list ending in a block scalar becomes a value, the next key kept");
	edit_is("- a: |\n    x\n\n- b\n", remove_a_item, "- {}\n\n- b\n",
		"map_remove: \"- a: |\" leaves {} and the next item on its line");
	edit_is("m: {a: {b: 1\r\n, }\r\n, }\r\n", remove_a, "m: {}\r\n",
		"map_remove: the only key of { } takes its comma on the next line");
	edit_is("m: [a # c\n, ]\n", remove_first, "m: []\n",
		"seq_remove: the only item of [ ] takes its comma past a comment");
	edit_is("k: <0n\t\n \t\t#\n", set_k_empty, NULL,
		"map_set: a file indented with a tab that a change would break is refused");
	edit_is("l:\n    &n\nz: 1\n", add_x, "l:\n  - x\nz: 1\n",
		"seq_append: an empty value's anchor on the next line is replaced by the list");
	edit_is("a: [1]#?\nplace: Oost\n", set_place, "a: [1]#?\nplace: West\n",
		"map_set: a '?' in a comment right after ']' is no '? key'");
	edit_is("a: 'x'#?\nplace: Oost\n", set_place, "a: 'x'#?\nplace: West\n",
		"map_set: ... nor right after a quoted value");
	edit_is("l: &n # keep\nz: 1\n", add_x, "l: &n # keep\n  - x\nz: 1\n",
		"seq_append: an anchor and a comment on the key's line stay, the list below");
	edit_is("m: {a:\n&x}\n", set_n, "m: {a:\n&x, n: 2}\n",
		"map_set: in { }, a new key goes after an empty value's anchor on the next line");
	edit_is("- >-\n a\n-\n  \n- b\n", remove_second, "- >-\n a\n- b\n",
		"seq_remove: a blank line after the item goes too, not into the block scalar above");
	edit_is("k: >-\n a\nplace:\n  \nz: 1\n", remove_place, "k: >-\n a\nz: 1\n",
		"map_remove: ... and after a key");
	edit_is("- a\n- b\n\n# next\n", remove_second, "- a\n\n# next\n",
		"seq_remove: the blank line after the last item stays when nothing would take it in");
	edit_is("- |+\n  a\n- b\n\n", remove_second, "- |+\n  a\n",
		"seq_remove: ... and goes when a block scalar would (|+ keeps blank lines)");
	edit_is("- |\n  a\n- b\n  # note\n", remove_second, NULL,
		"seq_remove: an item between block text and an indented comment is refused");
	edit_is("- |\n  a\n- b\n# note\n", remove_second, "- |\n  a\n# note\n",
		"seq_remove: ... a comment at the list's own indentation is no problem");
	edit_is("l: !t # [no]\n  []\n", add_x, "l: !t # [no]\n  [x]\n",
		"seq_append: into [] after a tag and a comment with a bracket in it");
	edit_is("m: {a: 1, }\n", set_n, "m: {a: 1, n: 2, }\n",
		"map_set: a trailing comma in { } stays one comma");
	edit_is("m: {a: 1, }\n", set_n_text, "m: {a: 1, n: \"2\", }\n",
		"map_set: in { }, the text \"2\" is quoted (it would read as a number)");
	edit_is("m: {a: 1, }\n", remove_a, "m: {}\n",
		"map_remove: the only key of {a: 1, } takes its comma");
	edit_is("m: [a, ]\n", remove_first, "m: []\n",
		"seq_remove: the only item of [a, ] takes its comma");
	edit_is("m: {a}\n", set_a, "m: {a: v}\n",
		"map_set: {a} (no ':') gets one after the key");
	edit_is("m: {a: }\n", set_n, "m: {a: , n: 2}\n",
		"map_set: after an empty value in { }, a ', '");
	edit_is("m: {a: 1  # note\n}\n", set_n, "m: {a: 1, n: 2  # note\n}\n",
		"map_set: in { }, not inside a trailing comment");
	edit_is("l: [a, ]\n", add_x, "l: [a, x, ]\n",
		"seq_append: [a, ] keeps one comma");
	edit_is("\xef\xbb\xbfk: 1\n", set_b_c1,
		"\xef\xbb\xbfk: 1\nb: \"x\\x80y\\uFFFE\"\n",
		"map_set: after a BOM, no indentation; C1 controls and U+FFFE escaped");
	edit_is("k: |\n  lit\n", set_k, "k: a\n",
		"map_set: a block scalar is replaced whole");
	edit_is("k:\n|\n", set_k, "k:\n  a\n",
		"map_set: a block scalar header on its own line: the value goes in");
	edit_is("k: [a]#x\n", set_k, "k: \"a\"#x\n",
		"map_set: a value right before '#' is quoted, not run into it");
	edit_is("? k\n: 1\nplace: Oost\n", set_place, NULL,
		"map_set: a mapping with '? key' is refused");
	edit_is("question: Wat werkt hier?\nplace: Oost\n", set_place,
		"question: Wat werkt hier?\nplace: West\n",
		"map_set: a value ending in '?' before a key is no '? key'");
	edit_is("? # note\n  k\n: 1\nplace: Oost\n", set_place, NULL,
		"map_set: a '? key' with a comment before its key is refused");
	edit_is("m: {  ?  # note\n a }\n", remove_a, NULL,
		"map_remove: a '? key' in { } behind a comment is refused");
	edit_is("m: {x: 1, ?\n a, b: w#x?\n}\nplace: Oost\n", remove_a, NULL,
		"map_remove: '?' after an entry in { } is a '? key'");
	edit_is("q: 'Why?' # ok?\nplace: Oost\n", set_place,
		"q: 'Why?' # ok?\nplace: West\n",
		"map_set: a '?' in a comment or a value is no '? key'");
	edit_is("a: 1\rplace: Oost\r", set_place, NULL,
		"map_set: a file with CR line ends is refused, not mangled");
	/*
	 * libyaml refuses a BOM before a key after the first line (YAML
	 * allows one only where a document starts), but reads one at the
	 * start of a line before the first key or on a line of its own: a
	 * file the editor cannot count lines in, refused.
	 */
	ok(load_fails("a: 1\n\xef\xbb\xbfplace: Oost\n"),
	   "load: a BOM before a key inside the file is a syntax error");
	edit_is("a: 1\n\xef\xbb\xbf\nplace: Oost\n", set_place, NULL,
		"map_set: a BOM on a line of its own inside the file is refused");
	edit_is("# c\n\xef\xbb\xbfplace: Oost\n", set_place, NULL,
		"map_set: a BOM after a comment line is refused");
	edit_is("- {id: p, rsvp: x}\n", set_time,
		"- {id: p, rsvp: x, at: 2026-11-22T09:00:00+01:00}\n",
		"map_set: in { }, a time stays plain (':' before a digit)");
}

static int set_deep(struct wd_ydoc *d, struct wd_error *e)
{
	const struct wd_ynode *m = d->root;

	while (m && wd_ymap_get(m, "a"))
		m = wd_ymap_get(m, "a");
	return wd_yedit_seq_append(d, m, "list", "k: v\n", 0, e);
}

static void test_yedit_leak(void)
{
	struct wd_buf b = WD_BUF_INIT(0);
	struct wd_ydoc d;
	struct wd_error e;
	int i, r;

	/* 40 levels of 8 spaces: too deep for a new block: no leak */
	for (i = 0; i < 40; i++) {
		int j;

		for (j = 0; j < i * 8; j++)
			wd_buf_addc(&b, ' ');
		wd_buf_adds(&b, "a:\n");
	}
	for (i = 0; i < 40 * 8; i++)
		wd_buf_addc(&b, ' ');
	wd_buf_adds(&b, "z: 1\n");
	if (load(&d, b.ptr) == 0) {
		r = set_deep(&d, &e);
		ok(r < 0 && strstr(e.msg, "nested too deeply"),
		   "seq_append too deep: refused (%s), nothing leaked (ASan, valgrind)",
		   e.msg);
	} else {
		ok(0, "the deep document loads");
	}
	wd_ydoc_release(&d);
	wd_buf_release(&b);
}

static const struct wd_csv_col cols[] = {
	{ "name", { "name", "naam" }, 1 },
	{ "note", { "note" }, 0 },
};

static void test_csv_found(void)
{
	struct wd_csv c;
	struct wd_error e;
	struct wd_buf big = WD_BUF_INIT(0);
	const char *t = "name,note\rAnna,een\rBen,\"twee\"\r\"Cor\",drie\r";
	int i, r;

	wd_csv_init(&c);
	r = wd_csv_read(&c, t, strlen(t), "mac.csv", NULL, cols, 2, &e);
	ok(r == 0 && c.nrows == 3 && c.rows[0].line == 2 &&
	   c.rows[2].line == 4, "CR line ends (old Mac): rows on their own lines");
	wd_csv_release(&c);

	t = "name,note\rAnna,\"open\rBen,x\r";
	wd_csv_init(&c);
	r = wd_csv_read(&c, t, strlen(t), "mac.csv", NULL, cols, 2, &e);
	ok(r < 0 && e.line == 2, "CR line ends: a broken quote at its line (%u)",
	   e.line);
	wd_csv_release(&c);

	/* a header cell folding to more than 256 bytes: unknown, not OOM */
	for (i = 0; i < 200; i++)
		wd_buf_adds(&big, "\xc5\x93");	/* oe */
	wd_buf_adds(&big, ",name\nx,y\n");
	wd_csv_init(&c);
	r = wd_csv_read(&c, big.ptr, big.len, "wide.csv", NULL, cols, 2, &e);
	ok(r < 0 && e.code == EX_DATAERR && strstr(e.msg, "unknown column"),
	   "a very long header: an unknown column, not out of memory (%s)",
	   e.msg);
	wd_csv_release(&c);
	wd_buf_release(&big);
}

static void test_text_check(void)
{
	struct wd_error e;

	ok(wd_text_check("Café \"x\"\tmet\nregels", 0, "t", &e) == 0,
	   "text: UTF-8, tabs and line breaks are fine");
	ok(wd_text_check("a\033[2Jb", 0, "--title", &e) < 0 &&
	   e.code == EX_DATAERR && strstr(e.msg, "U+001B"),
	   "text: a control character is refused: %s", e.msg);
	ok(wd_text_check("caf\xe9", 0, "--title", &e) < 0 &&
	   strstr(e.msg, "UTF-8"), "text: invalid UTF-8 is refused: %s", e.msg);
	ok(wd_text_check("a\nb", 1, "--title", &e) < 0 &&
	   strstr(e.msg, "one line"), "text: one line when asked: %s", e.msg);
	ok(wd_text_check("x\x7f", 0, "t", &e) < 0, "text: DEL is refused");
}

static void test_diag_oom(void)
{
	struct wd_problems all;
	struct wd_error first, oom;
	struct wd_diag d;

	wd_problems_init(&all);
	wd_diag_init(&d, &first, &all);
	wd_error_oom(&oom);
	wd_diag_error(&d, &oom);
	ok(d.failed, "a problem that is running out of memory fails the run");
	wd_problems_release(&all);
}

void test_hardening(void)
{
	test_yedit_found();
	test_yedit_leak();
	test_csv_found();
	test_text_check();
	test_diag_oom();
}

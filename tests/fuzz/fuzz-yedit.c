/*
 * fuzz-yedit.c - the format-preserving editor: a random edit of a random
 * document changes that and nothing else
 *
 * Input: byte 0 the edit (map_set, map_remove, seq_append of a scalar or
 * of a mapping, seq_remove), byte 1 which collection of the document,
 * byte 2 which key (one the mapping has, or a new one), byte 3 the length
 * L of the value, then L bytes of value (up to a NUL), then the document.
 *
 * Promised, for every document the loader accepts (without aliases,
 * which the editor refuses to change):
 *  - an edit that fails leaves the document byte for byte as it was, and
 *    fails only for what the editor documents: a block value in a flow
 *    collection, a key added to "[a: 1]", too deep, "should be a list",
 *    a mapping with "? key" or a key on two lines, a line break other
 *    than LF or CRLF or a BOM inside the file; "the change would make
 *    the file invalid" is a bug when the value is valid UTF-8 without
 *    control characters (other than tab and line breaks) and the
 *    document has no tags or anchors (!x, &x: the toolkit writes none);
 *  - an edit that works gives a document that parses again, is byte for
 *    byte the old one outside the edited collection, and, as a tree, is
 *    the old one with exactly that change (but for a block scalar at the
 *    end of a file without a final line break, which gains one).
 *
 * To fuzz a new edit, add it to apply() and choose(), with the check of
 * its result in check_changed().
 */
#include "fuzz.h"

#include "utf8.h"
#include "yedit.h"

#include <string.h>

#define MAX_PICKS 256
#define MAX_DEPTH 80

/* A collection of the document and how to reach it from the root. */
struct pick {
	const struct wd_ynode *node;
	size_t path[MAX_DEPTH];
	size_t depth;
};

struct edit {
	int op;
	const char *key;	/* map edits: points to keybuf */
	char keybuf[1024];
	char value[256];
	size_t index;		/* seq_remove */
	struct pick at;		/* the collection edited */
	const struct wd_ynode *old_key_value;
};

static const char *const new_keys[] = {
	"status", "history", "tags", "items", "note", "to", "a", "x_y",
	"title", "owner",
};

static void collect(const struct wd_ynode *n, struct pick *cur,
		    struct pick *picks, size_t *np)
{
	size_t i, kids;

	if (!n || n->type == WD_YSCALAR || cur->depth >= MAX_DEPTH)
		return;
	if (*np < MAX_PICKS) {
		picks[*np] = *cur;
		picks[*np].node = n;
		(*np)++;
	}
	kids = n->type == WD_YMAP ? 2 * n->n : n->n;
	for (i = n->type == WD_YMAP ? 1 : 0; i < kids;
	     i += n->type == WD_YMAP ? 2 : 1) {
		cur->path[cur->depth++] = i;
		collect(n->items[i], cur, picks, np);
		cur->depth--;
	}
}

static const struct wd_ynode *follow(const struct wd_ydoc *d,
				     const struct pick *p)
{
	const struct wd_ynode *n = d->root;
	size_t i, kids;

	for (i = 0; n && i < p->depth; i++) {
		if (n->type == WD_YSCALAR)
			return NULL;
		kids = n->type == WD_YMAP ? 2 * n->n : n->n;
		n = p->path[i] < kids ? n->items[p->path[i]] : NULL;
	}
	return n;
}

static int same_tag(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* The same tree: types, values and tags, not positions or quoting. */
static int same(const struct wd_ynode *a, const struct wd_ynode *b)
{
	size_t i, kids;

	if (!a || !b)
		return a == b;
	if (a->type != b->type || !same_tag(a->tag, b->tag))
		return 0;
	/*
	 * A block scalar at the end of a file without a final line break
	 * gets one when something is added after it ("|\n  a" then reads
	 * "a\n", not "a"): the one change the editor makes beyond its own.
	 */
	if (a->type == WD_YSCALAR && (a->style == WD_YLITERAL ||
				      a->style == WD_YFOLDED) &&
	    b->len == a->len + 1 && b->s[a->len] == '\n')
		return !memcmp(a->s, b->s, a->len);
	if (a->type == WD_YSCALAR)
		return a->len == b->len && !memcmp(a->s, b->s, a->len);
	if (a->n != b->n)
		return 0;
	kids = a->type == WD_YMAP ? 2 * a->n : a->n;
	for (i = 0; i < kids; i++)
		if (!same(a->items[i], b->items[i]))
			return 0;
	return 1;
}

static int scalar_is(const struct wd_ynode *n, const char *v)
{
	return n && n->type == WD_YSCALAR && n->len == strlen(v) &&
	       !memcmp(n->s, v, n->len);
}

/* The block a seq_append of a mapping adds: "value: <v>" and "n: 1". */
static int block_of(struct wd_buf *b, const char *v)
{
	return wd_yemit_pair(b, "value", v, 0) < 0 ||
	       wd_yemit_pair(b, "n", "1", WD_YE_TYPED) < 0 ? -1 : 0;
}

static int item_ok(const struct wd_ynode *it, const struct edit *e)
{
	if (e->op == 2)
		return scalar_is(it, e->value);
	return it && it->type == WD_YMAP && it->n == 2 &&
	       scalar_is(it->items[0], "value") &&
	       scalar_is(it->items[1], e->value) &&
	       scalar_is(it->items[2], "n") && scalar_is(it->items[3], "1");
}

/* old mapping `a` and new `b`: the same but for key `key`. */
static int same_but_key(const struct wd_ynode *a, const struct wd_ynode *b,
			const char *key, int removed)
{
	size_t i, j = 0;

	for (i = 0; i < a->n; i++) {
		if (scalar_is(a->items[2 * i], key))
			continue;
		while (j < b->n && scalar_is(b->items[2 * j], key))
			j++;
		if (j == b->n || !same(a->items[2 * i], b->items[2 * j]) ||
		    !same(a->items[2 * i + 1], b->items[2 * j + 1]))
			return 0;
		j++;
	}
	while (j < b->n && scalar_is(b->items[2 * j], key) && !removed)
		j++;
	return j == b->n;
}

/* The new collection is the old one with the edit made. */
static void check_changed(const struct wd_ynode *old, const struct wd_ynode *now,
			  const struct edit *e)
{
	const struct wd_ynode *v;
	size_t i, j;

	FUZZ_CHECK(now, "the edited collection is gone");
	if (e->op == 4) {
		FUZZ_CHECK(now->type == WD_YSEQ && now->n + 1 == old->n,
			   "seq_remove: %zu items, was %zu", now->n, old->n);
		for (i = j = 0; i < old->n; i++)
			if (i != e->index)
				FUZZ_CHECK(same(old->items[i], now->items[j++]),
					   "seq_remove changed item %zu", i);
		return;
	}
	/* the last key gone, a block mapping is nothing ("key:"), a list
	 * item's "- k: v" becomes "{}" */
	if (e->op == 1 && old->n == 1 && now->type == WD_YSCALAR && !now->len)
		return;		/* (with the mapping's tag, if it had one) */
	FUZZ_CHECK(now->type == WD_YMAP, "the mapping became type %d", now->type);
	FUZZ_CHECK(same_but_key(old, now, e->key, e->op == 1),
		   "keys other than '%s' changed", e->key);
	v = wd_ymap_get(now, e->key);
	switch (e->op) {
	case 0:
		FUZZ_CHECK(scalar_is(v, e->value), "map_set: not the value");
		break;
	case 1:
		FUZZ_CHECK(!wd_ymap_key(now, e->key), "map_remove: still there");
		break;
	default:
		FUZZ_CHECK(v && v->type == WD_YSEQ && v->n >= 1,
			   "seq_append: no list");
		FUZZ_CHECK(item_ok(v->items[v->n - 1], e), "seq_append: not the item");
		if (e->old_key_value && e->old_key_value->type == WD_YSEQ) {
			FUZZ_CHECK(v->n == e->old_key_value->n + 1,
				   "seq_append: %zu items, was %zu", v->n,
				   e->old_key_value->n);
			for (i = 0; i < e->old_key_value->n; i++)
				FUZZ_CHECK(same(e->old_key_value->items[i], v->items[i]),
					   "seq_append changed item %zu", i);
		} else {
			FUZZ_CHECK(v->n == 1, "seq_append to nothing: %zu items", v->n);
		}
	}
}

/* Everything off the path to the edited collection is as it was. */
static void check_tree(const struct wd_ynode *old, const struct wd_ynode *now,
		       const struct edit *e, size_t depth)
{
	size_t i, kids;

	if (depth == e->at.depth) {
		check_changed(old, now, e);
		return;
	}
	FUZZ_CHECK(now && now->type == old->type && now->n == old->n,
		   "a collection on the way changed");
	kids = old->type == WD_YMAP ? 2 * old->n : old->n;
	for (i = 0; i < kids; i++) {
		if (i == e->at.path[depth])
			check_tree(old->items[i], now->items[i], e, depth + 1);
		else
			FUZZ_CHECK(same(old->items[i], now->items[i]),
				   "child %zu at depth %zu changed", i, depth);
	}
}

static size_t line_start(const char *s, size_t pos)
{
	while (pos > 0 && s[pos - 1] != '\n')
		pos--;
	return pos;
}

static size_t after_line(const char *s, size_t len, size_t pos)
{
	if (pos > 0 && s[pos - 1] == '\n')
		return pos;
	while (pos < len && s[pos] != '\n')
		pos++;
	return pos < len ? pos + 1 : pos;
}

static size_t past_blanks(const char *s, size_t len, size_t pos)
{
	size_t p = pos;

	while (p < len) {
		while (p < len && (s[p] == ' ' || s[p] == '\t' || s[p] == '\r'))
			p++;
		if (p < len && s[p] != '\n')
			break;
		pos = p = p < len ? p + 1 : p;
	}
	return pos;
}

/* Outside the edited collection's lines, not a byte changed. */
static void check_bytes(const char *old, size_t olen, const char *now,
			size_t nlen, const struct wd_ynode *c)
{
	size_t from = 0, to = olen, tail;

	if (c && c->style == WD_YFLOW) {
		from = c->start;
		to = c->end;
	} else if (c) {
		from = line_start(old, c->start);
		to = after_line(old, olen, c->end);
	}
	tail = olen - to;
	/* lines of blanks right after it may go with its last entry (a
	 * block scalar above would take them in) */
	if (!(nlen >= tail && !memcmp(old + to, now + nlen - tail, tail)))
		to = past_blanks(old, olen, to);
	tail = olen - to;
	FUZZ_CHECK(nlen >= from + tail && !memcmp(old, now, from) &&
		   !memcmp(old + to, now + nlen - tail, tail),
		   "bytes outside the collection's %zu..%zu changed", from, to);
}

/* Valid UTF-8, no control characters but tab and line breaks. */
static int clean_value(const char *v)
{
	size_t bad, i;

	if (wd_utf8_check(v, strlen(v), &bad) < 0)
		return 0;
	for (i = 0; v[i]; i++) {
		unsigned char c = (unsigned char)v[i];

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
			return 0;
	}
	return 1;
}

/*
 * Whether the document may use tags (!x) or anchors (&x): the toolkit
 * writes neither, and the editor's promise to always manage leaves
 * them out (it still must never change them wrongly).
 */
static int tags_or_anchors(const struct wd_ydoc *d)
{
	return memchr(d->src, '!', d->len) || memchr(d->src, '&', d->len);
}

static int documented_failure(const struct wd_error *err, const struct edit *e,
			      const struct wd_ydoc *before)
{
	if (err->code == EX_DATAERR)
		return strstr(err->msg, "should be a list") ||
		       strstr(err->msg, "'? key'") ||
		       strstr(err->msg, "a tab in the indentation") ||
		       strstr(err->msg, "would take in the indented lines") ||
		       strstr(err->msg, "cannot remove this here") ||
		       strstr(err->msg, "line break other than");
	if (err->code != EX_SOFTWARE)
		return 0;
	if (strstr(err->msg, "cannot add a block value") ||
	    strstr(err->msg, "cannot add a key to a pair") ||
	    strstr(err->msg, "nested too deeply"))
		return 1;
	return strstr(err->msg, "would make the file invalid") &&
	       (!clean_value(e->value) || tags_or_anchors(before));
}

static int apply(struct wd_ydoc *d, struct edit *e, struct wd_error *err)
{
	const struct wd_ynode *c = e->at.node;
	struct wd_buf b = WD_BUF_INIT(0);
	int r;

	switch (e->op) {
	case 0:
		return wd_yedit_map_set(d, c, e->key, e->value, 0, err);
	case 1:
		return wd_yedit_map_remove(d, c, e->key, err);
	case 2:
		return wd_yedit_seq_append(d, c, e->key, e->value, 1, err);
	case 3:
		if (block_of(&b, e->value) < 0) {
			wd_buf_release(&b);
			return wd_error_oom(err);
		}
		r = wd_yedit_seq_append(d, c, e->key, b.ptr, 0, err);
		wd_buf_release(&b);
		return r;
	default:
		return wd_yedit_seq_remove(d, c, e->index, err);
	}
}

/* The edit the input asks for; 0 when there is one to make. */
static int choose(const struct wd_ydoc *d, const uint8_t *data, size_t size,
		  struct edit *e, size_t *used)
{
	static struct pick picks[MAX_PICKS], cur;
	size_t np = 0, vlen;
	const struct wd_ynode *c;

	if (size < 4)
		return -1;
	memset(e, 0, sizeof(*e));
	e->op = data[0] % 5;
	vlen = data[3] < size - 4 ? data[3] : size - 4;
	memcpy(e->value, data + 4, vlen);
	e->value[vlen] = '\0';
	*used = 4 + vlen;
	cur.depth = 0;
	collect(d->root, &cur, picks, &np);
	if (!np) {
		if (d->root || e->op == 4)
			return -1;	/* a lone scalar, or nothing to remove */
		e->key = new_keys[data[2] % 10];
		return 0;	/* the empty document: its root mapping */
	}
	e->at = picks[data[1] % np];
	c = e->at.node;
	if (e->op == 4) {
		if (c->type != WD_YSEQ || !c->n)
			return -1;
		e->index = data[2] % c->n;
		return 0;
	}
	if (c->type != WD_YMAP)
		return -1;
	/* the nodes go when the document changes: a copy of the key */
	snprintf(e->keybuf, sizeof(e->keybuf), "%s",
		 c->n && data[2] < 128 ? c->items[2 * (data[2] % c->n)]->s :
		 new_keys[data[2] % 10]);
	e->key = e->keybuf;
	if (!*e->key || strchr(e->key, '\n'))
		return -1;
	e->old_key_value = wd_ymap_get(c, e->key);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wd_ydoc d, before;
	struct wd_error err;
	struct edit e;
	size_t used;
	char *src, *src2;

	if (size < 4)
		return 0;
	used = 4 + (data[3] < size - 4 ? data[3] : size - 4);
	src = malloc(size - used + 1);
	src2 = malloc(size - used + 1);
	if (!src || !src2) {
		free(src);
		free(src2);
		return 0;
	}
	memcpy(src, data + used, size - used);
	src[size - used] = '\0';
	memcpy(src2, src, size - used + 1);
	wd_ydoc_init(&d);
	wd_ydoc_init(&before);
	/* each document owns its source from here on, parsed or not */
	if (wd_ydoc_parse(&d, "fuzz.yaml", src, size - used, NULL, &err) < 0) {
		free(src2);
		goto out;
	}
	if (wd_ydoc_parse(&before, "fuzz.yaml", src2, size - used, NULL, &err) < 0 ||
	    d.has_alias || choose(&d, data, size, &e, &used) < 0)
		goto out;
	wd_error_clear(&err);
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "op %d key '%s' value '%s' index %zu depth %zu\n"
			"--- document\n%s---\n", e.op, e.key ? e.key : "",
			e.value, e.index, e.at.depth, before.src);
	if (apply(&d, &e, &err) < 0) {
		FUZZ_CHECK(d.len == before.len && !memcmp(d.src, before.src, d.len),
			   "a failed edit changed the document");
		FUZZ_CHECK(documented_failure(&err, &e, &before),
			   "op %d key '%s' failed: %s",
			   e.op, e.key ? e.key : "", err.msg);
		goto out;
	}
	if (getenv("FUZZ_VERBOSE"))
		fprintf(stderr, "--- after\n%s---\n", d.src);
	if (!before.root && e.op == 1)
		goto out;	/* nothing to remove from nothing */
	if (!d.root) {
		/* removing the only key of the root leaves an empty document */
		FUZZ_CHECK(e.op == 1 && !e.at.depth && before.root->n == 1,
			   "an edit left an empty document");
		goto out;
	}
	check_bytes(before.src, before.len, d.src, d.len,
		    e.at.node ? follow(&before, &e.at) : NULL);
	if (e.at.node) {
		e.at.node = follow(&before, &e.at);
		e.old_key_value = e.key ? wd_ymap_get(e.at.node, e.key) : NULL;
		check_tree(before.root, d.root, &e, 0);
	} else {
		FUZZ_CHECK(d.root->type == WD_YMAP && d.root->n == 1,
			   "the empty document did not get its key");
	}
out:
	wd_ydoc_release(&d);
	wd_ydoc_release(&before);
	return 0;
}

/*
 * fuzz-yaml.c - the YAML record loader: any bytes, as each kind of file
 *
 * The input is parsed (wd_ydoc_parse) as it would be read from disk, and
 * a parsed document is read as every record the toolkit has: wd.yaml
 * settings, dialogue.yaml, people.yaml, contacts.yaml and a harvest
 * file.  Promised: no crash, no leak, no undefined behaviour; a failure
 * is EX_DATAERR (bad input) naming a spot inside the input; every node
 * lies inside the source, its children inside it.
 *
 * To cover a new kind of file, add a reader to `readers` below.
 */
#include "fuzz.h"

#include "dialogue.h"
#include "item.h"
#include "people.h"
#include "ws.h"

#include <string.h>

/* Lines as YAML counts them: LF, CRLF, CR, NEL, LS and PS end one. */
static unsigned lines_of(const uint8_t *d, size_t size)
{
	unsigned n = 1;
	size_t i;

	for (i = 0; i < size; i++)
		n += d[i] == '\n' || (d[i] == '\r' && (i + 1 == size || d[i + 1] != '\n')) ||
		     (d[i] == 0xc2 && i + 1 < size && d[i + 1] == 0x85) ||
		     (d[i] == 0xe2 && i + 2 < size && d[i + 1] == 0x80 &&
		      (d[i + 2] == 0xa8 || d[i + 2] == 0xa9));
	return n;
}

/* A private copy, NUL-terminated as wd_read_file() leaves it. */
static char *copy(const uint8_t *data, size_t size)
{
	char *src = malloc(size + 1);

	if (src) {
		memcpy(src, data, size);
		src[size] = '\0';
	}
	return src;
}

/* Every node inside the source, children inside their collection. */
static void check_node(const struct wd_ydoc *d, const struct wd_ynode *n,
		       unsigned depth, size_t *budget)
{
	size_t i, kids;

	if (!n || !*budget)
		return;
	(*budget)--;
	FUZZ_CHECK(n->start <= n->end && n->end <= d->len,
		   "node %zu..%zu in %zu bytes", n->start, n->end, d->len);
	FUZZ_CHECK(n->line >= 1 && n->col >= 1, "node at %u:%u", n->line, n->col);
	FUZZ_CHECK(depth <= 64, "depth %u", depth);
	if (n->type == WD_YSCALAR) {
		FUZZ_CHECK(n->s && strlen(n->s) <= n->len, "scalar length");
		return;
	}
	kids = n->type == WD_YMAP ? 2 * n->n : n->n;
	for (i = 0; i < kids; i++) {
		FUZZ_CHECK(n->items[i], "a missing child");
		if (n->type == WD_YMAP && i % 2 == 0)
			FUZZ_CHECK(n->items[i]->type == WD_YSCALAR, "a key that is not a scalar");
		if (!d->has_alias)
			FUZZ_CHECK(n->items[i]->start >= n->start &&
				   n->items[i]->end <= n->end,
				   "child %zu..%zu outside %zu..%zu",
				   n->items[i]->start, n->items[i]->end,
				   n->start, n->end);
		check_node(d, n->items[i], depth + 1, budget);
	}
}

/* Parse into `d`; checks what a failure says. 0 when it parsed. */
static int parse(struct wd_ydoc *d, const uint8_t *data, size_t size)
{
	struct wd_error e;
	size_t budget = 100000;
	char *src = copy(data, size);

	wd_ydoc_init(d);
	if (!src)
		return -1;
	wd_error_clear(&e);
	if (wd_ydoc_parse(d, "fuzz.yaml", src, size, NULL, &e) < 0) {
		FUZZ_CHECK(e.code == EX_DATAERR, "code %d: %s", e.code, e.msg);
		/* libyaml ends the stream on a line of its own (see README) */
		FUZZ_CHECK(e.line <= lines_of(data, size) + 1, "line %u of %u: %s",
			   e.line, lines_of(data, size), e.msg);
		return -1;
	}
	check_node(d, d->root, 0, &budget);
	return 0;
}

static void check_problems(const struct wd_problems *p, const uint8_t *data,
			   size_t size)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		FUZZ_CHECK(p->v[i].code == EX_DATAERR || p->v[i].code == EX_CONFIG,
			   "problem code %d: %s", p->v[i].code, p->v[i].msg);
		FUZZ_CHECK(p->v[i].line <= lines_of(data, size),
			   "problem at line %u: %s", p->v[i].line, p->v[i].msg);
		FUZZ_CHECK(p->v[i].msg[0], "a problem without a message");
	}
}

static void read_settings(const uint8_t *data, size_t size,
			  struct wd_diag *diag)
{
	struct wd_ws ws;

	wd_ws_init(&ws);
	if (parse(&ws.doc, data, size) == 0)
		wd_ws_settings(&ws, diag);
	wd_ws_release(&ws);
}

static void read_dialogue(const uint8_t *data, size_t size,
			  struct wd_diag *diag)
{
	struct wd_dialogue dl;

	wd_dialogue_init(&dl);
	if (parse(&dl.doc, data, size) == 0)
		wd_dialogue_read(&dl, NULL, diag);
	wd_dialogue_release(&dl);
}

static void read_people(const uint8_t *data, size_t size,
			struct wd_diag *diag)
{
	struct wd_people pp;
	size_t i;

	wd_people_init(&pp);
	if (parse(&pp.doc, data, size) == 0) {
		wd_people_read(&pp, diag);
		for (i = 0; i < pp.n; i++)
			FUZZ_CHECK(pp.v[i].node, "a person without its node");
	}
	wd_people_release(&pp);
}

static void read_contacts(const uint8_t *data, size_t size,
			  struct wd_diag *diag)
{
	struct wd_contacts cc;

	wd_contacts_init(&cc);
	if (parse(&cc.doc, data, size) == 0)
		wd_contacts_read(&cc, diag);
	wd_contacts_release(&cc);
}

static void read_harvest(const uint8_t *data, size_t size,
			 struct wd_diag *diag)
{
	struct wd_harvest h;
	size_t i;

	wd_harvest_init(&h);
	if (parse(&h.doc, data, size) == 0) {
		wd_harvest_read(&h, diag);
		for (i = 0; i < h.n; i++)
			FUZZ_CHECK(h.v[i].node, "an item without its node");
	}
	wd_harvest_release(&h);
}

static void (*const readers[])(const uint8_t *, size_t, struct wd_diag *) = {
	read_settings, read_dialogue, read_people, read_contacts,
	read_harvest,
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wd_problems all;
	struct wd_error first;
	struct wd_diag diag;
	size_t i;

	for (i = 0; i < sizeof(readers) / sizeof(*readers); i++) {
		wd_problems_init(&all);
		wd_error_clear(&first);
		wd_diag_init(&diag, &first, &all);
		readers[i](data, size, &diag);
		check_problems(&all, data, size);
		wd_problems_release(&all);
	}
	return 0;
}

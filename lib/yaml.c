/* yaml.c - load a YAML file into a tree that remembers where each node is */
#include "yaml.h"
#include "i18n.h"
#include "utf8.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

const struct wd_ylimits wd_ylimits_default = {
	.max_bytes = (size_t)32 << 20,
	.max_scalar = (size_t)1 << 20,
	.max_depth = 64,
	.max_expand = 1000000,
};

void wd_ydoc_init(struct wd_ydoc *d)
{
	memset(d, 0, sizeof(*d));
	wd_arena_init(&d->arena);
}

void wd_ydoc_release(struct wd_ydoc *d)
{
	free(d->src);
	wd_arena_release(&d->arena);
	wd_ydoc_init(d);
}

static double mib(size_t n)
{
	return (double)n / (1024.0 * 1024.0);
}

int wd_read_file(const char *path, const char *name, size_t max,
		 char **out, size_t *len, struct wd_error *err)
{
	struct stat st;
	size_t got = 0;
	char *p = NULL;
	ssize_t r;
	int fd;

	*out = NULL;
	*len = 0;
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ELOOP)
			return wd_error_at(err, EX_DATAERR, name, 0, 0, "%s",
					   _("is a symbolic link; refused"));
		return wd_error_sys(err, errno == ENOENT ? EX_NOINPUT :
				    EX_IOERR, name, _("cannot open"));
	}
	if (fstat(fd, &st) < 0) {
		wd_error_sys(err, EX_IOERR, name, _("cannot stat"));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		wd_error_at(err, EX_DATAERR, name, 0, 0, "%s",
			    _("not a regular file"));
		goto fail;
	}
	if ((unsigned long long)st.st_size > max) {
		wd_error_at(err, EX_DATAERR, name, 1, 1,
			    _("file too large (%.1f MiB; the limit is %.1f MiB)"),
			    mib((size_t)st.st_size), mib(max));
		goto fail;
	}
	p = malloc((size_t)st.st_size + 1);
	if (!p) {
		wd_error_oom(err);
		goto fail;
	}
	for (;;) {
		r = read(fd, p + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			wd_error_sys(err, EX_IOERR, name, _("cannot read"));
			goto fail;
		}
		if (r == 0 || (got += (size_t)r) == (size_t)st.st_size)
			break;
	}
	close(fd);
	p[got] = '\0';
	*out = p;
	*len = got;
	return 0;
fail:
	free(p);
	close(fd);
	return -1;
}

int wd_ydoc_load(struct wd_ydoc *d, const char *path, const char *name,
		 const struct wd_ylimits *lim, struct wd_error *err)
{
	char *src;
	size_t len;

	if (!lim)
		lim = &wd_ylimits_default;
	if (wd_read_file(path, name, lim->max_bytes, &src, &len, err) < 0)
		return -1;
	return wd_ydoc_parse(d, name, src, len, lim, err);
}

/* --- checks on the raw bytes, before libyaml sees them --- */

static int is_marker(const char *s, size_t left, char c, int need_space)
{
	size_t i;

	if (left < 7)
		return 0;
	for (i = 0; i < 7; i++)
		if (s[i] != c)
			return 0;
	if (left == 7 || s[7] == '\n' || (s[7] == '\r'))
		return 1;
	return need_space && s[7] == ' ';
}

/*
 * Eight bytes at once: 1 when none of them needs a closer look, that is
 * none is NUL, a line break (a line start follows) or part of a
 * multibyte character.
 */
static int plain8(const char *s)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
	uint64_t w, nl;

	memcpy(&w, s, 8);
	nl = w ^ (ones * '\n');
	return !(((w - ones) & ~w & highs) | ((nl - ones) & ~nl & highs) |
		 (w & highs));
}

/*
 * Where the multibyte characters are, so that a character index (what
 * libyaml's marks count) becomes a byte offset without walking the
 * text: for the k-th one, its character index and how many bytes more
 * than characters there are up to and with it.  Kept only while there
 * are few (at most one in MB_EVERY bytes); else the cursor walks.
 */
#define MB_EVERY 16

struct mbchar {
	size_t ci;
	size_t extra;
};

struct mbtable {
	struct mbchar *v;
	size_t n, alloc, max;
	size_t extra;
	int off;			/* too many, or out of memory */
};

static void mb_add(struct mbtable *t, size_t byte, size_t base, int len)
{
	struct mbchar *v;

	if (t->off)
		return;
	if (t->n == t->alloc) {
		size_t na = t->alloc ? t->alloc * 2 : 64;

		if (na > t->max)
			na = t->max;
		v = na > t->n ? realloc(t->v, na * sizeof(*v)) : NULL;
		if (!v) {
			t->off = 1;
			return;
		}
		t->v = v;
		t->alloc = na;
	}
	t->v[t->n].ci = byte - base - t->extra;
	t->extra += (size_t)len - 1;
	t->v[t->n++].extra = t->extra;
}

/*
 * What precheck() looks for, fast: 1 when there is nothing to report,
 * with *ascii telling whether every byte is ASCII, and the multibyte
 * characters in `mb`; 0 when there is something, and precheck() says
 * what and where.
 */
static int precheck_fast(const char *s, size_t i, size_t len, int *ascii,
			 struct mbtable *mb)
{
	size_t base = i;
	uint32_t cp;
	int n;

	*ascii = 1;
	mb->max = len / MB_EVERY + 64;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		/* at the start of a line */
		if ((c == '<' || c == '=' || c == '>' || c == '|') &&
		    is_marker(s + i, len - i, (char)c, c != '='))
			return 0;
		for (;;) {
			while (i + 8 <= len && plain8(s + i))
				i += 8;
			if (i >= len)
				return 1;
			c = (unsigned char)s[i];
			if (c == '\n') {
				i++;
				break;
			}
			if (c == '\0')
				return 0;
			if (c < 0x80) {
				i++;
				continue;
			}
			n = wd_utf8_next(s + i, len - i, &cp);
			if (!n)
				return 0;
			*ascii = 0;
			mb_add(mb, i, base, n);
			i += (size_t)n;
		}
	}
	return 1;
}

static int precheck(struct wd_ydoc *d, struct wd_error *err)
{
	const char *s = d->src;
	size_t i = d->bom, len = d->len;
	unsigned line = 1, col = 1;
	uint32_t cp;
	int n;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (col == 1 && (c == '<' || c == '=' || c == '>' || c == '|') &&
		    is_marker(s + i, len - i, (char)c, c != '=')) {
			wd_error_at(err, EX_DATAERR, d->name, line, col, "%s",
				    _("git conflict marker; resolve the merge first"));
			return -1;
		}
		if (c == '\0') {
			wd_error_at(err, EX_DATAERR, d->name, line, col, "%s",
				    _("NUL byte in file"));
			return -1;
		}
		if (c < 0x80) {
			i++;
			if (c == '\n') {
				line++;
				col = 1;
			} else {
				col++;
			}
			continue;
		}
		n = wd_utf8_next(s + i, len - i, &cp);
		if (!n) {
			wd_error_at(err, EX_DATAERR, d->name, line, col,
				    _("invalid UTF-8 (byte 0x%02x)"), c);
			wd_error_hint(err, "%s",
				      _("save the file as UTF-8"));
			return -1;
		}
		i += (size_t)n;
		col++;
	}
	return 0;
}

/* --- from libyaml's character marks to byte offsets --- */

struct cursor {
	const char *s;
	size_t len;
	size_t base;		/* bytes before what libyaml saw (BOM) */
	int ascii;
	size_t ci, bi;		/* a known character index and its byte */
	const struct mbtable *mb;	/* or NULL: walk */
	size_t k;		/* multibyte characters before ci */
};

static size_t byte_at(struct cursor *c, size_t ci)
{
	size_t b;

	if (c->ascii)
		return c->base + (ci < c->len - c->base ? ci : c->len - c->base);
	if (c->mb) {
		while (c->k < c->mb->n && c->mb->v[c->k].ci < ci)
			c->k++;
		while (c->k > 0 && c->mb->v[c->k - 1].ci >= ci)
			c->k--;
		b = c->base + ci + (c->k ? c->mb->v[c->k - 1].extra : 0);
		return b < c->len ? b : c->len;
	}
	if (ci < c->ci / 2) {
		c->ci = 0;
		c->bi = c->base;
	}
	while (c->ci < ci && c->bi < c->len) {
		/* a run of ASCII: eight characters in eight bytes */
		if (ci - c->ci >= 8 && c->bi + 8 <= c->len) {
			uint64_t w;

			memcpy(&w, c->s + c->bi, 8);
			if (!(w & 0x8080808080808080ULL)) {
				c->bi += 8;
				c->ci += 8;
				continue;
			}
		}
		c->bi++;
		while (c->bi < c->len && ((unsigned char)c->s[c->bi] & 0xc0) == 0x80)
			c->bi++;
		c->ci++;
	}
	while (c->ci > ci && c->bi > c->base) {
		c->bi--;
		while (c->bi > c->base && ((unsigned char)c->s[c->bi] & 0xc0) == 0x80)
			c->bi--;
		c->ci--;
	}
	return c->bi;
}

/* --- building the tree --- */

struct frame {
	struct wd_ynode *node;
	struct wd_ynode **kids;
	size_t n, alloc;
	const char *anchor;
};

struct anchor {
	char *name;
	struct wd_ynode *node;
};

struct builder {
	struct wd_ydoc *d;
	const struct wd_ylimits *lim;
	struct wd_error *err;
	struct cursor cur;
	struct frame *stack;
	unsigned depth, stack_alloc;
	struct anchor *anchors;
	size_t nanchors, anchors_alloc;
	size_t expanded;
	struct wd_ynode *root;
};

static int fail_at(struct builder *b, const yaml_mark_t *m, const char *fmt,
		   ...) __attribute__((format(printf, 3, 4)));

static int fail_at(struct builder *b, const yaml_mark_t *m, const char *fmt,
		   ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	wd_error_at(b->err, EX_DATAERR, b->d->name, (unsigned)m->line + 1,
		    (unsigned)m->column + 1, "%s", msg);
	return -1;
}

static int oom(struct builder *b)
{
	return wd_error_oom(b->err);
}

/*
 * An empty value at the end of a file without a final line break
 * ("? title"): libyaml puts the end of the stream on a line of its own,
 * one the file does not have.  The node goes where the text ends.
 */
static void at_end(const struct builder *b, struct wd_ynode *n)
{
	const unsigned char *src = (const unsigned char *)b->d->src;
	size_t len = b->d->len, i, last = 0;
	unsigned lines = 1, col = 1;

	if (n->start < len)
		return;
	/* the file's lines, as libyaml counts them */
	for (i = 0; i < len; i++) {
		size_t brk = 0;

		if (src[i] == '\n' || (src[i] == '\r' &&
					(i + 1 == len || src[i + 1] != '\n')))
			brk = 1;
		else if (src[i] == 0xc2 && i + 1 < len && src[i + 1] == 0x85)
			brk = 2;
		else if (src[i] == 0xe2 && i + 2 < len && src[i + 1] == 0x80 &&
			 (src[i + 2] == 0xa8 || src[i + 2] == 0xa9))
			brk = 3;
		if (brk) {
			lines++;
			i += brk - 1;
			last = i + 1;
		}
	}
	if (n->line <= lines)
		return;
	for (i = last; i < len; i++)
		col += (src[i] & 0xc0) != 0x80;
	n->line = lines;
	n->col = col;
}

static struct wd_ynode *new_node(struct builder *b, enum wd_ytype type,
				 const yaml_event_t *ev)
{
	struct wd_ynode *n = wd_arena_alloc(&b->d->arena, sizeof(*n));

	if (!n)
		return NULL;
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->line = (unsigned)ev->start_mark.line + 1;
	n->col = (unsigned)ev->start_mark.column + 1;
	n->start = byte_at(&b->cur, ev->start_mark.index);
	n->end = byte_at(&b->cur, ev->end_mark.index);
	n->weight = 1;
	at_end(b, n);
	return n;
}

static const char *copy_tag(struct builder *b, const yaml_char_t *tag)
{
	if (!tag)
		return "";
	return wd_arena_strdup(&b->d->arena, (const char *)tag);
}

static int push_kid(struct builder *b, struct wd_ynode *n)
{
	struct frame *f;

	if (!b->depth) {
		b->root = n;
		return 0;
	}
	f = &b->stack[b->depth - 1];
	if (f->node->style == WD_YFLOW)
		n->in_flow = 1;
	if (f->node->type == WD_YMAP && f->n % 2 == 0 && n->type != WD_YSCALAR) {
		wd_error_at(b->err, EX_DATAERR, b->d->name, n->line, n->col,
			    "%s", _("a key must be a plain value, not a list or mapping"));
		return -1;
	}
	if (f->n == f->alloc) {
		size_t na = f->alloc ? f->alloc * 2 : 8;
		struct wd_ynode **k = realloc(f->kids, na * sizeof(*k));

		if (!k)
			return oom(b);
		f->kids = k;
		f->alloc = na;
	}
	f->kids[f->n++] = n;
	return 0;
}

static int add_anchor(struct builder *b, const yaml_char_t *name,
		      struct wd_ynode *n)
{
	struct anchor *a;

	if (!name)
		return 0;
	if (b->nanchors == b->anchors_alloc) {
		size_t na = b->anchors_alloc ? b->anchors_alloc * 2 : 8;

		a = realloc(b->anchors, na * sizeof(*a));
		if (!a)
			return oom(b);
		b->anchors = a;
		b->anchors_alloc = na;
	}
	a = &b->anchors[b->nanchors];
	a->name = wd_arena_strdup(&b->d->arena, (const char *)name);
	if (!a->name)
		return oom(b);
	a->node = n;
	b->nanchors++;
	return 0;
}

static int on_alias(struct builder *b, const yaml_event_t *ev)
{
	const char *name = (const char *)ev->data.alias.anchor;
	struct wd_ynode *target = NULL;
	size_t i;

	/* the latest definition of an anchor wins */
	for (i = b->nanchors; i-- > 0;) {
		if (!strcmp(b->anchors[i].name, name)) {
			target = b->anchors[i].node;
			break;
		}
	}
	if (!target)
		return fail_at(b, &ev->start_mark, _("unknown alias '*%s'"), name);
	b->d->has_alias = 1;
	b->expanded += target->weight;
	if (b->expanded > b->lim->max_expand)
		return fail_at(b, &ev->start_mark,
			       _("alias '*%s' expands to too many values (alias bomb?)"),
			       name);
	return push_kid(b, target);
}

/* 1 when none of eight bytes is a control character (below 0x20, 0x7f) */
static int clean8(const char *s)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
	uint64_t w, del;

	memcpy(&w, s, 8);
	del = w ^ (ones * 0x7f);
	return !(((w - ones * 0x20) & ~w & highs) |
		 ((del - ones) & ~del & highs));
}

static int check_scalar_text(struct builder *b, const yaml_event_t *ev,
			     const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c;

		while (i + 8 <= len && clean8(s + i))
			i += 8;
		if (i >= len)
			break;
		c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7f) {
			wd_error_at(b->err, EX_DATAERR, b->d->name,
				    (unsigned)ev->start_mark.line + 1,
				    (unsigned)ev->start_mark.column + 1,
				    _("control character U+%04X in value"), c);
			return -1;
		}
	}
	return 0;
}

static int on_scalar(struct builder *b, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	struct wd_ynode *n;

	if (len > b->lim->max_scalar) {
		wd_error_at(b->err, EX_DATAERR, b->d->name,
			    (unsigned)ev->start_mark.line + 1,
			    (unsigned)ev->start_mark.column + 1,
			    _("value too long (%.1f MiB; the limit is %.1f MiB)"),
			    mib(len), mib(b->lim->max_scalar));
		return -1;
	}
	if (check_scalar_text(b, ev, v, len) < 0)
		return -1;
	n = new_node(b, WD_YSCALAR, ev);
	if (!n)
		return oom(b);
	switch (ev->data.scalar.style) {
	case YAML_SINGLE_QUOTED_SCALAR_STYLE: n->style = WD_YSINGLE; break;
	case YAML_DOUBLE_QUOTED_SCALAR_STYLE: n->style = WD_YDOUBLE; break;
	case YAML_LITERAL_SCALAR_STYLE: n->style = WD_YLITERAL; break;
	case YAML_FOLDED_SCALAR_STYLE: n->style = WD_YFOLDED; break;
	default: n->style = WD_YPLAIN; break;
	}
	n->s = wd_arena_strndup(&b->d->arena, v, len);
	n->len = len;
	n->tag = ev->data.scalar.tag ? copy_tag(b, ev->data.scalar.tag) : NULL;
	if (!n->s || (ev->data.scalar.tag && !n->tag))
		return oom(b);
	if (add_anchor(b, ev->data.scalar.anchor, n) < 0)
		return -1;
	return push_kid(b, n);
}

static int on_start(struct builder *b, const yaml_event_t *ev,
		    enum wd_ytype type)
{
	const yaml_char_t *tag, *anchor;
	struct wd_ynode *n;
	struct frame *f;
	int flow;

	if (b->depth >= b->lim->max_depth) {
		wd_error_at(b->err, EX_DATAERR, b->d->name,
			    (unsigned)ev->start_mark.line + 1,
			    (unsigned)ev->start_mark.column + 1,
			    _("nested too deeply (more than %u levels)"),
			    b->lim->max_depth);
		return -1;
	}
	if (b->depth == b->stack_alloc) {
		unsigned na = b->stack_alloc ? b->stack_alloc * 2 : 8;

		f = realloc(b->stack, na * sizeof(*f));
		if (!f)
			return oom(b);
		memset(f + b->stack_alloc, 0,
		       (na - b->stack_alloc) * sizeof(*f));
		b->stack = f;
		b->stack_alloc = na;
	}
	n = new_node(b, type, ev);
	if (!n)
		return oom(b);
	if (type == WD_YMAP) {
		tag = ev->data.mapping_start.tag;
		anchor = ev->data.mapping_start.anchor;
		flow = ev->data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
	} else {
		tag = ev->data.sequence_start.tag;
		anchor = ev->data.sequence_start.anchor;
		flow = ev->data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE;
	}
	n->style = flow ? WD_YFLOW : WD_YBLOCK;
	if (tag && !(n->tag = copy_tag(b, tag)))
		return oom(b);
	f = &b->stack[b->depth++];
	f->node = n;
	f->n = 0;
	f->anchor = anchor ? wd_arena_strdup(&b->d->arena,
					     (const char *)anchor) : NULL;
	if (anchor && !f->anchor)
		return oom(b);
	return 0;
}

static int cmp_keys(const void *x, const void *y)
{
	const struct wd_ynode *a = *(struct wd_ynode *const *)x;
	const struct wd_ynode *b = *(struct wd_ynode *const *)y;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->s, b->s, n);

	if (c)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->start < b->start ? -1 : a->start > b->start;
}

static int same_key(const struct wd_ynode *a, const struct wd_ynode *b)
{
	return a->len == b->len && !memcmp(a->s, b->s, a->len);
}

static int dup_error(struct builder *b, const struct wd_ynode *first,
		     const struct wd_ynode *again)
{
	wd_error_at(b->err, EX_DATAERR, b->d->name, again->line, again->col,
		    _("duplicate key '%s' (first on line %u)"), again->s,
		    first->line);
	return -1;
}

static int check_dup_keys(struct builder *b, struct wd_ynode *map)
{
	struct wd_ynode **keys;
	size_t i, j, n = map->n;

	if (n <= 16) {
		for (i = 1; i < n; i++)
			for (j = 0; j < i; j++)
				if (same_key(map->items[2 * j], map->items[2 * i]))
					return dup_error(b, map->items[2 * j],
							 map->items[2 * i]);
		return 0;
	}
	keys = malloc(n * sizeof(*keys));
	if (!keys)
		return oom(b);
	for (i = 0; i < n; i++)
		keys[i] = map->items[2 * i];
	qsort(keys, n, sizeof(*keys), cmp_keys);
	for (i = 1; i < n; i++) {
		if (same_key(keys[i - 1], keys[i])) {
			dup_error(b, keys[i - 1], keys[i]);
			free(keys);
			return -1;
		}
	}
	free(keys);
	return 0;
}

static int on_end(struct builder *b, const yaml_event_t *ev)
{
	struct frame *f = &b->stack[b->depth - 1];
	struct wd_ynode *n = f->node;
	size_t i;

	n->items = wd_arena_alloc(&b->d->arena,
				  (f->n ? f->n : 1) * sizeof(*n->items));
	if (!n->items)
		return oom(b);
	if (f->n)
		memcpy(n->items, f->kids, f->n * sizeof(*n->items));
	n->n = n->type == WD_YMAP ? f->n / 2 : f->n;
	for (i = 0; i < f->n; i++) {
		n->weight += f->kids[i]->weight;
		/* a block collection ends where its last child does */
		if (n->style == WD_YBLOCK && f->kids[i]->end > n->end)
			n->end = f->kids[i]->end;
	}
	if (n->style == WD_YFLOW)
		n->end = byte_at(&b->cur, ev->end_mark.index);
	else if (!f->n)
		n->end = n->start;
	if (n->type == WD_YMAP && check_dup_keys(b, n) < 0)
		return -1;
	b->depth--;
	if (f->anchor && add_anchor(b, (const yaml_char_t *)f->anchor, n) < 0)
		return -1;
	return push_kid(b, n);
}

static int syntax_error(struct builder *b, yaml_parser_t *p)
{
	yaml_mark_t m = p->problem_mark;
	const char *problem = p->problem ? p->problem : "syntax error";

	if (p->error == YAML_MEMORY_ERROR)
		return oom(b);
	if (p->error == YAML_READER_ERROR) {
		/* reader errors carry a byte offset, not a mark */
		wd_error_at(b->err, EX_DATAERR, b->d->name, 0, 0,
			    _("cannot read: %s at byte %zu"), problem,
			    p->problem_offset + b->d->bom);
		return -1;
	}
	if (p->context)
		wd_error_at(b->err, EX_DATAERR, b->d->name,
			    (unsigned)m.line + 1, (unsigned)m.column + 1,
			    _("syntax error: %s %s"), p->context, problem);
	else
		wd_error_at(b->err, EX_DATAERR, b->d->name,
			    (unsigned)m.line + 1, (unsigned)m.column + 1,
			    _("syntax error: %s"), problem);
	return -1;
}

static void builder_release(struct builder *b)
{
	unsigned i;

	for (i = 0; i < b->stack_alloc; i++)
		free(b->stack[i].kids);
	free(b->stack);
	free(b->anchors);
}

static int build(struct builder *b, yaml_parser_t *p)
{
	yaml_event_t ev;
	int docs = 0, r = 0;

	for (;;) {
		if (!yaml_parser_parse(p, &ev))
			return syntax_error(b, p);
		switch (ev.type) {
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1)
				r = fail_at(b, &ev.start_mark, "%s",
					    _("more than one document in file"));
			break;
		case YAML_ALIAS_EVENT:
			r = on_alias(b, &ev);
			break;
		case YAML_SCALAR_EVENT:
			r = on_scalar(b, &ev);
			break;
		case YAML_SEQUENCE_START_EVENT:
			r = on_start(b, &ev, WD_YSEQ);
			break;
		case YAML_MAPPING_START_EVENT:
			r = on_start(b, &ev, WD_YMAP);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			r = on_end(b, &ev);
			break;
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&ev);
			return 0;
		default:
			break;
		}
		yaml_event_delete(&ev);
		if (r < 0)
			return -1;
	}
}

int wd_ydoc_parse(struct wd_ydoc *d, const char *name, char *src,
		  size_t len, const struct wd_ylimits *lim,
		  struct wd_error *err)
{
	struct mbtable mb;
	struct builder b;
	yaml_parser_t p;
	size_t i;
	int r, ascii;

	if (!lim)
		lim = &wd_ylimits_default;
	d->src = src;
	d->len = len;
	d->name = wd_arena_strdup(&d->arena, name);
	if (!d->name)
		return wd_error_oom(err);
	if (len > lim->max_bytes)
		return wd_error_at(err, EX_DATAERR, name, 1, 1,
				   _("file too large (%.1f MiB; the limit is %.1f MiB)"),
				   mib(len), mib(lim->max_bytes));
	if (len >= 3 && !memcmp(src, "\xef\xbb\xbf", 3))
		d->bom = 3;
	memset(&mb, 0, sizeof(mb));
	if (!precheck_fast(src, d->bom, len, &ascii, &mb)) {
		mb.off = 1;
		if (precheck(d, err) < 0) {
			free(mb.v);
			return -1;
		}
		ascii = 1;
		for (i = d->bom; i < len; i++)
			if ((unsigned char)src[i] >= 0x80) {
				ascii = 0;
				break;
			}
	}

	memset(&b, 0, sizeof(b));
	b.d = d;
	b.lim = lim;
	b.err = err;
	b.cur.s = src;
	b.cur.len = len;
	b.cur.base = d->bom;
	b.cur.ci = 0;
	b.cur.bi = d->bom;
	b.cur.ascii = ascii;
	b.cur.mb = mb.off ? NULL : &mb;

	if (!yaml_parser_initialize(&p)) {
		free(mb.v);
		return wd_error_oom(err);
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)src + d->bom,
				     len - d->bom);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	r = build(&b, &p);
	yaml_parser_delete(&p);
	if (r == 0)
		d->root = b.root;
	builder_release(&b);
	free(mb.v);
	return r;
}

/* --- looking things up --- */

const struct wd_ynode *wd_ymap_key(const struct wd_ynode *map,
				   const char *key)
{
	size_t i, klen;

	if (!map || map->type != WD_YMAP)
		return NULL;
	klen = strlen(key);
	for (i = 0; i < map->n; i++) {
		const struct wd_ynode *k = map->items[2 * i];

		if (k->len == klen && !memcmp(k->s, key, klen))
			return k;
	}
	return NULL;
}

const struct wd_ynode *wd_ymap_get(const struct wd_ynode *map,
				   const char *key)
{
	size_t i, klen;

	if (!map || map->type != WD_YMAP)
		return NULL;
	klen = strlen(key);
	for (i = 0; i < map->n; i++) {
		const struct wd_ynode *k = map->items[2 * i];

		if (k->len == klen && !memcmp(k->s, key, klen))
			return map->items[2 * i + 1];
	}
	return NULL;
}

/* A plain empty value, ~ or null: YAML's null. */
int wd_ynode_is_null(const struct wd_ynode *n)
{
	if (!n)
		return 1;
	if (n->type != WD_YSCALAR || n->style != WD_YPLAIN || n->tag)
		return 0;
	return !n->len || !strcmp(n->s, "~") || !strcmp(n->s, "null") ||
	       !strcmp(n->s, "Null") || !strcmp(n->s, "NULL");
}

const char *wd_ytype_name(const struct wd_ynode *n)
{
	if (!n || wd_ynode_is_null(n))
		return _("nothing");
	switch (n->type) {
	case WD_YSEQ:
		return _("a list");
	case WD_YMAP:
		return _("a mapping");
	default:
		return _("a value");
	}
}

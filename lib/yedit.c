/* yedit.c - change a YAML document without touching what was not changed */
#include "yedit.h"
#include "i18n.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

/* --- writing scalars --- */

static int looks_typed(const char *v)
{
	static const char *const words[] = {
		"y", "n", "yes", "no", "true", "false", "on", "off",
		"null", "~", NULL,
	};
	size_t i;

	for (i = 0; words[i]; i++)
		if (!strcasecmp(v, words[i]))
			return 1;
	return (v[0] >= '0' && v[0] <= '9') || v[0] == '+' || v[0] == '.';
}

static int plain_ok(const char *v, int flags)
{
	const unsigned char *s = (const unsigned char *)v;
	size_t i, n = strlen(v);

	if (!n || s[0] == ' ' || s[n - 1] == ' ' || s[n - 1] == ':')
		return 0;
	if (strchr("?:,[]{}#&*!|>'\"%@`", s[0]))
		return 0;
	if (s[0] == '-' && !(flags & WD_YE_TYPED))
		return 0;
	if (!(flags & WD_YE_TYPED) && looks_typed(v))
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] < 0x20 || s[i] == 0x7f)
			return 0;
		if (s[i] == ':' && s[i + 1] == ' ')
			return 0;
		if (s[i] == ' ' && s[i + 1] == '#')
			return 0;
		if ((flags & WD_YE_FLOW) && strchr(",[]{}", s[i]))
			return 0;
		/* NEL, LS, PS and BOM would read as breaks or be dropped */
		if (s[i] == 0xc2 && s[i + 1] == 0x85)
			return 0;
		if (s[i] == 0xe2 && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0xa8 || s[i + 2] == 0xa9))
			return 0;
		if (s[i] == 0xef && s[i + 1] == 0xbb && s[i + 2] == 0xbf)
			return 0;
	}
	return 1;
}

static int single_ok(const char *v)
{
	const unsigned char *s = (const unsigned char *)v;

	for (; *s; s++)
		if (*s < 0x20 || *s == 0x7f || *s == 0xc2 || *s == 0xe2 ||
		    *s == 0xef)
			return 0;
	return 1;
}

static int emit_single(struct wd_buf *b, const char *v)
{
	if (wd_buf_addc(b, '\'') < 0)
		return -1;
	for (; *v; v++)
		if ((*v == '\'' && wd_buf_addc(b, '\'') < 0) ||
		    wd_buf_addc(b, *v) < 0)
			return -1;
	return wd_buf_addc(b, '\'');
}

static int emit_double(struct wd_buf *b, const char *v)
{
	const unsigned char *s = (const unsigned char *)v;
	const char *esc;

	if (wd_buf_addc(b, '"') < 0)
		return -1;
	for (; *s; s++) {
		esc = NULL;
		switch (*s) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\t': esc = "\\t"; break;
		case '\r': esc = "\\r"; break;
		}
		if (!esc && s[0] == 0xc2 && s[1] == 0x85) {
			esc = "\\N";
			s += 1;
		} else if (!esc && s[0] == 0xe2 && s[1] == 0x80 &&
			   (s[2] == 0xa8 || s[2] == 0xa9)) {
			esc = s[2] == 0xa8 ? "\\L" : "\\P";
			s += 2;
		} else if (!esc && s[0] == 0xef && s[1] == 0xbb && s[2] == 0xbf) {
			esc = "\\uFEFF";
			s += 2;
		}
		if (esc) {
			if (wd_buf_adds(b, esc) < 0)
				return -1;
		} else if (*s < 0x20 || *s == 0x7f) {
			if (wd_buf_addf(b, "\\x%02X", *s) < 0)
				return -1;
		} else if (wd_buf_addc(b, (char)*s) < 0) {
			return -1;
		}
	}
	return wd_buf_addc(b, '"');
}

int wd_yemit_scalar(struct wd_buf *b, const char *v, int flags)
{
	if (flags & WD_YE_RAW)
		return wd_buf_adds(b, v);
	if (plain_ok(v, flags))
		return wd_buf_adds(b, v);
	return emit_double(b, v);
}

int wd_yemit_pair(struct wd_buf *b, const char *key, const char *v,
		  int flags)
{
	if (wd_buf_adds(b, key) < 0 || wd_buf_adds(b, ": ") < 0 ||
	    wd_yemit_scalar(b, v, flags) < 0)
		return -1;
	return wd_buf_addc(b, '\n');
}

int wd_yemit_flow_seq(struct wd_buf *b, const char *const *v, size_t n)
{
	size_t i;

	if (wd_buf_addc(b, '[') < 0)
		return -1;
	for (i = 0; i < n; i++)
		if ((i && wd_buf_adds(b, ", ") < 0) ||
		    wd_yemit_scalar(b, v[i], WD_YE_FLOW) < 0)
			return -1;
	return wd_buf_addc(b, ']');
}

/* --- positions in the source --- */

static size_t line_start(const struct wd_ydoc *d, size_t pos)
{
	while (pos > 0 && d->src[pos - 1] != '\n')
		pos--;
	return pos;
}

/* The start of the line after the one `pos` is on (pos itself if at one). */
static size_t after_line(const struct wd_ydoc *d, size_t pos)
{
	if (pos > 0 && d->src[pos - 1] == '\n')
		return pos;
	while (pos < d->len && d->src[pos] != '\n')
		pos++;
	return pos < d->len ? pos + 1 : pos;
}

static unsigned indent_of(const struct wd_ydoc *d, const struct wd_ynode *n)
{
	return (unsigned)(n->start - line_start(d, n->start));
}

static const char *newline(const struct wd_ydoc *d)
{
	const char *nl = memchr(d->src, '\n', d->len);

	return nl && nl > d->src && nl[-1] == '\r' ? "\r\n" : "\n";
}

static int is_empty_null(const struct wd_ynode *n)
{
	return n->type == WD_YSCALAR && n->style == WD_YPLAIN && !n->len &&
	       !n->tag;
}

/*
 * Lines of `text` (indentation 0, "\n"-separated) into `out`: the first
 * after `first`, the others after `indent` spaces; empty lines stay empty.
 */
static int add_lines(struct wd_buf *out, const char *text, const char *first,
		     unsigned indent, const char *nl)
{
	const char *p = text, *e;
	int line = 0;

	while (*p) {
		e = strchr(p, '\n');
		if (!e)
			e = p + strlen(p);
		if (line == 0) {
			if (wd_buf_adds(out, first) < 0)
				return -1;
		} else if (e > p) {
			unsigned i;

			for (i = 0; i < indent; i++)
				if (wd_buf_addc(out, ' ') < 0)
					return -1;
		}
		if (wd_buf_add(out, p, (size_t)(e - p)) < 0 ||
		    wd_buf_adds(out, nl) < 0)
			return -1;
		line++;
		p = *e ? e + 1 : e;
	}
	return 0;
}

static int spaces(struct wd_buf *b, unsigned n)
{
	while (n--)
		if (wd_buf_addc(b, ' ') < 0)
			return -1;
	return 0;
}

/* --- applying a splice --- */

static int cannot(struct wd_ydoc *d, struct wd_error *err, const char *why)
{
	return wd_error_at(err, EX_SOFTWARE, d->name, 0, 0, "%s", why);
}

static int apply(struct wd_ydoc *d, size_t off, size_t del,
		 const char *text, size_t n, struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(0);
	struct wd_ydoc nd;
	char name[512];
	size_t len;
	char *src;

	if (wd_buf_grow(&b, d->len - del + n) < 0 ||
	    wd_buf_add(&b, d->src, off) < 0 || wd_buf_add(&b, text, n) < 0 ||
	    wd_buf_add(&b, d->src + off + del, d->len - off - del) < 0) {
		wd_buf_release(&b);
		return wd_error_oom(err);
	}
	snprintf(name, sizeof(name), "%s", d->name);
	src = wd_buf_detach(&b, &len);
	if (!src)
		return wd_error_oom(err);
	wd_ydoc_init(&nd);
	if (wd_ydoc_parse(&nd, name, src, len, NULL, err) < 0) {
		int oom = err->code == EX_OSERR;

		wd_ydoc_release(&nd);
		if (oom)
			return -1;
		return wd_error_at(err, EX_SOFTWARE, name, 0, 0, "%s",
				   _("internal error: the change would make the file invalid"));
	}
	wd_ydoc_release(d);
	*d = nd;
	return 0;
}

static int apply_buf(struct wd_ydoc *d, size_t off, size_t del,
		     struct wd_buf *b, struct wd_error *err)
{
	int r;

	if (!b->ptr && wd_buf_add(b, "", 0) < 0)
		return wd_error_oom(err);
	r = apply(d, off, del, b->ptr, b->len, err);
	wd_buf_release(b);
	return r;
}

static int editable(struct wd_ydoc *d, struct wd_error *err)
{
	if (d->has_alias)
		return wd_error_at(err, EX_DATAERR, d->name, 0, 0, "%s",
				   _("cannot change a file that uses aliases (*name)"));
	return 0;
}

/* --- the edits --- */

static int render_scalar(struct wd_buf *b, const struct wd_ynode *old,
			 const char *v, int flags)
{
	if (old && old->in_flow)
		flags |= WD_YE_FLOW;
	if (flags & WD_YE_RAW)
		return wd_buf_adds(b, v);
	if (old && old->style == WD_YDOUBLE)
		return emit_double(b, v);
	if (old && old->style == WD_YSINGLE && single_ok(v))
		return emit_single(b, v);
	return wd_yemit_scalar(b, v, flags);
}

int wd_yedit_scalar(struct wd_ydoc *d, const struct wd_ynode *node,
		    const char *v, int flags, struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(0);
	size_t end = node->end;

	if (editable(d, err) < 0)
		return -1;
	if (node->type != WD_YSCALAR)
		return cannot(d, err, _("internal error: not a scalar"));
	if (node->style == WD_YLITERAL || node->style == WD_YFOLDED) {
		/* keep the line break and blank lines after a block scalar */
		while (end > node->start + 1 &&
		       strchr(" \t\r\n", d->src[end - 1]))
			end--;
		if (render_scalar(&b, NULL, v, flags) < 0)
			goto oom;
	} else if (render_scalar(&b, node, v, flags) < 0) {
		goto oom;
	}
	if (is_empty_null(node)) {
		/* "key:" -> "key: value" */
		if (wd_buf_splice(&b, 0, 0, " ", 1) < 0)
			goto oom;
	}
	return apply_buf(d, node->start, end - node->start, &b, err);
oom:
	wd_buf_release(&b);
	return wd_error_oom(err);
}

/*
 * Add a pair to `map`: `inl` is the rendered value on the key's line,
 * `block` the lines of a block value, one of them NULL.
 */
static int insert_pair(struct wd_ydoc *d, const struct wd_ynode *map,
		       const char *key, const char *inl, const char *block,
		       struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(0);
	const char *nl = newline(d);
	unsigned ind = 0;
	size_t pos;

	if (map && map->style == WD_YFLOW) {
		if (!inl)
			return cannot(d, err, _("cannot add a block value to a { } mapping"));
		pos = map->end - 1;
		while (pos > map->start + 1 && strchr(" \t\r\n", d->src[pos - 1]))
			pos--;
		if (wd_buf_addf(&b, "%s%s: %s", map->n ? ", " : "", key, inl) < 0)
			goto oom;
		return apply_buf(d, pos, 0, &b, err);
	}
	if (map) {
		ind = indent_of(d, map->items[0]);
		pos = after_line(d, map->end);
	} else {
		pos = d->len;
	}
	if (pos == d->len && pos > 0 && d->src[pos - 1] != '\n' &&
	    wd_buf_adds(&b, nl) < 0)
		goto oom;
	if (spaces(&b, ind) < 0 || wd_buf_adds(&b, key) < 0 ||
	    wd_buf_addc(&b, ':') < 0)
		goto oom;
	if (inl && (wd_buf_addc(&b, ' ') < 0 || wd_buf_adds(&b, inl) < 0))
		goto oom;
	if (wd_buf_adds(&b, nl) < 0)
		goto oom;
	if (block) {
		char first[256];

		if (ind + 2 >= sizeof(first))
			return cannot(d, err, _("nested too deeply to change"));
		memset(first, ' ', ind + 2);
		first[ind + 2] = '\0';
		if (add_lines(&b, block, first, ind + 2, nl) < 0)
			goto oom;
	}
	return apply_buf(d, pos, 0, &b, err);
oom:
	wd_buf_release(&b);
	return wd_error_oom(err);
}

static int check_map(struct wd_ydoc *d, const struct wd_ynode **map,
		     struct wd_error *err)
{
	if (editable(d, err) < 0)
		return -1;
	if (!*map)
		*map = d->root;
	if (*map && (*map)->type != WD_YMAP)
		return cannot(d, err, _("internal error: not a mapping"));
	return 0;
}

int wd_yedit_map_set(struct wd_ydoc *d, const struct wd_ynode *map,
		     const char *key, const char *v, int flags,
		     struct wd_error *err)
{
	const struct wd_ynode *k, *val;
	struct wd_buf b = WD_BUF_INIT(0);
	int r;

	if (check_map(d, &map, err) < 0)
		return -1;
	k = wd_ymap_key(map, key);
	val = wd_ymap_get(map, key);
	if (val && val->type == WD_YSCALAR)
		return wd_yedit_scalar(d, val, v, flags, err);
	if (map && map->style == WD_YFLOW)
		flags |= WD_YE_FLOW;
	if (wd_yemit_scalar(&b, v, flags) < 0) {
		wd_buf_release(&b);
		return wd_error_oom(err);
	}
	if (val) {
		/* a list or mapping becomes a scalar: "key: value" */
		if (wd_buf_splice(&b, 0, 0, ": ", 2) < 0) {
			wd_buf_release(&b);
			return wd_error_oom(err);
		}
		return apply_buf(d, k->end, val->end - k->end, &b, err);
	}
	r = insert_pair(d, map, key, wd_buf_str(&b), NULL, err);
	wd_buf_release(&b);
	return r;
}

int wd_yedit_map_set_block(struct wd_ydoc *d, const struct wd_ynode *map,
			   const char *key, const char *block,
			   struct wd_error *err)
{
	const struct wd_ynode *k, *val;
	struct wd_buf b = WD_BUF_INIT(0);
	const char *nl = newline(d);
	char first[256];
	unsigned ind;
	size_t from, to;

	if (check_map(d, &map, err) < 0)
		return -1;
	k = wd_ymap_key(map, key);
	val = wd_ymap_get(map, key);
	if (!val)
		return insert_pair(d, map, key, NULL, block, err);
	if (map->style == WD_YFLOW)
		return cannot(d, err, _("cannot add a block value to a { } mapping"));
	ind = indent_of(d, map->items[0]) + 2;
	if (ind >= sizeof(first))
		return cannot(d, err, _("nested too deeply to change"));
	memset(first, ' ', ind);
	first[ind] = '\0';
	if (is_empty_null(val)) {
		from = to = after_line(d, k->end);
	} else if (val->style == WD_YBLOCK && val->line > k->line) {
		from = after_line(d, k->end);
		to = after_line(d, val->end);
	} else {
		/* a value on the key's line: "key: x" -> "key:" + block */
		from = k->end;
		to = after_line(d, val->end);
		if (wd_buf_addc(&b, ':') < 0 || wd_buf_adds(&b, nl) < 0)
			goto oom;
	}
	if (from == d->len && from > 0 && d->src[from - 1] != '\n' &&
	    wd_buf_adds(&b, nl) < 0)
		goto oom;
	if (add_lines(&b, block, first, ind, nl) < 0)
		goto oom;
	return apply_buf(d, from, to - from, &b, err);
oom:
	wd_buf_release(&b);
	return wd_error_oom(err);
}

int wd_yedit_map_remove(struct wd_ydoc *d, const struct wd_ynode *map,
			const char *key, struct wd_error *err)
{
	const struct wd_ynode *k, *val;
	size_t i, from, to;

	if (check_map(d, &map, err) < 0)
		return -1;
	k = wd_ymap_key(map, key);
	if (!k)
		return 0;
	val = wd_ymap_get(map, key);
	for (i = 0; i < map->n; i++)
		if (map->items[2 * i] == k)
			break;
	if (map->style == WD_YFLOW) {
		if (map->n == 1) {
			from = k->start;
			to = val->end;
		} else if (i + 1 < map->n) {
			from = k->start;
			to = map->items[2 * i + 2]->start;
		} else {
			from = map->items[2 * i - 1]->end;
			to = val->end;
		}
		return apply(d, from, to - from, "", 0, err);
	}
	from = line_start(d, k->start);
	to = after_line(d, val->end);
	if (strspn(d->src + from, " ") < k->start - from) {
		/* the first key of a list item: "- key: v" */
		if (map->n == 1)
			return apply(d, k->start, val->end - k->start, "{}", 2,
				     err);
		from = k->start;
		to = map->items[2 * i + 2]->start;
	}
	return apply(d, from, to - from, "", 0, err);
}

static int add_item(struct wd_buf *b, const char *item, int scalar,
		    const char *first, unsigned indent, const char *nl)
{
	if (!scalar)
		return add_lines(b, item, first, indent, nl);
	if (wd_buf_adds(b, first) < 0 || wd_yemit_scalar(b, item, 0) < 0)
		return -1;
	return wd_buf_adds(b, nl);
}

int wd_yedit_seq_append_many(struct wd_ydoc *d, const struct wd_ynode *map,
			     const char *key, const char *const *items,
			     size_t n, int scalar, struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(0);
	const struct wd_ynode *seq;
	const char *nl;
	char first[256];
	unsigned ind;
	size_t pos, i;
	int r;

	if (check_map(d, &map, err) < 0)
		return -1;
	if (!n)
		return 0;
	nl = newline(d);
	seq = wd_ymap_get(map, key);
	if (seq && seq->type == WD_YSEQ && seq->style == WD_YFLOW) {
		if (!scalar)
			return cannot(d, err, _("cannot add a block value to a [ ] list"));
		pos = seq->end - 1;
		while (pos > seq->start + 1 && strchr(" \t\r\n", d->src[pos - 1]))
			pos--;
		for (i = 0; i < n; i++)
			if (((seq->n || i) && wd_buf_adds(&b, ", ") < 0) ||
			    wd_yemit_scalar(&b, items[i], WD_YE_FLOW) < 0)
				goto oom;
		return apply_buf(d, pos, 0, &b, err);
	}
	if (seq && seq->type == WD_YSEQ) {
		ind = indent_of(d, seq);
		pos = after_line(d, seq->end);
		if (ind + 3 >= sizeof(first))
			return cannot(d, err, _("nested too deeply to change"));
		memset(first, ' ', ind);
		memcpy(first + ind, "- ", 3);
		if (pos == d->len && pos > 0 && d->src[pos - 1] != '\n' &&
		    wd_buf_adds(&b, nl) < 0)
			goto oom;
		for (i = 0; i < n; i++)
			if (add_item(&b, items[i], scalar, first, ind + 2, nl) < 0)
				goto oom;
		return apply_buf(d, pos, 0, &b, err);
	}
	if (seq && !is_empty_null(seq) && !wd_ynode_is_null(seq))
		return wd_error_at(err, EX_DATAERR, d->name, seq->line, seq->col,
				   _("'%s' should be a list"), key);
	/* no list yet: "key:" and the items */
	for (i = 0; i < n; i++)
		if (add_item(&b, items[i], scalar, "- ", 2, "\n") < 0)
			goto oom;
	r = seq ? wd_yedit_map_set_block(d, map, key, wd_buf_str(&b), err) :
		  insert_pair(d, map, key, NULL, wd_buf_str(&b), err);
	wd_buf_release(&b);
	return r;
oom:
	wd_buf_release(&b);
	return wd_error_oom(err);
}

int wd_yedit_seq_append(struct wd_ydoc *d, const struct wd_ynode *map,
			const char *key, const char *item, int scalar,
			struct wd_error *err)
{
	return wd_yedit_seq_append_many(d, map, key, &item, 1, scalar, err);
}

int wd_yedit_seq_remove(struct wd_ydoc *d, const struct wd_ynode *seq,
			size_t i, struct wd_error *err)
{
	const struct wd_ynode *it;
	size_t from, to, dash;

	if (editable(d, err) < 0)
		return -1;
	if (!seq || seq->type != WD_YSEQ || i >= seq->n)
		return cannot(d, err, _("internal error: no such list item"));
	it = seq->items[i];
	if (seq->style == WD_YFLOW) {
		if (seq->n == 1) {
			from = it->start;
			to = it->end;
		} else if (i + 1 < seq->n) {
			from = it->start;
			to = seq->items[i + 1]->start;
		} else {
			from = seq->items[i - 1]->end;
			to = it->end;
		}
		return apply(d, from, to - from, "", 0, err);
	}
	dash = it->start;
	while (dash > seq->start && d->src[dash - 1] != '-')
		dash--;
	if (dash > 0)
		dash--;
	from = line_start(d, dash);
	to = after_line(d, it->end);
	if (seq->n == 1 && from <= seq->start) {
		/* the only item: leave an empty list */
		return apply(d, seq->start, it->end - seq->start, "[]", 2, err);
	}
	return apply(d, from, to - from, "", 0, err);
}

int wd_yedit_map_add_pairs(struct wd_ydoc *d, const struct wd_ynode *map,
			   const char *pairs, struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(0);
	const char *nl = newline(d);
	char first[256];
	unsigned ind;
	size_t pos;

	if (check_map(d, &map, err) < 0)
		return -1;
	if (!map || map->style == WD_YFLOW || !map->n)
		return cannot(d, err, _("internal error: pairs go into a block mapping with keys"));
	ind = indent_of(d, map->items[0]);
	if (ind >= sizeof(first))
		return cannot(d, err, _("nested too deeply to change"));
	memset(first, ' ', ind);
	first[ind] = '\0';
	pos = after_line(d, map->end);
	if (pos == d->len && pos > 0 && d->src[pos - 1] != '\n' &&
	    wd_buf_adds(&b, nl) < 0)
		goto oom;
	if (add_lines(&b, pairs, first, ind, nl) < 0)
		goto oom;
	return apply_buf(d, pos, 0, &b, err);
oom:
	wd_buf_release(&b);
	return wd_error_oom(err);
}

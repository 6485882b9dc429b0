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

/*
 * Characters YAML may not hold raw, but only escaped in double quotes:
 * C1 controls (U+0080-U+009F but NEL) and U+FFFE, U+FFFF.  The byte
 * length of such a character at s, else 0.
 */
static int unprintable(const unsigned char *s)
{
	if (s[0] == 0xc2 && s[1] >= 0x80 && s[1] <= 0x9f && s[1] != 0x85)
		return 2;
	if (s[0] == 0xef && s[1] == 0xbf && (s[2] == 0xbe || s[2] == 0xbf))
		return 3;
	return 0;
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
		/* in [ ] or { }, "a:?" ends the value at the ':' */
		if ((flags & WD_YE_FLOW) && s[i] == ':' && s[i + 1] &&
		    strchr(",?[]{}", s[i + 1]))
			return 0;
		/* NEL, LS, PS and BOM would read as breaks or be dropped */
		if (s[i] == 0xc2 && s[i + 1] == 0x85)
			return 0;
		if (s[i] == 0xe2 && s[i + 1] == 0x80 &&
		    (s[i + 2] == 0xa8 || s[i + 2] == 0xa9))
			return 0;
		if (s[i] == 0xef && s[i + 1] == 0xbb && s[i + 2] == 0xbf)
			return 0;
		if (unprintable(s + i))
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
		if (!esc && unprintable(s) == 2) {
			/* a C1 control: \xNN is that code point */
			if (wd_buf_addf(b, "\\x%02X", s[1]) < 0)
				return -1;
			s += 1;
		} else if (!esc && unprintable(s) == 3) {
			if (wd_buf_addf(b, "\\u%s", s[2] == 0xbe ? "FFFE" : "FFFF") < 0)
				return -1;
			s += 2;
		} else if (esc) {
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

/* The start of the line `pos` is on (the first line starts after a BOM). */
static size_t line_start(const struct wd_ydoc *d, size_t pos)
{
	while (pos > d->bom && d->src[pos - 1] != '\n')
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

static size_t text_end(const struct wd_ydoc *d, const struct wd_ynode *n);

/* Whether a node is a block scalar, or a collection ending in one. */
static int ends_block(const struct wd_ydoc *d, const struct wd_ynode *n)
{
	return text_end(d, n) != n->end;
}

/*
 * Past the lines of blanks only from line start `pos` on: lines that
 * went with what is removed before them, or a block scalar above would
 * take them in ("x: >-\n  a\ny:\n   \n": removing y gives x a line).
 */
static size_t past_blank_lines(const struct wd_ydoc *d, size_t pos)
{
	size_t p = pos;

	while (p < d->len) {
		while (p < d->len && strchr(" \t\r", d->src[p]))
			p++;
		if (p < d->len && d->src[p] != '\n')
			break;
		pos = p = p < d->len ? p + 1 : p;
	}
	return pos;
}

/*
 * Whether the line at `pos` (blank lines skipped) is indented deeper
 * than `ind`: a block scalar that came to stand right above it would
 * take it in ("- |\n  a\n- b\n  # note\n": remove b, and the note is
 * text of a).
 */
static int taken_in(const struct wd_ydoc *d, size_t pos, size_t ind)
{
	size_t p = past_blank_lines(d, pos), col = 0;

	while (p + col < d->len && d->src[p + col] == ' ')
		col++;
	return p + col < d->len && col > ind;
}

static int taken_in_error(struct wd_ydoc *d, const struct wd_ynode *n,
			  struct wd_error *err)
{
	return wd_error_at(err, EX_DATAERR, d->name, n->line, n->col, "%s",
			   _("cannot remove this: the block text ('|', '>') above it would take in the indented lines below"));
}

/*
 * Where a comment starts in [from, to), outside quoted values; `to` when
 * none.  As libyaml reads it: a '#' after a space, a flow indicator or a
 * quoted value that just closed (a '#' or quote inside a plain value is
 * part of it).
 */
static size_t comment_at(const struct wd_ydoc *d, size_t from, size_t to)
{
	size_t i, closed = to;
	char quote = 0;

	for (i = from; i < to; i++) {
		char ch = d->src[i];

		if (quote) {
			if (ch == '\\' && quote == '"') {
				i++;
			} else if (ch == quote) {
				quote = 0;
				closed = i + 1;
			}
		} else if ((ch == '"' || ch == '\'') &&
			   (i == from || strchr(" \t{[,:", d->src[i - 1]))) {
			quote = ch;
		} else if (ch == '#' && (i == from || i == closed ||
					 strchr(" \t{[,]}", d->src[i - 1]))) {
			return i;
		}
	}
	return to;
}

/*
 * Back from `pos` over spaces, line breaks and comments ("a: 1  # note"),
 * not before `floor`: where the text before them ends.
 */
static size_t back_over(const struct wd_ydoc *d, size_t pos, size_t floor)
{
	size_t hash;

	for (;;) {
		while (pos > floor && strchr(" \t\r\n", d->src[pos - 1]))
			pos--;
		hash = comment_at(d, line_start(d, pos), pos);
		if (hash == pos || hash < floor)
			return pos;
		pos = hash;
	}
}

static unsigned indent_of(const struct wd_ydoc *d, const struct wd_ynode *n)
{
	return (unsigned)(n->start - line_start(d, n->start));
}

/* The '-' that starts item `i` of block sequence `seq`. */
static size_t dash_of(const struct wd_ydoc *d, const struct wd_ynode *seq,
		      size_t i)
{
	size_t dash = back_over(d, seq->items[i]->start, seq->start);

	if (dash > 0 && d->src[dash - 1] == '-')
		return dash - 1;
	/* "- !tag x", "- &a x": the properties come first */
	dash = seq->items[i]->start;
	while (dash > seq->start && d->src[dash - 1] != '-')
		dash--;
	return dash > 0 ? dash - 1 : 0;
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

/*
 * A line indented with a tab: libyaml reads one where a plain value
 * goes on over it ("key: a\n\t# note"), and nowhere else, so that a
 * change around it can make the file unreadable.  When the changed text
 * `src` (`n` bytes put for `del` at `off`) fails to parse on such a line
 * of the file's own (`perr`), that is the file's problem, said as such
 * at the line of the file (1, or 0).
 */
static int tab_indent(const struct wd_ydoc *d, const char *src, size_t len,
		      size_t off, size_t del, size_t n,
		      const struct wd_error *perr, struct wd_error *err)
{
	size_t p = 0, line = 1, col = 0, at, i;

	if (!perr->line)
		return 0;
	for (; p < len && line < perr->line; p++)
		if (src[p] == '\n')
			line++;
	while (p + col < len && src[p + col] == ' ')
		col++;
	if (p + col >= len || src[p + col] != '\t' ||
	    (p >= off && p < off + n))
		return 0;	/* not a tab, or in the text put in */
	at = p < off ? p : p - n + del;
	for (line = 1, i = 0; i < at; i++)
		if (d->src[i] == '\n')
			line++;
	wd_error_at(err, EX_DATAERR, d->name, (unsigned)line,
		    (unsigned)col + 1, "%s",
		    _("cannot change a file with a tab in the indentation"));
	wd_error_hint(err, "%s", _("indent with spaces"));
	return 1;
}

/*
 * Replace `del` bytes at `off` with `text`, and parse the result; with
 * `gone` > 0 (a removal: the nodes it takes), the new tree must have
 * exactly that many nodes fewer, or nothing changes: a removal that
 * would take more or less than it meant, in a layout the editor reads
 * wrong ("- - - a" lists), is refused rather than written.
 */
static int apply_removal(struct wd_ydoc *d, size_t off, size_t del,
			 const char *text, size_t n, size_t gone,
			 struct wd_error *err);

static int apply(struct wd_ydoc *d, size_t off, size_t del,
		 const char *text, size_t n, struct wd_error *err)
{
	return apply_removal(d, off, del, text, n, 0, err);
}

static int apply_removal(struct wd_ydoc *d, size_t off, size_t del,
			 const char *text, size_t n, size_t gone,
			 struct wd_error *err)
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
		/* (nd owns src, parsed or not) */
		int known = err->code == EX_OSERR ||
			    tab_indent(d, src, len, off, del, n, err, err);

		wd_ydoc_release(&nd);
		if (known)
			return -1;
		if (gone)	/* a layout the editor reads wrong */
			return wd_error_at(err, EX_DATAERR, name, 0, 0, "%s",
					   _("cannot remove this here: the way the file is written, it would not read any more"));
		return wd_error_at(err, EX_SOFTWARE, name, 0, 0, "%s",
				   _("internal error: the change would make the file invalid"));
	}
	if (gone && d->root) {
		size_t was = d->root->weight, now = nd.root ? nd.root->weight : 0;

		/* the root mapping's last key gone leaves nothing at all */
		if (now + gone != was && !(!nd.root && gone + 1 == was)) {
			wd_ydoc_release(&nd);
			return wd_error_at(err, EX_DATAERR, name, 0, 0, "%s",
					   _("cannot remove this here: the way the file is written, more would go with it"));
		}
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

/*
 * Where the file has a line break other than LF or CRLF (a CR alone, as
 * old Macs wrote, or Unicode's NEL, LS or PS, which YAML also reads as
 * line breaks) or a byte order mark after its start: the edits find
 * lines and indentation by bytes, so such a file is not changed.  0
 * when there is none.
 */
static size_t odd_break(const struct wd_ydoc *d, unsigned *line)
{
	const unsigned char *s = (const unsigned char *)d->src;
	size_t i;

	*line = 1;
	for (i = d->bom; i < d->len; i++) {
		if (s[i] == '\n')
			(*line)++;
		else if ((s[i] == '\r' && (i + 1 == d->len || s[i + 1] != '\n')) ||
			 (s[i] == 0xc2 && i + 1 < d->len && s[i + 1] == 0x85) ||
			 (s[i] == 0xe2 && i + 2 < d->len && s[i + 1] == 0x80 &&
			  (s[i + 2] == 0xa8 || s[i + 2] == 0xa9)) ||
			 (s[i] == 0xef && i + 2 < d->len && s[i + 1] == 0xbb &&
			  s[i + 2] == 0xbf))
			return i + 1;
	}
	return 0;
}

static int editable(struct wd_ydoc *d, struct wd_error *err)
{
	unsigned line;

	if (d->has_alias)
		return wd_error_at(err, EX_DATAERR, d->name, 0, 0, "%s",
				   _("cannot change a file that uses aliases (*name)"));
	if (odd_break(d, &line)) {
		wd_error_at(err, EX_DATAERR, d->name, line, 0, "%s",
			    _("cannot change a file with a line break other than LF or CRLF, or a byte order mark inside it"));
		wd_error_hint(err, "%s",
			      _("save the file as UTF-8 with ordinary line ends (not a CR alone, NEL, LS or PS)"));
		return -1;
	}
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

/*
 * A plain value put right before `end` runs on into what follows when
 * that is not a space or a line end ("[ ]#x" is a list and a comment,
 * "a#x" one value): then the value goes in double quotes instead.
 */
static int fit_before(const struct wd_ydoc *d, size_t end, int flow,
		      struct wd_buf *b, const char *v, int flags)
{
	char c = end < d->len ? d->src[end] : '\0';

	if ((flags & WD_YE_RAW) || !b->len || b->ptr[0] == '"' ||
	    b->ptr[0] == '\'')
		return 0;
	if (!c || strchr(" \t\r\n", c) || (flow && strchr(",]}", c)))
		return 0;
	wd_buf_reset(b);
	return emit_double(b, v);
}

/*
 * A block scalar's "|" may stand on a line of its own, below its key and
 * no deeper ("key:\n|"); a value that replaces it goes two columns in.
 */
static int own_line(const struct wd_ydoc *d, const struct wd_ynode *n)
{
	size_t ls = line_start(d, n->start);

	return strspn(d->src + ls, " ") >= n->start - ls;
}

/* Whether `pos` follows a ':' (spaces, line breaks, comments between). */
static int after_colon(const struct wd_ydoc *d, size_t pos)
{
	pos = back_over(d, pos, 0);
	return pos > 0 && d->src[pos - 1] == ':';
}

/*
 * Where a node's text ends: a block scalar ("|", ">"), or a collection
 * ending in one, holds the line break and blank lines after its text;
 * an edit replacing the node leaves those where they are.
 */
static size_t text_end(const struct wd_ydoc *d, const struct wd_ynode *n)
{
	size_t end = n->end;

	if (end > n->start && d->src[end - 1] == '\n')
		while (end > n->start + 1 && strchr(" \t\r\n", d->src[end - 1]))
			end--;
	return end;
}

int wd_yedit_scalar(struct wd_ydoc *d, const struct wd_ynode *node,
		    const char *v, int flags, struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(0);
	size_t start = node->start, end = text_end(d, node);

	if (editable(d, err) < 0)
		return -1;
	if (node->type != WD_YSCALAR)
		return cannot(d, err, _("internal error: not a scalar"));
	if (node->style == WD_YLITERAL || node->style == WD_YFOLDED) {
		if ((own_line(d, node) && wd_buf_adds(&b, "  ") < 0) ||
		    render_scalar(&b, NULL, v, flags) < 0)
			goto oom;
	} else if (render_scalar(&b, node, v, flags) < 0) {
		goto oom;
	}
	if (fit_before(d, end, node->in_flow, &b, v, flags) < 0)
		goto oom;
	if (is_empty_null(node)) {
		/* "key:" -> "key: value"; in flow, "{key}" -> "{key: value}",
		 * right after the key ("{key\n}": the empty value is below) */
		int colon = !node->in_flow || after_colon(d, node->start);

		if (!colon)
			start = end = back_over(d, start, 0);
		if (wd_buf_splice(&b, 0, 0, colon ? " " : ": ", colon ? 1 : 2) < 0)
			goto oom;
	}
	return apply_buf(d, start, end - start, &b, err);
oom:
	wd_buf_release(&b);
	return wd_error_oom(err);
}

/*
 * After the only entry of a flow collection: its trailing comma too, and
 * the spaces after it when the bracket closes there ("{a: 1, }" -> "{}").
 */
static size_t past_comma(const struct wd_ydoc *d, size_t pos)
{
	size_t p = pos;

	/* the comma may be lines below, past comments ("1 # c\n, }") */
	while (p < d->len && strchr(" \t\r\n#", d->src[p])) {
		if (d->src[p] == '#')
			while (p + 1 < d->len && d->src[p + 1] != '\n')
				p++;
		p++;
	}
	if (p >= d->len || d->src[p] != ',')
		return pos;
	pos = ++p;
	while (p < d->len && (d->src[p] == ' ' || d->src[p] == '\t'))
		p++;
	return p < d->len && (d->src[p] == '}' || d->src[p] == ']') ? p : pos;
}

/* After "&anchor" or "!tag" properties at pos (and the spaces before them). */
static size_t past_props(const struct wd_ydoc *d, size_t pos)
{
	size_t p = pos;

	for (;;) {
		while (p < d->len && (d->src[p] == ' ' || d->src[p] == '\t'))
			p++;
		if (p >= d->len || (d->src[p] != '&' && d->src[p] != '!'))
			return pos;
		while (p < d->len && !strchr(" \t\r\n,]}", d->src[p]))
			p++;
		pos = p;
	}
}

/* After a key: where its ':' is on the same line (spaces between), or 0. */
static size_t colon_after(const struct wd_ydoc *d, size_t pos)
{
	while (pos < d->len && (d->src[pos] == ' ' || d->src[pos] == '\t'))
		pos++;
	return pos < d->len && d->src[pos] == ':' ? pos : 0;
}

/*
 * Where a new entry goes in a flow collection, and what comes before it:
 * right after the last entry (before a trailing comma or a comment), or
 * right after the opening bracket.  The parser says where entries end:
 * no guessing what is a comment.
 */
static size_t after_last(const struct wd_ydoc *d, const struct wd_ynode *c,
			 const char **sep)
{
	const struct wd_ynode *last, *key;
	size_t colon;

	*sep = ", ";
	if (!c->n) {
		size_t open = c->start;

		/* after the bracket: a tag or an anchor may come first, and
		 * comments ("!t # [x]\n []") */
		while (open + 1 < c->end && d->src[open] != '[' &&
		       d->src[open] != '{') {
			if (d->src[open] == '#')
				while (open + 1 < c->end && d->src[open + 1] != '\n')
					open++;
			else if (d->src[open] == '!' || d->src[open] == '&')
				while (open + 1 < c->end &&
				       !strchr(" \t\r\n", d->src[open + 1]))
					open++;
			open++;
		}
		*sep = "";
		return open + 1;
	}
	if (c->type == WD_YSEQ) {
		last = c->items[c->n - 1];
		if (last->type != WD_YMAP || d->src[last->start] == '{')
			return last->end;
		c = last;	/* "[a: 1]": the pair's value ends it */
	}
	key = c->items[2 * c->n - 2];
	last = c->items[2 * c->n - 1];
	/* a value, or an empty one's anchor ("{a: &x}"): after it */
	if (!is_empty_null(last) || last->end > last->start)
		return last->end;
	/* "{a}", "{a:}", "{a: }": after the key, or after its ':' and a space */
	colon = colon_after(d, key->end);
	if (!colon)
		return key->end;
	if (colon + 1 < d->len && d->src[colon + 1] == ' ')
		return colon + 2;
	*sep = " , ";
	return colon + 1;
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
	const char *nl = newline(d), *sep;
	unsigned ind = 0;
	size_t pos;

	if (map && map->style == WD_YFLOW) {
		if (!inl)
			return cannot(d, err, _("cannot add a block value to a { } mapping"));
		if (d->src[map->start] != '{')
			return cannot(d, err, _("cannot add a key to a pair in a [ ] list (\"[a: 1]\"); write it as { }"));
		pos = after_last(d, map, &sep);
		if (wd_buf_addf(&b, "%s%s: %s", sep, key, inl) < 0 ||
		    (d->src[pos] == '#' && wd_buf_addc(&b, ' ') < 0))
			goto oom;	/* a comment right after stays one */
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

		if (ind + 2 >= sizeof(first)) {
			wd_buf_release(&b);
			return cannot(d, err, _("nested too deeply to change"));
		}
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

/*
 * "? key", or a key on more than one line ("{a\n b}"): the key's lines
 * are not "key: value", as edits assume.  A '?' indicator is in the gap
 * before the key, after the mapping's start or the previous entry: a gap
 * of blanks, indicators and comments only, where no scalar can hide one
 * ("question: Why?" ends before the gap), and where a comment may stand
 * between the '?' and its key ("? # note\n  key").
 */
static int explicit_key(const struct wd_ydoc *d, const struct wd_ynode *map,
			size_t i)
{
	const struct wd_ynode *k = map->items[2 * i], *pk, *pv;
	size_t p;

	if (memchr(d->src + k->start, '\n', k->end - k->start))
		return 1;
	p = past_props(d, map->start);	/* a tag may hold a '?' */
	if (i > 0) {
		pk = map->items[2 * i - 2];
		pv = map->items[2 * i - 1];
		p = pv->end > pv->start && pv->end > pk->end ? pv->end : pk->end;
	}
	/* no scalar in the gap: any '#' there begins a comment ("[1]#c") */
	for (; p < k->start; p++) {
		if (d->src[p] == '?')
			return 1;
		if (d->src[p] == '#')
			while (p + 1 < k->start && d->src[p + 1] != '\n')
				p++;
	}
	return 0;
}

static int check_map(struct wd_ydoc *d, const struct wd_ynode **map,
		     struct wd_error *err)
{
	size_t i;

	if (editable(d, err) < 0)
		return -1;
	if (!*map)
		*map = d->root;
	if (*map && (*map)->type != WD_YMAP)
		return cannot(d, err, _("internal error: not a mapping"));
	for (i = 0; *map && i < (*map)->n; i++)
		if (explicit_key(d, *map, i))
			return wd_error_at(err, EX_DATAERR, d->name,
					   (*map)->items[2 * i]->line,
					   (*map)->items[2 * i]->col, "%s",
					   _("cannot change a mapping with a '? key' or a key on more than one line"));
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
	if (val && val->type == WD_YSCALAR && !is_empty_null(val))
		return wd_yedit_scalar(d, val, v, flags, err);
	if (map && map->style == WD_YFLOW)
		flags |= WD_YE_FLOW;
	if (val && val->type == WD_YSCALAR) {
		/*
		 * Nothing yet ("key:", "{a}", "{a: }"): the value goes right
		 * after the key's ':', or after the key with one; an empty
		 * value has no place of its own to go by.
		 */
		size_t colon = colon_after(d, k->end);
		size_t pos = colon ? past_props(d, colon + 1) : k->end;

		/* an anchor of the empty value on a line of its own
		 * ("key:\n  &a"): the value goes after it, not before */
		if (val->end > val->start && val->end > pos)
			pos = val->end;

		if (wd_yemit_scalar(&b, v, flags) < 0 ||
		    fit_before(d, pos, map->style == WD_YFLOW, &b, v, flags) < 0 ||
		    wd_buf_splice(&b, 0, 0, colon ? " " : ": ", colon ? 1 : 2) < 0) {
			wd_buf_release(&b);
			return wd_error_oom(err);
		}
		return apply_buf(d, pos, 0, &b, err);
	}
	if (wd_yemit_scalar(&b, v, flags) < 0 ||
	    (val && fit_before(d, text_end(d, val), flags & WD_YE_FLOW, &b, v,
			       flags) < 0)) {
		wd_buf_release(&b);
		return wd_error_oom(err);
	}
	if (val) {
		/* a list or mapping becomes a scalar: "key: value" */
		if (wd_buf_splice(&b, 0, 0, ": ", 2) < 0) {
			wd_buf_release(&b);
			return wd_error_oom(err);
		}
		return apply_buf(d, k->end, text_end(d, val) - k->end, &b, err);
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
	if (is_empty_null(val) &&
	    (val->end == val->start || val->line == k->line)) {
		/* nothing, or an anchor on the key's line ("key: &a"), which
		 * the list then has; one below ("key:\n  &a") is replaced */
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
	size_t i, from, to, gone;

	if (check_map(d, &map, err) < 0)
		return -1;
	k = wd_ymap_key(map, key);
	if (!k)
		return 0;
	val = wd_ymap_get(map, key);
	gone = k->weight + val->weight;
	for (i = 0; i < map->n; i++)
		if (map->items[2 * i] == k)
			break;
	if (map->style == WD_YFLOW) {
		if (map->n == 1 && d->src[map->start] != '{') {
			/* "[a: 1]": a pair in a list is a mapping: "[{}]" */
			return apply_removal(d, k->start, val->end - k->start,
					     "{}", 2, gone, err);
		} else if (map->n == 1) {
			from = k->start;
			to = past_comma(d, val->end);
		} else if (i + 1 < map->n) {
			from = k->start;
			to = map->items[2 * i + 2]->start;
		} else {
			from = map->items[2 * i - 1]->end;
			to = val->end;
		}
		return apply_removal(d, from, to - from, "", 0, gone, err);
	}
	from = line_start(d, k->start);
	to = after_line(d, val->end);
	if (i + 1 < map->n || (i > 0 && ends_block(d, map->items[2 * i - 1])))
		to = past_blank_lines(d, to);
	if (i > 0 && ends_block(d, map->items[2 * i - 1]) &&
	    taken_in(d, to, k->start - from))
		return taken_in_error(d, k, err);
	if (strspn(d->src + from, " ") < k->start - from) {
		/* the first key of a list item: "- key: v" */
		if (map->n == 1)
			return apply_removal(d, k->start,
					     text_end(d, val) - k->start, "{}",
					     2, gone, err);
		from = k->start;
		to = map->items[2 * i + 2]->start;
	}
	return apply_removal(d, from, to - from, "", 0, gone, err);
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
	const char *nl, *sep;
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
		pos = after_last(d, seq, &sep);
		for (i = 0; i < n; i++)
			if (wd_buf_adds(&b, i ? ", " : sep) < 0 ||
			    wd_yemit_scalar(&b, items[i], WD_YE_FLOW) < 0)
				goto oom;
		if (d->src[pos] == '#' && wd_buf_addc(&b, ' ') < 0)
			goto oom;
		return apply_buf(d, pos, 0, &b, err);
	}
	if (seq && seq->type == WD_YSEQ) {
		/* the items' column ("key: !tag\n  - a": not the tag's) */
		ind = (unsigned)(dash_of(d, seq, 0) -
				 line_start(d, dash_of(d, seq, 0)));
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
	int shared;

	if (editable(d, err) < 0)
		return -1;
	if (!seq || seq->type != WD_YSEQ || i >= seq->n)
		return cannot(d, err, _("internal error: no such list item"));
	it = seq->items[i];
	if (seq->style == WD_YFLOW) {
		if (seq->n == 1) {
			from = it->start;
			to = past_comma(d, it->end);
		} else if (i + 1 < seq->n) {
			from = it->start;
			to = seq->items[i + 1]->start;
		} else {
			from = seq->items[i - 1]->end;
			to = it->end;
		}
		return apply_removal(d, from, to - from, "", 0, it->weight, err);
	}
	dash = dash_of(d, seq, i);
	from = line_start(d, dash);
	to = after_line(d, it->end);
	/* the last item's: only when a block scalar would take them in */
	if (i + 1 < seq->n || (i > 0 && ends_block(d, seq->items[i - 1])))
		to = past_blank_lines(d, to);
	if (i > 0 && ends_block(d, seq->items[i - 1]) &&
	    taken_in(d, to, dash - from))
		return taken_in_error(d, it, err);
	/* "- - a": the first item shares its line with an outer "- " */
	shared = strspn(d->src + from, " ") < dash - from;
	if (seq->n == 1) {
		/* the only item: leave an empty list, indented as a value
		 * ("key:\n- a" is fine, "key:\n[]" is not) */
		const char *empty = shared ? "[]" : "  []";

		return apply_removal(d, dash, text_end(d, it) - dash, empty,
				     strlen(empty), it->weight, err);
	}
	if (shared)
		return apply_removal(d, dash, dash_of(d, seq, i + 1) - dash, "",
				     0, it->weight, err);
	return apply_removal(d, from, to - from, "", 0, it->weight, err);
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

/* csvio.c - CSV files in (through libcsv), with errors at FILE:ROW:COLUMN */
#include "csvio.h"
#include "buf.h"
#include "i18n.h"
#include "out.h"
#include "utf8.h"
#include "vocab.h"

#include <csv.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void wd_csv_init(struct wd_csv *c)
{
	memset(c, 0, sizeof(*c));
	wd_arena_init(&c->arena);
}

void wd_csv_release(struct wd_csv *c)
{
	free(c->col);
	free(c->rows);
	wd_arena_release(&c->arena);
	wd_csv_init(c);
}

int wd_csv_encoding_known(const char *e)
{
	return !e || !strcasecmp(e, "utf-8") || !strcasecmp(e, "utf8") ||
	       !strcasecmp(e, "windows-1252") || !strcasecmp(e, "cp1252") ||
	       !strcasecmp(e, "latin1") || !strcasecmp(e, "iso-8859-1") ||
	       !strcasecmp(e, "iso-8859-15");
}

static int is_utf8_name(const char *e)
{
	return !e || !strcasecmp(e, "utf-8") || !strcasecmp(e, "utf8");
}

/* windows-1252's 0x80-0x9f; the rest of the upper half is Latin-1 */
static const unsigned short cp1252[32] = {
	0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
	0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
};

static int from_cp1252(struct wd_buf *out, const char *p, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)p[i];
		uint32_t cp = ch < 0x80 ? ch : ch < 0xa0 ? cp1252[ch - 0x80] : ch;

		if (wd_utf8_put(out, cp) < 0)
			return -1;
	}
	return 0;
}

/* --- where things are --- */

struct lines {
	size_t *start;			/* byte offset of each line */
	size_t n;
};

/* Whether byte i ends a line: LF, CRLF, or a CR alone (old Mac files). */
static int line_end(const char *p, size_t len, size_t i)
{
	return p[i] == '\n' || (p[i] == '\r' && (i + 1 == len || p[i + 1] != '\n'));
}

static int index_lines(struct lines *l, const char *p, size_t len)
{
	size_t i, n = 1;

	for (i = 0; i < len; i++)
		if (line_end(p, len, i))
			n++;
	l->start = malloc(n * sizeof(*l->start));
	if (!l->start)
		return -1;
	l->n = 0;
	l->start[l->n++] = 0;
	for (i = 0; i < len; i++)
		if (line_end(p, len, i) && i + 1 < len)
			l->start[l->n++] = i + 1;
	return 0;
}

/* The CSV column a byte offset falls in, counting delimiters outside quotes. */
static unsigned column_at(const char *p, size_t from, size_t at, char delim)
{
	unsigned col = 1;
	int quoted = 0;
	size_t i;

	for (i = from; i < at; i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (p[i] == delim && !quoted)
			col++;
	}
	return col;
}

static char detect_delim(const char *p, size_t len)
{
	size_t i, comma = 0, semi = 0, tab = 0;
	int quoted = 0;

	for (i = 0; i < len && p[i] != '\n'; i++) {
		if (p[i] == '"')
			quoted = !quoted;
		else if (!quoted && p[i] == ',')
			comma++;
		else if (!quoted && p[i] == ';')
			semi++;
		else if (!quoted && p[i] == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

/* --- parsing --- */

struct parse {
	struct wd_csv *c;
	const char *text;
	size_t len;
	struct lines lines;
	size_t line;			/* being fed, 0-based */
	size_t last_end;		/* line the last record ended on, +1 */
	unsigned rec_line;		/* 1-based start of the current record */
	const char **fields;
	size_t nfields, afields;
	size_t nfile;			/* columns in the header */
	int header_done;
	int failed;
	size_t skip;			/* lines before the header ("sep=;") */
	struct wd_error *err;
};

static int blank_line(const struct parse *p, size_t line)
{
	size_t s = p->lines.start[line];
	size_t e = line + 1 < p->lines.n ? p->lines.start[line + 1] : p->len;

	for (; s < e; s++)
		if (p->text[s] != '\r' && p->text[s] != '\n')
			return 0;
	return 1;
}

/* The first line with something on it after the last record. */
static unsigned record_line(const struct parse *p)
{
	size_t l = p->last_end > p->skip ? p->last_end : p->skip;

	while (l < p->lines.n && blank_line(p, l))
		l++;
	return (unsigned)(l < p->lines.n ? l + 1 : p->lines.n);
}

static void on_field(void *s, size_t n, void *data)
{
	struct parse *p = data;
	char *v;

	if (p->failed)
		return;
	if (!p->nfields)
		p->rec_line = record_line(p);
	if (p->nfields == p->afields) {
		size_t na = p->afields ? p->afields * 2 : 16;
		const char **f = realloc(p->fields, na * sizeof(*f));

		if (!f) {
			p->failed = 1;
			wd_error_oom(p->err);
			return;
		}
		p->fields = f;
		p->afields = na;
	}
	/* libcsv trims blanks off unquoted fields, and keeps quoted ones */
	v = wd_arena_strndup(&p->c->arena, s ? s : "", s ? n : 0);
	if (!v) {
		p->failed = 1;
		wd_error_oom(p->err);
		return;
	}
	p->fields[p->nfields++] = v;
}

/* "name, email, ..." (the first name of each), in b; "" out of memory. */
static const char *known_columns(const struct wd_csv *c, struct wd_buf *b)
{
	size_t i;

	wd_buf_reset(b);
	for (i = 0; i < c->nspec; i++)
		if (wd_buf_addf(b, "%s%s", i ? ", " : "",
				c->spec[i].names[0] ? c->spec[i].names[0] :
				c->spec[i].key) < 0)
			return "";
	return wd_buf_str(b);
}

static int match_header(struct parse *p)
{
	struct wd_csv *c = p->c;
	struct wd_buf h = WD_BUF_INIT(0), n = WD_BUF_INIT(0);
	const char *cand[64];
	size_t i, j, k, ncand = 0;
	int r = -1;

	c->col = calloc(c->nspec ? c->nspec : 1, sizeof(*c->col));
	if (!c->col)
		return wd_error_oom(p->err);
	for (i = 0; i < c->nspec; i++)
		for (k = 0; k < 6 && c->spec[i].names[k] && ncand < 64; k++)
			cand[ncand++] = c->spec[i].names[k];
	for (j = 0; j < p->nfields; j++) {
		const char *head = p->fields[j];

		wd_buf_reset(&h);
		if (wd_utf8_fold(&h, head) < 0)
			goto oom;
		if (!h.len)
			continue;	/* an empty header cell: ignore its column */
		for (i = 0; i < c->nspec; i++) {
			for (k = 0; k < 6 && c->spec[i].names[k]; k++) {
				wd_buf_reset(&n);
				if (wd_utf8_fold(&n, c->spec[i].names[k]) < 0)
					goto oom;
				if (!strcmp(h.ptr, n.ptr))
					break;
			}
			if (k < 6 && c->spec[i].names[k])
				break;
		}
		if (i == c->nspec) {
			const char *s = wd_closest(head, cand, ncand);

			if (s)
				wd_error_at(p->err, EX_DATAERR, c->name, p->rec_line,
					    (unsigned)j + 1,
					    _("unknown column '%s' (did you mean '%s'?)"),
					    head, s);
			else
				wd_error_at(p->err, EX_DATAERR, c->name, p->rec_line,
					    (unsigned)j + 1, _("unknown column '%s'"),
					    head);
			wd_error_hint(p->err, _("the columns it knows: %s; a column with an empty header is left out"),
				      known_columns(c, &n));
			goto out;
		}
		if (c->col[i]) {
			wd_error_at(p->err, EX_DATAERR, c->name, p->rec_line, (unsigned)j + 1,
				    _("column '%s' twice (also column %u)"), head,
				    c->col[i]);
			goto out;
		}
		c->col[i] = (unsigned)j + 1;
	}
	for (i = 0; i < c->nspec; i++)
		if (c->spec[i].required && !c->col[i]) {
			wd_error_at(p->err, EX_DATAERR, c->name, p->rec_line, 1,
				    _("no column '%s' (or '%s')"), c->spec[i].key,
				    c->spec[i].names[1] ? c->spec[i].names[1] :
				    c->spec[i].key);
			goto out;
		}
	p->nfile = p->nfields;
	r = 0;
	goto out;
oom:
	wd_error_oom(p->err);
out:
	wd_buf_release(&h);
	wd_buf_release(&n);
	return r;
}

static int add_row(struct parse *p)
{
	struct wd_csv *c = p->c;
	struct wd_csv_row *row;
	size_t i;
	int any = 0;

	for (i = 0; i < p->nfields && !*p->fields[i]; i++)
		;
	if (i == p->nfields)
		return 0;	/* ";;;": a row a spreadsheet left empty */
	if (p->nfields > p->nfile) {
		wd_error_at(p->err, EX_DATAERR, c->name, p->rec_line,
			    (unsigned)p->nfile + 1,
			    _("%zu fields, but the header has %zu columns"),
			    p->nfields, p->nfile);
		return -1;
	}
	if (c->nrows == c->arows) {
		size_t na = c->arows ? c->arows * 2 : 64;
		struct wd_csv_row *v = realloc(c->rows, na * sizeof(*v));

		if (!v)
			return wd_error_oom(p->err);
		c->rows = v;
		c->arows = na;
	}
	row = &c->rows[c->nrows];
	row->line = p->rec_line;
	row->v = wd_arena_alloc(&c->arena, (c->nspec ? c->nspec : 1) * sizeof(*row->v));
	if (!row->v)
		return wd_error_oom(p->err);
	for (i = 0; i < c->nspec; i++) {
		const char *v = c->col[i] && c->col[i] <= p->nfields ?
				p->fields[c->col[i] - 1] : NULL;

		row->v[i] = v && *v ? wd_csv_unneutral(v) : NULL;
		any |= row->v[i] != NULL;
	}
	/* nothing in the columns read (only in one left out): no row */
	c->nrows += any;
	return 0;
}

static void on_row(int ch, void *data)
{
	struct parse *p = data;

	(void)ch;
	if (p->failed)
		return;
	if (!p->nfields)
		p->rec_line = record_line(p);
	p->last_end = p->line + 1;
	if (!p->header_done) {
		p->header_done = 1;
		if (match_header(p) < 0)
			p->failed = 1;
	} else if (add_row(p) < 0) {
		p->failed = 1;
	}
	p->nfields = 0;
}

static int parse_error(struct parse *p, struct csv_parser *cp, size_t at)
{
	unsigned line = record_line(p);
	size_t from = p->lines.start[line - 1];

	if (csv_error(cp) == CSV_ENOMEM)
		return wd_error_oom(p->err);
	return wd_error_at(p->err, EX_DATAERR, p->c->name, line,
			   column_at(p->text, from, at > from ? at : from,
				     p->c->delim),
			   "%s", _("broken CSV: a quote is not closed, or a stray quote is inside a field"));
}

static int run(struct parse *p)
{
	struct csv_parser cp;
	size_t i;
	int r = -1;

	if (csv_init(&cp, CSV_STRICT | CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
		return wd_error_oom(p->err);
	csv_set_delim(&cp, (unsigned char)p->c->delim);
	for (i = p->skip; i < p->lines.n; i++) {
		size_t s = p->lines.start[i];
		size_t e = i + 1 < p->lines.n ? p->lines.start[i + 1] : p->len;

		p->line = i;
		if (csv_parse(&cp, p->text + s, e - s, on_field, on_row, p) != e - s) {
			parse_error(p, &cp, e);
			goto out;
		}
		if (p->failed)
			goto out;
	}
	p->line = p->lines.n ? p->lines.n - 1 : 0;
	if (csv_fini(&cp, on_field, on_row, p) != 0) {
		parse_error(p, &cp, p->len);
		goto out;
	}
	if (p->failed)
		goto out;
	if (!p->header_done) {
		wd_error_at(p->err, EX_DATAERR, p->c->name, 1, 1, "%s",
			    _("empty file: a header row is needed"));
		goto out;
	}
	r = 0;
out:
	csv_free(&cp);
	return r;
}

int wd_csv_read(struct wd_csv *c, const char *data, size_t len,
		const char *name, const char *encoding,
		const struct wd_csv_col *spec, size_t nspec,
		struct wd_error *err)
{
	struct wd_buf conv = WD_BUF_INIT(0);
	struct parse p;
	size_t bad;
	int r = -1;

	memset(&p, 0, sizeof(p));
	c->spec = spec;
	c->nspec = nspec;
	c->name = wd_arena_strdup(&c->arena, name);
	if (!c->name)
		return wd_error_oom(err);
	if (!wd_csv_encoding_known(encoding))
		return wd_error_set(err, EX_USAGE,
				    _("unknown encoding '%s' (use utf-8 or windows-1252)"),
				    encoding);
	if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3)) {
		data += 3;
		len -= 3;
	}
	if (!is_utf8_name(encoding)) {
		if (from_cp1252(&conv, data, len) < 0) {
			wd_buf_release(&conv);
			return wd_error_oom(err);
		}
		data = wd_buf_str(&conv);
		len = conv.len;
	}
	p.c = c;
	p.text = data;
	p.len = len;
	p.err = err;
	/* Excel's "sep=;" line: the delimiter, said before the header */
	if (len >= 5 && !strncasecmp(data, "sep=", 4) &&
	    data[4] && strchr(",;\t|", data[4]) &&
	    (len == 5 || data[5] == '\n' || data[5] == '\r')) {
		c->delim = data[4];
		p.skip = 1;
	} else {
		c->delim = detect_delim(data, len);
	}
	if (index_lines(&p.lines, data, len) < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (memchr(data, '\0', len)) {
		size_t at = (size_t)((const char *)memchr(data, '\0', len) - data);
		size_t l = 0;

		while (l + 1 < p.lines.n && p.lines.start[l + 1] <= at)
			l++;
		wd_error_at(err, EX_DATAERR, name, (unsigned)l + 1,
			    column_at(data, p.lines.start[l], at, c->delim), "%s",
			    _("NUL byte in file"));
		goto out;
	}
	if (wd_utf8_check(data, len, &bad) < 0) {
		size_t l = 0;

		while (l + 1 < p.lines.n && p.lines.start[l + 1] <= bad)
			l++;
		wd_error_at(err, EX_DATAERR, name, (unsigned)l + 1,
			    column_at(data, p.lines.start[l], bad, c->delim),
			    _("not UTF-8 (byte 0x%02x)"),
			    (unsigned char)data[bad]);
		wd_error_hint(err, "%s",
			      _("a file saved by Excel is often windows-1252: try --encoding windows-1252"));
		goto out;
	}
	r = run(&p);
out:
	free(p.lines.start);
	free(p.fields);
	wd_buf_release(&conv);
	return r;
}

int wd_csv_error(const struct wd_csv *c, struct wd_error *err, unsigned line,
		 size_t i, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	return wd_error_at(err, EX_DATAERR, c->name, line,
			   i < c->nspec && c->col[i] ? c->col[i] : 1, "%s", msg);
}

/* out.c - rows out as an aligned table, CSV, TSV or JSON */
#include "out.h"
#include "i18n.h"
#include "utf8.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int wd_format_parse(const char *s, enum wd_format *f)
{
	static const char *const names[] = { "table", "csv", "tsv", "json" };
	size_t i;

	for (i = 0; i < 4; i++)
		if (!strcmp(s, names[i])) {
			*f = (enum wd_format)i;
			return 0;
		}
	return -1;
}

static int is_trigger(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' ||
	       c == '\r';
}

int wd_csv_neutral(struct wd_buf *b, const char *v)
{
	const char *p = v;

	while (*p == '\'')
		p++;
	if (is_trigger(*p) && wd_buf_addc(b, '\'') < 0)
		return -1;
	return wd_buf_adds(b, v);
}

const char *wd_csv_unneutral(const char *v)
{
	const char *p = v;

	if (*p != '\'')
		return v;
	while (*p == '\'')
		p++;
	return is_trigger(*p) ? v + 1 : v;
}

int wd_csv_field(struct wd_buf *b, const char *v, char delim)
{
	struct wd_buf n = WD_BUF_INIT(0);
	const char *p;
	int r = -1;

	if (wd_csv_neutral(&n, v) < 0)
		goto out;
	p = wd_buf_str(&n);
	/* spaces or tabs at either end are quoted: readers trim bare ones */
	if (!strpbrk(p, "\"\r\n") && !strchr(p, delim) &&
	    !(n.len && (strchr(" \t", p[0]) || strchr(" \t", p[n.len - 1])))) {
		r = wd_buf_adds(b, p);
		goto out;
	}
	if (wd_buf_addc(b, '"') < 0)
		goto out;
	for (; *p; p++)
		if ((*p == '"' && wd_buf_addc(b, '"') < 0) ||
		    wd_buf_addc(b, *p) < 0)
			goto out;
	r = wd_buf_addc(b, '"');
out:
	wd_buf_release(&n);
	return r;
}

int wd_json_string(struct wd_buf *b, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (wd_buf_addc(b, '"') < 0)
		return -1;
	for (; *p; p++) {
		const char *e = NULL;

		switch (*p) {
		case '"': e = "\\\""; break;
		case '\\': e = "\\\\"; break;
		case '\n': e = "\\n"; break;
		case '\r': e = "\\r"; break;
		case '\t': e = "\\t"; break;
		case '\b': e = "\\b"; break;
		case '\f': e = "\\f"; break;
		}
		if (e) {
			if (wd_buf_adds(b, e) < 0)
				return -1;
		} else if (*p < 0x20 || *p == 0x7f) {
			if (wd_buf_addf(b, "\\u%04x", *p) < 0)
				return -1;
		} else if (p[0] == 0xe2 && p[1] == 0x80 &&
			   (p[2] == 0xa8 || p[2] == 0xa9)) {
			/* U+2028/2029 break JavaScript string literals */
			if (wd_buf_addf(b, "\\u%04x", p[2] == 0xa8 ? 0x2028 : 0x2029) < 0)
				return -1;
			p += 2;
		} else if (wd_buf_addc(b, (char)*p) < 0) {
			return -1;
		}
	}
	return wd_buf_addc(b, '"');
}

void wd_out_begin(struct wd_out *o, enum wd_format fmt,
		  const struct wd_col *cols, size_t ncols,
		  wd_write_fn write, void *ctx)
{
	memset(o, 0, sizeof(*o));
	o->fmt = fmt;
	o->cols = cols;
	o->ncols = ncols;
	o->write = write;
	o->ctx = ctx;
	wd_buf_init(&o->line, 0);
}

void wd_out_release(struct wd_out *o)
{
	size_t i;

	for (i = 0; i < o->ncells; i++)
		free(o->cells[i]);
	free(o->cells);
	free(o->marks);
	o->cells = NULL;
	o->marks = NULL;
	o->ncells = 0;
	wd_buf_release(&o->line);
}

static int flush(struct wd_out *o)
{
	if (o->line.len && o->write(o->ctx, o->line.ptr, o->line.len) < 0) {
		o->failed = 1;
		return -1;
	}
	wd_buf_reset(&o->line);
	return 0;
}

static int tsv_field(struct wd_buf *b, const char *v)
{
	for (; *v; v++) {
		const char *e = *v == '\t' ? "\\t" : *v == '\n' ? "\\n" :
				*v == '\r' ? "\\r" : *v == '\\' ? "\\\\" : NULL;

		if (e ? wd_buf_adds(b, e) < 0 : wd_buf_addc(b, *v) < 0)
			return -1;
	}
	return 0;
}

static int header(struct wd_out *o)
{
	size_t i;
	int r = 0;

	for (i = 0; i < o->ncols && r == 0; i++) {
		if (i)
			r = wd_buf_addc(&o->line, o->fmt == WD_FMT_CSV ? ',' : '\t');
		if (r == 0)
			r = o->fmt == WD_FMT_CSV ?
				wd_csv_field(&o->line, o->cols[i].key, ',') :
				tsv_field(&o->line, o->cols[i].key);
	}
	if (r == 0)
		r = wd_buf_adds(&o->line, o->fmt == WD_FMT_CSV ? "\r\n" : "\n");
	return r;
}

static int json_list(struct wd_buf *b, const char *v)
{
	const char *p = v, *comma;
	struct wd_buf item = WD_BUF_INIT(0);
	int first = 1, r = -1;

	if (wd_buf_addc(b, '[') < 0)
		goto out;
	while (*p) {
		comma = strchr(p, ',');
		wd_buf_reset(&item);
		if (wd_buf_add(&item, p, comma ? (size_t)(comma - p) : strlen(p)) < 0)
			goto out;
		if ((!first && wd_buf_addc(b, ',') < 0) ||
		    wd_json_string(b, wd_buf_str(&item)) < 0)
			goto out;
		first = 0;
		p = comma ? comma + 1 : p + strlen(p);
	}
	r = wd_buf_addc(b, ']');
out:
	wd_buf_release(&item);
	return r;
}

static int json_row(struct wd_out *o, const char *const *v)
{
	struct wd_buf *b = &o->line;
	size_t i;

	if (wd_buf_adds(b, o->rows ? ",\n  {" : "[\n  {") < 0)
		return -1;
	for (i = 0; i < o->ncols; i++) {
		if ((i && wd_buf_adds(b, ", ") < 0) ||
		    wd_json_string(b, o->cols[i].key) < 0 ||
		    wd_buf_adds(b, ": ") < 0)
			return -1;
		if (!v[i]) {
			if (wd_buf_adds(b, o->cols[i].type == WD_COL_LIST ?
					"[]" : "null") < 0)
				return -1;
			continue;
		}
		switch (o->cols[i].type) {
		case WD_COL_NUMBER:
			if (wd_buf_adds(b, v[i][0] ? v[i] : "null") < 0)
				return -1;
			break;
		case WD_COL_BOOL:
			if (wd_buf_adds(b, strcmp(v[i], "0") ? "true" : "false") < 0)
				return -1;
			break;
		case WD_COL_LIST:
			if (json_list(b, v[i]) < 0)
				return -1;
			break;
		default:
			if (wd_json_string(b, v[i]) < 0)
				return -1;
		}
	}
	return wd_buf_addc(b, '}');
}

static int keep_cells(struct wd_out *o, const char *const *v)
{
	size_t i;

	if (o->ncells + o->ncols > o->acells) {
		size_t na = o->acells ? o->acells * 2 : 64;
		char **c;

		while (na < o->ncells + o->ncols)
			na *= 2;
		c = realloc(o->cells, na * sizeof(*c));
		if (!c)
			return -1;
		o->cells = c;
		o->acells = na;
	}
	for (i = 0; i < o->ncols; i++) {
		const char *s = v[i] ? v[i] : "";
		char *c = strdup(s);
		char *p;

		if (!c)
			return -1;
		/* one line per row in a table */
		for (p = c; *p; p++)
			if (*p == '\n' || *p == '\r' || *p == '\t')
				*p = ' ';
		o->cells[o->ncells++] = c;
	}
	return 0;
}

int wd_out_row(struct wd_out *o, const char *const *v)
{
	size_t i;
	int r = 0;

	if (o->fmt == WD_FMT_TABLE) {
		if (keep_cells(o, v) < 0)
			return -1;
		o->rows++;
		return 0;
	}
	if (!o->rows && o->fmt != WD_FMT_JSON && header(o) < 0)
		return -1;
	if (o->fmt == WD_FMT_JSON) {
		r = json_row(o, v);
	} else {
		for (i = 0; i < o->ncols && r == 0; i++) {
			if (i)
				r = wd_buf_addc(&o->line,
						o->fmt == WD_FMT_CSV ? ',' : '\t');
			if (r == 0 && v[i])
				r = o->fmt == WD_FMT_CSV ?
					wd_csv_field(&o->line, v[i], ',') :
					tsv_field(&o->line, v[i]);
		}
		if (r == 0)
			r = wd_buf_adds(&o->line,
					o->fmt == WD_FMT_CSV ? "\r\n" : "\n");
	}
	o->rows++;
	if (r < 0)
		return -1;
	return o->line.len > 65536 ? flush(o) : 0;
}

int wd_out_mark(struct wd_out *o)
{
	size_t row;

	if (o->fmt != WD_FMT_TABLE || !o->rows)
		return 0;
	row = o->rows - 1;
	if (row >= o->amarks) {
		size_t na = o->amarks ? o->amarks * 2 : 64;
		unsigned char *m;

		while (na <= row)
			na *= 2;
		m = realloc(o->marks, na);
		if (!m)
			return -1;
		memset(m + o->amarks, 0, na - o->amarks);
		o->marks = m;
		o->amarks = na;
	}
	o->marks[row] = 1;
	return 0;
}

/* ECMA-48 select graphic rendition: bold, red, back to normal */
#define SGR_BOLD "\033[1m"
#define SGR_RED "\033[31m"
#define SGR_OFF "\033[m"

static int marked(const struct wd_out *o, size_t row)
{
	return row < o->amarks && o->marks[row];
}

static int pad(struct wd_buf *b, size_t n)
{
	while (n--)
		if (wd_buf_addc(b, ' ') < 0)
			return -1;
	return 0;
}

static int table(struct wd_out *o, const char *footer)
{
	size_t *w = calloc(o->ncols ? o->ncols : 1, sizeof(*w));
	size_t i, r, last;
	int ret = -1;

	if (!w)
		return -1;
	for (i = 0; i < o->ncols; i++)
		w[i] = wd_utf8_width(o->cols[i].label);
	for (r = 0; r < o->rows; r++)
		for (i = 0; i < o->ncols; i++) {
			size_t cw = wd_utf8_width(o->cells[r * o->ncols + i]);

			if (cw > w[i])
				w[i] = cw;
		}
	last = o->ncols ? o->ncols - 1 : 0;
	if (o->colour && wd_buf_adds(&o->line, SGR_BOLD) < 0)
		goto out;
	for (i = 0; i < o->ncols; i++) {
		if (wd_buf_adds(&o->line, o->cols[i].label) < 0 ||
		    (i < last && pad(&o->line, w[i] - wd_utf8_width(o->cols[i].label) + 2) < 0))
			goto out;
	}
	if ((o->colour && wd_buf_adds(&o->line, SGR_OFF) < 0) ||
	    wd_buf_addc(&o->line, '\n') < 0)
		goto out;
	for (r = 0; r < o->rows; r++) {
		int red = o->colour && marked(o, r);

		if (red && wd_buf_adds(&o->line, SGR_RED) < 0)
			goto out;
		for (i = 0; i < o->ncols; i++) {
			const char *c = o->cells[r * o->ncols + i];

			if (wd_buf_adds(&o->line, c) < 0 ||
			    (i < last && pad(&o->line, w[i] - wd_utf8_width(c) + 2) < 0))
				goto out;
		}
		/* no trailing blanks */
		while (o->line.len && o->line.ptr[o->line.len - 1] == ' ')
			wd_buf_truncate(&o->line, o->line.len - 1);
		if ((red && wd_buf_adds(&o->line, SGR_OFF) < 0) ||
		    wd_buf_addc(&o->line, '\n') < 0 ||
		    (o->line.len > 65536 && flush(o) < 0))
			goto out;
	}
	if (footer && *footer && wd_buf_addf(&o->line, "\n%s\n", footer) < 0)
		goto out;
	ret = 0;
out:
	free(w);
	return ret;
}

int wd_out_end(struct wd_out *o, const char *footer)
{
	int r = 0;

	switch (o->fmt) {
	case WD_FMT_TABLE:
		/* nothing to read: no header either */
		r = o->rows ? table(o, footer) : 0;
		break;
	case WD_FMT_JSON:
		r = wd_buf_adds(&o->line, o->rows ? "\n]\n" : "[]\n");
		break;
	default:
		if (!o->rows)
			r = header(o);
		break;
	}
	if (r < 0)
		return -1;
	return flush(o);
}

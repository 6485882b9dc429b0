/* template.c - text with {{name}} placeholders */
#include "template.h"
#include "i18n.h"
#include "vocab.h"

#include <string.h>

int wd_html_escape(struct wd_buf *out, const char *s)
{
	const char *e;

	for (; *s; s++) {
		switch (*s) {
		case '&': e = "&amp;"; break;
		case '<': e = "&lt;"; break;
		case '>': e = "&gt;"; break;
		case '"': e = "&quot;"; break;
		case '\'': e = "&#39;"; break;
		default: e = NULL; break;
		}
		if (e ? wd_buf_adds(out, e) < 0 : wd_buf_addc(out, *s) < 0)
			return -1;
	}
	return 0;
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

static void where(const char *tpl, const char *p, unsigned *line,
		  unsigned *col)
{
	const char *q;

	*line = 1;
	*col = 1;
	for (q = tpl; q < p; q++) {
		if (*q == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)*q & 0xc0) != 0x80) {
			(*col)++;
		}
	}
}

int wd_template_render(struct wd_buf *out, const char *tpl, size_t len,
		       const char *name, const struct wd_tvars *vars,
		       wd_escape_fn escape, struct wd_error *err)
{
	const char *p = tpl, *end = tpl + len, *open, *a, *b;
	unsigned line, col;
	char word[64];
	size_t i, n;

	while (p < end) {
		open = p;
		while ((open = memchr(open, '{', (size_t)(end - open))) &&
		       (open + 1 == end || open[1] != '{'))
			open++;
		if (!open)
			open = end;
		if (wd_buf_add(out, p, (size_t)(open - p)) < 0)
			return wd_error_oom(err);
		if (open == end)
			break;
		a = open + 2;
		while (a < end && *a == ' ')
			a++;
		b = a;
		while (b < end && is_name_char(*b))
			b++;
		n = (size_t)(b - a);
		while (b < end && *b == ' ')
			b++;
		if (!n || n >= sizeof(word) || end - b < 2 || b[0] != '}' ||
		    b[1] != '}') {
			where(tpl, open, &line, &col);
			return wd_error_at(err, EX_DATAERR, name, line, col, "%s",
					   _("unfinished placeholder: '{{' without 'name}}'"));
		}
		memcpy(word, a, n);
		word[n] = '\0';
		for (i = 0; i < vars->n; i++)
			if (!strcmp(vars->names[i], word))
				break;
		if (i == vars->n) {
			const char *s = wd_closest(word, vars->names, vars->n);

			where(tpl, open, &line, &col);
			if (s)
				return wd_error_at(err, EX_DATAERR, name, line, col,
						   _("unknown placeholder '{{%s}}' (did you mean '{{%s}}'?)"),
						   word, s);
			return wd_error_at(err, EX_DATAERR, name, line, col,
					   _("unknown placeholder '{{%s}}'"), word);
		}
		if (vars->values[i] &&
		    (escape ? escape(out, vars->values[i]) :
		     wd_buf_adds(out, vars->values[i])) < 0)
			return wd_error_oom(err);
		p = b + 2;
	}
	return 0;
}

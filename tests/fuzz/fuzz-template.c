/*
 * fuzz-template.c - template rendering: any template, any values
 *
 * Input: byte 0 says whether values are HTML-escaped; the rest is split
 * at NUL bytes: the template, then the values of the placeholders
 * {{name}}, {{title}}, {{start.date}}, {{place-name}}, {{x}} (fewer
 * parts: the others are NULL, which renders as nothing).
 *
 * Promised: no crash, no leak; the result is exactly what a second,
 * simple reading of the template rules gives (text as it is, each
 * {{ name }} its value, escaped for HTML when asked, never read again as
 * a template; an unfinished or unknown placeholder an EX_DATAERR at its
 * line and column); with escaping, no <, >, " or ' but the template's
 * own reaches the output.
 *
 * A new template function (letters, mail headers) gets its own harness
 * or a flag byte here.
 */
#include "fuzz.h"

#include "template.h"

#include <string.h>

static const char *const names[] = {
	"name", "title", "start.date", "place-name", "x",
};
#define NNAMES (sizeof(names) / sizeof(*names))

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/* The rules again, as simply as they can be said: -1 on an error. */
static int model(struct wd_buf *out, const char *t, size_t len,
		 const char *const *values, int html)
{
	size_t i = 0, a, b, k, j;

	while (i < len) {
		if (t[i] != '{' || i + 1 >= len || t[i + 1] != '{') {
			if (wd_buf_addc(out, t[i++]) < 0)
				return -2;
			continue;
		}
		a = i + 2;
		while (a < len && t[a] == ' ')
			a++;
		b = a;
		while (b < len && name_char(t[b]))
			b++;
		k = b;
		while (k < len && t[k] == ' ')
			k++;
		if (b == a || b - a >= 64 || k + 2 > len || t[k] != '}' ||
		    t[k + 1] != '}')
			return -1;
		for (j = 0; j < NNAMES; j++)
			if (strlen(names[j]) == b - a && !memcmp(names[j], t + a, b - a))
				break;
		if (j == NNAMES)
			return -1;
		if (values[j] && (html ? wd_html_escape(out, values[j]) :
				  wd_buf_adds(out, values[j])) < 0)
			return -2;
		i = k + 2;
	}
	return 0;
}

static size_t count_of(const char *s, size_t n, char c)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += s[i] == c;
	return k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *values[NNAMES] = { NULL };
	struct wd_buf out = WD_BUF_INIT(0), want = WD_BUF_INIT(0);
	struct wd_tvars vars = { names, values, NNAMES };
	const char *tpl, *p, *end;
	size_t tlen, i;
	struct wd_error e;
	int html, r, m;

	if (!size)
		return 0;
	html = data[0] & 1;
	tpl = (const char *)data + 1;
	end = (const char *)data + size;
	p = memchr(tpl, '\0', (size_t)(end - tpl));
	tlen = p ? (size_t)(p - tpl) : (size_t)(end - tpl);
	/* values: NUL-terminated parts after the template (the last may not be) */
	for (i = 0; p && p + 1 < end && i < NNAMES; i++) {
		const char *v = p + 1, *z = memchr(v, '\0', (size_t)(end - v));

		if (!z)
			break;
		values[i] = v;
		p = z;
	}
	wd_error_clear(&e);
	r = wd_template_render(&out, tpl, tlen, "fuzz.txt", &vars,
			       html ? wd_html_escape : NULL, &e);
	m = model(&want, tpl, tlen, values, html);
	if (m == -2)
		goto out;
	FUZZ_CHECK((r < 0) == (m < 0), "render %d, the rules say %d", r, m);
	if (r < 0) {
		FUZZ_CHECK(e.code == EX_DATAERR && e.line >= 1 && e.col >= 1 &&
			   e.line <= count_of(tpl, tlen, '\n') + 1,
			   "error %d at %u:%u: %s", e.code, e.line, e.col, e.msg);
		goto out;
	}
	FUZZ_CHECK(out.len == want.len &&
		   !memcmp(wd_buf_str(&out), wd_buf_str(&want), out.len),
		   "rendered '%s', the rules say '%s'", wd_buf_str(&out),
		   wd_buf_str(&want));
	if (html) {
		const char *o = wd_buf_str(&out);

		FUZZ_CHECK(count_of(o, out.len, '<') <= count_of(tpl, tlen, '<') &&
			   count_of(o, out.len, '>') <= count_of(tpl, tlen, '>') &&
			   count_of(o, out.len, '"') <= count_of(tpl, tlen, '"') &&
			   count_of(o, out.len, '\'') <= count_of(tpl, tlen, '\''),
			   "a value got into HTML unescaped");
	}
out:
	wd_buf_release(&out);
	wd_buf_release(&want);
	return 0;
}

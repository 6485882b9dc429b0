/* utf8.c - UTF-8 decoding, validation and folding to plain letters */
#include "utf8.h"
#include "i18n.h"

#include <string.h>

int wd_utf8_next(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c;
	int n, i;

	if (!len)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		c &= 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		c &= 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		c &= 0x07;
	} else {
		return 0;
	}
	if ((size_t)n > len)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3f);
	}
	if ((n == 3 && c < 0x800) || (n == 4 && c < 0x10000) ||
	    c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0;
	*cp = c;
	return n;
}

int wd_utf8_check(const char *s, size_t len, size_t *bad)
{
	size_t i = 0;
	uint32_t cp;
	int n;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = wd_utf8_next(s + i, len - i, &cp);
		if (!n) {
			if (bad)
				*bad = i;
			return -1;
		}
		i += (size_t)n;
	}
	return 0;
}

size_t wd_utf8_count(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

static int is_combining(uint32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	       (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	       (cp >= 0xfe20 && cp <= 0xfe2f) || cp == 0x200d;
}

size_t wd_utf8_width(const char *s)
{
	size_t len = strlen(s), i = 0, w = 0;
	uint32_t cp;
	int n;

	while (i < len) {
		n = wd_utf8_next(s + i, len - i, &cp);
		if (!n) {
			i++;
			w++;
			continue;
		}
		i += (size_t)n;
		if (!is_combining(cp))
			w++;
	}
	return w;
}

int wd_utf8_put(struct wd_buf *b, uint32_t cp)
{
	char o[4];

	if (cp < 0x80) {
		o[0] = (char)cp;
		return wd_buf_add(b, o, 1);
	}
	if (cp < 0x800) {
		o[0] = (char)(0xc0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3f));
		return wd_buf_add(b, o, 2);
	}
	if (cp < 0x10000) {
		o[0] = (char)(0xe0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (char)(0x80 | (cp & 0x3f));
		return wd_buf_add(b, o, 3);
	}
	o[0] = (char)(0xf0 | (cp >> 18));
	o[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (char)(0x80 | (cp & 0x3f));
	return wd_buf_add(b, o, 4);
}

/* U+00C0..U+00FF; NULL for the two signs in the block. */
static const char *const latin1[64] = {
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
	"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL,
	"o", "u", "u", "u", "u", "y", "th", "ss",
	"a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e",
	"i", "i", "i", "i", "d", "n", "o", "o", "o", "o", "o", NULL,
	"o", "u", "u", "u", "u", "y", "th", "y",
};

/* U+0100..U+017F (Latin Extended-A), two letters where one will not do. */
static const char latin_ext_a[] =
	"aaaaaaccccccccdd"	/* 0100 */
	"ddeeeeeeeeeegggg"	/* 0110 */
	"gggghhhhiiiiiiii"	/* 0120 */
	"ii**jjkkklllllll"	/* 0130, 0132/0133 are "ij" */
	"lllnnnnnnnnnoooo"	/* 0140 */
	"oo**rrrrrrssssss"	/* 0150, 0152/0153 are "oe" */
	"ssttttttuuuuuuuu"	/* 0160 */
	"uuuuwwyyyzzzzzzs";	/* 0170 */

/*
 * U+1E00..U+1EF9 (Latin Extended Additional: Vietnamese, Welsh, ...) and
 * the horned Ơ ơ Ư ư: ranges of one base letter.
 */
static const struct {
	uint32_t from, to;
	char letter;
} ext_additional[] = {
	{ 0x1a0, 0x1a1, 'o' }, { 0x1af, 0x1b0, 'u' },
	{ 0x1e00, 0x1e01, 'a' }, { 0x1e02, 0x1e07, 'b' },
	{ 0x1e08, 0x1e09, 'c' }, { 0x1e0a, 0x1e13, 'd' },
	{ 0x1e14, 0x1e1d, 'e' }, { 0x1e1e, 0x1e1f, 'f' },
	{ 0x1e20, 0x1e21, 'g' }, { 0x1e22, 0x1e2b, 'h' },
	{ 0x1e2c, 0x1e2f, 'i' }, { 0x1e30, 0x1e35, 'k' },
	{ 0x1e36, 0x1e3d, 'l' }, { 0x1e3e, 0x1e43, 'm' },
	{ 0x1e44, 0x1e4b, 'n' }, { 0x1e4c, 0x1e53, 'o' },
	{ 0x1e54, 0x1e57, 'p' }, { 0x1e58, 0x1e5f, 'r' },
	{ 0x1e60, 0x1e69, 's' }, { 0x1e6a, 0x1e71, 't' },
	{ 0x1e72, 0x1e7b, 'u' }, { 0x1e7c, 0x1e7f, 'v' },
	{ 0x1e80, 0x1e89, 'w' }, { 0x1e8a, 0x1e8d, 'x' },
	{ 0x1e8e, 0x1e8f, 'y' }, { 0x1e90, 0x1e95, 'z' },
	{ 0x1e96, 0x1e96, 'h' }, { 0x1e97, 0x1e97, 't' },
	{ 0x1e98, 0x1e98, 'w' }, { 0x1e99, 0x1e99, 'y' },
	{ 0x1e9a, 0x1e9a, 'a' }, { 0x1e9b, 0x1e9b, 's' },
	{ 0x1ea0, 0x1eb7, 'a' }, { 0x1eb8, 0x1ec7, 'e' },
	{ 0x1ec8, 0x1ecb, 'i' }, { 0x1ecc, 0x1ee3, 'o' },
	{ 0x1ee4, 0x1ef1, 'u' }, { 0x1ef2, 0x1ef9, 'y' },
};

static const char *const letters[] = {
	"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m",
	"n", "o", "p", "q", "r", "s", "t", "u", "v", "w", "x", "y", "z",
};
static const char *const digits[] = {
	"0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
};

const char *wd_fold_cp(uint32_t cp)
{
	if (cp >= 'a' && cp <= 'z')
		return letters[cp - 'a'];
	if (cp >= 'A' && cp <= 'Z')
		return letters[cp - 'A'];
	if (cp >= '0' && cp <= '9')
		return digits[cp - '0'];
	if (cp < 0xc0)
		return NULL;
	if (cp <= 0xff)
		return latin1[cp - 0xc0];
	if (cp <= 0x17f) {
		if (cp == 0x132 || cp == 0x133)
			return "ij";
		if (cp == 0x152 || cp == 0x153)
			return "oe";
		return letters[latin_ext_a[cp - 0x100] - 'a'];
	}
	switch (cp) {
	case 0x18f: case 0x259:			/* Ə ə */
		return "e";
	case 0x218: case 0x219:			/* Ș ș */
		return "s";
	case 0x21a: case 0x21b:			/* Ț ț */
		return "t";
	case 0x1e9e:				/* ẞ */
		return "ss";
	}
	for (size_t i = 0; i < sizeof(ext_additional) / sizeof(*ext_additional); i++)
		if (cp >= ext_additional[i].from && cp <= ext_additional[i].to)
			return letters[ext_additional[i].letter - 'a'];
	if (is_combining(cp))
		return "";
	return NULL;
}

int wd_utf8_fold(struct wd_buf *out, const char *s)
{
	size_t len = strlen(s), i = 0, start = out->len;
	int gap = 0, n;
	uint32_t cp;
	const char *f;

	while (i < len) {
		n = wd_utf8_next(s + i, len - i, &cp);
		if (!n) {
			n = 1;
			cp = 0xfffd;
		}
		i += (size_t)n;
		f = wd_fold_cp(cp);
		if (!f) {
			gap = 1;
			continue;
		}
		if (!*f)
			continue;
		if (gap && out->len > start && wd_buf_addc(out, ' ') < 0)
			return -1;
		gap = 0;
		if (wd_buf_adds(out, f) < 0)
			return -1;
	}
	if (out->len == start)
		return wd_buf_add(out, "", 0);
	return 0;
}

int wd_email_valid(const char *s)
{
	const char *at = strchr(s, '@'), *dot;
	const unsigned char *p;

	if (!at || at == s || strchr(at + 1, '@'))
		return 0;
	for (p = (const unsigned char *)s; *p; p++)
		if (*p <= ' ' || *p == 0x7f || strchr("<>,;:\"()[]\\", *p))
			return 0;
	dot = strrchr(at + 1, '.');
	return dot && dot > at + 1 && dot[1];
}

int wd_text_check(const char *s, int one_line, const char *what,
		  struct wd_error *err)
{
	size_t len = strlen(s), bad, i;

	if (wd_utf8_check(s, len, &bad) < 0)
		return wd_error_set(err, EX_DATAERR,
				    _("%s is not valid UTF-8 (byte 0x%02x at %zu)"),
				    what, (unsigned char)s[bad], bad + 1);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c == '\n' || c == '\r') && one_line)
			return wd_error_set(err, EX_DATAERR,
					    _("%s should be one line"), what);
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
		    c == 0x7f)
			return wd_error_set(err, EX_DATAERR,
					    _("%s has a control character (U+%04X)"),
					    what, c);
	}
	return 0;
}

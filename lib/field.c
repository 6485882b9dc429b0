/* field.c - typed values out of a loaded YAML mapping, with problems at their spot */
#include "field.h"
#include "i18n.h"
#include "slug.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

void wd_f_problem(struct wd_fctx *c, const struct wd_ynode *at,
		  const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	wd_diag_at(c->diag, EX_DATAERR, c->doc->name, at ? at->line : 1,
		   at ? at->col : 1, "%s", msg);
}

void wd_f_oom(struct wd_fctx *c, const struct wd_ynode *at)
{
	wd_diag_at(c->diag, EX_OSERR, c->doc->name, at ? at->line : 1,
		   at ? at->col : 1, "%s", _("out of memory"));
}

/* A value shown in a message: its first line, shortened. */
static const char *shown(const struct wd_ynode *n, char *buf, size_t size)
{
	size_t i, j = 0;

	if (!n || n->type != WD_YSCALAR)
		return "";
	for (i = 0; n->s[i] && n->s[i] != '\n' && j + 4 < size; i++)
		buf[j++] = n->s[i];
	if (n->s[i]) {
		memcpy(buf + j, "...", 3);
		j += 3;
	}
	buf[j] = '\0';
	return buf;
}

const struct wd_ynode *wd_f_root(struct wd_fctx *c)
{
	const struct wd_ynode *r = c->doc->root;

	if (!r || wd_ynode_is_null(r))
		return NULL;
	if (r->type != WD_YMAP) {
		wd_f_problem(c, r, _("the file should hold a mapping (key: value lines), not %s"),
			     wd_ytype_name(r));
		return NULL;
	}
	return r;
}

const char *wd_f_text(const struct wd_ynode *n)
{
	if (!n || n->type != WD_YSCALAR || wd_ynode_is_null(n))
		return NULL;
	return n->s;
}

static const struct wd_ynode *scalar(struct wd_fctx *c,
				     const struct wd_ynode *map,
				     const char *key, int flags,
				     const char *expect)	/* N_() */
{
	const struct wd_ynode *v = wd_ymap_get(map, key);

	if (!v || wd_ynode_is_null(v)) {
		if (flags & WD_F_REQUIRED)
			wd_f_problem(c, v ? v : map, _("'%s' is missing"), key);
		return NULL;
	}
	if (v->type != WD_YSCALAR) {
		wd_f_problem(c, v, _("'%s' should be %s, not %s"), key,
			     _(expect), wd_ytype_name(v));
		return NULL;
	}
	return v;
}

const char *wd_f_str(struct wd_fctx *c, const struct wd_ynode *map,
		     const char *key, int flags)
{
	const struct wd_ynode *v = scalar(c, map, key, flags, N_("text"));

	if (!v)
		return NULL;
	if ((flags & WD_F_LINE) && strpbrk(v->s, "\r\n")) {
		wd_f_problem(c, v, _("'%s' should be one line"), key);
		return NULL;
	}
	if ((flags & WD_F_REQUIRED) && !v->len) {
		wd_f_problem(c, v, _("'%s' is empty"), key);
		return NULL;
	}
	return v->s;
}

int wd_f_long(struct wd_fctx *c, const struct wd_ynode *map, const char *key,
	      long min, long max, long *out)
{
	const struct wd_ynode *v = scalar(c, map, key, 0, N_("a number"));
	char buf[64];
	long n = 0;
	size_t i;

	if (!v)
		return 0;
	for (i = 0; i < v->len; i++) {
		if (v->s[i] < '0' || v->s[i] > '9' || n > 100000000L) {
			wd_f_problem(c, v, _("'%s' should be a whole number, not '%s'"),
				     key, shown(v, buf, sizeof(buf)));
			return 0;
		}
		n = n * 10 + (v->s[i] - '0');
	}
	if (n < min || n > max) {
		wd_f_problem(c, v, _("'%s' should be between %ld and %ld, not %ld"),
			     key, min, max, n);
		return 0;
	}
	*out = n;
	return 1;
}

static int bool_word(const char *s)
{
	static const char *const yes[] = { "true", "yes", "ja", "on", "y", "1" };
	static const char *const no[] = { "false", "no", "nee", "off", "n", "0" };
	size_t i;

	for (i = 0; i < sizeof(yes) / sizeof(*yes); i++) {
		if (!strcasecmp(s, yes[i]))
			return 1;
		if (!strcasecmp(s, no[i]))
			return 0;
	}
	return -1;
}

int wd_f_bool(struct wd_fctx *c, const struct wd_ynode *map, const char *key)
{
	const struct wd_ynode *v = scalar(c, map, key, 0, "true/false");
	char buf[64];
	int b;

	if (!v)
		return -1;
	b = bool_word(v->s);
	if (b < 0)
		wd_f_problem(c, v, _("'%s' should be true or false, not '%s'"), key,
			     shown(v, buf, sizeof(buf)));
	return b;
}

int wd_f_time(struct wd_fctx *c, const struct wd_ynode *map, const char *key,
	      int flags, struct wd_when *w)
{
	const struct wd_ynode *v = scalar(c, map, key, flags, N_("a date"));
	char buf[64];

	if (!v)
		return 0;
	if (wd_time_parse(v->s, w) < 0) {
		wd_f_problem(c, v, _("'%s' should be a date like 2026-12-12 or a time like 2026-12-12T19:30, not '%s'"),
			     key, shown(v, buf, sizeof(buf)));
		return 0;
	}
	return 1;
}

const char *wd_f_consent(struct wd_fctx *c, const struct wd_ynode *map,
			 const char *key)
{
	const struct wd_ynode *v = scalar(c, map, key, 0, N_("a date"));
	struct wd_when w;
	char buf[64];

	if (!v)
		return NULL;
	if (bool_word(v->s) == 0)
		return "";
	if (wd_time_parse(v->s, &w) == 0 || bool_word(v->s) == 1)
		return v->s;
	wd_f_problem(c, v, _("consent '%s' should be the date it was given, or no, not '%s'"),
		     key, shown(v, buf, sizeof(buf)));
	return NULL;
}

const char *wd_f_word(struct wd_fctx *c, const struct wd_ynode *map,
		      const char *key, enum wd_vocab voc, int flags)
{
	const struct wd_ynode *v = scalar(c, map, key, flags, N_("a word"));
	const char *canon, *hint;
	char buf[64];

	if (!v)
		return NULL;
	canon = wd_vocab_canon(voc, v->s);
	if (canon)
		return canon;
	hint = wd_vocab_suggest(voc, v->s);
	if (hint)
		wd_f_problem(c, v, _("unknown %s '%s' (did you mean '%s'?)"),
			     wd_vocab_what(voc), shown(v, buf, sizeof(buf)), hint);
	else
		wd_f_problem(c, v, _("unknown %s '%s'"), wd_vocab_what(voc),
			     shown(v, buf, sizeof(buf)));
	return NULL;
}

const char *wd_f_id(struct wd_fctx *c, const struct wd_ynode *map,
		    const char *key, const char *what, int flags)
{
	const struct wd_ynode *v = scalar(c, map, key, flags, N_("an id"));
	char buf[80];

	if (!v)
		return NULL;
	if (!wd_id_valid(v->s)) {
		wd_f_problem(c, v, _("invalid %s '%s'"), _(what),
			     shown(v, buf, sizeof(buf)));
		return NULL;
	}
	return v->s;
}

int wd_f_list(struct wd_fctx *c, const struct wd_ynode *map, const char *key,
	      struct wd_strlist *out)
{
	const struct wd_ynode *v = wd_ymap_get(map, key);
	size_t i;

	out->v = NULL;
	out->n = 0;
	if (!v || wd_ynode_is_null(v))
		return 0;
	if (v->type == WD_YMAP) {
		wd_f_problem(c, v, _("'%s' should be a list, not a mapping"), key);
		return 0;
	}
	out->v = wd_arena_alloc(&c->doc->arena,
				(v->type == WD_YSEQ ? v->n + 1 : 2) * sizeof(*out->v));
	if (!out->v) {
		wd_f_oom(c, v);
		return 0;
	}
	if (v->type == WD_YSCALAR) {
		out->v[out->n++] = v->s;
		return 1;
	}
	for (i = 0; i < v->n; i++) {
		const struct wd_ynode *it = v->items[i];

		if (it->type != WD_YSCALAR || wd_ynode_is_null(it)) {
			wd_f_problem(c, it, _("'%s' should be a list of single values, not of %s"),
				     key, wd_ytype_name(it));
			continue;
		}
		if (strpbrk(it->s, "\r\n")) {
			wd_f_problem(c, it, _("each of '%s' should be one line"), key);
			continue;
		}
		out->v[out->n++] = it->s;
	}
	return 1;
}

const struct wd_ynode *wd_f_map(struct wd_fctx *c, const struct wd_ynode *map,
				const char *key)
{
	const struct wd_ynode *v = wd_ymap_get(map, key);

	if (!v || wd_ynode_is_null(v))
		return NULL;
	if (v->type != WD_YMAP) {
		wd_f_problem(c, v, _("'%s' should be a mapping (key: value lines), not %s"),
			     key, wd_ytype_name(v));
		return NULL;
	}
	return v;
}

const struct wd_ynode *wd_f_seq(struct wd_fctx *c, const struct wd_ynode *map,
				const char *key)
{
	const struct wd_ynode *v = wd_ymap_get(map, key);

	if (!v || wd_ynode_is_null(v))
		return NULL;
	if (v->type != WD_YSEQ) {
		wd_f_problem(c, v, _("'%s' should be a list, not %s"), key,
			     wd_ytype_name(v));
		return NULL;
	}
	return v;
}

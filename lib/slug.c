/* slug.c - ids made from names, and the rules every id keeps */
#include "slug.h"
#include "i18n.h"
#include "utf8.h"

#include <string.h>

int wd_slug(struct wd_buf *out, const char *name)
{
	size_t len = strlen(name), i = 0, start = out->len;
	int dash = 0, n;
	uint32_t cp;
	const char *f;

	while (i < len) {
		n = wd_utf8_next(name + i, len - i, &cp);
		if (!n) {
			n = 1;
			cp = '?';
		}
		i += (size_t)n;
		/* an apostrophe joins: "Mc'Neil" -> "mcneil", "'t" -> "t" */
		if (cp == '\'' || cp == 0x2019)
			continue;
		f = wd_fold_cp(cp);
		if (!f) {
			dash = 1;
			continue;
		}
		if (!*f)
			continue;
		dash = dash && out->len > start;
		if (out->len - start + strlen(f) + (size_t)dash > WD_ID_MAX)
			break;
		if (dash && wd_buf_addc(out, '-') < 0)
			return -1;
		dash = 0;
		if (wd_buf_adds(out, f) < 0)
			return -1;
	}
	return wd_buf_add(out, "", 0);
}

int wd_id_valid(const char *id)
{
	size_t i, n = strlen(id);

	if (!n || n > WD_ID_MAX)
		return 0;
	if (!((id[0] >= 'a' && id[0] <= 'z') || (id[0] >= '0' && id[0] <= '9')))
		return 0;
	if (id[n - 1] == '.' || id[n - 1] == '-')
		return 0;
	for (i = 0; i < n; i++) {
		char c = id[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_' || c == '.'))
			return 0;
		if (c == '.' && id[i + 1] == '.')
			return 0;
	}
	return 1;
}

int wd_id_check(const char *id, const char *what, struct wd_error *err)
{
	struct wd_buf s = WD_BUF_INIT(256);
	const char *why;
	size_t i;

	if (wd_id_valid(id))
		return 0;
	why = _("use lowercase letters, digits, '-', '_' and '.'");
	if (!*id)
		why = _("it is empty");
	else if (strlen(id) > WD_ID_MAX)
		why = _("it is longer than 64 characters");
	else if (strchr(id, '/'))
		why = _("it may not contain '/'");
	else if (strstr(id, ".."))
		why = _("it may not contain '..'");
	else if (id[0] == '.')
		why = _("it may not start with '.'");
	for (i = 0; id[i]; i++)
		if ((unsigned char)id[i] < 0x20 || id[i] == 0x7f)
			why = _("it may not contain control characters");
	wd_error_set(err, EX_USAGE, _("invalid %s '%s': %s"), what, id, why);
	if (wd_slug(&s, id) == 0 && s.len && wd_id_valid(s.ptr) &&
	    strcmp(s.ptr, id))
		wd_error_hint(err, _("did you mean '%s'?"), s.ptr);
	wd_buf_release(&s);
	return -1;
}

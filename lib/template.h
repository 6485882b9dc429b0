/* template.h - text with {{name}} placeholders */
#ifndef WD_TEMPLATE_H
#define WD_TEMPLATE_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

/*
 * The values a template may use: `names[i]` is replaced by `values[i]`.
 * A placeholder whose value is NULL renders as nothing; a placeholder
 * that is not in `names` is an error naming its line and column.
 */
struct wd_tvars {
	const char *const *names;
	const char *const *values;
	size_t n;
};

/* How values are written: as they are, or escaped for HTML. */
typedef int (*wd_escape_fn)(struct wd_buf *out, const char *s);

int wd_template_render(struct wd_buf *out, const char *tpl, size_t len,
		       const char *name, const struct wd_tvars *vars,
		       wd_escape_fn escape, struct wd_error *err);

/* Append s with &, <, >, " and ' escaped for HTML text and attributes. */
int wd_html_escape(struct wd_buf *out, const char *s);

#endif

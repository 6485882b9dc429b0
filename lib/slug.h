/* slug.h - ids made from names, and the rules every id keeps */
#ifndef WD_SLUG_H
#define WD_SLUG_H

#include "buf.h"
#include "error.h"

#define WD_ID_MAX 64

/*
 * Append the slug of a name: letters folded to plain lowercase ASCII,
 * anything else a single '-', trimmed, at most WD_ID_MAX bytes
 * ("Özlem Yıldız" -> "ozlem-yildiz").  May append nothing.
 */
int wd_slug(struct wd_buf *out, const char *name);

/*
 * Whether `id` is a safe id: 1-64 of a-z, 0-9, '-', '_', '.', starting
 * with a letter or digit, no "..", not ending in '.' or '-'.  Otherwise
 * fill err (EX_USAGE) naming `what` ("dialogue id") with a suggestion.
 */
int wd_id_check(const char *id, const char *what, struct wd_error *err);
int wd_id_valid(const char *id);

#endif

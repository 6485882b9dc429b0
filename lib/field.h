/* field.h - typed values out of a loaded YAML mapping, with problems at their spot */
#ifndef WD_FIELD_H
#define WD_FIELD_H

#include <stdint.h>

#include "error.h"
#include "timefmt.h"
#include "vocab.h"
#include "yaml.h"

struct wd_strlist {
	const char **v;
	size_t n;
};

/* Where the values come from and where problems go. */
struct wd_fctx {
	struct wd_ydoc *doc;
	struct wd_diag *diag;
};

#define WD_F_REQUIRED 1		/* missing or empty is a problem */
#define WD_F_LINE 2		/* one line: no line breaks */

/* Report a problem at a node (or at the top of the file). */
void wd_f_problem(struct wd_fctx *c, const struct wd_ynode *at,
		  const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Running out of memory while reading the file: EX_OSERR, which fails
 * the command (wd_diag_error), not a problem of the file. */
void wd_f_oom(struct wd_fctx *c, const struct wd_ynode *at);

/* The root, which must be a mapping (an empty file is an empty one). */
const struct wd_ynode *wd_f_root(struct wd_fctx *c);

const char *wd_f_str(struct wd_fctx *c, const struct wd_ynode *map,
		     const char *key, int flags);
int wd_f_long(struct wd_fctx *c, const struct wd_ynode *map, const char *key,
	      long min, long max, long *out);
/* 1 yes, 0 no, -1 not given */
int wd_f_bool(struct wd_fctx *c, const struct wd_ynode *map, const char *key);
/* 1 when a valid time was read into *w, 0 when absent */
int wd_f_time(struct wd_fctx *c, const struct wd_ynode *map, const char *key,
	      int flags, struct wd_when *w);
/* A date or "no"/"false" (consent): the date text, "" for no, NULL absent. */
const char *wd_f_consent(struct wd_fctx *c, const struct wd_ynode *map,
			 const char *key);
const char *wd_f_word(struct wd_fctx *c, const struct wd_ynode *map,
		      const char *key, enum wd_vocab v, int flags);
/* An id; `what` names it in a problem, marked N_() and translated then. */
const char *wd_f_id(struct wd_fctx *c, const struct wd_ynode *map,
		    const char *key, const char *what, int flags);
/* A list of one-line values; a single value counts as a list of one. */
int wd_f_list(struct wd_fctx *c, const struct wd_ynode *map, const char *key,
	      struct wd_strlist *out);
/* A mapping, or NULL when absent (a problem when it is something else). */
const struct wd_ynode *wd_f_map(struct wd_fctx *c, const struct wd_ynode *map,
				const char *key);
/* A list, or NULL when absent (a problem when it is something else). */
const struct wd_ynode *wd_f_seq(struct wd_fctx *c, const struct wd_ynode *map,
				const char *key);

/* The text of a scalar value as a string (NULL for anything else). */
const char *wd_f_text(const struct wd_ynode *n);

#endif

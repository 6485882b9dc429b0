/* strset.h - a set of strings, for "is this id taken?" in large files */
#ifndef WD_STRSET_H
#define WD_STRSET_H

#include <stddef.h>

/*
 * An open-addressing hash set that owns copies of its strings.  Lookups
 * and additions take constant time on average, where a wd_strvec scan
 * would make an import of n rows cost n * n.
 */
struct wd_strset {
	char **slot;		/* NULL: empty */
	size_t *val;		/* a number kept with each string */
	size_t n, cap;		/* cap: 0 or a power of two */
};

#define WD_STRSET_INIT { NULL, NULL, 0, 0 }

void wd_strset_init(struct wd_strset *set);
void wd_strset_release(struct wd_strset *set);
int wd_strset_has(const struct wd_strset *set, const char *s);
/* Add a copy of s: 1 when added, 0 when it was there, -1 out of memory. */
int wd_strset_add(struct wd_strset *set, const char *s);

/* The same with a number kept with s (a row, a place in a list). */
int wd_strset_put(struct wd_strset *set, const char *s, size_t val);
/* Whether s is there; its number into *val. */
int wd_strset_get(const struct wd_strset *set, const char *s, size_t *val);

#endif

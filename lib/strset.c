/* strset.c - a set of strings, for "is this id taken?" in large files */
#include "strset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void wd_strset_init(struct wd_strset *set)
{
	memset(set, 0, sizeof(*set));
}

void wd_strset_release(struct wd_strset *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++)
		free(set->slot[i]);
	free(set->slot);
	free(set->val);
	wd_strset_init(set);
}

/* FNV-1a, 64 bits */
static uint64_t hash(const char *s)
{
	uint64_t h = 14695981039346656037u;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return h;
}

/* The slot holding s, or the empty slot where it would go. */
static size_t find(char *const *slot, size_t cap, const char *s)
{
	size_t i = (size_t)hash(s) & (cap - 1);

	while (slot[i] && strcmp(slot[i], s))
		i = (i + 1) & (cap - 1);
	return i;
}

int wd_strset_has(const struct wd_strset *set, const char *s)
{
	return wd_strset_get(set, s, NULL);
}

static int grow(struct wd_strset *set)
{
	size_t cap = set->cap ? set->cap * 2 : 64, i, j;
	char **slot;
	size_t *val;

	if (cap < set->cap || cap > SIZE_MAX / sizeof(*slot))
		return -1;
	slot = calloc(cap, sizeof(*slot));
	val = calloc(cap, sizeof(*val));
	if (!slot || !val) {
		free(slot);
		free(val);
		return -1;
	}
	for (i = 0; i < set->cap; i++)
		if (set->slot[i]) {
			j = find(slot, cap, set->slot[i]);
			slot[j] = set->slot[i];
			val[j] = set->val[i];
		}
	free(set->slot);
	free(set->val);
	set->slot = slot;
	set->val = val;
	set->cap = cap;
	return 0;
}

int wd_strset_put(struct wd_strset *set, const char *s, size_t val)
{
	size_t i;
	char *copy;

	/* at most half full, so every probe ends soon */
	if ((set->n + 1) * 2 > set->cap && grow(set) < 0)
		return -1;
	i = find(set->slot, set->cap, s);
	if (set->slot[i])
		return 0;
	copy = strdup(s);
	if (!copy)
		return -1;
	set->slot[i] = copy;
	set->val[i] = val;
	set->n++;
	return 1;
}

int wd_strset_add(struct wd_strset *set, const char *s)
{
	return wd_strset_put(set, s, 0);
}

int wd_strset_get(const struct wd_strset *set, const char *s, size_t *val)
{
	size_t i;

	if (!set->cap)
		return 0;
	i = find(set->slot, set->cap, s);
	if (!set->slot[i])
		return 0;
	if (val)
		*val = set->val[i];
	return 1;
}

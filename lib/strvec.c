/* strvec.c - a growable list of owned strings */
#include "strvec.h"

#include <stdlib.h>
#include <string.h>

void wd_strvec_init(struct wd_strvec *sv)
{
	sv->v = NULL;
	sv->n = 0;
	sv->alloc = 0;
}

void wd_strvec_release(struct wd_strvec *sv)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	wd_strvec_init(sv);
}

int wd_strvec_pushn(struct wd_strvec *sv, const char *s, size_t n)
{
	char *c;

	if (sv->n + 1 >= sv->alloc) {
		size_t na = sv->alloc ? sv->alloc * 2 : 16;
		char **v = realloc(sv->v, na * sizeof(*v));

		if (!v)
			return -1;
		sv->v = v;
		sv->alloc = na;
	}
	c = malloc(n + 1);
	if (!c)
		return -1;
	memcpy(c, s, n);
	c[n] = '\0';
	sv->v[sv->n++] = c;
	sv->v[sv->n] = NULL;
	return 0;
}

int wd_strvec_push(struct wd_strvec *sv, const char *s)
{
	return wd_strvec_pushn(sv, s, strlen(s));
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void wd_strvec_sort(struct wd_strvec *sv)
{
	if (sv->n > 1)
		qsort(sv->v, sv->n, sizeof(*sv->v), cmp);
}

int wd_strvec_has(const struct wd_strvec *sv, const char *s)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		if (!strcmp(sv->v[i], s))
			return 1;
	return 0;
}

/* arena.c - many small allocations freed at once */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_SIZE 16384
#define ALIGN 16

struct wd_arena_chunk {
	struct wd_arena_chunk *next;
	size_t size;
	size_t off;
	_Alignas(16) unsigned char data[];
};

void wd_arena_init(struct wd_arena *a)
{
	a->head = NULL;
	a->used = 0;
}

void wd_arena_release(struct wd_arena *a)
{
	struct wd_arena_chunk *c = a->head, *next;

	for (; c; c = next) {
		next = c->next;
		free(c);
	}
	wd_arena_init(a);
}

void *wd_arena_alloc(struct wd_arena *a, size_t n)
{
	struct wd_arena_chunk *c = a->head;
	size_t need = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	void *p;

	if (n == 0)
		need = ALIGN;
	if (need < n)
		return NULL;
	if (!c || c->size - c->off < need) {
		size_t size = need > CHUNK_SIZE / 4 ? need : CHUNK_SIZE;

		if (size > SIZE_MAX - sizeof(*c))
			return NULL;
		c = malloc(sizeof(*c) + size);
		if (!c)
			return NULL;
		c->size = size;
		c->off = 0;
		if (size == need && a->head) {
			/* a big block: keep the current chunk open */
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = c->data + c->off;
	c->off += need;
	a->used += need;
	return p;
}

char *wd_arena_strndup(struct wd_arena *a, const char *s, size_t n)
{
	char *p = wd_arena_alloc(a, n + 1);

	if (!p)
		return NULL;
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *wd_arena_strdup(struct wd_arena *a, const char *s)
{
	return wd_arena_strndup(a, s, strlen(s));
}

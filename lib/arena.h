/* arena.h - many small allocations freed at once */
#ifndef WD_ARENA_H
#define WD_ARENA_H

#include <stddef.h>

struct wd_arena_chunk;

/*
 * An arena owns every block it hands out; wd_arena_release() frees them
 * all.  Used for parsed documents, whose nodes and strings live and die
 * together.
 */
struct wd_arena {
	struct wd_arena_chunk *head;
	size_t used;		/* bytes handed out, for limits */
};

#define WD_ARENA_INIT { NULL, 0 }

void wd_arena_init(struct wd_arena *a);
void wd_arena_release(struct wd_arena *a);
void *wd_arena_alloc(struct wd_arena *a, size_t n);
char *wd_arena_strndup(struct wd_arena *a, const char *s, size_t n);
char *wd_arena_strdup(struct wd_arena *a, const char *s);

#endif

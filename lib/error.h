/* error.h - what went wrong, and where */
#ifndef WD_ERROR_H
#define WD_ERROR_H

#include <stddef.h>
#include <sysexits.h>

/*
 * The library never prints and never exits.  A function that fails fills
 * the caller's wd_error and returns -1; `code` is the sysexits(3) value a
 * command should exit with.  `file` (relative to the workspace root where
 * there is one), `line` and `col` (1-based, 0 when unknown) name the spot.
 */
struct wd_error {
	int code;
	unsigned line;
	unsigned col;
	char file[512];
	char msg[1024];
	char hint[512];
};

/* A list of problems, for commands that report all of them (check). */
struct wd_problems {
	struct wd_error *v;
	size_t n;
	size_t alloc;
};

/*
 * Where validation reports go: the first problem into `err`, every
 * problem into `all` when it is set.  Validation goes on after a problem,
 * so that `check` sees them all; `count` tells the caller whether any.
 */
struct wd_diag {
	struct wd_error *err;
	struct wd_problems *all;
	size_t count;
	int failed;		/* out of memory: a problem was that, or could
				 * not be added to `all` */
};

void wd_error_clear(struct wd_error *e);
int wd_error_set(struct wd_error *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int wd_error_at(struct wd_error *e, int code, const char *file,
		unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
int wd_error_sys(struct wd_error *e, int code, const char *file,
		 const char *what);
int wd_error_oom(struct wd_error *e);
void wd_error_hint(struct wd_error *e, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void wd_error_file(struct wd_error *e, const char *file);
int wd_error_copy(struct wd_error *dst, const struct wd_error *src);

void wd_problems_init(struct wd_problems *p);
void wd_problems_release(struct wd_problems *p);
int wd_problems_add(struct wd_problems *p, const struct wd_error *e);
void wd_problems_sort(struct wd_problems *p);

void wd_diag_init(struct wd_diag *d, struct wd_error *err,
		  struct wd_problems *all);
void wd_diag_at(struct wd_diag *d, int code, const char *file,
		unsigned line, unsigned col, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void wd_diag_error(struct wd_diag *d, const struct wd_error *e);

#endif

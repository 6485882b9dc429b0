/* error.c - what went wrong, and where */
#include "error.h"
#include "i18n.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void copy_str(char *dst, size_t size, const char *src)
{
	size_t n = src ? strlen(src) : 0;

	if (n >= size)
		n = size - 1;
	if (n)
		memcpy(dst, src, n);
	dst[n] = '\0';
}

void wd_error_clear(struct wd_error *e)
{
	e->code = 0;
	e->line = 0;
	e->col = 0;
	e->file[0] = '\0';
	e->msg[0] = '\0';
	e->hint[0] = '\0';
}

static void vset(struct wd_error *e, int code, const char *file,
		 unsigned line, unsigned col, const char *fmt, va_list ap)
{
	e->code = code;
	e->line = line;
	e->col = col;
	copy_str(e->file, sizeof(e->file), file);
	vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
	e->hint[0] = '\0';
}

int wd_error_set(struct wd_error *e, int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(e, code, NULL, 0, 0, fmt, ap);
	va_end(ap);
	return -1;
}

int wd_error_at(struct wd_error *e, int code, const char *file,
		unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vset(e, code, file, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

/* "cannot open 'x': No such file or directory", from errno. */
int wd_error_sys(struct wd_error *e, int code, const char *file,
		 const char *what)
{
	int saved = errno;

	if (saved == ENOMEM)
		return wd_error_oom(e);
	if (file)
		wd_error_set(e, code, "%s '%s': %s", what, file,
			     strerror(saved));
	else
		wd_error_set(e, code, "%s: %s", what, strerror(saved));
	errno = saved;
	return -1;
}

int wd_error_oom(struct wd_error *e)
{
	return wd_error_set(e, EX_OSERR, "%s", _("out of memory"));
}

void wd_error_hint(struct wd_error *e, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(e->hint, sizeof(e->hint), fmt, ap);
	va_end(ap);
}

/* Name the file an error is about, when the failing layer did not. */
void wd_error_file(struct wd_error *e, const char *file)
{
	if (!e->file[0])
		copy_str(e->file, sizeof(e->file), file);
}

int wd_error_copy(struct wd_error *dst, const struct wd_error *src)
{
	if (dst != src)
		memcpy(dst, src, sizeof(*dst));
	return -1;
}

void wd_problems_init(struct wd_problems *p)
{
	p->v = NULL;
	p->n = 0;
	p->alloc = 0;
}

void wd_problems_release(struct wd_problems *p)
{
	free(p->v);
	wd_problems_init(p);
}

int wd_problems_add(struct wd_problems *p, const struct wd_error *e)
{
	if (p->n == p->alloc) {
		size_t n = p->alloc ? p->alloc * 2 : 16;
		struct wd_error *v = realloc(p->v, n * sizeof(*v));

		if (!v)
			return -1;
		p->v = v;
		p->alloc = n;
	}
	memcpy(&p->v[p->n++], e, sizeof(*e));
	return 0;
}

static int cmp_problem(const void *a, const void *b)
{
	const struct wd_error *x = a, *y = b;
	int c = strcmp(x->file, y->file);

	if (c)
		return c;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return strcmp(x->msg, y->msg);
}

/* Order by file, line, column: the order a reader goes through them. */
void wd_problems_sort(struct wd_problems *p)
{
	if (p->n > 1)
		qsort(p->v, p->n, sizeof(*p->v), cmp_problem);
}

void wd_diag_init(struct wd_diag *d, struct wd_error *err,
		  struct wd_problems *all)
{
	d->err = err;
	d->all = all;
	d->count = 0;
	d->failed = 0;
}

void wd_diag_error(struct wd_diag *d, const struct wd_error *e)
{
	if (!d->count)
		wd_error_copy(d->err, e);
	d->count++;
	/* running out of memory is no problem of the file: the caller fails */
	if (e->code == EX_OSERR)
		d->failed = 1;
	if (d->all && wd_problems_add(d->all, e) < 0)
		d->failed = 1;
}

void wd_diag_at(struct wd_diag *d, int code, const char *file,
		unsigned line, unsigned col, const char *fmt, ...)
{
	struct wd_error e;
	va_list ap;

	va_start(ap, fmt);
	vset(&e, code, file, line, col, fmt, ap);
	va_end(ap);
	wd_diag_error(d, &e);
}

/* buf.c - growable byte buffers with a size cap */
#include "buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void wd_buf_init(struct wd_buf *b, size_t max)
{
	b->ptr = NULL;
	b->len = 0;
	b->alloc = 0;
	b->max = max ? max : WD_BUF_MAX;
}

void wd_buf_release(struct wd_buf *b)
{
	free(b->ptr);
	b->ptr = NULL;
	b->len = 0;
	b->alloc = 0;
}

void wd_buf_reset(struct wd_buf *b)
{
	b->len = 0;
	if (b->ptr)
		b->ptr[0] = '\0';
}

/* Make room for `extra` more bytes plus the terminating NUL. */
int wd_buf_grow(struct wd_buf *b, size_t extra)
{
	size_t max = b->max ? b->max : WD_BUF_MAX;
	size_t need, n;
	char *p;

	if (extra > max || b->len > max - extra) {
		errno = E2BIG;
		return -1;
	}
	need = b->len + extra + 1;
	if (need <= b->alloc)
		return 0;
	n = b->alloc ? b->alloc : 64;
	while (n < need)
		n = n > (size_t)-1 / 2 ? need : n * 2;
	if (n > max + 1)
		n = max + 1;
	p = realloc(b->ptr, n);
	if (!p) {
		errno = ENOMEM;
		return -1;
	}
	b->ptr = p;
	b->alloc = n;
	return 0;
}

int wd_buf_add(struct wd_buf *b, const void *p, size_t n)
{
	if (wd_buf_grow(b, n) < 0)
		return -1;
	if (n)
		memcpy(b->ptr + b->len, p, n);
	b->len += n;
	b->ptr[b->len] = '\0';
	return 0;
}

int wd_buf_adds(struct wd_buf *b, const char *s)
{
	return wd_buf_add(b, s, strlen(s));
}

int wd_buf_addc(struct wd_buf *b, char c)
{
	return wd_buf_add(b, &c, 1);
}

int wd_buf_vaddf(struct wd_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0) {
		errno = EINVAL;
		return -1;
	}
	if (wd_buf_grow(b, (size_t)n) < 0)
		return -1;
	vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	b->len += (size_t)n;
	return 0;
}

int wd_buf_addf(struct wd_buf *b, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = wd_buf_vaddf(b, fmt, ap);
	va_end(ap);
	return r;
}

/* Replace `del` bytes at `off` with `n` bytes from `p`. */
int wd_buf_splice(struct wd_buf *b, size_t off, size_t del,
		  const void *p, size_t n)
{
	if (off > b->len || del > b->len - off) {
		errno = EINVAL;
		return -1;
	}
	if (n > del && wd_buf_grow(b, n - del) < 0)
		return -1;
	if (!b->ptr && !n)
		return 0;
	memmove(b->ptr + off + n, b->ptr + off + del, b->len - off - del);
	if (n)
		memcpy(b->ptr + off, p, n);
	b->len = b->len - del + n;
	b->ptr[b->len] = '\0';
	return 0;
}

void wd_buf_truncate(struct wd_buf *b, size_t len)
{
	if (len < b->len) {
		b->len = len;
		b->ptr[len] = '\0';
	}
}

const char *wd_buf_str(const struct wd_buf *b)
{
	return b->ptr ? b->ptr : "";
}

/* Hand the memory to the caller; the buffer is empty afterwards. */
char *wd_buf_detach(struct wd_buf *b, size_t *len)
{
	char *p = b->ptr;

	if (!p)
		p = calloc(1, 1);
	if (len)
		*len = b->len;
	b->ptr = NULL;
	b->len = 0;
	b->alloc = 0;
	return p;
}

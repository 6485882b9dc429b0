/* buf.h - growable byte buffers with a size cap (after curl's dynbuf) */
#ifndef WD_BUF_H
#define WD_BUF_H

#include <stdarg.h>
#include <stddef.h>

/*
 * A wd_buf owns its memory.  The contents are always NUL-terminated once
 * anything was added; wd_buf_str() gives "" for an empty buffer.  Adding
 * beyond `max` bytes fails with errno E2BIG, running out of memory with
 * ENOMEM; in both cases the buffer keeps what it had.
 */
struct wd_buf {
	char *ptr;
	size_t len;
	size_t alloc;
	size_t max;
};

#define WD_BUF_INIT(cap) { NULL, 0, 0, (cap) }

/* Default cap for text the toolkit builds: 64 MiB. */
#define WD_BUF_MAX ((size_t)64 << 20)

void wd_buf_init(struct wd_buf *b, size_t max);
void wd_buf_release(struct wd_buf *b);
void wd_buf_reset(struct wd_buf *b);
int wd_buf_grow(struct wd_buf *b, size_t extra);
int wd_buf_add(struct wd_buf *b, const void *p, size_t n);
int wd_buf_adds(struct wd_buf *b, const char *s);
int wd_buf_addc(struct wd_buf *b, char c);
int wd_buf_addf(struct wd_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int wd_buf_vaddf(struct wd_buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
int wd_buf_splice(struct wd_buf *b, size_t off, size_t del,
		  const void *p, size_t n);
void wd_buf_truncate(struct wd_buf *b, size_t len);
const char *wd_buf_str(const struct wd_buf *b);
char *wd_buf_detach(struct wd_buf *b, size_t *len);

#endif

/*
 * iofail.c - an LD_PRELOAD shim that makes the Nth write, fsync, rename,
 * file creation or mkdir fail, as a failing or full disk would
 *
 *   WD_IOFAIL=CALL        which call fails: write, fsync, rename, creat
 *                         (an open with O_CREAT) or mkdir
 *   WD_IOFAIL_N=N         its Nth call (1-based); unset or 0: none fails
 *   WD_IOFAIL_ERRNO=E     EIO (default), ENOSPC, EDQUOT, EROFS or EACCES
 *   WD_IOFAIL_ALL=1       and every later call of that kind too (a disk
 *                         that stays full)
 *   WD_IOFAIL_COUNT=FILE  at exit, append "write W fsync F rename R
 *                         creat C mkdir M" (the calls made) to FILE
 *
 * Only processes whose name (argv[0]) starts with "wd" count and fail:
 * not the shell, valgrind's launcher or git on the way.
 *
 * Counted: write, pwrite, pwrite64 and writev on a regular file other
 * than stdin, stdout and stderr (so messages still get out), fsync and
 * fdatasync, rename, renameat and renameat2, open, open64, openat,
 * openat64 and creat with O_CREAT, and mkdir and mkdirat.  Calls libc
 * makes inside itself (stdio) are not seen; the toolkit's own writes
 * and SQLite's are.  A failing write fails whole, as a full disk fails
 * the write that does not fit.
 *
 * tests/t8200-io-fail.t drives it; the Makefile builds it into
 * $(O)/tests/fault/iofail.so.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum { K_WRITE, K_FSYNC, K_RENAME, K_CREAT, K_MKDIR, K_COUNT };

static const char *const kinds[K_COUNT] = {
	"write", "fsync", "rename", "creat", "mkdir",
};

static unsigned long calls[K_COUNT];
static unsigned long fail_n;
static int fail_kind = -1, fail_all, fail_errno = EIO, ready, off;

static int errno_named(const char *s)
{
	static const struct {
		const char *name;
		int e;
	} names[] = {
		{ "EIO", EIO }, { "ENOSPC", ENOSPC }, { "EDQUOT", EDQUOT },
		{ "EROFS", EROFS }, { "EACCES", EACCES },
	};
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (!strcmp(s, names[i].name))
			return names[i].e;
	return EIO;
}

static void setup(void)
{
	const char *v;
	int k;

	if (ready || !program_invocation_short_name ||
	    !*program_invocation_short_name)
		return;		/* not yet: a sanitizer's runtime starts first */
	ready = 1;
	if (strncmp(program_invocation_short_name, "wd", 2)) {
		off = 1;
		return;
	}
	v = getenv("WD_IOFAIL");
	for (k = 0; v && k < K_COUNT; k++)
		if (!strcmp(v, kinds[k]))
			fail_kind = k;
	v = getenv("WD_IOFAIL_N");
	fail_n = v ? strtoul(v, NULL, 10) : 0;
	v = getenv("WD_IOFAIL_ERRNO");
	if (v && *v)
		fail_errno = errno_named(v);
	v = getenv("WD_IOFAIL_ALL");
	fail_all = v && *v == '1';
}

/* Count a call of kind k; whether it is to fail (errno is then set). */
static int fails(int k)
{
	unsigned long n;

	setup();
	if (off || !ready)
		return 0;
	n = __atomic_add_fetch(&calls[k], 1, __ATOMIC_RELAXED);
	if (k != fail_kind || !fail_n || n < fail_n ||
	    (n > fail_n && !fail_all))
		return 0;
	errno = fail_errno;
	return 1;
}

static void *next(const char *name)
{
	return dlsym(RTLD_NEXT, name);
}

/* Writes to a regular file that is not stdin, stdout or stderr. */
static int counted_fd(int fd)
{
	struct stat st;

	return fd > 2 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
}

ssize_t write(int fd, const void *p, size_t n)
{
	static ssize_t (*fn)(int, const void *, size_t);

	if (!fn)
		fn = (ssize_t (*)(int, const void *, size_t))next("write");
	if (counted_fd(fd) && fails(K_WRITE))
		return -1;
	return fn(fd, p, n);
}

ssize_t pwrite(int fd, const void *p, size_t n, off_t off)
{
	static ssize_t (*fn)(int, const void *, size_t, off_t);

	if (!fn)
		fn = (ssize_t (*)(int, const void *, size_t, off_t))next("pwrite");
	if (counted_fd(fd) && fails(K_WRITE))
		return -1;
	return fn(fd, p, n, off);
}

ssize_t pwrite64(int fd, const void *p, size_t n, off_t off)
{
	static ssize_t (*fn)(int, const void *, size_t, off_t);

	if (!fn)
		fn = (ssize_t (*)(int, const void *, size_t, off_t))next("pwrite64");
	if (counted_fd(fd) && fails(K_WRITE))
		return -1;
	return fn(fd, p, n, off);
}

ssize_t writev(int fd, const struct iovec *iov, int n)
{
	static ssize_t (*fn)(int, const struct iovec *, int);

	if (!fn)
		fn = (ssize_t (*)(int, const struct iovec *, int))next("writev");
	if (counted_fd(fd) && fails(K_WRITE))
		return -1;
	return fn(fd, iov, n);
}

int fsync(int fd)
{
	static int (*fn)(int);

	if (!fn)
		fn = (int (*)(int))next("fsync");
	if (fails(K_FSYNC))
		return -1;
	return fn(fd);
}

int fdatasync(int fd)
{
	static int (*fn)(int);

	if (!fn)
		fn = (int (*)(int))next("fdatasync");
	if (fails(K_FSYNC))
		return -1;
	return fn(fd);
}

int rename(const char *from, const char *to)
{
	static int (*fn)(const char *, const char *);

	if (!fn)
		fn = (int (*)(const char *, const char *))next("rename");
	if (fails(K_RENAME))
		return -1;
	return fn(from, to);
}

int renameat(int fd1, const char *from, int fd2, const char *to)
{
	static int (*fn)(int, const char *, int, const char *);

	if (!fn)
		fn = (int (*)(int, const char *, int, const char *))next("renameat");
	if (fails(K_RENAME))
		return -1;
	return fn(fd1, from, fd2, to);
}

int renameat2(int fd1, const char *from, int fd2, const char *to,
	      unsigned flags)
{
	static int (*fn)(int, const char *, int, const char *, unsigned);

	if (!fn)
		fn = (int (*)(int, const char *, int, const char *, unsigned))
			next("renameat2");
	if (fails(K_RENAME))
		return -1;
	return fn(fd1, from, fd2, to, flags);
}

static mode_t mode_arg(int flags, va_list ap)
{
	return flags & (O_CREAT | O_TMPFILE) ? (mode_t)va_arg(ap, unsigned) : 0;
}

#define OPEN_SHIM(name, ...) \
	static int (*fn)(__VA_ARGS__); \
	mode_t mode; \
	va_list ap; \
	\
	va_start(ap, flags); \
	mode = mode_arg(flags, ap); \
	va_end(ap); \
	if (!fn) \
		fn = (int (*)(__VA_ARGS__))next(name); \
	if ((flags & O_CREAT) && fails(K_CREAT)) \
		return -1

int open(const char *path, int flags, ...)
{
	OPEN_SHIM("open", const char *, int, ...);
	return fn(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	OPEN_SHIM("open64", const char *, int, ...);
	return fn(path, flags, mode);
}

int openat(int dir, const char *path, int flags, ...)
{
	OPEN_SHIM("openat", int, const char *, int, ...);
	return fn(dir, path, flags, mode);
}

int openat64(int dir, const char *path, int flags, ...)
{
	OPEN_SHIM("openat64", int, const char *, int, ...);
	return fn(dir, path, flags, mode);
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

int mkdir(const char *path, mode_t mode)
{
	static int (*fn)(const char *, mode_t);

	if (!fn)
		fn = (int (*)(const char *, mode_t))next("mkdir");
	if (fails(K_MKDIR))
		return -1;
	return fn(path, mode);
}

int mkdirat(int dir, const char *path, mode_t mode)
{
	static int (*fn)(int, const char *, mode_t);

	if (!fn)
		fn = (int (*)(int, const char *, mode_t))next("mkdirat");
	if (fails(K_MKDIR))
		return -1;
	return fn(dir, path, mode);
}

__attribute__((destructor)) static void report(void)
{
	const char *file = getenv("WD_IOFAIL_COUNT");
	char line[160];
	int fd, n;

	setup();
	if (!file || !*file || off || !ready)
		return;
	n = snprintf(line, sizeof(line),
		     "write %lu fsync %lu rename %lu creat %lu mkdir %lu\n",
		     calls[K_WRITE], calls[K_FSYNC], calls[K_RENAME],
		     calls[K_CREAT], calls[K_MKDIR]);
	off = 1;	/* the count file is not one of the command's */
	fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	if (write(fd, line, (size_t)n) < 0)
		n = 0;
	close(fd);
}

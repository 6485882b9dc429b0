/*
 * allocfail.c - an LD_PRELOAD shim that makes the Nth memory allocation fail
 *
 *   WD_ALLOC_FAIL=N       the Nth allocation (1-based) returns NULL with
 *                         errno ENOMEM; unset or 0: none fails
 *   WD_ALLOC_FAIL_ALL=1   and every allocation after it too
 *   WD_ALLOC_COUNT=FILE   at exit, append the number of allocations the
 *                         process made to FILE (to learn how far to sweep;
 *                         with WD_ALLOC_FAIL_IN, those inside F)
 *
 *   WD_ALLOC_FAIL_IN=F    count (for WD_ALLOC_FAIL) only allocations
 *                         made inside libc's function F, opendir or fopen
 *                         (this shim wraps those two): to fail just that
 *   WD_ALLOC_SPARE=A:B    never fail an allocation made by a library
 *                         whose file name has A or B in it, itself or
 *                         through libc (fopen, strdup) or a sanitizer's
 *                         interceptor: it is counted all the same.  For
 *                         libraries that do not survive it (GLib aborts
 *                         by design, libical crashes), so that the test
 *                         sees the toolkit's own handling of the rest.
 *
 * Only processes whose name (argv[0]) starts with "wd" count and fail:
 * not the shell, valgrind's launcher or git that a test or a command
 * runs on the way.
 *
 * Counted are malloc, calloc, realloc (but not realloc to size 0),
 * reallocarray, posix_memalign, aligned_alloc, memalign, valloc and
 * pvalloc, from anywhere in the process: our code, libyaml, SQLite,
 * libcsv, libstemmer and libc itself.  The real allocator is the next one
 * in line (glibc's, or AddressSanitizer's when the commands are built
 * with SANITIZE=1: then run with ASAN_OPTIONS=verify_asan_link_order=0).
 * Under ASan, its own interceptors (strdup, realpath, ...) allocate
 * without passing here: those never fail.
 *
 * tests/t8100-alloc-fail.t drives it; build it with the Makefile
 * ($(O)/tests/fault/allocfail.so).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef void *(*malloc_fn)(size_t);
typedef void *(*calloc_fn)(size_t, size_t);
typedef void *(*realloc_fn)(void *, size_t);
typedef void (*free_fn)(void *);
typedef int (*memalign2_fn)(void **, size_t, size_t);
typedef void *(*memalign_fn)(size_t, size_t);
typedef void *(*valloc_fn)(size_t);

static struct {
	malloc_fn malloc;
	calloc_fn calloc;
	realloc_fn realloc;
	free_fn free;
	memalign2_fn posix_memalign;
	memalign_fn aligned_alloc, memalign;
	valloc_fn valloc, pvalloc;
} real;

static unsigned long fail_at, count;
static int fail_all, ready, resolving, armed;
static const char *spare;	/* WD_ALLOC_SPARE, or NULL */
static const char *fail_in;	/* WD_ALLOC_FAIL_IN, or NULL */
static unsigned long in_count;	/* allocations inside fail_in */

/* what dlsym() allocates before the real allocator is known */
static _Alignas(16) char boot[16384];
static size_t boot_used;

static void *boot_alloc(size_t n)
{
	void *p;

	n = (n + 15) & ~(size_t)15;
	if (n > sizeof(boot) - boot_used)
		return NULL;
	p = boot + boot_used;
	boot_used += n;
	return p;
}

static int in_boot(const void *p)
{
	return (const char *)p >= boot && (const char *)p < boot + sizeof(boot);
}

/* Whether this process is one of the toolkit's commands. */
static int ours(void)
{
	return !strncmp(program_invocation_short_name, "wd", 2);
}

static void setup(void)
{
	if (ready || resolving)
		return;
	resolving = 1;
	real.malloc = (malloc_fn)dlsym(RTLD_NEXT, "malloc");
	real.calloc = (calloc_fn)dlsym(RTLD_NEXT, "calloc");
	real.realloc = (realloc_fn)dlsym(RTLD_NEXT, "realloc");
	real.free = (free_fn)dlsym(RTLD_NEXT, "free");
	real.posix_memalign = (memalign2_fn)dlsym(RTLD_NEXT, "posix_memalign");
	real.aligned_alloc = (memalign_fn)dlsym(RTLD_NEXT, "aligned_alloc");
	real.memalign = (memalign_fn)dlsym(RTLD_NEXT, "memalign");
	real.valloc = (valloc_fn)dlsym(RTLD_NEXT, "valloc");
	real.pvalloc = (valloc_fn)dlsym(RTLD_NEXT, "pvalloc");
	resolving = 0;
	ready = 1;
}

/*
 * Read the settings once the process knows its name: a sanitizer's
 * runtime allocates before libc has set it up.
 */
static void arm(void)
{
	const char *v;

	if (armed || !program_invocation_short_name ||
	    !*program_invocation_short_name)
		return;
	armed = 1;
	v = getenv("WD_ALLOC_FAIL");
	fail_at = v && ours() ? strtoul(v, NULL, 10) : 0;
	v = getenv("WD_ALLOC_FAIL_ALL");
	fail_all = v && *v == '1';
	v = getenv("WD_ALLOC_SPARE");
	spare = v && *v ? v : NULL;
	v = getenv("WD_ALLOC_FAIL_IN");
	fail_in = v && *v ? v : NULL;
}

/* The file name of the object holding code at `pc`, or NULL. */
static const char *object_of(const void *pc)
{
	Dl_info info;
	const char *name;

	if (!pc || !dladdr(pc, &info) || !info.dli_fname)
		return NULL;
	name = strrchr(info.dli_fname, '/');
	return name ? name + 1 : info.dli_fname;
}

/* Whether `name` is a library WD_ALLOC_SPARE names. */
static int spare_named(const char *name)
{
	const char *s, *colon;

	for (s = spare; *s; s = colon + 1) {
		char part[64];
		size_t n;

		colon = strchr(s, ':');
		if (!colon)
			colon = s + strlen(s);
		n = (size_t)(colon - s);
		if (n && n < sizeof(part)) {
			memcpy(part, s, n);
			part[n] = '\0';
			if (strstr(name, part))
				return 1;
		}
		if (!*colon)
			break;
	}
	return 0;
}

static __thread int walking;

/*
 * Code that allocates for its caller: libc (fopen, strdup, vasprintf),
 * a sanitizer's interceptors, this shim.  Who allocates is further up.
 */
static int on_behalf(const char *name)
{
	return strstr(name, "libc.so") || strstr(name, "libasan") ||
	       strstr(name, "libubsan") || strstr(name, "allocfail");
}

/*
 * Whether the allocation asked for by code at `caller` comes from a
 * library WD_ALLOC_SPARE names: the first frame outside this shim,
 * libc and a sanitizer's runtime decides.  Only asked of the allocation that is to fail (walking
 * the stack allocates the first time: those allocations never fail).
 */
static int spared(const void *caller)
{
	const char *name = object_of(caller);
	void *frames[24];
	int n, i;

	if (walking)
		return 1;	/* backtrace() itself */
	if (!spare || !name)
		return 0;
	if (!on_behalf(name))
		return spare_named(name);
	walking = 1;
	n = backtrace(frames, 24);
	walking = 0;
	for (i = 0; i < n; i++) {
		name = object_of(frames[i]);
		if (!name || on_behalf(name))
			continue;
		return spare_named(name);
	}
	return 0;
}

/* The wrapped libc function this thread is in (opendir, fopen), or NULL. */
static __thread const char *in_call;

/* Whether this thread is inside libc's `fn` (one the shim wraps). */
static int inside(const char *fn)
{
	return in_call && !strcmp(in_call, fn);
}

/*
 * Whether this allocation (asked for by code at `caller`) is the one, or
 * one of those, to fail.
 */
static int fails(const void *caller)
{
	unsigned long n = __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED);

	arm();
	if (fail_in) {
		if (!inside(fail_in))
			return 0;
		n = __atomic_add_fetch(&in_count, 1, __ATOMIC_RELAXED);
	}
	if (!fail_at || n < fail_at || (n > fail_at && !fail_all) ||
	    spared(caller))
		return 0;
	errno = ENOMEM;
	return 1;
}

#define CALLER __builtin_return_address(0)

void *malloc(size_t n)
{
	setup();
	if (!ready)
		return boot_alloc(n);
	return fails(CALLER) ? NULL : real.malloc(n);
}

void *calloc(size_t n, size_t size)
{
	setup();
	if (!ready)
		return boot_alloc(n * size);	/* boot is zeroed */
	return fails(CALLER) ? NULL : real.calloc(n, size);
}

static void *realloc_from(void *p, size_t n, const void *caller)
{
	void *q;

	setup();
	if (p && in_boot(p)) {
		size_t left = (size_t)(boot + sizeof(boot) - (char *)p);

		q = malloc(n);
		if (q)
			memcpy(q, p, n < left ? n : left);
		return q;
	}
	if (!ready)
		return boot_alloc(n);
	if (n && fails(caller))
		return NULL;
	return real.realloc(p, n);
}

void *realloc(void *p, size_t n)
{
	return realloc_from(p, n, CALLER);
}

void *reallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc_from(p, n * size, CALLER);
}

void free(void *p)
{
	if (!p || in_boot(p))
		return;
	setup();
	if (real.free)
		real.free(p);
}

int posix_memalign(void **out, size_t align, size_t n)
{
	setup();
	if (fails(CALLER))
		return ENOMEM;
	return real.posix_memalign(out, align, n);
}

void *aligned_alloc(size_t align, size_t n)
{
	setup();
	return fails(CALLER) ? NULL : real.aligned_alloc(align, n);
}

void *memalign(size_t align, size_t n)
{
	setup();
	return fails(CALLER) ? NULL : real.memalign(align, n);
}

void *valloc(size_t n)
{
	setup();
	return fails(CALLER) ? NULL : real.valloc(n);
}

void *pvalloc(size_t n)
{
	setup();
	return fails(CALLER) ? NULL : real.pvalloc(n);
}

/* opendir and fopen, so that WD_ALLOC_FAIL_IN can name them */
DIR *opendir(const char *name)
{
	static DIR *(*fn)(const char *);
	const char *was = in_call;
	DIR *d;

	if (!fn)
		fn = (DIR *(*)(const char *))dlsym(RTLD_NEXT, "opendir");
	in_call = "opendir";
	d = fn(name);
	in_call = was;
	return d;
}

FILE *fopen(const char *path, const char *mode)
{
	static FILE *(*fn)(const char *, const char *);
	const char *was = in_call;
	FILE *f;

	if (!fn)
		fn = (FILE *(*)(const char *, const char *))dlsym(RTLD_NEXT, "fopen");
	in_call = "fopen";
	f = fn(path, mode);
	in_call = was;
	return f;
}

__attribute__((destructor)) static void report(void)
{
	const char *file = getenv("WD_ALLOC_COUNT");
	char line[32];
	int fd, n;

	if (!file || !*file || !ours())
		return;
	n = snprintf(line, sizeof(line), "%lu\n", fail_in ? in_count : count);
	fd = open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	if (fd < 0)
		return;
	if (write(fd, line, (size_t)n) < 0)
		n = 0;
	close(fd);
}

/* cli.c - what every wd-* command shares: options, messages, exit codes */
#include "cli.h"
#include "slug.h"
#include "strvec.h"
#include "vocab.h"
#include "timefmt.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef WD_SHAREDIR
#define WD_SHAREDIR "/usr/local/share/wd"
#endif
#ifndef WD_LOCALEDIR
#define WD_LOCALEDIR "/usr/local/share/locale"
#endif

#ifdef WD_NLS
static int is_dir(const char *p);

/*
 * The message catalogues: build/locale in the source tree, or
 * PREFIX/share/locale beside an installed binary, else where make
 * install put them.
 */
static void bind_messages(void)
{
	static const char *const near[] = { "/locale", "/../share/locale" };
	char exe[PATH_MAX], dir[PATH_MAX + 32], *slash;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	const char *found = WD_LOCALEDIR;
	size_t i;

	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		for (i = 0; slash && i < 2; i++) {
			snprintf(dir, sizeof(dir), "%s%s", exe, near[i]);
			if (is_dir(dir)) {
				found = dir;
				break;
			}
		}
	}
	bindtextdomain(WD_TEXTDOMAIN, found);
	bind_textdomain_codeset(WD_TEXTDOMAIN, "UTF-8");
}
#endif

/*
 * Colour only on a terminal, never with NO_COLOR (https://no-color.org:
 * set to anything but the empty string) and never on a dumb terminal.
 */
static int want_colour(void)
{
	const char *no = getenv("NO_COLOR"), *term = getenv("TERM");

	if (no && *no)
		return 0;
	if (!term || !*term || !strcmp(term, "dumb"))
		return 0;
	return isatty(1);
}

/* WD_PROGRESS_DELAY: seconds before progress shows (git's GIT_PROGRESS_DELAY). */
static double progress_delay(void)
{
	const char *s = getenv("WD_PROGRESS_DELAY");
	char *end;
	long v;

	if (!s || !*s)
		return 1;
	errno = 0;
	v = strtol(s, &end, 10);
	return *end || errno || v < 0 ? 1 : (double)v;
}

static void progress(void *ctx, enum wd_work what, size_t done, size_t total);

void cli_init(struct cli *c, const char *prog, const char *usage, char **argv)
{
	memset(c, 0, sizeof(*c));
	c->prog = prog;
	c->argv0 = argv[0];
	c->usage = usage;
	c->progress = isatty(2);
	c->prog_delay = progress_delay();
	wd_ws_init(&c->ws);
	c->ws.colour = want_colour();
	c->ws.progress = progress;
	c->ws.progress_ctx = c;
	setlocale(LC_ALL, "");
	/* numbers in files and SVG keep their decimal point */
	setlocale(LC_NUMERIC, "C");
#ifdef WD_NLS
	bind_messages();
#endif
}

void cli_release(struct cli *c)
{
	wd_ws_release(&c->ws);
	wd_buf_release(&c->share);
	fflush(stdout);
}

/* Print s with control characters made visible, so no message can fool a terminal. */
static void put_clean(FILE *f, const char *s)
{
	for (; *s; s++) {
		unsigned char ch = (unsigned char)*s;

		if (ch < 0x20 || ch == 0x7f)
			fprintf(f, "\\x%02x", ch);
		else
			fputc(ch, f);
	}
}

void cli_path(struct cli *c, const char *rel, char *out, size_t size)
{
	const char *prefix = c->ws_open ? c->ws.prefix : "";
	size_t pl, n = 0;
	const char *p;

	if (rel[0] == '/') {
		/* a file outside the workspace, named in full */
		snprintf(out, size, "%s", rel);
		return;
	}
	if (c->ws_open && !prefix) {
		/* run from outside the workspace (WD_DIR): the whole path */
		snprintf(out, size, "%s/%s", c->ws.root, rel);
		return;
	}
	if (!prefix)
		prefix = "";
	pl = strlen(prefix);

	if (!pl || !strncmp(rel, prefix, pl)) {
		snprintf(out, size, "%s", rel + pl);
		if (!out[0])
			snprintf(out, size, ".");
		return;
	}
	out[0] = '\0';
	for (p = prefix; *p; p++)
		if (*p == '/' && n + 4 < size) {
			memcpy(out + n, "../", 4);
			n += 3;
		}
	snprintf(out + n, size - n, "%s", rel);
}

static void put_where(struct cli *c, FILE *f, const struct wd_error *e,
		      int quoted)
{
	char path[1024];

	if (!e->file[0])
		return;
	cli_path(c, e->file, path, sizeof(path));
	if (quoted)
		fputc('\'', f);
	put_clean(f, path);
	if (quoted)
		fputc('\'', f);
	if (e->line)
		fprintf(f, ":%u:%u", e->line, e->col ? e->col : 1);
	fputs(": ", f);
}

static void put_error(struct cli *c, const struct wd_error *e,
		      const char *what)
{
	fflush(stdout);
	fprintf(stderr, "%s: %s", c->prog, what);
	put_where(c, stderr, e, 1);
	put_clean(stderr, e->msg[0] ? e->msg : _("unknown error"));
	fputc('\n', stderr);
	if (e->hint[0]) {
		fputs(_("hint: "), stderr);
		put_clean(stderr, e->hint);
		fputc('\n', stderr);
	}
}

int cli_fail(struct cli *c, const struct wd_error *e)
{
	put_error(c, e, "");
	return e->code ? e->code : EX_SOFTWARE;
}

int cli_oom(struct cli *c)
{
	struct wd_error e;

	wd_error_oom(&e);
	return cli_fail(c, &e);
}

void cli_warn_error(struct cli *c, const struct wd_error *e)
{
	if (!c->quiet)
		put_error(c, e, _("warning: "));
}

void cli_print_problem(struct cli *c, FILE *f, const struct wd_error *e)
{
	put_where(c, f, e, 0);
	put_clean(f, e->msg);
	fputc('\n', f);
}

static void vsay(struct cli *c, const char *what, const char *fmt, va_list ap)
{
	char msg[2048];

	vsnprintf(msg, sizeof(msg), fmt, ap);
	fflush(stdout);
	fprintf(stderr, "%s: %s", c->prog, what);
	put_clean(stderr, msg);
	fputc('\n', stderr);
}

int cli_usage_error(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(c, "", fmt, ap);
	va_end(ap);
	fprintf(stderr, _("Try '%s --help' for more information.\n"), c->prog);
	return EX_USAGE;
}

void cli_warn(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	if (c->quiet)
		return;
	va_start(ap, fmt);
	vsay(c, _("warning: "), fmt, ap);
	va_end(ap);
}

void cli_info(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	if (c->quiet)
		return;
	va_start(ap, fmt);
	vsay(c, "", fmt, ap);
	va_end(ap);
}

int cli_help(struct cli *c)
{
	fputs(_(c->usage), stdout);
	return 0;
}

int cli_version(struct cli *c)
{
	printf("%s (wijkdialoog) %s\n", c->prog, WD_VERSION);
	return 0;
}

int cli_global_opt(struct cli *c, int opt, const char *arg)
{
	switch (opt) {
	case 'C':
		if (chdir(arg) < 0) {
			struct wd_error e;

			errno = errno ? errno : ENOENT;
			wd_error_sys(&e, EX_NOINPUT, arg, _("cannot change to folder"));
			return cli_fail(c, &e);
		}
		return -1;
	case 'h':
		return cli_help(c);
	case 'V':
		return cli_version(c);
	case 'q':
		c->quiet = 1;
		c->progress = 0;
		return -1;
	case 'v':
		c->verbose++;
		return -1;
	case 'P':
		c->progress = 0;
		return -1;
	case '?':
		fprintf(stderr, _("Try '%s --help' for more information.\n"),
			c->prog);
		return EX_USAGE;
	}
	return -2;
}

static void cli_error(struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void cli_error(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(c, "", fmt, ap);
	va_end(ap);
}

/* An unknown or ambiguous "--word" (as typed, "=value" and all). */
static void bad_long(struct cli *c, const char *word,
		     const struct option *longs)
{
	const char *names[128], *near;
	size_t k = 0, begins = 0;

	for (; longs->name && k < sizeof(names) / sizeof(*names); longs++) {
		names[k++] = longs->name;
		begins += !strncmp(longs->name, word, strlen(word));
	}
	if (begins > 1) {
		cli_error(c, _("option '--%s' is ambiguous"), word);
		return;
	}
	near = wd_closest(word, names, k);
	if (near)
		cli_error(c, _("unknown option '--%s' (did you mean '--%s'?)"),
			  word, near);
	else
		cli_error(c, _("unknown option '--%s'"), word);
}

int cli_getopt(struct cli *c, int argc, char **argv, const char *shorts,
	       const struct option *longs)
{
	const char *arg = "";
	char word[128];
	int opt, before = optind;

	opterr = 0;
	opt = getopt_long(argc, argv, shorts, longs, NULL);
	if (opt != '?')
		return opt;
	/*
	 * The option at fault: the one getopt_long() just stepped past when
	 * it is a long one; inside a cluster ("-qz") it does not step, and
	 * argv[optind - 1] is whatever came before
	 */
	if (optind > before && optind > 0 && optind <= argc)
		arg = argv[optind - 1];
	if (arg[0] == '-' && arg[1] == '-' && arg[2]) {
		snprintf(word, sizeof(word), "%.*s", (int)strcspn(arg + 2, "="),
			 arg + 2);
		if (optopt && strchr(arg, '='))
			cli_error(c, _("option '--%s' takes no value"), word);
		else if (optopt)
			cli_error(c, _("option '--%s' needs a value"), word);
		else
			bad_long(c, word, longs);
	} else if (optopt > ' ' && optopt < 127 && optopt != ':' &&
		   optopt != '+' && strchr(shorts, optopt)) {
		cli_error(c, _("option '-%c' needs a value"), optopt);
	} else if (optopt > ' ' && optopt < 127) {
		cli_error(c, _("unknown option '-%c'"), optopt);
	} else {
		cli_error(c, "%s", _("unknown option"));
	}
	return '?';
}

int cli_globals(struct cli *c, int argc, char **argv, int *ind)
{
	static const struct option longs[] = {
		CLI_GLOBAL_LONG,
		{ NULL, 0, NULL, 0 },
	};
	int opt, r;

	while ((opt = cli_getopt(c, argc, argv, CLI_GLOBAL_SHORT, longs)) != -1) {
		r = cli_global_opt(c, opt, optarg);
		if (r != -1)
			return r == -2 ? EX_SOFTWARE : r;
	}
	*ind = optind;
	return -1;
}

static int set_now(struct cli *c)
{
	const char *now = getenv("WD_NOW");
	struct wd_when w;

	c->ws.now = (int64_t)time(NULL);
	if (!now || !*now)
		return 0;
	if (wd_time_parse(now, &w) < 0) {
		struct wd_error e;

		wd_error_set(&e, EX_CONFIG,
			     _("WD_NOW '%s' is not a time like 2026-12-12T19:30"),
			     now);
		return cli_fail(c, &e);
	}
	c->ws.now = w.t;
	return 0;
}

static int is_dir(const char *p)
{
	struct stat st;

	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *cli_share(struct cli *c)
{
	static const char *const near[] = { "/../share/wd", "/share/wd" };
	const char *env = getenv("WD_SHARE");
	char exe[PATH_MAX], *slash;
	ssize_t n;
	size_t i;

	if (c->share.len)
		return c->share.ptr;
	if (env && *env && wd_buf_adds(&c->share, env) == 0)
		return c->share.ptr;
	/* next to the binary: build/../share/wd or PREFIX/bin/../share/wd */
	n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	if (n > 0) {
		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		for (i = 0; slash && i < 2; i++) {
			wd_buf_reset(&c->share);
			if (wd_buf_addf(&c->share, "%s%s", exe, near[i]) == 0 &&
			    is_dir(c->share.ptr))
				return c->share.ptr;
		}
	}
	wd_buf_reset(&c->share);
	if (wd_buf_adds(&c->share, WD_SHAREDIR) < 0)
		return WD_SHAREDIR;
	return c->share.ptr;
}

int cli_open(struct cli *c)
{
	const char *dir = getenv("WD_DIR"), *tmo = getenv("WD_LOCK_TIMEOUT");
	struct wd_error e;
	struct wd_diag diag;
	int r;

	if (c->ws_open)
		return 0;	/* once per command */
	if (tmo && *tmo) {
		long s;

		char *end;

		errno = 0;
		s = strtol(tmo, &end, 10);
		if (*end || errno || s < 0 || s > 3600) {
			wd_error_set(&e, EX_CONFIG,
				     _("WD_LOCK_TIMEOUT '%s' should be a number of seconds from 0 to 3600"),
				     tmo);
			return cli_fail(c, &e);
		}
		c->ws.lock_timeout_ms = (unsigned)s * 1000;
	}
	wd_diag_init(&diag, &e, c->lenient ? c->problems : NULL);
	if (wd_ws_open(&c->ws, dir && *dir ? dir : ".", dir && *dir, &diag) < 0) {
		if (c->ws.root)
			c->ws_open = 1;
		return cli_fail(c, &e);
	}
	c->ws_open = 1;
	/* after the workspace's time zone is set: WD_NOW is local time */
	if ((r = set_now(c)))
		return r;
	c->ws.share = strdup(cli_share(c));
	if (!c->ws.share) {
		wd_error_oom(&e);
		return cli_fail(c, &e);
	}
	return 0;
}

const char *cli_count(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return buf;
}

int cli_number(struct cli *c, const char *opt, const char *s, long max,
	       long *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < 0 || v > max)
		return cli_usage_error(c, _("%s wants a whole number from 0 to %ld, not '%s'"),
				       opt, max, s);
	*out = v;
	return 0;
}

static double seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * Progress on stderr, as git shows it: only on a terminal, only once
 * the work has taken WD_PROGRESS_DELAY seconds (1 by default), at most
 * ten times a second, and a last line when it is done.
 */
static void progress(void *ctx, enum wd_work what, size_t done, size_t total)
{
	struct cli *c = ctx;
	double now;

	if (!c->progress || !total)
		return;
	now = seconds();
	if (done <= 1 || !c->prog_start) {
		c->prog_start = now;
		c->prog_last = 0;
		c->prog_shown = 0;
	}
	if (done < total &&
	    (now - c->prog_start < c->prog_delay || now - c->prog_last < 0.1))
		return;
	if (done == total && !c->prog_shown &&
	    now - c->prog_start < c->prog_delay) {
		c->prog_start = 0;
		return;
	}
	c->prog_last = now;
	c->prog_shown = 1;
	fputc('\r', stderr);
	switch (what) {
	case WD_WORK_INDEX:
		fprintf(stderr, _("%s: indexing %zu of %zu dialogues"),
			c->prog, done, total);
		break;
	case WD_WORK_IMPORT:
		fprintf(stderr, _("%s: taking in %zu of %zu rows"), c->prog,
			done, total);
		break;
	case WD_WORK_SEND:
		fprintf(stderr, _("%s: sending %zu of %zu messages"), c->prog,
			done, total);
		break;
	}
	if (done == total) {
		fputc('\n', stderr);
		c->prog_start = 0;
	}
}

static void index_progress(void *ctx, size_t done, size_t total)
{
	progress(ctx, WD_WORK_INDEX, done, total);
}

static void report_problems(struct cli *c, struct wd_problems *probs)
{
	size_t i;

	for (i = 0; i < probs->n; i++)
		cli_warn_error(c, &probs->v[i]);
	if (probs->n)
		cli_warn(c, "%s", _("files with problems are indexed as far as they could be read; run 'wd-report check'"));
}

static int index_with(struct cli *c, struct wd_index *ix,
		      struct wd_index_stats *st, int rebuild)
{
	struct wd_problems probs;
	struct wd_error e;
	int r;

	wd_problems_init(&probs);
	wd_index_init(ix, &c->ws);
	ix->problems = &probs;
	ix->progress = index_progress;
	ix->progress_ctx = c;
	if (rebuild)
		r = wd_index_open(ix, &e) < 0 ? -1 :
		    wd_index_rebuild(ix, st, &e);
	else
		r = wd_index_ready(ix, st, &e);
	ix->problems = NULL;
	if (r < 0) {
		wd_index_close(ix);
		wd_problems_release(&probs);
		return cli_fail(c, &e);
	}
	if (ix->fresh == WD_INDEX_DAMAGED && !rebuild)
		cli_warn(c, "%s", _("the index was damaged; it was built again from the files"));
	else if (ix->fresh == WD_INDEX_OLD && c->verbose)
		cli_info(c, "%s", _("the index was of another version; it was built again"));
	report_problems(c, &probs);
	wd_problems_release(&probs);
	return 0;
}

int cli_index(struct cli *c, struct wd_index *ix, struct wd_index_stats *st)
{
	return index_with(c, ix, st, 0);
}

int cli_rebuild(struct cli *c, struct wd_index *ix, struct wd_index_stats *st)
{
	return index_with(c, ix, st, 1);
}

int cli_dialogue(struct cli *c, const char *given, struct wd_buf *buf)
{
	struct wd_strvec ids = WD_STRVEC_INIT;
	struct wd_error e;
	const char *here;
	int r = 0;

	wd_buf_reset(buf);
	if (given) {
		if (wd_id_check(given, _("dialogue id"), &e) < 0)
			return cli_fail(c, &e);
		if (!wd_ws_has_dialogue(&c->ws, given)) {
			wd_error_set(&e, EX_NOINPUT,
				     _("no dialogue '%s' in this workspace"), given);
			return cli_fail(c, &e);
		}
		if (wd_buf_adds(buf, given) < 0) {
			wd_error_oom(&e);
			return cli_fail(c, &e);
		}
		return 0;
	}
	here = wd_ws_here(&c->ws, buf);
	if (here)
		return 0;
	if (wd_ws_dialogues(&c->ws, &ids, &e) < 0)
		return cli_fail(c, &e);
	if (ids.n == 1) {
		wd_buf_reset(buf);
		if (wd_buf_adds(buf, ids.v[0]) < 0) {
			wd_error_oom(&e);
			r = cli_fail(c, &e);
		}
	} else if (ids.n == 0) {
		wd_error_set(&e, EX_NOINPUT, "%s",
			     _("there is no dialogue yet in this workspace"));
		wd_error_hint(&e, "%s", _("make one with 'wd-init ID --title ...'"));
		r = cli_fail(c, &e);
	} else {
		r = cli_usage_error(c, "%s",
				    _("which dialogue? use -d ID, or run this in its folder"));
	}
	wd_strvec_release(&ids);
	return r;
}

void cli_index_dialogue(struct cli *c, const char *dialogue)
{
	struct wd_index ix;
	struct wd_error e;

	wd_index_init(&ix, &c->ws);
	if (wd_index_open(&ix, &e) < 0 ||
	    wd_index_refresh_dialogue(&ix, dialogue, NULL, &e) < 0)
		cli_warn_error(c, &e);
	wd_index_close(&ix);
}

int cli_stdout(void *ctx, const char *p, size_t n)
{
	(void)ctx;
	return fwrite(p, 1, n, stdout) == n ? 0 : -1;
}

/* "add, import, list": the subcommands a user may name. */
static int cmd_list(struct wd_buf *b, const struct cli_cmd *cmds, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!cmds[i].hidden &&
		    wd_buf_addf(b, "%s%s", b->len ? ", " : "", cmds[i].name) < 0)
			return -1;
	return 0;
}

static int unknown_cmd(struct cli *c, const char *name,
		       const struct cli_cmd *cmds, size_t n)
{
	const char *names[32], *near;
	size_t i, k = 0;

	for (i = 0; i < n && k < sizeof(names) / sizeof(*names); i++)
		if (!cmds[i].hidden)
			names[k++] = cmds[i].name;
	near = wd_closest(name, names, k);
	if (near)
		return cli_usage_error(c, _("unknown command '%s' (did you mean '%s'?)"),
				       name, near);
	return cli_usage_error(c, _("unknown command '%s'"), name);
}

int cli_main(const char *prog, const char *usage, const struct cli_cmd *cmds,
	     size_t n, int argc, char **argv)
{
	struct wd_buf list = WD_BUF_INIT(0);
	struct cli c;
	size_t i;
	int r, ind;

	cli_init(&c, prog, usage, argv);
	r = cli_globals(&c, argc, argv, &ind);
	if (r >= 0)
		goto out;
	if (ind >= argc) {
		r = cmd_list(&list, cmds, n) < 0 ? cli_oom(&c) :
		    cli_usage_error(&c, _("which command? (%s)"), list.ptr);
		goto out;
	}
	for (i = 0; i < n; i++)
		if (!strcmp(argv[ind], cmds[i].name))
			break;
	r = i < n ? cmds[i].fn(&c, argc - ind, argv + ind) :
		    unknown_cmd(&c, argv[ind], cmds, n);
out:
	wd_buf_release(&list);
	cli_release(&c);
	return r;
}

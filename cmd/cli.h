/* cli.h - what every wd-* command shares: options, messages, exit codes */
#ifndef WD_CLI_H
#define WD_CLI_H

#include <getopt.h>
#include <stdio.h>
#include <sysexits.h>

#include "error.h"
#include "i18n.h"
#include "index.h"
#include "ws.h"

#define WD_VERSION "0.1.0"

struct cli {
	const char *prog;		/* "wd-report" */
	const char *argv0;
	const char *usage;		/* the SYNOPSIS, as --help prints it */
	int quiet, verbose, progress;
	double prog_delay, prog_start, prog_last;	/* progress: seconds */
	int prog_shown;
	int lenient;			/* check: report wd.yaml, do not fail */
	struct wd_problems *problems;	/* with lenient: where they go */
	struct wd_ws ws;
	int ws_open;
	struct wd_buf share;		/* where share/wd is */
};

/* The options every command takes before its subcommand. */
#define CLI_GLOBAL_SHORT "+C:hqv"
#define CLI_GLOBAL_LONG \
	{ "help", no_argument, NULL, 'h' }, \
	{ "version", no_argument, NULL, 'V' }, \
	{ "quiet", no_argument, NULL, 'q' }, \
	{ "verbose", no_argument, NULL, 'v' }, \
	{ "no-progress", no_argument, NULL, 'P' }

void cli_init(struct cli *c, const char *prog, const char *usage, char **argv);
void cli_release(struct cli *c);

/*
 * Handle a global option; returns -1 when it was one and the command
 * goes on, else an exit code (0 after --help or --version, 64 on a bad
 * option), or -2 when `opt` is not a global option.
 */
int cli_global_opt(struct cli *c, int opt, const char *arg);

/*
 * getopt_long(), with the messages of this program: "wd-harvest:
 * unknown option '--tabel' (did you mean '--table'?)", "option '--due'
 * needs a value".  Returns what getopt_long() returns ('?' after the
 * message).
 */
int cli_getopt(struct cli *c, int argc, char **argv, const char *shorts,
	       const struct option *longs);

/* Parse the global options before a subcommand; argv[*ind] is then it. */
int cli_globals(struct cli *c, int argc, char **argv, int *ind);

/* Open the workspace (-C, WD_DIR, or from here upwards); an exit code. */
int cli_open(struct cli *c);

/* Where share/wd is: $WD_SHARE, next to the binary, or as installed. */
const char *cli_share(struct cli *c);

/* Messages on stderr, prefixed with the program's name. */
int cli_fail(struct cli *c, const struct wd_error *e);
int cli_oom(struct cli *c);
void cli_warn_error(struct cli *c, const struct wd_error *e);
int cli_usage_error(struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cli_warn(struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void cli_info(struct cli *c, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A counted phrase such as Q_("%zu file", "%zu files", n), made in buf. */
const char *cli_count(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A subcommand; a hidden one (for completion) is left out of lists. */
struct cli_cmd {
	const char *name;
	int (*fn)(struct cli *, int, char **);
	int hidden;
};

/*
 * The main of a command with subcommands: the global options, then the
 * subcommand named in argv (64 and the list when none or an unknown
 * one); an exit code.
 */
int cli_main(const char *prog, const char *usage, const struct cli_cmd *cmds,
	     size_t n, int argc, char **argv);

int cli_help(struct cli *c);
int cli_version(struct cli *c);

/* A file name as the user sees it: relative to where the command runs. */
void cli_path(struct cli *c, const char *rel, char *out, size_t size);

/* A problem as a line "FILE:LINE:COL: message" (check's output). */
void cli_print_problem(struct cli *c, FILE *f, const struct wd_error *e);

/* Open the index and bring it up to date, telling what happened. */
int cli_index(struct cli *c, struct wd_index *ix, struct wd_index_stats *st);

/* Open the index and build it again from nothing. */
int cli_rebuild(struct cli *c, struct wd_index *ix, struct wd_index_stats *st);

/*
 * The dialogue a command is about: -d ID when given, else the one the
 * current folder is in, else the only one in the workspace.  Its id
 * goes into `buf`; on failure an exit code is returned (64/66).
 */
int cli_dialogue(struct cli *c, const char *given, struct wd_buf *buf);

/*
 * After writing files of one dialogue: refresh just its entries in the
 * index (a write never walks the whole workspace).  A failure here is
 * only a warning: the files are written and the next command catches up.
 */
void cli_index_dialogue(struct cli *c, const char *dialogue);

/* Write to stdout (for wd_out). */
int cli_stdout(void *ctx, const char *p, size_t n);

/* Parse a whole non-negative number for option `opt`. */
int cli_number(struct cli *c, const char *opt, const char *s, long max,
	       long *out);

#endif

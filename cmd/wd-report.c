/* wd-report - check, index and report on a workspace */
#include "check.h"
#include "cli.h"
#include "search.h"

#include <string.h>

static const char usage[] =
	"usage: wd-report [-C DIR] [-q] [-v] [--no-progress] <command> [<options>]\n"
	"\n"
	"commands:\n"
	"  check              validate every file; problems as FILE:LINE:COL: message\n"
	"  index [--rebuild]  bring the index (.wd/index.sqlite) up to date\n"
	"  search [-d ID] [--limit N] [--format table|csv|tsv|json] QUERY\n"
	"                     full-text search of the harvest, best first\n"
	"\n"
	"  -C DIR             run as if started in DIR\n"
	"  -q, --quiet        say nothing but errors\n"
	"  -v, --verbose      say more\n"
	"      --no-progress  no progress bar, even on a terminal\n"
	"  -h, --help         show this help\n"
	"      --version      show the version\n";

/* Options of a subcommand: -1 to go on, else the exit code. */
static int sub_opts(struct cli *c, int argc, char **argv,
		    const struct option *longs, int *rebuild)
{
	int opt;

	optind = 0;	/* glibc: start afresh, in permuting mode */
	while ((opt = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
		switch (opt) {
		case 'r':
			*rebuild = 1;
			break;
		case 'h':
			return cli_help(c);
		default:
			fprintf(stderr, _("Try '%s --help' for more information.\n"),
				c->prog);
			return EX_USAGE;
		}
	}
	if (optind < argc)
		return cli_usage_error(c, _("unexpected argument '%s'"), argv[optind]);
	return -1;
}

static int cmd_check(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct wd_check_stats st;
	struct wd_problems probs;
	struct wd_error e;
	size_t i;
	int r, dummy = 0;

	if ((r = sub_opts(c, argc, argv, longs, &dummy)) >= 0)
		return r;
	wd_problems_init(&probs);
	c->lenient = 1;
	c->problems = &probs;
	/* problems of wd.yaml are listed with the others, not fatal */
	if ((r = cli_open(c)))
		goto out;
	if (wd_check(&c->ws, &probs, &st, &e) < 0) {
		r = cli_fail(c, &e);
		goto out;
	}
	wd_problems_sort(&probs);
	for (i = 0; i < probs.n; i++)
		cli_print_problem(c, stdout, &probs.v[i]);
	if (probs.n) {
		if (!c->quiet)
			fprintf(stderr, _("%s: %zu problem(s); %zu file(s) of %zu dialogue(s) checked\n"),
				c->prog, probs.n, st.files, st.dialogues);
		r = 1;
	} else {
		if (c->verbose)
			cli_info(c, _("%zu file(s) of %zu dialogue(s): no problems"),
				 st.files, st.dialogues);
		r = 0;
	}
out:
	wd_problems_release(&probs);
	return r;
}

static int cmd_index(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "rebuild", no_argument, NULL, 'r' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct wd_index_stats st;
	struct wd_index ix;
	int r, rebuild = 0;

	if ((r = sub_opts(c, argc, argv, longs, &rebuild)) >= 0)
		return r;
	if ((r = cli_open(c)))
		return r;
	if (rebuild)
		r = cli_rebuild(c, &ix, &st);
	else
		r = cli_index(c, &ix, &st);
	if (r)
		return r;
	if (c->verbose)
		cli_info(c, _("%zu dialogue(s), %zu file(s) indexed: %zu read, %zu removed, %zu with problems"),
			 st.dialogues, st.files, st.read, st.removed, st.problems);
	wd_index_close(&ix);
	return 0;
}

static int cmd_search(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "dialogue", required_argument, NULL, 'd' },
		{ "format", required_argument, NULL, 'f' },
		{ "limit", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct wd_buf dl = WD_BUF_INIT(0);
	enum wd_format fmt = WD_FMT_TABLE;
	const char *dialogue = NULL;
	struct wd_index_stats st;
	struct wd_index ix;
	struct wd_error e;
	long limit = 20;
	size_t found;
	int opt, r;

	optind = 0;
	while ((opt = getopt_long(argc, argv, "d:n:h", longs, NULL)) != -1) {
		switch (opt) {
		case 'd':
			dialogue = optarg;
			break;
		case 'f':
			if (wd_format_parse(optarg, &fmt) < 0)
				return cli_usage_error(c, _("unknown format '%s' (table, csv, tsv, json)"),
						       optarg);
			break;
		case 'n':
			if ((r = cli_number(c, "--limit", optarg, 100000, &limit)))
				return r;
			break;
		case 'h':
			return cli_help(c);
		default:
			fprintf(stderr, _("Try '%s --help' for more information.\n"),
				c->prog);
			return EX_USAGE;
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(c, "%s", optind == argc ?
				       _("search for what? (wd-report search WORDS)") :
				       _("put the query in quotes: wd-report search 'a b'"));
	if ((r = cli_open(c)))
		return r;
	if (dialogue && (r = cli_dialogue(c, dialogue, &dl)))
		return r;
	if ((r = cli_index(c, &ix, &st)))
		goto out;
	if (wd_search(&ix, argv[optind], dialogue ? dl.ptr : NULL, limit, fmt,
		      c->ws.set.lang, cli_stdout, NULL, &found, &e) < 0)
		r = cli_fail(c, &e);
	else
		r = found ? 0 : 1;
	wd_index_close(&ix);
out:
	wd_buf_release(&dl);
	return r;
}

static const struct {
	const char *name;
	int (*fn)(struct cli *, int, char **);
} cmds[] = {
	{ "search", cmd_search },
	{ "check", cmd_check },
	{ "index", cmd_index },
};

int main(int argc, char **argv)
{
	struct cli c;
	size_t i;
	int r, ind;

	cli_init(&c, "wd-report", usage, argv);
	r = cli_globals(&c, argc, argv, &ind);
	if (r >= 0)
		goto out;
	if (ind >= argc) {
		r = cli_usage_error(&c, "%s", _("which command? (check, index)"));
		goto out;
	}
	for (i = 0; i < sizeof(cmds) / sizeof(*cmds); i++)
		if (!strcmp(argv[ind], cmds[i].name))
			break;
	if (i == sizeof(cmds) / sizeof(*cmds)) {
		r = cli_usage_error(&c, _("unknown command '%s'"), argv[ind]);
		goto out;
	}
	r = cmds[i].fn(&c, argc - ind, argv + ind);
out:
	cli_release(&c);
	return r;
}

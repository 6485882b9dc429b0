/* wd-report - check, index and report on a workspace */
#include "check.h"
#include "cli.h"
#include "export.h"
#include "followup.h"
#include "ids.h"
#include "relay.h"
#include "report.h"
#include "search.h"
#include "tally.h"
#include "timefmt.h"

#include <string.h>

/* TRANSLATORS: the --help text; translate the explanations only, keep
 * commands, options and their arguments as they are, and the columns */
static const char *const usage = N_(
	"usage: wd-report [-C DIR] [-q] [-v] [--no-progress] <command> [<options>]\n"
	"\n"
	"commands:\n"
	"  check              validate every file; problems as FILE:LINE:COL: message\n"
	"  index [--rebuild]  bring the index (.wd/index.sqlite) up to date\n"
	"  summary [-d ID | --all] [--since DATE] [--until DATE]\n"
	"          [--format text|md|html|json] [-o FILE]\n"
	"                     what a dialogue was, who came, what it harvested\n"
	"  actions [-d ID] [--open | --overdue | --due-within DAYS]\n"
	"          [--owner PERSON] [--format table|csv|tsv|json]\n"
	"                     actions, by due date\n"
	"  due [--days N]     what needs attention (for a weekly cron mail)\n"
	"  relay [--format text|dot|json]\n"
	"                     the estafette as a graph\n"
	"  themes [--format table|csv|tsv|json]\n"
	"  tags [--format table|csv|tsv|json]\n"
	"                     counts across dialogues\n"
	"  search [-d ID] [--limit N] [--format table|csv|tsv|json] QUERY\n"
	"                     full-text search of the harvest, best first\n"
	"  export [--format json|csv] [--include-contacts] [-o FILE]\n"
	"                     everything as open data, anonymous by default\n"
	"  ids [-d ID] dialogues|people|items|actions|tags|sources\n"
	"                     ids from the index as it is (for shell completion)\n"
	"\n"
	"  -C DIR             run as if started in DIR\n"
	"  -q, --quiet        say nothing but errors\n"
	"  -v, --verbose      say more\n"
	"      --no-progress  no progress bar, even on a terminal\n"
	"  -h, --help         show this help\n"
	"      --version      show the version\n");

/* Options of a subcommand: -1 to go on, else the exit code. */
static int sub_opts(struct cli *c, int argc, char **argv,
		    const struct option *longs, int *rebuild)
{
	int opt;

	optind = 0;	/* glibc: start afresh, in permuting mode */
	while ((opt = cli_getopt(c, argc, argv, "h", longs)) != -1) {
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
	char n1[64], n2[64], n3[64];
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
			cli_info(c, _("%s; %s of %s checked"),
				 cli_count(n1, sizeof(n1), Q_("%zu problem", "%zu problems", probs.n), probs.n),
				 cli_count(n2, sizeof(n2), Q_("%zu file", "%zu files", st.files), st.files),
				 cli_count(n3, sizeof(n3), Q_("%zu dialogue", "%zu dialogues", st.dialogues), st.dialogues));
		r = 1;
	} else {
		if (c->verbose)
			cli_info(c, _("%s of %s: no problems"),
				 cli_count(n2, sizeof(n2), Q_("%zu file", "%zu files", st.files), st.files),
				 cli_count(n3, sizeof(n3), Q_("%zu dialogue", "%zu dialogues", st.dialogues), st.dialogues));
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
	char n1[64], n2[64];
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
		cli_info(c, _("%s, %s indexed: %zu read, %zu removed, %zu with problems"),
			 cli_count(n1, sizeof(n1), Q_("%zu dialogue", "%zu dialogues", st.dialogues), st.dialogues),
			 cli_count(n2, sizeof(n2), Q_("%zu file", "%zu files", st.files), st.files),
			 st.read, st.removed, st.problems);
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
	while ((opt = cli_getopt(c, argc, argv, "d:n:h", longs)) != -1) {
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

/* A date for --since/--until: the start of that day. */
static int date_arg(struct cli *c, const char *opt, const char *s, int64_t *t)
{
	struct wd_when w;

	if (wd_time_parse(s, &w) < 0)
		return cli_usage_error(c, _("%s '%s' is not a date like 2027-01-31"),
				       opt, s);
	*t = w.t;
	return 0;
}

enum report_format { R_TEXT, R_MD, R_HTML, R_JSON };

static int report_format(struct cli *c, const char *s, enum report_format *f)
{
	static const char *const names[] = { "text", "md", "html", "json" };
	int i;

	for (i = 0; i < 4; i++)
		if (!strcmp(s, names[i])) {
			*f = (enum report_format)i;
			return 0;
		}
	return cli_usage_error(c, _("unknown format '%s' (text, md, html, json)"), s);
}

/* Where a report goes: stdout, or a file written atomically with -o. */
struct sink {
	struct wd_buf b;
	int to_file;
};

static int sink_write(void *ctx, const char *p, size_t n)
{
	struct sink *k = ctx;

	if (!k->to_file)
		return cli_stdout(NULL, p, n);
	return wd_buf_add(&k->b, p, n);
}

static int cmd_summary(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "dialogue", required_argument, NULL, 'd' },
		{ "all", no_argument, NULL, 'a' },
		{ "since", required_argument, NULL, 's' },
		{ "until", required_argument, NULL, 'u' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct wd_buf dl = WD_BUF_INIT(0);
	struct wd_report_filter f;
	enum report_format fmt = R_TEXT;
	const char *dialogue = NULL, *output = NULL;
	struct wd_index_stats st;
	struct wd_report rep;
	struct sink sink;
	struct wd_index ix;
	struct wd_error e;
	int opt, r, all = 0;

	memset(&f, 0, sizeof(f));
	memset(&sink, 0, sizeof(sink));
	wd_buf_init(&sink.b, 0);
	wd_report_init(&rep);
	optind = 0;
	while ((opt = cli_getopt(c, argc, argv, "d:o:h", longs)) != -1) {
		switch (opt) {
		case 'd': dialogue = optarg; break;
		case 'a': all = 1; break;
		case 'o': output = optarg; break;
		case 's':
			if ((r = date_arg(c, "--since", optarg, &f.since)))
				return r;
			break;
		case 'u':
			if ((r = date_arg(c, "--until", optarg, &f.until)))
				return r;
			break;
		case 'f':
			if ((r = report_format(c, optarg, &fmt)))
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
	if (optind < argc)
		return cli_usage_error(c, _("unexpected argument '%s'"), argv[optind]);
	if (all && dialogue)
		return cli_usage_error(c, "%s", _("give -d ID or --all, not both"));
	if ((r = cli_open(c)))
		return r;
	if (!all) {
		if ((r = cli_dialogue(c, dialogue, &dl)))
			goto out;
		f.dialogue = dl.ptr;
	}
	if ((r = cli_index(c, &ix, &st)))
		goto out;
	r = wd_report_load(&rep, &ix, &f, &c->ws, &e);
	wd_index_close(&ix);
	if (r < 0) {
		r = cli_fail(c, &e);
		goto out;
	}
	sink.to_file = output != NULL;
	switch (fmt) {
	case R_TEXT:
	case R_MD:
		r = wd_report_text(&rep, fmt == R_MD, sink_write, &sink, &e);
		break;
	case R_JSON:
		r = wd_report_json(&rep, sink_write, &sink, &e);
		break;
	case R_HTML:
		r = wd_report_html(&rep, sink_write, &sink, &e);
		break;
	}
	if (r < 0) {
		r = cli_fail(c, &e);
		goto out;
	}
	if (output) {
		if (wd_store_write(output, output, wd_buf_str(&sink.b), sink.b.len,
				   0644, &e) < 0) {
			r = cli_fail(c, &e);
			goto out;
		}
		cli_info(c, _("wrote %s"), output);
	}
	r = rep.n ? 0 : 1;
out:
	wd_report_release(&rep);
	wd_buf_release(&sink.b);
	wd_buf_release(&dl);
	return r;
}

/* Open the workspace and its index, up to date: an exit code or 0. */
static int open_index(struct cli *c, struct wd_index *ix)
{
	struct wd_index_stats st;
	int r;

	if ((r = cli_open(c)))
		return r;
	return cli_index(c, ix, &st);
}

static int usage_rest(struct cli *c, int argc, char **argv)
{
	if (optind < argc)
		return cli_usage_error(c, _("unexpected argument '%s'"), argv[optind]);
	return -1;
}

static int bad_option(struct cli *c)
{
	fprintf(stderr, _("Try '%s --help' for more information.\n"), c->prog);
	return EX_USAGE;
}

static int cmd_actions(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "dialogue", required_argument, NULL, 'd' },
		{ "open", no_argument, NULL, 'O' },
		{ "overdue", no_argument, NULL, 'L' },
		{ "due-within", required_argument, NULL, 'W' },
		{ "owner", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct wd_buf dl = WD_BUF_INIT(0);
	struct wd_action_filter f;
	enum wd_format fmt = WD_FMT_TABLE;
	const char *dialogue = NULL;
	struct wd_index ix;
	struct wd_error e;
	size_t n;
	int opt, r, picks = 0;

	memset(&f, 0, sizeof(f));
	optind = 0;
	while ((opt = cli_getopt(c, argc, argv, "d:h", longs)) != -1) {
		switch (opt) {
		case 'd': dialogue = optarg; break;
		case 'O': f.open = 1; picks++; break;
		case 'L': f.overdue = 1; picks++; break;
		case 'w': f.owner = optarg; break;
		case 'W':
			f.within = wd_duration_parse(optarg);
			if (f.within <= 0)
				return cli_usage_error(c, _("--due-within '%s' is not a time like 7d or 2w"),
						       optarg);
			picks++;
			break;
		case 'f':
			if (wd_format_parse(optarg, &fmt) < 0)
				return cli_usage_error(c, _("unknown format '%s' (table, csv, tsv, json)"),
						       optarg);
			break;
		case 'h': return cli_help(c);
		default: return bad_option(c);
		}
	}
	if ((r = usage_rest(c, argc, argv)) >= 0)
		return r;
	if (picks > 1)
		return cli_usage_error(c, "%s", _("give one of --open, --overdue and --due-within"));
	if ((r = cli_open(c)))
		return r;
	if (dialogue && (r = cli_dialogue(c, dialogue, &dl)))
		goto out;
	f.dialogue = dialogue ? dl.ptr : NULL;
	if ((r = cli_index(c, &ix, &(struct wd_index_stats){0})))
		goto out;
	if (wd_actions_list(&ix, &f, c->ws.now, fmt, c->ws.set.lang, cli_stdout,
			    NULL, &n, &e) < 0)
		r = cli_fail(c, &e);
	wd_index_close(&ix);
out:
	wd_buf_release(&dl);
	return r;
}

static int cmd_due(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "days", required_argument, NULL, 'n' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct wd_index ix;
	struct wd_error e;
	long days = 7;
	size_t n;
	int opt, r;

	optind = 0;
	while ((opt = cli_getopt(c, argc, argv, "h", longs)) != -1) {
		switch (opt) {
		case 'n':
			if ((r = cli_number(c, "--days", optarg, 3650, &days)))
				return r;
			break;
		case 'h': return cli_help(c);
		default: return bad_option(c);
		}
	}
	if ((r = usage_rest(c, argc, argv)) >= 0)
		return r;
	if ((r = open_index(c, &ix)))
		return r;
	if (wd_due(&ix, (int)days, c->ws.now, c->ws.set.lang, cli_stdout, NULL,
		   &n, &e) < 0)
		r = cli_fail(c, &e);
	wd_index_close(&ix);
	return r;
}

static int cmd_relay(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum wd_relay_format fmt = WD_RELAY_TEXT;
	struct wd_index ix;
	struct wd_error e;
	size_t n;
	int opt, r;

	optind = 0;
	while ((opt = cli_getopt(c, argc, argv, "h", longs)) != -1) {
		switch (opt) {
		case 'f':
			if (!strcmp(optarg, "text"))
				fmt = WD_RELAY_TEXT;
			else if (!strcmp(optarg, "dot"))
				fmt = WD_RELAY_DOT;
			else if (!strcmp(optarg, "json"))
				fmt = WD_RELAY_JSON;
			else
				return cli_usage_error(c, _("unknown format '%s' (text, dot, json)"),
						       optarg);
			break;
		case 'h': return cli_help(c);
		default: return bad_option(c);
		}
	}
	if ((r = usage_rest(c, argc, argv)) >= 0)
		return r;
	if ((r = open_index(c, &ix)))
		return r;
	if (wd_relay(&ix, fmt, c->ws.set.lang, cli_stdout, NULL, &n, &e) < 0)
		r = cli_fail(c, &e);
	wd_index_close(&ix);
	return r;
}

static int tally(struct cli *c, int argc, char **argv, int tags)
{
	static const struct option longs[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum wd_format fmt = WD_FMT_TABLE;
	struct wd_index ix;
	struct wd_error e;
	size_t n;
	int opt, r;

	optind = 0;
	while ((opt = cli_getopt(c, argc, argv, "h", longs)) != -1) {
		switch (opt) {
		case 'f':
			if (wd_format_parse(optarg, &fmt) < 0)
				return cli_usage_error(c, _("unknown format '%s' (table, csv, tsv, json)"),
						       optarg);
			break;
		case 'h': return cli_help(c);
		default: return bad_option(c);
		}
	}
	if ((r = usage_rest(c, argc, argv)) >= 0)
		return r;
	if ((r = open_index(c, &ix)))
		return r;
	if ((tags ? wd_tally_tags : wd_tally_themes)(&ix, fmt, c->ws.set.lang,
						    cli_stdout, NULL, &n, &e) < 0)
		r = cli_fail(c, &e);
	wd_index_close(&ix);
	return r;
}

static int cmd_themes(struct cli *c, int argc, char **argv)
{
	return tally(c, argc, argv, 0);
}

static int cmd_tags(struct cli *c, int argc, char **argv)
{
	return tally(c, argc, argv, 1);
}

static int cmd_export(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "include-contacts", no_argument, NULL, 'c' },
		{ "output", required_argument, NULL, 'o' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	enum wd_format fmt = WD_FMT_JSON;
	const char *output = NULL;
	struct wd_index ix;
	struct wd_error e;
	struct sink sink;
	int opt, r, contacts = 0;

	memset(&sink, 0, sizeof(sink));
	wd_buf_init(&sink.b, 0);
	optind = 0;
	while ((opt = cli_getopt(c, argc, argv, "o:h", longs)) != -1) {
		switch (opt) {
		case 'f':
			if (wd_format_parse(optarg, &fmt) < 0 ||
			    (fmt != WD_FMT_JSON && fmt != WD_FMT_CSV))
				return cli_usage_error(c, _("unknown format '%s' (json, csv)"),
						       optarg);
			break;
		case 'c': contacts = 1; break;
		case 'o': output = optarg; break;
		case 'h': return cli_help(c);
		default: return bad_option(c);
		}
	}
	if ((r = usage_rest(c, argc, argv)) >= 0)
		return r;
	if (contacts && fmt != WD_FMT_JSON)
		return cli_usage_error(c, "%s", _("contact data is only exported as json"));
	if ((r = open_index(c, &ix)))
		return r;
	sink.to_file = output != NULL;
	if (wd_export(&ix, &c->ws, fmt, contacts, sink_write, &sink, &e) < 0)
		r = cli_fail(c, &e);
	wd_index_close(&ix);
	if (!r && output) {
		/* contact data stays as private as contacts.yaml */
		if (wd_store_write(output, output, wd_buf_str(&sink.b), sink.b.len,
				   contacts ? 0600 : 0644, &e) < 0)
			r = cli_fail(c, &e);
		else
			cli_info(c, _("wrote %s"), output);
	}
	wd_buf_release(&sink.b);
	return r;
}

/*
 * Ids for shell completion, from the index as it is: completion must be
 * instant, so it is brought up to date only when it is missing.
 */
static int cmd_ids(struct cli *c, int argc, char **argv)
{
	static const struct option longs[] = {
		{ "dialogue", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct wd_buf here = WD_BUF_INIT(0);
	const char *dialogue = NULL;
	struct wd_index_stats st;
	struct wd_index ix;
	struct wd_error e;
	int opt, r;

	optind = 0;
	while ((opt = cli_getopt(c, argc, argv, "d:h", longs)) != -1) {
		switch (opt) {
		case 'd': dialogue = optarg; break;
		case 'h': return cli_help(c);
		default: return bad_option(c);
		}
	}
	if (optind + 1 != argc)
		return cli_usage_error(c, "%s", _("ids of what? (dialogues, people, items, actions, tags, sources)"));
	if (!wd_ids_known(argv[optind]))
		return cli_usage_error(c, _("unknown list '%s' (dialogues, people, items, actions, tags, sources)"),
				       argv[optind]);
	if ((r = cli_open(c)))
		return r;
	if (!dialogue)
		dialogue = wd_ws_here(&c->ws, &here);
	/* completion must be instant: only a missing index is built */
	wd_index_init(&ix, &c->ws);
	if (wd_index_open(&ix, &e) < 0 ||
	    (ix.fresh != WD_INDEX_KEPT && wd_index_refresh(&ix, &st, &e) < 0) ||
	    wd_ids_list(&ix, argv[optind], dialogue, cli_stdout, c, &e) < 0)
		r = cli_fail(c, &e);
	wd_index_close(&ix);
	wd_buf_release(&here);
	return r;
}

static const struct cli_cmd cmds[] = {
	{ "summary", cmd_summary, 0 },
	{ "actions", cmd_actions, 0 },
	{ "due", cmd_due, 0 },
	{ "relay", cmd_relay, 0 },
	{ "themes", cmd_themes, 0 },
	{ "tags", cmd_tags, 0 },
	{ "search", cmd_search, 0 },
	{ "export", cmd_export, 0 },
	{ "check", cmd_check, 0 },
	{ "index", cmd_index, 0 },
	{ "ids", cmd_ids, 1 },	/* for completion */
};

int main(int argc, char **argv)
{
	return cli_main("wd-report", usage, cmds, sizeof(cmds) / sizeof(*cmds),
			argc, argv);
}

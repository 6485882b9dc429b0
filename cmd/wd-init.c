/* wd-init - make a workspace, or a dialogue in one */
#include "cli.h"
#include "dialogue.h"
#include "slug.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* TRANSLATORS: the --help text; translate the explanations only, keep
 * commands, options and their arguments as they are, and the columns */
static const char *const usage = N_(
	"usage: wd-init [-C DIR] [-q] [-v] [--git] [--name NAME]\n"
	"               [--organisation ORG] [--sender EMAIL] [--lang nl|en]\n"
	"               [--timezone ZONE]\n"
	"   or: wd-init [-C DIR] [-q] [-v] ID --title TITLE --theme THEME\n"
	"               --start TIME [--end TIME | --duration DURATION]\n"
	"               [--place PLACE] [--venue VENUE] [--question QUESTION]\n"
	"               [--host NAME]... [--from PREVIOUS-ID] [--capacity N]\n"
	"               [--lang nl|en] [--dry-run]\n"
	"   or: wd-init [--lang nl|en] --themes\n"
	"\n"
	"Without ID, make the current folder a workspace (wd.yaml, .gitignore);\n"
	"with ID, make a dialogue folder ID with its questions for the four\n"
	"phases; --from records the relay on both dialogues.\n"
	"\n"
	"  -C DIR              run as if started in DIR\n"
	"  -q, --quiet         say nothing but errors\n"
	"  -v, --verbose       say more\n"
	"      --no-progress   no progress bar (wd-init has none; for symmetry)\n"
	"      --git           also run 'git init' (workspace)\n"
	"      --name NAME     the workspace's name (default: the folder's)\n"
	"      --organisation ORG  who runs the relay\n"
	"      --sender EMAIL  the address invitations come from\n"
	"      --lang nl|en    language of letters and reports (default nl)\n"
	"      --timezone ZONE time zone (default Europe/Amsterdam)\n"
	"      --title TITLE   the dialogue's title\n"
	"      --start TIME    when it begins: 2026-12-12T19:30\n"
	"      --end TIME      when it ends\n"
	"      --duration DURATION  how long it lasts: 2h, 90m, 1h30m\n"
	"      --theme THEME   the theme (see --themes)\n"
	"      --place PLACE   the neighbourhood\n"
	"      --venue VENUE   where: building and address\n"
	"      --question QUESTION  the central question\n"
	"      --host NAME     a host (again for more hosts)\n"
	"      --from ID       the dialogue that handed on the baton\n"
	"      --capacity N    how many the venue holds\n"
	"      --dry-run       print the new dialogue.yaml, write nothing\n"
	"      --themes        list suggested themes\n"
	"  -h, --help          show this help\n"
	"      --version       show the version\n");

enum {
	O_GIT = 256, O_NAME, O_ORG, O_LANG, O_TZ, O_TITLE, O_START, O_END,
	O_DURATION, O_THEME, O_PLACE, O_VENUE, O_QUESTION, O_HOST, O_FROM,
	O_CAPACITY, O_DRY, O_THEMES, O_SENDER,
};

static const struct option longs[] = {
	CLI_GLOBAL_LONG,
	{ "git", no_argument, NULL, O_GIT },
	{ "name", required_argument, NULL, O_NAME },
	{ "organisation", required_argument, NULL, O_ORG },
	{ "sender", required_argument, NULL, O_SENDER },
	{ "lang", required_argument, NULL, O_LANG },
	{ "timezone", required_argument, NULL, O_TZ },
	{ "title", required_argument, NULL, O_TITLE },
	{ "start", required_argument, NULL, O_START },
	{ "end", required_argument, NULL, O_END },
	{ "duration", required_argument, NULL, O_DURATION },
	{ "theme", required_argument, NULL, O_THEME },
	{ "place", required_argument, NULL, O_PLACE },
	{ "venue", required_argument, NULL, O_VENUE },
	{ "question", required_argument, NULL, O_QUESTION },
	{ "host", required_argument, NULL, O_HOST },
	{ "from", required_argument, NULL, O_FROM },
	{ "capacity", required_argument, NULL, O_CAPACITY },
	{ "dry-run", no_argument, NULL, O_DRY },
	{ "themes", no_argument, NULL, O_THEMES },
	{ NULL, 0, NULL, 0 },
};

struct opts {
	struct wd_ws_new ws;
	struct wd_dialogue_new dl;
	const char *hosts[64];
	int git, themes;
};

static int git_init(struct cli *c)
{
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		execlp("git", "git", "init", "-q", (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) ||
	    WEXITSTATUS(status)) {
		cli_warn(c, "%s", _("'git init' failed; the workspace was made without git"));
		return -1;
	}
	return 0;
}

static int make_workspace(struct cli *c, struct opts *o)
{
	struct wd_error e;
	int r = wd_ws_create(".", &o->ws, &e);

	if (r < 0)
		return cli_fail(c, &e);
	if (o->git)
		git_init(c);
	if (r == 1)
		cli_info(c, "%s", _("this folder is already a workspace; .gitignore checked"));
	else
		cli_info(c, "%s", _("made a workspace here: wd.yaml and .gitignore"));
	return 0;
}

static int themes(struct cli *c, struct opts *o)
{
	struct wd_buf out = WD_BUF_INIT(0);
	struct wd_error e;
	struct wd_diag diag;
	const char *lang = o->ws.lang;
	int opened = 0;

	wd_diag_init(&diag, &e, NULL);
	if (!lang && wd_ws_open(&c->ws, ".", 0, &diag) == 0) {
		lang = c->ws.set.lang;
		opened = 1;
	}
	if (lang && !wd_vocab_canon(WD_V_LANG, lang))
		return cli_usage_error(c, _("unknown language '%s' (use nl or en)"),
				       lang);
	lang = lang ? wd_vocab_canon(WD_V_LANG, lang) : "nl";
	if (wd_themes(opened ? &c->ws : NULL, cli_share(c), lang, &out, &e) < 0) {
		wd_buf_release(&out);
		return cli_fail(c, &e);
	}
	fputs(wd_buf_str(&out), stdout);
	wd_buf_release(&out);
	return 0;
}

static int make_dialogue(struct cli *c, struct opts *o)
{
	struct wd_buf text = WD_BUF_INIT(0);
	struct wd_error e;
	int r;

	if (!o->dl.title)
		return cli_usage_error(c, "%s", _("missing --title: what is the dialogue called?"));
	if (!o->dl.theme)
		return cli_usage_error(c, "%s", _("missing --theme: choose one from 'wd-init --themes' or name your own"));
	if (!o->dl.start)
		return cli_usage_error(c, "%s", _("missing --start: when does the dialogue begin?"));
	if (o->dl.end && o->dl.duration)
		return cli_usage_error(c, "%s", _("give --end or --duration, not both"));
	if (o->dl.lang && !(o->dl.lang = wd_vocab_canon(WD_V_LANG, o->dl.lang)))
		return cli_usage_error(c, "%s", _("--lang wants nl or en"));
	/* validate the id before looking for a workspace: nothing is made */
	if (wd_id_check(o->dl.id, _("dialogue id"), &e) < 0)
		return cli_fail(c, &e);
	if ((r = cli_open(c)))
		return r;
	if (wd_dialogue_create(&c->ws, &o->dl, &text, &e) < 0) {
		wd_buf_release(&text);
		return cli_fail(c, &e);
	}
	if (o->dl.dry_run)
		fputs(wd_buf_str(&text), stdout);
	else if (o->dl.from)
		cli_info(c, _("made dialogue '%s', handed on from '%s'"),
			 o->dl.id, o->dl.from);
	else
		cli_info(c, _("made dialogue '%s'"), o->dl.id);
	wd_buf_release(&text);
	return 0;
}

static int run(struct cli *c, int argc, char **argv)
{
	struct opts o;
	long n;
	int opt, r;

	memset(&o, 0, sizeof(o));
	o.dl.hosts = o.hosts;
	while ((opt = cli_getopt(c, argc, argv, "C:hqv", longs)) != -1) {
		switch (opt) {
		case O_GIT: o.git = 1; break;
		case O_NAME: o.ws.name = optarg; break;
		case O_ORG: o.ws.organisation = optarg; break;
		case O_SENDER: o.ws.sender = optarg; break;
		case O_LANG: o.ws.lang = o.dl.lang = optarg; break;
		case O_TZ: o.ws.timezone = optarg; break;
		case O_TITLE: o.dl.title = optarg; break;
		case O_START: o.dl.start = optarg; break;
		case O_END: o.dl.end = optarg; break;
		case O_DURATION: o.dl.duration = optarg; break;
		case O_THEME: o.dl.theme = optarg; break;
		case O_PLACE: o.dl.place = optarg; break;
		case O_VENUE: o.dl.venue = optarg; break;
		case O_QUESTION: o.dl.question = optarg; break;
		case O_FROM: o.dl.from = optarg; break;
		case O_DRY: o.dl.dry_run = 1; break;
		case O_THEMES: o.themes = 1; break;
		case O_HOST:
			if (o.dl.nhosts == sizeof(o.hosts) / sizeof(*o.hosts))
				return cli_usage_error(c, "%s", _("too many --host options"));
			o.hosts[o.dl.nhosts++] = optarg;
			break;
		case O_CAPACITY:
			if ((r = cli_number(c, "--capacity", optarg, 100000, &n)))
				return r;
			o.dl.capacity = n;
			break;
		default:
			r = cli_global_opt(c, opt, optarg);
			if (r != -1)
				return r == -2 ? EX_SOFTWARE : r;
		}
	}
	if (o.themes)
		return themes(c, &o);
	if (optind + 1 < argc)
		return cli_usage_error(c, _("one dialogue at a time: what is '%s'?"),
				       argv[optind + 1]);
	if (optind < argc) {
		o.dl.id = argv[optind];
		return make_dialogue(c, &o);
	}
	if (o.dl.title || o.dl.start || o.dl.from)
		return cli_usage_error(c, "%s", _("missing the dialogue id (wd-init ID --title ...)"));
	return make_workspace(c, &o);
}

int main(int argc, char **argv)
{
	struct cli c;
	int r;

	cli_init(&c, "wd-init", usage, argv);
	r = run(&c, argc, argv);
	cli_release(&c);
	return r;
}

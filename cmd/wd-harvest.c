/* wd-harvest - record the harvest of a dialogue and follow actions up */
#include "cli.h"
#include "csvio.h"
#include "harvest.h"
#include "slug.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* TRANSLATORS: the --help text; translate the explanations only, keep
 * commands, options and their arguments as they are, and the columns */
static const char *const usage = N_(
	"usage: wd-harvest [-C DIR] [-q] [-v] <command> [<options>]\n"
	"\n"
	"  add [-d ID] --kind KIND [--by PERSON] [--table N | --source S]\n"
	"      [--phase PHASE] [--tag TAG]... [--owner PERSON]... [--due DATE]\n"
	"      [--need TEXT] [--status STATUS] [--named] [--new-person]\n"
	"      [--dry-run] TEXT|-\n"
	"  import [-d ID] [--source S] [--encoding ENC] [--new-person]\n"
	"      [--dry-run] [FILE|-]\n"
	"  list [-d ID] [--kind KIND] [--phase PHASE] [--tag TAG]\n"
	"      [--status STATUS] [--owner PERSON] [--table N]\n"
	"      [--format table|csv|tsv|json]\n"
	"  set ITEM [-d ID] [--status STATUS] [--note TEXT] [--owner PERSON]...\n"
	"      [--due DATE] [--tag TAG]... [--need TEXT] [--new-person]\n"
	"      [--dry-run]\n"
	"\n"
	"Kinds: experience (ervaring), quote (citaat), dream (droom), possibility\n"
	"(mogelijkheid), connection (verbinding), action (actie), baton\n"
	"(estafettestokje), question (vraag), feedback (terugblik).  Statuses:\n"
	"open, underway (bezig), done (klaar), dropped (vervallen).\n"
	"\n"
	"  -C DIR              run as if started in DIR\n"
	"  -q, --quiet         say nothing but errors\n"
	"  -v, --verbose       say more\n"
	"      --no-progress   no progress bar\n"
	"  -d, --dialogue ID   after the command: the dialogue (default: the one\n"
	"                      you are in)\n"
	"  -h, --help          show this help\n"
	"      --version       show the version\n");

enum {
	O_KIND = 256, O_BY, O_TABLE, O_SOURCE, O_PHASE, O_TAG, O_OWNER, O_DUE,
	O_NEED, O_STATUS, O_NAMED, O_NEW_PERSON, O_DRY, O_ENCODING, O_FORMAT,
	O_NOTE,
};

static const struct option longs[] = {
	{ "dialogue", required_argument, NULL, 'd' },
	{ "help", no_argument, NULL, 'h' },
	{ "kind", required_argument, NULL, O_KIND },
	{ "by", required_argument, NULL, O_BY },
	{ "table", required_argument, NULL, O_TABLE },
	{ "source", required_argument, NULL, O_SOURCE },
	{ "phase", required_argument, NULL, O_PHASE },
	{ "tag", required_argument, NULL, O_TAG },
	{ "owner", required_argument, NULL, O_OWNER },
	{ "due", required_argument, NULL, O_DUE },
	{ "need", required_argument, NULL, O_NEED },
	{ "status", required_argument, NULL, O_STATUS },
	{ "named", no_argument, NULL, O_NAMED },
	{ "new-person", no_argument, NULL, O_NEW_PERSON },
	{ "dry-run", no_argument, NULL, O_DRY },
	{ "encoding", required_argument, NULL, O_ENCODING },
	{ "format", required_argument, NULL, O_FORMAT },
	{ "note", required_argument, NULL, O_NOTE },
	{ NULL, 0, NULL, 0 },
};

#define MAX_LIST 64

/* Every option of every subcommand; each subcommand says which it takes. */
struct opts {
	const char *dialogue, *kind, *by, *source, *phase, *due, *need;
	const char *status, *encoding, *format, *note;
	const char *tags[MAX_LIST], *owners[MAX_LIST];
	size_t ntags, nowners;
	long table;
	int named, new_person, dry_run;
};

static const int add_opts[] = {
	O_KIND, O_BY, O_TABLE, O_SOURCE, O_PHASE, O_TAG, O_OWNER, O_DUE,
	O_NEED, O_STATUS, O_NAMED, O_NEW_PERSON, O_DRY, 0,
};
static const int import_opts[] = { O_SOURCE, O_NEW_PERSON, O_DRY, O_ENCODING, 0 };
static const int list_opts[] = {
	O_KIND, O_TABLE, O_PHASE, O_TAG, O_OWNER, O_STATUS, O_FORMAT, 0,
};
static const int set_opts[] = {
	O_STATUS, O_NOTE, O_OWNER, O_DUE, O_TAG, O_NEED, O_NEW_PERSON, O_DRY, 0,
};

static int takes(const int *allowed, int opt)
{
	for (; *allowed; allowed++)
		if (*allowed == opt)
			return 1;
	return 0;
}

static const char *long_name(int opt)
{
	size_t i;

	for (i = 0; longs[i].name; i++)
		if (longs[i].val == opt)
			return longs[i].name;
	return "?";
}

/* The options of a subcommand: -1 to go on, else the exit code. */
static int parse(struct cli *c, int argc, char **argv, struct opts *o,
		 const int *allowed)
{
	int opt, r;

	memset(o, 0, sizeof(*o));
	optind = 0;	/* glibc: start afresh, in permuting mode */
	while ((opt = cli_getopt(c, argc, argv, "d:h", longs)) != -1) {
		if (opt == '?') {
			fprintf(stderr, _("Try '%s --help' for more information.\n"),
				c->prog);
			return EX_USAGE;
		}
		if (opt == 'h')
			return cli_help(c);
		if (opt >= 256 && !takes(allowed, opt))
			return cli_usage_error(c, _("%s does not take --%s"),
					       argv[0], long_name(opt));
		switch (opt) {
		case 'd': o->dialogue = optarg; break;
		case O_KIND: o->kind = optarg; break;
		case O_BY: o->by = optarg; break;
		case O_SOURCE: o->source = optarg; break;
		case O_PHASE: o->phase = optarg; break;
		case O_DUE: o->due = optarg; break;
		case O_NEED: o->need = optarg; break;
		case O_STATUS: o->status = optarg; break;
		case O_ENCODING: o->encoding = optarg; break;
		case O_FORMAT: o->format = optarg; break;
		case O_NOTE: o->note = optarg; break;
		case O_NAMED: o->named = 1; break;
		case O_NEW_PERSON: o->new_person = 1; break;
		case O_DRY: o->dry_run = 1; break;
		case O_TABLE:
			if ((r = cli_number(c, "--table", optarg, 10000, &o->table)))
				return r;
			if (!o->table)
				return cli_usage_error(c, "%s", _("tables are numbered from 1"));
			break;
		case O_TAG:
			if (o->ntags == MAX_LIST)
				return cli_usage_error(c, "%s", _("too many --tag options"));
			o->tags[o->ntags++] = optarg;
			break;
		case O_OWNER:
			if (o->nowners == MAX_LIST)
				return cli_usage_error(c, "%s", _("too many --owner options"));
			o->owners[o->nowners++] = optarg;
			break;
		}
	}
	return -1;
}

/* A word option in English or Dutch, as the files have it. */
static int canon(struct cli *c, enum wd_vocab v, const char *opt,
		 const char **w)
{
	const char *hint;

	if (!*w)
		return 0;
	if (wd_vocab_canon(v, *w)) {
		*w = wd_vocab_canon(v, *w);
		return 0;
	}
	hint = wd_vocab_suggest(v, *w);
	if (hint)
		return cli_usage_error(c, _("%s: unknown %s '%s' (did you mean '%s'?)"),
				       opt, wd_vocab_what(v), *w, hint);
	return cli_usage_error(c, _("%s: unknown %s '%s'"), opt,
			       wd_vocab_what(v), *w);
}

/* "open,bezig": each word made canonical ("open,underway"), in b. */
static int canon_list(struct cli *c, enum wd_vocab v, const char *opt,
		      const char **w, struct wd_buf *b)
{
	const char *p = *w;
	int r;

	if (!p || !strchr(p, ','))
		return canon(c, v, opt, w);
	while (*p) {
		char word[64];
		const char *one = word;
		size_t n = strcspn(p, ",");

		snprintf(word, sizeof(word), "%.*s", (int)n, p);
		if ((r = canon(c, v, opt, &one)))
			return r;
		if (wd_buf_addf(b, "%s%s", b->len ? "," : "", one) < 0)
			return cli_oom(c);
		p += n + (p[n] == ',');
	}
	*w = wd_buf_str(b);
	return 0;
}

/* The harvester's own source: WD_USER, git's user.name, $USER. */
static int default_source(struct wd_buf *out, const struct wd_ws *ws)
{
	const char *env = getenv("WD_USER");
	char name[256];
	size_t n = 0;
	ssize_t r;
	int fd[2], status;
	pid_t pid;

	wd_buf_reset(out);
	if (env && *env)
		return wd_slug(out, env);
	if (pipe(fd) == 0) {
		pid = fork();
		if (pid == 0) {
			close(fd[0]);
			dup2(fd[1], 1);
			close(fd[1]);
			if (chdir(ws->root) < 0)
				_exit(1);
			execlp("git", "git", "config", "user.name", (char *)NULL);
			_exit(127);
		}
		close(fd[1]);
		while (pid > 0 && n < sizeof(name) - 1 &&
		       (r = read(fd[0], name + n, sizeof(name) - 1 - n)) > 0)
			n += (size_t)r;
		close(fd[0]);
		if (pid > 0)
			waitpid(pid, &status, 0);
		name[n] = '\0';
		if (pid > 0 && WIFEXITED(status) && !WEXITSTATUS(status) &&
		    wd_slug(out, name) == 0 && out->len)
			return 0;
	}
	wd_buf_reset(out);
	if (ws->set.user)
		return wd_buf_adds(out, ws->set.user);
	env = getenv("USER");
	if (env && *env && wd_slug(out, env) == 0 && out->len)
		return 0;
	wd_buf_reset(out);
	return wd_buf_adds(out, "oogst");
}

static int show_file(void *ctx, const char *rel, const char *text)
{
	struct cli *c = ctx;
	char path[1024];

	cli_path(c, rel, path, sizeof(path));
	printf("--- %s\n%s", path, text);
	return 0;
}

static int read_all(FILE *f, struct wd_buf *b, struct wd_error *err)
{
	char chunk[65536];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		if (wd_buf_add(b, chunk, n) < 0)
			return errno == E2BIG ?
			       wd_error_set(err, EX_DATAERR, "%s", _("input too large")) :
			       wd_error_oom(err);
	if (ferror(f))
		return wd_error_sys(err, EX_IOERR, NULL, _("cannot read"));
	return 0;
}

/* Open the dialogue's harvest for changes (h initialised); an exit code or 0. */
static int open_harvest(struct cli *c, struct opts *o, struct wd_hctx *h,
			struct wd_buf *dl)
{
	const char *seed = getenv("WD_TEST_SEED");
	struct wd_error e;
	int r;

	if ((!c->ws_open && (r = cli_open(c))) ||
	    (r = cli_dialogue(c, o->dialogue, dl)))
		return r;
	h->new_person = o->new_person;
	if (seed && *seed)
		h->seed = strtoull(seed, NULL, 10) | 1;
	if (wd_hctx_open(h, dl->ptr, !o->dry_run, &e) < 0)
		return cli_fail(c, &e);
	return 0;
}

static int finish(struct cli *c, struct opts *o, struct wd_hctx *h)
{
	struct wd_error e;

	if (wd_hctx_write(h, o->dry_run ? show_file : NULL, c, &e) < 0)
		return cli_fail(c, &e);
	return 0;
}

static int cmd_add(struct cli *c, int argc, char **argv)
{
	struct wd_buf dl = WD_BUF_INIT(0), src = WD_BUF_INIT(0);
	struct wd_buf in = WD_BUF_INIT(0), id = WD_BUF_INIT(0);
	struct wd_item_new it;
	struct wd_hctx h;
	struct wd_error e;
	enum wd_ifield bad;
	struct opts o;
	char *line, *next;
	int r;

	wd_hctx_init(&h, &c->ws);
	if ((r = parse(c, argc, argv, &o, add_opts)) >= 0)
		return r;
	if (!o.kind)
		return cli_usage_error(c, "%s", _("add needs --kind (dream, droom, action, ...)"));
	if (optind + 1 != argc)
		return cli_usage_error(c, "%s", optind == argc ?
				       _("add needs the text, or - to read lines from stdin") :
				       _("one text at a time; quote it"));
	if (o.table && o.source)
		return cli_usage_error(c, "%s", _("give --table or --source, not both"));
	if (canon(c, WD_V_KIND, "--kind", &o.kind) ||
	    canon(c, WD_V_PHASE, "--phase", &o.phase) ||
	    canon(c, WD_V_STATUS, "--status", &o.status))
		return EX_USAGE;
	if (!strcmp(argv[optind], "-")) {
		if (read_all(stdin, &in, &e) < 0)
			return cli_fail(c, &e);
	} else if (wd_buf_adds(&in, argv[optind]) < 0) {
		return cli_oom(c);
	}
	if ((r = open_harvest(c, &o, &h, &dl)))
		goto out;
	if ((o.source || o.table ? wd_source_name(&src, o.source, o.table) :
	     default_source(&src, &c->ws)) < 0) {
		r = cli_oom(c);
		goto out;
	}
	if (!wd_id_valid(wd_buf_str(&src))) {
		wd_id_check(wd_buf_str(&src), _("source"), &e);
		r = cli_fail(c, &e);
		goto out;
	}
	/* one item, or one per non-empty line of stdin */
	for (line = in.ptr ? in.ptr : (char *)""; *line; line = next) {
		size_t len;

		if (!strcmp(argv[optind], "-")) {
			next = strchr(line, '\n');
			next = next ? next + 1 : line + strlen(line);
			len = (size_t)(next - line);
			while (len && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
				       line[len - 1] == ' ' || line[len - 1] == '\t'))
				len--;
			if (next[-1] == '\n')
				next[-1] = '\0';
			line[len] = '\0';
			while (*line == ' ' || *line == '\t')
				line++;
			if (!*line)
				continue;
		} else {
			next = line + strlen(line);
		}
		memset(&it, 0, sizeof(it));
		it.kind = o.kind;
		it.phase = o.phase;
		it.text = line;
		it.by = o.by;
		it.status = o.status;
		it.need = o.need;
		it.due = o.due;
		it.table = o.table;
		it.tags = o.tags;
		it.ntags = o.ntags;
		it.owners = o.owners;
		it.nowners = o.nowners;
		it.named = o.named ? 1 : -1;
		if (wd_hctx_check(&h, &it, &bad, &e) < 0 ||
		    wd_hctx_add(&h, &it, src.ptr, &id, &e) < 0) {
			r = cli_fail(c, &e);
			goto out;
		}
		if (!o.dry_run && h.skipped == 0 && c->verbose)
			cli_info(c, _("added %s to %s"), id.ptr, src.ptr);
	}
	if (!h.added && !h.skipped) {
		r = cli_usage_error(c, "%s", _("nothing to add: the text is empty"));
		goto out;
	}
	if ((r = finish(c, &o, &h)))
		goto out;
	if (!o.dry_run) {
		wd_hctx_release(&h);
		cli_index_dialogue(c, dl.ptr);
		if (h.skipped)
			cli_info(c, _("%zu already there, not added again"), h.skipped);
		if (h.added == 1 && !c->verbose)
			cli_info(c, _("added %s"), id.ptr);
		else if (h.added > 1)
			cli_info(c, _("added %zu items to %s"), h.added, src.ptr);
	}
out:
	wd_hctx_release(&h);
	wd_buf_release(&dl);
	wd_buf_release(&src);
	wd_buf_release(&in);
	wd_buf_release(&id);
	return r;
}

static int cmd_import(struct cli *c, int argc, char **argv)
{
	struct wd_buf dl = WD_BUF_INIT(0), src = WD_BUF_INIT(0);
	struct wd_buf in = WD_BUF_INIT(0);
	const char *file, *name;
	struct wd_hctx h;
	struct wd_error e;
	struct opts o;
	FILE *f;
	int r;

	wd_hctx_init(&h, &c->ws);
	if ((r = parse(c, argc, argv, &o, import_opts)) >= 0)
		return r;
	if (optind + 1 < argc)
		return cli_usage_error(c, "%s", _("one file at a time"));
	file = optind < argc ? argv[optind] : "-";
	name = strcmp(file, "-") ? file : "stdin";
	if (!wd_csv_encoding_known(o.encoding))
		return cli_usage_error(c, _("unknown encoding '%s' (use utf-8 or windows-1252)"),
				       o.encoding);
	f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
	if (!f) {
		wd_error_sys(&e, errno == ENOENT ? EX_NOINPUT : EX_IOERR, file,
			     _("cannot open"));
		return cli_fail(c, &e);
	}
	r = read_all(f, &in, &e);
	if (f != stdin)
		fclose(f);
	if (r < 0)
		return cli_fail(c, &e);
	if ((r = open_harvest(c, &o, &h, &dl)))
		goto out;
	if (wd_source_name(&src, o.source ? o.source :
			   strcmp(file, "-") ? file : "import", 0) < 0 ||
	    !wd_id_valid(wd_buf_str(&src))) {
		wd_id_check(wd_buf_str(&src), _("source"), &e);
		r = cli_fail(c, &e);
		goto out;
	}
	if (wd_harvest_import(&h, in.ptr ? in.ptr : "", in.len, name,
			      o.encoding, src.ptr, &e) < 0) {
		r = cli_fail(c, &e);
		goto out;
	}
	if ((r = finish(c, &o, &h)))
		goto out;
	if (!o.dry_run) {
		size_t added = h.added, skipped = h.skipped;

		wd_hctx_release(&h);
		cli_index_dialogue(c, dl.ptr);
		cli_info(c, Q_("imported %zu item into '%s'",
			       "imported %zu items into '%s'", added), added, dl.ptr);
		if (skipped)
			cli_info(c, _("%zu already there, not added again"), skipped);
	}
out:
	wd_hctx_release(&h);
	wd_buf_release(&dl);
	wd_buf_release(&src);
	wd_buf_release(&in);
	return r;
}

static int cmd_list(struct cli *c, int argc, char **argv)
{
	struct wd_buf dl = WD_BUF_INIT(0), kinds = WD_BUF_INIT(0);
	struct wd_buf statuses = WD_BUF_INIT(0);
	struct wd_item_filter f;
	struct wd_index_stats st;
	enum wd_format fmt = WD_FMT_TABLE;
	struct wd_index ix;
	struct wd_error e;
	struct opts o;
	size_t n;
	int r;

	if ((r = parse(c, argc, argv, &o, list_opts)) >= 0)
		return r;
	if (optind < argc)
		return cli_usage_error(c, _("unexpected argument '%s'"), argv[optind]);
	if (o.format && wd_format_parse(o.format, &fmt) < 0)
		return cli_usage_error(c, _("unknown format '%s' (table, csv, tsv, json)"),
				       o.format);
	if (canon_list(c, WD_V_KIND, "--kind", &o.kind, &kinds) ||
	    canon(c, WD_V_PHASE, "--phase", &o.phase) ||
	    canon_list(c, WD_V_STATUS, "--status", &o.status, &statuses)) {
		r = EX_USAGE;
		goto out;
	}
	if ((r = cli_open(c)))
		goto out;
	memset(&f, 0, sizeof(f));
	if (o.dialogue) {
		if ((r = cli_dialogue(c, o.dialogue, &dl)))
			goto out;
		f.dialogue = dl.ptr;
	} else {
		f.dialogue = wd_ws_here(&c->ws, &dl);
	}
	f.kind = o.kind;
	f.phase = o.phase;
	f.status = o.status;
	f.tag = o.ntags ? o.tags[0] : NULL;
	f.owner = o.nowners ? o.owners[0] : NULL;
	f.table = o.table;
	if ((r = cli_index(c, &ix, &st)))
		goto out;
	if (wd_harvest_list(&ix, &f, fmt, c->ws.set.lang, cli_stdout, NULL, &n,
			    &e) < 0)
		r = cli_fail(c, &e);
	wd_index_close(&ix);
out:
	wd_buf_release(&dl);
	wd_buf_release(&kinds);
	wd_buf_release(&statuses);
	return r;
}

/*
 * Without -d: the dialogue the index knows the item in.  The index is
 * asked as it is (a write should not walk the workspace); with `fresh`
 * it is brought up to date first.  The files decide in the end.
 */
static int item_dialogue(struct cli *c, const char *id, int fresh,
			 struct wd_buf *dl)
{
	struct wd_strvec found = WD_STRVEC_INIT;
	struct wd_index_stats st;
	struct wd_index ix;
	struct wd_error e;
	int r;

	if (fresh) {
		if ((r = cli_index(c, &ix, &st)))
			return r;
	} else {
		wd_index_init(&ix, &c->ws);
		if (wd_index_open(&ix, &e) < 0) {
			/* a failed open may leave the database open */
			wd_index_close(&ix);
			return cli_fail(c, &e);
		}
		if (ix.fresh != WD_INDEX_KEPT &&
		    wd_index_refresh(&ix, &st, &e) < 0) {
			wd_index_close(&ix);
			return cli_fail(c, &e);
		}
	}
	r = wd_index_item_dialogues(&ix, id, &found, &e);
	wd_index_close(&ix);
	if (r < 0)
		return cli_fail(c, &e);
	if (!found.n && !fresh) {
		wd_strvec_release(&found);
		return item_dialogue(c, id, 1, dl);
	}
	wd_buf_reset(dl);
	if (found.n == 1) {
		r = wd_buf_adds(dl, found.v[0]) < 0 ? cli_oom(c) : 0;
	} else if (!found.n) {
		wd_error_set(&e, EX_DATAERR, _("no item '%s' in this workspace"), id);
		r = cli_fail(c, &e);
	} else {
		r = cli_usage_error(c, _("item '%s' is in '%s' and '%s'; say which with -d"),
				    id, found.v[0], found.v[1]);
	}
	wd_strvec_release(&found);
	return r;
}

static int cmd_set(struct cli *c, int argc, char **argv)
{
	struct wd_buf where = WD_BUF_INIT(0), dl = WD_BUF_INIT(0);
	struct wd_item_change ch;
	struct wd_hctx h;
	struct wd_error e;
	struct opts o;
	const char *id;
	int r, tries;

	wd_hctx_init(&h, &c->ws);
	if ((r = parse(c, argc, argv, &o, set_opts)) >= 0)
		return r;
	if (optind + 1 != argc)
		return cli_usage_error(c, "%s", _("set needs one item id"));
	id = argv[optind];
	if (!o.status && !o.note && !o.nowners && !o.due && !o.ntags && !o.need)
		return cli_usage_error(c, "%s", _("nothing to set: give --status, --owner, --due, --tag, --need or --note"));
	if (canon(c, WD_V_STATUS, "--status", &o.status))
		return EX_USAGE;
	if ((r = cli_open(c)))
		return r;
	for (tries = 0; tries < 2; tries++) {
		if (!o.dialogue || tries) {
			if ((r = item_dialogue(c, id, tries, &where)))
				goto out;
			o.dialogue = where.ptr;
		}
		if ((r = open_harvest(c, &o, &h, &dl)))
			goto out;
		if (wd_hctx_find(&h, id, &(size_t){0}, &(size_t){0}) == 0 ||
		    o.dialogue != where.ptr)
			break;
		/* the index was behind the files: ask it again, up to date */
		wd_hctx_release(&h);
		wd_hctx_init(&h, &c->ws);
	}
	memset(&ch, 0, sizeof(ch));
	ch.status = o.status;
	ch.note = o.note;
	ch.due = o.due;
	ch.need = o.need;
	ch.owners = o.owners;
	ch.nowners = o.nowners;
	ch.tags = o.tags;
	ch.ntags = o.ntags;
	if (wd_hctx_set(&h, id, &ch, &e) < 0) {
		r = cli_fail(c, &e);
		goto out;
	}
	if (ch.same) {
		cli_info(c, _("'%s' is '%s' already: nothing changed"), id,
			 wd_vocab_label(WD_V_STATUS, ch.status, c->ws.set.lang));
		goto out;
	}
	if ((r = finish(c, &o, &h)))
		goto out;
	if (!o.dry_run) {
		wd_hctx_release(&h);
		cli_index_dialogue(c, dl.ptr);
		cli_info(c, _("changed %s"), id);
	}
out:
	wd_hctx_release(&h);
	wd_buf_release(&where);
	wd_buf_release(&dl);
	return r;
}

static const struct cli_cmd cmds[] = {
	{ "add", cmd_add, 0 },
	{ "import", cmd_import, 0 },
	{ "list", cmd_list, 0 },
	{ "set", cmd_set, 0 },
};

int main(int argc, char **argv)
{
	return cli_main("wd-harvest", usage, cmds, sizeof(cmds) / sizeof(*cmds),
			argc, argv);
}

/* wd-invite - who comes: people, answers, the waiting list, check-in, tables, privacy */
#include "cli.h"
#include "csvio.h"
#include "invite.h"
#include "privacy.h"
#include "seating.h"
#include "send.h"
#include "slug.h"
#include "timefmt.h"
#include "vocab.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* TRANSLATORS: the --help text; translate the explanations only, keep
 * commands, options and their arguments as they are, and the columns */
static const char *const usage = N_(
	"usage: wd-invite [-C DIR] [-q] [-v] <command> [<options>]\n"
	"\n"
	"  add [-d ID] [--email E] [--phone P] [--address A] [--role R]\n"
	"      [--lang L] [--organisation O] [--note TEXT] [--host]\n"
	"      [--consent PURPOSES] [--force] [--dry-run] NAME\n"
	"  import [-d ID] [--encoding ENC] [--dry-run] [FILE|-]\n"
	"  import [-d ID] --from-dialogue ID [--attended] [--dry-run]\n"
	"  list [-d ID] [--status S] [--role R] [--contacts] [--by-table]\n"
	"      [--format table|csv|tsv|json]\n"
	"  rsvp [-d ID] [--dry-run] PERSON yes|no|maybe\n"
	"  rsvp [-d ID] [--encoding ENC] [--dry-run] --import FILE|-\n"
	"  checkin [-d ID] [--undo] [--dry-run] PERSON...\n"
	"  checkin [-d ID] [--role R] [--force] [--dry-run] --new NAME\n"
	"  tables [-d ID] [--size N] [--status S] [--dry-run]\n"
	"  send [-d ID] [PERSON...|--pending] [--channel email|letter]\n"
	"      [--mbox FILE | --maildir DIR | --sendmail] [--out DIR] [--again]\n"
	"      [--dry-run]\n"
	"  remind [-d ID] --days N [--channel email|letter]\n"
	"      [--mbox FILE | --maildir DIR | --sendmail] [--out DIR] [--dry-run]\n"
	"  ics [-d ID] [PERSON]\n"
	"  show-person [--format yaml|json] PERSON\n"
	"  forget [--dry-run] PERSON\n"
	"  purge [--dry-run] --closed-before DATE\n"
	"\n"
	"Roles: resident (bewoner), volunteer (vrijwilliger), initiative\n"
	"(bewonersinitiatief), professional, municipality (gemeente), business\n"
	"(ondernemer), other (anders).  Statuses: added, invited, yes, no, maybe,\n"
	"waiting, attended (toegevoegd, uitgenodigd, ja, nee, misschien,\n"
	"wachtlijst, aanwezig).  Consent purposes: contact, named, photo.\n"
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
	O_EMAIL = 256, O_PHONE, O_ADDRESS, O_ROLE, O_LANG, O_ORG, O_NOTE,
	O_HOST, O_CONSENT, O_FORCE, O_DRY, O_ENCODING, O_FROM, O_ATTENDED,
	O_STATUS, O_CONTACTS, O_BY_TABLE, O_FORMAT, O_IMPORT, O_UNDO, O_NEW,
	O_SIZE, O_CLOSED, O_PENDING, O_CHANNEL, O_MBOX, O_MAILDIR, O_SENDMAIL,
	O_OUT, O_AGAIN, O_DAYS,
};

static const struct option longs[] = {
	{ "dialogue", required_argument, NULL, 'd' },
	{ "help", no_argument, NULL, 'h' },
	{ "email", required_argument, NULL, O_EMAIL },
	{ "phone", required_argument, NULL, O_PHONE },
	{ "address", required_argument, NULL, O_ADDRESS },
	{ "role", required_argument, NULL, O_ROLE },
	{ "lang", required_argument, NULL, O_LANG },
	{ "organisation", required_argument, NULL, O_ORG },
	{ "note", required_argument, NULL, O_NOTE },
	{ "host", no_argument, NULL, O_HOST },
	{ "consent", required_argument, NULL, O_CONSENT },
	{ "force", no_argument, NULL, O_FORCE },
	{ "dry-run", no_argument, NULL, O_DRY },
	{ "encoding", required_argument, NULL, O_ENCODING },
	{ "from-dialogue", required_argument, NULL, O_FROM },
	{ "attended", no_argument, NULL, O_ATTENDED },
	{ "status", required_argument, NULL, O_STATUS },
	{ "contacts", no_argument, NULL, O_CONTACTS },
	{ "by-table", no_argument, NULL, O_BY_TABLE },
	{ "format", required_argument, NULL, O_FORMAT },
	{ "import", required_argument, NULL, O_IMPORT },
	{ "undo", no_argument, NULL, O_UNDO },
	{ "new", required_argument, NULL, O_NEW },
	{ "size", required_argument, NULL, O_SIZE },
	{ "closed-before", required_argument, NULL, O_CLOSED },
	{ "pending", no_argument, NULL, O_PENDING },
	{ "channel", required_argument, NULL, O_CHANNEL },
	{ "mbox", required_argument, NULL, O_MBOX },
	{ "maildir", required_argument, NULL, O_MAILDIR },
	{ "sendmail", no_argument, NULL, O_SENDMAIL },
	{ "out", required_argument, NULL, O_OUT },
	{ "again", no_argument, NULL, O_AGAIN },
	{ "days", required_argument, NULL, O_DAYS },
	{ NULL, 0, NULL, 0 },
};

#define MAX_NEW 64

/* Every option of every subcommand; each subcommand says which it takes. */
struct opts {
	const char *dialogue, *email, *phone, *address, *role, *lang, *org;
	const char *note, *consent, *encoding, *from, *status, *format;
	const char *import, *closed;
	const char *news[MAX_NEW];
	size_t nnew;
	long size;
	int host, force, dry_run, attended, contacts, by_table, undo;
	int has_dialogue;
	/* send, remind */
	const char *channel, *mbox, *maildir, *out;
	int pending, sendmail, again;
	long days;			/* -1: not given */
};

static const int add_opts[] = {
	'd', O_EMAIL, O_PHONE, O_ADDRESS, O_ROLE, O_LANG, O_ORG, O_NOTE, O_HOST,
	O_CONSENT, O_FORCE, O_DRY, 0,
};
static const int import_opts[] = { 'd', O_ENCODING, O_DRY, O_FROM, O_ATTENDED, 0 };
static const int list_opts[] = {
	'd', O_STATUS, O_ROLE, O_CONTACTS, O_BY_TABLE, O_FORMAT, 0,
};
static const int rsvp_opts[] = { 'd', O_DRY, O_ENCODING, O_IMPORT, 0 };
static const int checkin_opts[] = { 'd', O_UNDO, O_DRY, O_NEW, O_ROLE, O_FORCE, 0 };
static const int tables_opts[] = { 'd', O_SIZE, O_STATUS, O_DRY, 0 };
static const int show_opts[] = { O_FORMAT, 0 };
static const int forget_opts[] = { O_DRY, 0 };
static const int purge_opts[] = { O_DRY, O_CLOSED, 0 };
static const int send_opts[] = {
	'd', O_PENDING, O_CHANNEL, O_MBOX, O_MAILDIR, O_SENDMAIL, O_OUT,
	O_AGAIN, O_DRY, 0,
};
static const int remind_opts[] = {
	'd', O_DAYS, O_CHANNEL, O_MBOX, O_MAILDIR, O_SENDMAIL, O_OUT, O_DRY, 0,
};
static const int ics_opts[] = { 'd', 0 };

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
	o->size = WD_TABLE_SIZE;
	o->days = -1;
	optind = 0;	/* glibc: start afresh, in permuting mode */
	while ((opt = cli_getopt(c, argc, argv, "d:h", longs)) != -1) {
		if (opt == '?') {
			fprintf(stderr, _("Try '%s --help' for more information.\n"),
				c->prog);
			return EX_USAGE;
		}
		if (opt == 'h')
			return cli_help(c);
		if (!takes(allowed, opt))
			return opt == 'd' ?
			       cli_usage_error(c, _("%s works on the whole workspace: it does not take -d"),
					       argv[0]) :
			       cli_usage_error(c, _("%s does not take --%s"),
					       argv[0], long_name(opt));
		switch (opt) {
		case 'd': o->dialogue = optarg; break;
		case O_EMAIL: o->email = optarg; break;
		case O_PHONE: o->phone = optarg; break;
		case O_ADDRESS: o->address = optarg; break;
		case O_ROLE: o->role = optarg; break;
		case O_LANG: o->lang = optarg; break;
		case O_ORG: o->org = optarg; break;
		case O_NOTE: o->note = optarg; break;
		case O_HOST: o->host = 1; break;
		case O_CONSENT: o->consent = optarg; break;
		case O_FORCE: o->force = 1; break;
		case O_DRY: o->dry_run = 1; break;
		case O_ENCODING: o->encoding = optarg; break;
		case O_FROM: o->from = optarg; break;
		case O_ATTENDED: o->attended = 1; break;
		case O_STATUS: o->status = optarg; break;
		case O_CONTACTS: o->contacts = 1; break;
		case O_BY_TABLE: o->by_table = 1; break;
		case O_FORMAT: o->format = optarg; break;
		case O_IMPORT: o->import = optarg; break;
		case O_UNDO: o->undo = 1; break;
		case O_CLOSED: o->closed = optarg; break;
		case O_PENDING: o->pending = 1; break;
		case O_CHANNEL: o->channel = optarg; break;
		case O_MBOX: o->mbox = optarg; break;
		case O_MAILDIR: o->maildir = optarg; break;
		case O_SENDMAIL: o->sendmail = 1; break;
		case O_OUT: o->out = optarg; break;
		case O_AGAIN: o->again = 1; break;
		case O_DAYS:
			if ((r = cli_number(c, "--days", optarg, 366, &o->days)))
				return r;
			break;
		case O_NEW:
			if (o->nnew == MAX_NEW)
				return cli_usage_error(c, "%s", _("too many --new options"));
			o->news[o->nnew++] = optarg;
			break;
		case O_SIZE:
			if ((r = cli_number(c, "--size", optarg, 1000, &o->size)))
				return r;
			if (o->size < 2)
				return cli_usage_error(c, "%s", _("--size: a table seats at least 2"));
			break;
		}
	}
	if (o->encoding && !wd_csv_encoding_known(o->encoding))
		return cli_usage_error(c, _("unknown encoding '%s' (use utf-8 or windows-1252)"),
				       o->encoding);
	return -1;
}

/* --- input --- */

/*
 * How messages name an input file: as the user gave it.  Messages name
 * files relative to the workspace and cli_path() makes that relative to
 * here again, so a relative name gets the current folder in front; from
 * outside the workspace, or for an absolute name, it is the whole path.
 */
static int input_name(struct cli *c, const char *file, struct wd_buf *out)
{
	char cwd[4096];

	wd_buf_reset(out);
	if (file[0] == '/')
		return wd_buf_adds(out, file);
	if (c->ws.prefix)
		return wd_buf_addf(out, "%s%s", c->ws.prefix, file);
	if (!strcmp(file, "stdin"))
		return wd_buf_adds(out, "/dev/stdin");
	if (!getcwd(cwd, sizeof(cwd)))
		return wd_buf_adds(out, file);
	return wd_buf_addf(out, "%s/%s", cwd, file);
}

/* Read FILE, or stdin for NULL or "-" (before the workspace is opened). */
static int read_input(struct cli *c, const char *file, struct wd_buf *b)
{
	struct wd_error e;
	char chunk[65536];
	size_t n;

	if (!file || !strcmp(file, "-")) {
		while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
			if (wd_buf_add(b, chunk, n) < 0) {
				if (errno == E2BIG) {
					wd_error_set(&e, EX_DATAERR, "%s",
						     _("input too large"));
					return cli_fail(c, &e);
				}
				return cli_oom(c);
			}
		if (ferror(stdin)) {
			wd_error_sys(&e, EX_IOERR, NULL, _("cannot read standard input"));
			return cli_fail(c, &e);
		}
		return 0;
	}
	{
		char *data;
		size_t len;

		if (wd_read_file(file, file, WD_BUF_MAX, &data, &len, &e) < 0)
			return cli_fail(c, &e);
		if (wd_buf_add(b, data, len) < 0) {
			free(data);
			return cli_oom(c);
		}
		free(data);
	}
	return 0;
}

/* --- telling what changed --- */

/* "'Anna de Vries' (anna-de-vries)" */
static const char *who(const struct wd_change *x, char *buf, size_t size)
{
	if (x->name && x->id)
		snprintf(buf, size, "'%s' (%s)", x->name, x->id);
	else
		snprintf(buf, size, "'%s'", x->id ? x->id : x->name ? x->name : "?");
	return buf;
}

/* An answer or a state as a message says it, in the locale's language. */
static const char *state_word(const char *canon)
{
	static const char *const words[] = {
		N_("yes"), N_("no"), N_("maybe"), N_("attended"), N_("absent"),
	};
	size_t i;

	for (i = 0; canon && i < sizeof(words) / sizeof(*words); i++)
		if (!strcmp(canon, words[i]))
			return _(words[i]);
	return canon;
}

/* One change as a sentence; `dry`: what would happen. */
static void say_change(const struct wd_change *x, int dry, long capacity,
		       char *out, size_t size)
{
	char p[512];

	who(x, p, sizeof(p));
	switch (x->kind) {
	case WD_CH_ADD:
		if (x->detail)
			snprintf(out, size, dry ? _("would add %s, from '%s'") :
				 _("added %s, from '%s'"), p, x->detail);
		else
			snprintf(out, size, dry ? _("would add %s") : _("added %s"), p);
		break;
	case WD_CH_UPDATE:
		snprintf(out, size, dry ? _("would update %s: %s") :
			 _("updated %s: %s"), p, x->detail);
		break;
	case WD_CH_SKIP:
		if (!strcmp(x->detail, WD_SKIP_THERE))
			snprintf(out, size, _("%s is here already"), p);
		else
			snprintf(out, size, _("%s is not carried over: no consent to be contacted"),
				 p);
		break;
	case WD_CH_ANSWER:
		snprintf(out, size, dry ? _("would record that %s answered %s") :
			 _("%s answered %s"), p, state_word(x->detail));
		break;
	case WD_CH_WAIT:
		snprintf(out, size, dry ?
			 Q_("%s would be number %ld on the waiting list: the dialogue is full (%ld place)",
			    "%s would be number %ld on the waiting list: the dialogue is full (%ld places)",
			    (unsigned long)capacity) :
			 Q_("%s is number %ld on the waiting list: the dialogue is full (%ld place)",
			    "%s is number %ld on the waiting list: the dialogue is full (%ld places)",
			    (unsigned long)capacity),
			 p, x->n, capacity);
		break;
	case WD_CH_PROMOTE:
		snprintf(out, size, dry ?
			 _("%s would move up from the waiting list: a place comes free") :
			 _("%s moves up from the waiting list: a place came free"), p);
		break;
	case WD_CH_CHECKIN:
		snprintf(out, size, dry ? _("would check in %s") :
			 _("checked in %s"), p);
		break;
	case WD_CH_UNCHECK:
		snprintf(out, size, dry ? _("would take back the check-in of %s") :
			 _("took back the check-in of %s"), p);
		break;
	case WD_CH_SEAT:
		snprintf(out, size, dry ? _("%s would sit at table %ld") :
			 _("%s sits at table %ld"), p, x->n);
		break;
	case WD_CH_UNSEAT:
		snprintf(out, size, dry ? _("%s would have no table") :
			 _("%s has no table"), p);
		break;
	case WD_CH_SAME:
		snprintf(out, size, _("%s: already %s"), p,
			 x->detail ? state_word(x->detail) : _("so"));
		break;
	}
}

/*
 * Tell the changes: on a dry run all of them on stdout; else on stderr,
 * those of the kinds in `always`, and with -v all.
 */
static void tell(struct cli *c, const struct wd_roster *r, int dry,
		 unsigned always)
{
	char line[2048];
	size_t i;

	for (i = 0; i < r->ch.n; i++) {
		const struct wd_change *x = &r->ch.v[i];

		if (!dry && !c->verbose && !(always & (1u << x->kind)))
			continue;
		say_change(x, dry, r->dl.capacity, line, sizeof(line));
		if (dry && x->kind != WD_CH_SAME && x->kind != WD_CH_SKIP)
			printf("%s\n", line);
		else
			cli_info(c, "%s", line);
	}
}

#define K(k) (1u << (k))

/* Open the dialogue's people (r initialised); an exit code or 0. */
static int open_roster(struct cli *c, struct opts *o, struct wd_roster *r,
		       int writes)
{
	struct wd_buf dl = WD_BUF_INIT(0);
	struct wd_error e;
	int ret;

	if ((ret = cli_open(c)) || (ret = cli_dialogue(c, o->dialogue, &dl))) {
		wd_buf_release(&dl);
		return ret;
	}
	ret = wd_roster_open(r, &c->ws, dl.ptr, writes && !o->dry_run, &e) < 0 ?
	      cli_fail(c, &e) : 0;
	wd_buf_release(&dl);
	return ret;
}

/* Write what changed (not on a dry run) and refresh the index. */
static int save(struct cli *c, struct opts *o, struct wd_roster *r)
{
	struct wd_error e;
	int dirty = r->people_dirty || r->contacts_dirty;

	if (o->dry_run)
		return 0;
	if (wd_roster_save(r, &e) < 0)
		return cli_fail(c, &e);
	if (r->locked) {
		wd_ws_unlock(r->ws);
		r->locked = 0;
	}
	if (dirty)
		cli_index_dialogue(c, r->dialogue);
	return 0;
}

/* --- the commands --- */

static int consent_flags(struct cli *c, const char *list,
			 struct wd_invite_new *nw)
{
	const char *p = list, *e;
	char w[32];

	while (p && *p) {
		size_t n;

		e = strchr(p, ',');
		n = e ? (size_t)(e - p) : strlen(p);
		if (n >= sizeof(w))
			n = sizeof(w) - 1;
		memcpy(w, p, n);
		w[n] = '\0';
		if (!strcmp(w, "contact"))
			nw->consent_contact = 1;
		else if (!strcmp(w, "named") || !strcmp(w, "naam"))
			nw->consent_named = 1;
		else if (!strcmp(w, "photo") || !strcmp(w, "foto"))
			nw->consent_photo = 1;
		else if (!strcmp(w, "all") || !strcmp(w, "alles"))
			nw->consent_contact = nw->consent_named =
				nw->consent_photo = 1;
		else
			return cli_usage_error(c, _("--consent: unknown purpose '%s' (contact, named, photo, all)"),
					       w);
		p = e ? e + 1 : NULL;
	}
	return 0;
}

static int cmd_add(struct cli *c, int argc, char **argv)
{
	struct wd_invite_new nw;
	struct wd_roster r;
	struct wd_buf id = WD_BUF_INIT(0);
	struct wd_error e;
	struct opts o;
	int ret;

	if ((ret = parse(c, argc, argv, &o, add_opts)) >= 0)
		return ret;
	if (optind + 1 != argc)
		return cli_usage_error(c, "%s", optind == argc ?
				       _("add needs the person's name") :
				       _("one person at a time; quote the name"));
	memset(&nw, 0, sizeof(nw));
	nw.name = argv[optind];
	nw.email = o.email;
	nw.phone = o.phone;
	nw.address = o.address;
	nw.role = o.role;
	nw.lang = o.lang;
	nw.organisation = o.org;
	nw.note = o.note;
	nw.host = o.host;
	nw.force = o.force;
	if (o.consent && (ret = consent_flags(c, o.consent, &nw)))
		return ret;
	wd_roster_init(&r);
	if ((ret = open_roster(c, &o, &r, 1)))
		goto out;
	if (wd_invite_add(&r, &nw, &id, &e) < 0) {
		ret = e.code == EX_USAGE ? cli_usage_error(c, "%s", e.msg) :
		      cli_fail(c, &e);
		goto out;
	}
	tell(c, &r, o.dry_run, K(WD_CH_ADD) | K(WD_CH_UPDATE));
	ret = save(c, &o, &r);
out:
	wd_buf_release(&id);
	wd_roster_release(&r);
	return ret;
}

static void import_summary(struct cli *c, const struct wd_roster *r,
			   const char *name, int dry)
{
	cli_info(c, dry ? _("%s: %zu to add, %zu to update, %zu unchanged (dry run: nothing written)") :
		 _("%s: %zu added, %zu updated, %zu unchanged"), name,
		 wd_changes_count(&r->ch, WD_CH_ADD),
		 wd_changes_count(&r->ch, WD_CH_UPDATE),
		 wd_changes_count(&r->ch, WD_CH_SAME));
}

static int cmd_import(struct cli *c, int argc, char **argv)
{
	struct wd_buf in = WD_BUF_INIT(0), name = WD_BUF_INIT(0);
	struct wd_roster r;
	struct wd_error e;
	struct opts o;
	const char *file;
	int ret;

	if ((ret = parse(c, argc, argv, &o, import_opts)) >= 0)
		return ret;
	if (o.attended && !o.from)
		return cli_usage_error(c, "%s", _("--attended goes with --from-dialogue"));
	if (o.from && (optind < argc || o.encoding))
		return cli_usage_error(c, "%s", _("--from-dialogue reads no file"));
	if (optind + 1 < argc)
		return cli_usage_error(c, "%s", _("one file at a time"));
	if (o.from && wd_id_check(o.from, _("dialogue id"), &e) < 0)
		return cli_fail(c, &e);
	wd_roster_init(&r);
	file = optind < argc && strcmp(argv[optind], "-") ? argv[optind] : "stdin";
	if (!o.from && (ret = read_input(c, optind < argc ? argv[optind] : NULL,
					 &in)))
		goto out;
	if ((ret = open_roster(c, &o, &r, 1)))
		goto out;
	if (input_name(c, file, &name) < 0) {
		ret = cli_oom(c);
		goto out;
	}
	if (o.from) {
		size_t skipped;

		if (wd_invite_relay(&r, o.from, o.attended, &e) < 0) {
			ret = cli_fail(c, &e);
			goto out;
		}
		tell(c, &r, o.dry_run, 0);
		skipped = wd_changes_count(&r.ch, WD_CH_SKIP);
		cli_info(c, o.dry_run ? _("from '%s': %zu to carry over, %zu not (dry run: nothing written)") :
			 _("from '%s': %zu carried over, %zu not"), o.from,
			 wd_changes_count(&r.ch, WD_CH_ADD), skipped);
		if (skipped && !c->verbose)
			cli_info(c, "%s", _("-v says who was not carried over, and why"));
	} else {
		if (wd_invite_import(&r, in.ptr ? in.ptr : "", in.len, name.ptr,
				     o.encoding, &e) < 0) {
			ret = cli_fail(c, &e);
			goto out;
		}
		tell(c, &r, o.dry_run, 0);
		import_summary(c, &r, file, o.dry_run);
	}
	ret = save(c, &o, &r);
out:
	wd_buf_release(&in);
	wd_buf_release(&name);
	wd_roster_release(&r);
	return ret;
}

static int cmd_list(struct cli *c, int argc, char **argv)
{
	struct wd_list_opts lo;
	struct wd_roster r;
	struct wd_error e;
	struct opts o;
	int ret;

	if ((ret = parse(c, argc, argv, &o, list_opts)) >= 0)
		return ret;
	if (optind < argc)
		return cli_usage_error(c, _("unexpected argument '%s'"), argv[optind]);
	memset(&lo, 0, sizeof(lo));
	lo.contacts = o.contacts;
	lo.by_table = o.by_table ? 1 : -1;
	if (o.format && wd_format_parse(o.format, &lo.fmt) < 0)
		return cli_usage_error(c, _("unknown format '%s' (table, csv, tsv, json)"),
				       o.format);
	if ((o.status && wd_status_parse(o.status, &lo.status, &e) < 0) ||
	    (o.role && wd_role_parse(o.role, &lo.roles, &e) < 0))
		return cli_usage_error(c, "%s", e.msg);
	wd_roster_init(&r);
	if ((ret = open_roster(c, &o, &r, 0)))
		goto out;
	if (wd_invite_list(&r, &lo, cli_stdout, NULL, &e) < 0)
		ret = cli_fail(c, &e);
out:
	wd_roster_release(&r);
	return ret;
}

static int cmd_rsvp(struct cli *c, int argc, char **argv)
{
	struct wd_buf in = WD_BUF_INIT(0), name = WD_BUF_INIT(0);
	struct wd_roster r;
	struct wd_error e;
	struct opts o;
	const char *file = NULL;
	int ret;

	if ((ret = parse(c, argc, argv, &o, rsvp_opts)) >= 0)
		return ret;
	if (o.import ? optind != argc : optind + 2 != argc)
		return cli_usage_error(c, "%s", o.import ?
				       _("--import reads the answers from a file: no PERSON or answer") :
				       _("rsvp needs a person and an answer: rsvp anna yes"));
	if (o.encoding && !o.import)
		return cli_usage_error(c, "%s", _("--encoding goes with --import"));
	wd_roster_init(&r);
	if (o.import) {
		file = strcmp(o.import, "-") ? o.import : "stdin";
		if ((ret = read_input(c, o.import, &in)))
			goto out;
	}
	if ((ret = open_roster(c, &o, &r, 1)))
		goto out;
	if (file && input_name(c, file, &name) < 0) {
		ret = cli_oom(c);
		goto out;
	}
	if (o.import ?
	    wd_invite_rsvp_import(&r, in.ptr ? in.ptr : "", in.len, name.ptr,
				  o.encoding, &e) < 0 :
	    wd_invite_rsvp(&r, argv[optind], argv[optind + 1], &e) < 0) {
		ret = e.code == EX_USAGE ? cli_usage_error(c, "%s", e.msg) :
		      cli_fail(c, &e);
		goto out;
	}
	tell(c, &r, o.dry_run, o.import ? K(WD_CH_WAIT) | K(WD_CH_PROMOTE) :
	     K(WD_CH_ANSWER) | K(WD_CH_WAIT) | K(WD_CH_PROMOTE) | K(WD_CH_SAME));
	if (o.import) {
		size_t n = wd_changes_count(&r.ch, WD_CH_ANSWER);
		char answers[64];

		/* "5 answers recorded": the noun follows the number */
		cli_count(answers, sizeof(answers),
			  Q_("%zu answer", "%zu answers", n), n);
		cli_info(c, o.dry_run ? _("%s: %s to record, %zu unchanged (dry run: nothing written)") :
			 _("%s: %s recorded, %zu unchanged"), file, answers,
			 wd_changes_count(&r.ch, WD_CH_SAME));
	}
	ret = save(c, &o, &r);
out:
	wd_buf_release(&in);
	wd_buf_release(&name);
	wd_roster_release(&r);
	return ret;
}

static int cmd_checkin(struct cli *c, int argc, char **argv)
{
	struct wd_roster r;
	struct wd_buf id = WD_BUF_INIT(0);
	struct wd_error e;
	struct opts o;
	size_t i;
	int ret;

	if ((ret = parse(c, argc, argv, &o, checkin_opts)) >= 0)
		return ret;
	if (optind == argc && !o.nnew)
		return cli_usage_error(c, "%s", _("who? checkin PERSON..., or --new NAME for someone not on the list"));
	if (o.undo && o.nnew)
		return cli_usage_error(c, "%s", _("--undo does not go with --new"));
	if ((o.role || o.force) && !o.nnew)
		return cli_usage_error(c, "%s", _("--role and --force go with --new"));
	wd_roster_init(&r);
	if ((ret = open_roster(c, &o, &r, 1)))
		goto out;
	/* everyone is found before anything is written */
	for (i = (size_t)optind; i < (size_t)argc; i++)
		if (wd_invite_checkin(&r, argv[i], o.undo, &e) < 0) {
			ret = cli_fail(c, &e);
			goto out;
		}
	for (i = 0; i < o.nnew; i++) {
		struct wd_invite_new nw;

		memset(&nw, 0, sizeof(nw));
		nw.name = o.news[i];
		nw.role = o.role;
		nw.force = o.force;
		nw.attended = 1;
		if (wd_invite_add(&r, &nw, &id, &e) < 0) {
			if (!o.force && e.code == EX_DATAERR && strstr(e.msg, "'"))
				wd_error_hint(&e, "%s", _("check them in by name or id, or add another person of that name with --force"));
			ret = e.code == EX_USAGE ? cli_usage_error(c, "%s", e.msg) :
			      cli_fail(c, &e);
			goto out;
		}
	}
	tell(c, &r, o.dry_run, K(WD_CH_CHECKIN) | K(WD_CH_UNCHECK) |
	     K(WD_CH_ADD) | K(WD_CH_SAME));
	ret = save(c, &o, &r);
out:
	wd_buf_release(&id);
	wd_roster_release(&r);
	return ret;
}

static int cmd_tables(struct cli *c, int argc, char **argv)
{
	struct wd_seating_stats st;
	struct wd_list_opts lo;
	struct wd_roster r;
	struct wd_error e;
	struct opts o;
	unsigned status = 0;
	int ret;

	if ((ret = parse(c, argc, argv, &o, tables_opts)) >= 0)
		return ret;
	if (optind < argc)
		return cli_usage_error(c, _("unexpected argument '%s'"), argv[optind]);
	if (o.status && wd_status_parse(o.status, &status, &e) < 0)
		return cli_usage_error(c, "%s", e.msg);
	wd_roster_init(&r);
	if ((ret = open_roster(c, &o, &r, 1)))
		goto out;
	if (wd_invite_tables(&r, o.size, status, &st, &e) < 0) {
		ret = cli_fail(c, &e);
		goto out;
	}
	if (o.dry_run) {
		memset(&lo, 0, sizeof(lo));
		lo.fmt = WD_FMT_TABLE;
		lo.by_table = 1;
		lo.status = status;
		if (!lo.status) {
			size_t i;

			/* who was seated: those with a table now */
			for (i = 0; i < r.pp.n; i++)
				if (r.pp.v[i].table)
					lo.status |= wd_person_states(&r.pp.v[i]);
		}
		if (wd_invite_list(&r, &lo, cli_stdout, NULL, &e) < 0) {
			ret = cli_fail(c, &e);
			goto out;
		}
	} else {
		tell(c, &r, 0, 0);
	}
	if (!st.seated) {
		cli_warn(c, "%s", _("nobody to seat: nobody said yes or maybe, or was added (see --status)"));
	} else {
		char people[64], tables[64];

		cli_count(people, sizeof(people),
			  Q_("%zu person", "%zu people", st.seated), st.seated);
		cli_count(tables, sizeof(tables),
			  Q_("%ld table", "%ld tables", (unsigned long)st.tables),
			  st.tables);
		cli_info(c, o.dry_run ? _("would seat %s at %s (dry run: nothing written)") :
			 _("seated %s at %s; print the plan with 'wd-invite list --by-table'"),
			 people, tables);
	}
	if (st.no_host)
		cli_warn(c, Q_("%ld table without a host: mark hosts with 'host: true' or 'add --host'",
			       "%ld tables without a host: mark hosts with 'host: true' or 'add --host'",
			       (unsigned long)st.no_host),
			 st.no_host);
	if (st.no_resident)
		cli_warn(c, Q_("%ld table without a resident: fewer residents than tables",
			       "%ld tables without a resident: fewer residents than tables",
			       (unsigned long)st.no_resident),
			 st.no_resident);
	if (st.only_professionals)
		cli_warn(c, Q_("%ld table of professionals only: too few citizens to go round",
			       "%ld tables of professionals only: too few citizens to go round",
			       (unsigned long)st.only_professionals),
			 st.only_professionals);
	ret = save(c, &o, &r);
out:
	wd_roster_release(&r);
	return ret;
}

static int cmd_show(struct cli *c, int argc, char **argv)
{
	struct wd_buf out = WD_BUF_INIT(0);
	struct wd_who w;
	struct wd_error e;
	struct opts o;
	int ret, json = 0;

	if ((ret = parse(c, argc, argv, &o, show_opts)) >= 0)
		return ret;
	if (optind + 1 != argc)
		return cli_usage_error(c, "%s", _("show-person needs one person: an id, a name or an e-mail address"));
	if (o.format) {
		if (!strcmp(o.format, "json"))
			json = 1;
		else if (strcmp(o.format, "yaml"))
			return cli_usage_error(c, _("unknown format '%s' (yaml, json)"),
					       o.format);
	}
	if ((ret = cli_open(c)))
		return ret;
	wd_who_init(&w);
	if (wd_privacy_find(&c->ws, argv[optind], &w, &e) < 0 ||
	    wd_privacy_show(&w, argv[optind], json, c->ws.set.lang, &out, &e) < 0)
		ret = cli_fail(c, &e);
	else if (fwrite(wd_buf_str(&out), 1, out.len, stdout) != out.len)
		ret = EX_IOERR;
	wd_buf_release(&out);
	wd_who_release(&w);
	return ret;
}

static void tell_git(struct cli *c, struct wd_who *w, const char *query)
{
	struct wd_strvec commits = WD_STRVEC_INIT;
	struct wd_buf list = WD_BUF_INIT(0);
	struct wd_error e;
	int in_git;
	size_t i;

	if (wd_privacy_git(&c->ws, w, &in_git, &commits, &e) < 0) {
		cli_warn_error(c, &e);
		return;
	}
	if (in_git < 0) {
		cli_warn(c, "%s", _("cannot look in the git history: is git installed, and may it read this repository?"));
		return;
	}
	if (commits.n) {
		for (i = 0; i < commits.n && i < 5; i++)
			wd_buf_addf(&list, "%s%s", i ? ", " : "", commits.v[i]);
		if (commits.n > 5)
			wd_buf_adds(&list, ", ...");
		cli_warn(c, Q_("'%s' is still in the git history: %zu commit (%s)",
			       "'%s' is still in the git history: %zu commits (%s)",
			       commits.n),
			 query, commits.n, wd_buf_str(&list));
		if (!c->quiet) {
			fputs(_("hint: commit this change; then rewrite the history to purge it, for\n"
				"hint: example with 'git filter-repo --replace-text FILE' (see\n"
				"hint: wd-invite(1)), expire the reflog and run 'git gc --prune=now';\n"
				"hint: every clone and remote keeps its copy until it is rewritten too\n"),
			      stderr);
		}
	} else if (in_git > 0 && c->verbose) {
		cli_info(c, "%s", _("not in the git history"));
	}
	wd_strvec_release(&commits);
	wd_buf_release(&list);
}

static int cmd_forget(struct cli *c, int argc, char **argv)
{
	struct wd_strvec changed = WD_STRVEC_INIT, left = WD_STRVEC_INIT;
	struct wd_who w;
	struct wd_error e;
	struct opts o;
	char path[1024];
	int ret, locked = 0;
	size_t i;

	if ((ret = parse(c, argc, argv, &o, forget_opts)) >= 0)
		return ret;
	if (optind + 1 != argc)
		return cli_usage_error(c, "%s", _("forget needs one person: an id, a name or an e-mail address"));
	if ((ret = cli_open(c)))
		return ret;
	wd_who_init(&w);
	/* under the lock from the start: nobody is added in between */
	if (!o.dry_run) {
		if (wd_ws_lock(&c->ws, &e) < 0) {
			ret = cli_fail(c, &e);
			goto out;
		}
		locked = 1;
	}
	if (wd_privacy_find(&c->ws, argv[optind], &w, &e) < 0 ||
	    wd_privacy_forget(&c->ws, &w, o.dry_run, &changed, &e) < 0) {
		ret = cli_fail(c, &e);
		goto out;
	}
	if (locked) {
		wd_ws_unlock(&c->ws);
		locked = 0;
	}
	for (i = 0; i < changed.n; i++) {
		cli_path(c, changed.v[i], path, sizeof(path));
		if (o.dry_run)
			printf(_("would change %s\n"), path);
		else if (c->verbose)
			cli_info(c, _("changed %s"), path);
	}
	for (i = 0; i < w.found.n; i++)
		cli_info(c, o.dry_run ? _("would forget %s") : _("forgot %s"),
			 w.found.v[i]);
	if (!o.dry_run) {
		if (wd_privacy_mentions(&c->ws, &w, &left, &e) < 0) {
			cli_warn_error(c, &e);
		} else {
			for (i = 0; i < left.n; i++) {
				cli_path(c, left.v[i], path, sizeof(path));
				cli_warn(c, _("%s: still names them (free text or a comment); edit it by hand"),
					 path);
			}
		}
	}
	tell_git(c, &w, argv[optind]);
out:
	if (locked)
		wd_ws_unlock(&c->ws);
	wd_strvec_release(&changed);
	wd_strvec_release(&left);
	wd_who_release(&w);
	return ret;
}

static int cmd_purge(struct cli *c, int argc, char **argv)
{
	struct wd_strvec purged = WD_STRVEC_INIT;
	struct wd_problems probs;
	struct wd_error e;
	struct wd_when w;
	struct opts o;
	int64_t before, dur;
	size_t i;
	int ret;

	if ((ret = parse(c, argc, argv, &o, purge_opts)) >= 0)
		return ret;
	if (!o.closed)
		return cli_usage_error(c, "%s", _("purge needs --closed-before DATE (or an age such as 180d)"));
	if (optind < argc)
		return cli_usage_error(c, _("unexpected argument '%s'"), argv[optind]);
	if ((ret = cli_open(c)))
		return ret;
	if (wd_time_parse(o.closed, &w) == 0) {
		before = w.t;
	} else {
		size_t n = strlen(o.closed);

		/* an age with its unit (a bare number would be minutes) */
		dur = n && strchr("yjwdhum", o.closed[n - 1]) ?
		      wd_duration_parse(o.closed) : -1;
		if (dur < 0)
			return cli_usage_error(c, _("--closed-before wants a date like 2027-01-01 or an age like 180d, not '%s'"),
					       o.closed);
		before = c->ws.now - dur;
	}
	wd_problems_init(&probs);
	if (wd_privacy_purge(&c->ws, before, o.dry_run, &purged, &probs, &e) < 0) {
		ret = cli_fail(c, &e);
		goto out;
	}
	for (i = 0; i < purged.n; i++) {
		char *tab = strchr(purged.v[i], '\t');
		unsigned long n = tab ? strtoul(tab + 1, NULL, 10) : 0;

		if (tab)
			*tab = '\0';
		if (o.dry_run)
			printf(Q_("would drop the contact data of %lu person of '%s'\n",
				  "would drop the contact data of %lu people of '%s'\n",
				  n), n, purged.v[i]);
		else
			cli_info(c, Q_("dropped the contact data of %lu person of '%s'",
				       "dropped the contact data of %lu people of '%s'",
				       n), n, purged.v[i]);
	}
	if (!purged.n && c->verbose)
		cli_info(c, "%s", _("no contact data of dialogues that ended before then"));
	for (i = 0; i < probs.n; i++)
		cli_warn_error(c, &probs.v[i]);
	if (probs.n) {
		cli_warn(c, "%s", _("those dialogues were left alone; fix them and run purge again"));
		ret = EX_DATAERR;
	}
	if (!o.dry_run)
		for (i = 0; i < purged.n; i++)
			cli_index_dialogue(c, purged.v[i]);
out:
	wd_problems_release(&probs);
	wd_strvec_release(&purged);
	return ret;
}

/* --- send, remind, ics --- */

#define DEFAULT_SENDMAIL "sendmail -t -oi"

/* What goes out, one of them: "an invitation", "a reminder letter". */
static const char *what(const struct wd_sending *s)
{
	int letter = s->o.channel == WD_CHANNEL_LETTER;

	if (s->o.purpose == WD_PURPOSE_REMIND)
		return letter ? _("a reminder letter") : _("a reminder");
	return letter ? _("a letter") : _("an invitation");
}

/* How many go out, the noun in the right form: "1 invitation", "5 invitations". */
static const char *counted(char *buf, size_t size, const struct wd_sending *s,
			   size_t n)
{
	int letter = s->o.channel == WD_CHANNEL_LETTER;

	if (s->o.purpose == WD_PURPOSE_REMIND)
		return letter ?
		       cli_count(buf, size, Q_("%zu reminder letter",
					       "%zu reminder letters", n), n) :
		       cli_count(buf, size, Q_("%zu reminder", "%zu reminders", n),
				 n);
	return letter ?
	       cli_count(buf, size, Q_("%zu letter", "%zu letters", n), n) :
	       cli_count(buf, size, Q_("%zu invitation", "%zu invitations", n), n);
}

/* Why someone gets nothing, as the end of "not to 'X' (x): ...". */
static void why_not(const struct wd_sending *s, const struct wd_send_item *it,
		    char *out, size_t size)
{
	int remind = s->o.purpose == WD_PURPOSE_REMIND;

	switch (it->why) {
	case WD_SEND_DONE:
		if (remind)
			snprintf(out, size, _("reminded already, at %s"), it->since);
		else
			snprintf(out, size, _("invited already, at %s (--again sends it again)"),
				 it->since);
		break;
	case WD_SEND_WAITING:
		if (remind)
			snprintf(out, size, _("on the waiting list (number %ld): no reminder until a place comes free"),
				 it->place);
		else
			snprintf(out, size, _("on the waiting list (number %ld): no invitation until a place comes free (name them to send one)"),
				 it->place);
		break;
	case WD_SEND_UNINVITED:
		snprintf(out, size, "%s", _("not invited and no answer: nothing to remind of"));
		break;
	case WD_SEND_NO_EMAIL:
	case WD_SEND_NO_CONSENT:
	case WD_SEND_BAD_EMAIL:
		snprintf(out, size, _("%s (a letter: --channel letter)"),
			 wd_send_reason(it->why));
		break;
	default:
		snprintf(out, size, "%s", wd_send_reason(it->why));
		break;
	}
}

/* What a run would do (dry run), or did, per person. */
static void say_item(struct cli *c, const struct wd_sending *s,
		     const struct wd_send_item *it, int dry)
{
	int letter = s->o.channel == WD_CHANNEL_LETTER;
	char why[512];

	if (it->why == WD_SEND_GO) {
		if (dry)
			printf(letter ? _("would write %s for '%s' (%s): %s\n") :
			       _("would send %s to '%s' (%s): %s\n"),
			       what(s), it->name, it->id, it->to);
		else if (c->verbose)
			cli_info(c, letter ? _("wrote %s for '%s' (%s): %s") :
				 _("sent %s to '%s' (%s): %s"), what(s),
				 it->name, it->id, it->to);
		return;
	}
	why_not(s, it, why, sizeof(why));
	if (dry)
		printf(_("not to '%s' (%s): %s\n"), it->name, it->id, why);
	else if (WD_SEND_UNREACHABLE(it->why))
		cli_warn(c, _("nothing sent to '%s' (%s): %s"), it->name, it->id,
			 why);
	else if (c->verbose)
		cli_info(c, _("not to '%s' (%s): %s"), it->name, it->id, why);
}

static size_t count_why(const struct wd_sending *s, enum wd_send_why why)
{
	size_t i, n = 0;

	for (i = 0; i < s->n; i++)
		n += s->v[i].why == why;
	return n;
}

/* Why remind has nothing to do today. */
static void say_no_reminders(struct cli *c, const struct wd_sending *s)
{
	struct wd_buf day = WD_BUF_INIT(0);

	if (s->over) {
		cli_info(c, _("'%s' has begun or is cancelled: no reminders"),
			 s->r->dialogue);
	} else {
		char left[64], from[64];

		wd_date_iso(&day, s->r->dl.start.t - s->o.days * 86400);
		cli_count(left, sizeof(left), Q_("%ld day", "%ld days",
						 (unsigned long)s->days_left),
			  s->days_left);
		cli_count(from, sizeof(from), Q_("%ld day", "%ld days",
						 (unsigned long)s->o.days),
			  s->o.days);
		cli_info(c, _("'%s' is in %s: reminders go out from %s before (%s)"),
			 s->r->dialogue, left, from, wd_buf_str(&day));
	}
	wd_buf_release(&day);
}

static void summary(struct cli *c, const struct wd_sending *s, int dry,
		    const char *where)
{
	size_t done = count_why(s, WD_SEND_DONE);
	char n[64];

	if (dry)
		cli_info(c, s->o.channel == WD_CHANNEL_LETTER ?
			 _("would write %s (dry run: nothing sent or written)") :
			 _("would send %s (dry run: nothing sent or written)"),
			 counted(n, sizeof(n), s, s->go));
	else if (s->o.channel == WD_CHANNEL_LETTER)
		cli_info(c, Q_("wrote %s in %s: print it and take it round",
			       "wrote %s in %s: print them and take them round",
			       s->sent),
			 counted(n, sizeof(n), s, s->sent), where);
	else
		cli_info(c, _("sent %s (%s)"), counted(n, sizeof(n), s, s->sent),
			 where);
	if (done && s->o.purpose == WD_PURPOSE_REMIND)
		cli_info(c, Q_("%zu person reminded already",
			       "%zu people reminded already", done), done);
	else if (done && !s->o.again)
		cli_info(c, Q_("%zu person invited already (--again sends to them again)",
			       "%zu people invited already (--again sends to them again)",
			       done), done);
}

/* The first message that did not go, or did not get recorded. */
static int send_failed(struct cli *c, const struct wd_sending *s,
		       struct wd_error *e)
{
	const struct wd_send_item *it = NULL;
	struct wd_error x;
	char n[64];
	size_t i;

	for (i = 0; i < s->n && !it; i++)
		if (s->v[i].why == WD_SEND_GO && !s->v[i].done)
			it = &s->v[i];
	if (!it)
		return cli_fail(c, e);
	x = *e;
	snprintf(x.msg, sizeof(x.msg), it->delivered ?
		 _("%s went to '%s' (%s) but cannot be recorded: %s") :
		 _("cannot send %s to '%s' (%s): %s"), what(s), it->name,
		 it->id, e->msg);
	cli_fail(c, &x);
	if (it->delivered)
		cli_warn(c, "%s", _("the next run sends it again, with the same Message-ID"));
	cli_info(c, _("%zu of %s sent and recorded; nobody else is marked: run it again to send the rest"),
		 s->sent, counted(n, sizeof(n), s, s->go));
	return e->code ? e->code : EX_SOFTWARE;
}

/* The options of send and remind that go together; an exit code or -1. */
static int check_sending(struct cli *c, const struct opts *o,
			 struct wd_send_opts *so)
{
	int boxes = !!o->mbox + !!o->maildir + o->sendmail;
	const char *ch = o->channel ? wd_vocab_canon(WD_V_CHANNEL, o->channel) :
			 "email";

	if (!ch)
		return cli_usage_error(c, _("--channel: unknown channel '%s' (email, letter)"),
				       o->channel);
	so->channel = !strcmp(ch, "letter") ? WD_CHANNEL_LETTER : WD_CHANNEL_EMAIL;
	if (boxes > 1)
		return cli_usage_error(c, "%s", _("one of --mbox, --maildir and --sendmail"));
	if (so->channel == WD_CHANNEL_LETTER) {
		if (boxes)
			return cli_usage_error(c, "%s", _("letters are not mailed: --channel letter takes --out DIR"));
		if (!o->out)
			return cli_usage_error(c, "%s", _("where do the letters go? --out DIR"));
		so->out = o->out;
		return -1;
	}
	if (o->out)
		return cli_usage_error(c, "%s", _("--out is for letters (--channel letter)"));
	if (!boxes && !o->dry_run)
		return cli_usage_error(c, "%s", _("where do the messages go? --mbox FILE, --maildir DIR or --sendmail"));
	return -1;
}

static void outbox_of(const struct opts *o, struct cli *c, struct wd_outbox *box)
{
	const char *cmd = getenv("WD_SENDMAIL");

	if (o->mbox)
		wd_outbox_init(box, WD_OUTBOX_MBOX, o->mbox, c->ws.now);
	else if (o->maildir)
		wd_outbox_init(box, WD_OUTBOX_MAILDIR, o->maildir, c->ws.now);
	else
		wd_outbox_init(box, WD_OUTBOX_SENDMAIL,
			       cmd && *cmd ? cmd : DEFAULT_SENDMAIL, c->ws.now);
}

static const char *where_to(const struct opts *o, const struct wd_outbox *box)
{
	if (o->out)
		return o->out;
	return box->kind == WD_OUTBOX_SENDMAIL ? box->target :
	       o->mbox ? o->mbox : o->maildir;
}

static int sending(struct cli *c, int argc, char **argv,
		   enum wd_purpose purpose)
{
	struct wd_send_opts so;
	struct wd_sending s;
	struct wd_roster r;
	struct wd_outbox box;
	struct wd_error e;
	struct opts o;
	size_t i;
	int ret;

	if ((ret = parse(c, argc, argv, &o, purpose == WD_PURPOSE_REMIND ?
			 remind_opts : send_opts)) >= 0)
		return ret;
	memset(&so, 0, sizeof(so));
	so.purpose = purpose;
	if (purpose == WD_PURPOSE_REMIND) {
		if (o.days < 0)
			return cli_usage_error(c, "%s", _("remind needs --days N: how many days before the dialogue"));
		if (optind < argc)
			return cli_usage_error(c, _("unexpected argument '%s'"), argv[optind]);
		so.days = o.days;
	} else if (o.pending && optind < argc) {
		return cli_usage_error(c, "%s", _("either PERSON... or --pending"));
	}
	if ((ret = check_sending(c, &o, &so)) >= 0)
		return ret;
	so.again = o.again;
	so.who = (const char *const *)argv + optind;
	so.nwho = (size_t)(argc - optind);
	wd_roster_init(&r);
	wd_sending_init(&s);
	/* a real run holds the lock from deciding to the last record */
	if ((ret = open_roster(c, &o, &r, 1)))
		goto out;
	if (wd_send_plan(&s, &r, &so, &e) < 0) {
		ret = cli_fail(c, &e);
		goto out;
	}
	if (s.over || s.not_yet) {
		say_no_reminders(c, &s);
		goto out;
	}
	/* who gets nothing, and why (all of it on a dry run) */
	for (i = 0; i < s.n; i++)
		if (o.dry_run || s.v[i].why != WD_SEND_GO)
			say_item(c, &s, &s.v[i], o.dry_run);
	outbox_of(&o, c, &box);
	if (o.dry_run) {
		summary(c, &s, 1, NULL);
		goto out;
	}
	ret = wd_send_run(&s, &box, &e);
	for (i = 0; c->verbose && i < s.n; i++)
		if (s.v[i].done)
			say_item(c, &s, &s.v[i], 0);
	if (ret < 0)
		ret = send_failed(c, &s, &e);
	else
		summary(c, &s, 0, where_to(&o, &box));
	if (r.locked) {
		wd_ws_unlock(r.ws);
		r.locked = 0;
	}
	if (s.sent)
		cli_index_dialogue(c, r.dialogue);
out:
	wd_sending_release(&s);
	wd_roster_release(&r);
	return ret;
}

static int cmd_send(struct cli *c, int argc, char **argv)
{
	return sending(c, argc, argv, WD_PURPOSE_INVITE);
}

static int cmd_remind(struct cli *c, int argc, char **argv)
{
	return sending(c, argc, argv, WD_PURPOSE_REMIND);
}

static int cmd_ics(struct cli *c, int argc, char **argv)
{
	struct wd_buf out = WD_BUF_INIT(0);
	struct wd_roster r;
	struct wd_error e;
	struct opts o;
	int ret;

	if ((ret = parse(c, argc, argv, &o, ics_opts)) >= 0)
		return ret;
	if (optind + 1 < argc)
		return cli_usage_error(c, "%s", _("ics takes one person at most"));
	wd_roster_init(&r);
	if ((ret = open_roster(c, &o, &r, 0)))
		goto out;
	if (wd_send_ics(&r, optind < argc ? argv[optind] : NULL, &out, &e) < 0)
		ret = cli_fail(c, &e);
	else if (fwrite(wd_buf_str(&out), 1, out.len, stdout) != out.len)
		ret = EX_IOERR;
out:
	wd_buf_release(&out);
	wd_roster_release(&r);
	return ret;
}

static const struct cli_cmd cmds[] = {
	{ "add", cmd_add, 0 },
	{ "import", cmd_import, 0 },
	{ "list", cmd_list, 0 },
	{ "rsvp", cmd_rsvp, 0 },
	{ "checkin", cmd_checkin, 0 },
	{ "tables", cmd_tables, 0 },
	{ "send", cmd_send, 0 },
	{ "remind", cmd_remind, 0 },
	{ "ics", cmd_ics, 0 },
	{ "show-person", cmd_show, 0 },
	{ "forget", cmd_forget, 0 },
	{ "purge", cmd_purge, 0 },
};

int main(int argc, char **argv)
{
	return cli_main("wd-invite", usage, cmds, sizeof(cmds) / sizeof(*cmds),
			argc, argv);
}

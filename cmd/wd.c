/* wd - one front door to the wijkdialoog tools: "wd harvest ..." runs wd-harvest */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* TRANSLATORS: the --help text; translate the explanations only, keep
 * commands, options and their arguments as they are, and the columns */
static const char *const usage = N_(
	"usage: wd [-C DIR] [-q] [-v] [--no-progress] <command> [<args>]\n"
	"   or: wd help [<command>]\n"
	"   or: wd --version\n"
	"\n"
	"Runs wd-<command> with the options and arguments given, as git does.\n"
	"Run 'wd' alone for the commands, 'wd help <command>' for its manual.\n");

static const struct {
	const char *name;
	const char *about;
} commands[] = {
	{ "init", N_("make a workspace, or a dialogue in one (with its relay)") },
	{ "invite", N_("invite people, answers, check-in, seating, privacy") },
	{ "harvest", N_("record the harvest and follow actions up") },
	{ "report", N_("summaries, actions, relay, search, export, check") },
};
#define NCOMMANDS (sizeof(commands) / sizeof(*commands))

static void list(FILE *f)
{
	size_t i;

	fputs(_("The wijkdialoog commands:\n\n"), f);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(f, "  %-9s %s\n", commands[i].name, _(commands[i].about));
	fputs(_("\nRun 'wd help <command>' for its manual, 'wd help' for the overview.\n"), f);
}

static int known(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (!strcmp(commands[i].name, name))
			return 1;
	return 0;
}

/* The folder this binary is in, to find its siblings first. */
static int own_dir(char *dir, size_t size)
{
	ssize_t n = readlink("/proc/self/exe", dir, size - 1);
	char *slash;

	if (n <= 0)
		return -1;
	dir[n] = '\0';
	slash = strrchr(dir, '/');
	if (!slash)
		return -1;
	*slash = '\0';
	return 0;
}

/* Run wd-NAME with args; returns only when it could not be run. */
static int run(struct cli *c, const char *name, char **args, int nargs)
{
	char dir[PATH_MAX], prog[PATH_MAX + 64];
	char **argv = calloc((size_t)nargs + 2, sizeof(*argv));
	int i;

	if (!argv)
		return cli_oom(c);
	snprintf(prog, sizeof(prog), "wd-%s", name);
	argv[0] = prog;
	for (i = 0; i < nargs; i++)
		argv[i + 1] = args[i];
	fflush(stdout);
	if (own_dir(dir, sizeof(dir)) == 0) {
		char path[PATH_MAX + 80];

		snprintf(path, sizeof(path), "%s/wd-%s", dir, name);
		if (access(path, X_OK) == 0)
			execv(path, argv);
	}
	execvp(prog, argv);
	cli_info(c, _("cannot run '%s': %s"), prog, strerror(errno));
	free(argv);
	return errno == ENOENT ? EX_UNAVAILABLE : EX_OSERR;
}

static int help(struct cli *c, const char *name)
{
	char page[64];

	if (name && !known(name)) {
		cli_info(c, _("no such command: '%s'"), name);
		list(stderr);
		return EX_USAGE;
	}
	snprintf(page, sizeof(page), name ? "wd-%s" : "wd", name ? name : "");
	fflush(stdout);
	if (name)
		execlp("man", "man", page, (char *)NULL);
	else
		execlp("man", "man", "7", "wd", (char *)NULL);
	/* no man: the command's own help will do */
	if (name) {
		char *args[] = { "--help" };

		return run(c, name, args, 1);
	}
	list(stdout);
	return 0;
}

/*
 * The global options before the command are passed on, not acted on
 * here: "-C dir" would otherwise change folders twice.  The index of the
 * command, or -1 after --help/--version, or -2 on a bad option.
 */
static int find_command(struct cli *c, int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "-C")) {
			if (++i == argc) {
				cli_usage_error(c, "%s", _("-C needs a folder"));
				return -2;
			}
		} else if (!strncmp(a, "-C", 2) || !strcmp(a, "-q") ||
			   !strcmp(a, "-v") || !strcmp(a, "--quiet") ||
			   !strcmp(a, "--verbose") || !strcmp(a, "--no-progress")) {
			continue;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			cli_help(c);
			return -1;
		} else if (!strcmp(a, "--version")) {
			cli_version(c);
			return -1;
		} else if (a[0] == '-') {
			cli_usage_error(c, _("unknown option '%s'"), a);
			return -2;
		} else {
			return i;
		}
	}
	return argc;
}

int main(int argc, char **argv)
{
	struct cli c;
	int r, ind, i, nglobal;
	char **args;

	cli_init(&c, "wd", usage, argv);
	ind = find_command(&c, argc, argv);
	if (ind < 0) {
		r = ind == -1 ? 0 : EX_USAGE;
		goto out;
	}
	if (ind >= argc) {
		list(stdout);
		r = 0;
		goto out;
	}
	if (!strcmp(argv[ind], "help")) {
		r = help(&c, ind + 1 < argc ? argv[ind + 1] : NULL);
		goto out;
	}
	if (!known(argv[ind])) {
		cli_info(&c, _("'%s' is not a wd command"), argv[ind]);
		list(stderr);
		r = EX_USAGE;
		goto out;
	}
	/* wd [global options] NAME args -> wd-NAME [global options] args */
	nglobal = ind - 1;
	args = calloc((size_t)argc, sizeof(*args));
	if (!args) {
		r = cli_oom(&c);
		goto out;
	}
	for (i = 0; i < nglobal; i++)
		args[i] = argv[i + 1];
	for (i = ind + 1; i < argc; i++)
		args[nglobal + i - ind - 1] = argv[i];
	r = run(&c, argv[ind], args, argc - 2);
	free(args);
out:
	cli_release(&c);
	return r;
}

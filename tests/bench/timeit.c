/* timeit.c - run a command a number of times; print its median wall time
 * and its peak memory
 *
 *   timeit [-n RUNS] [-w WARMUPS] [-b SHELL-COMMAND] [-x] -- COMMAND ARG...
 *
 * Before each run (warm-ups too) the shell command given with -b runs,
 * untimed.  "%N" in an argument becomes the number of the run, so that
 * each run can do something new.  The command's output goes to
 * /dev/null; it must exit 0 (with -x, 0 or 1).  Prints one line:
 *
 *   MEDIAN_MS MIN_MS MAX_MS PEAK_RSS_KIB
 *
 * where the peak memory is the largest maximum resident set size of a
 * timed run, from wait4().
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* argv with "%N" replaced by the run number */
static char **expand(char **argv, int argc, long run, char *store, size_t size)
{
	char **out = calloc((size_t)argc + 1, sizeof(*out));
	size_t used = 0;
	int i;

	if (!out)
		return NULL;
	for (i = 0; i < argc; i++) {
		const char *p = strstr(argv[i], "%N");
		int n;

		if (!p) {
			out[i] = argv[i];
			continue;
		}
		n = snprintf(store + used, size - used, "%.*s%ld%s",
			     (int)(p - argv[i]), argv[i], run, p + 2);
		if (n < 0 || (size_t)n >= size - used) {
			free(out);
			return NULL;
		}
		out[i] = store + used;
		used += (size_t)n + 1;
	}
	return out;
}

static int shell(const char *cmd)
{
	int st = system(cmd);

	if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "timeit: '%s' failed\n", cmd);
		return -1;
	}
	return 0;
}

/* One run: its wall time in ms, its peak memory in KiB. */
static int run_once(char **argv, int loose, double *ms, long *rss)
{
	struct rusage ru;
	double t0 = now_ms();
	int st, fd;
	pid_t pid = fork();

	if (pid < 0) {
		perror("timeit: fork");
		return -1;
	}
	if (pid == 0) {
		fd = open("/dev/null", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			if (!getenv("TIMEIT_STDERR"))
				dup2(fd, 2);
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	while (wait4(pid, &st, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("timeit: wait4");
			return -1;
		}
	}
	*ms = now_ms() - t0;
	*rss = ru.ru_maxrss;
	if (!WIFEXITED(st) || (WEXITSTATUS(st) != 0 &&
			       !(loose && WEXITSTATUS(st) == 1))) {
		fprintf(stderr, "timeit: %s exited with %d\n", argv[0],
			WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st));
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *before = NULL;
	long runs = 5, warm = 1, peak = 0, rss, k;
	double *t, ms;
	char store[8192];
	char **av;
	int opt, loose = 0;

	while ((opt = getopt(argc, argv, "n:w:b:x")) != -1) {
		switch (opt) {
		case 'n':
			runs = strtol(optarg, NULL, 10);
			break;
		case 'w':
			warm = strtol(optarg, NULL, 10);
			break;
		case 'b':
			before = optarg;
			break;
		case 'x':
			loose = 1;
			break;
		default:
			return 64;
		}
	}
	if (optind >= argc || runs < 1 || runs > 1000 || warm < 0) {
		fprintf(stderr, "usage: timeit [-n RUNS] [-w WARMUPS] [-b CMD] [-x] -- COMMAND ARG...\n");
		return 64;
	}
	t = calloc((size_t)runs, sizeof(*t));
	if (!t)
		return 71;
	for (k = 0; k < warm + runs; k++) {
		av = expand(argv + optind, argc - optind, k, store, sizeof(store));
		if (!av || (before && shell(before) < 0) ||
		    run_once(av, loose, &ms, &rss) < 0) {
			free(av);
			free(t);
			return 1;
		}
		free(av);
		if (k < warm)
			continue;
		t[k - warm] = ms;
		if (rss > peak)
			peak = rss;
	}
	qsort(t, (size_t)runs, sizeof(*t), cmp_double);
	printf("%.3f %.3f %.3f %ld\n", runs % 2 ? t[runs / 2] :
	       (t[runs / 2 - 1] + t[runs / 2]) / 2, t[0], t[runs - 1], peak);
	free(t);
	return 0;
}

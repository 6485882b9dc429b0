/*
 * fuzz-search.c - the search query path: any query on a small index
 *
 * Once: a workspace in a temporary folder (two dialogues, a handful of
 * items in Dutch and English, accents, tags, a need), indexed.  Then
 * every input is a query (up to its first NUL) for wd_search(), in turn
 * without and with a dialogue, in each output format, with and without a
 * limit.  Promised: no crash, no leak, no undefined behaviour; the
 * search returns 0, or -1 with EX_DATAERR (a query FTS5 cannot read,
 * with a hint), never another failure; never more rows than items.
 *
 * When a new path takes user text into SQL (a filter, a report), add it
 * here in the same way.
 */
#include "fuzz.h"

#include "index.h"
#include "search.h"
#include "ws.h"

#include <ftw.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NITEMS 6

static struct wd_ws ws;
static struct wd_index ix;
static char root[256];

static const struct {
	const char *rel, *text;
} files[] = {
	{ "wd.yaml", "name: Fuzz\nlanguage: nl\ntimezone: UTC\n" },
	{ "oost/dialogue.yaml",
	  "title: Elkaar zien\ntheme: elkaar zien\nstart: 2026-12-12T19:30\n" },
	{ "oost/harvest/tafel-1.yaml",
	  "items:\n"
	  "  - id: a000001\n    kind: dream\n"
	  "    text: Een moestuin achter het buurthuis, voor jong en oud\n"
	  "    tags: [groen, ontmoeten]\n"
	  "  - id: a000002\n    kind: action\n"
	  "    text: Speeltuinen opknappen met de school\n"
	  "    status: open\n    need: verf en vrijwilligers\n"
	  "  - id: a000003\n    kind: quote\n"
	  "    text: \"Café 't Hoekje is ons tweede huis; \\\"iedereen\\\" komt er\"\n"
	  "  - id: a000004\n    kind: experience\n"
	  "    text: Özlem kende niemand, nu kent ze de hele straat\n" },
	{ "west/dialogue.yaml",
	  "title: Thuis\ntheme: thuis in je buurt\nstart: 2027-01-10\n"
	  "language: en\n" },
	{ "west/harvest/table-1.yaml",
	  "items:\n"
	  "  - id: b000001\n    kind: dream\n"
	  "    text: A garden on every roof (NEAR the river) OR the park\n"
	  "  - id: b000002\n    kind: possibility\n"
	  "    text: \"AND NOT * ^ : - + { } [ ] * \\\" ' col:umn\"\n" },
};

static int put(const char *rel, const char *text)
{
	char path[512], *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	for (slash = strchr(path + strlen(root) + 1, '/'); slash;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		mkdir(path, 0755);
		*slash = '/';
	}
	f = fopen(path, "w");
	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

static int rm_one(const char *path, const struct stat *st, int flag,
		  struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void clean_up(void)
{
	wd_index_close(&ix);
	wd_ws_release(&ws);
	if (root[0])
		nftw(root, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *tmp = getenv("TMPDIR");
	struct wd_index_stats st;
	struct wd_error e;
	struct wd_diag diag;
	size_t i;

	(void)argc;
	(void)argv;
	snprintf(root, sizeof(root), "%s/wd-fuzz-search-XXXXXX",
		 tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(root)) {
		perror(root);
		exit(1);
	}
	atexit(clean_up);
	for (i = 0; i < sizeof(files) / sizeof(*files); i++)
		if (put(files[i].rel, files[i].text) < 0) {
			perror(files[i].rel);
			exit(1);
		}
	wd_ws_init(&ws);
	wd_diag_init(&diag, &e, NULL);
	if (wd_ws_open(&ws, root, 1, &diag) < 0) {
		fprintf(stderr, "fuzz-search: %s\n", e.msg);
		exit(1);
	}
	wd_index_init(&ix, &ws);
	if (wd_index_ready(&ix, &st, &e) < 0 || st.problems) {
		fprintf(stderr, "fuzz-search: index: %s\n", e.msg);
		exit(1);
	}
	return 0;
}

static int discard(void *ctx, const char *p, size_t n)
{
	size_t *bytes = ctx;

	(void)p;
	*bytes += n;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum wd_format fmts[] = {
		WD_FMT_TABLE, WD_FMT_CSV, WD_FMT_TSV, WD_FMT_JSON,
	};
	static unsigned turn;
	char *q = malloc(size + 1);
	struct wd_error e;
	size_t count = 99, bytes = 0;
	unsigned t = turn++;
	int r;

	if (!q)
		return 0;
	memcpy(q, data, size);
	q[size] = '\0';
	wd_error_clear(&e);
	r = wd_search(&ix, q, t & 1 ? "oost" : NULL, t & 2 ? 2 : 0,
		      fmts[(t >> 2) % 4], t & 16 ? "en" : "nl", discard, &bytes,
		      &count, &e);
	FUZZ_CHECK(r == 0 || (r == -1 && e.code == EX_DATAERR && e.hint[0]),
		   "query '%s': %d, code %d: %s", q, r, e.code, e.msg);
	FUZZ_CHECK(count <= NITEMS, "%zu rows for %d items", count, NITEMS);
	free(q);
	return 0;
}

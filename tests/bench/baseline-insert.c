/* baseline-insert.c - the floor of writing an index: the same rows into the
 * same schema, in one transaction, with nothing else to do
 *
 *   baseline-insert [-n RUNS] [-b SHELL-COMMAND] [-d] SCHEMA.sql
 *                   REFERENCE.sqlite OUT.sqlite
 *
 * SCHEMA.sql is what `sqlite3 .wd/index.sqlite .schema` prints for a
 * freshly built index (the FTS5 table's shadow tables are in it as
 * CREATE TABLE IF NOT EXISTS, so it runs as it is).  The rows are read
 * from REFERENCE.sqlite, that index, into memory first, untimed: every
 * table but SQLite's own and the FTS5 shadow tables, and the full-text
 * table's rows.  Then, timed, each run makes OUT.sqlite from nothing as
 * wd-report does (journal off, synchronous off, the project's stemming
 * tokenizer registered with wd_stem_register from libwd), runs the
 * schema, inserts every row in one transaction and closes it.  The first
 * run is a warm-up.  Prints the median time of the other runs in ms and
 * the number of rows.  With -b, the shell command runs before each run,
 * untimed (run.sh measures the other side of a ratio there, so that both
 * see the same load); with -d, the indexes are made after the rows (an
 * experiment).
 */
#include "stem.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct table {
	char *insert;			/* INSERT INTO t VALUES(?, ...) */
	int ncols;
	sqlite3_value **v;		/* rows * ncols */
	size_t rows, alloc;
};

struct tables {
	struct table *v;
	size_t n;
};

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int fail(sqlite3 *db, const char *what)
{
	fprintf(stderr, "baseline-insert: %s: %s\n", what,
		db ? sqlite3_errmsg(db) : "out of memory");
	return -1;
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *p = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 &&
	    fseek(f, 0, SEEK_SET) == 0 && (p = malloc((size_t)n + 1))) {
		if (fread(p, 1, (size_t)n, f) != (size_t)n) {
			free(p);
			p = NULL;
		} else {
			p[n] = '\0';
		}
	}
	fclose(f);
	return p;
}

/* Every row of `select` into memory, to be inserted by `insert`. */
static int load(sqlite3 *db, const char *select, const char *insert,
		struct table *t)
{
	sqlite3_stmt *st;
	int i, rc;

	if (sqlite3_prepare_v2(db, select, -1, &st, NULL) != SQLITE_OK)
		return fail(db, select);
	t->ncols = sqlite3_column_count(st);
	t->insert = strdup(insert);
	if (!t->insert)
		return fail(NULL, select);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (t->rows == t->alloc) {
			size_t na = t->alloc ? t->alloc * 2 : 1024;
			sqlite3_value **v = realloc(t->v, na * (size_t)t->ncols *
						    sizeof(*v));

			if (!v)
				return fail(NULL, select);
			t->v = v;
			t->alloc = na;
		}
		for (i = 0; i < t->ncols; i++) {
			sqlite3_value *x = sqlite3_value_dup(sqlite3_column_value(st, i));

			if (!x)
				return fail(NULL, select);
			t->v[t->rows * (size_t)t->ncols + (size_t)i] = x;
		}
		t->rows++;
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? 0 : fail(db, select);
}

static int load_all(const char *ref, struct tables *ts)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	char sel[512], ins[2048];
	int rc, r = -1;

	if (sqlite3_open_v2(ref, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK ||
	    wd_stem_register(db) != SQLITE_OK) {
		fail(db, ref);
		goto out;
	}
	if (sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table'"
			       " AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE"
			       " 'CREATE VIRTUAL TABLE%' AND name NOT IN (SELECT"
			       " v.name || s.x FROM sqlite_master v, (SELECT '_data'"
			       " AS x UNION SELECT '_idx' UNION SELECT '_content'"
			       " UNION SELECT '_docsize' UNION SELECT '_config') s"
			       " WHERE v.sql LIKE 'CREATE VIRTUAL TABLE%')"
			       " ORDER BY rowid", -1, &st, NULL) != SQLITE_OK) {
		fail(db, "tables");
		goto out;
	}
	ts->v = calloc(64, sizeof(*ts->v));
	if (!ts->v)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && ts->n < 63) {
		const char *name = (const char *)sqlite3_column_text(st, 0);
		sqlite3_stmt *q;
		size_t len;
		int i, n;

		snprintf(sel, sizeof(sel), "SELECT * FROM \"%s\"", name);
		if (sqlite3_prepare_v2(db, sel, -1, &q, NULL) != SQLITE_OK) {
			fail(db, sel);
			goto out;
		}
		n = sqlite3_column_count(q);
		sqlite3_finalize(q);
		len = (size_t)snprintf(ins, sizeof(ins), "INSERT INTO \"%s\" VALUES(",
				       name);
		for (i = 0; i < n && len + 4 < sizeof(ins); i++)
			len += (size_t)snprintf(ins + len, sizeof(ins) - len,
						i ? ", ?" : "?");
		snprintf(ins + len, sizeof(ins) - len, ")");
		if (load(db, sel, ins, &ts->v[ts->n++]) < 0)
			goto out;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		fail(db, "tables");
		goto out;
	}
	if (load(db, "SELECT rowid, text, tags, need FROM item_fts",
		 "INSERT INTO item_fts(rowid, text, tags, need) VALUES(?, ?, ?, ?)",
		 &ts->v[ts->n++]) < 0)
		goto out;
	r = 0;
out:
	sqlite3_finalize(st);
	sqlite3_close(db);
	return r;
}

static int insert_table(sqlite3 *db, const struct table *t)
{
	sqlite3_stmt *st;
	size_t r;
	int i;

	if (sqlite3_prepare_v2(db, t->insert, -1, &st, NULL) != SQLITE_OK)
		return fail(db, t->insert);
	for (r = 0; r < t->rows; r++) {
		for (i = 0; i < t->ncols; i++)
			sqlite3_bind_value(st, i + 1, t->v[r * (size_t)t->ncols + (size_t)i]);
		if (sqlite3_step(st) != SQLITE_DONE) {
			sqlite3_finalize(st);
			return fail(db, t->insert);
		}
		sqlite3_reset(st);
	}
	sqlite3_finalize(st);
	return 0;
}

/* One timed run: a new database, the schema, every row. */
static int build(const char *out, const char *schema, const char *later,
		 const struct tables *ts)
{
	sqlite3 *db = NULL;
	size_t i;
	int r = -1;

	unlink(out);
	if (sqlite3_open_v2(out, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK ||
	    wd_stem_register(db) != SQLITE_OK ||
	    sqlite3_exec(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;",
			 NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, schema, NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		fail(db, out);
		goto out;
	}
	for (i = 0; i < ts->n; i++)
		if (insert_table(db, &ts->v[i]) < 0)
			goto out;
	if (later && sqlite3_exec(db, later, NULL, NULL, NULL) != SQLITE_OK) {
		fail(db, later);
		goto out;
	}
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		fail(db, "COMMIT");
		goto out;
	}
	r = 0;
out:
	sqlite3_close(db);
	return r;
}

/*
 * With -d: take the CREATE INDEX statements out of the schema, to be run
 * after the rows are in (an experiment: how much the indexes cost).
 */
static char *split_indexes(char *schema)
{
	char *later = calloc(1, strlen(schema) + 1), *p = schema, *end;
	size_t n = 0;

	if (!later)
		return NULL;
	while ((p = strstr(p, "CREATE ")) != NULL) {
		end = strchr(p, ';');
		if (!end)
			break;
		if (!strncmp(p, "CREATE INDEX", 12) ||
		    !strncmp(p, "CREATE UNIQUE INDEX", 19)) {
			memcpy(later + n, p, (size_t)(end - p) + 1);
			n += (size_t)(end - p) + 1;
			memset(p, ' ', (size_t)(end - p) + 1);
		}
		p = end + 1;
	}
	return later;
}

static int run_before(const char *cmd)
{
	int st = system(cmd);

	if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		fprintf(stderr, "baseline-insert: '%s' failed\n", cmd);
		return -1;
	}
	return 0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	struct tables ts = { NULL, 0 };
	double t[101], t0;
	size_t rows = 0, i;
	long runs = 5, k;
	char *schema, *later = NULL;
	const char *before = NULL;
	int opt, defer = 0;

	while ((opt = getopt(argc, argv, "n:b:d")) != -1) {
		if (opt == 'd')
			defer = 1;
		else if (opt == 'n')
			runs = strtol(optarg, NULL, 10);
		else if (opt == 'b')
			before = optarg;
		else
			return 64;
	}
	if (argc - optind != 3 || runs < 1 || runs > 100) {
		fprintf(stderr, "usage: baseline-insert [-n RUNS] [-b CMD] [-d] SCHEMA.sql REFERENCE.sqlite OUT.sqlite\n");
		return 64;
	}
	schema = read_all(argv[optind]);
	if (!schema) {
		perror(argv[optind]);
		return 66;
	}
	if (defer && !(later = split_indexes(schema)))
		return 71;
	if (load_all(argv[optind + 1], &ts) < 0)
		return 65;
	for (i = 0; i < ts.n; i++)
		rows += ts.v[i].rows;
	for (k = 0; k <= runs; k++) {
		if (before && run_before(before) < 0)
			return 1;
		t0 = now_ms();
		if (build(argv[optind + 2], schema, later, &ts) < 0)
			return 74;
		t[k] = now_ms() - t0;
	}
	/* t[0] was the warm-up */
	qsort(t + 1, (size_t)runs, sizeof(*t), cmp_double);
	printf("%.3f %zu\n", runs % 2 ? t[1 + runs / 2] :
	       (t[runs / 2] + t[1 + runs / 2]) / 2, rows);
	return 0;
}

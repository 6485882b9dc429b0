/* test-stem.c - the stemming tokenizer and its table of recent stems */
#include "tap.h"
#include "stem.h"

#include <libstemmer.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

/* word i of a made-up vocabulary: syllables of Dutch words */
static void word(unsigned i, char *out, size_t size)
{
	static const char *syl[] = {
		"speel", "tuin", "en", "huis", "buurt", "ge", "wo", "ning",
		"straat", "fiets", "lo", "pen", "kin", "de", "ren", "boom",
		"groen", "ver", "bind", "ing", "moes", "bank", "je", "s",
	};
	size_t n = sizeof(syl) / sizeof(*syl), len = 0;

	out[0] = '\0';
	do {
		len += (size_t)snprintf(out + len, size - len, "%s", syl[i % n]);
		i /= n;
	} while (i && len < size);
}

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

/*
 * Ten thousand words, each twice and far apart (so the table of stems,
 * 4096 slots, has long dropped most when a word comes again and has
 * words sharing a slot): the index holds exactly the stems Snowball
 * gives each word, as many times as the word was written.
 */
static void test_stems_as_snowball(void)
{
	struct sb_stemmer *sb = sb_stemmer_new("dutch", "UTF_8");
	sqlite3 *db = NULL;
	sqlite3_stmt *ins = NULL, *exp = NULL, *cmp = NULL;
	char w[64];
	unsigned i, round;
	int rc, diff = -1;

	rc = sqlite3_open(":memory:", &db);
	if (rc == SQLITE_OK)
		rc = wd_stem_register(db);
	if (rc == SQLITE_OK)
		rc = exec(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'wd dutch');"
			  "CREATE VIRTUAL TABLE v USING fts5vocab(t, row);"
			  "CREATE TABLE want(term TEXT PRIMARY KEY, n INTEGER);");
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "INSERT INTO t(x) VALUES(?)", -1, &ins, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "INSERT INTO want VALUES(?, 1)"
					" ON CONFLICT(term) DO UPDATE SET n = n + 1",
					-1, &exp, NULL);
	for (round = 0; rc == SQLITE_OK && round < 2; round++) {
		for (i = 0; rc == SQLITE_OK && i < 10000; i++) {
			const sb_symbol *s;

			word(i * 7919u % 10000u, w, sizeof(w));
			sqlite3_bind_text(ins, 1, w, -1, SQLITE_STATIC);
			rc = sqlite3_step(ins) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
			sqlite3_reset(ins);
			s = sb_stemmer_stem(sb, (const sb_symbol *)w, (int)strlen(w));
			sqlite3_bind_text(exp, 1, (const char *)s,
					  sb_stemmer_length(sb), SQLITE_TRANSIENT);
			if (rc == SQLITE_OK && sqlite3_step(exp) != SQLITE_DONE)
				rc = SQLITE_ERROR;
			sqlite3_reset(exp);
		}
	}
	/* each row holds one word: a stem's documents are its words */
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM ("
					"SELECT term, doc FROM v EXCEPT SELECT term, n FROM want))"
					" + (SELECT count(*) FROM ("
					"SELECT term, n FROM want EXCEPT SELECT term, doc FROM v))",
					-1, &cmp, NULL);
	if (rc == SQLITE_OK && sqlite3_step(cmp) == SQLITE_ROW)
		diff = sqlite3_column_int(cmp, 0);
	is_int(diff, 0, "stems of 20,000 words as Snowball gives them (table of recent stems)");
	sqlite3_finalize(cmp);
	sqlite3_finalize(exp);
	sqlite3_finalize(ins);
	sqlite3_close(db);
	sb_stemmer_delete(sb);
}

void test_stem(void)
{
	test_stems_as_snowball();
}

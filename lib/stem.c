/* stem.c - an FTS5 tokenizer that folds accents and stems Dutch or English words */
#include "stem.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/*
 * The stems of recent words: a text has few distinct words, and the
 * Snowball stemmer costs more than the rest of tokenizing, so each
 * tokenizer keeps a table of words it stemmed, indexed by a hash of the
 * folded word, the newest word winning a slot.  Words and stems longer
 * than STEM_WORD bytes are stemmed every time.
 */
#define STEM_SLOTS 4096			/* a power of two */
#define STEM_WORD 27

struct stemslot {
	unsigned char wlen, slen;	/* 0: empty */
	char word[STEM_WORD];
	char stem[STEM_WORD];
};

struct stemtok {
	fts5_tokenizer parent;		/* unicode61 */
	Fts5Tokenizer *inner;
	struct sb_stemmer *stemmer;
	struct stemslot *cache;		/* STEM_SLOTS of them */
};

struct stemcall {
	struct stemtok *t;
	void *ctx;
	int (*token)(void *ctx, int flags, const char *tok, int n, int start,
		     int end);
};

static fts5_api *fts5_of(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	return api;
}

const char *wd_stem_language(const char *lang)
{
	return lang && !strcmp(lang, "en") ? "english" : "dutch";
}

static void stem_delete(Fts5Tokenizer *tok)
{
	struct stemtok *t = (struct stemtok *)tok;

	if (!t)
		return;
	if (t->inner)
		t->parent.xDelete(t->inner);
	if (t->stemmer)
		sb_stemmer_delete(t->stemmer);
	free(t->cache);
	free(t);
}

static int stem_create(void *ctx, const char **argv, int argc,
		       Fts5Tokenizer **out)
{
	static const char *unicode_args[] = { "remove_diacritics", "2" };
	fts5_api *api = ctx;
	struct stemtok *t;
	void *uctx = NULL;
	int rc;

	*out = NULL;
	t = calloc(1, sizeof(*t));
	if (!t)
		return SQLITE_NOMEM;
	t->cache = calloc(STEM_SLOTS, sizeof(*t->cache));
	rc = t->cache ? SQLITE_OK : SQLITE_NOMEM;
	if (rc == SQLITE_OK)
		rc = api->xFindTokenizer(api, "unicode61", &uctx, &t->parent);
	if (rc == SQLITE_OK)
		rc = t->parent.xCreate(uctx, unicode_args, 2, &t->inner);
	if (rc == SQLITE_OK) {
		t->stemmer = sb_stemmer_new(argc > 0 ? argv[0] : "dutch", "UTF_8");
		if (!t->stemmer)
			rc = SQLITE_ERROR;
	}
	if (rc != SQLITE_OK) {
		stem_delete((Fts5Tokenizer *)t);
		return rc;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

/* FNV-1a of the word, folded to a slot */
static struct stemslot *slot_of(struct stemtok *t, const char *w, int n)
{
	uint32_t h = 2166136261u;
	int i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return &t->cache[(h ^ (h >> 16)) & (STEM_SLOTS - 1)];
}

static int stem_token(void *ctx, int flags, const char *tok, int n, int start,
		      int end)
{
	struct stemcall *c = ctx;
	struct stemslot *slot = NULL;
	const sb_symbol *s;
	int len;

	/* long tokens (ids, links) are kept as they are */
	if (n > 64)
		return c->token(c->ctx, flags, tok, n, start, end);
	if (n > 0 && n <= STEM_WORD) {
		slot = slot_of(c->t, tok, n);
		if (slot->wlen == n && !memcmp(slot->word, tok, (size_t)n))
			return c->token(c->ctx, flags, slot->stem, slot->slen,
					start, end);
	}
	s = sb_stemmer_stem(c->t->stemmer, (const sb_symbol *)tok, n);
	if (!s)
		return SQLITE_NOMEM;
	len = sb_stemmer_length(c->t->stemmer);
	if (slot && len > 0 && len <= STEM_WORD) {
		slot->wlen = (unsigned char)n;
		slot->slen = (unsigned char)len;
		memcpy(slot->word, tok, (size_t)n);
		memcpy(slot->stem, s, (size_t)len);
	}
	return c->token(c->ctx, flags, (const char *)s, len, start, end);
}

static int stem_tokenize(Fts5Tokenizer *tok, void *ctx, int flags,
			 const char *text, int n,
			 int (*token)(void *, int, const char *, int, int, int))
{
	struct stemtok *t = (struct stemtok *)tok;
	struct stemcall c = { t, ctx, token };

	return t->parent.xTokenize(t->inner, &c, flags, text, n, stem_token);
}

int wd_stem_register(sqlite3 *db)
{
	static fts5_tokenizer tok = { stem_create, stem_delete, stem_tokenize };
	fts5_api *api = fts5_of(db);

	if (!api || api->iVersion < 2)
		return SQLITE_ERROR;
	return api->xCreateTokenizer(api, "wd", api, &tok, NULL);
}

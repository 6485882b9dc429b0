/* search.h - full-text search over the harvest */
#ifndef WD_SEARCH_H
#define WD_SEARCH_H

#include "index.h"
#include "out.h"

/*
 * Items whose text, tags or need match `query` (SQLite FTS5 syntax:
 * words, "a phrase", prefix*, AND, OR, NOT), best first, with a snippet
 * in which each match is [marked].  Accents and case do not matter and
 * words are stemmed ("speeltuinen" finds "speeltuin").  A query FTS5
 * cannot read fails with EX_DATAERR.  `dialogue` limits it to one.
 */
int wd_search(struct wd_index *ix, const char *query, const char *dialogue,
	      long limit, enum wd_format fmt, const char *lang,
	      wd_write_fn write, void *ctx, size_t *count,
	      struct wd_error *err);

#endif

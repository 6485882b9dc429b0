/* stem.h - an FTS5 tokenizer that folds accents and stems Dutch or English words */
#ifndef WD_STEM_H
#define WD_STEM_H

#include <sqlite3.h>

/*
 * Register tokenizer "wd" on a connection: SQLite's unicode61 with
 * remove_diacritics 2 ("café" is "cafe"), each token then stemmed by
 * Snowball ("speeltuinen" is "speeltuin").  Its argument names the
 * language: "dutch" (the default) or "english".  An SQLite code.
 */
int wd_stem_register(sqlite3 *db);

/* The Snowball name for a workspace language ("nl" -> "dutch"). */
const char *wd_stem_language(const char *lang);

#endif

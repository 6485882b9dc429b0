/* vocab.h - the toolkit's words: roles, kinds, phases, statuses, in English and Dutch */
#ifndef WD_VOCAB_H
#define WD_VOCAB_H

#include <stddef.h>

enum wd_vocab {
	WD_V_ROLE,		/* resident, volunteer, ... */
	WD_V_KIND,		/* experience, quote, dream, ... */
	WD_V_PHASE,		/* discover, dream, design, deliver */
	WD_V_STATUS,		/* open, underway, done, dropped (actions) */
	WD_V_DSTATUS,		/* planned, held, closed, cancelled (dialogues) */
	WD_V_RSVP,		/* yes, no, maybe */
	WD_V_LANG,		/* nl, en */
	WD_V_CHANNEL,		/* email, letter */
	WD_V_COUNT
};

/* The canonical (English, file) word for an English or Dutch one, or NULL. */
const char *wd_vocab_canon(enum wd_vocab v, const char *word);

/* The known word closest to a misspelt one, or NULL when none is close. */
const char *wd_vocab_suggest(enum wd_vocab v, const char *word);

/* The word for a canonical value in a language ("nl" or "en"). */
const char *wd_vocab_label(enum wd_vocab v, const char *canon,
			   const char *lang);

/* Plural label for counts ("bewoners"), and "een bewoner" for anonymity. */
const char *wd_vocab_plural(enum wd_vocab v, const char *canon,
			    const char *lang);
const char *wd_vocab_someone(const char *role, const char *lang);

/* The canonical words of a vocabulary, in their fixed order. */
size_t wd_vocab_count(enum wd_vocab v);
const char *wd_vocab_at(enum wd_vocab v, size_t i);
int wd_vocab_index(enum wd_vocab v, const char *canon);

/* What a vocabulary is called in messages ("kind", "role"). */
const char *wd_vocab_what(enum wd_vocab v);

/* The phase an item of `kind` belongs to when none is given. */
const char *wd_kind_phase(const char *kind);

/* The closest of `n` candidates to `word` (edit distance), or NULL. */
const char *wd_closest(const char *word, const char *const *cand, size_t n);

#endif

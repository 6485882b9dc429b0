/* tally.h - counts across the relay: themes of dialogues, tags of items */
#ifndef WD_TALLY_H
#define WD_TALLY_H

#include "index.h"
#include "out.h"

/* Themes: how many dialogues, items and actions each has, first and last. */
int wd_tally_themes(struct wd_index *ix, enum wd_format fmt, const char *lang,
		    wd_write_fn write, void *ctx, size_t *count,
		    struct wd_error *err);

/* Tags: how many items and dialogues each is on, most used first. */
int wd_tally_tags(struct wd_index *ix, enum wd_format fmt, const char *lang,
		  wd_write_fn write, void *ctx, size_t *count,
		  struct wd_error *err);

#endif

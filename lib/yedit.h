/* yedit.h - change a YAML document without touching what was not changed */
#ifndef WD_YEDIT_H
#define WD_YEDIT_H

#include "buf.h"
#include "yaml.h"

/*
 * Each edit splices new bytes into the document's source, every other
 * byte (comments, key order, unknown keys, quoting, blank lines) stays as
 * it was, and then parses the result again, so node pointers taken before
 * an edit are stale after it.  An edit that would not parse leaves the
 * document as it was and fails with EX_SOFTWARE.
 *
 * Block values are given as YAML text at indentation 0, one or more
 * lines each ending in "\n" (build them with the wd_yemit_* functions);
 * the editor indents them to fit where they go.
 */

/* Flags for writing a scalar. */
#define WD_YE_TYPED 1	/* a number, date or boolean: plain is fine */
#define WD_YE_FLOW 2	/* inside [ ] or { } */
#define WD_YE_RAW 4	/* already YAML text, such as "[a, b]" */

int wd_yemit_scalar(struct wd_buf *b, const char *v, int flags);
int wd_yemit_pair(struct wd_buf *b, const char *key, const char *v,
		  int flags);
int wd_yemit_flow_seq(struct wd_buf *b, const char *const *v, size_t n);

/* Give `node` (a scalar) the value `v`, keeping its quoting where possible. */
int wd_yedit_scalar(struct wd_ydoc *d, const struct wd_ynode *node,
		    const char *v, int flags, struct wd_error *err);

/* Set `key` of mapping `map` (NULL: the empty document's root) to a scalar. */
int wd_yedit_map_set(struct wd_ydoc *d, const struct wd_ynode *map,
		     const char *key, const char *v, int flags,
		     struct wd_error *err);

/* Set `key` of `map` to a block value (a mapping or list) given as text. */
int wd_yedit_map_set_block(struct wd_ydoc *d, const struct wd_ynode *map,
			   const char *key, const char *block,
			   struct wd_error *err);

/* Remove `key` and its value from `map`; nothing to do is no error. */
int wd_yedit_map_remove(struct wd_ydoc *d, const struct wd_ynode *map,
			const char *key, struct wd_error *err);

/*
 * Append an item to the sequence at `key` of `map`, creating the key when
 * it is missing or empty.  `item` is a block (mapping lines) or, with
 * `scalar` set, one scalar value.
 */
int wd_yedit_seq_append(struct wd_ydoc *d, const struct wd_ynode *map,
			const char *key, const char *item, int scalar,
			struct wd_error *err);

/* The same for `n` items at once: one splice, one parse. */
int wd_yedit_seq_append_many(struct wd_ydoc *d, const struct wd_ynode *map,
			     const char *key, const char *const *items,
			     size_t n, int scalar, struct wd_error *err);

/* Remove item `i` of sequence `seq`. */
int wd_yedit_seq_remove(struct wd_ydoc *d, const struct wd_ynode *seq,
			size_t i, struct wd_error *err);

/*
 * Add pairs (YAML text at indentation 0, keys not in the mapping yet)
 * at the end of the block mapping `map`, which has keys: many new
 * entries with one splice and one parse.
 */
int wd_yedit_map_add_pairs(struct wd_ydoc *d, const struct wd_ynode *map,
			   const char *pairs, struct wd_error *err);

#endif

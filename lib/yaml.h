/* yaml.h - load a YAML file into a tree that remembers where each node is */
#ifndef WD_YAML_H
#define WD_YAML_H

#include <stddef.h>

#include "arena.h"
#include "error.h"

enum wd_ytype { WD_YSCALAR = 1, WD_YSEQ, WD_YMAP };

enum wd_ystyle {
	WD_YPLAIN, WD_YSINGLE, WD_YDOUBLE, WD_YLITERAL, WD_YFOLDED,
	WD_YBLOCK, WD_YFLOW,
};

/*
 * A node of a loaded document.  `start`/`end` are byte offsets into the
 * document's source: for a scalar, its text with quotes or block
 * indicator; for a collection, from its first token to the end of its
 * last child (block) or its closing bracket (flow).  A mapping holds its
 * pairs in `items` as key, value, key, value; every key is a scalar.
 */
struct wd_ynode {
	enum wd_ytype type;
	enum wd_ystyle style;
	int in_flow;			/* inside [ ] or { } */
	unsigned line, col;		/* 1-based, of `start` */
	size_t start, end;
	const char *tag;		/* explicit tag, or NULL */
	const char *s;			/* scalar value, NUL-terminated */
	size_t len;
	size_t n;			/* items, or pairs of a mapping */
	struct wd_ynode **items;
	size_t weight;			/* nodes, aliases expanded */
};

struct wd_ylimits {
	size_t max_bytes;		/* whole file */
	size_t max_scalar;		/* one value */
	unsigned max_depth;		/* nesting */
	size_t max_expand;		/* nodes reached through aliases */
};

extern const struct wd_ylimits wd_ylimits_default;

/*
 * A loaded document.  It owns its source bytes and every node; release
 * it with wd_ydoc_release() whether loading worked or not.
 */
struct wd_ydoc {
	char *src;
	size_t len;
	size_t bom;			/* 3 when the file starts with a BOM */
	struct wd_ynode *root;		/* NULL for an empty document */
	struct wd_arena arena;
	const char *name;		/* for messages */
	int has_alias;
};

void wd_ydoc_init(struct wd_ydoc *d);
void wd_ydoc_release(struct wd_ydoc *d);

/* Parse `len` bytes at `src`, which the document takes over. */
int wd_ydoc_parse(struct wd_ydoc *d, const char *name, char *src,
		  size_t len, const struct wd_ylimits *lim,
		  struct wd_error *err);

/* Read and parse the file at `path`; `name` is how messages call it. */
int wd_ydoc_load(struct wd_ydoc *d, const char *path, const char *name,
		 const struct wd_ylimits *lim, struct wd_error *err);

/* Read a whole regular file (not through a symlink) of at most `max` bytes. */
int wd_read_file(const char *path, const char *name, size_t max,
		 char **out, size_t *len, struct wd_error *err);

const struct wd_ynode *wd_ymap_get(const struct wd_ynode *map,
				   const char *key);
const struct wd_ynode *wd_ymap_key(const struct wd_ynode *map,
				   const char *key);
int wd_ynode_is_null(const struct wd_ynode *n);
const char *wd_ytype_name(const struct wd_ynode *n);

#endif

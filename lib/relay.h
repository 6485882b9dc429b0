/* relay.h - the estafette as a graph: which dialogue handed the baton to which */
#ifndef WD_RELAY_H
#define WD_RELAY_H

#include "index.h"
#include "out.h"

enum wd_relay_format { WD_RELAY_TEXT, WD_RELAY_DOT, WD_RELAY_JSON };

/*
 * The relay of the workspace: dialogues and the baton passed between
 * them (from either side's relay:), with how many participants of a
 * dialogue also came to the one before.  Dialogues named by a relay but
 * kept in another workspace are shown without a title.  Text is a tree
 * from where each relay starts; dot is for Graphviz; JSON one array of
 * dialogue objects.
 */
int wd_relay(struct wd_index *ix, enum wd_relay_format fmt, const char *lang,
	     wd_write_fn write, void *ctx, size_t *count, struct wd_error *err);

#endif

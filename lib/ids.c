/* ids.c - ids from the index as they are, for shell completion */
#include "ids.h"
#include "i18n.h"

#include <sqlite3.h>
#include <string.h>
#include <sysexits.h>

static const struct {
	const char *what, *sql;
} lists[] = {
	{ "dialogues", "SELECT id FROM dialogue ORDER BY id" },
	{ "people", "SELECT DISTINCT id FROM person"
		    " WHERE ?1 IS NULL OR dialogue = ?1 ORDER BY id" },
	{ "items", "SELECT id FROM item"
		   " WHERE ?1 IS NULL OR dialogue = ?1 ORDER BY id" },
	{ "actions", "SELECT id FROM item WHERE kind = 'action'"
		     " AND (?1 IS NULL OR dialogue = ?1) ORDER BY id" },
	{ "tags", "SELECT DISTINCT tag FROM item_tag"
		  " WHERE ?1 IS NULL OR dialogue = ?1 ORDER BY tag" },
	{ "sources", "SELECT DISTINCT source FROM item"
		     " WHERE ?1 IS NULL OR dialogue = ?1 ORDER BY source" },
};
#define NLISTS (sizeof(lists) / sizeof(*lists))

static int find(const char *what)
{
	size_t i;

	for (i = 0; i < NLISTS; i++)
		if (!strcmp(what, lists[i].what))
			return (int)i;
	return -1;
}

int wd_ids_known(const char *what)
{
	return find(what) >= 0;
}

int wd_ids_list(struct wd_index *ix, const char *what, const char *dialogue,
		wd_write_fn write, void *ctx, struct wd_error *err)
{
	sqlite3_stmt *q = NULL;
	int i = find(what), rc, r = -1;

	if (i < 0)
		return wd_error_set(err, EX_USAGE, _("unknown list '%s' (dialogues, people, items, actions, tags, sources)"),
				    what);
	if (sqlite3_prepare_v2(ix->db, lists[i].sql, -1, &q, NULL) != SQLITE_OK ||
	    (sqlite3_bind_parameter_count(q) > 0 &&
	     (dialogue ? sqlite3_bind_text(q, 1, dialogue, -1, SQLITE_STATIC) :
			 sqlite3_bind_null(q, 1)) != SQLITE_OK)) {
		wd_index_error(ix, err, _("cannot read"));
		goto out;
	}
	while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(q, 0);

		if (!id)
			continue;
		if (write(ctx, id, strlen(id)) < 0 || write(ctx, "\n", 1) < 0) {
			wd_error_sys(err, EX_IOERR, NULL, _("cannot write"));
			goto out;
		}
	}
	if (rc != SQLITE_DONE) {
		wd_index_error(ix, err, _("cannot read"));
		goto out;
	}
	r = 0;
out:
	sqlite3_finalize(q);
	return r;
}

/* export.h - everything as open data: anonymous unless contacts are asked for */
#ifndef WD_EXPORT_H
#define WD_EXPORT_H

#include "index.h"
#include "out.h"
#include "ws.h"

/*
 * Export every dialogue with its people and items.  JSON: one array of
 * dialogue objects (as wd-report summary --format json) with "people"
 * and "items" added; CSV: one row per item.  Anonymous by default: no
 * contact data, no person ids (they are made from names), names only of
 * people who consented to be named, roles otherwise.  With `contacts`
 * (JSON only) everything is in: ids, names, consent and contact data
 * from contacts.yaml.
 */
int wd_export(struct wd_index *ix, const struct wd_ws *ws, enum wd_format fmt,
	      int contacts, wd_write_fn write, void *ctx, struct wd_error *err);

#endif

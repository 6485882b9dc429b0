/* out.h - rows out as an aligned table, CSV, TSV or JSON */
#ifndef WD_OUT_H
#define WD_OUT_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

enum wd_format { WD_FMT_TABLE, WD_FMT_CSV, WD_FMT_TSV, WD_FMT_JSON };

int wd_format_parse(const char *s, enum wd_format *f);

/* How a column's values are written in JSON. */
enum wd_coltype {
	WD_COL_TEXT,		/* a string */
	WD_COL_NUMBER,		/* a whole number */
	WD_COL_BOOL,		/* true / false from "1"/"0" */
	WD_COL_LIST,		/* an array, from a ","-separated value */
};

struct wd_col {
	const char *key;	/* the YAML key: CSV/TSV header, JSON name */
	const char *label;	/* the table's header, in the user's language */
	enum wd_coltype type;
};

/* Where the bytes go: 0, or -1 with errno set. */
typedef int (*wd_write_fn)(void *ctx, const char *p, size_t n);

/*
 * A writer of rows.  CSV is RFC 4180 (CRLF, quotes where needed) with
 * spreadsheet formulas neutralised (see wd_csv_neutral); TSV has a
 * header and \t, \n, \\ escaped; JSON is one array of objects; a table
 * is aligned, so it is written at the end, with an optional footer line
 * (and nothing at all when there are no rows).
 */
struct wd_out {
	enum wd_format fmt;
	const struct wd_col *cols;
	size_t ncols;
	wd_write_fn write;
	void *ctx;
	size_t rows;
	struct wd_buf line;
	char **cells;		/* table: kept until the end */
	size_t ncells, acells;
	unsigned char *marks;	/* table: rows to stand out, one per row */
	size_t amarks;
	int colour;		/* table: ANSI colour (the caller's choice) */
	int failed;
};

void wd_out_begin(struct wd_out *o, enum wd_format fmt,
		  const struct wd_col *cols, size_t ncols,
		  wd_write_fn write, void *ctx);
/* One row: ncols values, NULL for nothing. */
int wd_out_row(struct wd_out *o, const char *const *values);
/*
 * The row just written needs attention (an overdue action): with
 * colour, a table shows it in red; other formats carry it in a column.
 */
int wd_out_mark(struct wd_out *o);
/* Finish: the table itself, or JSON's closing bracket. */
int wd_out_end(struct wd_out *o, const char *footer);
void wd_out_release(struct wd_out *o);

/*
 * CSV injection (OWASP): a value that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or CR, after any number of
 * apostrophes) gets one apostrophe in front; wd_csv_unneutral() takes
 * exactly that one away again, so export and import round-trip.
 */
int wd_csv_neutral(struct wd_buf *b, const char *v);
const char *wd_csv_unneutral(const char *v);

/* Append v as one RFC 4180 field. */
int wd_csv_field(struct wd_buf *b, const char *v, char delim);

/* Append s as a JSON string, quotes included. */
int wd_json_string(struct wd_buf *b, const char *s);

#endif

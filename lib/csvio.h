/* csvio.h - CSV files in (through libcsv), with errors at FILE:ROW:COLUMN */
#ifndef WD_CSVIO_H
#define WD_CSVIO_H

#include <stddef.h>

#include "arena.h"
#include "error.h"

/*
 * A column an import knows: its key (the YAML key) and the header names
 * it goes by, English and Dutch ("name", "naam").  Headers are matched
 * ignoring case, spaces and punctuation ("E-mail" is "email").
 */
struct wd_csv_col {
	const char *key;
	const char *names[6];
	int required;
};

struct wd_csv_row {
	unsigned line;			/* the line the row starts on */
	const char **v;			/* per known column; NULL: empty or absent */
};

/*
 * A whole CSV file, read.  `col[i]` is the file column (1-based) of known
 * column i, 0 when the file does not have it.  Rows are numbered by the
 * line they start on, so the header is row 1 and, without line breaks
 * inside cells, row numbers are those a spreadsheet shows.
 */
struct wd_csv {
	const struct wd_csv_col *spec;
	size_t nspec;
	unsigned *col;
	struct wd_csv_row *rows;
	size_t nrows, arows;
	char delim;
	const char *name;
	struct wd_arena arena;
};

void wd_csv_init(struct wd_csv *c);
void wd_csv_release(struct wd_csv *c);

/*
 * Read `len` bytes of CSV named `name`.  UTF-8 with or without a BOM,
 * or windows-1252 when `encoding` says so; comma, semicolon or tab,
 * whichever the header uses most.  Fields are trimmed and formula
 * neutralisation (see wd_csv_neutral) is undone.  Any problem fails the
 * whole file with EX_DATAERR and FILE:ROW:COLUMN.
 */
int wd_csv_read(struct wd_csv *c, const char *data, size_t len,
		const char *name, const char *encoding,
		const struct wd_csv_col *spec, size_t nspec,
		struct wd_error *err);

/* An error at row `line`, known column `i` (its file column). */
int wd_csv_error(const struct wd_csv *c, struct wd_error *err, unsigned line,
		 size_t i, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Whether an encoding name is one wd_csv_read knows. */
int wd_csv_encoding_known(const char *encoding);

#endif

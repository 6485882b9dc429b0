/*
 * fuzz-csv.c - CSV import: any bytes, with the people and harvest columns
 *
 * Input: byte 0 picks the columns (people or harvest) and the encoding
 * (UTF-8, none given, windows-1252); the rest is the file.  Promised: no
 * crash, no leak; a failure is EX_DATAERR at a row and column inside the
 * file; every value read is non-empty valid UTF-8 without NUL; and what
 * was read, written as CSV again (wd_csv_field, formula neutralisation
 * and all) and read back, is exactly the same (the "exact re-import" of
 * wd-harvest list --format csv | wd-harvest import).
 *
 * The column sets are copies of the static ones in lib/harvest.c
 * (harvest_cols) and lib/invite.c (people_cols): keep them in step, or
 * add a new set to `specs` for a new import.
 */
#include "fuzz.h"

#include "csvio.h"
#include "out.h"
#include "utf8.h"

#include <string.h>

static const struct wd_csv_col harvest_cols[] = {
	{ "kind", { "kind", "soort" }, 1 },
	{ "text", { "text", "tekst" }, 1 },
	{ "by", { "by", "door", "van" }, 0 },
	{ "phase", { "phase", "fase", "ronde" }, 0 },
	{ "table", { "table", "tafel" }, 0 },
	{ "source", { "source", "bron" }, 0 },
	{ "tags", { "tags", "labels", "trefwoorden" }, 0 },
	{ "owner", { "owner", "eigenaar", "owners", "eigenaren" }, 0 },
	{ "due", { "due", "deadline", "uiterlijk" }, 0 },
	{ "status", { "status", "stand" }, 0 },
	{ "need", { "need", "nodig", "wat is nodig" }, 0 },
	{ "named", { "named", "naam noemen", "genoemd" }, 0 },
	{ "id", { "id" }, 0 },
	{ "dialogue", { "dialogue", "dialoog" }, 0 },
	{ "role", { "role", "rol" }, 0 },
	{ "created", { "created", "gemaakt" }, 0 },
};

static const struct wd_csv_col people_cols[] = {
	{ "id", { "id" }, 0 },
	{ "name", { "name", "naam", "volledige naam", "full name" }, 1 },
	{ "email", { "email", "e-mail", "e-mailadres", "mail",
		     "email address" }, 0 },
	{ "phone", { "phone", "telefoon", "telefoonnummer", "tel",
		     "mobiel", "telephone" }, 0 },
	{ "address", { "address", "adres" }, 0 },
	{ "role", { "role", "rol" }, 0 },
	{ "lang", { "lang", "taal", "language" }, 0 },
	{ "organisation", { "organisation", "organisatie",
			    "organization" }, 0 },
	{ "consent_contact", { "consent_contact", "toestemming_contact" }, 0 },
	{ "consent_named", { "consent_named", "toestemming_naam" }, 0 },
	{ "consent_photo", { "consent_photo", "toestemming_foto" }, 0 },
	{ "host", { "host", "gespreksbegeleider", "begeleider" }, 0 },
	{ "note", { "note", "opmerking", "opmerkingen", "notitie" }, 0 },
	{ "table", { "table", "tafel" }, 0 },
	{ "status", { "status" }, 0 },
	{ "rsvp", { "rsvp", "antwoord" }, 0 },
	{ "answered", { "answered", "beantwoord" }, 0 },
	{ "waiting", { "waiting", "wachtlijst" }, 0 },
	{ "attended", { "attended", "aanwezig" }, 0 },
	{ "from", { "from", "van" }, 0 },
};

static const struct {
	const struct wd_csv_col *cols;
	size_t n;
} specs[] = {
	{ people_cols, sizeof(people_cols) / sizeof(*people_cols) },
	{ harvest_cols, sizeof(harvest_cols) / sizeof(*harvest_cols) },
};
#define NSPECS (sizeof(specs) / sizeof(*specs))

static const char *const encodings[] = { "utf-8", NULL, "windows-1252" };

/* Lines end with LF, CRLF or a CR alone, as in wd_csv_read. */
static unsigned lines_of(const char *p, size_t n)
{
	unsigned lines = 1;
	size_t i;

	for (i = 0; i < n; i++)
		lines += p[i] == '\n' ||
			 (p[i] == '\r' && (i + 1 == n || p[i + 1] != '\n'));
	return lines;
}

static void check_values(const struct wd_csv *c)
{
	size_t i, j, bad;

	for (i = 0; i < c->nrows; i++)
		for (j = 0; j < c->nspec; j++) {
			const char *v = c->rows[i].v[j];

			if (!v)
				continue;
			FUZZ_CHECK(*v, "an empty value instead of none");
			FUZZ_CHECK(wd_utf8_check(v, strlen(v), &bad) == 0,
				   "row %zu column %zu: invalid UTF-8", i, j);
		}
}

/* Write what was read as CSV, as list --format csv writes it. */
static int write_again(const struct wd_csv *c, struct wd_buf *out)
{
	size_t i, j;

	for (j = 0; j < c->nspec; j++)
		if ((j && wd_buf_addc(out, ',') < 0) ||
		    wd_csv_field(out, c->spec[j].key, ',') < 0)
			return -1;
	if (wd_buf_adds(out, "\r\n") < 0)
		return -1;
	for (i = 0; i < c->nrows; i++) {
		for (j = 0; j < c->nspec; j++) {
			const char *v = c->rows[i].v[j];

			if ((j && wd_buf_addc(out, ',') < 0) ||
			    wd_csv_field(out, v ? v : "", ',') < 0)
				return -1;
		}
		if (wd_buf_adds(out, "\r\n") < 0)
			return -1;
	}
	return 0;
}

static int same_value(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static void check_round_trip(const struct wd_csv *c)
{
	struct wd_buf out = WD_BUF_INIT(0);
	struct wd_csv again;
	struct wd_error e;
	size_t i, j;

	if (write_again(c, &out) < 0) {
		wd_buf_release(&out);
		return;
	}
	wd_csv_init(&again);
	FUZZ_CHECK(wd_csv_read(&again, out.ptr, out.len, "again.csv", NULL,
			       c->spec, c->nspec, &e) == 0,
		   "what was read does not read again: %u:%u %s\n%s", e.line,
		   e.col, e.msg, out.ptr);
	FUZZ_CHECK(again.nrows == c->nrows, "%zu rows, was %zu", again.nrows,
		   c->nrows);
	for (i = 0; i < c->nrows; i++)
		for (j = 0; j < c->nspec; j++)
			FUZZ_CHECK(same_value(c->rows[i].v[j], again.rows[i].v[j]),
				   "row %zu column '%s': '%s' came back as '%s'",
				   i, c->spec[j].key,
				   c->rows[i].v[j] ? c->rows[i].v[j] : "(none)",
				   again.rows[i].v[j] ? again.rows[i].v[j] : "(none)");
	wd_csv_release(&again);
	wd_buf_release(&out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data + 1;
	struct wd_csv c;
	struct wd_error e;
	size_t spec, i;
	const char *enc;

	if (!size)
		return 0;
	spec = data[0] % NSPECS;
	enc = encodings[(data[0] / NSPECS) % 3];
	wd_csv_init(&c);
	wd_error_clear(&e);
	if (wd_csv_read(&c, text, size - 1, "fuzz.csv", enc, specs[spec].cols,
			specs[spec].n, &e) < 0) {
		FUZZ_CHECK(e.code == EX_DATAERR, "code %d: %s", e.code, e.msg);
		FUZZ_CHECK(e.line >= 1 && e.col >= 1, "at %u:%u: %s", e.line,
			   e.col, e.msg);
		/* windows-1252 may make a byte three: lines are as many */
		FUZZ_CHECK(e.line <= lines_of(text, size - 1), "line %u: %s",
			   e.line, e.msg);
		wd_csv_release(&c);
		return 0;
	}
	for (i = 0; i < c.nrows; i++)
		FUZZ_CHECK(c.rows[i].line >= 2 &&
			   c.rows[i].line <= lines_of(text, size - 1),
			   "row on line %u", c.rows[i].line);
	check_values(&c);
	check_round_trip(&c);
	wd_csv_release(&c);
	return 0;
}

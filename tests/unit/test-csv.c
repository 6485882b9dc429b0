/* test-csv.c - CSV in and out */
#include "csvio.h"
#include "out.h"
#include "tap.h"

#include <stdio.h>
#include <string.h>

static const struct wd_csv_col people[] = {
	{ "name", { "name", "naam" }, 1 },
	{ "email", { "email", "e-mail", "e-mailadres" }, 0 },
	{ "role", { "role", "rol" }, 0 },
};

static int collect(void *ctx, const char *p, size_t n)
{
	return wd_buf_add(ctx, p, n);
}

static void read_bad(const char *text, const char *enc, unsigned line,
		     unsigned col, const char *words, const char *what)
{
	struct wd_csv c;
	struct wd_error e;
	int r;

	wd_csv_init(&c);
	wd_error_clear(&e);
	r = wd_csv_read(&c, text, strlen(text), "in.csv", enc, people, 3, &e);
	ok(r < 0 && e.line == line && e.col == col && strstr(e.msg, words) &&
	   e.code == EX_DATAERR, "%s: %u:%u %s", what, e.line, e.col, e.msg);
	wd_csv_release(&c);
}

void test_csv(void)
{
	struct wd_buf b = WD_BUF_INIT(0);
	struct wd_csv c;
	struct wd_error e;
	struct wd_out o;
	const char *t;
	static const struct wd_col cols[] = {
		{ "id", "Id", WD_COL_TEXT },
		{ "text", "Tekst", WD_COL_TEXT },
		{ "table", "Tafel", WD_COL_NUMBER },
		{ "tags", "Tags", WD_COL_LIST },
	};
	const char *row1[] = { "a1", "=SUM(A1)\nx, \"y\"", "2", "groen,eten" };
	const char *row2[] = { "b2", "Özlem", NULL, NULL };

	wd_csv_init(&c);
	t = "\xef\xbb\xbfNaam;E-mail;Rol\r\n\xc3\x96zlem Y\xc4\xb1ld\xc4\xb1z;oz@example.org;bewoner\r\n"
	    "\r\n\"Jan; de Vries\" ; ;\r\n'=1+1;;\r\n";
	ok(wd_csv_read(&c, t, strlen(t), "in.csv", NULL, people, 3, &e) == 0,
	   "a BOM, semicolons and Dutch headers read");
	ok(c.delim == ';' && c.nrows == 3, "three rows, semicolon found");
	is(c.rows[0].v[0], "Özlem Yıldız", "UTF-8 names come through");
	is(c.rows[0].v[2], "bewoner", "the role column");
	ok(c.rows[1].line == 4, "rows count file lines, blank ones too");
	is(c.rows[1].v[0], "Jan; de Vries", "a quoted delimiter stays, blanks trimmed");
	{
		struct wd_csv c2;
		const char *t2 = "sep=,\n,Naam,,E-mail\nx,Piet,y,\n;,,,\nz,,w,\n";

		wd_csv_init(&c2);
		ok(wd_csv_read(&c2, t2, strlen(t2), "in.csv", NULL, people, 3, &e) == 0 &&
		   c2.delim == ',' && c2.nrows == 1 && c2.rows[0].line == 3,
		   "sep=, is the delimiter; rows with nothing in the columns read are no rows");
		wd_csv_release(&c2);
	}
	ok(c.rows[1].v[1] == NULL, "an empty cell is NULL");
	is(c.rows[2].v[0], "=1+1", "formula neutralisation is undone");
	wd_csv_release(&c);

	wd_csv_init(&c);
	t = "name,email\nRen\xe9" "e,r@example.org\n";
	ok(wd_csv_read(&c, t, strlen(t), "in.csv", "windows-1252", people, 3, &e) == 0 &&
	   !strcmp(c.rows[0].v[0], "Renée"), "windows-1252 is converted");
	wd_csv_release(&c);
	wd_csv_init(&c);
	t = "name\nx \x80 y\n";
	ok(wd_csv_read(&c, t, strlen(t), "in.csv", "cp1252", people, 3, &e) == 0 &&
	   !strcmp(c.rows[0].v[0], "x \xe2\x82\xac y"), "0x80 is the euro sign");
	wd_csv_release(&c);

	read_bad("name,email\nRen\xe9" "e,r@example.org\n", NULL, 2, 1,
		 "not UTF-8", "windows-1252 read as UTF-8");
	read_bad("name\na\nb\nc\nd\ne\n\"f\ng\n", NULL, 7, 1, "quote is not closed",
		 "an unterminated quote on row 7");
	read_bad("name,email\na,b\"c\n", NULL, 2, 2, "stray quote",
		 "a stray quote inside a field");
	read_bad("naam,emial\n", NULL, 1, 2, "unknown column 'emial' (did you mean 'email'?)",
		 "an unknown column");
	read_bad("email\n", NULL, 1, 1, "no column 'name'", "no name column");
	read_bad("name,naam\n", NULL, 1, 2, "twice", "a column twice");
	read_bad("name\na,b\n", NULL, 2, 2, "2 fields, but the header has 1",
		 "a row longer than the header");
	read_bad("", NULL, 1, 1, "empty file", "an empty file");

	wd_buf_reset(&b);
	wd_csv_neutral(&b, "'=x");
	is(b.ptr, "''=x", "an apostrophe before a formula gets one more");
	is(wd_csv_unneutral("''=x"), "'=x", "and loses exactly one");
	is(wd_csv_unneutral("'plain"), "'plain", "an apostrophe before text stays");
	is(wd_csv_unneutral("-5"), "-5", "only neutralised values change");

	wd_buf_reset(&b);
	wd_out_begin(&o, WD_FMT_CSV, cols, 4, collect, &b);
	wd_out_row(&o, row1);
	wd_out_row(&o, row2);
	wd_out_end(&o, NULL);
	wd_out_release(&o);
	is(b.ptr, "id,text,table,tags\r\na1,\"'=SUM(A1)\nx, \"\"y\"\"\",2,\"groen,eten\"\r\n"
		  "b2,Özlem,,\r\n", "CSV is RFC 4180 with formulas neutralised");

	wd_csv_init(&c);
	{
		static const struct wd_csv_col spec[] = {
			{ "id", { "id" }, 1 }, { "text", { "text" }, 0 },
			{ "table", { "table" }, 0 }, { "tags", { "tags" }, 0 },
		};
		ok(wd_csv_read(&c, b.ptr, b.len, "x.csv", NULL, spec, 4, &e) == 0 &&
		   c.nrows == 2 && !strcmp(c.rows[0].v[1], "=SUM(A1)\nx, \"y\"") &&
		   !strcmp(c.rows[0].v[3], "groen,eten"),
		   "our CSV reads back to the same values");
	}
	wd_csv_release(&c);

	wd_buf_reset(&b);
	wd_out_begin(&o, WD_FMT_TSV, cols, 4, collect, &b);
	wd_out_row(&o, row1);
	wd_out_end(&o, NULL);
	wd_out_release(&o);
	is(b.ptr, "id\ttext\ttable\ttags\na1\t=SUM(A1)\\nx, \"y\"\t2\tgroen,eten\n",
	   "TSV escapes line breaks");

	wd_buf_reset(&b);
	wd_out_begin(&o, WD_FMT_JSON, cols, 4, collect, &b);
	wd_out_row(&o, row1);
	wd_out_row(&o, row2);
	wd_out_end(&o, NULL);
	wd_out_release(&o);
	is(b.ptr, "[\n  {\"id\": \"a1\", \"text\": \"=SUM(A1)\\nx, \\\"y\\\"\", \"table\": 2, "
		  "\"tags\": [\"groen\",\"eten\"]},\n  {\"id\": \"b2\", \"text\": \"Özlem\", "
		  "\"table\": null, \"tags\": []}\n]\n", "JSON is an array of objects");

	wd_buf_reset(&b);
	wd_out_begin(&o, WD_FMT_JSON, cols, 4, collect, &b);
	wd_out_end(&o, NULL);
	wd_out_release(&o);
	is(b.ptr, "[]\n", "no rows in JSON is an empty array");

	wd_buf_reset(&b);
	wd_out_begin(&o, WD_FMT_TABLE, cols, 4, collect, &b);
	wd_out_row(&o, row2);
	wd_out_row(&o, row1);
	wd_out_end(&o, "2 rijen");
	wd_out_release(&o);
	is(b.ptr, "Id  Tekst            Tafel  Tags\n"
		  "b2  Özlem\n"
		  "a1  =SUM(A1) x, \"y\"  2      groen,eten\n"
		  "\n2 rijen\n", "a table is aligned by characters, not bytes");
	wd_buf_release(&b);
}

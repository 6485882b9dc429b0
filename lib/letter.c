/* letter.c - printable letters: one self-contained HTML page per person, for A4 */
#include "letter.h"
#include "store.h"
#include "template.h"

#include <string.h>

const char wd_letter_style[] =
	":root{--ink:#1f2328;--muted:#575e66;--accent:#0b6e4f;--rule:#d5d9de;"
	"--paper:#fff}\n"
	"*{box-sizing:border-box}\n"
	"html{font-size:11pt}\n"
	"body{margin:0;background:#eef0f2;color:var(--ink);"
	"font-family:\"Segoe UI\",Roboto,\"Helvetica Neue\",Arial,\"Noto Sans\","
	"\"Liberation Sans\",sans-serif;line-height:1.5}\n"
	".sheet{width:210mm;min-height:297mm;margin:1.5rem auto;"
	"padding:20mm 22mm 20mm 25mm;background:var(--paper);"
	"box-shadow:0 1px 4px rgba(0,0,0,.15);position:relative}\n"
	".sender{text-align:right;color:var(--muted);font-size:.9rem;"
	"line-height:1.35}\n"
	".sender strong{color:var(--accent);font-size:1rem}\n"
	/* in the window of an envelope (DIN 5008 B: from 20 mm left, 45 mm down) */
	".address{position:absolute;left:25mm;top:50mm;width:85mm;min-height:30mm;"
	"font-size:1rem;line-height:1.35}\n"
	".date{margin-top:62mm;color:var(--muted)}\n"
	"h1{font-size:1.45rem;line-height:1.25;color:var(--accent);margin:1.2rem 0 1rem}\n"
	"p{margin:0 0 .8rem}\n"
	".when{margin:1.1rem 0;padding:.8rem 1rem;border-left:4px solid var(--accent);"
	"background:#f2f7f5}\n"
	".when dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem}\n"
	".when dt{font-weight:600}\n"
	".when dd{margin:0}\n"
	".question{font-size:1.1rem;font-style:italic;margin:1rem 0}\n"
	".signature{margin-top:1.4rem}\n"
	".footer{position:absolute;left:25mm;right:22mm;bottom:14mm;"
	"border-top:1px solid var(--rule);padding-top:.4rem;font-size:.8rem;"
	"color:var(--muted)}\n"
	"@page{size:A4;margin:0}\n"
	"@media print{body{background:#fff}"
	".sheet{margin:0;box-shadow:none;break-after:page}"
	"*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

static int add_clean(struct wd_buf *out, const char *s, size_t n)
{
	struct wd_buf b = WD_BUF_INIT(0);
	size_t i;
	int r;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (wd_buf_addc(&b, c < 0x20 || c == 0x7f ? ' ' : (char)c) < 0) {
			wd_buf_release(&b);
			return -1;
		}
	}
	r = wd_html_escape(out, wd_buf_str(&b));
	wd_buf_release(&b);
	return r;
}

int wd_html_lines(struct wd_buf *out, const char *s)
{
	const char *nl;

	while (s && *s) {
		nl = strchr(s, '\n');
		if (add_clean(out, s, nl ? (size_t)(nl - s) : strlen(s)) < 0)
			return -1;
		if (!nl)
			break;
		/* no break after the last line */
		if (nl[1] && wd_buf_adds(out, "<br>\n") < 0)
			return -1;
		s = nl + 1;
	}
	return 0;
}

int wd_html_address(struct wd_buf *out, const char *address)
{
	const char *p = address, *comma;

	if (!address || strchr(address, '\n'))
		return wd_html_lines(out, address);
	while ((comma = strchr(p, ','))) {
		if (add_clean(out, p, (size_t)(comma - p)) < 0 ||
		    wd_buf_adds(out, "<br>\n") < 0)
			return -1;
		for (p = comma + 1; *p == ' '; p++)
			;
	}
	return add_clean(out, p, strlen(p));
}

int wd_letter_folder(const char *dir, struct wd_error *err)
{
	if (wd_store_mkdir(dir, dir, 0700, err) < 0)
		return -1;
	wd_store_clean(dir);
	return 0;
}

int wd_letter_write(const char *path, const char *html, size_t len,
		    struct wd_error *err)
{
	return wd_store_write(path, path, html, len, 0600, err);
}

/* letter.h - printable letters: one self-contained HTML page per person, for A4 */
#ifndef WD_LETTER_H
#define WD_LETTER_H

#include <stddef.h>

#include "buf.h"
#include "error.h"

/*
 * The stylesheet a letter template gets as {{style}}: A4 pages with
 * margins for a window envelope (the address where a Dutch window
 * envelope shows it), system fonts, no external resources.
 */
extern const char wd_letter_style[];

/*
 * Append s for HTML: escaped (&, <, >, ", '), control characters as
 * spaces, line breaks as <br>.
 */
int wd_html_lines(struct wd_buf *out, const char *s);

/*
 * A postal address as lines for the envelope window, escaped as
 * wd_html_lines does: as written when it has line breaks, else broken
 * after each comma ("Kanaalstraat 40, 3531 CJ Utrecht").
 */
int wd_html_address(struct wd_buf *out, const char *address);

/*
 * Ready the folder `dir` for letters: made when missing (mode 0700, not
 * its parents), and cleared of the temporary files a killed writer left
 * in it.  Call it once before writing letters there, holding the
 * workspace lock.
 */
int wd_letter_folder(const char *dir, struct wd_error *err);

/* Write a letter to `path` atomically, mode 0600 (it holds an address). */
int wd_letter_write(const char *path, const char *html, size_t len,
		    struct wd_error *err);

#endif

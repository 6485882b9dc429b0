/* utf8.h - UTF-8 decoding, validation and folding to plain letters */
#ifndef WD_UTF8_H
#define WD_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "error.h"

/* Decode one character; returns its length (1-4), 0 when invalid. */
int wd_utf8_next(const char *s, size_t len, uint32_t *cp);

/* 0 when all of s is valid UTF-8, else -1 with *bad at the first bad byte. */
int wd_utf8_check(const char *s, size_t len, size_t *bad);

/* Number of characters (code points) in valid UTF-8. */
size_t wd_utf8_count(const char *s, size_t len);

/* Columns a valid UTF-8 string takes in a terminal (combining marks: 0). */
size_t wd_utf8_width(const char *s);

/* Append the UTF-8 encoding of cp. */
int wd_utf8_put(struct wd_buf *b, uint32_t cp);

/*
 * Lowercase ASCII for a letter or digit, diacritics removed ("Ö" -> "o",
 * "ß" -> "ss", "ı" -> "i"); "" for a combining mark; NULL for anything
 * else (punctuation, space, scripts we do not transliterate).
 */
const char *wd_fold_cp(uint32_t cp);

/*
 * Append s folded for comparison: letters and digits as wd_fold_cp gives
 * them, every run of anything else as one space, trimmed.  "  Özlem
 * YILDIZ " -> "ozlem yildiz".
 */
int wd_utf8_fold(struct wd_buf *out, const char *s);

/*
 * Whether text a user gave can be kept in a file: valid UTF-8, no NUL
 * or other control character but tab and line breaks (none at all with
 * `one_line`).  0, or -1 with EX_DATAERR naming `what` ("--title").
 * The files would not load otherwise: check this before writing.
 */
int wd_text_check(const char *s, int one_line, const char *what,
		  struct wd_error *err);

/* Whether an e-mail address looks like one (one @, no blanks). */
int wd_email_valid(const char *s);

#endif

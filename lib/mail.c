/* mail.c - one e-mail message as MIME (through GMime) */
#include "mail.h"
#include "i18n.h"
#include "timefmt.h"
#include "utf8.h"

#include <gmime/gmime.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int wd_mail_line(struct wd_buf *out, const char *s)
{
	size_t len = s ? strlen(s) : 0, i = 0, start = out->len, n;
	uint32_t cp;

	while (i < len) {
		n = (size_t)wd_utf8_next(s + i, len - i, &cp);
		if (!n) {
			/* not UTF-8: the replacement character */
			if (wd_utf8_put(out, 0xfffd) < 0)
				return -1;
			i++;
			continue;
		}
		if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || cp == 0x2028 ||
		    cp == 0x2029) {
			if (wd_buf_addc(out, ' ') < 0)
				return -1;
		} else if (wd_buf_add(out, s + i, n) < 0) {
			return -1;
		}
		i += n;
	}
	/* no blanks at either end */
	while (out->len > start && out->ptr[out->len - 1] == ' ')
		wd_buf_truncate(out, out->len - 1);
	for (n = start; n < out->len && out->ptr[n] == ' '; n++)
		;
	if (n > start)
		return wd_buf_splice(out, start, n - start, "", 0);
	return 0;
}


/* --- GMime, only here --- */

static int started;

struct msg {
	GMimeMessage *m;
	struct wd_buf line;
	int failed;
};

/*
 * Text with "=?" in it as RFC 2047 encoded-words of our own: GMime
 * leaves ASCII as it is, and a mail program would decode a name such as
 * "=?UTF-8?B?QmNjOiB4QGV4YW1wbGUub3Jn?=" and show "Bcc: x@example.org".
 * Encoded, it shows as written.  Words of at most 45 bytes (75
 * characters encoded), cut between characters.
 */
static int encode_words(struct wd_buf *out, const char *s)
{
	size_t len = strlen(s), at = 0;

	while (at < len) {
		size_t n = len - at > 45 ? 45 : len - at;
		gchar *b64;
		int r;

		while (n > 1 && at + n < len &&
		       ((unsigned char)s[at + n] & 0xc0) == 0x80)
			n--;	/* not inside a character */
		b64 = g_base64_encode((const guchar *)s + at, n);
		if (!b64)
			return -1;
		r = wd_buf_addf(out, "%s=?UTF-8?B?%s?=", at ? " " : "", b64);
		g_free(b64);
		if (r < 0)
			return -1;
		at += n;
	}
	return 0;
}

static const char *header_line(struct msg *x, const char *s)
{
	struct wd_buf enc = WD_BUF_INIT(0);

	wd_buf_reset(&x->line);
	if (wd_mail_line(&x->line, s) < 0)
		goto fail;
	if (!strstr(wd_buf_str(&x->line), "=?"))
		return wd_buf_str(&x->line);
	if (encode_words(&enc, wd_buf_str(&x->line)) < 0)
		goto fail;
	wd_buf_reset(&x->line);
	if (wd_buf_add(&x->line, enc.ptr, enc.len) < 0)
		goto fail;
	wd_buf_release(&enc);
	return wd_buf_str(&x->line);
fail:
	wd_buf_release(&enc);
	x->failed = 1;
	return "";
}

static void mailbox(struct msg *x, GMimeAddressType type, const char *name,
		    const char *addr)
{
	InternetAddress *ia;

	ia = internet_address_mailbox_new(header_line(x, name), addr);
	if (!ia) {
		x->failed = 1;
		return;
	}
	/* names are encoded in UTF-8, not in the smallest charset that fits */
	internet_address_set_charset(ia, "utf-8");
	internet_address_list_add(g_mime_message_get_addresses(x->m, type), ia);
	g_object_unref(ia);
}

/* A text part: UTF-8 as it is, in the given transfer encoding. */
static GMimeObject *text_part(const char *subtype, const char *text,
			      GMimeContentEncoding enc)
{
	GMimeTextPart *t = g_mime_text_part_new_with_subtype(subtype);
	GMimeStream *s;
	GMimeDataWrapper *w;

	s = g_mime_stream_mem_new_with_buffer(text, strlen(text));
	w = g_mime_data_wrapper_new_with_stream(s, GMIME_CONTENT_ENCODING_DEFAULT);
	g_mime_part_set_content(GMIME_PART(t), w);
	g_object_unref(w);
	g_object_unref(s);
	g_mime_object_set_content_type_parameter(GMIME_OBJECT(t), "charset",
						 "utf-8");
	g_mime_part_set_content_encoding(GMIME_PART(t), enc);
	return GMIME_OBJECT(t);
}

/*
 * A boundary of its own for every message, from its Message-ID: "=-"
 * cannot occur in quoted-printable or base64, so it is never content.
 */
static void boundary(GMimeMultipart *mp, const char *id)
{
	unsigned long h = 5381;
	char b[40];

	for (; *id; id++)
		h = (h * 33) ^ (unsigned char)*id;
	snprintf(b, sizeof(b), "=-wd-%016lx", h);
	g_mime_multipart_set_boundary(mp, b);
}

static GMimeObject *body(const struct wd_mail *m)
{
	GMimeObject *text, *cal;
	GMimeMultipart *alt;

	text = text_part("plain", m->text ? m->text : "",
			 GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	if (!m->calendar)
		return text;
	cal = text_part("calendar", m->calendar, GMIME_CONTENT_ENCODING_BASE64);
	g_mime_object_set_content_type_parameter(cal, "method", "REQUEST");
	alt = g_mime_multipart_new_with_subtype("alternative");
	boundary(alt, m->message_id);
	g_mime_multipart_add(alt, text);
	g_mime_multipart_add(alt, cal);
	g_object_unref(text);
	g_object_unref(cal);
	return GMIME_OBJECT(alt);
}

static void headers(struct msg *x, const struct wd_mail *m)
{
	struct wd_buf date = WD_BUF_INIT(0);

	mailbox(x, GMIME_ADDRESS_TYPE_FROM, m->from_name, m->from_email);
	mailbox(x, GMIME_ADDRESS_TYPE_TO, m->to_name, m->to_email);
	g_mime_message_set_subject(x->m, header_line(x, m->subject), "utf-8");
	if (wd_time_mail(&date, m->date) < 0)
		x->failed = 1;
	else
		g_mime_object_set_header(GMIME_OBJECT(x->m), "Date", date.ptr,
					 NULL);
	g_mime_message_set_message_id(x->m, m->message_id);
	if (m->auto_submitted)
		g_mime_object_append_header(GMIME_OBJECT(x->m), "Auto-Submitted",
					    "auto-generated", NULL);
	wd_buf_release(&date);
}

int wd_mail_render(struct wd_buf *out, const struct wd_mail *m,
		   struct wd_error *err)
{
	struct msg x;
	GMimeObject *part;
	char *s;
	int ret = -1;

	if (!m->from_email || !wd_email_valid(m->from_email) ||
	    !m->to_email || !wd_email_valid(m->to_email))
		return wd_error_set(err, EX_DATAERR,
				    _("not an e-mail address: '%s'"),
				    m->to_email && wd_email_valid(m->to_email) ?
				    (m->from_email ? m->from_email : "") :
				    (m->to_email ? m->to_email : ""));
	/* once: GMime cannot be started again after g_mime_shutdown() */
	if (!started) {
		g_mime_init();
		started = 1;
	}
	memset(&x, 0, sizeof(x));
	wd_buf_init(&x.line, 0);
	x.m = g_mime_message_new(FALSE);
	headers(&x, m);
	part = body(m);
	g_mime_message_set_mime_part(x.m, part);
	g_object_unref(part);
	s = x.failed ? NULL : g_mime_object_to_string(GMIME_OBJECT(x.m), NULL);
	if (!s || wd_buf_adds(out, s) < 0)
		wd_error_oom(err);
	else
		ret = 0;
	g_free(s);
	g_object_unref(x.m);
	wd_buf_release(&x.line);
	return ret;
}

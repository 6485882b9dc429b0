/* test-mail.c - MIME messages, header lines, mbox delivery, letter values */
#include "letter.h"
#include "mail.h"
#include "outbox.h"
#include "send.h"
#include "tap.h"
#include "yaml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Whether a header line starting with `name` is in the header of `msg`. */
static int has_header(const char *msg, const char *name)
{
	const char *p = msg, *end = strstr(msg, "\n\n");
	size_t n = strlen(name);

	while (p && (!end || p < end)) {
		if (!strncmp(p, name, n))
			return 1;
		p = strchr(p, '\n');
		if (p)
			p++;
	}
	return 0;
}

static void test_line(void)
{
	struct wd_buf b = WD_BUF_INIT(0);

	wd_mail_line(&b, "  Evil\r\nBcc: x@example.org\t ");
	is(b.ptr, "Evil  Bcc: x@example.org", "CR, LF and tabs become spaces, the ends are trimmed");
	wd_buf_reset(&b);
	wd_mail_line(&b, "a\xc2\x85" "b\xe2\x80\xa8" "c\x7f" "d");
	is(b.ptr, "a b c d", "NEL, LINE SEPARATOR and DEL too");
	wd_buf_reset(&b);
	wd_mail_line(&b, "\xc3\x96zlem \xff");
	is(b.ptr, "\xc3\x96zlem \xef\xbf\xbd", "UTF-8 stays, a bad byte is U+FFFD");
	wd_buf_release(&b);
}

static void test_render(void)
{
	struct wd_buf b = WD_BUF_INIT(0);
	struct wd_mail m;
	struct wd_error e;

	setenv("TZ", "Europe/Amsterdam", 1);
	tzset();
	memset(&m, 0, sizeof(m));
	m.from_name = "Buurtteam\nCc: c@example.org";
	m.from_email = "team@example.org";
	m.to_name = "Evil\r\nBcc: x@example.org";
	m.to_email = "evil@example.org";
	m.subject = "Hallo\r\nBcc: y@example.org\r\n\r\nbody";
	m.text = "Beste Evil,\n";
	m.calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
	m.message_id = "invite.evil.oost.ws@example.org";
	m.date = 1797100200;	/* 2026-12-12T18:30:00Z */
	ok(wd_mail_render(&b, &m, &e) == 0, "a message renders");
	ok(!has_header(b.ptr, "Bcc:") && !has_header(b.ptr, "Cc:"),
	   "no Bcc or Cc header from a name or subject with CR/LF");
	ok(strstr(b.ptr, "\nTo: \"Evil  Bcc: x@example.org\" <evil@example.org>\n") != NULL,
	   "the name is one quoted line");
	ok(strstr(b.ptr, "\nSubject: Hallo  Bcc: y@example.org    body\n") != NULL,
	   "the subject is one line");
	ok(strstr(b.ptr, "\nDate: Sat, 12 Dec 2026 19:30:00 +0100\n") != NULL,
	   "Date in RFC 5322 form, in the local zone");
	ok(strstr(b.ptr, "\nMessage-Id: <invite.evil.oost.ws@example.org>\n") != NULL,
	   "the Message-ID as given");
	ok(strstr(b.ptr, "text/calendar; charset=utf-8; method=REQUEST") != NULL &&
	   strstr(b.ptr, "multipart/alternative") != NULL,
	   "text and calendar as multipart/alternative");
	ok(!has_header(b.ptr, "Auto-Submitted:"), "no Auto-Submitted unless asked");
	wd_buf_reset(&b);
	m.to_name = "\xc3\x96zlem Y\xc4\xb1ld\xc4\xb1z";
	m.calendar = NULL;
	m.auto_submitted = 1;
	ok(wd_mail_render(&b, &m, &e) == 0 &&
	   strstr(b.ptr, "\nTo: =?UTF-8?b?w5Z6bGVtIFnEsWxkxLF6?= <evil@example.org>\n") &&
	   !strstr(b.ptr, "multipart") &&
	   has_header(b.ptr, "Auto-Submitted: auto-generated"),
	   "a name in UTF-8 is RFC 2047-encoded; text alone without calendar");
	wd_buf_reset(&b);
	m.to_email = "evil@example.org\nBcc: z@example.org";
	ok(wd_mail_render(&b, &m, &e) < 0 && e.code == 65 && !b.len,
	   "an address that is not one is refused");
	wd_buf_release(&b);
	setenv("TZ", "UTC", 1);
	tzset();
}

/* Parse `text` into `d` (which takes a copy). */
static int parse(struct wd_ydoc *d, const char *name, const char *text)
{
	struct wd_error e;
	size_t n = strlen(text);
	char *src = malloc(n + 1);

	if (!src)
		return -1;
	memcpy(src, text, n + 1);
	return wd_ydoc_parse(d, name, src, n, NULL, &e);
}

static int put_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	int r;

	if (!f)
		return -1;
	r = fputs(text, f) < 0 ? -1 : 0;
	return fclose(f) != 0 ? -1 : r;
}

/*
 * The whole way from a person to a message, past the checks of the
 * files (which refuse a name of two lines): a person named
 * "Evil\r\nBcc: x@example.org", a sender and a venue like it, and a
 * template that puts them in the subject, still give no header of
 * their own.
 */
static void test_send_evil(void)
{
	static const char evil[] = "Evil\r\nBcc: x@example.org";
	char root[] = "/tmp/wd-test-send-XXXXXX";
	struct wd_buf path = WD_BUF_INIT(0);
	struct wd_send_opts so;
	struct wd_sending s;
	struct wd_roster r;
	struct wd_diag diag;
	struct wd_error e;
	struct wd_ws ws;
	const char *msg, *from;
	int made;

	wd_ws_init(&ws);
	wd_roster_init(&r);
	wd_sending_init(&s);
	made = mkdtemp(root) != NULL;
	if (made) {
		wd_buf_addf(&path, "%s/templates", root);
		made = mkdir(path.ptr, 0700) == 0;
		wd_buf_adds(&path, "/nl");
		made = made && mkdir(path.ptr, 0700) == 0;
		wd_buf_adds(&path, "/invite.txt");
		made = made && put_file(path.ptr,
			"Subject: {{venue}} {{name}}\n\nBeste {{name}},\n") == 0;
	}
	ws.root = strdup(root);
	ws.set.name = "Test";
	ws.set.timezone = "Europe/Amsterdam";
	ws.set.sender_name = "Team\r\nCc: c@example.org";
	ws.set.sender_email = "team@example.org";
	ws.now = 1797100200 - 20 * 86400;	/* 20 days before */
	r.ws = &ws;
	r.dialogue = strdup("oost");
	wd_diag_init(&diag, &e, NULL);
	made = made && ws.root && r.dialogue &&
	       parse(&r.dl.doc, "dialogue.yaml",
		     "title: Oost\nstart: 2026-12-12T19:30:00+01:00\n"
		     "venue: \"De Boog\\r\\nBcc: v@example.org\"\n") == 0 &&
	       parse(&r.pp.doc, "people.yaml",
		     "people:\n- id: evil\n  name: Evil\n"
		     "  consent: {contact: 2026-11-01}\n") == 0 &&
	       parse(&r.cc.doc, "contacts.yaml",
		     "contacts:\n  evil:\n    email: evil@example.org\n") == 0;
	if (made) {
		wd_dialogue_read(&r.dl, &ws, &diag);
		r.dl.id = strdup("oost");
		made = !diag.count && r.dl.id &&
		       wd_people_reread(&r.pp, &e) == 0 && r.pp.n == 1 &&
		       wd_contacts_reread(&r.cc, &e) == 0;
	}
	ok(made, "a workspace in memory, with a template in its templates/");
	if (made) {
		r.pp.v[0].name = evil;	/* as no file can hold it */
		memset(&so, 0, sizeof(so));
		so.purpose = WD_PURPOSE_INVITE;
		so.channel = WD_CHANNEL_EMAIL;
		made = wd_send_plan(&s, &r, &so, &e) == 0 && s.n == 1 &&
		       s.v[0].why == WD_SEND_GO && s.v[0].msg.len;
		ok(made, "the message to them is made");
	}
	msg = made ? wd_buf_str(&s.v[0].msg) : "";
	ok(made && !has_header(msg, "Bcc:") && !has_header(msg, "Cc:") &&
	   !strstr(msg, "\r"), "no Bcc or Cc header, no CR");
	ok(made && strstr(msg, "\nTo: \"Evil  Bcc: x@example.org\" <evil@example.org>\n"),
	   "the name is one quoted line of To");
	from = "From: \"Team  Cc: c@example.org\" <team@example.org>\n";
	ok(made && !strncmp(msg, from, strlen(from)), "so is the sender's in From");
	ok(made && strstr(msg, "\nSubject: De Boog  Bcc: v@example.org Evil  Bcc: x@example.org\n"),
	   "the subject is one line");
	ok(made && strstr(msg, "\nMessage-Id: <invite.evil.oost.test@example.org>\n"),
	   "the Message-ID: purpose, person, dialogue, workspace");
	wd_sending_release(&s);
	wd_roster_release(&r);
	wd_ws_release(&ws);
	if (path.len) {
		unlink(path.ptr);
		wd_buf_truncate(&path, path.len - strlen("/invite.txt"));
		rmdir(path.ptr);
		wd_buf_truncate(&path, path.len - strlen("/nl"));
		rmdir(path.ptr);
	}
	rmdir(root);
	wd_buf_release(&path);
}

static void test_mbox(void)
{
	char path[] = "/tmp/wd-test-mbox-XXXXXX";
	struct wd_outbox o;
	struct wd_error e;
	const char *msg = "Subject: x\n\nFrom here\n>From there\nFromage\nno end";
	char got[512];
	size_t n;
	FILE *f;
	int fd = mkstemp(path);

	if (fd < 0 || write(fd, "old", 3) != 3) {
		ok(0, "a temporary mbox");
		return;
	}
	close(fd);
	wd_outbox_init(&o, WD_OUTBOX_MBOX, path, 1797100200);
	ok(wd_outbox_put(&o, "team@example.org", msg, strlen(msg), &e) == 0 &&
	   o.count == 1, "a message is appended to an mbox");
	f = fopen(path, "r");
	n = f ? fread(got, 1, sizeof(got) - 1, f) : 0;
	got[n] = '\0';
	if (f)
		fclose(f);
	is(got, "old\n\nFrom team@example.org Sat Dec 12 18:30:00 2026\n"
	   "Subject: x\n\n>From here\n>>From there\nFromage\nno end\n\n",
	   "a blank line before the From_ line, >From quoting, a line end and a blank line after");
	unlink(path);
	wd_outbox_init(&o, WD_OUTBOX_MBOX, "/nonexistent/dir/mbox", 0);
	ok(wd_outbox_put(&o, "team@example.org", msg, strlen(msg), &e) < 0 &&
	   e.code == 73, "an mbox that cannot be made: EX_CANTCREAT");
}

static void test_html(void)
{
	struct wd_buf b = WD_BUF_INIT(0);

	wd_html_lines(&b, "a & <b>\nc\x01\n");
	is(b.ptr, "a &amp; &lt;b&gt;<br>\nc ", "escaped, control characters as spaces, line breaks as <br>");
	wd_buf_reset(&b);
	wd_html_address(&b, "Kanaalstraat 40,  3531 CJ Utrecht");
	is(b.ptr, "Kanaalstraat 40<br>\n3531 CJ Utrecht", "an address on one line is broken after commas");
	wd_buf_reset(&b);
	wd_html_address(&b, "Flat 2, Straat 1\n1234 AB <Stad>");
	is(b.ptr, "Flat 2, Straat 1<br>\n1234 AB &lt;Stad&gt;", "one with line breaks keeps them");
	wd_buf_release(&b);
}

void test_mail(void)
{
	test_line();
	test_render();
	test_send_evil();
	test_mbox();
	test_html();
}

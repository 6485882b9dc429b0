/* send.c - invitations and reminders: who gets one, the messages, and recording what went out */
#include "send.h"
#include "i18n.h"
#include "ics.h"
#include "letter.h"
#include "mail.h"
#include "template.h"
#include "utf8.h"
#include "yedit.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define TEMPLATE_MAX ((size_t)1 << 20)

enum {
	V_NAME, V_TITLE, V_THEME, V_QUESTION, V_DATE, V_TIME, V_END_TIME,
	V_WHEN, V_IN_DAYS, V_VENUE, V_PLACE, V_WHERE, V_HOSTS, V_ORGANISATION,
	V_SENDER, V_SENDER_EMAIL, V_DIALOGUE, V_ADDRESS, V_TODAY,
	V_STYLE,		/* letters only: the last */
	NVARS
};

const char *const wd_send_placeholders[NVARS + 1] = {
	"name", "title", "theme", "question", "date", "time", "end_time",
	"when", "in_days", "venue", "place", "where", "hosts", "organisation",
	"sender", "sender_email", "dialogue", "address", "today", "style",
	NULL,
};

void wd_sending_init(struct wd_sending *s)
{
	memset(s, 0, sizeof(*s));
	wd_buf_init(&s->tpl[0], 0);
	wd_buf_init(&s->tpl[1], 0);
}

static void item_release(struct wd_send_item *it)
{
	free(it->id);
	free(it->name);
	free(it->to);
	free(it->since);
	free(it->msgid);
	wd_buf_release(&it->msg);
}

void wd_sending_release(struct wd_sending *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		item_release(&s->v[i]);
	free(s->v);
	wd_buf_release(&s->tpl[0]);
	wd_buf_release(&s->tpl[1]);
	free(s->tpl_name[0]);
	free(s->tpl_name[1]);
	wd_sending_init(s);
}

static int is_en(const char *lang)
{
	return lang && !strcmp(lang, "en");
}

/* The language of what a person gets: theirs, else the dialogue's. */
static const char *lang_of(const struct wd_sending *s,
			   const struct wd_person *p)
{
	if (p->lang)
		return p->lang;
	if (s->r->dl.lang)
		return s->r->dl.lang;
	return s->r->ws->set.lang ? s->r->ws->set.lang : "nl";
}

/* Whole days from the day of `from` to the day of `to`. */
static long day_diff(int64_t from, int64_t to)
{
	int64_t d = wd_day_start(to) - wd_day_start(from);

	/* rounded: a day with a DST change has 23 or 25 hours */
	return (long)(d >= 0 ? (d + 43200) / 86400 : -((-d + 43200) / 86400));
}

/* --- templates --- */

static const char *tpl_file(const struct wd_sending *s)
{
	int remind = s->o.purpose == WD_PURPOSE_REMIND;

	if (s->o.channel == WD_CHANNEL_LETTER)
		return remind ? "reminder-letter.html" : "letter.html";
	return remind ? "reminder.txt" : "invite.txt";
}

/* How messages name a template: in the workspace relative to it. */
static char *tpl_display(const struct wd_ws *ws, const char *path)
{
	size_t n = strlen(ws->root);

	if (!strncmp(path, ws->root, n) && path[n] == '/')
		return strdup(path + n + 1);
	return strdup(path);
}

static int load_tpl(struct wd_sending *s, int en, struct wd_error *err)
{
	const struct wd_ws *ws = s->r->ws;
	struct wd_buf rel = WD_BUF_INIT(0), share = WD_BUF_INIT(0);
	struct wd_buf path = WD_BUF_INIT(0);
	char *data = NULL, *w;
	size_t len = 0, bad, i;
	unsigned line = 1, col = 1;
	int ret = -1;

	if (s->tpl_name[en])
		return 0;
	if (wd_buf_addf(&rel, "%s/%s", en ? "en" : "nl", tpl_file(s)) < 0 ||
	    wd_buf_addf(&share, "%s/templates", ws->share ? ws->share : ".") < 0)
		goto oom;
	/* the workspace's templates/<lang>/<file>, else share/wd/templates/... */
	if (wd_ws_shared(ws, share.ptr, rel.ptr, &path, err) < 0)
		goto out;
	if (!(s->tpl_name[en] = tpl_display(ws, path.ptr)))
		goto oom;
	if (wd_read_file(path.ptr, s->tpl_name[en], TEMPLATE_MAX, &data, &len,
			 err) < 0)
		goto out;
	if (wd_utf8_check(data, len, &bad) < 0) {
		for (i = 0; i < bad; i++) {
			line += data[i] == '\n';
			col = data[i] == '\n' ? 1 : col + 1;
		}
		wd_error_at(err, EX_DATAERR, s->tpl_name[en], line, col, "%s",
			    _("not UTF-8: save the template as UTF-8"));
		goto out;
	}
	/* CRLF as LF; nothing else changes, so lines stay where they were */
	for (i = 0, w = data; i < len; i++)
		if (!(data[i] == '\r' && i + 1 < len && data[i + 1] == '\n'))
			*w++ = data[i];
	if (wd_buf_add(&s->tpl[en], data, (size_t)(w - data)) < 0)
		goto oom;
	ret = 0;
	goto out;
oom:
	wd_error_oom(err);
out:
	if (ret < 0) {
		/* not loaded: the next person does not find it half there */
		free(s->tpl_name[en]);
		s->tpl_name[en] = NULL;
		wd_buf_reset(&s->tpl[en]);
	}
	free(data);
	wd_buf_release(&rel);
	wd_buf_release(&share);
	wd_buf_release(&path);
	return ret;
}

/* Render part of a template that starts on line `line` of it. */
static int render(struct wd_buf *out, const char *t, size_t len,
		  unsigned line, const char *name, const struct wd_tvars *vars,
		  struct wd_error *err)
{
	if (wd_template_render(out, t, len, name, vars, NULL, err) == 0)
		return 0;
	if (err->line)
		err->line += line - 1;
	return -1;
}

/*
 * A mail template: '#' comment lines, "Subject: ...", an empty line,
 * the body.  The subject and the body into `subject` and `body`.
 */
static int render_mail_tpl(const struct wd_buf *tpl, const char *name,
			   const struct wd_tvars *vars, struct wd_buf *subject,
			   struct wd_buf *body, struct wd_error *err)
{
	const char *p = tpl->ptr ? tpl->ptr : "", *end = p + tpl->len, *nl;
	static const char key[] = "Subject:";
	unsigned line = 1;

	while (p < end && *p == '#') {
		nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
		line++;
	}
	if ((size_t)(end - p) < sizeof(key) - 1 ||
	    strncasecmp(p, key, sizeof(key) - 1))
		return wd_error_at(err, EX_DATAERR, name, line, 1, "%s",
				   _("a mail template starts with a line 'Subject: ...' (after '#' comment lines)"));
	nl = memchr(p, '\n', (size_t)(end - p));
	if (!nl)
		nl = end;
	wd_buf_reset(subject);
	if (render(subject, p, (size_t)(nl - p), line, name, vars, err) < 0)
		return -1;
	/* the rendered line starts with "Subject:" too: drop it */
	if (wd_buf_splice(subject, 0, sizeof(key) - 1, "", 0) < 0)
		return wd_error_oom(err);
	p = nl < end ? nl + 1 : end;
	line++;
	if (p < end && *p == '\n') {
		p++;
		line++;
	}
	wd_buf_reset(body);
	return render(body, p, (size_t)(end - p), line, name, vars, err);
}

/* --- the values of the placeholders --- */

struct vals {
	struct wd_buf b[NVARS];
	const char *v[NVARS];
	int html;
};

static void vals_init(struct vals *x, int html)
{
	size_t i;

	for (i = 0; i < NVARS; i++) {
		wd_buf_init(&x->b[i], 0);
		x->v[i] = NULL;
	}
	x->html = html;
}

static void vals_release(struct vals *x)
{
	size_t i;

	for (i = 0; i < NVARS; i++)
		wd_buf_release(&x->b[i]);
}

/* Text for a text template: control characters but line ends and tabs as spaces. */
static int text_value(struct wd_buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		char put = (c < 0x20 && c != '\n' && c != '\t') || c == 0x7f ?
			   ' ' : *s;

		if (wd_buf_addc(b, put) < 0)
			return -1;
	}
	return 0;
}

/* Set value i to s (NULL: none), escaped for HTML when the letter is. */
static int set(struct vals *x, int i, const char *s)
{
	struct wd_buf *b = &x->b[i];
	int r;

	wd_buf_reset(b);
	x->v[i] = NULL;
	if (!s)
		return 0;
	if (!x->html)
		r = text_value(b, s);
	else if (i == V_ADDRESS)
		r = wd_html_address(b, s);
	else
		r = wd_html_lines(b, s);
	if (r < 0)
		return -1;
	x->v[i] = wd_buf_str(b);
	return 0;
}

/*
 * Set value i to what was just written into `tmp` (`made`: how that
 * went), and empty `tmp` for the next one.
 */
static int set_made(struct vals *x, int i, struct wd_buf *tmp, int made)
{
	int r = made < 0 ? -1 : set(x, i, wd_buf_str(tmp));

	wd_buf_reset(tmp);
	return r;
}

/* "Anna, Bert en Carla" / "Anna, Bert and Carla" */
static int join(struct wd_buf *b, const struct wd_strlist *l, int en)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const char *sep = !i ? "" : i + 1 < l->n ? ", " :
				  en ? " and " : " en ";

		if (wd_buf_addf(b, "%s%s", sep, l->v[i]) < 0)
			return -1;
	}
	return 0;
}

/* "vandaag", "morgen", "overmorgen", "over 3 dagen" */
static int in_days(struct wd_buf *b, long days, int en)
{
	if (days <= 0)
		return wd_buf_adds(b, en ? "today" : "vandaag");
	if (days == 1)
		return wd_buf_adds(b, en ? "tomorrow" : "morgen");
	if (days == 2 && !en)
		return wd_buf_adds(b, "overmorgen");
	return wd_buf_addf(b, en ? "in %ld days" : "over %ld dagen", days);
}

/* "20 november 2026": the long date without the day of the week */
static int today(struct wd_buf *b, int64_t now, const char *lang)
{
	struct wd_buf t = WD_BUF_INIT(0);
	const char *sp;
	int r;

	if (wd_time_long(&t, now, lang, 0) < 0) {
		wd_buf_release(&t);
		return -1;
	}
	sp = strchr(wd_buf_str(&t), ' ');
	r = wd_buf_adds(b, sp ? sp + 1 : wd_buf_str(&t));
	wd_buf_release(&t);
	return r;
}

static int fill(struct vals *x, const struct wd_sending *s,
		const struct wd_person *p, const struct wd_contact *ct,
		const char *lang)
{
	const struct wd_dialogue *dl = &s->r->dl;
	const struct wd_settings *st = &s->r->ws->set;
	struct wd_buf tmp = WD_BUF_INIT(0);
	int64_t start = dl->start.t, end = wd_dialogue_end(dl);
	int en = is_en(lang), bad;

	/* the arguments are made before set_made() takes them */
	bad = set(x, V_NAME, p->name) < 0 || set(x, V_TITLE, dl->title) < 0 ||
	      set(x, V_THEME, dl->theme) < 0 ||
	      set(x, V_QUESTION, dl->question) < 0 ||
	      set_made(x, V_DATE, &tmp, wd_time_long(&tmp, start, lang, 0)) < 0 ||
	      set_made(x, V_TIME, &tmp, wd_time_clock(&tmp, start, lang)) < 0 ||
	      set_made(x, V_END_TIME, &tmp, wd_time_clock(&tmp, end, lang)) < 0 ||
	      set_made(x, V_WHEN, &tmp, wd_time_long(&tmp, start, lang, 1)) < 0 ||
	      set_made(x, V_IN_DAYS, &tmp, in_days(&tmp, s->days_left, en)) < 0 ||
	      set(x, V_VENUE, dl->venue) < 0 || set(x, V_PLACE, dl->place) < 0 ||
	      set_made(x, V_WHERE, &tmp, wd_dialogue_where(dl, &tmp)) < 0 ||
	      set_made(x, V_HOSTS, &tmp, join(&tmp, &dl->hosts, en)) < 0 ||
	      set(x, V_ORGANISATION, st->organisation) < 0 ||
	      set(x, V_SENDER, st->sender_name ? st->sender_name :
		  st->organisation) < 0 ||
	      set(x, V_SENDER_EMAIL, st->sender_email) < 0 ||
	      set(x, V_DIALOGUE, s->r->dialogue) < 0 ||
	      set(x, V_ADDRESS, ct ? ct->address : NULL) < 0 ||
	      set_made(x, V_TODAY, &tmp, today(&tmp, s->r->ws->now, lang)) < 0;
	if (!dl->hosts.n)
		x->v[V_HOSTS] = NULL;
	if (x->html)
		x->v[V_STYLE] = wd_letter_style;
	wd_buf_release(&tmp);
	return bad ? -1 : 0;
}

/* --- who gets what --- */

static int consent_given(const char *c)
{
	return c && *c;
}

static enum wd_send_why reach(const struct wd_sending *s,
			      const struct wd_person *p,
			      const struct wd_contact *ct)
{
	if (s->o.channel == WD_CHANNEL_LETTER) {
		/* a letter through the door: not to who said no to contact */
		if (p->consent_contact && !*p->consent_contact)
			return WD_SEND_REFUSED;
		return ct && ct->address && *ct->address ? WD_SEND_GO :
		       WD_SEND_NO_ADDRESS;
	}
	if (p->consent_contact && !*p->consent_contact)
		return WD_SEND_REFUSED;
	if (!consent_given(p->consent_contact))
		return WD_SEND_NO_CONSENT;
	if (!ct || !ct->email || !*ct->email)
		return WD_SEND_NO_EMAIL;
	return wd_email_valid(ct->email) ? WD_SEND_GO : WD_SEND_BAD_EMAIL;
}

static enum wd_send_why decide_invite(const struct wd_sending *s,
				      const struct wd_person *p,
				      const struct wd_contact *ct,
				      const char **since)
{
	if (p->sent && !s->o.again) {
		*since = p->sent;
		return WD_SEND_DONE;
	}
	/* who said no is left alone, unless named */
	if (!s->o.nwho && p->rsvp && !strcmp(p->rsvp, "no"))
		return WD_SEND_SAID_NO;
	/* an invitation with a calendar entry would say there is a place */
	if (!s->o.nwho && p->rsvp && !strcmp(p->rsvp, "yes") && p->waiting)
		return WD_SEND_WAITING;
	return reach(s, p, ct);
}

static enum wd_send_why decide_remind(const struct wd_sending *s,
				      const struct wd_person *p,
				      const struct wd_contact *ct,
				      const char **since)
{
	if (p->reminded) {
		*since = p->reminded;
		return WD_SEND_DONE;
	}
	if (p->rsvp && !strcmp(p->rsvp, "no"))
		return WD_SEND_SAID_NO;
	if (p->rsvp && !strcmp(p->rsvp, "maybe"))
		return WD_SEND_MAYBE;
	if (p->rsvp && !strcmp(p->rsvp, "yes") && p->waiting)
		return WD_SEND_WAITING;
	/* no answer: only who was invited is reminded of it */
	if (!p->rsvp && !p->sent)
		return WD_SEND_UNINVITED;
	return reach(s, p, ct);
}

const char *wd_send_reason(enum wd_send_why why)
{
	switch (why) {
	case WD_SEND_GO: return "";
	case WD_SEND_DONE: return _("done already");
	case WD_SEND_SAID_NO: return _("said no");
	case WD_SEND_MAYBE: return _("said maybe");
	case WD_SEND_WAITING: return _("on the waiting list");
	case WD_SEND_UNINVITED: return _("not invited, no answer");
	case WD_SEND_NO_CONSENT: return _("no consent to be contacted");
	case WD_SEND_NO_EMAIL: return _("no e-mail address");
	case WD_SEND_BAD_EMAIL: return _("the e-mail address is not valid");
	case WD_SEND_NO_ADDRESS: return _("no postal address");
	case WD_SEND_REFUSED: return _("said no to being contacted");
	}
	return "?";
}

static int add_item(struct wd_sending *s, const struct wd_person *p,
		    enum wd_send_why why, const char *since, long place)
{
	struct wd_send_item *v, *it;

	v = realloc(s->v, (s->n + 1) * sizeof(*v));
	if (!v)
		return -1;
	s->v = v;
	it = &v[s->n];
	memset(it, 0, sizeof(*it));
	wd_buf_init(&it->msg, 0);
	s->n++;
	it->why = why;
	it->place = place;
	it->id = strdup(p->id);
	it->name = strdup(p->name);
	it->since = since ? strdup(since) : NULL;
	if (!it->id || !it->name || (since && !it->since))
		return -1;
	return 0;
}

/* The place of person i on the waiting list, 0 when not on it. */
static long waiting_place(size_t i, const size_t *order, size_t nw)
{
	size_t k;

	for (k = 0; k < nw; k++)
		if (order[k] == i)
			return (long)k + 1;
	return 0;
}

/* Which people: those named (each once), else everyone. */
static int pick(struct wd_sending *s, char *chosen, struct wd_error *err)
{
	const struct wd_people *pp = &s->r->pp;
	size_t i;

	if (!s->o.nwho) {
		memset(chosen, 1, pp->n);
		return 0;
	}
	memset(chosen, 0, pp->n);
	for (i = 0; i < s->o.nwho; i++) {
		const struct wd_person *p = wd_people_match(pp, s->o.who[i],
							    s->r->dialogue, err);

		if (!p)
			return -1;
		chosen[p - pp->v] = 1;
	}
	return 0;
}

static int decide(struct wd_sending *s, struct wd_error *err)
{
	const struct wd_people *pp = &s->r->pp;
	size_t i, nw, *order = malloc((pp->n ? pp->n : 1) * sizeof(*order));
	char *chosen = malloc(pp->n ? pp->n : 1);
	int ret = -1;

	if (!order || !chosen) {
		wd_error_oom(err);
		goto out;
	}
	if (pick(s, chosen, err) < 0)
		goto out;
	nw = wd_waiting_list(pp, order);
	for (i = 0; i < pp->n; i++) {
		const struct wd_person *p = &pp->v[i];
		const struct wd_contact *ct = wd_contacts_find(&s->r->cc, p->id);
		const char *since = NULL;
		enum wd_send_why why;

		if (!chosen[i])
			continue;
		why = s->o.purpose == WD_PURPOSE_REMIND ?
		      decide_remind(s, p, ct, &since) :
		      decide_invite(s, p, ct, &since);
		if (add_item(s, p, why, since, waiting_place(i, order, nw)) < 0) {
			wd_error_oom(err);
			goto out;
		}
		s->go += why == WD_SEND_GO;
	}
	ret = 0;
out:
	free(order);
	free(chosen);
	return ret;
}

/* A person named on the command line must be reachable: else nothing goes. */
static int check_named(const struct wd_sending *s, struct wd_error *err)
{
	size_t i;

	for (i = 0; s->o.nwho && i < s->n; i++) {
		const struct wd_send_item *it = &s->v[i];

		if (!WD_SEND_UNREACHABLE(it->why))
			continue;
		wd_error_set(err, EX_DATAERR, _("cannot send to '%s' (%s): %s"),
			     it->name, it->id, wd_send_reason(it->why));
		wd_error_hint(err, "%s", s->o.channel == WD_CHANNEL_EMAIL ?
			      _("record the address and consent (wd-invite add, import), or send a letter: --channel letter") :
			      _("record the postal address (wd-invite import with an address column)"));
		return -1;
	}
	return 0;
}

/* --- the messages --- */

/* Only what a Message-ID may hold: letters, digits, '.', '-', '_'. */
static int atext(struct wd_buf *b, const char *s, int dots)
{
	for (; *s; s++) {
		char c = *s;
		int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			 (c >= '0' && c <= '9') || c == '-' || c == '_' ||
			 (dots && c == '.');

		if (wd_buf_addc(b, ok ? c : '-') < 0)
			return -1;
	}
	return 0;
}

/*
 * <invite.PERSON.DIALOGUE.WORKSPACE@sender-domain>, and for a message
 * sent again (--again) the mark of the one before: a message delivered
 * twice after a crash has the same id, one sent again on purpose not.
 */
static int message_id(struct wd_buf *b, const struct wd_sending *s,
		      const struct wd_person *p)
{
	const char *before = s->o.purpose == WD_PURPOSE_REMIND ? p->reminded :
			     p->sent;
	const char *at = strrchr(s->r->ws->set.sender_email, '@');
	uint32_t h = 2166136261u;
	const char *q;

	if (wd_buf_adds(b, s->o.purpose == WD_PURPOSE_REMIND ? "reminder." :
			"invite.") < 0 || atext(b, p->id, 1) < 0 ||
	    wd_buf_addc(b, '.') < 0 || atext(b, s->r->dialogue, 1) < 0 ||
	    wd_buf_addc(b, '.') < 0 || wd_ws_tag(b, s->r->ws) < 0)
		return -1;
	if (before) {
		for (q = before; *q; q++)
			h = (h ^ (unsigned char)*q) * 16777619u;
		if (wd_buf_addf(b, ".%08x", (unsigned)h) < 0)
			return -1;
	}
	return wd_buf_addc(b, '@') < 0 ? -1 : atext(b, at ? at + 1 : "localhost", 1);
}

static int make_mail(struct wd_sending *s, struct wd_send_item *it,
		     const struct wd_person *p, const struct wd_contact *ct,
		     const struct vals *x, int en, struct wd_error *err)
{
	const struct wd_settings *st = &s->r->ws->set;
	struct wd_tvars vars = { wd_send_placeholders, x->v, NVARS - 1 };
	struct wd_buf subject = WD_BUF_INIT(0), body = WD_BUF_INIT(0);
	struct wd_buf cal = WD_BUF_INIT(0), id = WD_BUF_INIT(0);
	struct wd_mail m;
	int ret = -1;

	if (render_mail_tpl(&s->tpl[en], s->tpl_name[en], &vars, &subject,
			    &body, err) < 0 ||
	    wd_ics_render(&cal, s->r->ws, &s->r->dl, p->name, ct->email, err) < 0)
		goto out;
	if (message_id(&id, s, p) < 0 || !(it->msgid = strdup(id.ptr)) ||
	    !(it->to = strdup(ct->email))) {
		wd_error_oom(err);
		goto out;
	}
	memset(&m, 0, sizeof(m));
	m.from_name = st->sender_name ? st->sender_name : st->organisation;
	m.from_email = st->sender_email;
	m.to_name = p->name;
	m.to_email = ct->email;
	m.subject = wd_buf_str(&subject);
	m.text = wd_buf_str(&body);
	m.calendar = wd_buf_str(&cal);
	m.message_id = it->msgid;
	m.date = s->r->ws->now;
	m.auto_submitted = s->o.purpose == WD_PURPOSE_REMIND;
	ret = wd_mail_render(&it->msg, &m, err);
out:
	wd_buf_release(&subject);
	wd_buf_release(&body);
	wd_buf_release(&cal);
	wd_buf_release(&id);
	return ret;
}

static int make_letter(struct wd_sending *s, struct wd_send_item *it,
		       const struct vals *x, int en, struct wd_error *err)
{
	struct wd_tvars vars = { wd_send_placeholders, x->v, NVARS };
	struct wd_buf path = WD_BUF_INIT(0);
	const char *dir = s->o.out ? s->o.out : ".";
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (wd_buf_addf(&path, "%.*s/%s%s.html", (int)n, dir, it->id,
			s->o.purpose == WD_PURPOSE_REMIND ? "-reminder" : "") < 0) {
		wd_buf_release(&path);
		return wd_error_oom(err);
	}
	it->to = wd_buf_detach(&path, NULL);
	if (!it->to)
		return wd_error_oom(err);
	return render(&it->msg, s->tpl[en].ptr ? s->tpl[en].ptr : "",
		      s->tpl[en].len, 1, s->tpl_name[en], &vars, err);
}

static int make(struct wd_sending *s, struct wd_send_item *it,
		struct wd_error *err)
{
	const struct wd_person *p = wd_people_find(&s->r->pp, it->id);
	const struct wd_contact *ct = wd_contacts_find(&s->r->cc, it->id);
	const char *lang = lang_of(s, p);
	int en = is_en(lang), html = s->o.channel == WD_CHANNEL_LETTER, ret;
	struct vals x;

	if (load_tpl(s, en, err) < 0)
		return -1;
	vals_init(&x, html);
	if (fill(&x, s, p, ct, lang) < 0)
		ret = wd_error_oom(err);
	else if (html)
		ret = make_letter(s, it, &x, en, err);
	else
		ret = make_mail(s, it, p, ct, &x, en, err);
	vals_release(&x);
	return ret;
}

/* --- the plan --- */

/* Whether the dialogue can have invitations now. */
static int timing(struct wd_sending *s, struct wd_error *err)
{
	const struct wd_dialogue *dl = &s->r->dl;
	int remind = s->o.purpose == WD_PURPOSE_REMIND;
	struct wd_buf when = WD_BUF_INIT(0);

	if (!dl->has_start)
		return wd_error_set(err, EX_DATAERR,
				    _("'%s' has no start: when is the dialogue?"),
				    s->r->dialogue);
	s->days_left = day_diff(s->r->ws->now, dl->start.t);
	if (dl->status && !strcmp(dl->status, "cancelled")) {
		if (remind) {
			s->over = 1;
			return 0;
		}
		return wd_error_set(err, EX_DATAERR,
				    _("'%s' is cancelled: nobody is invited to it"),
				    s->r->dialogue);
	}
	if (dl->start.t > s->r->ws->now) {
		s->not_yet = remind && s->days_left > s->o.days;
		return 0;
	}
	if (remind) {
		s->over = 1;
		return 0;
	}
	/* a time in ISO 8601, as messages write times in any language */
	if (wd_time_iso(&when, dl->start.t) < 0)
		wd_error_oom(err);
	else
		wd_error_set(err, EX_DATAERR,
			     _("'%s' began at %s: too late to invite"),
			     s->r->dialogue, wd_buf_str(&when));
	wd_buf_release(&when);
	return -1;
}

int wd_send_plan(struct wd_sending *s, struct wd_roster *r,
		 const struct wd_send_opts *o, struct wd_error *err)
{
	size_t i;

	s->r = r;
	s->o = *o;
	if (timing(s, err) < 0)
		return -1;
	if (s->over || s->not_yet)
		return 0;
	if (o->channel == WD_CHANNEL_EMAIL && wd_sender_check(r->ws, err) < 0)
		return -1;
	if (decide(s, err) < 0 || check_named(s, err) < 0)
		return -1;
	for (i = 0; i < s->n; i++)
		if (s->v[i].why == WD_SEND_GO && make(s, &s->v[i], err) < 0)
			return -1;
	return 0;
}

/* --- sending and recording --- */

static int record(struct wd_sending *s, const struct wd_send_item *it,
		  const char *now, struct wd_error *err)
{
	struct wd_roster *r = s->r;

	if (s->o.purpose == WD_PURPOSE_REMIND) {
		if (wd_roster_set(r, it->id, "invitation.reminded", now,
				  WD_YE_TYPED, err) < 0)
			return -1;
	} else if (wd_roster_set(r, it->id, "invitation.channel",
				 s->o.channel == WD_CHANNEL_LETTER ? "letter" :
				 "email", 0, err) < 0 ||
		   wd_roster_set(r, it->id, "invitation.sent", now,
				 WD_YE_TYPED, err) < 0) {
		return -1;
	}
	return wd_roster_save(r, err);
}

static int deliver(struct wd_sending *s, const struct wd_send_item *it,
		   struct wd_outbox *box, struct wd_error *err)
{
	if (s->o.channel == WD_CHANNEL_LETTER)
		return wd_letter_write(it->to, it->msg.ptr, it->msg.len, err);
	return wd_outbox_put(box, s->r->ws->set.sender_email, it->msg.ptr,
			     it->msg.len, err);
}

int wd_send_run(struct wd_sending *s, struct wd_outbox *box,
		struct wd_error *err)
{
	struct wd_buf now = WD_BUF_INIT(0);
	size_t i;
	int ret = -1;

	if (!s->r->locked)
		return wd_error_set(err, EX_SOFTWARE, "%s",
				    _("internal error: sending without the workspace lock"));
	if (s->o.channel == WD_CHANNEL_EMAIL && !box)
		return wd_error_set(err, EX_SOFTWARE, "%s",
				    _("internal error: e-mail without an outbox"));
	if (wd_time_iso(&now, s->r->ws->now) < 0)
		return wd_error_oom(err);
	/* the folder of the letters, once, when any go there */
	if (s->o.channel == WD_CHANNEL_LETTER && s->sent < s->go &&
	    wd_letter_folder(s->o.out ? s->o.out : ".", err) < 0)
		goto out;
	for (i = 0; i < s->n; i++) {
		struct wd_send_item *it = &s->v[i];

		if (it->why != WD_SEND_GO || it->done)
			continue;
		if (deliver(s, it, box, err) < 0)
			goto out;
		/* delivered: recorded now, before the next one goes */
		it->delivered = 1;
		if (record(s, it, now.ptr, err) < 0)
			goto out;
		it->done = 1;
		s->sent++;
		wd_ws_progress(s->r->ws, WD_WORK_SEND, s->sent, s->go);
	}
	ret = 0;
out:
	wd_buf_release(&now);
	return ret;
}

/* --- the calendar alone --- */

int wd_send_ics(struct wd_roster *r, const char *who, struct wd_buf *out,
		struct wd_error *err)
{
	const struct wd_person *p = NULL;
	const struct wd_contact *ct = NULL;

	if (who) {
		p = wd_people_match(&r->pp, who, r->dialogue, err);
		if (!p)
			return -1;
		ct = wd_contacts_find(&r->cc, p->id);
	}
	return wd_ics_render(out, r->ws, &r->dl, p ? p->name : NULL,
			     ct && ct->email && wd_email_valid(ct->email) ?
			     ct->email : NULL, err);
}

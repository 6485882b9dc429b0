/* invite.c - who comes: adding and importing people, answers, the waiting list, check-in, lists */
#include "invite.h"
#include "csvio.h"
#include "i18n.h"
#include "slug.h"
#include "strset.h"
#include "utf8.h"
#include "vocab.h"
#include "yedit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* --- what changed --- */

void wd_changes_init(struct wd_changes *c)
{
	memset(c, 0, sizeof(*c));
}

void wd_changes_release(struct wd_changes *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->v[i].id);
		free(c->v[i].name);
		free(c->v[i].detail);
	}
	free(c->v);
	wd_changes_init(c);
}

static int dup_to(char **to, const char *s)
{
	*to = NULL;
	if (!s)
		return 0;
	*to = strdup(s);
	return *to ? 0 : -1;
}

int wd_changes_add(struct wd_changes *c, enum wd_change_kind kind,
		   const char *id, const char *name, const char *detail,
		   long n)
{
	struct wd_change *x;

	if (c->n == c->alloc) {
		size_t na = c->alloc ? c->alloc * 2 : 16;
		struct wd_change *v = realloc(c->v, na * sizeof(*v));

		if (!v)
			return -1;
		c->v = v;
		c->alloc = na;
	}
	x = &c->v[c->n];
	x->kind = kind;
	x->n = n;
	if (dup_to(&x->id, id) < 0 || dup_to(&x->name, name) < 0 ||
	    dup_to(&x->detail, detail) < 0) {
		free(x->id);
		free(x->name);
		free(x->detail);
		return -1;
	}
	c->n++;
	return 0;
}

size_t wd_changes_count(const struct wd_changes *c, enum wd_change_kind kind)
{
	size_t i, n = 0;

	for (i = 0; i < c->n; i++)
		n += c->v[i].kind == kind;
	return n;
}

static int change(struct wd_roster *r, enum wd_change_kind kind,
		  const char *id, const char *detail, long n,
		  struct wd_error *err)
{
	const struct wd_person *p = wd_people_find(&r->pp, id);

	if (wd_changes_add(&r->ch, kind, id, p ? p->name : NULL, detail, n) < 0)
		return wd_error_oom(err);
	return 0;
}

/* --- the roster --- */

void wd_roster_init(struct wd_roster *r)
{
	memset(r, 0, sizeof(*r));
	wd_dialogue_init(&r->dl);
	wd_people_init(&r->pp);
	wd_contacts_init(&r->cc);
	wd_changes_init(&r->ch);
}

void wd_roster_release(struct wd_roster *r)
{
	if (r->locked)
		wd_ws_unlock(r->ws);
	free(r->dialogue);
	wd_dialogue_release(&r->dl);
	wd_people_release(&r->pp);
	wd_contacts_release(&r->cc);
	wd_changes_release(&r->ch);
	wd_roster_init(r);
}

int wd_roster_open(struct wd_roster *r, struct wd_ws *ws, const char *id,
		   int lock, struct wd_error *err)
{
	struct wd_diag diag;

	r->ws = ws;
	r->dialogue = strdup(id);
	if (!r->dialogue)
		return wd_error_oom(err);
	if (lock) {
		if (wd_ws_lock(ws, err) < 0)
			return -1;
		r->locked = 1;
	}
	wd_diag_init(&diag, err, NULL);
	if (wd_dialogue_load(&r->dl, ws, id, &diag) < 0 ||
	    wd_people_load(&r->pp, ws, id, &diag) < 0 ||
	    wd_contacts_load(&r->cc, ws, id, &diag) < 0) {
		if (!err->hint[0] && err->line)
			wd_error_hint(err, "%s",
				      _("fix the file first; 'wd-report check' lists every problem"));
		return -1;
	}
	return 0;
}

static int write_doc(struct wd_roster *r, const char *file,
		     const struct wd_ydoc *doc, mode_t mode,
		     struct wd_error *err)
{
	struct wd_buf rel = WD_BUF_INIT(0);
	int ret;

	if (wd_buf_addf(&rel, "%s/%s", r->dialogue, file) < 0)
		return wd_error_oom(err);
	ret = wd_ws_write(r->ws, rel.ptr, doc->src ? doc->src : "", doc->len,
			  mode, err);
	wd_buf_release(&rel);
	return ret;
}

int wd_roster_save(struct wd_roster *r, struct wd_error *err)
{
	if (r->people_dirty &&
	    write_doc(r, "people.yaml", &r->pp.doc, 0644, err) < 0)
		return -1;
	r->people_dirty = 0;
	if (r->contacts_dirty &&
	    write_doc(r, "contacts.yaml", &r->cc.doc, 0600, err) < 0)
		return -1;
	r->contacts_dirty = 0;
	return 0;
}

const struct wd_person *wd_roster_by_email(const struct wd_roster *r,
					   const char *email)
{
	const struct wd_person *p;
	size_t i;

	for (i = 0; email && i < r->cc.n; i++)
		if (r->cc.v[i].email && !strcasecmp(r->cc.v[i].email, email) &&
		    (p = wd_people_find(&r->pp, r->cc.v[i].id)))
			return p;
	return NULL;
}

/* A name for comparing: folded, or as it is when nothing is left of it. */
static int name_key(struct wd_buf *b, const char *name)
{
	wd_buf_reset(b);
	if (wd_utf8_fold(b, name) < 0)
		return -1;
	if (b->len)
		return 0;
	return wd_buf_addc(b, '\x01') < 0 ? -1 : wd_buf_adds(b, name);
}

/* People called `name`: how many (0, 1, 2 for more), the first two. */
static int by_name(const struct wd_people *pp, const char *name,
		   const struct wd_person **hit, const struct wd_person **other,
		   struct wd_error *err)
{
	struct wd_buf want = WD_BUF_INIT(0), n = WD_BUF_INIT(0);
	size_t i;
	int count = 0;

	*hit = *other = NULL;
	if (name_key(&want, name) < 0)
		goto oom;
	for (i = 0; i < pp->n && count < 2; i++) {
		if (name_key(&n, pp->v[i].name) < 0)
			goto oom;
		if (strcmp(n.ptr, want.ptr))
			continue;
		if (count++)
			*other = &pp->v[i];
		else
			*hit = &pp->v[i];
	}
	wd_buf_release(&want);
	wd_buf_release(&n);
	return count;
oom:
	wd_buf_release(&want);
	wd_buf_release(&n);
	return wd_error_oom(err);
}

/* --- values --- */

int wd_consent_word(const char *s, const char **date)
{
	static const char *const yes[] = { "yes", "ja", "true", "1", "y", "j", "waar" };
	static const char *const no[] = { "no", "nee", "false", "0", "n", "onwaar" };
	struct wd_when w;
	size_t i;

	*date = NULL;
	for (i = 0; i < sizeof(yes) / sizeof(*yes); i++)
		if (!strcasecmp(s, yes[i]))
			return 1;
	for (i = 0; i < sizeof(no) / sizeof(*no); i++)
		if (!strcasecmp(s, no[i]))
			return 0;
	if (wd_time_parse(s, &w) == 0) {
		*date = s;
		return 1;
	}
	return -1;
}

/* Text of one line: valid UTF-8, no line breaks or control characters. */
static int line_ok(const char *s)
{
	const unsigned char *p;
	size_t bad;

	if (wd_utf8_check(s, strlen(s), &bad) < 0)
		return 0;
	for (p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

/* Text that may have line breaks, but no other control characters. */
static int text_ok(const char *s)
{
	const unsigned char *p;
	size_t bad;

	if (wd_utf8_check(s, strlen(s), &bad) < 0)
		return 0;
	for (p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n' && *p != '\t') || *p == 0x7f)
			return 0;
	return 1;
}

/* "unknown role 'bewonr' (did you mean 'bewoner'?)" into buf */
static void unknown_word(char *buf, size_t size, enum wd_vocab v,
			 const char *word)
{
	const char *hint = wd_vocab_suggest(v, word);

	if (hint)
		snprintf(buf, size, _("unknown %s '%s' (did you mean '%s'?)"),
			 wd_vocab_what(v), word, hint);
	else
		snprintf(buf, size, _("unknown %s '%s'"), wd_vocab_what(v), word);
}

/* The value of `key` ("rsvp", "consent.named") of a person, or NULL. */
static const struct wd_ynode *value_node(const struct wd_person *p,
					 const char *key, int *present)
{
	const struct wd_ynode *m = p->node;
	const char *dot = strchr(key, '.');
	char first[32];

	*present = 0;
	if (dot) {
		size_t n = (size_t)(dot - key);

		if (n >= sizeof(first))
			return NULL;
		memcpy(first, key, n);
		first[n] = '\0';
		m = wd_ymap_get(m, first);
		if (!m || m->type != WD_YMAP)
			return NULL;
		key = dot + 1;
	}
	*present = wd_ymap_key(m, key) != NULL;
	return wd_ymap_get(m, key);
}

/*
 * Set `key` of person `id` to `value` (NULL: remove it) unless it has
 * that value already: 1 changed, 0 already so, -1 error.
 */
int wd_roster_set(struct wd_roster *r, const char *id, const char *key,
		   const char *value, int flags, struct wd_error *err)
{
	const struct wd_person *p = wd_people_find(&r->pp, id);
	const struct wd_ynode *v;
	int present;

	if (!p)
		return wd_error_set(err, EX_SOFTWARE,
				    _("internal error: no person '%s'"), id);
	v = value_node(p, key, &present);
	if (!value && !present)
		return 0;
	if (value && v && v->type == WD_YSCALAR && !wd_ynode_is_null(v) &&
	    !strcmp(v->s, value))
		return 0;
	if (wd_person_set(&r->pp, id, key, value, flags, err) < 0)
		return -1;
	r->people_dirty = 1;
	return 1;
}

static int today(const struct wd_roster *r, struct wd_buf *b)
{
	wd_buf_reset(b);
	return wd_date_iso(b, r->ws->now);
}

/* Add `what` to a ", "-separated list of what changed. */
static int note_key(struct wd_buf *b, const char *what)
{
	if (b->len && wd_buf_adds(b, ", ") < 0)
		return -1;
	return wd_buf_adds(b, what);
}

/* --- adding one person --- */

static int bad_value(struct wd_error *err, int code, const char *what)
{
	return wd_error_set(err, code, _("the %s is not one line of text"),
			    what);
}

static int same_text(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

/*
 * Whether `p` is what this add writes to people.yaml, and the last one
 * there, but without the contact data that goes to contacts.yaml next:
 * the same add, stopped between the two files (killed, a full disk),
 * run again the same day.  It finishes that one instead of refusing
 * the name.
 */
static int unfinished_add(const struct wd_roster *r,
			  const struct wd_person *p,
			  const struct wd_invite_new *nw, const char *role,
			  const char *lang, const char *day)
{
	/* a consent with today's date says when it was added */
	if (!(nw->email || nw->phone || nw->address) ||
	    !(nw->consent_contact || nw->consent_named || nw->consent_photo) ||
	    p != &r->pp.v[r->pp.n - 1] || wd_contacts_find(&r->cc, p->id))
		return 0;
	return same_text(p->role, role ? role : "other") &&
	       same_text(p->organisation, nw->organisation) &&
	       same_text(p->lang, lang) && same_text(p->note, nw->note) &&
	       same_text(p->consent_contact, nw->consent_contact ? day : NULL) &&
	       same_text(p->consent_named, nw->consent_named ? day : NULL) &&
	       same_text(p->consent_photo, nw->consent_photo ? day : NULL) &&
	       p->host == !!nw->host && p->attended == !!nw->attended &&
	       !p->from && !p->rsvp && !p->sent && !p->table;
}

int wd_invite_add(struct wd_roster *r, const struct wd_invite_new *nw,
		  struct wd_buf *id, struct wd_error *err)
{
	const struct wd_person *p, *other;
	struct wd_person_new np;
	struct wd_buf day = WD_BUF_INIT(0);
	const char *role = NULL, *lang = NULL;
	char msg[512];
	int n, finish = 0, ret = -1;

	if (!nw->name || !nw->name[strspn(nw->name, " \t")])
		return wd_error_set(err, EX_USAGE, "%s", _("a person needs a name"));
	if (!line_ok(nw->name))
		return bad_value(err, EX_USAGE, _("name"));
	if (nw->email && !wd_email_valid(nw->email))
		return wd_error_set(err, EX_USAGE,
				    _("'%s' is not an e-mail address"), nw->email);
	if (nw->phone && !line_ok(nw->phone))
		return bad_value(err, EX_USAGE, _("phone number"));
	if (nw->organisation && !line_ok(nw->organisation))
		return bad_value(err, EX_USAGE, _("organisation"));
	if ((nw->address && !text_ok(nw->address)) ||
	    (nw->note && !text_ok(nw->note)))
		return wd_error_set(err, EX_USAGE, "%s",
				    _("control characters are not allowed in an address or note"));
	if (nw->role && !(role = wd_vocab_canon(WD_V_ROLE, nw->role))) {
		unknown_word(msg, sizeof(msg), WD_V_ROLE, nw->role);
		return wd_error_set(err, EX_USAGE, "%s", msg);
	}
	if (nw->lang && !(lang = wd_vocab_canon(WD_V_LANG, nw->lang))) {
		unknown_word(msg, sizeof(msg), WD_V_LANG, nw->lang);
		return wd_error_set(err, EX_USAGE, "%s", msg);
	}
	if (today(r, &day) < 0)
		goto oom;
	if (!nw->force) {
		p = wd_roster_by_email(r, nw->email);
		if (p) {
			wd_error_set(err, EX_DATAERR,
				     _("the e-mail address '%s' is already that of '%s' (%s) in '%s'"),
				     nw->email, p->name, p->id, r->dialogue);
			wd_error_hint(err, "%s", _("use --force to add another person with it"));
			goto out;
		}
		n = by_name(&r->pp, nw->name, &p, &other, err);
		if (n < 0)
			goto out;
		finish = n == 1 && unfinished_add(r, p, nw, role, lang, day.ptr);
		if (n && !finish) {
			wd_error_set(err, EX_DATAERR,
				     _("'%s' is already in '%s' as '%s'"),
				     nw->name, r->dialogue, p->id);
			wd_error_hint(err, "%s", _("use --force to add another person of the same name"));
			goto out;
		}
	}
	if (finish) {
		wd_buf_reset(id);
		if (wd_buf_adds(id, p->id) < 0)
			goto oom;
		goto contacts;
	}
	memset(&np, 0, sizeof(np));
	np.name = nw->name;
	np.role = role;
	np.organisation = nw->organisation;
	np.lang = lang;
	np.note = nw->note;
	np.consent_contact = nw->consent_contact ? day.ptr : NULL;
	np.consent_named = nw->consent_named ? day.ptr : NULL;
	np.consent_photo = nw->consent_photo ? day.ptr : NULL;
	np.host = nw->host;
	np.attended = nw->attended;
	if (wd_people_append(&r->pp, &np, r->dialogue, id, err) < 0)
		goto out;
	r->people_dirty = 1;
contacts:
	if (nw->email || nw->phone || nw->address) {
		if (wd_contacts_set(&r->cc, id->ptr, nw->email, nw->phone,
				    nw->address, err) < 0)
			goto out;
		r->contacts_dirty = 1;
	}
	if (finish) {
		/* "updated 'Nieuwe Buur' (nieuwe-buur): email" */
		char what[32];

		snprintf(what, sizeof(what), "%s%s%s",
			 nw->email ? ", email" : "", nw->phone ? ", phone" : "",
			 nw->address ? ", address" : "");
		if (change(r, WD_CH_UPDATE, id->ptr, what + 2, 0, err) < 0)
			goto out;
	} else if (change(r, WD_CH_ADD, id->ptr, NULL, 0, err) < 0 ||
		   (nw->attended &&
		    change(r, WD_CH_CHECKIN, id->ptr, NULL, 0, err) < 0)) {
		goto out;
	}
	ret = 0;
	goto out;
oom:
	wd_error_oom(err);
out:
	wd_buf_release(&day);
	return ret;
}

/* --- importing people from CSV --- */

enum {
	C_ID, C_NAME, C_EMAIL, C_PHONE, C_ADDRESS, C_ROLE, C_LANG, C_ORG,
	C_CCONTACT, C_CNAMED, C_CPHOTO, C_HOST, C_NOTE,
	/* what list writes and import leaves alone */
	C_TABLE, C_STATUS, C_RSVP, C_ANSWERED, C_WAITING, C_ATTENDED, C_FROM,
	NCOL
};

static const struct wd_csv_col people_cols[NCOL] = {
	[C_ID] = { "id", { "id" }, 0 },
	[C_NAME] = { "name", { "name", "naam", "volledige naam", "full name" }, 1 },
	[C_EMAIL] = { "email", { "email", "e-mail", "e-mailadres", "mail",
				  "email address" }, 0 },
	[C_PHONE] = { "phone", { "phone", "telefoon", "telefoonnummer", "tel",
				  "mobiel", "telephone" }, 0 },
	[C_ADDRESS] = { "address", { "address", "adres" }, 0 },
	[C_ROLE] = { "role", { "role", "rol" }, 0 },
	[C_LANG] = { "lang", { "lang", "taal", "language" }, 0 },
	[C_ORG] = { "organisation", { "organisation", "organisatie",
				      "organization" }, 0 },
	[C_CCONTACT] = { "consent_contact", { "consent_contact",
					      "toestemming_contact" }, 0 },
	[C_CNAMED] = { "consent_named", { "consent_named", "toestemming_naam" }, 0 },
	[C_CPHOTO] = { "consent_photo", { "consent_photo", "toestemming_foto" }, 0 },
	[C_HOST] = { "host", { "host", "gespreksbegeleider", "begeleider" }, 0 },
	[C_NOTE] = { "note", { "note", "opmerking", "opmerkingen", "notitie" }, 0 },
	[C_TABLE] = { "table", { "table", "tafel" }, 0 },
	[C_STATUS] = { "status", { "status" }, 0 },
	[C_RSVP] = { "rsvp", { "rsvp", "antwoord" }, 0 },
	[C_ANSWERED] = { "answered", { "answered", "beantwoord" }, 0 },
	[C_WAITING] = { "waiting", { "waiting", "wachtlijst" }, 0 },
	[C_ATTENDED] = { "attended", { "attended", "aanwezig" }, 0 },
	[C_FROM] = { "from", { "from", "van" }, 0 },
};

static const char *const consent_key[3] = {
	"consent.contact", "consent.named", "consent.photo",
};

struct prow {
	const struct wd_csv_row *row;
	const char *role, *lang;
	int host;			/* 1, 0, -1 not given */
	char *match;			/* the person's id; NULL: new */
	int by;				/* C_ID, C_EMAIL, C_NAME: how matched */
};

static int row_error(const struct wd_csv *c, struct wd_error *err,
		     const struct wd_csv_row *row, size_t col, const char *msg)
{
	return wd_csv_error(c, err, row->line, col, "%s", msg);
}

/* Check the values of one row; the words into `pr`. */
static int check_row(const struct wd_csv *c, struct prow *pr,
		     struct wd_error *err)
{
	const struct wd_csv_row *row = pr->row;
	const char *const *v = row->v;
	const char *date;
	char msg[512];
	size_t i;

	if (!v[C_NAME])
		return row_error(c, err, row, C_NAME, _("a person needs a name"));
	if (!line_ok(v[C_NAME]))
		return row_error(c, err, row, C_NAME,
				 _("a name is one line of text"));
	if (v[C_EMAIL] && !wd_email_valid(v[C_EMAIL])) {
		snprintf(msg, sizeof(msg), _("'%s' is not an e-mail address"),
			 v[C_EMAIL]);
		return row_error(c, err, row, C_EMAIL, msg);
	}
	if (v[C_PHONE] && !line_ok(v[C_PHONE]))
		return row_error(c, err, row, C_PHONE,
				 _("a phone number is one line of text"));
	if (v[C_ORG] && !line_ok(v[C_ORG]))
		return row_error(c, err, row, C_ORG,
				 _("an organisation is one line of text"));
	if (v[C_ADDRESS] && !text_ok(v[C_ADDRESS]))
		return row_error(c, err, row, C_ADDRESS,
				 _("control characters in the address"));
	if (v[C_NOTE] && !text_ok(v[C_NOTE]))
		return row_error(c, err, row, C_NOTE,
				 _("control characters in the note"));
	if (v[C_ID] && !wd_id_valid(v[C_ID])) {
		snprintf(msg, sizeof(msg), _("invalid person id '%s'"), v[C_ID]);
		return row_error(c, err, row, C_ID, msg);
	}
	if (v[C_ROLE] && !(pr->role = wd_vocab_canon(WD_V_ROLE, v[C_ROLE]))) {
		unknown_word(msg, sizeof(msg), WD_V_ROLE, v[C_ROLE]);
		return row_error(c, err, row, C_ROLE, msg);
	}
	if (v[C_LANG] && !(pr->lang = wd_vocab_canon(WD_V_LANG, v[C_LANG]))) {
		unknown_word(msg, sizeof(msg), WD_V_LANG, v[C_LANG]);
		return row_error(c, err, row, C_LANG, msg);
	}
	for (i = 0; i < 3; i++) {
		const char *cell = v[C_CCONTACT + i];

		if (cell && wd_consent_word(cell, &date) < 0) {
			snprintf(msg, sizeof(msg),
				 _("'%s' is not a consent: use yes or no (ja, nee, 1, 0) or the date it was given"),
				 cell);
			return row_error(c, err, row, C_CCONTACT + i, msg);
		}
	}
	pr->host = -1;
	if (v[C_HOST]) {
		pr->host = wd_consent_word(v[C_HOST], &date);
		if (pr->host < 0 || date) {
			snprintf(msg, sizeof(msg),
				 _("'%s' is not yes or no (ja, nee, 1, 0)"), v[C_HOST]);
			return row_error(c, err, row, C_HOST, msg);
		}
	}
	return 0;
}

/* Which person a row means; *by says how it was found. */
/*
 * The roster's people by id, e-mail address and name, so that matching
 * the rows of a large import takes constant time per row.  The numbers
 * are places in r->pp.v; `name2` holds the second person of a name.
 */
struct lookup {
	struct wd_strset id, email, name, name2;
};

static void lookup_release(struct lookup *l)
{
	wd_strset_release(&l->id);
	wd_strset_release(&l->email);
	wd_strset_release(&l->name);
	wd_strset_release(&l->name2);
}

/* An e-mail address for comparing: ASCII letters in lower case. */
static int email_key(struct wd_buf *b, const char *email)
{
	wd_buf_reset(b);
	for (; *email; email++)
		if (wd_buf_addc(b, *email >= 'A' && *email <= 'Z' ?
				   (char)(*email - 'A' + 'a') : *email) < 0)
			return -1;
	return 0;
}

static int lookup_build(struct lookup *l, const struct wd_roster *r)
{
	struct wd_buf k = WD_BUF_INIT(0);
	size_t i, at;
	int ret = -1;

	memset(l, 0, sizeof(*l));
	for (i = 0; i < r->pp.n; i++) {
		int added;

		if (wd_strset_put(&l->id, r->pp.v[i].id, i) < 0 ||
		    name_key(&k, r->pp.v[i].name) < 0 ||
		    (added = wd_strset_put(&l->name, k.ptr, i)) < 0)
			goto out;
		if (!added && wd_strset_put(&l->name2, k.ptr, i) < 0)
			goto out;
	}
	/* as wd_roster_by_email: the first address of someone on the list */
	for (i = 0; i < r->cc.n; i++) {
		const struct wd_contact *ct = &r->cc.v[i];

		if (!ct->email || !wd_strset_get(&l->id, ct->id, &at))
			continue;
		if (email_key(&k, ct->email) < 0 ||
		    wd_strset_put(&l->email, k.ptr, at) < 0)
			goto out;
	}
	ret = 0;
out:
	wd_buf_release(&k);
	return ret;
}

static int match_row(struct wd_roster *r, const struct lookup *l,
		     const struct wd_csv *c, struct prow *pr,
		     struct wd_arena *a, struct wd_error *err)
{
	const char *const *v = pr->row->v;
	struct wd_buf k = WD_BUF_INIT(0);
	const struct wd_person *p = NULL;
	char msg[512];
	size_t at, at2;
	int ret = -1;

	if (v[C_ID] && wd_strset_get(&l->id, v[C_ID], &at)) {
		p = &r->pp.v[at];
		pr->by = C_ID;
	} else if (v[C_EMAIL]) {
		if (email_key(&k, v[C_EMAIL]) < 0)
			goto oom;
		if (wd_strset_get(&l->email, k.ptr, &at)) {
			p = &r->pp.v[at];
			pr->by = C_EMAIL;
		}
	}
	if (!p) {
		if (name_key(&k, v[C_NAME]) < 0)
			goto oom;
		if (wd_strset_get(&l->name, k.ptr, &at))
			p = &r->pp.v[at];
		if (p && wd_strset_get(&l->name2, k.ptr, &at2)) {
			snprintf(msg, sizeof(msg),
				 _("'%s' could be '%s' or '%s'; give their e-mail address or id"),
				 v[C_NAME], p->id, r->pp.v[at2].id);
			row_error(c, err, pr->row, C_NAME, msg);
			goto out;
		}
		pr->by = C_NAME;
	}
	if (p && !(pr->match = wd_arena_strdup(a, p->id)))
		goto oom;
	ret = 0;
	goto out;
oom:
	wd_error_oom(err);
out:
	wd_buf_release(&k);
	return ret;
}

/*
 * Rows that mean the same person, repeat an e-mail address, or repeat
 * a name where one of the two has no address to tell them apart.  Each
 * set keeps the first row of a key.
 */
static int check_twice(const struct wd_csv *c, struct prow *pr, size_t n,
		       struct wd_error *err)
{
	struct wd_strset match = WD_STRSET_INIT, email = WD_STRSET_INIT;
	struct wd_strset name = WD_STRSET_INIT, bare = WD_STRSET_INIT;
	struct wd_buf k = WD_BUF_INIT(0);
	char msg[512];
	size_t i, j;
	int ret = -1;

	for (i = 0; i < n; i++) {
		const char *const *v = pr[i].row->v;

		if (pr[i].match) {
			if (wd_strset_get(&match, pr[i].match, &j)) {
				snprintf(msg, sizeof(msg),
					 _("this row and row %u are both '%s'"),
					 pr[j].row->line, pr[i].match);
				row_error(c, err, pr[i].row, C_NAME, msg);
				goto out;
			}
			if (wd_strset_put(&match, pr[i].match, i) < 0)
				goto oom;
		}
		if (v[C_EMAIL]) {
			if (email_key(&k, v[C_EMAIL]) < 0)
				goto oom;
			if (wd_strset_get(&email, k.ptr, &j)) {
				snprintf(msg, sizeof(msg),
					 _("the e-mail address '%s' is also on row %u"),
					 v[C_EMAIL], pr[j].row->line);
				row_error(c, err, pr[i].row, C_EMAIL, msg);
				goto out;
			}
			if (wd_strset_put(&email, k.ptr, i) < 0)
				goto oom;
		}
		if (name_key(&k, v[C_NAME]) < 0)
			goto oom;
		/* with an address, only a row without one is in the way */
		if (wd_strset_get(v[C_EMAIL] ? &bare : &name, k.ptr, &j)) {
			snprintf(msg, sizeof(msg),
				 _("'%s' is also on row %u; give both an e-mail address to tell them apart, or leave one out"),
				 v[C_NAME], pr[j].row->line);
			row_error(c, err, pr[i].row, C_NAME, msg);
			goto out;
		}
		if (wd_strset_put(&name, k.ptr, i) < 0 ||
		    (!v[C_EMAIL] && wd_strset_put(&bare, k.ptr, i) < 0))
			goto oom;
	}
	ret = 0;
	goto out;
oom:
	wd_error_oom(err);
out:
	wd_strset_release(&match);
	wd_strset_release(&email);
	wd_strset_release(&name);
	wd_strset_release(&bare);
	wd_buf_release(&k);
	return ret;
}

/*
 * The consent to write for a cell, or NULL to leave it.  `cur` is what
 * people.yaml says: a date, "" for no, NULL when unknown.  Yes keeps a
 * date already given; an empty cell means no, which withdraws a given
 * consent and leaves an unknown one as it is (unknown counts as no).
 */
static const char *consent_value(const char *cell, const char *cur,
				 const char *now)
{
	const char *date;

	if (!cell)
		return cur && *cur ? "no" : NULL;
	if (wd_consent_word(cell, &date) == 1) {
		if (date)
			return cur && !strcmp(cur, date) ? NULL : date;
		return cur && *cur ? NULL : now;
	}
	return cur && !*cur ? NULL : "no";
}

static const char *person_consent(const struct wd_person *p, size_t i)
{
	return i == 0 ? p->consent_contact : i == 1 ? p->consent_named :
	       p->consent_photo;
}

/* A new person from a row: into the batch, their contact data into `pairs`. */
static int add_row(struct wd_roster *r, struct wd_people_batch *b,
		   struct wd_buf *pairs, const struct prow *pr,
		   const char *now, struct wd_buf *id, struct wd_error *err)
{
	const char *const *v = pr->row->v;
	const char *consent[3] = { NULL, NULL, NULL }, *date;
	struct wd_person_new np;
	size_t i;

	for (i = 0; i < 3; i++) {
		const char *cell = v[C_CCONTACT + i];

		if (!cell)
			continue;
		if (wd_consent_word(cell, &date) == 1)
			consent[i] = date ? date : now;
		else
			consent[i] = "";
	}
	memset(&np, 0, sizeof(np));
	np.name = v[C_NAME];
	np.role = pr->role;
	np.organisation = v[C_ORG];
	np.lang = pr->lang;
	np.note = v[C_NOTE];
	np.consent_contact = consent[0];
	np.consent_named = consent[1];
	np.consent_photo = consent[2];
	np.host = pr->host == 1;
	if (wd_people_batch_add(b, &np, id, err) < 0)
		return -1;
	/* not in r->pp before the batch is applied: named here */
	if (wd_contacts_entry(pairs, id->ptr, v[C_EMAIL], v[C_PHONE],
			      v[C_ADDRESS]) < 0 ||
	    wd_changes_add(&r->ch, WD_CH_ADD, id->ptr, np.name, NULL, 0) < 0)
		return wd_error_oom(err);
	return 0;
}

/* Append the batch's people and their contact data, one edit each. */
static int add_batch(struct wd_roster *r, struct wd_people_batch *b,
		     const struct wd_buf *pairs, struct wd_error *err)
{
	if (b->items.n) {
		if (wd_people_batch_apply(b, r->dialogue, err) < 0)
			return -1;
		r->people_dirty = 1;
	}
	if (pairs->len) {
		if (wd_contacts_add(&r->cc, pairs->ptr, err) < 0)
			return -1;
		r->contacts_dirty = 1;
	}
	return 0;
}

/* Set key to v when it is different: note the change under `what`. */
static int update(struct wd_roster *r, const char *id, const char *key,
		  const char *v, int flags, const char *what,
		  struct wd_buf *changed, struct wd_error *err)
{
	int s = wd_roster_set(r, id, key, v, flags, err);

	if (s < 0)
		return -1;
	if (s && note_key(changed, what) < 0)
		return wd_error_oom(err);
	return 0;
}

static int differs(const char *now, const char *want)
{
	return want && (!now || strcmp(now, want));
}

static int update_row(struct wd_roster *r, const struct wd_csv *c,
		      const struct prow *pr, const char *now,
		      struct wd_error *err)
{
	const char *const *v = pr->row->v;
	const char *id = pr->match;
	const struct wd_person *p = wd_people_find(&r->pp, id);
	const struct wd_contact *ct;
	struct wd_buf changed = WD_BUF_INIT(0);
	const char *val[3];
	size_t i;
	int ret = -1;

	if (!p)
		return wd_error_set(err, EX_SOFTWARE,
				    _("internal error: no person '%s'"), id);
	if (pr->by != C_NAME && strcmp(p->name, v[C_NAME]) &&
	    update(r, id, "name", v[C_NAME], 0, "name", &changed, err) < 0)
		goto out;
	p = wd_people_find(&r->pp, id);
	if (pr->role && strcmp(p->role, pr->role) &&
	    update(r, id, "role", pr->role, 0, "role", &changed, err) < 0)
		goto out;
	p = wd_people_find(&r->pp, id);
	if (differs(p->organisation, v[C_ORG]) &&
	    update(r, id, "organisation", v[C_ORG], 0, "organisation",
		   &changed, err) < 0)
		goto out;
	p = wd_people_find(&r->pp, id);
	if (differs(p->lang, pr->lang) &&
	    update(r, id, "lang", pr->lang, 0, "lang", &changed, err) < 0)
		goto out;
	p = wd_people_find(&r->pp, id);
	if (differs(p->note, v[C_NOTE]) &&
	    update(r, id, "note", v[C_NOTE], 0, "note", &changed, err) < 0)
		goto out;
	for (i = 0; i < 3; i++) {
		const char *want;

		if (!c->col[C_CCONTACT + i])
			continue;
		p = wd_people_find(&r->pp, id);
		want = consent_value(v[C_CCONTACT + i], person_consent(p, i), now);
		if (want && update(r, id, consent_key[i], want, WD_YE_TYPED,
				   consent_key[i], &changed, err) < 0)
			goto out;
	}
	p = wd_people_find(&r->pp, id);
	if ((pr->host == 1 && !p->host &&
	     update(r, id, "host", "true", WD_YE_TYPED, "host", &changed, err) < 0) ||
	    (pr->host == 0 && p->host &&
	     update(r, id, "host", NULL, 0, "host", &changed, err) < 0))
		goto out;
	ct = wd_contacts_find(&r->cc, id);
	val[0] = differs(ct ? ct->email : NULL, v[C_EMAIL]) ? v[C_EMAIL] : NULL;
	val[1] = differs(ct ? ct->phone : NULL, v[C_PHONE]) ? v[C_PHONE] : NULL;
	val[2] = differs(ct ? ct->address : NULL, v[C_ADDRESS]) ? v[C_ADDRESS] : NULL;
	if (val[0] || val[1] || val[2]) {
		if (wd_contacts_set(&r->cc, id, val[0], val[1], val[2], err) < 0)
			goto out;
		r->contacts_dirty = 1;
		if ((val[0] && note_key(&changed, "email") < 0) ||
		    (val[1] && note_key(&changed, "phone") < 0) ||
		    (val[2] && note_key(&changed, "address") < 0)) {
			wd_error_oom(err);
			goto out;
		}
	}
	ret = change(r, changed.len ? WD_CH_UPDATE : WD_CH_SAME, id,
		     changed.len ? changed.ptr : NULL, 0, err);
out:
	wd_buf_release(&changed);
	return ret;
}

int wd_invite_import(struct wd_roster *r, const char *data, size_t len,
		     const char *name, const char *encoding,
		     struct wd_error *err)
{
	struct wd_csv c;
	struct wd_arena a;
	struct wd_buf id = WD_BUF_INIT(0), now = WD_BUF_INIT(0);
	struct wd_buf pairs = WD_BUF_INIT(0);
	struct wd_people_batch b;
	struct lookup l;
	struct prow *pr = NULL;
	size_t i;
	int ret = -1;

	memset(&l, 0, sizeof(l));
	wd_csv_init(&c);
	wd_arena_init(&a);
	if (wd_people_batch_init(&b, &r->pp, &r->cc, err) < 0)
		goto out;
	if (wd_csv_read(&c, data, len, name, encoding, people_cols, NCOL,
			err) < 0)
		goto out;
	pr = calloc(c.nrows ? c.nrows : 1, sizeof(*pr));
	if (!pr || today(r, &now) < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (lookup_build(&l, r) < 0) {
		wd_error_oom(err);
		goto out;
	}
	/* every row is checked before anything changes */
	for (i = 0; i < c.nrows; i++) {
		pr[i].row = &c.rows[i];
		if (check_row(&c, &pr[i], err) < 0 ||
		    match_row(r, &l, &c, &pr[i], &a, err) < 0)
			goto out;
	}
	if (check_twice(&c, pr, c.nrows, err) < 0)
		goto out;
	for (i = 0; i < c.nrows; i++) {
		if (pr[i].match ? update_row(r, &c, &pr[i], now.ptr, err) < 0 :
				  add_row(r, &b, &pairs, &pr[i], now.ptr, &id, err) < 0)
			goto out;
		wd_ws_progress(r->ws, WD_WORK_IMPORT, i + 1, c.nrows);
	}
	if (add_batch(r, &b, &pairs, err) < 0)
		goto out;
	ret = 0;
out:
	lookup_release(&l);
	wd_people_batch_release(&b);
	wd_buf_release(&pairs);
	free(pr);
	wd_buf_release(&id);
	wd_buf_release(&now);
	wd_arena_release(&a);
	wd_csv_release(&c);
	return ret;
}

/* --- the relay: people of an earlier dialogue --- */

int wd_invite_relay(struct wd_roster *r, const char *from, int attended,
		    struct wd_error *err)
{
	struct wd_people src;
	struct wd_contacts scc;
	struct wd_diag diag;
	struct wd_buf id = WD_BUF_INIT(0), pairs = WD_BUF_INIT(0);
	struct wd_people_batch b;
	size_t i;
	int ret = -1;

	if (!strcmp(from, r->dialogue))
		return wd_error_set(err, EX_USAGE,
				    _("'%s' cannot carry its people over to itself"),
				    from);
	if (!wd_ws_has_dialogue(r->ws, from))
		return wd_error_set(err, EX_NOINPUT,
				    _("no dialogue '%s' in this workspace"), from);
	wd_people_init(&src);
	wd_contacts_init(&scc);
	wd_diag_init(&diag, err, NULL);
	if (wd_people_batch_init(&b, &r->pp, &r->cc, err) < 0 ||
	    wd_people_load(&src, r->ws, from, &diag) < 0 ||
	    wd_contacts_load(&scc, r->ws, from, &diag) < 0)
		goto out;
	for (i = 0; i < src.n; i++) {
		const struct wd_person *p = &src.v[i], *here, *other;
		const struct wd_contact *ct = wd_contacts_find(&scc, p->id);
		struct wd_person_new np;
		int n;

		if (attended && !p->attended)
			continue;
		here = ct && ct->email ? wd_roster_by_email(r, ct->email) : NULL;
		if (!here) {
			n = by_name(&r->pp, p->name, &here, &other, err);
			if (n < 0)
				goto out;
		}
		if (here || !p->consent_contact || !*p->consent_contact) {
			if (wd_changes_add(&r->ch, WD_CH_SKIP, here ? here->id : p->id,
					   p->name, here ? WD_SKIP_THERE :
					   WD_SKIP_CONSENT, 0) < 0) {
				wd_error_oom(err);
				goto out;
			}
			continue;
		}
		memset(&np, 0, sizeof(np));
		np.name = p->name;
		np.role = p->role;
		np.organisation = p->organisation;
		np.lang = p->lang;
		np.from = from;
		np.consent_contact = p->consent_contact;
		if (wd_people_batch_add(&b, &np, &id, err) < 0)
			goto out;
		if ((ct && wd_contacts_entry(&pairs, id.ptr, ct->email,
					     ct->phone, ct->address) < 0) ||
		    wd_changes_add(&r->ch, WD_CH_ADD, id.ptr, np.name, from,
				   0) < 0) {
			wd_error_oom(err);
			goto out;
		}
	}
	ret = add_batch(r, &b, &pairs, err);
out:
	wd_people_batch_release(&b);
	wd_buf_release(&pairs);
	wd_buf_release(&id);
	wd_people_release(&src);
	wd_contacts_release(&scc);
	return ret;
}

/* --- answers and the waiting list --- */

static int is_yes(const struct wd_person *p)
{
	return p->rsvp && !strcmp(p->rsvp, "yes");
}

size_t wd_waiting_list(const struct wd_people *pp, size_t *order)
{
	size_t i, j, n = 0;

	for (i = 0; i < pp->n; i++) {
		const struct wd_person *p = &pp->v[i];
		int64_t t;

		if (!is_yes(p) || !p->waiting)
			continue;
		t = p->has_answered ? p->answered.t : INT64_MAX;
		/* insertion by (answered, place in the file) */
		for (j = n; j > 0; j--) {
			const struct wd_person *q = &pp->v[order[j - 1]];
			int64_t u = q->has_answered ? q->answered.t : INT64_MAX;

			if (u <= t)
				break;
			order[j] = order[j - 1];
		}
		order[j] = i;
		n++;
	}
	return n;
}

/* People who said yes and have a place, leaving out `but`. */
static long placed(const struct wd_people *pp, const char *but)
{
	size_t i;
	long n = 0;

	for (i = 0; i < pp->n; i++)
		if (is_yes(&pp->v[i]) && !pp->v[i].waiting &&
		    (!but || strcmp(pp->v[i].id, but)))
			n++;
	return n;
}

static long waiting_place(const struct wd_people *pp, const char *id)
{
	size_t *order = malloc((pp->n ? pp->n : 1) * sizeof(*order));
	size_t i, n;
	long place = 0;

	if (!order)
		return 0;
	n = wd_waiting_list(pp, order);
	for (i = 0; i < n; i++)
		if (!strcmp(pp->v[order[i]].id, id))
			place = (long)i + 1;
	free(order);
	return place;
}

int wd_invite_settle(struct wd_roster *r, struct wd_error *err)
{
	size_t *order = NULL;
	char id[WD_ID_MAX + 1];
	int ret = -1;

	for (;;) {
		size_t n;

		free(order);
		order = malloc((r->pp.n ? r->pp.n : 1) * sizeof(*order));
		if (!order) {
			wd_error_oom(err);
			break;
		}
		n = wd_waiting_list(&r->pp, order);
		if (!n || (r->dl.capacity &&
			   placed(&r->pp, NULL) >= r->dl.capacity)) {
			ret = 0;
			break;
		}
		snprintf(id, sizeof(id), "%s", r->pp.v[order[0]].id);
		if (wd_roster_set(r, id, "waiting", NULL, 0, err) < 0 ||
		    change(r, WD_CH_PROMOTE, id, NULL, 0, err) < 0)
			break;
	}
	free(order);
	return ret;
}

/* Record answer `canon` of person `id`, which came in at `at`. */
static int answer(struct wd_roster *r, const char *id, const char *canon,
		  int64_t at, struct wd_error *err)
{
	const struct wd_person *p = wd_people_find(&r->pp, id);
	struct wd_buf when = WD_BUF_INIT(0);
	int ret = -1;

	if (p->rsvp && !strcmp(p->rsvp, canon))
		return change(r, WD_CH_SAME, id, canon, 0, err);
	if (wd_time_iso(&when, at) < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (wd_roster_set(r, id, "rsvp", canon, 0, err) < 0 ||
	    wd_roster_set(r, id, "answered", when.ptr, WD_YE_TYPED, err) < 0 ||
	    change(r, WD_CH_ANSWER, id, canon, 0, err) < 0)
		goto out;
	if (!strcmp(canon, "yes") && r->dl.capacity &&
	    placed(&r->pp, id) >= r->dl.capacity) {
		if (wd_roster_set(r, id, "waiting", "true", WD_YE_TYPED, err) < 0 ||
		    change(r, WD_CH_WAIT, id, NULL,
			   waiting_place(&r->pp, id), err) < 0)
			goto out;
	} else if (wd_roster_set(r, id, "waiting", NULL, 0, err) < 0) {
		goto out;
	}
	ret = 0;
out:
	wd_buf_release(&when);
	return ret;
}

static int answer_word(const char *word, const char **canon,
		       struct wd_error *err, int code)
{
	char msg[512];

	*canon = wd_vocab_canon(WD_V_RSVP, word);
	if (*canon)
		return 0;
	unknown_word(msg, sizeof(msg), WD_V_RSVP, word);
	return wd_error_set(err, code, _("%s (yes, no, maybe; ja, nee, misschien)"),
			    msg);
}

int wd_invite_rsvp(struct wd_roster *r, const char *who, const char *word,
		   struct wd_error *err)
{
	const struct wd_person *p;
	const char *canon;
	char id[WD_ID_MAX + 1];

	if (answer_word(word, &canon, err, EX_USAGE) < 0)
		return -1;
	p = wd_people_match(&r->pp, who, r->dialogue, err);
	if (!p)
		return -1;
	snprintf(id, sizeof(id), "%s", p->id);
	if (answer(r, id, canon, r->ws->now, err) < 0)
		return -1;
	return wd_invite_settle(r, err);
}

enum { A_ID, A_NAME, A_EMAIL, A_RSVP, A_ANSWERED, NACOL };

static const struct wd_csv_col answer_cols[NACOL] = {
	[A_ID] = { "id", { "id", "person", "persoon" }, 0 },
	[A_NAME] = { "name", { "name", "naam", "volledige naam", "full name" }, 0 },
	[A_EMAIL] = { "email", { "email", "e-mail", "e-mailadres", "mail",
				  "email address" }, 0 },
	[A_RSVP] = { "rsvp", { "rsvp", "antwoord", "answer", "komt", "komt je",
				"aanmelding" }, 1 },
	[A_ANSWERED] = { "answered", { "answered", "beantwoord", "tijdstip",
				       "timestamp", "datum", "date" }, 0 },
};

struct arow {
	const struct wd_csv_row *row;
	char id[WD_ID_MAX + 1];
	const char *canon;
	int64_t at;
};

static int cmp_arow(const void *a, const void *b)
{
	const struct arow *x = a, *y = b;

	if (x->at != y->at)
		return x->at < y->at ? -1 : 1;
	return x->row->line < y->row->line ? -1 : x->row->line > y->row->line;
}

static int answer_row(struct wd_roster *r, const struct wd_csv *c,
		      struct arow *ar, struct wd_error *err)
{
	const struct wd_csv_row *row = ar->row;
	const struct wd_person *p = NULL, *other = NULL;
	struct wd_error e;
	struct wd_when w;
	char msg[1024];
	size_t col = A_NAME;

	if (answer_word(row->v[A_RSVP], &ar->canon, &e, EX_DATAERR) < 0)
		return row_error(c, err, row, A_RSVP, e.msg);
	ar->at = r->ws->now;
	if (row->v[A_ANSWERED]) {
		if (wd_time_parse(row->v[A_ANSWERED], &w) < 0) {
			snprintf(msg, sizeof(msg),
				 _("'%s' is not a time like 2026-11-20T10:15"),
				 row->v[A_ANSWERED]);
			return row_error(c, err, row, A_ANSWERED, msg);
		}
		ar->at = w.t;
	}
	if (row->v[A_ID]) {
		col = A_ID;
		p = wd_people_find(&r->pp, row->v[A_ID]);
	} else if (row->v[A_EMAIL]) {
		col = A_EMAIL;
		p = wd_roster_by_email(r, row->v[A_EMAIL]);
	}
	if (!p && row->v[A_NAME]) {
		int n = by_name(&r->pp, row->v[A_NAME], &p, &other, err);

		if (n < 0)
			return -1;
		col = A_NAME;
		if (n > 1) {
			snprintf(msg, sizeof(msg),
				 _("'%s' could be '%s' or '%s'; give their e-mail address or id"),
				 row->v[A_NAME], p->id, other->id);
			return row_error(c, err, row, A_NAME, msg);
		}
	}
	if (!row->v[A_ID] && !row->v[A_EMAIL] && !row->v[A_NAME])
		return row_error(c, err, row, A_NAME,
				 _("whose answer? the row has no id, name or e-mail address"));
	if (!p) {
		const char *q = row->v[col];
		const struct wd_person *m = NULL;

		if (col == A_EMAIL)
			snprintf(msg, sizeof(msg),
				 _("nobody in '%s' has the e-mail address '%s'"),
				 r->dialogue, q);
		else if ((m = wd_people_match(&r->pp, q, r->dialogue, &e)))
			snprintf(msg, sizeof(msg),
				 _("no person '%s' in '%s' (did you mean '%s'?)"), q,
				 r->dialogue, m->id);
		else
			snprintf(msg, sizeof(msg), "%s", e.msg);
		return row_error(c, err, row, col, msg);
	}
	snprintf(ar->id, sizeof(ar->id), "%s", p->id);
	return 0;
}

int wd_invite_rsvp_import(struct wd_roster *r, const char *data, size_t len,
			  const char *name, const char *encoding,
			  struct wd_error *err)
{
	struct wd_csv c;
	struct arow *ar = NULL;
	size_t i;
	int ret = -1;

	wd_csv_init(&c);
	if (wd_csv_read(&c, data, len, name, encoding, answer_cols, NACOL,
			err) < 0)
		goto out;
	if (!c.col[A_ID] && !c.col[A_NAME] && !c.col[A_EMAIL]) {
		wd_error_at(err, EX_DATAERR, c.name, 1, 1, "%s",
			    _("no column 'id', 'name' or 'email': whose answers are these?"));
		goto out;
	}
	ar = calloc(c.nrows ? c.nrows : 1, sizeof(*ar));
	if (!ar) {
		wd_error_oom(err);
		goto out;
	}
	for (i = 0; i < c.nrows; i++) {
		ar[i].row = &c.rows[i];
		if (answer_row(r, &c, &ar[i], err) < 0)
			goto out;
	}
	/* in the order the answers came in: the waiting list follows it */
	qsort(ar, c.nrows, sizeof(*ar), cmp_arow);
	for (i = 0; i < c.nrows; i++)
		if (answer(r, ar[i].id, ar[i].canon, ar[i].at, err) < 0 ||
		    wd_invite_settle(r, err) < 0)
			goto out;
	ret = 0;
out:
	free(ar);
	wd_csv_release(&c);
	return ret;
}

/* --- at the door --- */

int wd_invite_checkin(struct wd_roster *r, const char *who, int undo,
		      struct wd_error *err)
{
	const struct wd_person *p = wd_people_match(&r->pp, who, r->dialogue, err);
	char id[WD_ID_MAX + 1];
	int s;

	if (!p)
		return -1;
	snprintf(id, sizeof(id), "%s", p->id);
	/* who came has a place: off the waiting list, the others move up */
	if (!undo && p->waiting &&
	    wd_roster_set(r, id, "waiting", NULL, 0, err) < 0)
		return -1;
	s = wd_roster_set(r, id, "attended", undo ? NULL : "true", WD_YE_TYPED, err);
	if (s < 0)
		return -1;
	if (!s)
		return change(r, WD_CH_SAME, id, undo ? "absent" : "attended", 0,
			      err);
	return change(r, undo ? WD_CH_UNCHECK : WD_CH_CHECKIN, id, NULL, 0, err);
}

/* --- statuses --- */

static const struct {
	const char *name, *nl, *other;
} statuses[WD_ST_COUNT] = {
	{ "added", "toegevoegd", "nieuw" },
	{ "invited", "uitgenodigd", "verstuurd" },
	{ "yes", "ja", "komt" },
	{ "no", "nee", "komt niet" },
	{ "maybe", "misschien", "weet niet" },
	{ "waiting", "wachtlijst", "wachtend" },
	{ "attended", "aanwezig", "gekomen" },
};

unsigned wd_person_states(const struct wd_person *p)
{
	unsigned s = 0;

	if (!p->rsvp)
		s |= p->sent ? WD_ST_INVITED : WD_ST_ADDED;
	else if (!strcmp(p->rsvp, "yes"))
		s |= p->waiting ? WD_ST_WAITING : WD_ST_YES;
	else if (!strcmp(p->rsvp, "no"))
		s |= WD_ST_NO;
	else
		s |= WD_ST_MAYBE;
	if (p->attended)
		s |= WD_ST_ATTENDED;
	return s;
}

const char *wd_person_status(const struct wd_person *p)
{
	/* the furthest along first */
	static const unsigned order[] = {
		WD_ST_ATTENDED, WD_ST_WAITING, WD_ST_YES, WD_ST_MAYBE, WD_ST_NO,
		WD_ST_INVITED, WD_ST_ADDED,
	};
	unsigned s = wd_person_states(p);
	size_t i, b;

	for (i = 0; i < sizeof(order) / sizeof(*order); i++)
		if (s & order[i])
			for (b = 0; b < WD_ST_COUNT; b++)
				if (order[i] == 1u << b)
					return statuses[b].name;
	return "added";
}

const char *wd_status_name(size_t i)
{
	return i < WD_ST_COUNT ? statuses[i].name : NULL;
}

const char *wd_status_label(const char *status, const char *lang)
{
	size_t i;

	for (i = 0; i < WD_ST_COUNT; i++)
		if (!strcmp(statuses[i].name, status))
			return lang && !strcmp(lang, "nl") ? statuses[i].nl :
			       statuses[i].name;
	return status;
}

/* Each ","-separated word of `words` through `one`. */
static int each_word(const char *words, unsigned *mask,
		     int (*one)(const char *w, unsigned *mask,
				struct wd_error *err),
		     struct wd_error *err)
{
	struct wd_buf w = WD_BUF_INIT(256);
	const char *p = words, *e;
	int ret = 0;

	*mask = 0;
	do {
		e = strchr(p, ',');
		if (!e)
			e = p + strlen(p);
		while (p < e && *p == ' ')
			p++;
		wd_buf_reset(&w);
		if (wd_buf_add(&w, p, (size_t)(e - p)) < 0) {
			ret = wd_error_oom(err);
			break;
		}
		while (w.len && w.ptr[w.len - 1] == ' ')
			wd_buf_truncate(&w, w.len - 1);
		if ((ret = one(wd_buf_str(&w), mask, err)) < 0)
			break;
		p = *e ? e + 1 : e;
	} while (*p || *e);
	wd_buf_release(&w);
	return ret;
}

static int one_status(const char *w, unsigned *mask, struct wd_error *err)
{
	const char *cand[3 * WD_ST_COUNT], *hint;
	size_t i;

	for (i = 0; i < WD_ST_COUNT; i++) {
		if (!strcasecmp(w, statuses[i].name) ||
		    !strcasecmp(w, statuses[i].nl) ||
		    !strcasecmp(w, statuses[i].other)) {
			*mask |= 1u << i;
			return 0;
		}
		cand[3 * i] = statuses[i].name;
		cand[3 * i + 1] = statuses[i].nl;
		cand[3 * i + 2] = statuses[i].other;
	}
	hint = wd_closest(w, cand, 3 * WD_ST_COUNT);
	if (hint)
		return wd_error_set(err, EX_USAGE,
				    _("unknown status '%s' (did you mean '%s'?)"),
				    w, hint);
	return wd_error_set(err, EX_USAGE,
			    _("unknown status '%s' (added, invited, yes, no, maybe, waiting, attended)"),
			    w);
}

int wd_status_parse(const char *words, unsigned *mask, struct wd_error *err)
{
	return each_word(words, mask, one_status, err);
}

static int one_role(const char *w, unsigned *mask, struct wd_error *err)
{
	const char *canon = wd_vocab_canon(WD_V_ROLE, w);
	char msg[512];

	if (canon) {
		*mask |= 1u << wd_vocab_index(WD_V_ROLE, canon);
		return 0;
	}
	unknown_word(msg, sizeof(msg), WD_V_ROLE, w);
	return wd_error_set(err, EX_USAGE, "%s", msg);
}

int wd_role_parse(const char *words, unsigned *mask, struct wd_error *err)
{
	return each_word(words, mask, one_role, err);
}

/* --- lists --- */

enum {
	L_TABLE, L_ID, L_NAME, L_ROLE, L_ORG, L_LANG, L_EMAIL, L_PHONE,
	L_ADDRESS, L_HOST, L_STATUS, L_RSVP, L_ANSWERED, L_WAITING,
	L_ATTENDED, L_CCONTACT, L_CNAMED, L_CPHOTO, L_FROM, L_NOTE, NLCOL
};

static const struct {
	const char *key, *en, *nl;
	enum wd_coltype type;
} list_cols[NLCOL] = {
	[L_TABLE] = { "table", "table", "tafel", WD_COL_NUMBER },
	[L_ID] = { "id", "id", "id", WD_COL_TEXT },
	[L_NAME] = { "name", "name", "naam", WD_COL_TEXT },
	[L_ROLE] = { "role", "role", "rol", WD_COL_TEXT },
	[L_ORG] = { "organisation", "organisation", "organisatie", WD_COL_TEXT },
	[L_LANG] = { "lang", "lang", "taal", WD_COL_TEXT },
	[L_EMAIL] = { "email", "email", "e-mail", WD_COL_TEXT },
	[L_PHONE] = { "phone", "phone", "telefoon", WD_COL_TEXT },
	[L_ADDRESS] = { "address", "address", "adres", WD_COL_TEXT },
	[L_HOST] = { "host", "host", "begeleider", WD_COL_BOOL },
	[L_STATUS] = { "status", "status", "status", WD_COL_TEXT },
	[L_RSVP] = { "rsvp", "rsvp", "antwoord", WD_COL_TEXT },
	[L_ANSWERED] = { "answered", "answered", "beantwoord", WD_COL_TEXT },
	[L_WAITING] = { "waiting", "waiting", "wachtlijst", WD_COL_NUMBER },
	[L_ATTENDED] = { "attended", "attended", "aanwezig", WD_COL_BOOL },
	[L_CCONTACT] = { "consent_contact", "consent_contact",
			 "toestemming_contact", WD_COL_TEXT },
	[L_CNAMED] = { "consent_named", "consent_named", "toestemming_naam",
		       WD_COL_TEXT },
	[L_CPHOTO] = { "consent_photo", "consent_photo", "toestemming_foto",
		       WD_COL_TEXT },
	[L_FROM] = { "from", "from", "van", WD_COL_TEXT },
	[L_NOTE] = { "note", "note", "opmerking", WD_COL_TEXT },
};

struct lister {
	struct wd_roster *r;
	const struct wd_list_opts *o;
	const char *lang;
	int cols[NLCOL];		/* L_* of each output column */
	size_t ncols;
	struct wd_col out_cols[NLCOL];
	char num[3][32];
};

static void want(struct lister *l, int col)
{
	l->cols[l->ncols++] = col;
}

static void pick_columns(struct lister *l, int grouped, int hosts)
{
	size_t i;
	int c;

	if (l->o->fmt == WD_FMT_TABLE) {
		if (grouped)
			want(l, L_TABLE);
		want(l, L_ID);
		want(l, L_NAME);
		want(l, L_ROLE);
		want(l, L_ORG);
		if (hosts)
			want(l, L_HOST);
		want(l, L_STATUS);
		if (l->o->contacts) {
			want(l, L_EMAIL);
			want(l, L_PHONE);
			want(l, L_ADDRESS);
		}
	} else {
		for (c = L_ID; c < NLCOL; c++)
			if (l->o->contacts ||
			    (c != L_EMAIL && c != L_PHONE && c != L_ADDRESS))
				want(l, c);
		/* the table after the person, as wd(5) has it */
		memmove(l->cols + 5, l->cols + 4, (l->ncols - 4) * sizeof(*l->cols));
		l->cols[4] = L_TABLE;
		l->ncols++;
	}
	for (i = 0; i < l->ncols; i++) {
		c = l->cols[i];
		l->out_cols[i].key = list_cols[c].key;
		l->out_cols[i].label = !strcmp(l->lang, "nl") ? list_cols[c].nl :
				       list_cols[c].en;
		l->out_cols[i].type = list_cols[c].type;
	}
}

static const char *cell(struct lister *l, const struct wd_person *p,
			const struct wd_contact *ct, int col, long place,
			struct wd_buf *tmp)
{
	int table = l->o->fmt == WD_FMT_TABLE;
	int nl = !strcmp(l->lang, "nl");
	int dummy;

	switch (col) {
	case L_TABLE:
		if (!p->table)
			return table ? "-" : NULL;
		snprintf(l->num[0], sizeof(l->num[0]), "%ld", p->table);
		return l->num[0];
	case L_ID: return p->id;
	case L_NAME: return p->name;
	case L_ROLE:
		return table ? wd_vocab_label(WD_V_ROLE, p->role, l->lang) : p->role;
	case L_ORG: return p->organisation;
	case L_LANG: return p->lang;
	case L_EMAIL: return ct ? ct->email : NULL;
	case L_PHONE: return ct ? ct->phone : NULL;
	case L_ADDRESS: return ct ? ct->address : NULL;
	case L_HOST:
		if (table)
			return p->host ? (nl ? "ja" : "yes") : NULL;
		return p->host ? "1" : "0";
	case L_STATUS:
		if (!table)
			return wd_person_status(p);
		wd_buf_reset(tmp);
		if (wd_buf_adds(tmp, wd_status_label(wd_person_status(p), l->lang)) < 0 ||
		    (place && !p->attended && wd_buf_addf(tmp, " %ld", place) < 0))
			return NULL;
		return tmp->ptr;
	case L_RSVP: return p->rsvp;
	case L_ANSWERED:
		return p->has_answered ? wd_f_text(value_node(p, "answered", &dummy)) :
		       NULL;
	case L_WAITING:
		if (!place)
			return NULL;
		snprintf(l->num[1], sizeof(l->num[1]), "%ld", place);
		return l->num[1];
	case L_ATTENDED: return p->attended ? "1" : "0";
	case L_CCONTACT: return person_consent(p, 0) && !*person_consent(p, 0) ?
				"no" : person_consent(p, 0);
	case L_CNAMED: return person_consent(p, 1) && !*person_consent(p, 1) ?
			      "no" : person_consent(p, 1);
	case L_CPHOTO: return person_consent(p, 2) && !*person_consent(p, 2) ?
			      "no" : person_consent(p, 2);
	case L_FROM: return p->from;
	case L_NOTE: return p->note;
	}
	return NULL;
}

/*
 * "2 bewoners, 1 gemeente; 3 mensen", and with `tables` (the highest
 * table number shown, 0 for none) "... aan 2 tafels", or "9 mensen, 7
 * aan 3 tafels" when not everyone shown has a table.
 */
static int footer(struct lister *l, const size_t *shown, size_t n,
		  long tables, struct wd_buf *b)
{
	size_t count[16], i, nroles = wd_vocab_count(WD_V_ROLE);
	size_t seated = 0, distinct = 0;
	int nl = !strcmp(l->lang, "nl"), any = 0;
	unsigned char *seen = NULL;

	if (tables) {
		seen = calloc((size_t)tables + 1, 1);
		if (!seen)
			return -1;
		for (i = 0; i < n; i++) {
			long t = l->r->pp.v[shown[i]].table;

			if (t <= 0 || t > tables)
				continue;
			seated++;
			distinct += !seen[t];
			seen[t] = 1;
		}
		free(seen);
	}

	memset(count, 0, sizeof(count));
	for (i = 0; i < n; i++) {
		int k = wd_vocab_index(WD_V_ROLE, l->r->pp.v[shown[i]].role);

		if (k >= 0 && (size_t)k < 16)
			count[k]++;
	}
	for (i = 0; i < nroles && i < 16; i++) {
		const char *role = wd_vocab_at(WD_V_ROLE, i);

		if (!count[i])
			continue;
		if (wd_buf_addf(b, "%s%zu %s", any ? ", " : "", count[i],
				count[i] == 1 ? wd_vocab_label(WD_V_ROLE, role, l->lang) :
				wd_vocab_plural(WD_V_ROLE, role, l->lang)) < 0)
			return -1;
		any = 1;
	}
	if (wd_buf_addf(b, "%s%zu %s", any ? "; " : "", n,
			n == 1 ? (nl ? "persoon" : "person") :
			(nl ? "mensen" : "people")) < 0)
		return -1;
	if (distinct && seated < n &&
	    wd_buf_addf(b, ", %zu", seated) < 0)
		return -1;
	if (distinct && wd_buf_addf(b, nl ? " aan %zu %s" : " at %zu %s",
				    distinct,
				    distinct == 1 ? (nl ? "tafel" : "table") :
				    (nl ? "tafels" : "tables")) < 0)
		return -1;
	return 0;
}

static int by_table(const struct wd_people *pp, size_t a, size_t b)
{
	long x = pp->v[a].table ? pp->v[a].table : 1L << 30;
	long y = pp->v[b].table ? pp->v[b].table : 1L << 30;

	return x != y ? (x < y ? -1 : 1) : (a < b ? -1 : a > b);
}

int wd_invite_list(struct wd_roster *r, const struct wd_list_opts *o,
		   wd_write_fn write, void *ctx, struct wd_error *err)
{
	struct lister l;
	struct wd_out out;
	struct wd_buf tmp = WD_BUF_INIT(0), foot = WD_BUF_INIT(0);
	size_t *shown = NULL, *order = NULL, n = 0, i, j, nw;
	long *place = NULL, tables = 0;
	const char *values[NLCOL];
	int grouped = 0, hosts = 0, ret = -1;

	memset(&l, 0, sizeof(l));
	l.r = r;
	l.o = o;
	l.lang = r->dl.lang && !strcmp(r->dl.lang, "en") ? "en" : "nl";
	wd_out_begin(&out, o->fmt, l.out_cols, 0, write, ctx);
	shown = malloc((r->pp.n ? r->pp.n : 1) * sizeof(*shown));
	order = malloc((r->pp.n ? r->pp.n : 1) * sizeof(*order));
	place = calloc(r->pp.n ? r->pp.n : 1, sizeof(*place));
	if (!shown || !order || !place)
		goto oom;
	nw = wd_waiting_list(&r->pp, order);
	for (i = 0; i < nw; i++)
		place[order[i]] = (long)i + 1;
	if (o->status == WD_ST_WAITING) {
		/* the waiting list in its order */
		memcpy(shown, order, nw * sizeof(*order));
		n = nw;
	}
	for (i = 0; o->status != WD_ST_WAITING && i < r->pp.n; i++)
		shown[n++] = i;
	for (i = j = 0; i < n; i++) {
		const struct wd_person *p = &r->pp.v[shown[i]];

		if (o->status && !(wd_person_states(p) & o->status))
			continue;
		if (o->roles &&
		    !(o->roles & (1u << wd_vocab_index(WD_V_ROLE, p->role))))
			continue;
		shown[j++] = shown[i];
	}
	n = j;
	for (i = 0; i < n; i++) {
		const struct wd_person *p = &r->pp.v[shown[i]];

		hosts |= p->host;
		if (p->table) {
			grouped = 1;
			if (p->table > tables)
				tables = p->table;
		}
	}
	grouped = o->fmt == WD_FMT_TABLE && (o->by_table > 0 ||
					     (o->by_table < 0 && grouped));
	pick_columns(&l, grouped, hosts);
	out.ncols = l.ncols;
	if (grouped) {
		/* stable: by table, then the order of people.yaml */
		for (i = 1; i < n; i++) {
			size_t v = shown[i];

			for (j = i; j > 0 && by_table(&r->pp, shown[j - 1], v) > 0; j--)
				shown[j] = shown[j - 1];
			shown[j] = v;
		}
	}
	for (i = 0; i < n; i++) {
		const struct wd_person *p = &r->pp.v[shown[i]];
		const struct wd_contact *ct = wd_contacts_find(&r->cc, p->id);

		if (grouped && i && p->table != r->pp.v[shown[i - 1]].table) {
			/* a blank line between tables */
			for (j = 0; j < l.ncols; j++)
				values[j] = NULL;
			if (wd_out_row(&out, values) < 0)
				goto io;
		}
		/* only the status uses tmp: one per row */
		for (j = 0; j < l.ncols; j++)
			values[j] = cell(&l, p, ct, l.cols[j], place[shown[i]], &tmp);
		if (wd_out_row(&out, values) < 0)
			goto io;
	}
	if (o->fmt == WD_FMT_TABLE &&
	    footer(&l, shown, n, grouped ? tables : 0, &foot) < 0)
		goto oom;
	if (wd_out_end(&out, o->fmt == WD_FMT_TABLE ? foot.ptr : NULL) < 0)
		goto io;
	ret = 0;
	goto out;
oom:
	wd_error_oom(err);
	goto out;
io:
	if (out.failed)
		wd_error_sys(err, EX_IOERR, "", _("cannot write the list"));
	else
		wd_error_oom(err);
out:
	wd_out_release(&out);
	wd_buf_release(&tmp);
	wd_buf_release(&foot);
	free(shown);
	free(order);
	free(place);
	return ret;
}

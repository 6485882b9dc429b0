/* dialogue.c - one dialogue: its dialogue.yaml, creating it, the relay */
#include "dialogue.h"
#include "i18n.h"
#include "slug.h"
#include "template.h"
#include "undo.h"
#include "utf8.h"
#include "yedit.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void wd_dialogue_init(struct wd_dialogue *dl)
{
	memset(dl, 0, sizeof(*dl));
	wd_ydoc_init(&dl->doc);
}

void wd_dialogue_release(struct wd_dialogue *dl)
{
	wd_ydoc_release(&dl->doc);
	free(dl->id);
	wd_dialogue_init(dl);
}

static void read_questions(struct wd_dialogue *dl, struct wd_fctx *c,
			   const struct wd_ynode *root)
{
	const struct wd_ynode *q = wd_f_map(c, root, "questions");
	size_t i;
	int p;

	if (!q)
		return;
	for (i = 0; i < q->n; i++) {
		const struct wd_ynode *k = q->items[2 * i];
		const char *phase = wd_vocab_canon(WD_V_PHASE, k->s);
		const char *hint;

		if (!phase) {
			hint = wd_vocab_suggest(WD_V_PHASE, k->s);
			if (hint)
				wd_f_problem(c, k, _("unknown phase '%s' (did you mean '%s'?)"),
					     k->s, hint);
			else
				wd_f_problem(c, k, _("unknown phase '%s' (the phases are discover, dream, design, deliver)"),
					     k->s);
			continue;
		}
		p = wd_vocab_index(WD_V_PHASE, phase);
		wd_f_list(c, q, k->s, &dl->questions[p]);
	}
}

void wd_dialogue_read(struct wd_dialogue *dl, const struct wd_ws *ws,
		      struct wd_diag *diag)
{
	struct wd_fctx c = { &dl->doc, diag };
	const struct wd_ynode *root, *relay;

	dl->lang = ws ? ws->set.lang : "nl";
	dl->status = "planned";
	root = wd_f_root(&c);
	if (!root) {
		if (!dl->doc.root || wd_ynode_is_null(dl->doc.root))
			wd_f_problem(&c, NULL, "%s", _("'title' is missing"));
		return;
	}
	dl->title = wd_f_str(&c, root, "title", WD_F_REQUIRED | WD_F_LINE);
	dl->theme = wd_f_str(&c, root, "theme", WD_F_LINE);
	dl->question = wd_f_str(&c, root, "question", 0);
	dl->place = wd_f_str(&c, root, "place", WD_F_LINE);
	dl->venue = wd_f_str(&c, root, "venue", 0);
	dl->has_start = wd_f_time(&c, root, "start", WD_F_REQUIRED, &dl->start);
	dl->has_end = wd_f_time(&c, root, "end", 0, &dl->end);
	if (dl->has_start && dl->has_end && dl->end.t < dl->start.t)
		wd_f_problem(&c, wd_ymap_get(root, "end"), "%s",
			     _("'end' is before 'start'"));
	wd_f_long(&c, root, "capacity", 0, 100000, &dl->capacity);
	wd_f_long(&c, root, "tables", 0, 10000, &dl->tables);
	if (wd_ymap_get(root, "status"))
		dl->status = wd_f_word(&c, root, "status", WD_V_DSTATUS, 0);
	if (!dl->status)
		dl->status = "planned";
	if (wd_ymap_get(root, "language")) {
		const char *l = wd_f_word(&c, root, "language", WD_V_LANG, 0);

		if (l)
			dl->lang = l;
	}
	wd_f_list(&c, root, "hosts", &dl->hosts);
	wd_f_list(&c, root, "initiators", &dl->initiators);
	relay = wd_f_map(&c, root, "relay");
	if (relay) {
		size_t i;

		dl->relay_from = wd_f_id(&c, relay, "from", N_("dialogue id"), 0);
		dl->baton = wd_f_str(&c, relay, "baton", 0);
		wd_f_list(&c, relay, "to", &dl->relay_to);
		for (i = 0; i < dl->relay_to.n; i++)
			if (!wd_id_valid(dl->relay_to.v[i]))
				wd_f_problem(&c, wd_ymap_get(relay, "to"),
					     _("invalid dialogue id '%s' in 'to'"),
					     dl->relay_to.v[i]);
	}
	read_questions(dl, &c, root);
}

int wd_dialogue_load(struct wd_dialogue *dl, const struct wd_ws *ws,
		     const char *id, struct wd_diag *diag)
{
	struct wd_buf path = WD_BUF_INIT(0), name = WD_BUF_INIT(0);
	size_t before = diag->count;
	struct wd_error e;
	int r = -1;

	if (wd_id_check(id, _("dialogue id"), &e) < 0) {
		wd_diag_error(diag, &e);
		return -1;
	}
	dl->id = strdup(id);
	if (!dl->id || wd_buf_addf(&name, "%s/dialogue.yaml", id) < 0 ||
	    wd_ws_join(ws, &path, name.ptr) < 0) {
		wd_error_oom(&e);
		wd_diag_error(diag, &e);
		goto out;
	}
	if (wd_ydoc_load(&dl->doc, path.ptr, name.ptr, NULL, &e) < 0) {
		if (e.code == EX_NOINPUT)
			wd_error_set(&e, EX_NOINPUT,
				     _("no dialogue '%s' in this workspace"), id);
		wd_diag_error(diag, &e);
		goto out;
	}
	wd_dialogue_read(dl, ws, diag);
	r = diag->count > before ? -1 : 0;
out:
	wd_buf_release(&path);
	wd_buf_release(&name);
	return r;
}

int wd_dialogue_where(const struct wd_dialogue *dl, struct wd_buf *b)
{
	if (dl->venue && wd_buf_adds(b, dl->venue) < 0)
		return -1;
	if (dl->place && (!dl->venue || !strstr(dl->venue, dl->place)) &&
	    wd_buf_addf(b, "%s%s", dl->venue ? ", " : "", dl->place) < 0)
		return -1;
	return 0;
}

int64_t wd_dialogue_end(const struct wd_dialogue *dl)
{
	if (dl->has_end)
		return dl->end.t;
	return dl->start.t + (dl->start.has_time ? 2 * 3600 : 24 * 3600);
}

/* --- making one --- */

struct qset {
	struct wd_ydoc doc;
	const char *question;
	struct wd_strlist phase[WD_PHASES];
};

static int load_qset(const struct wd_ws *ws, const char *lang,
		     const char *theme, struct qset *q, struct wd_error *err)
{
	struct wd_buf rel = WD_BUF_INIT(0), path = WD_BUF_INIT(0);
	struct wd_buf slug = WD_BUF_INIT(0);
	struct wd_diag diag;
	struct wd_fctx c = { &q->doc, &diag };
	const struct wd_ynode *root;
	int r = -1, i;

	wd_diag_init(&diag, err, NULL);
	if (theme && wd_slug(&slug, theme) < 0)
		goto oom;
	if (slug.len) {
		if (wd_buf_addf(&rel, "questions/%s/%s.yaml", lang, slug.ptr) < 0)
			goto oom;
		if (wd_ws_shared(ws, ws->share, rel.ptr, &path, err) == 0)
			goto found;
		if (err->code == EX_OSERR)
			goto out;	/* not "no questions of this theme" */
	}
	wd_buf_reset(&rel);
	if (wd_buf_addf(&rel, "questions/%s/default.yaml", lang) < 0)
		goto oom;
	if (wd_ws_shared(ws, ws->share, rel.ptr, &path, err) < 0)
		goto out;
found:
	if (wd_ydoc_load(&q->doc, path.ptr, path.ptr, NULL, err) < 0)
		goto out;
	root = wd_f_root(&c);
	if (root) {
		q->question = wd_f_str(&c, root, "question", 0);
		for (i = 0; i < WD_PHASES; i++)
			wd_f_list(&c, root, wd_vocab_at(WD_V_PHASE, (size_t)i),
				  &q->phase[i]);
	}
	r = diag.count ? -1 : 0;
	goto out;
oom:
	wd_error_oom(err);
out:
	wd_buf_release(&rel);
	wd_buf_release(&path);
	wd_buf_release(&slug);
	return r;
}

/* Render one question of the set, with the dialogue's words filled in. */
static int fill(struct wd_buf *out, const char *tpl, const char *file,
		const struct wd_dialogue_new *nd, const char *lang,
		struct wd_error *err)
{
	static const char *const names[] = { "theme", "place", "title", "venue" };
	const char *values[4];
	struct wd_tvars vars = { names, values, 4 };

	values[0] = nd->theme ? nd->theme : "";
	values[1] = nd->place ? nd->place : !strcmp(lang, "en") ?
		    "the neighbourhood" : "de buurt";
	values[2] = nd->title;
	values[3] = nd->venue ? nd->venue : "";
	return wd_template_render(out, tpl, strlen(tpl), file, &vars, NULL, err);
}

static int parse_time_arg(const char *opt, const char *s, struct wd_when *w,
			  struct wd_error *err)
{
	if (wd_time_parse(s, w) < 0)
		return wd_error_set(err, EX_USAGE,
				    _("%s '%s' is not a date and time like 2026-12-12T19:30"),
				    opt, s);
	return 0;
}

static int time_text(struct wd_buf *b, const char *given, const struct wd_when *w)
{
	/* keep what the user wrote when it has its own offset */
	if (w->has_offset || !w->has_time)
		return wd_buf_adds(b, given);
	return wd_time_local(b, w->t);
}

static int add_list(struct wd_buf *b, const char *indent,
		    const char *const *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (wd_buf_addf(b, "%s- ", indent) < 0 ||
		    wd_yemit_scalar(b, v[i], 0) < 0 || wd_buf_addc(b, '\n') < 0)
			return -1;
	return 0;
}

static int render_new(const struct wd_ws *ws, const struct wd_dialogue_new *nd,
		      struct wd_buf *out, struct wd_error *err)
{
	struct wd_when start, end;
	struct wd_buf t = WD_BUF_INIT(0), q = WD_BUF_INIT(0);
	struct qset qs;
	const char *lang = nd->lang ? nd->lang : ws->set.lang;
	int r = -1, i;
	size_t j;

	memset(&qs, 0, sizeof(qs));
	wd_ydoc_init(&qs.doc);
	if (parse_time_arg("--start", nd->start, &start, err) < 0)
		goto out;
	if (nd->end && parse_time_arg("--end", nd->end, &end, err) < 0)
		goto out;
	if (nd->duration) {
		int64_t d = wd_duration_parse(nd->duration);

		if (d <= 0) {
			wd_error_set(err, EX_USAGE,
				     _("--duration '%s' is not a duration like 2h or 90m"),
				     nd->duration);
			goto out;
		}
		end.t = start.t + d;
		end.has_time = 1;
		end.has_offset = 0;
	}
	if ((nd->end || nd->duration) && end.t <= start.t) {
		wd_error_set(err, EX_USAGE, "%s", _("the end is not after the start"));
		goto out;
	}
	if (load_qset(ws, lang, nd->theme, &qs, err) < 0)
		goto out;

	if (wd_buf_addf(out, lang[0] == 'e' ?
			"# Wijkdialoog '%s'; see wd(5) for every field.\n" :
			"# Wijkdialoog '%s'; zie wd(5) voor alle velden.\n",
			nd->id) < 0 ||
	    wd_yemit_pair(out, "title", nd->title, 0) < 0)
		goto oom;
	if (nd->theme && wd_yemit_pair(out, "theme", nd->theme, 0) < 0)
		goto oom;
	if (nd->question) {
		if (wd_yemit_pair(out, "question", nd->question, 0) < 0)
			goto oom;
	} else if (qs.question) {
		if (fill(&q, qs.question, qs.doc.name, nd, lang, err) < 0)
			goto out;
		if (wd_yemit_pair(out, "question", q.ptr, 0) < 0)
			goto oom;
	}
	if ((nd->place && wd_yemit_pair(out, "place", nd->place, 0) < 0) ||
	    (nd->venue && wd_yemit_pair(out, "venue", nd->venue, 0) < 0))
		goto oom;
	if (time_text(&t, nd->start, &start) < 0 ||
	    wd_yemit_pair(out, "start", t.ptr, WD_YE_TYPED) < 0)
		goto oom;
	if (nd->end || nd->duration) {
		wd_buf_reset(&t);
		if ((nd->end ? time_text(&t, nd->end, &end) :
		     wd_time_local(&t, end.t)) < 0 ||
		    wd_yemit_pair(out, "end", t.ptr, WD_YE_TYPED) < 0)
			goto oom;
	}
	if (nd->capacity > 0 && wd_buf_addf(out, "capacity: %ld\n", nd->capacity) < 0)
		goto oom;
	if (nd->lang && wd_yemit_pair(out, "language", lang, 0) < 0)
		goto oom;
	if (wd_buf_adds(out, "status: planned\n") < 0)
		goto oom;
	if (nd->nhosts && (wd_buf_adds(out, "hosts:\n") < 0 ||
			   add_list(out, "  ", nd->hosts, nd->nhosts) < 0))
		goto oom;
	if (nd->from && (wd_buf_adds(out, "relay:\n") < 0 ||
			 wd_buf_addf(out, "  from: %s\n", nd->from) < 0))
		goto oom;
	if (wd_buf_adds(out, "questions:\n") < 0)
		goto oom;
	for (i = 0; i < WD_PHASES; i++) {
		if (wd_buf_addf(out, "  %s:\n", wd_vocab_at(WD_V_PHASE, (size_t)i)) < 0)
			goto oom;
		for (j = 0; j < qs.phase[i].n; j++) {
			wd_buf_reset(&q);
			if (fill(&q, qs.phase[i].v[j], qs.doc.name, nd, lang, err) < 0)
				goto out;
			if (wd_buf_adds(out, "    - ") < 0 ||
			    wd_yemit_scalar(out, q.ptr, 0) < 0 ||
			    wd_buf_addc(out, '\n') < 0)
				goto oom;
		}
	}
	r = 0;
	goto out;
oom:
	wd_error_oom(err);
out:
	wd_ydoc_release(&qs.doc);
	wd_buf_release(&t);
	wd_buf_release(&q);
	return r;
}

/* Add `to` to the relay of the loaded document of the previous dialogue. */
static int edit_relay_to(struct wd_ydoc *doc, const char *to,
			 struct wd_error *err)
{
	const struct wd_ynode *root = doc->root, *relay, *t;
	struct wd_buf b = WD_BUF_INIT(0);
	size_t i;
	int r;

	if (!root || root->type != WD_YMAP)
		return wd_error_at(err, EX_DATAERR, doc->name, 1, 1, "%s",
				   _("the file should hold a mapping"));
	relay = wd_ymap_get(root, "relay");
	if (!relay || wd_ynode_is_null(relay)) {
		if (wd_buf_addf(&b, "to:\n  - %s\n", to) < 0)
			return wd_error_oom(err);
		r = wd_yedit_map_set_block(doc, root, "relay", b.ptr, err);
		wd_buf_release(&b);
		return r;
	}
	if (relay->type != WD_YMAP)
		return wd_error_at(err, EX_DATAERR, doc->name, relay->line,
				   relay->col, "%s",
				   _("'relay' should be a mapping (key: value lines)"));
	t = wd_ymap_get(relay, "to");
	if (t && t->type == WD_YSEQ) {
		for (i = 0; i < t->n; i++)
			if (t->items[i]->type == WD_YSCALAR &&
			    !strcmp(t->items[i]->s, to))
				return 0;
		return wd_yedit_seq_append(doc, relay, "to", to, 1, err);
	}
	if (t && t->type == WD_YSCALAR && !wd_ynode_is_null(t)) {
		const char *both[2];

		if (!strcmp(t->s, to))
			return 0;
		both[0] = t->s;
		both[1] = to;
		if (relay->style == WD_YFLOW || t->style != WD_YPLAIN) {
			if (wd_yemit_flow_seq(&b, both, 2) < 0)
				return wd_error_oom(err);
			r = wd_yedit_map_set(doc, relay, "to", b.ptr, WD_YE_RAW, err);
		} else {
			if (wd_buf_addf(&b, "- %s\n- %s\n", t->s, to) < 0)
				return wd_error_oom(err);
			r = wd_yedit_map_set_block(doc, relay, "to", b.ptr, err);
		}
		wd_buf_release(&b);
		return r;
	}
	if (relay->style == WD_YFLOW) {
		if (wd_yemit_flow_seq(&b, &to, 1) < 0)
			return wd_error_oom(err);
		r = wd_yedit_map_set(doc, relay, "to", b.ptr, WD_YE_RAW, err);
		wd_buf_release(&b);
		return r;
	}
	return wd_yedit_seq_append(doc, relay, "to", to, 1, err);
}

static int load_doc(const struct wd_ws *ws, const char *id,
		    struct wd_ydoc *doc, struct wd_buf *path,
		    struct wd_error *err)
{
	struct wd_buf name = WD_BUF_INIT(0);
	int r;

	if (wd_buf_addf(&name, "%s/dialogue.yaml", id) < 0 ||
	    wd_ws_join(ws, path, name.ptr) < 0) {
		wd_buf_release(&name);
		return wd_error_oom(err);
	}
	r = wd_ydoc_load(doc, path->ptr, name.ptr, NULL, err);
	if (r < 0 && err->code == EX_NOINPUT)
		wd_error_set(err, EX_NOINPUT, _("no dialogue '%s' in this workspace"),
			     id);
	wd_buf_release(&name);
	return r;
}

int wd_dialogue_relay_to(struct wd_ws *ws, const char *from, const char *to,
			 struct wd_error *err)
{
	struct wd_buf path = WD_BUF_INIT(0);
	struct wd_ydoc doc;
	int r = -1;

	wd_ydoc_init(&doc);
	if (!wd_ws_has_dialogue(ws, from)) {
		wd_error_set(err, EX_NOINPUT, _("no dialogue '%s' in this workspace"),
			     from);
		goto out;
	}
	if (load_doc(ws, from, &doc, &path, err) < 0 ||
	    edit_relay_to(&doc, to, err) < 0)
		goto out;
	r = wd_ws_write(ws, doc.name, doc.src, doc.len, 0644, err);
out:
	wd_ydoc_release(&doc);
	wd_buf_release(&path);
	return r;
}

/*
 * A folder made for a dialogue by a run that was killed: empty, or with
 * only the temporary file it was writing (removed when writing again).
 */
static int empty_dir(const char *path)
{
	struct dirent *e;
	DIR *d = opendir(path);
	int empty = 1;

	if (!d)
		return 0;
	while (empty && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..") &&
		    !wd_store_is_temp(e->d_name))
			empty = 0;
	closedir(d);
	return empty;
}

/* What the user gave must be text a file can hold (see wd_text_check). */
static int check_texts(const struct wd_dialogue_new *nd, struct wd_error *err)
{
	const struct {
		const char *v, *what;
		int line;
	} t[] = {
		{ nd->title, "--title", 1 }, { nd->theme, "--theme", 1 },
		{ nd->place, "--place", 1 }, { nd->venue, "--venue", 0 },
		{ nd->question, "--question", 0 },
	};
	size_t i;

	for (i = 0; i < sizeof(t) / sizeof(*t); i++)
		if (t[i].v && wd_text_check(t[i].v, t[i].line, t[i].what, err) < 0)
			return -1;
	for (i = 0; i < nd->nhosts; i++)
		if (wd_text_check(nd->hosts[i], 1, "--host", err) < 0)
			return -1;
	return 0;
}

/*
 * Write the new dialogue (and, with `from`, the previous one first).
 * When the new one cannot be made, the previous one is put back and the
 * folder made for the new one removed: the command fails as a whole.
 */
static int write_new(struct wd_ws *ws, const struct wd_dialogue_new *nd,
		     const struct wd_ydoc *prev, const char *dir,
		     const char *rel, const struct wd_buf *out,
		     struct wd_error *err)
{
	struct wd_undo undo;
	struct stat st;
	int made = lstat(dir, &st) < 0, r = -1;

	wd_undo_init(&undo, ws);
	if (nd->from && wd_undo_write(&undo, prev->name, prev->src, prev->len,
				      0644, err) < 0)
		goto out;
	if (wd_store_mkdir(dir, nd->id, 0755, err) < 0 ||
	    wd_undo_write(&undo, rel, out->ptr, out->len, 0644, err) < 0)
		goto out;
	r = 0;
out:
	if (r < 0) {
		wd_undo_rollback(&undo);
		if (made)
			rmdir(dir);
	}
	wd_undo_release(&undo);
	return r;
}

/*
 * The order of the writes keeps every moment consistent: first the
 * previous dialogue learns where the relay goes (a relay to a dialogue
 * that is not here yet is fine: it may live in another workspace), then
 * the new dialogue is made.
 */
int wd_dialogue_create(struct wd_ws *ws, const struct wd_dialogue_new *nd,
		       struct wd_buf *out, struct wd_error *err)
{
	struct wd_buf dir = WD_BUF_INIT(0), rel = WD_BUF_INIT(0);
	struct wd_buf prev_path = WD_BUF_INIT(0);
	struct wd_ydoc prev;
	struct stat st;
	int r = -1;

	wd_ydoc_init(&prev);
	if (wd_id_check(nd->id, _("dialogue id"), err) < 0)
		return -1;
	if (wd_ws_reserved(nd->id))
		return wd_error_set(err, EX_USAGE,
				    _("'%s' cannot be a dialogue id: the name has another use"),
				    nd->id);
	if (nd->from && wd_id_check(nd->from, _("dialogue id"), err) < 0)
		return -1;
	if (nd->from && !strcmp(nd->from, nd->id))
		return wd_error_set(err, EX_USAGE, "%s",
				    _("a dialogue cannot hand the baton to itself"));
	if (check_texts(nd, err) < 0)
		return -1;
	if (!nd->dry_run && wd_ws_lock(ws, err) < 0)
		return -1;
	if (wd_ws_join(ws, &dir, nd->id) < 0 ||
	    wd_buf_addf(&rel, "%s/dialogue.yaml", nd->id) < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (lstat(dir.ptr, &st) == 0 &&
	    !(S_ISDIR(st.st_mode) && empty_dir(dir.ptr))) {
		wd_error_set(err, EX_CANTCREAT, _("'%s' already exists"), nd->id);
		goto out;
	}
	if (nd->from) {
		/* read and change the previous one first: fail before writing;
		 * only a real dialogue folder (not a symbolic link out) */
		if (!wd_ws_has_dialogue(ws, nd->from)) {
			wd_error_set(err, EX_NOINPUT,
				     _("no dialogue '%s' in this workspace"), nd->from);
			goto out;
		}
		if (load_doc(ws, nd->from, &prev, &prev_path, err) < 0 ||
		    edit_relay_to(&prev, nd->id, err) < 0)
			goto out;
	}
	if (render_new(ws, nd, out, err) < 0)
		goto out;
	if (nd->dry_run) {
		r = 0;
		goto out;
	}
	if (write_new(ws, nd, &prev, dir.ptr, rel.ptr, out, err) < 0)
		goto out;
	r = 0;
out:
	if (!nd->dry_run)
		wd_ws_unlock(ws);
	wd_ydoc_release(&prev);
	wd_buf_release(&dir);
	wd_buf_release(&rel);
	wd_buf_release(&prev_path);
	return r;
}

int wd_themes(const struct wd_ws *ws, const char *share, const char *lang,
	      struct wd_buf *out, struct wd_error *err)
{
	struct wd_buf rel = WD_BUF_INIT(0), path = WD_BUF_INIT(0);
	struct wd_ydoc doc;
	struct wd_diag diag;
	struct wd_fctx c = { &doc, &diag };
	const struct wd_ynode *root, *list;
	int r = -1;
	size_t i;

	wd_ydoc_init(&doc);
	wd_diag_init(&diag, err, NULL);
	if (wd_buf_addf(&rel, "themes/%s.yaml", lang) < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (wd_ws_shared(ws, share, rel.ptr, &path, err) < 0 ||
	    wd_ydoc_load(&doc, path.ptr, path.ptr, NULL, err) < 0)
		goto out;
	root = wd_f_root(&c);
	list = root ? wd_f_seq(&c, root, "themes") : NULL;
	for (i = 0; list && i < list->n; i++) {
		const struct wd_ynode *t = list->items[i];
		const char *name = wd_f_str(&c, t, "name", WD_F_REQUIRED | WD_F_LINE);
		const char *about = wd_f_str(&c, t, "about", WD_F_LINE);

		if (name && wd_buf_addf(out, "%s\t%s\n", name, about ? about : "") < 0) {
			wd_error_oom(err);
			goto out;
		}
	}
	r = diag.count ? -1 : 0;
out:
	wd_ydoc_release(&doc);
	wd_buf_release(&rel);
	wd_buf_release(&path);
	return r;
}

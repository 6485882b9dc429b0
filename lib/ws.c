/* ws.c - the workspace: finding it, its settings, its folders */
#include "ws.h"
#include "i18n.h"
#include "slug.h"
#include "timefmt.h"
#include "utf8.h"
#include "yedit.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void wd_ws_init(struct wd_ws *ws)
{
	memset(ws, 0, sizeof(*ws));
	wd_ydoc_init(&ws->doc);
	ws->lock.fd = -1;
	ws->lock_timeout_ms = 10000;
}

void wd_ws_release(struct wd_ws *ws)
{
	wd_lock_release(&ws->lock);
	wd_ydoc_release(&ws->doc);
	free(ws->root);
	free(ws->prefix);
	free(ws->share);
	wd_ws_init(ws);
}

/*
 * Whether dir/name is a regular file.  No allocation: running out of
 * memory here would read as "no such file" ("not a workspace").
 */
static int is_file(const char *dir, const char *name)
{
	char path[PATH_MAX];
	struct stat st;
	int n = snprintf(path, sizeof(path), "%s/%s", dir, name);

	if (n < 0 || (size_t)n >= sizeof(path))
		return 0;	/* too long for any file */
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

void wd_ws_settings(struct wd_ws *ws, struct wd_diag *diag)
{
	struct wd_fctx c = { &ws->doc, diag };
	struct wd_settings *s = &ws->set;
	const struct wd_ynode *root, *m;
	struct wd_error e;
	int b;

	memset(s, 0, sizeof(*s));
	s->lang = "nl";
	s->timezone = "Europe/Amsterdam";
	root = wd_f_root(&c);
	if (!root)
		return;
	s->name = wd_f_str(&c, root, "name", WD_F_LINE);
	s->organisation = wd_f_str(&c, root, "organisation", WD_F_LINE);
	if (wd_ymap_get(root, "language"))
		s->lang = wd_f_word(&c, root, "language", WD_V_LANG, 0);
	if (!s->lang)
		s->lang = "nl";
	if (wd_ymap_get(root, "timezone")) {
		const char *tz = wd_f_str(&c, root, "timezone", WD_F_LINE);

		if (tz && wd_time_set_zone(tz, &e) == 0) {
			s->timezone = tz;
		} else if (tz && e.code == EX_OSERR) {
			/* no problem of the file: wd_ws_open fails with it */
			wd_diag_error(diag, &e);
			wd_error_copy(diag->err, &e);
		} else if (tz) {
			wd_f_problem(&c, wd_ymap_get(root, "timezone"), "%s", e.msg);
		}
	}
	s->user = wd_f_str(&c, root, "user", WD_F_LINE);
	if (s->user && !wd_id_valid(s->user)) {
		wd_f_problem(&c, wd_ymap_get(root, "user"),
			     _("invalid user '%s': it names harvest files, so use lowercase letters, digits, '-', '_' and '.'"),
			     s->user);
		s->user = NULL;
	}
	m = wd_f_map(&c, root, "sender");
	if (m) {
		s->sender_name = wd_f_str(&c, m, "name", WD_F_LINE);
		s->sender_email = wd_f_str(&c, m, "email", WD_F_LINE);
		if (s->sender_email && !wd_email_valid(s->sender_email))
			wd_f_problem(&c, wd_ymap_get(m, "email"),
				     _("'email' should be an email address, not '%s'"),
				     s->sender_email);
	}
	m = wd_f_map(&c, root, "privacy");
	if (m) {
		b = wd_f_bool(&c, m, "contacts_in_git");
		s->contacts_in_git = b > 0;
	}
	wd_f_list(&c, root, "include", &s->include);
}

int wd_ws_open(struct wd_ws *ws, const char *dir, int exact,
	       struct wd_diag *diag)
{
	struct wd_buf p = WD_BUF_INIT(0);
	struct wd_error e;
	char *start, *root;
	size_t n;

	start = realpath(dir, NULL);
	if (!start) {
		wd_error_sys(&e, EX_NOINPUT, dir, _("cannot open folder"));
		wd_diag_error(diag, &e);
		return -1;
	}
	root = strdup(start);
	if (!root)
		goto oom;
	for (;;) {
		if (is_file(root, WD_WS_FILE))
			break;
		if (exact || !strcmp(root, "/")) {
			wd_error_set(&e, EX_CONFIG,
				     _("not a wijkdialoog workspace (or any of its parent folders): '%s'"),
				     start);
			wd_error_hint(&e, "%s",
				      _("run 'wd-init' to make one here, or use -C DIR"));
			wd_diag_error(diag, &e);
			goto fail;
		}
		n = strlen(root);
		while (n > 1 && root[n - 1] != '/')
			n--;
		root[n > 1 ? n - 1 : 1] = '\0';
	}
	ws->root = root;
	free(start);
	start = realpath(".", NULL);
	if (!start)
		goto oom;
	/* where the command runs, under the root: "", "a/b/", or outside */
	n = strlen(root);
	if (!strncmp(start, root, n) && (start[n] == '/' || !start[n] ||
					 !strcmp(root, "/"))) {
		const char *rest = start + n + (start[n] == '/');

		if (!strcmp(root, "/"))
			rest = start + 1;
		if (wd_buf_adds(&p, rest) < 0 ||
		    (p.len && wd_buf_addc(&p, '/') < 0))
			goto oom;
		ws->prefix = wd_buf_detach(&p, NULL);
		if (!ws->prefix)
			goto oom;
	}
	free(start);
	start = NULL;
	if (wd_ws_join(ws, &p, WD_WS_FILE) < 0)
		goto oom;
	if (wd_ydoc_load(&ws->doc, p.ptr, WD_WS_FILE, NULL, &e) < 0) {
		wd_buf_release(&p);
		if (e.code == EX_DATAERR)
			e.code = EX_CONFIG;	/* the settings are bad */
		wd_diag_error(diag, &e);
		if (e.code == EX_OSERR || !diag->all)
			return -1;
		/* checking: go on with the defaults, the problem is listed */
		wd_ydoc_release(&ws->doc);
		wd_ydoc_init(&ws->doc);
	}
	wd_buf_release(&p);
	wd_ws_settings(ws, diag);
	if (diag->failed) {
		/* out of memory, or a zone that would not load: not the
		 * settings' fault, and the command cannot go on */
		struct wd_error *first = diag->err;

		if (first->code != EX_OSERR)
			wd_error_oom(first);
		return -1;
	}
	if (diag->count && !diag->all) {
		diag->err->code = EX_CONFIG;
		return -1;
	}
	return wd_time_set_zone(ws->set.timezone, diag->err);
oom:
	wd_error_oom(&e);
	wd_diag_error(diag, &e);
fail:
	free(start);
	if (root != ws->root)
		free(root);
	wd_buf_release(&p);
	return -1;
}

void wd_ws_progress(const struct wd_ws *ws, enum wd_work what, size_t done,
		    size_t total)
{
	if (ws && ws->progress)
		ws->progress(ws->progress_ctx, what, done, total);
}

int wd_ws_join(const struct wd_ws *ws, struct wd_buf *out, const char *rel)
{
	wd_buf_reset(out);
	return wd_buf_addf(out, "%s/%s", ws->root, rel);
}

int wd_ws_has_dialogue(const struct wd_ws *ws, const char *id)
{
	struct wd_buf p = WD_BUF_INIT(0);
	struct stat st;
	int r = 0;

	if (!wd_id_valid(id) || wd_ws_reserved(id))
		return 0;
	if (wd_buf_addf(&p, "%s/%s", ws->root, id) == 0 &&
	    lstat(p.ptr, &st) == 0 && S_ISDIR(st.st_mode))
		r = is_file(p.ptr, "dialogue.yaml");
	wd_buf_release(&p);
	return r;
}

const char *wd_ws_here(const struct wd_ws *ws, struct wd_buf *buf)
{
	const char *slash = ws->prefix ? strchr(ws->prefix, '/') : NULL;

	if (!slash)
		return NULL;
	wd_buf_reset(buf);
	if (wd_buf_add(buf, ws->prefix, (size_t)(slash - ws->prefix)) < 0)
		return NULL;
	return wd_ws_has_dialogue(ws, buf->ptr) ? buf->ptr : NULL;
}

int wd_ws_reserved(const char *id)
{
	static const char *const names[] = {
		"templates", "harvest", "share", "include", NULL,
	};
	size_t i;

	for (i = 0; names[i]; i++)
		if (!strcmp(id, names[i]))
			return 1;
	return 0;
}

int wd_ws_dialogues(const struct wd_ws *ws, struct wd_strvec *out,
		    struct wd_error *err)
{
	struct dirent *e;
	DIR *d = opendir(ws->root);

	if (!d)
		return wd_error_sys(err, EX_IOERR, ws->root,
				    _("cannot read folder"));
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.' || !wd_ws_has_dialogue(ws, e->d_name))
			continue;
		if (wd_strvec_push(out, e->d_name) < 0) {
			closedir(d);
			return wd_error_oom(err);
		}
	}
	closedir(d);
	wd_strvec_sort(out);
	return 0;
}

/*
 * Whether `path`, every link in it followed, is inside `root`: 1, 0, or
 * -1 (errno) when either cannot be resolved.
 */
static int inside(const char *root, const char *path)
{
	char *r = realpath(root, NULL), *p = r ? realpath(path, NULL) : NULL;
	size_t n;
	int in = -1;

	if (r && p) {
		n = strlen(r);
		in = !strncmp(p, r, n) && (p[n] == '/' || (n == 1 && *r == '/'));
	}
	free(r);
	free(p);
	return in;
}

int wd_ws_shared(const struct wd_ws *ws, const char *share, const char *rel,
		 struct wd_buf *out, struct wd_error *err)
{
	struct stat st;
	int in;

	if (ws) {
		wd_buf_reset(out);
		if (wd_buf_addf(out, "%s/templates/%s", ws->root, rel) < 0)
			return wd_error_oom(err);
		if (stat(out->ptr, &st) == 0 && S_ISREG(st.st_mode)) {
			/* a template is mailed and printed: never one from
			 * outside the workspace through a link */
			in = inside(ws->root, out->ptr);
			if (in < 0)
				return wd_error_sys(err, EX_IOERR, out->ptr,
						    _("cannot read"));
			if (!in)
				return wd_error_set(err, EX_DATAERR,
						    _("'%s' leads out of the workspace through a symbolic link: refused"),
						    out->ptr);
			return 0;
		}
	}
	if (share) {
		wd_buf_reset(out);
		if (wd_buf_addf(out, "%s/%s", share, rel) < 0)
			return wd_error_oom(err);
		if (stat(out->ptr, &st) == 0 && S_ISREG(st.st_mode))
			return 0;
	}
	return wd_error_set(err, EX_UNAVAILABLE,
			    _("cannot find '%s' in the workspace's templates/ or in '%s'"),
			    rel, share ? share : "?");
}

int wd_ws_write(struct wd_ws *ws, const char *rel, const void *data,
		size_t len, mode_t mode, struct wd_error *err)
{
	struct wd_buf p = WD_BUF_INIT(0);
	char *slash;
	int r;

	if (wd_ws_join(ws, &p, rel) < 0)
		return wd_error_oom(err);
	slash = strrchr(p.ptr, '/');
	*slash = '\0';
	wd_store_clean(p.ptr);
	*slash = '/';
	r = wd_store_write(p.ptr, rel, data, len, mode, err);
	wd_buf_release(&p);
	return r;
}

int wd_ws_statedir(struct wd_ws *ws, struct wd_error *err)
{
	struct wd_buf p = WD_BUF_INIT(0);
	int r;

	if (wd_ws_join(ws, &p, ".wd") < 0)
		return wd_error_oom(err);
	r = wd_store_mkdir(p.ptr, ".wd", 0700, err);
	wd_buf_release(&p);
	return r;
}

int wd_ws_lock(struct wd_ws *ws, struct wd_error *err)
{
	struct wd_buf p = WD_BUF_INIT(0);
	int r;

	if (ws->lock.fd >= 0)
		return 0;
	if (wd_ws_statedir(ws, err) < 0)
		return -1;
	if (wd_ws_join(ws, &p, ".wd/lock") < 0)
		return wd_error_oom(err);
	r = wd_lock_take(&ws->lock, p.ptr, ws->lock_timeout_ms, err);
	wd_buf_release(&p);
	return r;
}

void wd_ws_unlock(struct wd_ws *ws)
{
	wd_lock_release(&ws->lock);
}

/* --- wd-init without an id --- */

static const char gitignore_head[] =
	"# written by wd-init: the index is a cache, contact data stays private\n";

static int ensure_gitignore(const char *dir, int contacts,
			    struct wd_error *err)
{
	struct wd_buf path = WD_BUF_INIT(0), text = WD_BUF_INIT(0);
	char *old = NULL;
	size_t len = 0;
	int r = -1, need_state, need_contacts, need_mbox;

	if (wd_buf_addf(&path, "%s/.gitignore", dir) < 0)
		goto oom;
	if (wd_read_file(path.ptr, ".gitignore", (size_t)1 << 20, &old, &len,
			 err) < 0) {
		if (err->code != EX_NOINPUT)
			goto out;
		wd_error_clear(err);
	}
	need_state = !old || !strstr(old, "/.wd/");
	need_contacts = contacts && (!old || !strstr(old, "contacts.yaml"));
	/* send --mbox writes names and addresses too */
	need_mbox = contacts && (!old || !strstr(old, "*.mbox"));
	if (!need_state && !need_contacts && !need_mbox) {
		r = 0;
		goto out;
	}
	if (old && wd_buf_add(&text, old, len) < 0)
		goto oom;
	if (text.len && text.ptr[text.len - 1] != '\n' &&
	    wd_buf_addc(&text, '\n') < 0)
		goto oom;
	if (!old && wd_buf_adds(&text, gitignore_head) < 0)
		goto oom;
	if (need_state && wd_buf_adds(&text, "/.wd/\n") < 0)
		goto oom;
	if (need_contacts && wd_buf_adds(&text, "contacts.yaml\n") < 0)
		goto oom;
	if (need_mbox && wd_buf_adds(&text, "*.mbox\n") < 0)
		goto oom;
	r = wd_store_write(path.ptr, ".gitignore", text.ptr, text.len, 0644,
			   err);
	goto out;
oom:
	wd_error_oom(err);
out:
	free(old);
	wd_buf_release(&path);
	wd_buf_release(&text);
	return r;
}

int wd_ws_create(const char *dir, const struct wd_ws_new *opt,
		 struct wd_error *err)
{
	struct wd_buf path = WD_BUF_INIT(0), text = WD_BUF_INIT(0);
	struct wd_buf name = WD_BUF_INIT(0);
	const char *lang = "nl", *tz = "Europe/Amsterdam", *base;
	char *abs = NULL;
	int r = -1;

	if (opt->lang && !(lang = wd_vocab_canon(WD_V_LANG, opt->lang)))
		return wd_error_set(err, EX_USAGE, _("unknown language '%s' (use nl or en)"),
				    opt->lang);
	if ((opt->name && wd_text_check(opt->name, 1, "--name", err) < 0) ||
	    (opt->organisation &&
	     wd_text_check(opt->organisation, 1, "--organisation", err) < 0))
		return -1;
	if (opt->sender && !wd_email_valid(opt->sender))
		return wd_error_set(err, EX_USAGE,
				    _("'%s' is not an e-mail address"), opt->sender);
	if (opt->timezone) {
		tz = opt->timezone;
		if (wd_time_set_zone(tz, err) < 0) {
			err->code = EX_USAGE;
			return -1;
		}
	}
	if (wd_buf_addf(&path, "%s/%s", dir, WD_WS_FILE) < 0)
		goto oom;
	if (is_file(dir, WD_WS_FILE)) {
		/* already one: only complete .gitignore, as wd.yaml says */
		struct wd_ws old;
		struct wd_diag diag;
		struct wd_error ignored;
		int contacts = 1;

		wd_ws_init(&old);
		wd_diag_init(&diag, &ignored, NULL);
		if (wd_ws_open(&old, dir, 1, &diag) == 0)
			contacts = !old.set.contacts_in_git;
		wd_ws_release(&old);
		r = ensure_gitignore(dir, contacts, err);
		r = r < 0 ? -1 : 1;
		goto out;
	}
	abs = realpath(dir, NULL);
	if (!abs) {
		wd_error_sys(err, EX_CANTCREAT, dir, _("cannot open folder"));
		goto out;
	}
	base = strrchr(abs, '/');
	base = base && base[1] ? base + 1 : "wijkdialoog";
	if (wd_buf_adds(&name, opt->name ? opt->name : base) < 0)
		goto oom;
	if (wd_buf_adds(&text, lang[0] == 'n' ?
			"# Instellingen van deze wijkdialoog-estafette; zie wd(5).\n" :
			"# Settings of this wijkdialoog relay; see wd(5).\n") < 0 ||
	    wd_yemit_pair(&text, "name", name.ptr, 0) < 0)
		goto oom;
	if (opt->organisation &&
	    wd_yemit_pair(&text, "organisation", opt->organisation, 0) < 0)
		goto oom;
	if (opt->sender &&
	    (wd_buf_adds(&text, "sender:\n") < 0 ||
	     wd_yemit_pair(&text, "  email", opt->sender, 0) < 0))
		goto oom;
	if (wd_yemit_pair(&text, "language", lang, 0) < 0 ||
	    wd_yemit_pair(&text, "timezone", tz, 0) < 0 ||
	    wd_buf_adds(&text, "privacy:\n  contacts_in_git: false\n") < 0)
		goto oom;
	if (wd_store_write(path.ptr, WD_WS_FILE, text.ptr, text.len, 0644,
			   err) < 0)
		goto out;
	r = ensure_gitignore(dir, 1, err);
	goto out;
oom:
	wd_error_oom(err);
out:
	free(abs);
	wd_buf_release(&path);
	wd_buf_release(&text);
	wd_buf_release(&name);
	return r;
}

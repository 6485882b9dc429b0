/* index.c - the SQLite index: a cache of the workspace's files, see wd-index(5) */
#include "index.h"
#include "dialogue.h"
#include "i18n.h"
#include "item.h"
#include "people.h"
#include "slug.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/*
 * The index keeps, per file and folder it read, the stat data it saw
 * (size, mtime and ctime in nanoseconds, inode).  A refresh walks the
 * workspace and compares: a folder whose stat data did not change has
 * the same entries, so it is not read again; a file whose stat data did
 * not change has the same content, so it is not parsed again.  As in
 * git, an entry written less than RACY_NS after it was last modified is
 * "racy": a later change within the file system's timestamp resolution
 * could leave the stat data the same, so racy files are compared by
 * content (a hash) until they are old enough.
 */
#define RACY_NS 2000000000LL

static const char schema[] =
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;"
	"CREATE TABLE file(id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE,"
	" dialogue TEXT NOT NULL, type TEXT NOT NULL, size INTEGER,"
	" mtime INTEGER, ctime INTEGER, ino INTEGER, hash INTEGER,"
	" racy INTEGER NOT NULL DEFAULT 0, problem TEXT);"
	"CREATE TABLE dialogue(file INTEGER NOT NULL, id TEXT NOT NULL,"
	" title TEXT, theme TEXT, question TEXT, place TEXT, venue TEXT,"
	" start TEXT, start_t INTEGER, \"end\" TEXT, end_t INTEGER,"
	" capacity INTEGER, status TEXT, language TEXT, tables INTEGER,"
	" hosts TEXT, initiators TEXT, relay_from TEXT, relay_to TEXT,"
	" relay_baton TEXT);"
	"CREATE TABLE person(file INTEGER NOT NULL, dialogue TEXT NOT NULL,"
	" id TEXT NOT NULL, pos INTEGER, name TEXT, role TEXT,"
	" organisation TEXT, lang TEXT, \"table\" INTEGER, host INTEGER,"
	" rsvp TEXT, answered TEXT, waiting INTEGER, attended INTEGER,"
	" consent_contact TEXT, consent_named TEXT, consent_photo TEXT,"
	" invitation_channel TEXT, invitation_sent TEXT,"
	" invitation_reminded TEXT, \"from\" TEXT, note TEXT);"
	"CREATE TABLE item(file INTEGER NOT NULL, dialogue TEXT NOT NULL,"
	" source TEXT NOT NULL, id TEXT NOT NULL, pos INTEGER, kind TEXT,"
	" phase TEXT, text TEXT, by TEXT, role TEXT, \"table\" INTEGER,"
	" tags TEXT, owner TEXT, due TEXT, due_t INTEGER, status TEXT,"
	" need TEXT, named INTEGER, created TEXT);"
	"CREATE TABLE item_tag(file INTEGER NOT NULL, dialogue TEXT NOT NULL,"
	" item TEXT NOT NULL, tag TEXT NOT NULL);"
	"CREATE TABLE item_owner(file INTEGER NOT NULL, dialogue TEXT NOT NULL,"
	" item TEXT NOT NULL, person TEXT NOT NULL);"
	"CREATE TABLE history(file INTEGER NOT NULL, dialogue TEXT NOT NULL,"
	" item TEXT NOT NULL, pos INTEGER, at TEXT, status TEXT, note TEXT);"
	"CREATE INDEX dialogue_file ON dialogue(file);"
	"CREATE UNIQUE INDEX dialogue_id ON dialogue(id);"
	"CREATE INDEX person_file ON person(file);"
	"CREATE INDEX person_id ON person(dialogue, id);"
	"CREATE INDEX item_file ON item(file);"
	"CREATE INDEX item_id ON item(id);"
	"CREATE INDEX item_dialogue ON item(dialogue, kind);"
	"CREATE INDEX item_tag_file ON item_tag(file);"
	"CREATE INDEX item_tag_tag ON item_tag(tag);"
	"CREATE INDEX item_owner_file ON item_owner(file);"
	"CREATE INDEX item_owner_person ON item_owner(person);"
	"CREATE INDEX history_file ON history(file);"
	"CREATE VIEW dialogues AS SELECT id, title, theme, question, place,"
	" venue, start, \"end\", capacity, status, language, tables, hosts,"
	" initiators, relay_from, relay_to, relay_baton FROM dialogue;"
	"CREATE VIEW people AS SELECT dialogue, id, name, role, organisation,"
	" lang, \"table\", host, rsvp, answered, waiting, attended,"
	" consent_contact, consent_named, consent_photo, invitation_channel,"
	" invitation_sent, invitation_reminded, \"from\", note FROM person;"
	"CREATE VIEW items AS SELECT dialogue, source, id, kind, phase, text,"
	" by, role, \"table\", tags, owner, due, status, need, named, created"
	" FROM item;"
	"CREATE VIEW actions AS SELECT dialogue, source, id, text, owner, due,"
	" status, need, by, role, \"table\", tags, created FROM item"
	" WHERE kind = 'action';";

enum {
	S_FILES, S_INS_FILE, S_UPD_FILE, S_DEL_FILE, S_RACY,
	S_DEL_DIALOGUE, S_DEL_PERSON, S_DEL_ITEM, S_DEL_TAG, S_DEL_OWNER,
	S_DEL_HIST,
	S_INS_DIALOGUE, S_INS_PERSON, S_INS_ITEM, S_INS_TAG, S_INS_OWNER,
	S_INS_HIST, S_FILES_UNDER, S_PROBLEM,
	S_COUNT
};

static const char *const sql[S_COUNT] = {
	[S_FILES] = "SELECT id, path, type, size, mtime, ctime, ino, hash,"
		    " racy FROM file ORDER BY path",
	[S_FILES_UNDER] = "SELECT id, path, type, size, mtime, ctime, ino,"
			  " hash, racy FROM file WHERE path >= ?1 AND"
			  " path < ?1 || x'ff' ORDER BY path",
	[S_INS_FILE] = "INSERT INTO file(path, dialogue, type, size, mtime,"
		       " ctime, ino, hash, racy, problem)"
		       " VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[S_UPD_FILE] = "UPDATE file SET size = ?, mtime = ?, ctime = ?, ino = ?,"
		       " hash = ?, racy = ?, problem = ? WHERE id = ?",
	[S_DEL_FILE] = "DELETE FROM file WHERE id = ?",
	[S_PROBLEM] = "UPDATE file SET problem = ? WHERE id = ?",
	[S_RACY] = "UPDATE file SET racy = 0 WHERE id = ?",
	[S_DEL_DIALOGUE] = "DELETE FROM dialogue WHERE file = ?",
	[S_DEL_PERSON] = "DELETE FROM person WHERE file = ?",
	[S_DEL_ITEM] = "DELETE FROM item WHERE file = ?",
	[S_DEL_TAG] = "DELETE FROM item_tag WHERE file = ?",
	[S_DEL_OWNER] = "DELETE FROM item_owner WHERE file = ?",
	[S_DEL_HIST] = "DELETE FROM history WHERE file = ?",
	[S_INS_DIALOGUE] = "INSERT OR REPLACE INTO dialogue(file, id, title,"
			   " theme, question, place, venue, start, start_t,"
			   " \"end\", end_t, capacity, status, language, tables,"
			   " hosts, initiators, relay_from, relay_to,"
			   " relay_baton) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
			   " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[S_INS_PERSON] = "INSERT INTO person(file, dialogue, id, pos, name, role,"
			 " organisation, lang, \"table\", host, rsvp, answered,"
			 " waiting, attended, consent_contact, consent_named,"
			 " consent_photo, invitation_channel, invitation_sent,"
			 " invitation_reminded, \"from\", note) VALUES(?, ?, ?,"
			 " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
			 " ?)",
	[S_INS_ITEM] = "INSERT INTO item(file, dialogue, source, id, pos, kind,"
		       " phase, text, by, role, \"table\", tags, owner, due,"
		       " due_t, status, need, named, created) VALUES(?, ?, ?,"
		       " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
	[S_INS_TAG] = "INSERT INTO item_tag(file, dialogue, item, tag)"
		      " VALUES(?, ?, ?, ?)",
	[S_INS_OWNER] = "INSERT INTO item_owner(file, dialogue, item, person)"
			" VALUES(?, ?, ?, ?)",
	[S_INS_HIST] = "INSERT INTO history(file, dialogue, item, pos, at,"
		       " status, note) VALUES(?, ?, ?, ?, ?, ?, ?)",
};

/* --- errors --- */

int wd_index_error(struct wd_index *ix, struct wd_error *err, const char *what)
{
	int rc = ix->db ? sqlite3_extended_errcode(ix->db) : SQLITE_ERROR;

	ix->rc = rc;
	rc &= 0xff;
	if (rc == SQLITE_NOMEM)
		return wd_error_oom(err);
	wd_error_set(err, rc == SQLITE_BUSY || rc == SQLITE_LOCKED ?
		     EX_TEMPFAIL : rc == SQLITE_FULL || rc == SQLITE_IOERR ?
		     EX_IOERR : EX_SOFTWARE,
		     _("index: %s: %s"), what,
		     ix->db ? sqlite3_errmsg(ix->db) : sqlite3_errstr(rc));
	if (rc == SQLITE_BUSY)
		wd_error_hint(err, "%s", _("try again in a moment"));
	return -1;
}

static int damaged(int rc)
{
	rc &= 0xff;
	return rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ||
	       rc == SQLITE_SCHEMA || rc == SQLITE_ERROR;
}

/* --- opening --- */

void wd_index_init(struct wd_index *ix, struct wd_ws *ws)
{
	memset(ix, 0, sizeof(*ix));
	ix->ws = ws;
	ix->lock.fd = -1;
}

static void finalize_all(struct wd_index *ix)
{
	size_t i;

	for (i = 0; i < S_COUNT; i++) {
		sqlite3_finalize(ix->st[i]);
		ix->st[i] = NULL;
	}
}

void wd_index_close(struct wd_index *ix)
{
	finalize_all(ix);
	if (ix->db)
		sqlite3_close(ix->db);
	ix->db = NULL;
	wd_lock_release(&ix->lock);
}

static int exec(struct wd_index *ix, const char *q, struct wd_error *err)
{
	if (sqlite3_exec(ix->db, q, NULL, NULL, NULL) != SQLITE_OK)
		return wd_index_error(ix, err, q);
	return 0;
}

static int prepare_all(struct wd_index *ix)
{
	size_t i;
	int rc;

	for (i = 0; i < S_COUNT; i++) {
		rc = sqlite3_prepare_v3(ix->db, sql[i], -1,
					SQLITE_PREPARE_PERSISTENT, &ix->st[i],
					NULL);
		if (rc != SQLITE_OK)
			return rc;
	}
	return SQLITE_OK;
}

static int path_of(struct wd_index *ix, struct wd_buf *b, const char *file)
{
	return wd_ws_join(ix->ws, b, file);
}

/* Open an existing index and check it; an SQLite code. */
static int try_open(struct wd_index *ix, const char *path, int *version)
{
	sqlite3_stmt *st = NULL;
	int rc;

	rc = sqlite3_open_v2(path, &ix->db, SQLITE_OPEN_READWRITE |
			     SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_extended_result_codes(ix->db, 1);
	sqlite3_busy_timeout(ix->db, (int)ix->ws->lock_timeout_ms);
	rc = sqlite3_prepare_v2(ix->db, "PRAGMA user_version", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*version = sqlite3_column_int(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK && *version == WD_INDEX_VERSION)
		rc = prepare_all(ix);
	return rc;
}

/* Under the exclusive lock: remove the index and make an empty one. */
static int recreate(struct wd_index *ix, struct wd_error *err)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	struct wd_buf p = WD_BUF_INIT(0);
	size_t i;
	int rc;

	finalize_all(ix);
	if (ix->db)
		sqlite3_close(ix->db);
	ix->db = NULL;
	for (i = 0; i < 4; i++) {
		wd_buf_reset(&p);
		if (wd_buf_addf(&p, "%s/.wd/index.sqlite%s", ix->ws->root,
				ext[i]) < 0) {
			wd_buf_release(&p);
			return wd_error_oom(err);
		}
		if (unlink(p.ptr) < 0 && errno != ENOENT) {
			wd_error_sys(err, EX_CANTCREAT, ".wd/index.sqlite",
				     _("cannot remove"));
			wd_buf_release(&p);
			return -1;
		}
	}
	wd_buf_truncate(&p, p.len - strlen(ext[3]));
	rc = sqlite3_open_v2(p.ptr, &ix->db, SQLITE_OPEN_READWRITE |
			     SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	wd_buf_release(&p);
	if (rc != SQLITE_OK)
		return wd_index_error(ix, err, _("cannot create"));
	sqlite3_extended_result_codes(ix->db, 1);
	sqlite3_busy_timeout(ix->db, (int)ix->ws->lock_timeout_ms);
	/* built in one go by one process: no journal until it is complete */
	if (exec(ix, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", err) < 0 ||
	    exec(ix, schema, err) < 0)
		return -1;
	if (prepare_all(ix) != SQLITE_OK)
		return wd_index_error(ix, err, _("cannot prepare"));
	return 0;
}

int wd_index_open(struct wd_index *ix, struct wd_error *err)
{
	struct wd_buf lock = WD_BUF_INIT(0), db = WD_BUF_INIT(0);
	unsigned tmo = ix->ws->lock_timeout_ms;
	int version = 0, rc, r = -1;
	struct stat st;

	if (wd_ws_statedir(ix->ws, err) < 0)
		return -1;
	if (path_of(ix, &lock, ".wd/index.lock") < 0 ||
	    path_of(ix, &db, ".wd/index.sqlite") < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (wd_lock_mode(&ix->lock, lock.ptr, 1, tmo, err) < 0)
		goto out;
	ix->fresh = WD_INDEX_KEPT;
	if (stat(db.ptr, &st) < 0) {
		ix->fresh = WD_INDEX_NEW;
	} else {
		rc = try_open(ix, db.ptr, &version);
		if (rc == SQLITE_NOMEM) {
			wd_error_oom(err);
			goto out;
		}
		if ((rc & 0xff) == SQLITE_BUSY) {
			wd_index_error(ix, err, _("cannot open"));
			goto out;
		}
		if (rc != SQLITE_OK)
			ix->fresh = WD_INDEX_DAMAGED;
		else if (version != WD_INDEX_VERSION)
			ix->fresh = version ? WD_INDEX_OLD : WD_INDEX_DAMAGED;
	}
	if (ix->fresh == WD_INDEX_KEPT) {
		r = 0;
		goto out;
	}
	/* from nothing: wait for readers of the old one to finish */
	if (wd_lock_mode(&ix->lock, lock.ptr, 0, tmo, err) < 0)
		goto out;
	r = recreate(ix, err);
out:
	wd_buf_release(&lock);
	wd_buf_release(&db);
	return r;
}

/* --- the walk --- */

struct entry {
	int64_t id;			/* in the file table; 0: not there */
	const char *path;		/* "d/", "d/people.yaml", "d/harvest/x.yaml" */
	char type;			/* 'D' folder, 'd' dialogue, 'p' people, 'h' harvest */
	int64_t size, mtime, ctime, ino, hash;
	int racy;
};

struct list {
	struct entry *v;
	size_t n, alloc;
};

struct walk {
	struct wd_index *ix;
	struct wd_arena arena;
	struct list known;		/* what the index has, by path */
	struct list found;		/* what is there now */
	struct wd_buf path;
	int64_t start_ns;
	struct wd_error *err;
};

static int64_t ns(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * 1000000000LL + ts->tv_nsec;
}

static struct entry *list_add(struct walk *w, struct list *l)
{
	if (l->n == l->alloc) {
		size_t na = l->alloc ? l->alloc * 2 : 256;
		struct entry *v = realloc(l->v, na * sizeof(*v));

		if (!v)
			return NULL;
		l->v = v;
		l->alloc = na;
	}
	(void)w;
	memset(&l->v[l->n], 0, sizeof(l->v[0]));
	return &l->v[l->n++];
}

static int load_known(struct walk *w, const char *under)
{
	sqlite3_stmt *st = w->ix->st[under ? S_FILES_UNDER : S_FILES];
	struct entry *e;
	int rc;

	w->known.n = 0;
	if (under && sqlite3_bind_text(st, 1, under, -1, SQLITE_STATIC) != SQLITE_OK)
		return wd_index_error(w->ix, w->err, _("cannot read"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *p = (const char *)sqlite3_column_text(st, 1);
		const char *t = (const char *)sqlite3_column_text(st, 2);

		e = list_add(w, &w->known);
		if (!e || !p || !t)
			goto fail;
		e->id = sqlite3_column_int64(st, 0);
		e->path = wd_arena_strdup(&w->arena, p);
		e->type = t[0];
		e->size = sqlite3_column_int64(st, 3);
		e->mtime = sqlite3_column_int64(st, 4);
		e->ctime = sqlite3_column_int64(st, 5);
		e->ino = sqlite3_column_int64(st, 6);
		e->hash = sqlite3_column_int64(st, 7);
		e->racy = sqlite3_column_int(st, 8);
		if (!e->path)
			goto fail;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return wd_index_error(w->ix, w->err, _("cannot read"));
	return 0;
fail:
	sqlite3_reset(st);
	return wd_error_oom(w->err);
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->path,
		      ((const struct entry *)b)->path);
}

static const struct entry *known_get(const struct walk *w, const char *path)
{
	struct entry key;

	if (!w->known.n)
		return NULL;
	key.path = path;
	return bsearch(&key, w->known.v, w->known.n, sizeof(key), cmp_entry);
}

static int same_stat(const struct entry *e, const struct stat *st)
{
	return e->size == (int64_t)st->st_size &&
	       e->mtime == ns(&st->st_mtim) && e->ctime == ns(&st->st_ctim) &&
	       e->ino == (int64_t)st->st_ino;
}

static int add_found(struct walk *w, const char *path, char type,
		     const struct stat *st)
{
	struct entry *e = list_add(w, &w->found);

	if (!e || !(e->path = wd_arena_strdup(&w->arena, path)))
		return wd_error_oom(w->err);
	e->type = type;
	e->size = (int64_t)st->st_size;
	e->mtime = ns(&st->st_mtim);
	e->ctime = ns(&st->st_ctim);
	e->ino = (int64_t)st->st_ino;
	return 0;
}

/* lstat of a workspace path; a folder's trailing '/' is left off, so
 * that a symbolic link is seen as one and not followed */
static int lstat_rel(struct walk *w, const char *rel, struct stat *st)
{
	wd_buf_reset(&w->path);
	if (wd_buf_addf(&w->path, "%s/%s", w->ix->ws->root, rel) < 0)
		return -2;
	while (w->path.len > 1 && w->path.ptr[w->path.len - 1] == '/')
		wd_buf_truncate(&w->path, w->path.len - 1);
	return lstat(w->path.ptr, st);
}

/*
 * The names in folder `dir` ("" or "d/" or "d/harvest/"): from the index
 * when the folder did not change, else read from disk.
 */
static int names_in(struct walk *w, const char *dir, const struct stat *st,
		    struct wd_strvec *names)
{
	const struct entry *k = known_get(w, dir);
	struct dirent *de;
	DIR *d;
	size_t dl = strlen(dir), i;

	if (k && same_stat(k, st) && !k->racy) {
		struct entry key;

		key.path = dir;
		/* the entries right under dir follow it in path order */
		i = (size_t)(k - w->known.v) + 1;
		(void)key;
		for (; i < w->known.n; i++) {
			const char *p = w->known.v[i].path, *rest, *slash;

			if (strncmp(p, dir, dl))
				break;
			rest = p + dl;
			slash = strchr(rest, '/');
			if (slash && slash[1])
				continue;
			if (wd_strvec_pushn(names, rest, slash ?
					    (size_t)(slash - rest) : strlen(rest)) < 0)
				return wd_error_oom(w->err);
		}
		return 0;
	}
	wd_buf_reset(&w->path);
	if (wd_buf_addf(&w->path, "%s/%s", w->ix->ws->root, dir) < 0)
		return wd_error_oom(w->err);
	d = opendir(w->path.ptr);
	if (!d)
		return errno == ENOENT ? 0 :
		       wd_error_sys(w->err, EX_IOERR, dir[0] ? dir : ".",
				    _("cannot read folder"));
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (wd_strvec_push(names, de->d_name) < 0) {
			closedir(d);
			return wd_error_oom(w->err);
		}
	}
	closedir(d);
	wd_strvec_sort(names);
	return 0;
}

static int walk_harvest(struct walk *w, const char *dialogue)
{
	struct wd_strvec names = WD_STRVEC_INIT;
	struct wd_buf rel = WD_BUF_INIT(0);
	struct stat st;
	size_t i, base;
	int r = -1, s;

	if (wd_buf_addf(&rel, "%s/harvest/", dialogue) < 0)
		goto oom;
	s = lstat_rel(w, rel.ptr, &st);
	if (s == -2)
		goto oom;
	if (s < 0 || !S_ISDIR(st.st_mode)) {
		r = 0;
		goto out;
	}
	if (add_found(w, rel.ptr, 'D', &st) < 0 ||
	    names_in(w, rel.ptr, &st, &names) < 0)
		goto out;
	base = rel.len;
	for (i = 0; i < names.n; i++) {
		if (!wd_harvest_file_name(names.v[i]))
			continue;
		wd_buf_truncate(&rel, base);
		if (wd_buf_adds(&rel, names.v[i]) < 0)
			goto oom;
		s = lstat_rel(w, rel.ptr, &st);
		if (s == -2)
			goto oom;
		if (s == 0 && S_ISREG(st.st_mode) &&
		    add_found(w, rel.ptr, 'h', &st) < 0)
			goto out;
	}
	r = 0;
	goto out;
oom:
	wd_error_oom(w->err);
out:
	wd_strvec_release(&names);
	wd_buf_release(&rel);
	return r;
}

/* 1 when `id` is a dialogue (and its entries were added), 0 when not. */
static int walk_dialogue(struct walk *w, const char *id)
{
	struct wd_strvec names = WD_STRVEC_INIT;
	struct wd_buf rel = WD_BUF_INIT(0);
	struct stat st, fst;
	size_t mark = w->found.n;
	int r = -1, s, have = 0;

	if (wd_buf_addf(&rel, "%s/", id) < 0)
		goto oom;
	s = lstat_rel(w, rel.ptr, &st);
	if (s == -2)
		goto oom;
	if (s < 0 || !S_ISDIR(st.st_mode)) {
		r = 0;
		goto out;
	}
	if (add_found(w, rel.ptr, 'D', &st) < 0 ||
	    names_in(w, rel.ptr, &st, &names) < 0)
		goto out;
	if (wd_strvec_has(&names, "dialogue.yaml")) {
		wd_buf_truncate(&rel, strlen(id) + 1);
		if (wd_buf_adds(&rel, "dialogue.yaml") < 0)
			goto oom;
		s = lstat_rel(w, rel.ptr, &fst);
		if (s == -2)
			goto oom;
		if (s == 0 && S_ISREG(fst.st_mode)) {
			have = 1;
			if (add_found(w, rel.ptr, 'd', &fst) < 0)
				goto out;
		}
	}
	if (!have) {
		/* not a dialogue: forget what was added for it */
		w->found.n = mark;
		r = 0;
		goto out;
	}
	if (wd_strvec_has(&names, "people.yaml")) {
		wd_buf_truncate(&rel, strlen(id) + 1);
		if (wd_buf_adds(&rel, "people.yaml") < 0)
			goto oom;
		s = lstat_rel(w, rel.ptr, &fst);
		if (s == -2)
			goto oom;
		if (s == 0 && S_ISREG(fst.st_mode) &&
		    add_found(w, rel.ptr, 'p', &fst) < 0)
			goto out;
	}
	if (wd_strvec_has(&names, "harvest") && walk_harvest(w, id) < 0)
		goto out;
	r = 1;
	goto out;
oom:
	wd_error_oom(w->err);
out:
	wd_strvec_release(&names);
	wd_buf_release(&rel);
	return r;
}

static int walk_all(struct walk *w, size_t *dialogues)
{
	struct wd_strvec names = WD_STRVEC_INIT;
	struct stat st;
	size_t i;
	int r = -1, s;

	s = lstat_rel(w, "", &st);
	if (s == -2) {
		wd_error_oom(w->err);
		goto out;
	}
	if (s < 0) {
		wd_error_sys(w->err, EX_IOERR, ".", _("cannot read folder"));
		goto out;
	}
	if (add_found(w, "", 'D', &st) < 0 || names_in(w, "", &st, &names) < 0)
		goto out;
	for (i = 0; i < names.n; i++) {
		const char *n = names.v[i];
		size_t len = strlen(n);

		if (len && n[len - 1] == '/')
			continue;
		if (!wd_id_valid(n) || wd_ws_reserved(n))
			continue;
		s = walk_dialogue(w, n);
		if (s < 0)
			goto out;
		*dialogues += (size_t)s;
	}
	r = 0;
out:
	wd_strvec_release(&names);
	return r;
}

/* --- reading one file into the index --- */

static uint64_t fnv(const char *p, size_t n)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

static int step(struct wd_index *ix, sqlite3_stmt *st, struct wd_error *err)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return wd_index_error(ix, err, _("cannot write"));
	return 0;
}

static int bind_text(sqlite3_stmt *st, int i, const char *s)
{
	return s ? sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC) :
		   sqlite3_bind_null(st, i);
}

static int bind_copy(sqlite3_stmt *st, int i, const char *s, size_t n)
{
	return sqlite3_bind_text(st, i, s, (int)n, SQLITE_TRANSIENT);
}

static int bind_long(sqlite3_stmt *st, int i, long v)
{
	return v ? sqlite3_bind_int64(st, i, v) : sqlite3_bind_null(st, i);
}

static int bind_flag(sqlite3_stmt *st, int i, int v)
{
	return v < 0 ? sqlite3_bind_null(st, i) : sqlite3_bind_int(st, i, v);
}

static int join(struct wd_buf *b, const struct wd_strlist *l, const char *sep)
{
	size_t i;

	wd_buf_reset(b);
	for (i = 0; i < l->n; i++)
		if ((i && wd_buf_adds(b, sep) < 0) || wd_buf_adds(b, l->v[i]) < 0)
			return -1;
	return 0;
}

static int bind_list(sqlite3_stmt *st, int i, struct wd_buf *b,
		     const struct wd_strlist *l, const char *sep)
{
	if (!l->n)
		return sqlite3_bind_null(st, i);
	if (join(b, l, sep) < 0)
		return SQLITE_NOMEM;
	return bind_copy(st, i, b->ptr, b->len);
}

static int bind_when(sqlite3_stmt *st, int i, int has, const struct wd_when *w)
{
	return has ? sqlite3_bind_int64(st, i, w->t) : sqlite3_bind_null(st, i);
}

static const char *text_of(const struct wd_ynode *map, const char *key)
{
	return wd_f_text(wd_ymap_get(map, key));
}

static int put_dialogue(struct wd_index *ix, int64_t file, const char *id,
			struct wd_ydoc *doc, struct wd_diag *diag,
			struct wd_error *err)
{
	sqlite3_stmt *st = ix->st[S_INS_DIALOGUE];
	struct wd_buf b1 = WD_BUF_INIT(0), b2 = WD_BUF_INIT(0), b3 = WD_BUF_INIT(0);
	struct wd_dialogue dl;
	const struct wd_ynode *root;
	int r;

	wd_dialogue_init(&dl);
	dl.doc = *doc;			/* borrowed: given back below */
	wd_dialogue_read(&dl, ix->ws, diag);
	root = dl.doc.root && dl.doc.root->type == WD_YMAP ? dl.doc.root : NULL;
	if (!dl.title) {
		r = 0;			/* not a usable dialogue */
		goto out;
	}
	if (sqlite3_bind_int64(st, 1, file) || bind_text(st, 2, id) ||
	    bind_text(st, 3, dl.title) || bind_text(st, 4, dl.theme) ||
	    bind_text(st, 5, dl.question) || bind_text(st, 6, dl.place) ||
	    bind_text(st, 7, dl.venue) ||
	    bind_text(st, 8, dl.has_start ? text_of(root, "start") : NULL) ||
	    bind_when(st, 9, dl.has_start, &dl.start) ||
	    bind_text(st, 10, dl.has_end ? text_of(root, "end") : NULL) ||
	    bind_when(st, 11, dl.has_end, &dl.end) ||
	    bind_long(st, 12, dl.capacity) || bind_text(st, 13, dl.status) ||
	    bind_text(st, 14, dl.lang) || bind_long(st, 15, dl.tables) ||
	    bind_list(st, 16, &b1, &dl.hosts, ", ") ||
	    bind_list(st, 17, &b2, &dl.initiators, ", ") ||
	    bind_text(st, 18, dl.relay_from) ||
	    bind_list(st, 19, &b3, &dl.relay_to, ",") ||
	    bind_text(st, 20, dl.baton)) {
		sqlite3_reset(st);
		r = wd_index_error(ix, err, _("cannot write"));
		goto out;
	}
	r = step(ix, st, err);
out:
	*doc = dl.doc;
	wd_ydoc_init(&dl.doc);
	wd_dialogue_release(&dl);
	wd_buf_release(&b1);
	wd_buf_release(&b2);
	wd_buf_release(&b3);
	return r;
}

static int put_people(struct wd_index *ix, int64_t file, const char *dialogue,
		      struct wd_ydoc *doc, struct wd_diag *diag,
		      struct wd_error *err)
{
	sqlite3_stmt *st = ix->st[S_INS_PERSON];
	struct wd_people pp;
	size_t i;
	int r = 0;

	wd_people_init(&pp);
	pp.doc = *doc;
	wd_people_read(&pp, diag);
	for (i = 0; i < pp.n && r == 0; i++) {
		const struct wd_person *p = &pp.v[i];

		if (sqlite3_bind_int64(st, 1, file) ||
		    bind_text(st, 2, dialogue) || bind_text(st, 3, p->id) ||
		    sqlite3_bind_int64(st, 4, (int64_t)i) ||
		    bind_text(st, 5, p->name) || bind_text(st, 6, p->role) ||
		    bind_text(st, 7, p->organisation) ||
		    bind_text(st, 8, p->lang) || bind_long(st, 9, p->table) ||
		    bind_flag(st, 10, p->host) || bind_text(st, 11, p->rsvp) ||
		    bind_text(st, 12, p->has_answered ?
			      text_of(p->node, "answered") : NULL) ||
		    bind_flag(st, 13, p->waiting) ||
		    bind_flag(st, 14, p->attended) ||
		    bind_text(st, 15, p->consent_contact) ||
		    bind_text(st, 16, p->consent_named) ||
		    bind_text(st, 17, p->consent_photo) ||
		    bind_text(st, 18, p->channel) ||
		    bind_text(st, 19, p->sent) ||
		    bind_text(st, 20, p->reminded) ||
		    bind_text(st, 21, p->from) || bind_text(st, 22, p->note)) {
			sqlite3_reset(st);
			r = wd_index_error(ix, err, _("cannot write"));
			break;
		}
		r = step(ix, st, err);
	}
	*doc = pp.doc;
	wd_ydoc_init(&pp.doc);
	wd_people_release(&pp);
	return r;
}

static int put_list(struct wd_index *ix, int which, int64_t file,
		    const char *dialogue, const char *item,
		    const struct wd_strlist *l, struct wd_error *err)
{
	sqlite3_stmt *st = ix->st[which];
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (sqlite3_bind_int64(st, 1, file) ||
		    bind_text(st, 2, dialogue) || bind_text(st, 3, item) ||
		    bind_text(st, 4, l->v[i])) {
			sqlite3_reset(st);
			return wd_index_error(ix, err, _("cannot write"));
		}
		if (step(ix, st, err) < 0)
			return -1;
	}
	return 0;
}

static int put_item(struct wd_index *ix, int64_t file, const char *dialogue,
		    const char *source, size_t pos, const struct wd_item *it,
		    struct wd_buf *b1, struct wd_buf *b2, struct wd_error *err)
{
	sqlite3_stmt *st = ix->st[S_INS_ITEM];
	size_t i;

	if (sqlite3_bind_int64(st, 1, file) || bind_text(st, 2, dialogue) ||
	    bind_text(st, 3, source) || bind_text(st, 4, it->id) ||
	    sqlite3_bind_int64(st, 5, (int64_t)pos) ||
	    bind_text(st, 6, it->kind) || bind_text(st, 7, it->phase) ||
	    bind_text(st, 8, it->text) || bind_text(st, 9, it->by) ||
	    bind_text(st, 10, it->role) || bind_long(st, 11, it->table) ||
	    bind_list(st, 12, b1, &it->tags, ",") ||
	    bind_list(st, 13, b2, &it->owner, ",") ||
	    bind_text(st, 14, it->due) ||
	    bind_when(st, 15, it->has_due, &it->due_when) ||
	    bind_text(st, 16, it->status) || bind_text(st, 17, it->need) ||
	    bind_flag(st, 18, it->named) || bind_text(st, 19, it->created)) {
		sqlite3_reset(st);
		return wd_index_error(ix, err, _("cannot write"));
	}
	if (step(ix, st, err) < 0 ||
	    put_list(ix, S_INS_TAG, file, dialogue, it->id, &it->tags, err) < 0 ||
	    put_list(ix, S_INS_OWNER, file, dialogue, it->id, &it->owner, err) < 0)
		return -1;
	st = ix->st[S_INS_HIST];
	for (i = 0; i < it->nhist; i++) {
		const struct wd_hist *h = &it->hist[i];

		if (sqlite3_bind_int64(st, 1, file) ||
		    bind_text(st, 2, dialogue) || bind_text(st, 3, it->id) ||
		    sqlite3_bind_int64(st, 4, (int64_t)i) ||
		    bind_text(st, 5, h->at) || bind_text(st, 6, h->status) ||
		    bind_text(st, 7, h->note)) {
			sqlite3_reset(st);
			return wd_index_error(ix, err, _("cannot write"));
		}
		if (step(ix, st, err) < 0)
			return -1;
	}
	return 0;
}

static int put_harvest(struct wd_index *ix, int64_t file, const char *dialogue,
		       const char *path, struct wd_ydoc *doc,
		       struct wd_diag *diag, struct wd_error *err)
{
	struct wd_buf b1 = WD_BUF_INIT(0), b2 = WD_BUF_INIT(0);
	struct wd_buf source = WD_BUF_INIT(0);
	const char *base = strrchr(path, '/');
	struct wd_harvest h;
	size_t i;
	int r = 0;

	base = base ? base + 1 : path;
	if (wd_buf_add(&source, base, strlen(base) - 5) < 0)
		return wd_error_oom(err);
	wd_harvest_init(&h);
	h.doc = *doc;
	wd_harvest_read(&h, diag);
	for (i = 0; i < h.n && r == 0; i++)
		r = put_item(ix, file, dialogue, source.ptr, i, &h.v[i], &b1,
			     &b2, err);
	*doc = h.doc;
	wd_ydoc_init(&h.doc);
	wd_harvest_release(&h);
	wd_buf_release(&b1);
	wd_buf_release(&b2);
	wd_buf_release(&source);
	return r;
}

static int drop_rows(struct wd_index *ix, char type, int64_t file,
		     struct wd_error *err)
{
	static const int dialogue[] = { S_DEL_DIALOGUE, -1 };
	static const int people[] = { S_DEL_PERSON, -1 };
	static const int harvest[] = {
		S_DEL_ITEM, S_DEL_TAG, S_DEL_OWNER, S_DEL_HIST, -1,
	};
	const int *which = type == 'd' ? dialogue : type == 'p' ? people :
			   type == 'h' ? harvest : NULL;

	for (; which && *which >= 0; which++) {
		sqlite3_stmt *st = ix->st[*which];

		if (sqlite3_bind_int64(st, 1, file) != SQLITE_OK)
			return wd_index_error(ix, err, _("cannot write"));
		if (step(ix, st, err) < 0)
			return -1;
	}
	return 0;
}

static void dialogue_of(const char *path, struct wd_buf *out)
{
	const char *slash = strchr(path, '/');

	wd_buf_reset(out);
	wd_buf_add(out, path, slash ? (size_t)(slash - path) : 0);
}

struct apply {
	struct walk *w;
	struct wd_index_stats *stats;
	struct wd_buf dialogue;
	struct wd_buf abs;
	int fresh;			/* building from nothing */
};

/* Write the file table row for `f` (known as `k`, or new). */
static int put_file(struct apply *a, const struct entry *f,
		    const struct entry *k, int64_t hash, int racy,
		    const char *problem, int64_t *id)
{
	struct wd_index *ix = a->w->ix;
	struct wd_error *err = a->w->err;
	sqlite3_stmt *st;
	char type[2] = { f->type, 0 };

	if (k) {
		st = ix->st[S_UPD_FILE];
		if (sqlite3_bind_int64(st, 1, f->size) ||
		    sqlite3_bind_int64(st, 2, f->mtime) ||
		    sqlite3_bind_int64(st, 3, f->ctime) ||
		    sqlite3_bind_int64(st, 4, f->ino) ||
		    sqlite3_bind_int64(st, 5, hash) ||
		    sqlite3_bind_int(st, 6, racy) || bind_text(st, 7, problem) ||
		    sqlite3_bind_int64(st, 8, k->id)) {
			sqlite3_reset(st);
			return wd_index_error(ix, err, _("cannot write"));
		}
		*id = k->id;
		return step(ix, st, err);
	}
	dialogue_of(f->path, &a->dialogue);
	st = ix->st[S_INS_FILE];
	if (bind_text(st, 1, f->path) || bind_text(st, 2, wd_buf_str(&a->dialogue)) ||
	    sqlite3_bind_text(st, 3, type, 1, SQLITE_TRANSIENT) ||
	    sqlite3_bind_int64(st, 4, f->size) ||
	    sqlite3_bind_int64(st, 5, f->mtime) ||
	    sqlite3_bind_int64(st, 6, f->ctime) ||
	    sqlite3_bind_int64(st, 7, f->ino) ||
	    sqlite3_bind_int64(st, 8, hash) || sqlite3_bind_int(st, 9, racy) ||
	    bind_text(st, 10, problem)) {
		sqlite3_reset(st);
		return wd_index_error(ix, err, _("cannot write"));
	}
	if (step(ix, st, err) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(ix->db);
	return 0;
}

static int note_problem(struct apply *a, int64_t id, struct wd_error *perr)
{
	struct wd_index *ix = a->w->ix;
	sqlite3_stmt *st = ix->st[S_PROBLEM];

	a->stats->problems++;
	if (ix->problems && wd_problems_add(ix->problems, perr) < 0)
		return wd_error_oom(a->w->err);
	if (bind_text(st, 1, perr->msg) || sqlite3_bind_int64(st, 2, id)) {
		sqlite3_reset(st);
		return wd_index_error(ix, a->w->err, _("cannot write"));
	}
	return step(ix, st, a->w->err);
}

static int is_racy(const struct walk *w, const struct entry *f)
{
	return f->mtime >= w->start_ns - RACY_NS;
}

/* Read, parse and index one file whose stat data is `f` (`k` as known). */
static int read_file(struct apply *a, const struct entry *f,
		     const struct entry *k)
{
	struct walk *w = a->w;
	struct wd_index *ix = w->ix;
	struct wd_error perr;
	struct wd_diag diag;
	struct wd_ydoc doc;
	const char *dl;
	char *src = NULL;
	size_t len = 0;
	int64_t id, hash = 0;
	int r = -1;

	wd_ydoc_init(&doc);
	wd_error_clear(&perr);
	wd_diag_init(&diag, &perr, NULL);
	if (wd_ws_join(ix->ws, &a->abs, f->path) < 0)
		return wd_error_oom(w->err);
	if (wd_read_file(a->abs.ptr, f->path, wd_ylimits_default.max_bytes,
			 &src, &len, &perr) < 0) {
		if (perr.code == EX_OSERR)
			return wd_error_copy(w->err, &perr);
		if (perr.code == EX_NOINPUT)
			return 0;	/* gone since the walk: seen next time */
		wd_diag_error(&diag, &perr);
	} else {
		hash = (int64_t)fnv(src, len);
	}
	if (!a->fresh && k && drop_rows(ix, f->type, k->id, w->err) < 0)
		goto out;
	if (put_file(a, f, k, hash, is_racy(w, f), NULL, &id) < 0)
		goto out;
	if (src) {
		/* the document owns the bytes from here on */
		if (wd_ydoc_parse(&doc, f->path, src, len, NULL, &perr) < 0)
			wd_diag_error(&diag, &perr);
		src = NULL;
	}
	if (!diag.count) {
		dialogue_of(f->path, &a->dialogue);
		dl = wd_buf_str(&a->dialogue);
		if (f->type == 'd')
			r = put_dialogue(ix, id, dl, &doc, &diag, w->err);
		else if (f->type == 'p')
			r = put_people(ix, id, dl, &doc, &diag, w->err);
		else
			r = put_harvest(ix, id, dl, f->path, &doc, &diag, w->err);
		if (r < 0)
			goto out;
	}
	if (diag.count && note_problem(a, id, &perr) < 0)
		goto out;
	a->stats->read++;
	r = 0;
out:
	free(src);
	wd_ydoc_release(&doc);
	return r;
}

/* A racy file with the same stat data: is its content the same too? */
static int same_content(struct apply *a, const struct entry *k)
{
	struct wd_error e;
	char *src;
	size_t len;
	int same;

	if (wd_ws_join(a->w->ix->ws, &a->abs, k->path) < 0)
		return 0;
	if (wd_read_file(a->abs.ptr, k->path, wd_ylimits_default.max_bytes,
			 &src, &len, &e) < 0)
		return 0;
	same = (int64_t)fnv(src, len) == k->hash;
	free(src);
	return same;
}

static int drop_file(struct apply *a, const struct entry *k)
{
	struct wd_index *ix = a->w->ix;
	sqlite3_stmt *st = ix->st[S_DEL_FILE];

	if (drop_rows(ix, k->type, k->id, a->w->err) < 0)
		return -1;
	if (sqlite3_bind_int64(st, 1, k->id) != SQLITE_OK)
		return wd_index_error(ix, a->w->err, _("cannot write"));
	a->stats->removed++;
	return step(ix, st, a->w->err);
}

static int clear_racy(struct apply *a, const struct entry *k)
{
	struct wd_index *ix = a->w->ix;
	sqlite3_stmt *st = ix->st[S_RACY];

	if (sqlite3_bind_int64(st, 1, k->id) != SQLITE_OK)
		return wd_index_error(ix, a->w->err, _("cannot write"));
	return step(ix, st, a->w->err);
}

/*
 * Compare what is there with what the index knows, both in path order.
 * With `apply` 0 only count the changes; with 1 make them.
 */
static int merge(struct apply *a, int apply, size_t *changes)
{
	struct walk *w = a->w;
	size_t i = 0, j = 0, done = 0;
	int64_t id;

	*changes = 0;
	while (i < w->found.n || j < w->known.n) {
		const struct entry *f = i < w->found.n ? &w->found.v[i] : NULL;
		const struct entry *k = j < w->known.n ? &w->known.v[j] : NULL;
		int c = !f ? 1 : !k ? -1 : strcmp(f->path, k->path);
		int same, change = 0;

		if (c > 0) {
			/* known but gone */
			j++;
			(*changes)++;
			if (apply && drop_file(a, k) < 0)
				return -1;
			continue;
		}
		i++;
		if (c < 0)
			k = NULL;
		else
			j++;
		same = k && k->size == f->size && k->mtime == f->mtime &&
		       k->ctime == f->ctime && k->ino == f->ino;
		if (f->type == 'D') {
			/* a folder: only its stat data is kept */
			change = !same || k->racy != is_racy(w, f);
			if (change && apply &&
			    put_file(a, f, k, 0, is_racy(w, f), NULL, &id) < 0)
				return -1;
		} else if (same && !k->racy) {
			change = 0;
		} else if (same && same_content(a, k)) {
			change = !is_racy(w, f);
			if (change && apply && clear_racy(a, k) < 0)
				return -1;
		} else {
			change = 1;
			if (apply && read_file(a, f, k) < 0)
				return -1;
		}
		*changes += (size_t)change;
		if (f->type == 'd' && apply && w->ix->progress)
			w->ix->progress(w->ix->progress_ctx, ++done,
					a->stats->dialogues);
	}
	return 0;
}

static void walk_release(struct walk *w)
{
	free(w->known.v);
	free(w->found.v);
	wd_arena_release(&w->arena);
	wd_buf_release(&w->path);
}

/* After a build from nothing: mark it complete, then share it. */
static int finish_fresh(struct wd_index *ix, struct wd_error *err)
{
	struct wd_buf lock = WD_BUF_INIT(0);
	char q[64];
	int r;

	snprintf(q, sizeof(q), "PRAGMA user_version = %d;", WD_INDEX_VERSION);
	if (exec(ix, q, err) < 0 ||
	    exec(ix, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;",
		 err) < 0)
		return -1;
	if (path_of(ix, &lock, ".wd/index.lock") < 0)
		return wd_error_oom(err);
	r = wd_lock_mode(&ix->lock, lock.ptr, 1, ix->ws->lock_timeout_ms, err);
	wd_buf_release(&lock);
	ix->fresh = ix->fresh == WD_INDEX_KEPT ? WD_INDEX_NEW : ix->fresh;
	return r;
}

static int refresh(struct wd_index *ix, const char *only,
		   struct wd_index_stats *stats, struct wd_error *err)
{
	struct wd_index_stats dummy;
	struct wd_buf under = WD_BUF_INIT(0);
	struct timespec now;
	struct apply a;
	struct walk w;
	size_t changes = 0;
	int fresh = ix->fresh != WD_INDEX_KEPT && ix->lock.fd >= 0 &&
		    ix->db && !ix->building_done;
	int r = -1, s, in_tx = 0;

	if (!stats)
		stats = &dummy;
	memset(stats, 0, sizeof(*stats));
	memset(&w, 0, sizeof(w));
	memset(&a, 0, sizeof(a));
	wd_arena_init(&w.arena);
	w.ix = ix;
	w.err = err;
	a.w = &w;
	a.stats = stats;
	a.fresh = fresh;
	if (fresh)
		only = NULL;		/* a new index needs everything */
	clock_gettime(CLOCK_REALTIME, &now);
	w.start_ns = ns(&now);

	if (only && wd_buf_addf(&under, "%s/", only) < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (load_known(&w, only ? under.ptr : NULL) < 0)
		goto out;
	if (only) {
		s = walk_dialogue(&w, only);
		if (s < 0)
			goto out;
		stats->dialogues = (size_t)s;
	} else if (walk_all(&w, &stats->dialogues) < 0) {
		goto out;
	}
	if (w.found.n)
		qsort(w.found.v, w.found.n, sizeof(*w.found.v), cmp_entry);
	stats->files = w.found.n;
	if (merge(&a, 0, &changes) < 0)
		goto out;
	if (changes) {
		if (exec(ix, fresh ? "BEGIN" : "BEGIN IMMEDIATE", err) < 0)
			goto out;
		in_tx = 1;
		/* another process may have refreshed meanwhile: look again */
		if (!fresh && load_known(&w, only ? under.ptr : NULL) < 0)
			goto out;
		if (merge(&a, 1, &changes) < 0)
			goto out;
		if (exec(ix, "COMMIT", err) < 0)
			goto out;
		in_tx = 0;
	}
	if (fresh) {
		if (finish_fresh(ix, err) < 0)
			goto out;
		ix->building_done = 1;
	}
	r = 0;
out:
	if (in_tx)
		sqlite3_exec(ix->db, "ROLLBACK", NULL, NULL, NULL);
	wd_buf_release(&under);
	wd_buf_release(&a.dialogue);
	wd_buf_release(&a.abs);
	walk_release(&w);
	return r;
}

int wd_index_refresh(struct wd_index *ix, struct wd_index_stats *stats,
		     struct wd_error *err)
{
	return refresh(ix, NULL, stats, err);
}

int wd_index_refresh_dialogue(struct wd_index *ix, const char *dialogue,
			      struct wd_index_stats *stats,
			      struct wd_error *err)
{
	if (!wd_id_valid(dialogue))
		return wd_error_set(err, EX_SOFTWARE, "%s",
				    _("internal error: bad dialogue id"));
	return refresh(ix, dialogue, stats, err);
}

int wd_index_rebuild(struct wd_index *ix, struct wd_index_stats *stats,
		     struct wd_error *err)
{
	struct wd_buf lock = WD_BUF_INIT(0);
	int r;

	if (path_of(ix, &lock, ".wd/index.lock") < 0)
		return wd_error_oom(err);
	r = wd_lock_mode(&ix->lock, lock.ptr, 0, ix->ws->lock_timeout_ms, err);
	wd_buf_release(&lock);
	if (r < 0 || recreate(ix, err) < 0)
		return -1;
	ix->fresh = WD_INDEX_NEW;
	ix->building_done = 0;
	return refresh(ix, NULL, stats, err);
}

int wd_index_ready(struct wd_index *ix, struct wd_index_stats *stats,
		   struct wd_error *err)
{
	if (wd_index_open(ix, err) < 0)
		return -1;
	ix->rc = 0;
	if (wd_index_refresh(ix, stats, err) == 0)
		return 0;
	if (!damaged(ix->rc))
		return -1;
	/* damaged on the inside: never trusted, built again */
	if (wd_index_rebuild(ix, stats, err) < 0)
		return -1;
	ix->fresh = WD_INDEX_DAMAGED;
	return 0;
}

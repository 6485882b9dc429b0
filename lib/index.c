/* index.c - the SQLite index: a cache of the workspace's files, see wd-index(5) */
#include "index-int.h"
#include "dialogue.h"
#include "i18n.h"
#include "item.h"
#include "people.h"
#include "slug.h"
#include "stem.h"

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
	[S_INS_FTS] = "INSERT INTO item_fts(rowid, text, tags, need)"
		      " VALUES(?, ?, ?, ?)",
	[S_DEL_FTS] = "DELETE FROM item_fts WHERE rowid IN"
		      " (SELECT rowid FROM item WHERE file = ?)",
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

/*
 * What of wd.yaml the rows depend on: the language (stemming, each
 * dialogue's default language) and the time zone (times as numbers).
 */
static int settings_of(struct wd_index *ix, struct wd_buf *b)
{
	return wd_buf_addf(b, "%s %s", ix->ws->set.lang, ix->ws->set.timezone);
}

/* Whether the index was made with the workspace's settings as they are. */
static int same_settings(struct wd_index *ix)
{
	struct wd_buf want = WD_BUF_INIT(0);
	sqlite3_stmt *st = NULL;
	int same = 0;

	if (settings_of(ix, &want) == 0 &&
	    sqlite3_prepare_v2(ix->db, "SELECT value FROM meta WHERE key = 'settings'",
			       -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);

		same = v && !strcmp(v, want.ptr);
	}
	sqlite3_finalize(st);
	wd_buf_release(&want);
	return same;
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
	rc = wd_stem_register(ix->db);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_prepare_v2(ix->db, "PRAGMA user_version", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			*version = sqlite3_column_int(st, 0);
			rc = SQLITE_OK;
		}
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_OK && *version == WD_INDEX_VERSION &&
	    !same_settings(ix))
		*version = -1;	/* wd.yaml changed what the rows say */
	if (rc == SQLITE_OK && *version == WD_INDEX_VERSION)
		rc = prepare_all(ix);
	return rc;
}

/* The full-text table, its words stemmed in the workspace's language,
 * and the settings it was made with. */
static int make_fts(struct wd_index *ix, struct wd_error *err)
{
	const char *lang = wd_stem_language(ix->ws->set.lang);
	struct wd_buf set = WD_BUF_INIT(0);
	sqlite3_stmt *st = NULL;
	char q[160];
	int rc;

	/* the language is one of two constants, never user text */
	snprintf(q, sizeof(q), "CREATE VIRTUAL TABLE item_fts USING fts5("
		 "text, tags, need, tokenize = 'wd %s')", lang);
	if (exec(ix, q, err) < 0)
		return -1;
	if (settings_of(ix, &set) < 0)
		return wd_error_oom(err);
	rc = sqlite3_prepare_v2(ix->db, "INSERT INTO meta(key, value)"
				" VALUES('settings', ?)", -1, &st, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(st, 1, set.ptr, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK && sqlite3_step(st) != SQLITE_DONE)
		rc = SQLITE_ERROR;
	sqlite3_finalize(st);
	wd_buf_release(&set);
	if (rc != SQLITE_OK)
		return wd_index_error(ix, err, _("cannot write"));
	return 0;
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
	if (wd_stem_register(ix->db) != SQLITE_OK)
		return wd_index_error(ix, err, _("cannot register the stemmer"));
	/* built in one go by one process: no journal until it is complete */
	if (exec(ix, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", err) < 0 ||
	    exec(ix, schema, err) < 0 || make_fts(ix, err) < 0)
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

		e = ix_list_add(&w->known);
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

/* --- bringing the index up to date --- */

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
		    sqlite3_bind_int(st, 6, racy) || ix_bind_text(st, 7, problem) ||
		    sqlite3_bind_int64(st, 8, k->id)) {
			sqlite3_reset(st);
			return wd_index_error(ix, err, _("cannot write"));
		}
		*id = k->id;
		return ix_step(ix, st, err);
	}
	dialogue_of(f->path, &a->dialogue);
	st = ix->st[S_INS_FILE];
	if (ix_bind_text(st, 1, f->path) || ix_bind_text(st, 2, wd_buf_str(&a->dialogue)) ||
	    sqlite3_bind_text(st, 3, type, 1, SQLITE_TRANSIENT) ||
	    sqlite3_bind_int64(st, 4, f->size) ||
	    sqlite3_bind_int64(st, 5, f->mtime) ||
	    sqlite3_bind_int64(st, 6, f->ctime) ||
	    sqlite3_bind_int64(st, 7, f->ino) ||
	    sqlite3_bind_int64(st, 8, hash) || sqlite3_bind_int(st, 9, racy) ||
	    ix_bind_text(st, 10, problem)) {
		sqlite3_reset(st);
		return wd_index_error(ix, err, _("cannot write"));
	}
	if (ix_step(ix, st, err) < 0)
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
	if (ix_bind_text(st, 1, perr->msg) || sqlite3_bind_int64(st, 2, id)) {
		sqlite3_reset(st);
		return wd_index_error(ix, a->w->err, _("cannot write"));
	}
	return ix_step(ix, st, a->w->err);
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
	if (!a->fresh && k && ix_drop_rows(ix, f->type, k->id, w->err) < 0)
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
			r = ix_put_dialogue(ix, id, dl, &doc, &diag, w->err);
		else if (f->type == 'p')
			r = ix_put_people(ix, id, dl, &doc, &diag, w->err);
		else
			r = ix_put_harvest(ix, id, dl, f->path, &doc, &diag, w->err);
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

	if (ix_drop_rows(ix, k->type, k->id, a->w->err) < 0)
		return -1;
	if (sqlite3_bind_int64(st, 1, k->id) != SQLITE_OK)
		return wd_index_error(ix, a->w->err, _("cannot write"));
	a->stats->removed++;
	return ix_step(ix, st, a->w->err);
}

static int clear_racy(struct apply *a, const struct entry *k)
{
	struct wd_index *ix = a->w->ix;
	sqlite3_stmt *st = ix->st[S_RACY];

	if (sqlite3_bind_int64(st, 1, k->id) != SQLITE_OK)
		return wd_index_error(ix, a->w->err, _("cannot write"));
	return ix_step(ix, st, a->w->err);
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
	size_t changes = 0, i;
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
	w.start_ns = ix_ns(&now);

	if (only && wd_buf_addf(&under, "%s/", only) < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (load_known(&w, only ? under.ptr : NULL) < 0)
		goto out;
	if (only) {
		s = ix_walk_dialogue(&w, only);
		if (s < 0)
			goto out;
		stats->dialogues = (size_t)s;
	} else if (ix_walk_all(&w, &stats->dialogues) < 0) {
		goto out;
	}
	if (w.found.n)
		qsort(w.found.v, w.found.n, sizeof(*w.found.v), ix_cmp_entry);
	for (i = 0; i < w.found.n; i++)
		stats->files += w.found.v[i].type != 'D';
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
	ix_walk_release(&w);
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

/* index.c - the SQLite index: a cache of the workspace's files, see wd-index(5) */
#include "index-int.h"
#include "dialogue.h"
#include "i18n.h"
#include "item.h"
#include "people.h"
#include "slug.h"
#include "stem.h"
#include "vocab.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
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
	[S_DATA_VERSION] = "PRAGMA data_version",
};

/* --- errors --- */

/* Whether someone's id or name is exactly `who`: 1, 0, -1 with err. */
static int exact_person(struct wd_index *ix, const char *dialogue,
			const char *who, struct wd_error *err)
{
	static const char exact_sql[] =
		"SELECT 1 FROM person WHERE (?1 IS NULL OR dialogue = ?1)"
		" AND (id = ?2 OR name = ?2 COLLATE NOCASE) LIMIT 1";
	sqlite3_stmt *st = NULL;
	int rc, r = -1;

	if (sqlite3_prepare_v2(ix->db, exact_sql, -1, &st, NULL) != SQLITE_OK ||
	    (dialogue ? sqlite3_bind_text(st, 1, dialogue, -1, SQLITE_STATIC) :
	     sqlite3_bind_null(st, 1)) ||
	    sqlite3_bind_text(st, 2, who, -1, SQLITE_STATIC)) {
		wd_index_error(ix, err, _("cannot read"));
		goto out;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		r = rc == SQLITE_ROW;
	else
		wd_index_error(ix, err, _("cannot read"));
out:
	sqlite3_finalize(st);
	return r;
}

int wd_index_person_filter(struct wd_index *ix, const char *dialogue,
			   const char *who, struct wd_buf *slug,
			   struct wd_error *err)
{
	static const char knows_sql[] =
		"SELECT 1 FROM person WHERE (?1 IS NULL OR dialogue = ?1)"
		" AND (" WD_SQL_PERSON_IS("id", "2") " OR name = ?3 COLLATE NOCASE)"
		" LIMIT 1";
	sqlite3_stmt *st = NULL;
	int rc, r = -1;

	wd_buf_reset(slug);
	if (wd_slug(slug, who) < 0)
		return wd_error_oom(err);
	if (wd_vocab_canon(WD_V_ROLE, who))
		return 0;
	/* someone whose id or name it is: only them, not "jan-de-vries"
	 * beside "jan" (a slug no id has leaves the prefix test empty) */
	r = exact_person(ix, dialogue, who, err);
	if (r < 0)
		return -1;
	if (r > 0) {
		wd_buf_reset(slug);
		return wd_buf_adds(slug, "-") < 0 ? wd_error_oom(err) : 0;
	}
	r = -1;
	if (sqlite3_prepare_v2(ix->db, knows_sql, -1, &st, NULL) != SQLITE_OK ||
	    (dialogue ? sqlite3_bind_text(st, 1, dialogue, -1, SQLITE_STATIC) :
	     sqlite3_bind_null(st, 1)) ||
	    sqlite3_bind_text(st, 2, wd_buf_str(slug), -1, SQLITE_STATIC) ||
	    sqlite3_bind_text(st, 3, who, -1, SQLITE_STATIC)) {
		wd_index_error(ix, err, _("cannot read"));
		goto out;
	}
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		r = 0;
	else if (rc != SQLITE_DONE)
		wd_index_error(ix, err, _("cannot read"));
	else if (dialogue)
		wd_error_set(err, EX_DATAERR, _("no person '%s' in '%s'"), who,
			     dialogue);
	else
		wd_error_set(err, EX_DATAERR, _("no person '%s' in any dialogue"),
			     who);
out:
	sqlite3_finalize(st);
	return r;
}

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
	/*
	 * built in one go by one process: no journal until it is complete;
	 * a page cache of 8 MiB (SQLite's default is 2) keeps the pages of
	 * the indexes that every row goes into, instead of writing and
	 * reading them back, a large part of a big build's time
	 */
	if (exec(ix, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
		 " PRAGMA cache_size = -8192;", err) < 0 ||
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

/* A number that changes when another connection commits; -1 unknown. */
static int64_t data_version(struct wd_index *ix)
{
	sqlite3_stmt *st = ix->st[S_DATA_VERSION];
	int64_t v = -1;

	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

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

struct pipe;

struct apply {
	struct walk *w;
	struct wd_index_stats *stats;
	struct wd_buf dialogue;
	struct wd_buf abs;
	int fresh;			/* building from nothing */
	const struct entry **todo;	/* the files to read, in path order */
	size_t ntodo;
	struct pipe *pipe;		/* reading them in another thread */
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

static int note_problem(struct apply *a, int64_t id,
			const struct wd_error *perr)
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

/*
 * One file read, parsed and made into records, its rows not yet written.
 * Reading touches nothing of the index but the workspace's settings, so
 * that it can run in another thread (see struct pipe).
 */
struct prep {
	const struct entry *f;
	int64_t hash;
	int skip;			/* gone since the walk: seen next time */
	int fatal;			/* perr stops the refresh */
	int parsed;			/* rec holds the records */
	struct wd_error perr;		/* the first problem */
	struct wd_diag diag;
	struct ix_rec rec;
};

static void prep_file(const struct wd_ws *ws, const struct entry *f,
		      struct prep *p, struct wd_buf *abs)
{
	struct wd_ydoc doc;
	char *src = NULL;
	size_t len = 0;

	p->f = f;
	p->hash = 0;
	p->skip = p->fatal = p->parsed = 0;
	wd_error_clear(&p->perr);
	wd_diag_init(&p->diag, &p->perr, NULL);
	ix_rec_init(&p->rec);
	if (wd_ws_join(ws, abs, f->path) < 0) {
		p->fatal = 1;
		wd_error_oom(&p->perr);
		return;
	}
	if (wd_read_file(abs->ptr, f->path, wd_ylimits_default.max_bytes,
			 &src, &len, &p->perr) < 0) {
		p->fatal = p->perr.code == EX_OSERR;
		p->skip = p->perr.code == EX_NOINPUT;
		if (!p->fatal && !p->skip)
			wd_diag_error(&p->diag, &p->perr);
		return;
	}
	p->hash = (int64_t)fnv(src, len);
	/* the document owns the bytes from here on */
	wd_ydoc_init(&doc);
	if (wd_ydoc_parse(&doc, f->path, src, len, NULL, &p->perr) < 0)
		wd_diag_error(&p->diag, &p->perr);
	if (!p->diag.count) {
		ix_rec_read(&p->rec, f->type, &doc, ws, &p->diag);
		p->parsed = 1;
	}
	wd_ydoc_release(&doc);
	if (p->diag.failed) {
		/* out of memory is no problem of the file: the refresh stops */
		p->fatal = 1;
		wd_error_oom(&p->perr);
	}
}

/* Write the rows of a file read as `p` (`k` as known). */
static int write_prep(struct apply *a, const struct entry *k,
		      const struct prep *p)
{
	struct walk *w = a->w;
	struct wd_index *ix = w->ix;
	const struct entry *f = p->f;
	int64_t id;

	if (p->fatal)
		return wd_error_copy(w->err, &p->perr);
	if (p->skip)
		return 0;
	if (!a->fresh && k && ix_drop_rows(ix, f->type, k->id, w->err) < 0)
		return -1;
	if (put_file(a, f, k, p->hash, is_racy(w, f), NULL, &id) < 0)
		return -1;
	if (p->parsed) {
		dialogue_of(f->path, &a->dialogue);
		if (ix_rec_write(ix, &p->rec, id, wd_buf_str(&a->dialogue),
				 f->path, w->err) < 0)
			return -1;
	}
	if (p->diag.count && note_problem(a, id, &p->perr) < 0)
		return -1;
	a->stats->read++;
	return 0;
}

/*
 * Reading beside writing: while this thread writes the rows of one file,
 * another reads and parses the files after it, at most RING ahead.  The
 * two halves of a build take about as long, so on two cores a build
 * takes about as long as the longer half.  The reader goes through
 * a->todo, the files the first pass of merge() found changed; should the
 * second pass want another file (another process refreshed meanwhile),
 * that one is read here and what the reader made for nothing is dropped.
 */
#define RING 16
#define BATCH 4			/* a waiting side is woken for this many */
#define PIPE_MIN 16		/* fewer files are read in this thread */

struct pipe {
	const struct wd_ws *ws;
	const struct entry **todo;
	size_t n;
	size_t head;			/* the next one the writer takes */
	size_t tail;			/* how many the reader made */
	size_t want;			/* the writer waits for tail >= want */
	int stop;
	int reader_waits, writer_waits;
	struct prep ring[RING];
	pthread_mutex_t mu;
	pthread_cond_t room;		/* for the reader: free slots */
	pthread_cond_t ready;		/* for the writer: files read */
	pthread_t thread;
};

static void *pipe_reader(void *arg)
{
	struct pipe *p = arg;
	struct wd_buf abs = WD_BUF_INIT(0);
	size_t i;
	int stop = 0;

	for (i = 0; i < p->n && !stop; i++) {
		pthread_mutex_lock(&p->mu);
		if (i - p->head >= RING) {
			/* full: wait until a batch is free again */
			p->reader_waits = 1;
			while (!p->stop && i - p->head > RING - BATCH)
				pthread_cond_wait(&p->room, &p->mu);
			p->reader_waits = 0;
		}
		stop = p->stop;
		pthread_mutex_unlock(&p->mu);
		if (stop)
			break;
		prep_file(p->ws, p->todo[i], &p->ring[i % RING], &abs);
		pthread_mutex_lock(&p->mu);
		p->tail = i + 1;
		if (p->writer_waits && p->tail >= p->want)
			pthread_cond_signal(&p->ready);
		pthread_mutex_unlock(&p->mu);
	}
	wd_buf_release(&abs);
	return NULL;
}

static struct pipe *pipe_start(const struct wd_ws *ws,
			       const struct entry **todo, size_t n)
{
	struct pipe *p;

	if (n < PIPE_MIN || !(p = calloc(1, sizeof(*p))))
		return NULL;
	p->ws = ws;
	p->todo = todo;
	p->n = n;
	if (pthread_mutex_init(&p->mu, NULL))
		goto fail;
	if (pthread_cond_init(&p->room, NULL))
		goto fail_mu;
	if (pthread_cond_init(&p->ready, NULL))
		goto fail_room;
	if (!pthread_create(&p->thread, NULL, pipe_reader, p))
		return p;
	pthread_cond_destroy(&p->ready);
fail_room:
	pthread_cond_destroy(&p->room);
fail_mu:
	pthread_mutex_destroy(&p->mu);
fail:
	free(p);
	return NULL;		/* read in this thread then */
}

/* The writer is done with the file at the head. */
static void pipe_next(struct pipe *p)
{
	ix_rec_release(&p->ring[p->head % RING].rec);
	pthread_mutex_lock(&p->mu);
	p->head++;
	if (p->reader_waits && p->tail - p->head <= RING - BATCH)
		pthread_cond_signal(&p->room);
	pthread_mutex_unlock(&p->mu);
}

/* What the reader made of `f`, or NULL when it does not read `f`. */
static struct prep *pipe_take(struct pipe *p, const struct entry *f)
{
	/* todo and f point into the same list, in path order */
	while (p && p->head < p->n && p->todo[p->head] <= f) {
		pthread_mutex_lock(&p->mu);
		if (p->tail <= p->head) {
			/* nothing read yet: wait for a batch */
			p->want = p->head + BATCH < p->n ? p->head + BATCH : p->n;
			p->writer_waits = 1;
			while (p->tail < p->want)
				pthread_cond_wait(&p->ready, &p->mu);
			p->writer_waits = 0;
		}
		pthread_mutex_unlock(&p->mu);
		if (p->todo[p->head] == f)
			return &p->ring[p->head % RING];
		pipe_next(p);		/* not wanted after all */
	}
	return NULL;
}

static void pipe_end(struct pipe *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->stop = 1;
	pthread_cond_signal(&p->room);
	pthread_mutex_unlock(&p->mu);
	pthread_join(p->thread, NULL);
	for (; p->head < p->tail; p->head++)
		ix_rec_release(&p->ring[p->head % RING].rec);
	pthread_cond_destroy(&p->ready);
	pthread_cond_destroy(&p->room);
	pthread_mutex_destroy(&p->mu);
	free(p);
}

/* Read, parse and index one file whose stat data is `f` (`k` as known). */
static int read_file(struct apply *a, const struct entry *f,
		     const struct entry *k)
{
	struct prep *p = pipe_take(a->pipe, f), here;
	int r;

	if (p) {
		r = write_prep(a, k, p);
		pipe_next(a->pipe);
		return r;
	}
	prep_file(a->w->ix->ws, f, &here, &a->abs);
	r = write_prep(a, k, &here);
	ix_rec_release(&here.rec);
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
	if (!apply)
		a->ntodo = 0;
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
			if (!apply)
				a->todo[a->ntodo++] = f;
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
	int64_t version;
	int fresh = ix->fresh != WD_INDEX_KEPT && ix->lock.fd >= 0 &&
		    ix->db && !ix->building_done;
	int r = -1, s, in_tx = 0;

	if (!stats)
		stats = &dummy;
	memset(stats, 0, sizeof(*stats));
	ix_walk_init(&w, ix, err);
	memset(&a, 0, sizeof(a));
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
	version = data_version(ix);
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
	ix_sort(&w.found);
	for (i = 0; i < w.found.n; i++)
		stats->files += w.found.v[i].type != 'D';
	a.todo = malloc((w.found.n ? w.found.n : 1) * sizeof(*a.todo));
	if (!a.todo) {
		wd_error_oom(err);
		goto out;
	}
	if (merge(&a, 0, &changes) < 0)
		goto out;
	if (changes) {
		if (exec(ix, fresh ? "BEGIN" : "BEGIN IMMEDIATE", err) < 0)
			goto out;
		in_tx = 1;
		/* another process may have refreshed meanwhile: look again */
		if (!fresh && (version < 0 || data_version(ix) != version) &&
		    load_known(&w, only ? under.ptr : NULL) < 0)
			goto out;
		a.pipe = pipe_start(ix->ws, a.todo, a.ntodo);
		s = merge(&a, 1, &changes);
		pipe_end(a.pipe);
		a.pipe = NULL;
		if (s < 0)
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
	free(a.todo);
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

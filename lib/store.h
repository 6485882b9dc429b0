/* store.h - atomic file writes and the workspace lock */
#ifndef WD_STORE_H
#define WD_STORE_H

#include <dirent.h>
#include <stddef.h>
#include <sys/types.h>

#include "error.h"

/*
 * Replace the file at `path` with `len` bytes, atomically: a temporary
 * file in the same folder, fsync, rename over the old one, fsync the
 * folder.  A crash at any moment leaves the old or the new file, never
 * a mix.  An existing file keeps its mode; a new one gets `mode` as the
 * umask allows (0644 under umask 022, 0600 under 077).
 * `name` is what messages call the file.  Failing to create gives
 * EX_CANTCREAT, failing to write EX_IOERR; either way the old file is
 * as it was.  Once the new file is in place the call succeeds: an error
 * syncing the folder after the rename is not reported (as in SQLite).
 */
int wd_store_write(const char *path, const char *name, const void *data,
		   size_t len, mode_t mode, struct wd_error *err);

/* Write all `len` bytes to fd, again after EINTR; -1 with errno (EIO
 * when write() writes nothing). */
int wd_store_write_all(int fd, const char *p, size_t len);

/* Create a folder (and fsync its parent); an existing one is fine. */
int wd_store_mkdir(const char *path, const char *name, mode_t mode,
		   struct wd_error *err);

/*
 * Open folder `path` (`name` in messages) to read: 0 with *d NULL when
 * there is no such folder, which is nothing to read; -1 with err
 * (EX_IOERR, or out of memory) for any other failure, which must not
 * pass for an empty folder.
 */
int wd_store_opendir(const char *path, const char *name, DIR **d,
		     struct wd_error *err);

/* Whether a file name is one of our temporary files. */
int wd_store_is_temp(const char *base);

/*
 * Remove temporary files a killed writer left in folder `dir`.  Only
 * call this holding the workspace lock: then no writer is running.
 */
void wd_store_clean(const char *dir);

/* The workspace lock: flock(2) on a file, waited for up to timeout_ms. */
struct wd_lock {
	int fd;
};

#define WD_LOCK_INIT { -1 }

int wd_lock_take(struct wd_lock *l, const char *path, unsigned timeout_ms,
		 struct wd_error *err);
/* The same with a shared (LOCK_SH) or exclusive lock on an open lock. */
int wd_lock_mode(struct wd_lock *l, const char *path, int shared,
		 unsigned timeout_ms, struct wd_error *err);
void wd_lock_release(struct wd_lock *l);

#endif

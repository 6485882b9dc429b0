/* store.c - atomic file writes and the workspace lock */
#include "store.h"
#include "buf.h"
#include "i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define TEMP_TAG ".wdtmp-"

static int split(const char *path, struct wd_buf *dir, const char **base)
{
	const char *slash = strrchr(path, '/');

	if (!slash) {
		*base = path;
		return wd_buf_adds(dir, ".");
	}
	*base = slash + 1;
	return wd_buf_add(dir, path, slash == path ? 1 : (size_t)(slash - path));
}

static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int r;

	if (fd < 0)
		return -1;
	r = fsync(fd);
	/* some file systems cannot fsync a folder; that is not an error */
	if (r < 0 && (errno == EINVAL || errno == EROFS))
		r = 0;
	close(fd);
	return r;
}

int wd_store_write_all(int fd, const char *p, size_t len)
{
	ssize_t r;

	while (len) {
		r = write(fd, p, len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0) {
			errno = EIO;
			return -1;
		}
		p += r;
		len -= (size_t)r;
	}
	return 0;
}

static void random_suffix(char *out, size_t n)
{
	static const char set[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	unsigned char r[16];
	size_t i;

	if (n > sizeof(r))
		n = sizeof(r);
	if (getrandom(r, n, GRND_NONBLOCK) != (ssize_t)n) {
		unsigned long v = (unsigned long)time(NULL) ^
				  ((unsigned long)getpid() << 16);

		for (i = 0; i < n; i++) {
			v = v * 6364136223846793005UL + 1442695040888963407UL;
			r[i] = (unsigned char)(v >> 33);
		}
	}
	for (i = 0; i < n; i++)
		out[i] = set[r[i] % (sizeof(set) - 1)];
	out[n] = '\0';
}

int wd_store_write(const char *path, const char *name, const void *data,
		   size_t len, mode_t mode, struct wd_error *err)
{
	struct wd_buf dir = WD_BUF_INIT(0), tmp = WD_BUF_INIT(0);
	const char *base;
	char suffix[8];
	struct stat st;
	int fd = -1, tries, keep = 0;

	/* an existing file keeps its mode; a new one is made as the umask says */
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		mode = st.st_mode & 07777;
		keep = 1;
	}
	if (split(path, &dir, &base) < 0)
		goto oom;
	for (tries = 0; tries < 100; tries++) {
		random_suffix(suffix, 6);
		wd_buf_reset(&tmp);
		if (wd_buf_addf(&tmp, "%s/.%s%s%s", dir.ptr, base, TEMP_TAG,
				suffix) < 0)
			goto oom;
		fd = open(tmp.ptr, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC |
			  O_NOFOLLOW, mode);
		if (fd >= 0 || errno != EEXIST)
			break;
	}
	if (fd < 0) {
		wd_error_sys(err, EX_CANTCREAT, name, _("cannot create"));
		goto fail;
	}
	/* the umask may have narrowed the mode of a file that had it */
	if ((keep && fchmod(fd, mode) < 0) ||
	    wd_store_write_all(fd, data, len) < 0 ||
	    fsync(fd) < 0) {
		wd_error_sys(err, EX_IOERR, name, _("cannot write"));
		goto fail;
	}
	if (close(fd) < 0) {
		fd = -1;
		wd_error_sys(err, EX_IOERR, name, _("cannot write"));
		goto fail;
	}
	fd = -1;
	if (rename(tmp.ptr, path) < 0) {
		wd_error_sys(err, EX_IOERR, name, _("cannot replace"));
		goto fail;
	}
	/*
	 * The new file is in place and every reader sees it: a folder that
	 * cannot be synced now only puts its durability in doubt, and
	 * failing here would report a change as not made that was made (a
	 * script would do it twice).  SQLite ignores this error too.
	 */
	(void)fsync_dir(dir.ptr);
	wd_buf_release(&dir);
	wd_buf_release(&tmp);
	return 0;
oom:
	wd_error_oom(err);
fail:
	if (fd >= 0)
		close(fd);
	if (tmp.ptr && tmp.len)
		unlink(tmp.ptr);
	wd_buf_release(&dir);
	wd_buf_release(&tmp);
	return -1;
}

int wd_store_mkdir(const char *path, const char *name, mode_t mode,
		   struct wd_error *err)
{
	struct wd_buf dir = WD_BUF_INIT(0);
	const char *base;
	struct stat st;
	int r;

	if (mkdir(path, mode) < 0) {
		if (errno == EEXIST && lstat(path, &st) == 0 &&
		    S_ISDIR(st.st_mode))
			return 0;
		return wd_error_sys(err, EX_CANTCREAT, name,
				    _("cannot create folder"));
	}
	if (split(path, &dir, &base) < 0)
		return wd_error_oom(err);
	r = fsync_dir(dir.ptr);
	wd_buf_release(&dir);
	if (r < 0)
		return wd_error_sys(err, EX_IOERR, name,
				    _("cannot sync the folder of"));
	return 0;
}

int wd_store_is_temp(const char *base)
{
	return base[0] == '.' && strstr(base, TEMP_TAG) != NULL;
}

int wd_store_opendir(const char *path, const char *name, DIR **d,
		     struct wd_error *err)
{
	*d = opendir(path);
	if (*d || errno == ENOENT)
		return 0;
	return wd_error_sys(err, EX_IOERR, name, _("cannot read folder"));
}

void wd_store_clean(const char *dir)
{
	struct wd_buf p = WD_BUF_INIT(0);
	struct dirent *e;
	DIR *d = opendir(dir);

	if (!d)
		return;
	while ((e = readdir(d))) {
		if (!wd_store_is_temp(e->d_name))
			continue;
		wd_buf_reset(&p);
		if (wd_buf_addf(&p, "%s/%s", dir, e->d_name) == 0)
			unlink(p.ptr);
	}
	closedir(d);
	wd_buf_release(&p);
}

int wd_lock_mode(struct wd_lock *l, const char *path, int shared,
		 unsigned timeout_ms, struct wd_error *err)
{
	struct timespec ts;
	unsigned waited = 0, step = 2;

	if (l->fd < 0) {
		l->fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
		if (l->fd < 0)
			return wd_error_sys(err, EX_CANTCREAT, path,
					    _("cannot open the lock file"));
	}
	for (;;) {
		if (flock(l->fd, (shared ? LOCK_SH : LOCK_EX) | LOCK_NB) == 0)
			return 0;
		if (errno != EWOULDBLOCK && errno != EINTR) {
			wd_error_sys(err, EX_IOERR, path, _("cannot lock"));
			wd_lock_release(l);
			return -1;
		}
		if (waited >= timeout_ms) {
			wd_lock_release(l);
			wd_error_set(err, EX_TEMPFAIL,
				     _("the workspace is busy: another wd command holds its lock"));
			wd_error_hint(err, "%s", _("try again in a moment"));
			return -1;
		}
		ts.tv_sec = 0;
		ts.tv_nsec = (long)step * 1000000L;
		nanosleep(&ts, NULL);
		waited += step;
		if (step < 50)
			step *= 2;
	}
}

int wd_lock_take(struct wd_lock *l, const char *path, unsigned timeout_ms,
		 struct wd_error *err)
{
	return wd_lock_mode(l, path, 0, timeout_ms, err);
}

void wd_lock_release(struct wd_lock *l)
{
	if (l->fd >= 0) {
		flock(l->fd, LOCK_UN);
		close(l->fd);
	}
	l->fd = -1;
}

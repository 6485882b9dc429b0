/* outbox.c - where messages go: an mbox file, a Maildir, or a sendmail command */
#include "outbox.h"
#include "buf.h"
#include "i18n.h"
#include "timefmt.h"
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MBOX_LOCK_TRIES 200	/* of 50 ms: 10 seconds */

void wd_outbox_init(struct wd_outbox *o, enum wd_outbox_kind kind,
		    const char *target, int64_t now)
{
	memset(o, 0, sizeof(*o));
	o->kind = kind;
	o->target = target;
	o->now = now;
}

static void nap(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* --- mbox --- */

/* "From sender Sat Dec 12 18:30:00 2026" (UTC, as asctime writes it) */
static int from_line(struct wd_buf *b, const char *sender, int64_t now)
{
	return wd_buf_addf(b, "From %s ",
			   sender && *sender ? sender : "MAILER-DAEMON") < 0 ||
	       wd_time_asctime(b, now) < 0 || wd_buf_addc(b, '\n') < 0 ? -1 : 0;
}

/* The message with ">*From " lines quoted once more (mboxrd). */
static int quote_from(struct wd_buf *b, const char *msg, size_t len)
{
	const char *p = msg, *end = msg + len, *nl, *q;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		nl = nl ? nl + 1 : end;
		for (q = p; q < nl && *q == '>'; q++)
			;
		if ((size_t)(nl - q) >= 5 && !memcmp(q, "From ", 5) &&
		    wd_buf_addc(b, '>') < 0)
			return -1;
		if (wd_buf_add(b, p, (size_t)(nl - p)) < 0)
			return -1;
		p = nl;
	}
	if (b->len && b->ptr[b->len - 1] != '\n' && wd_buf_addc(b, '\n') < 0)
		return -1;
	return wd_buf_addc(b, '\n');
}

static int mbox_lock(int fd)
{
	struct flock fl;
	int i;

	memset(&fl, 0, sizeof(fl));
	fl.l_type = F_WRLCK;
	fl.l_whence = SEEK_SET;
	for (i = 0; i < MBOX_LOCK_TRIES; i++) {
		if (fcntl(fd, F_SETLK, &fl) == 0)
			return 0;
		if (errno != EACCES && errno != EAGAIN && errno != EINTR)
			return -1;
		nap(50);
	}
	errno = EAGAIN;
	return -1;
}

static int mbox_put(struct wd_outbox *o, const char *sender, const char *msg,
		    size_t len, struct wd_error *err)
{
	struct wd_buf b = WD_BUF_INIT(0);
	struct stat st;
	char end[2] = { '\n', '\n' };
	int fd, ret = -1;

	fd = open(o->target, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY,
		  0600);
	if (fd < 0)
		return wd_error_sys(err, EX_CANTCREAT, o->target,
				    _("cannot open the mbox"));
	if (mbox_lock(fd) < 0) {
		wd_error_sys(err, errno == EAGAIN ? EX_TEMPFAIL : EX_IOERR,
			     o->target, _("cannot lock the mbox"));
		goto out;
	}
	if (fstat(fd, &st) < 0) {
		wd_error_sys(err, EX_IOERR, o->target, _("cannot read the mbox"));
		goto out;
	}
	/* an empty line before the From_ line, also after a file that has none */
	if (st.st_size == 1 && pread(fd, end + 1, 1, 0) != 1)
		end[1] = '\n';
	if (st.st_size > 1 && pread(fd, end, 2, st.st_size - 2) != 2)
		end[0] = end[1] = '\n';
	if ((st.st_size && end[1] != '\n' && wd_buf_addc(&b, '\n') < 0) ||
	    (st.st_size && (end[0] != '\n' || end[1] != '\n') &&
	     wd_buf_addc(&b, '\n') < 0) ||
	    from_line(&b, sender, o->now) < 0 || quote_from(&b, msg, len) < 0) {
		wd_error_oom(err);
		goto out;
	}
	if (wd_store_write_all(fd, b.ptr, b.len) < 0 || fsync(fd) < 0) {
		wd_error_sys(err, EX_IOERR, o->target,
			     _("cannot write to the mbox"));
		/* not half a message: cut it off again */
		if (ftruncate(fd, st.st_size) == 0)
			fsync(fd);
		goto out;
	}
	ret = 0;
out:
	close(fd);
	wd_buf_release(&b);
	return ret;
}

/* --- Maildir --- */

static int maildir_dirs(const char *dir, struct wd_buf *p,
			struct wd_error *err)
{
	static const char *const sub[] = { "tmp", "new", "cur" };
	size_t i;

	if (wd_store_mkdir(dir, dir, 0700, err) < 0)
		return -1;
	for (i = 0; i < 3; i++) {
		wd_buf_reset(p);
		if (wd_buf_addf(p, "%s/%s", dir, sub[i]) < 0)
			return wd_error_oom(err);
		if (wd_store_mkdir(p->ptr, p->ptr, 0700, err) < 0)
			return -1;
	}
	return 0;
}

/* time.MusecPpidQn.host, with '/' and ':' of the host name escaped */
static int unique_name(struct wd_buf *b, unsigned n)
{
	struct timeval tv;
	char host[256];
	const char *h;

	gettimeofday(&tv, NULL);
	if (gethostname(host, sizeof(host)) < 0)
		snprintf(host, sizeof(host), "localhost");
	host[sizeof(host) - 1] = '\0';
	if (wd_buf_addf(b, "%lld.M%ldP%ldQ%u.", (long long)tv.tv_sec,
			(long)tv.tv_usec, (long)getpid(), n) < 0)
		return -1;
	for (h = host; *h; h++) {
		int r = *h == '/' ? wd_buf_adds(b, "\\057") :
			*h == ':' ? wd_buf_adds(b, "\\072") :
			wd_buf_addc(b, *h);

		if (r < 0)
			return -1;
	}
	return 0;
}

static void sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

static int maildir_put(struct wd_outbox *o, const char *msg, size_t len,
		       struct wd_error *err)
{
	struct wd_buf name = WD_BUF_INIT(0), tmp = WD_BUF_INIT(0);
	struct wd_buf dst = WD_BUF_INIT(0);
	int fd = -1, ret = -1;

	if (maildir_dirs(o->target, &tmp, err) < 0)
		goto out;
	wd_buf_reset(&tmp);
	if (unique_name(&name, o->count) < 0 ||
	    wd_buf_addf(&tmp, "%s/tmp/%s", o->target, name.ptr) < 0 ||
	    wd_buf_addf(&dst, "%s/new/%s", o->target, name.ptr) < 0) {
		wd_error_oom(err);
		goto out;
	}
	fd = open(tmp.ptr, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		wd_error_sys(err, EX_CANTCREAT, tmp.ptr, _("cannot create"));
		goto out;
	}
	if (wd_store_write_all(fd, msg, len) < 0 || fsync(fd) < 0) {
		wd_error_sys(err, EX_IOERR, tmp.ptr, _("cannot write"));
		goto out;
	}
	close(fd);
	fd = -1;
	if (rename(tmp.ptr, dst.ptr) < 0) {
		wd_error_sys(err, EX_IOERR, dst.ptr, _("cannot move the message to"));
		unlink(tmp.ptr);
		goto out;
	}
	wd_buf_reset(&tmp);
	if (wd_buf_addf(&tmp, "%s/new", o->target) == 0)
		sync_dir(tmp.ptr);
	ret = 0;
out:
	if (fd >= 0) {
		close(fd);
		unlink(tmp.ptr);
	}
	wd_buf_release(&name);
	wd_buf_release(&tmp);
	wd_buf_release(&dst);
	return ret;
}

/* --- sendmail --- */

static int run_status(const char *cmd, int status, struct wd_error *err)
{
	int code;

	if (WIFSIGNALED(status))
		return wd_error_set(err, EX_UNAVAILABLE,
				    _("'%s' was killed by signal %d"), cmd,
				    WTERMSIG(status));
	code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	if (code == 0)
		return 0;
	if (code == 126 || code == 127) {
		wd_error_set(err, EX_UNAVAILABLE,
			     _("cannot run '%s' (exit %d)"), cmd, code);
		wd_error_hint(err, "%s",
			      _("is a mail transfer agent installed? set WD_SENDMAIL to the command to use, or use --mbox or --maildir"));
		return -1;
	}
	if (code == EX_TEMPFAIL)
		return wd_error_set(err, EX_TEMPFAIL,
				    _("'%s' could not send the message now (exit 75): try again later"),
				    cmd);
	return wd_error_set(err, EX_UNAVAILABLE,
			    _("'%s' did not take the message (exit %d)"), cmd,
			    code);
}

static int sendmail_put(struct wd_outbox *o, const char *msg, size_t len,
			struct wd_error *err)
{
	FILE *in = tmpfile();
	pid_t pid;
	int status, fd;

	/* the message from a file, not a pipe: no SIGPIPE, no deadlock */
	if (!in)
		return wd_error_sys(err, EX_CANTCREAT, NULL,
				    _("cannot make a temporary file"));
	if (fwrite(msg, 1, len, in) != len || fflush(in) != 0) {
		fclose(in);
		return wd_error_sys(err, EX_IOERR, NULL,
				    _("cannot write a temporary file"));
	}
	fd = fileno(in);
	if (lseek(fd, 0, SEEK_SET) < 0) {
		fclose(in);
		return wd_error_sys(err, EX_IOERR, NULL,
				    _("cannot read a temporary file"));
	}
	fflush(stderr);
	pid = fork();
	if (pid < 0) {
		fclose(in);
		return wd_error_sys(err, EX_OSERR, NULL, _("cannot start a process"));
	}
	if (pid == 0) {
		/* its output is a message to the user: our standard error */
		if (dup2(fd, 0) < 0 || dup2(2, 1) < 0)
			_exit(126);
		execl("/bin/sh", "sh", "-c", o->target, (char *)NULL);
		_exit(127);
	}
	fclose(in);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return wd_error_sys(err, EX_OSERR, NULL,
					    _("cannot wait for the mail command"));
	return run_status(o->target, status, err);
}

int wd_outbox_put(struct wd_outbox *o, const char *sender, const char *msg,
		  size_t len, struct wd_error *err)
{
	int r;

	switch (o->kind) {
	case WD_OUTBOX_MBOX:
		r = mbox_put(o, sender, msg, len, err);
		break;
	case WD_OUTBOX_MAILDIR:
		r = maildir_put(o, msg, len, err);
		break;
	default:
		r = sendmail_put(o, msg, len, err);
		break;
	}
	if (r == 0)
		o->count++;
	return r;
}

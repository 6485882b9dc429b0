/* main.c - run every unit test group, printing TAP */
#include "tap.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int count, failed;

static void vline(int cond, const char *fmt, va_list ap)
{
	count++;
	if (!cond)
		failed++;
	printf("%sok %d - ", cond ? "" : "not ", count);
	vprintf(fmt, ap);
	putchar('\n');
}

int tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline(cond, fmt, ap);
	va_end(ap);
	return cond;
}

int tap_is(const char *got, const char *want, const char *fmt, ...)
{
	int cond = (!got && !want) || (got && want && !strcmp(got, want));
	va_list ap;

	va_start(ap, fmt);
	vline(cond, fmt, ap);
	va_end(ap);
	if (!cond)
		printf("#   got:  '%s'\n#   want: '%s'\n", got ? got : "(null)",
		       want ? want : "(null)");
	return cond;
}

int tap_is_int(long long got, long long want, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vline(got == want, fmt, ap);
	va_end(ap);
	if (got != want)
		printf("#   got:  %lld\n#   want: %lld\n", got, want);
	return got == want;
}

int tap_done(void)
{
	printf("1..%d\n", count);
	return failed ? 1 : 0;
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	test_buf();
	test_text();
	test_vocab();
	test_time();
	test_yaml();
	test_yedit();
	test_template();
	test_csv();
	test_people();
	test_svg();
	test_seating();
	test_invite();
	test_stem();
	test_hardening();
	test_mail();
	return tap_done();
}

/* tap.h - a tiny TAP producer for the unit tests */
#ifndef WD_TAP_H
#define WD_TAP_H

#include <stddef.h>

int tap_ok(int cond, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int tap_is(const char *got, const char *want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int tap_is_int(long long got, long long want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int tap_done(void);

#define ok tap_ok
#define is tap_is
#define is_int tap_is_int

/* the test groups, one per file */
void test_buf(void);
void test_text(void);
void test_vocab(void);
void test_time(void);
void test_yaml(void);
void test_yedit(void);
void test_template(void);
void test_csv(void);
void test_people(void);
void test_svg(void);
void test_seating(void);
void test_invite(void);
void test_stem(void);
void test_hardening(void);
void test_mail(void);

#endif

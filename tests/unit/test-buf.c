/* test-buf.c - capped buffers and string lists */
#include "buf.h"
#include "strset.h"
#include "strvec.h"
#include "tap.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* the set grows past many doublings and keeps every string and number */
static void strset(void)
{
	struct wd_strset set = WD_STRSET_INIT;
	char key[32];
	size_t i, v, bad = 0;

	ok(!wd_strset_has(&set, "anna"), "an empty set holds nothing");
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "persoon-%zu", i);
		if (wd_strset_put(&set, key, i) != 1)
			bad++;
	}
	ok(bad == 0 && set.n == 5000, "5000 strings go in");
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "persoon-%zu", i);
		if (!wd_strset_get(&set, key, &v) || v != i)
			bad++;
	}
	ok(bad == 0, "each is found with its number");
	ok(wd_strset_put(&set, "persoon-7", 99) == 0 &&
	   wd_strset_get(&set, "persoon-7", &v) && v == 7,
	   "adding again keeps the first number");
	ok(!wd_strset_has(&set, "persoon-5000") && !wd_strset_has(&set, ""),
	   "what was never added is not there");
	ok(wd_strset_add(&set, "") == 1 && wd_strset_has(&set, ""),
	   "the empty string is a string too");
	wd_strset_release(&set);
	ok(set.n == 0 && !wd_strset_has(&set, "persoon-1"),
	   "a released set is empty again");
}

void test_buf(void)
{
	struct wd_buf b = WD_BUF_INIT(8);
	struct wd_strvec sv = WD_STRVEC_INIT;
	char *p;
	size_t n;

	is(wd_buf_str(&b), "", "an empty buffer reads as \"\"");
	ok(wd_buf_adds(&b, "abcd") == 0, "adding within the cap works");
	ok(wd_buf_addf(&b, "%d", 123) == 0 && !strcmp(b.ptr, "abcd123"),
	   "formatted adding appends");
	errno = 0;
	ok(wd_buf_adds(&b, "xy") < 0 && errno == E2BIG,
	   "adding beyond the cap fails with E2BIG");
	is(b.ptr, "abcd123", "a failed add leaves the contents as they were");
	ok(wd_buf_splice(&b, 1, 1, "XYZ", 3) < 0, "a splice beyond the cap fails");
	ok(wd_buf_splice(&b, 1, 3, "Q", 1) == 0, "a shrinking splice works");
	is(b.ptr, "aQ123", "the splice replaced the middle");
	ok(wd_buf_splice(&b, 9, 0, "", 0) < 0, "a splice outside the buffer fails");
	p = wd_buf_detach(&b, &n);
	ok(p && n == 5 && !strcmp(p, "aQ123") && b.ptr == NULL,
	   "detach hands the memory over and empties the buffer");
	free(p);
	wd_buf_release(&b);

	wd_strvec_push(&sv, "pear");
	wd_strvec_push(&sv, "apple");
	wd_strvec_sort(&sv);
	ok(sv.n == 2 && !strcmp(sv.v[0], "apple") && sv.v[2] == NULL,
	   "string lists sort and stay NULL-terminated");
	ok(wd_strvec_has(&sv, "pear") && !wd_strvec_has(&sv, "plum"),
	   "string lists know what they hold");
	wd_strvec_release(&sv);
	strset();
}

/* test-buf.c - capped buffers and string lists */
#include "buf.h"
#include "strvec.h"
#include "tap.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

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
}

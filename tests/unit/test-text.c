/* test-text.c - UTF-8, folding, slugs and ids */
#include "buf.h"
#include "error.h"
#include "slug.h"
#include "tap.h"
#include "utf8.h"

#include <string.h>

static void slug_is(const char *name, const char *want)
{
	struct wd_buf b = WD_BUF_INIT(0);

	wd_slug(&b, name);
	is(wd_buf_str(&b), want, "slug of '%s'", name);
	wd_buf_release(&b);
}

static void fold_is(const char *s, const char *want)
{
	struct wd_buf b = WD_BUF_INIT(0);

	wd_utf8_fold(&b, s);
	is(wd_buf_str(&b), want, "folded '%s'", s);
	wd_buf_release(&b);
}

void test_text(void)
{
	struct wd_error e;
	size_t bad = 0;
	char longname[200];

	ok(wd_utf8_check("caf\xc3\xa9", 5, &bad) == 0, "valid UTF-8 passes");
	ok(wd_utf8_check("caf\xe9!", 5, &bad) < 0 && bad == 3,
	   "a Latin-1 byte is found at its offset");
	ok(wd_utf8_check("\xc0\xaf", 2, &bad) < 0, "an overlong form is refused");
	ok(wd_utf8_check("\xed\xa0\x80", 3, &bad) < 0, "a surrogate is refused");
	ok(wd_utf8_check("\xf0\x9f\x98\x80", 4, &bad) == 0, "an emoji is valid");
	is_int((long long)wd_utf8_width("Özlem"), 5, "width counts characters");

	slug_is("Nguyễn Văn Đức", "nguyen-van-duc");
	slug_is("Trương Thị Hồng Nhung", "truong-thi-hong-nhung");
	slug_is("Llŷr Ẃyn", "llyr-wyn");
	slug_is("Özlem Yıldız", "ozlem-yildiz");
	slug_is("Fatima-Zahra El Amrani", "fatima-zahra-el-amrani");
	slug_is("Jan de Vries", "jan-de-vries");
	slug_is("  Ågot Åßmann ", "agot-assmann");
	slug_is("Chloë O'Brien", "chloe-obrien");
	slug_is("Łukasz Żółć", "lukasz-zolc");
	slug_is("Ştefan Çelik", "stefan-celik");
	slug_is("Ĳsbrand", "ijsbrand");
	slug_is("e\xcc\x81ric", "eric");	/* e + combining acute */
	slug_is("!!!", "");
	slug_is("张伟", "");
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = '\0';
	longname[60] = ' ';
	{
		struct wd_buf b = WD_BUF_INIT(0);

		wd_slug(&b, longname);
		ok(b.len <= WD_ID_MAX && wd_id_valid(b.ptr),
		   "a long name gives a valid id of at most 64 bytes");
		wd_buf_release(&b);
	}
	fold_is("  Özlem   YILDIZ! ", "ozlem yildiz");
	fold_is("Café", "cafe");

	ok(wd_id_valid("lombok-2026"), "a plain id is valid");
	ok(wd_id_valid("a.b_c"), "dots and underscores are fine inside");
	ok(!wd_id_valid("../x"), "'../x' is refused");
	ok(!wd_id_valid(".hidden"), "'.hidden' is refused");
	ok(!wd_id_valid("a/b"), "'a/b' is refused");
	ok(!wd_id_valid("a..b"), "'a..b' is refused");
	ok(!wd_id_valid("Lombok"), "uppercase is refused");
	ok(!wd_id_valid("x\n"), "control characters are refused");
	ok(!wd_id_valid(""), "the empty id is refused");
	ok(!wd_id_valid("ends-"), "a trailing '-' is refused");
	ok(wd_id_check("a/b", "dialogue id", &e) < 0 && e.code == EX_USAGE &&
	   strstr(e.msg, "'/'"), "the message says why: %s", e.msg);
	ok(wd_id_check("Oud Lombok", "dialogue id", &e) < 0 &&
	   !strcmp(e.hint, "did you mean 'oud-lombok'?"),
	   "and suggests a valid id: %s", e.hint);
}

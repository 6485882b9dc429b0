/* test-template.c - {{name}} placeholders */
#include "tap.h"
#include "template.h"

#include <string.h>

void test_template(void)
{
	static const char *const names[] = { "name", "place" };
	static const char *const values[] = { "Özlem <b>", NULL };
	struct wd_tvars vars = { names, values, 2 };
	struct wd_buf b = WD_BUF_INIT(0);
	struct wd_error e;
	const char *t;

	t = "Beste {{name}}, welkom in {{ place }}!";
	ok(wd_template_render(&b, t, strlen(t), "x", &vars, NULL, &e) == 0,
	   "a template renders");
	is(b.ptr, "Beste Özlem <b>, welkom in !", "values go in, NULL as nothing");
	wd_buf_reset(&b);
	t = "<p>{{name}}</p>";
	wd_template_render(&b, t, strlen(t), "x", &vars, wd_html_escape, &e);
	is(b.ptr, "<p>Özlem &lt;b&gt;</p>", "values are escaped for HTML");
	wd_buf_reset(&b);
	t = "Beste\n  {{nmae}}";
	ok(wd_template_render(&b, t, strlen(t), "invite.txt", &vars, NULL, &e) < 0 &&
	   e.line == 2 && e.col == 3 &&
	   !strcmp(e.msg, "unknown placeholder '{{nmae}}' (did you mean '{{name}}'?)"),
	   "an unknown placeholder is an error at its spot: %s", e.msg);
	wd_buf_reset(&b);
	t = "{{name";
	ok(wd_template_render(&b, t, strlen(t), "x", &vars, NULL, &e) < 0 &&
	   strstr(e.msg, "unfinished"), "an unfinished placeholder is an error");
	wd_buf_reset(&b);
	t = "a { b } {c}";
	ok(wd_template_render(&b, t, strlen(t), "x", &vars, NULL, &e) == 0 &&
	   !strcmp(b.ptr, t), "single braces are text");
	wd_buf_release(&b);
}

/* report-html.c - TEMPORARY placeholder until the HTML report is written; not to be committed */
#include "report.h"
#include "i18n.h"

int wd_report_html(const struct wd_report *r, wd_write_fn write, void *ctx,
		   struct wd_error *err)
{
	(void)r;
	(void)write;
	(void)ctx;
	return wd_error_set(err, EX_SOFTWARE, "%s", "html not written yet");
}

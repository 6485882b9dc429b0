/* strvec.h - a growable list of owned strings */
#ifndef WD_STRVEC_H
#define WD_STRVEC_H

#include <stddef.h>

struct wd_strvec {
	char **v;
	size_t n, alloc;
};

#define WD_STRVEC_INIT { NULL, 0, 0 }

void wd_strvec_init(struct wd_strvec *sv);
void wd_strvec_release(struct wd_strvec *sv);
int wd_strvec_push(struct wd_strvec *sv, const char *s);
int wd_strvec_pushn(struct wd_strvec *sv, const char *s, size_t n);
void wd_strvec_sort(struct wd_strvec *sv);
int wd_strvec_has(const struct wd_strvec *sv, const char *s);

#endif

/* i18n.h - message translation (gettext, text domain "wijkdialoog") */
#ifndef WD_I18N_H
#define WD_I18N_H

#define WD_TEXTDOMAIN "wijkdialoog"

#ifdef WD_NLS
#include <libintl.h>
#define _(s) dgettext(WD_TEXTDOMAIN, s)
/* a message with a number in it: "%zu file" or "%zu files" */
#define Q_(one, more, n) dngettext(WD_TEXTDOMAIN, one, more, n)
#else
#define _(s) (s)
#define Q_(one, more, n) ((n) == 1 ? (one) : (more))
#endif
#define N_(s) (s)

#endif

/* i18n.h - message translation (gettext, text domain "wijkdialoog") */
#ifndef WD_I18N_H
#define WD_I18N_H

#define WD_TEXTDOMAIN "wijkdialoog"

#ifdef WD_NLS
#include <libintl.h>
#define _(s) dgettext(WD_TEXTDOMAIN, s)
#else
#define _(s) (s)
#endif
#define N_(s) (s)

#endif

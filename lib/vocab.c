/* vocab.c - the toolkit's words: roles, kinds, phases, statuses, in English and Dutch */
#include "vocab.h"
#include "buf.h"
#include "i18n.h"
#include "utf8.h"

#include <string.h>
#include <strings.h>

struct word {
	const char *canon;
	const char *nl;			/* the Dutch word */
	const char *other[4];		/* more accepted spellings */
	const char *plural_en, *plural_nl;
};

static const struct word roles[] = {
	{ "resident", "bewoner", { "buurtbewoner" }, "residents", "bewoners" },
	{ "volunteer", "vrijwilliger", { 0 }, "volunteers", "vrijwilligers" },
	{ "initiative", "bewonersinitiatief", { "initiatief" },
	  "citizens' initiatives", "bewonersinitiatieven" },
	{ "professional", "professional", { "zorg", "welzijn", "zorg/welzijn" },
	  "professionals", "professionals" },
	{ "municipality", "gemeente", { "politiek", "gemeente/politiek" },
	  "municipality", "gemeente" },
	{ "business", "ondernemer", { "bedrijf", "winkelier" },
	  "businesses", "ondernemers" },
	{ "other", "anders", { "overig" }, "others", "anderen" },
};

static const struct word kinds[] = {
	{ "experience", "ervaring", { 0 }, "experiences", "ervaringen" },
	{ "quote", "citaat", { 0 }, "quotes", "citaten" },
	{ "dream", "droom", { 0 }, "dreams", "dromen" },
	{ "possibility", "mogelijkheid", { "idee", "idea" },
	  "possibilities", "mogelijkheden" },
	{ "connection", "verbinding", { 0 }, "connections", "verbindingen" },
	{ "action", "actie", { 0 }, "actions", "acties" },
	{ "baton", "estafettestokje", { "stokje", "estafette" },
	  "batons", "estafettestokjes" },
	{ "question", "vraag", { 0 }, "questions", "vragen" },
	{ "feedback", "terugblik", { 0 }, "feedback", "terugblikken" },
};

static const struct word phases[] = {
	{ "discover", "ontdekken", { "kennismaken", "ervaren", "ervaringen" },
	  "discover", "ontdekken" },
	{ "dream", "dromen", { 0 }, "dream", "dromen" },
	{ "design", "ontwerpen", { "mogelijkheden" }, "design", "ontwerpen" },
	{ "deliver", "doen", { "uitvoeren" }, "deliver", "doen" },
};

static const struct word statuses[] = {
	{ "open", "open", { 0 }, "open", "open" },
	{ "underway", "bezig", { "in uitvoering", "onderweg" },
	  "underway", "bezig" },
	{ "done", "klaar", { "gedaan", "afgerond" }, "done", "klaar" },
	{ "dropped", "vervallen", { "gestopt" }, "dropped", "vervallen" },
};

static const struct word dstatuses[] = {
	{ "planned", "gepland", { 0 }, "planned", "gepland" },
	{ "held", "gehouden", { 0 }, "held", "gehouden" },
	{ "closed", "afgesloten", { 0 }, "closed", "afgesloten" },
	{ "cancelled", "afgelast", { "geannuleerd", "canceled" },
	  "cancelled", "afgelast" },
};

static const struct word rsvps[] = {
	{ "yes", "ja", { "y", "j", "komt" }, "yes", "ja" },
	{ "no", "nee", { "n", "komt niet" }, "no", "nee" },
	{ "maybe", "misschien", { "?", "weet niet" }, "maybe", "misschien" },
};

static const struct word langs[] = {
	{ "nl", "nl", { "nederlands", "dutch", "nl_nl" }, "Dutch", "Nederlands" },
	{ "en", "en", { "engels", "english", "en_gb" }, "English", "Engels" },
};

static const struct word channels[] = {
	{ "email", "e-mail", { "mail" }, "email", "e-mail" },
	{ "letter", "brief", { "post" }, "letter", "brief" },
};

static const struct {
	const struct word *w;
	size_t n;
	const char *what;
} tables[WD_V_COUNT] = {
	[WD_V_ROLE] = { roles, sizeof(roles) / sizeof(*roles), N_("role") },
	[WD_V_KIND] = { kinds, sizeof(kinds) / sizeof(*kinds), N_("kind") },
	[WD_V_PHASE] = { phases, sizeof(phases) / sizeof(*phases), N_("phase") },
	[WD_V_STATUS] = { statuses, sizeof(statuses) / sizeof(*statuses),
			  N_("status") },
	[WD_V_DSTATUS] = { dstatuses, sizeof(dstatuses) / sizeof(*dstatuses),
			   N_("dialogue status") },
	[WD_V_RSVP] = { rsvps, sizeof(rsvps) / sizeof(*rsvps), N_("answer") },
	[WD_V_LANG] = { langs, sizeof(langs) / sizeof(*langs), N_("language") },
	[WD_V_CHANNEL] = { channels, sizeof(channels) / sizeof(*channels),
			   N_("channel") },
};

static const char *const kind_phase[] = {
	"discover", "discover", "dream", "design", "design", "deliver",
	"deliver", "design", "deliver",
};

static const struct word *find(enum wd_vocab v, const char *canon)
{
	size_t i;

	if ((unsigned)v >= WD_V_COUNT || !canon)
		return NULL;
	for (i = 0; i < tables[v].n; i++)
		if (!strcmp(tables[v].w[i].canon, canon))
			return &tables[v].w[i];
	return NULL;
}

const char *wd_vocab_canon(enum wd_vocab v, const char *word)
{
	const struct word *w;
	size_t i, j;

	if ((unsigned)v >= WD_V_COUNT || !word)
		return NULL;
	for (i = 0; i < tables[v].n; i++) {
		w = &tables[v].w[i];
		if (!strcasecmp(word, w->canon) || !strcasecmp(word, w->nl))
			return w->canon;
		for (j = 0; j < 4 && w->other[j]; j++)
			if (!strcasecmp(word, w->other[j]))
				return w->canon;
	}
	return NULL;
}

/* Optimal string alignment distance over bytes of folded words. */
static size_t distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[3][64];
	size_t *prev2 = row[0], *prev = row[1], *cur = row[2], *t;

	if (la >= 63 || lb >= 63)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		prev[j] = j;
	for (i = 1; i <= la; i++) {
		cur[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cost = a[i - 1] != b[j - 1];
			size_t v = prev[j] + 1;

			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (prev[j - 1] + cost < v)
				v = prev[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < v)
				v = prev2[j - 2] + 1;
			cur[j] = v;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

const char *wd_closest(const char *word, const char *const *cand, size_t n)
{
	struct wd_buf fw = WD_BUF_INIT(256), fc = WD_BUF_INIT(256);
	const char *best = NULL;
	size_t i, d, best_d = (size_t)-1, wl;

	if (!word || wd_utf8_fold(&fw, word) < 0)
		goto out;
	wl = fw.len;
	if (!wl)
		goto out;
	for (i = 0; i < n; i++) {
		wd_buf_reset(&fc);
		if (!cand[i] || wd_utf8_fold(&fc, cand[i]) < 0)
			continue;
		if (!strcmp(fw.ptr, fc.ptr)) {
			best = cand[i];
			break;
		}
		d = distance(fw.ptr, fc.ptr);
		/* a clear beginning of a longer word counts as close */
		if (wl >= 3 && fc.len > wl && !strncmp(fw.ptr, fc.ptr, wl))
			d = 1;
		if (d < best_d) {
			best_d = d;
			best = cand[i];
		}
	}
	if (best && best_d != (size_t)-1 && best_d > (wl <= 4 ? 1 : wl <= 8 ? 2 : 3))
		best = NULL;
out:
	wd_buf_release(&fw);
	wd_buf_release(&fc);
	return best;
}

const char *wd_vocab_suggest(enum wd_vocab v, const char *word)
{
	const char *cand[64];
	size_t i, j, n = 0;

	if ((unsigned)v >= WD_V_COUNT)
		return NULL;
	for (i = 0; i < tables[v].n && n + 6 < 64; i++) {
		const struct word *w = &tables[v].w[i];

		cand[n++] = w->nl;
		cand[n++] = w->canon;
		for (j = 0; j < 4 && w->other[j]; j++)
			cand[n++] = w->other[j];
	}
	return wd_closest(word, cand, n);
}

const char *wd_vocab_label(enum wd_vocab v, const char *canon,
			   const char *lang)
{
	const struct word *w = find(v, canon);

	if (!w)
		return canon;
	return lang && !strcmp(lang, "nl") ? w->nl : w->canon;
}

const char *wd_vocab_plural(enum wd_vocab v, const char *canon,
			    const char *lang)
{
	const struct word *w = find(v, canon);

	if (!w)
		return canon;
	return lang && !strcmp(lang, "nl") ? w->plural_nl : w->plural_en;
}

const char *wd_vocab_someone(const char *role, const char *lang)
{
	static const char *const nl[] = {
		"een bewoner", "een vrijwilliger", "iemand van een bewonersinitiatief",
		"een professional", "iemand van de gemeente", "een ondernemer",
		"iemand",
	};
	static const char *const en[] = {
		"a resident", "a volunteer", "someone from a citizens' initiative",
		"a professional", "someone from the municipality", "a business owner",
		"someone",
	};
	int i = wd_vocab_index(WD_V_ROLE, role);

	if (i < 0)
		i = 6;
	return lang && !strcmp(lang, "en") ? en[i] : nl[i];
}

size_t wd_vocab_count(enum wd_vocab v)
{
	return (unsigned)v < WD_V_COUNT ? tables[v].n : 0;
}

const char *wd_vocab_at(enum wd_vocab v, size_t i)
{
	if ((unsigned)v >= WD_V_COUNT || i >= tables[v].n)
		return NULL;
	return tables[v].w[i].canon;
}

int wd_vocab_index(enum wd_vocab v, const char *canon)
{
	size_t i;

	if ((unsigned)v >= WD_V_COUNT || !canon)
		return -1;
	for (i = 0; i < tables[v].n; i++)
		if (!strcmp(tables[v].w[i].canon, canon))
			return (int)i;
	return -1;
}

const char *wd_vocab_what(enum wd_vocab v)
{
	return (unsigned)v < WD_V_COUNT ? _(tables[v].what) : "";
}

const char *wd_kind_phase(const char *kind)
{
	int i = wd_vocab_index(WD_V_KIND, kind);

	return i < 0 ? NULL : kind_phase[i];
}

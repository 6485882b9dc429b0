/* gen.c - write a realistic, deterministic workspace for the benchmarks
 *
 *   gen DIR DIALOGUES PEOPLE ITEMS [SEED]
 *   gen --version
 *
 * DIR must not exist.  The files are written the way the tools write
 * them (the same scalar quoting, through libwd's emitter), with a
 * comment here and there, unknown keys, every role and kind, actions
 * with owners, due dates and history, and relay links between dialogues.
 * The same arguments always give the same bytes.
 */
#include "buf.h"
#include "slug.h"
#include "yedit.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define GEN_VERSION 1
#define ARRAY_SIZE(a) (sizeof(a) / sizeof(*(a)))

/* --- randomness: splitmix64, so that every platform gives the same --- */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static size_t below(size_t n)
{
	return (size_t)(rnd() % n);
}

static int chance(unsigned percent)
{
	return below(100) < percent;
}

#define PICK(a) ((a)[below(ARRAY_SIZE(a))])

/* --- word lists --- */

static const char *const first[] = {
	"Özlem", "Fatima-Zahra", "Jan", "Anna", "Mohamed", "Sanne", "Priya",
	"Kees", "Wilhelmina", "Sevda", "Hüseyin", "Chloë", "Noëlle", "Zoë",
	"Daniëlle", "Jeroen", "Mehmet", "Aïcha", "Ayşe", "Çiğdem", "René",
	"André", "Thijs", "Bram", "Femke", "Joëlle", "Renée", "Søren",
	"Mirjam", "Youssef", "Nadia", "Karim", "Ingrid", "Gerrit", "Ria",
	"Lotte", "Sem", "Noah", "Emma", "Julia", "Stijn", "Raïssa", "Dewi",
	"Wouter", "Marloes", "Ilse", "Bülent", "Emine", "Kübra", "Tomás",
	"Łukasz", "Agnieszka", "Eleni", "Khadija", "Said", "Hanneke",
	"Pieter-Jan", "Gülşen", "Mustafa", "Esther", "Joost", "Inge",
};

static const char *const last[] = {
	"de Vries", "Jansen", "Yıldız", "El Amrani", "Bakkali",
	"van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer",
	"Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Dijk",
	"Öztürk", "Çelik", "Şahin", "Kaya", "Demir", "El Idrissi", "Benali",
	"Ouali", "Boukhari", "Kowalski", "Nowak", "Pérez", "Müller",
	"Schröder", "Brouwer", "van der Linden", "'t Hart", "Groenevelt",
	"Doğan", "Kılıç", "Tahiri", "Ramdin", "Sewnath", "Kartosen",
	"Martodikromo", "Verbeek", "van Beek", "Koç", "Aydın", "Dekker",
};

static const char *const places[] = {
	"Lombok", "Oog in Al", "Transwijk", "Kanaleneiland", "Overvecht",
	"Zuilen", "Ondiep", "Wittevrouwen", "Tuinwijk", "Hoograven",
	"Lunetten", "Schilderswijk", "Transvaal", "Bijlmer", "De Pijp",
	"Noord", "Tarwewijk", "Feijenoord", "Het Oude Noorden", "Kruidenbuurt",
	"Malburgen", "Presikhaaf", "Selwerd", "Paddepoel", "Kattenbroek",
	"Stokhasselt", "Meerhoven", "Woensel", "Kerckebosch", "Vathorst",
};

static const char *const cities[] = {
	"Utrecht", "Amsterdam", "Rotterdam", "Den Haag", "Arnhem",
	"Groningen", "Tilburg", "Eindhoven", "Zeist", "Amersfoort",
};

static const char *const themes[] = {
	"elkaar zien", "thuis in je buurt", "ruimte voor verschil",
	"samen sterk", "jong en oud", "groen in de wijk", "veilig voelen",
	"eenzaamheid doorbreken", "naar elkaar omkijken", "de buurt van morgen",
};

static const char *const venues[] = {
	"Buurthuis De Boog, Kanaalstraat 12", "Moskee Ulu Camii, Kanaalstraat 2",
	"Bibliotheek Oost, Biltstraat 90", "Wijkcentrum De Leeuw",
	"Café 't Pleintje", "Sporthal De Vliegh", "Basisschool De Regenboog",
	"Kerk De Ontmoeting, Kerkplein 1", "Gemeenschapshuis Het Anker",
	"Speeltuin De Watertoren",
};

static const char *const orgs[] = {
	"Buurthuis De Boog", "Gemeente Utrecht", "Welzijn Oost",
	"Bewonersinitiatief Groen Lombok", "Voedselbank Oost",
	"Huurdersvereniging Samen", "Buurtteam Oost", "Wijkagent",
	"Stichting Mooi Zo", "Bakkerij Özdemir", "Woningcorporatie Thuis",
	"Jongerenwerk JoU",
};

static const char *const tags[] = {
	"groen", "ontmoeten", "eten", "jongeren", "ouderen", "veiligheid",
	"spelen", "cultuur", "taal", "zorg", "wonen", "sport", "café",
	"moestuin", "buurtfeest", "eenzaamheid",
};

static const char *const roles[] = {
	"resident", "resident", "resident", "resident", "resident",
	"volunteer", "volunteer", "initiative", "professional",
	"municipality", "business", "other",
};

static const char *const kinds[] = {
	"experience", "experience", "quote", "dream", "dream", "possibility",
	"possibility", "connection", "action", "action", "action", "baton",
	"question", "feedback",
};

static const char *const phases[] = { "discover", "dream", "design", "deliver" };
static const char *const statuses[] = { "open", "underway", "done", "dropped" };

static const char *const subj[] = {
	"De buurt", "Mijn buurvrouw", "Een groep jongeren", "De bewoners van ons blok",
	"Iedereen in de straat", "De wijkagent", "Het buurthuis", "Onze kinderen",
	"Een oudere buurman", "De moskee", "De school op de hoek", "Nieuwe bewoners",
	"Het café", "De voedselbank", "Een paar vrijwilligers", "De gemeente",
	"Wie hier al lang woont", "De coördinator van het buurtteam",
};

static const char *const verb[] = {
	"organiseert elke maand", "droomt van", "wil graag", "maakt ruimte voor",
	"zorgt samen voor", "begint binnenkort met", "heeft behoefte aan",
	"vraagt aandacht voor", "houdt van", "mist soms", "deelt graag",
	"nodigt iedereen uit voor", "werkt hard aan", "zoekt hulp bij",
};

static const char *const obj[] = {
	"een buurtmaaltijd", "een moestuin achter het buurthuis",
	"een plek waar jong en oud elkaar zien", "koffie op het plein",
	"een reünie van oud-bewoners", "ideeën voor het lege winkelpand",
	"een financiële bijdrage voor het buurtfeest", "taalles aan nieuwkomers",
	"een privé-ruimte voor mantelzorgers", "een schone en groene straat",
	"een café waar iedereen welkom is", "hulp bij formulieren",
	"een wandelclub voor ouderen", "muziek op zaterdag",
	"een veilige route naar school", "een ruilkast in de hal",
};

static const char *const tail[] = {
	"", "", "", " in de buurt", " met de buren", " op woensdagmiddag",
	" voor iedereen", " zonder dat het geld kost", " samen met de school",
	" in het buurthuis", " na de zomer", " bij slecht weer ook",
};

static const char *const extra[] = {
	"Dat gaf veel energie.", "Iedereen was het erover eens.",
	"Niet iedereen durft al aan te sluiten.", "Er werd hard om gelachen.",
	"Stel: je kent niemand, waar begin je dan?",
	"Een bewoner zei: \"Hier hoor ik erbij.\"",
	"De kinderen tekenden hoe de buurt eruit kan zien.",
	"Dat is precies waar het om gaat in onze buurt.",
	"We spreken af om het over een maand weer te bespreken.",
	"Het idee komt van twee buurvrouwen die elkaar pas sinds kort kennen.",
};

static const char *const needs[] = {
	"een kookploeg van vijf mensen, van het buurthuis",
	"sleutel van de gymzaal, van de school", "300 euro voor materiaal",
	"vrijwilligers voor de zaterdag", "toestemming van de gemeente",
	"een tolk Turks en Arabisch", "ruimte in de bibliotheek",
};

static const char *const notes[] = {
	"eerste kookavond gepland", "wacht op antwoord van de gemeente",
	"gesprek gehad met de eigenaar", "te weinig mensen, later opnieuw",
	"het loopt goed, elke week meer mensen", "overgedragen aan het buurtteam",
};

/* --- writing --- */

static void die(const char *what, const char *path)
{
	fprintf(stderr, "gen: %s: %s: %s\n", what, path, strerror(errno));
	exit(1);
}

static void oom(void)
{
	fprintf(stderr, "gen: out of memory\n");
	exit(1);
}

static void write_file(const char *path, const struct wd_buf *b)
{
	FILE *f = fopen(path, "wb");

	if (!f)
		die("cannot create", path);
	if (b->len && fwrite(b->ptr, 1, b->len, f) != b->len)
		die("cannot write", path);
	if (fclose(f) != 0)
		die("cannot write", path);
}

static void make_dir(const char *path)
{
	if (mkdir(path, 0777) < 0)
		die("cannot create", path);
}

static void addf_or_die(int r)
{
	if (r < 0)
		oom();
}

/* key: value, as the tools write it, at an indentation */
static void pair(struct wd_buf *b, const char *indent, const char *key,
		 const char *v, int flags)
{
	addf_or_die(wd_buf_adds(b, indent));
	addf_or_die(wd_yemit_pair(b, key, v, flags));
}

static void flow(struct wd_buf *b, const char *indent, const char *key,
		 const char *const *v, size_t n)
{
	addf_or_die(wd_buf_addf(b, "%s%s: ", indent, key));
	addf_or_die(wd_yemit_flow_seq(b, v, n));
	addf_or_die(wd_buf_addc(b, '\n'));
}

/* --- the content --- */

struct person {
	char name[96];
	char id[80];
	const char *role;
};

struct dialogue {
	char id[80];
	char place[64];
	const char *city;
	int year, month, day;
	int from;			/* index, or -1 */
	int to[4];
	size_t nto;
};

static void sentence(struct wd_buf *b)
{
	addf_or_die(wd_buf_addf(b, "%s %s %s%s.", PICK(subj), PICK(verb),
				PICK(obj), PICK(tail)));
}

/* Dutch text of one to five sentences */
static void text(struct wd_buf *b)
{
	size_t n = 1 + below(3) + (chance(15) ? 2 : 0), i;

	wd_buf_reset(b);
	for (i = 0; i < n; i++) {
		if (i)
			addf_or_die(wd_buf_addc(b, ' '));
		if (i && chance(40))
			addf_or_die(wd_buf_adds(b, PICK(extra)));
		else
			sentence(b);
	}
	if (chance(1))
		addf_or_die(wd_buf_adds(b, "\nTweede regel, van een plakbriefje."));
}

static void person_make(struct person *p, struct person *all, size_t n)
{
	struct wd_buf s = WD_BUF_INIT(0);
	size_t i, k = 1;

	snprintf(p->name, sizeof(p->name), "%s %s", PICK(first), PICK(last));
	addf_or_die(wd_slug(&s, p->name));
	snprintf(p->id, sizeof(p->id), "%s", s.ptr);
	for (i = 0; i < n; i++) {
		if (!strcmp(all[i].id, p->id)) {
			snprintf(p->id, sizeof(p->id), "%s-%zu", s.ptr, ++k);
			i = (size_t)-1;		/* look again */
		}
	}
	p->role = PICK(roles);
	wd_buf_release(&s);
}

static void date_of(char *out, size_t size, const struct dialogue *d, int plus)
{
	int day = d->day + plus, month = d->month, year = d->year;

	while (day > 28) {
		day -= 28;
		if (++month > 12) {
			month = 1;
			year++;
		}
	}
	snprintf(out, size, "%04d-%02d-%02d", year, month, day);
}

static const char *offset_of(int month)
{
	return month >= 4 && month <= 10 ? "+02:00" : "+01:00";
}

static void write_dialogue(const char *root, const struct dialogue *all,
			   const struct dialogue *d, const struct person *pp,
			   size_t npeople)
{
	struct wd_buf b = WD_BUF_INIT(0), t = WD_BUF_INIT(0);
	char path[4096], day[40];
	const char *status;
	size_t i;
	int hour = 14 + (int)below(6);

	addf_or_die(wd_buf_addf(&b, "# Wijkdialoog '%s'; zie wd(5) voor alle velden.\n",
				d->id));
	addf_or_die(wd_buf_addf(&t, "%s in %s", PICK(themes), d->place));
	t.ptr[0] = (char)(t.ptr[0] - 'a' + 'A');
	pair(&b, "", "title", t.ptr, 0);
	pair(&b, "", "theme", PICK(themes), 0);
	wd_buf_reset(&t);
	addf_or_die(wd_buf_addf(&t, "Wat maakt dat mensen zich thuis voelen in %s, en wat kunnen we samen doen?",
				d->place));
	pair(&b, "", "question", t.ptr, 0);
	pair(&b, "", "place", d->place, 0);
	pair(&b, "", "venue", PICK(venues), 0);
	date_of(day, sizeof(day), d, 0);
	addf_or_die(wd_buf_addf(&b, "start: %sT%02d:30\n", day, hour));
	addf_or_die(wd_buf_addf(&b, "end: %sT%02d:00\n", day, hour + 2));
	addf_or_die(wd_buf_addf(&b, "capacity: %zu\n", 30 + below(40)));
	if (chance(30))
		addf_or_die(wd_buf_addf(&b, "tables: %zu\n", 4 + below(4)));
	status = d->year < 2026 ? (chance(50) ? "closed" : "held") :
		 d->year == 2026 ? (chance(5) ? "cancelled" : "held") : "planned";
	pair(&b, "", "status", status, 0);
	addf_or_die(wd_buf_adds(&b, "hosts:\n"));
	for (i = 0; i < 2 && i < npeople; i++) {
		addf_or_die(wd_buf_adds(&b, "  - "));
		addf_or_die(wd_yemit_scalar(&b, pp[i].name, 0));
		addf_or_die(wd_buf_addc(&b, '\n'));
	}
	if (chance(40) && npeople > 2) {
		addf_or_die(wd_buf_adds(&b, "initiators:\n  - "));
		addf_or_die(wd_yemit_scalar(&b, pp[2].name, 0));
		addf_or_die(wd_buf_addc(&b, '\n'));
	}
	if (d->from >= 0 || d->nto) {
		addf_or_die(wd_buf_adds(&b, "relay:\n"));
		if (d->from >= 0)
			addf_or_die(wd_buf_addf(&b, "  from: %s\n", all[d->from].id));
		if (d->nto) {
			addf_or_die(wd_buf_adds(&b, "  to:\n"));
			for (i = 0; i < d->nto; i++)
				addf_or_die(wd_buf_addf(&b, "    - %s\n",
							all[d->to[i]].id));
			pair(&b, "  ", "baton", "Hoe vinden jongeren en ouderen elkaar in de buurt?", 0);
		}
	}
	addf_or_die(wd_buf_adds(&b, "questions:\n"));
	for (i = 0; i < 4; i++) {
		addf_or_die(wd_buf_addf(&b, "  %s:\n", phases[i]));
		wd_buf_reset(&t);
		sentence(&t);
		t.ptr[t.len - 1] = '?';
		addf_or_die(wd_buf_adds(&b, "    - "));
		addf_or_die(wd_yemit_scalar(&b, t.ptr, 0));
		addf_or_die(wd_buf_addc(&b, '\n'));
	}
	if (chance(10))
		addf_or_die(wd_buf_addf(&b, "x-subsidie: {bedrag: %zu, fonds: Oranje Fonds}\n",
					500 + 100 * below(20)));
	snprintf(path, sizeof(path), "%s/%s/dialogue.yaml", root, d->id);
	write_file(path, &b);
	wd_buf_release(&b);
	wd_buf_release(&t);
}

static void write_people(const char *root, const struct dialogue *all,
			 const struct dialogue *d, const struct person *pp,
			 size_t n)
{
	struct wd_buf b = WD_BUF_INIT(0), c = WD_BUF_INIT(0);
	char path[4096], day[40];
	size_t i;

	addf_or_die(wd_buf_addf(&b, "# Deelnemers van '%s'; contactgegevens staan in contacts.yaml.\n",
				d->id));
	addf_or_die(wd_buf_adds(&b, "people:\n"));
	addf_or_die(wd_buf_adds(&c, "contacts:\n"));
	for (i = 0; i < n; i++) {
		const struct person *p = &pp[i];
		int came = chance(70);

		if (i && chance(3))
			addf_or_die(wd_buf_adds(&b, "  # aangemeld via de flyer\n"));
		pair(&b, "  - ", "id", p->id, 0);
		pair(&b, "    ", "name", p->name, 0);
		pair(&b, "    ", "role", p->role, 0);
		if (strcmp(p->role, "resident") || chance(10))
			pair(&b, "    ", "organisation", PICK(orgs), 0);
		if (chance(8))
			pair(&b, "    ", "lang", "en", 0);
		addf_or_die(wd_buf_addf(&b, "    table: %zu\n", 1 + i % 6));
		if (i < 2)
			addf_or_die(wd_buf_adds(&b, "    host: true\n"));
		date_of(day, sizeof(day), d, 0);
		addf_or_die(wd_buf_adds(&b, "    consent:\n"));
		addf_or_die(wd_buf_addf(&b, "      contact: %.8s%02zu\n", day, 1 + below(28)));
		if (chance(60))
			addf_or_die(wd_buf_addf(&b, "      named: %.8s%02zu\n", day, 1 + below(28)));
		else if (chance(50))
			addf_or_die(wd_buf_adds(&b, "      named: no\n"));
		if (chance(20))
			addf_or_die(wd_buf_addf(&b, "      photo: %.8s%02zu\n", day, 1 + below(28)));
		addf_or_die(wd_buf_addf(&b, "    invitation:\n      channel: %s\n"
					"      sent: %.8s01T10:00:00%s\n",
					chance(80) ? "email" : "letter", day,
					offset_of(d->month)));
		if (chance(30))
			addf_or_die(wd_buf_addf(&b, "      reminded: %.8s05T09:00:00%s\n",
						day, offset_of(d->month)));
		pair(&b, "    ", "rsvp", came ? "yes" : chance(50) ? "no" : "maybe", 0);
		addf_or_die(wd_buf_addf(&b, "    answered: %.8s03T20:15:00%s\n", day,
					offset_of(d->month)));
		if (!came && chance(10))
			addf_or_die(wd_buf_adds(&b, "    waiting: true\n"));
		if (came)
			addf_or_die(wd_buf_adds(&b, "    attended: true\n"));
		if (d->from >= 0 && chance(15))
			addf_or_die(wd_buf_addf(&b, "    from: %s\n", all[d->from].id));
		if (chance(5))
			pair(&b, "    ", "note", "Komt met de rolstoel; graag een plek bij de deur.", 0);

		addf_or_die(wd_buf_addf(&c, "  %s:\n    email: %s@example.org\n", p->id, p->id));
		if (chance(50))
			addf_or_die(wd_buf_addf(&c, "    phone: \"06 %08zu\"\n", below(100000000)));
		if (chance(30))
			addf_or_die(wd_buf_addf(&c, "    address: Kanaalstraat %zu, 3531 CJ %s\n",
						1 + below(200), d->city));
	}
	snprintf(path, sizeof(path), "%s/%s/people.yaml", root, d->id);
	write_file(path, &b);
	snprintf(path, sizeof(path), "%s/%s/contacts.yaml", root, d->id);
	write_file(path, &c);
	wd_buf_release(&b);
	wd_buf_release(&c);
}

static void item_id(char *out, char (*used)[8], size_t n)
{
	/* as wd-harvest makes them: a letter first, no i, l, o or u */
	static const char abc[] = "0123456789abcdefghjkmnpqrstvwxyz";
	size_t i, j;

	for (;;) {
		out[0] = abc[10 + below(22)];
		for (i = 1; i < 7; i++)
			out[i] = abc[below(32)];
		out[7] = '\0';
		for (j = 0; j < n; j++)
			if (!strcmp(used[j], out))
				break;
		if (j == n)
			return;
	}
}

static void write_item(struct wd_buf *b, const struct dialogue *d,
		       const struct person *pp, size_t npeople,
		       const char *id, long table)
{
	struct wd_buf t = WD_BUF_INIT(0);
	const char *kind = PICK(kinds), *v[3];
	const struct person *by = chance(75) ? &pp[below(npeople)] : NULL;
	char day[40];
	size_t i, n;

	text(&t);
	pair(b, "  - ", "id", id, 0);
	pair(b, "    ", "kind", kind, 0);
	if (chance(30))
		pair(b, "    ", "phase", phases[below(4)], 0);
	pair(b, "    ", "text", t.ptr, 0);
	if (by) {
		pair(b, "    ", "by", by->id, 0);
		pair(b, "    ", "role", by->role, 0);
	}
	if (table)
		addf_or_die(wd_buf_addf(b, "    table: %ld\n", table));
	if (chance(40)) {
		n = 1 + below(3);
		for (i = 0; i < n; i++)
			v[i] = PICK(tags);
		if (n < 2 || strcmp(v[0], v[1]))
			flow(b, "    ", "tags", v, n < 2 ? n : 2);
	}
	if (!strcmp(kind, "action")) {
		n = 1 + below(2);
		for (i = 0; i < n; i++)
			v[i] = pp[below(npeople)].id;
		flow(b, "    ", "owner", v, n == 2 && !strcmp(v[0], v[1]) ? 1 : n);
		date_of(day, sizeof(day), d, 14 + (int)below(60));
		pair(b, "    ", "due", day, WD_YE_TYPED);
		pair(b, "    ", "status", PICK(statuses), 0);
		if (chance(50))
			pair(b, "    ", "need", PICK(needs), 0);
	}
	if (!strcmp(kind, "quote"))
		addf_or_die(wd_buf_adds(b, chance(50) ? "    named: true\n" :
					"    named: false\n"));
	date_of(day, sizeof(day), d, (int)below(3));
	addf_or_die(wd_buf_addf(b, "    created: %sT%02zu:%02zu:00%s\n", day,
				19 + below(4), below(60), offset_of(d->month)));
	if (!strcmp(kind, "action") && chance(60)) {
		n = 1 + below(3);
		addf_or_die(wd_buf_adds(b, "    history:\n"));
		for (i = 0; i < n; i++) {
			date_of(day, sizeof(day), d, 7 + 7 * (int)i);
			addf_or_die(wd_buf_addf(b, "      - at: %sT10:00:00%s\n", day,
						offset_of(d->month)));
			pair(b, "        ", "status", statuses[(i + 1) % 4], 0);
			pair(b, "        ", "note", PICK(notes), 0);
		}
	}
	wd_buf_release(&t);
}

static void write_harvest(const char *root, const struct dialogue *d,
			  const struct person *pp, size_t npeople, size_t nitems)
{
	static const char *const extra_sources[] = { "import", "terugkomavond" };
	char (*used)[8] = calloc(nitems ? nitems : 1, sizeof(*used));
	struct wd_buf b = WD_BUF_INIT(0);
	char path[4096];
	size_t tables = 4 + below(3), files = tables + 1 + (chance(30) ? 1 : 0);
	size_t f, i, done = 0, per;

	if (!used)
		oom();
	snprintf(path, sizeof(path), "%s/%s/harvest", root, d->id);
	make_dir(path);
	for (f = 0; f < files && done < nitems; f++) {
		long table = f < tables ? (long)f + 1 : 0;

		per = f + 1 == files ? nitems - done : nitems / files;
		wd_buf_reset(&b);
		if (table) {
			addf_or_die(wd_buf_addf(&b, "# Oogst van tafel %ld (gespreksbegeleider: %s)\n",
						table, pp[f % 2].name));
			snprintf(path, sizeof(path), "%s/%s/harvest/table-%ld.yaml",
				 root, d->id, table);
		} else {
			addf_or_die(wd_buf_addf(&b, "# Oogst van '%s', bron '%s' (zie wd(5)).\n",
						d->id, extra_sources[f - tables]));
			snprintf(path, sizeof(path), "%s/%s/harvest/%s.yaml",
				 root, d->id, extra_sources[f - tables]);
		}
		addf_or_die(wd_buf_adds(&b, "items:\n"));
		for (i = 0; i < per; i++, done++) {
			item_id(used[done], used, done);
			if (i && chance(2))
				addf_or_die(wd_buf_adds(&b, "  # nagekomen via e-mail\n"));
			write_item(&b, d, pp, npeople, used[done], table);
		}
		write_file(path, &b);
	}
	free(used);
	wd_buf_release(&b);
}

static void write_workspace(const char *root)
{
	struct wd_buf b = WD_BUF_INIT(0);
	char path[4096];

	make_dir(root);
	addf_or_die(wd_buf_adds(&b,
		"# Instellingen van deze wijkdialoog-estafette; zie wd(5).\n"
		"name: Landelijke estafette (benchmark)\n"
		"organisation: Buurtteam Oost\n"
		"language: nl\n"
		"timezone: Europe/Amsterdam\n"
		"sender:\n"
		"  name: Buurtteam Oost\n"
		"  email: buurtteam@example.org\n"
		"privacy:\n"
		"  contacts_in_git: false\n"));
	snprintf(path, sizeof(path), "%s/wd.yaml", root);
	write_file(path, &b);
	wd_buf_reset(&b);
	addf_or_die(wd_buf_adds(&b,
		"# written by wd-init: the index is a cache, contact data stays private\n"
		"/.wd/\n"
		"contacts.yaml\n"));
	snprintf(path, sizeof(path), "%s/.gitignore", root);
	write_file(path, &b);
	wd_buf_release(&b);
}

/* Relays: chains of a few dialogues, now and then one that hands on to two. */
static void link_relays(struct dialogue *d, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		d[i].from = -1;
		if (i % 9 == 0)
			continue;
		d[i].from = (int)i - 1 - (i >= 2 && i % 9 >= 2 && chance(15));
		if (d[d[i].from].nto < ARRAY_SIZE(d[0].to))
			d[d[i].from].to[d[d[i].from].nto++] = (int)i;
		else
			d[i].from = -1;
	}
}

static long number(const char *s, const char *what)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (!*s || *end || errno || v < 0 || v > 1000000) {
		fprintf(stderr, "gen: %s wants a whole number, not '%s'\n", what, s);
		exit(64);
	}
	return v;
}

int main(int argc, char **argv)
{
	struct dialogue *dl;
	struct person *pp;
	struct wd_buf s = WD_BUF_INIT(0);
	size_t nd, np, ni, i, j;
	char path[4096];

	if (argc == 2 && !strcmp(argv[1], "--version")) {
		printf("%d\n", GEN_VERSION);
		return 0;
	}
	if (argc < 5 || argc > 6) {
		fprintf(stderr, "usage: gen DIR DIALOGUES PEOPLE ITEMS [SEED]\n");
		return 64;
	}
	nd = (size_t)number(argv[2], "DIALOGUES");
	np = (size_t)number(argv[3], "PEOPLE");
	ni = (size_t)number(argv[4], "ITEMS");
	rng_state = argc == 6 ? (uint64_t)number(argv[5], "SEED") : 7;
	if (np < 3) {
		fprintf(stderr, "gen: at least 3 people per dialogue\n");
		return 64;
	}
	dl = calloc(nd ? nd : 1, sizeof(*dl));
	pp = calloc(np, sizeof(*pp));
	if (!dl || !pp)
		oom();
	write_workspace(argv[1]);
	for (i = 0; i < nd; i++) {
		const char *place = PICK(places);

		wd_buf_reset(&s);
		addf_or_die(wd_slug(&s, place));
		snprintf(dl[i].id, sizeof(dl[i].id), "%s-%04zu", s.ptr, i + 1);
		snprintf(dl[i].place, sizeof(dl[i].place), "%s", place);
		dl[i].city = PICK(cities);
		dl[i].year = 2024 + (int)(i * 4 / (nd ? nd : 1));
		dl[i].month = 1 + (int)below(12);
		dl[i].day = 1 + (int)below(28);
	}
	link_relays(dl, nd);
	for (i = 0; i < nd; i++) {
		snprintf(path, sizeof(path), "%s/%s", argv[1], dl[i].id);
		make_dir(path);
		for (j = 0; j < np; j++)
			person_make(&pp[j], pp, j);
		write_dialogue(argv[1], dl, &dl[i], pp, np);
		write_people(argv[1], dl, &dl[i], pp, np);
		if (ni)
			write_harvest(argv[1], &dl[i], pp, np, ni);
	}
	free(dl);
	free(pp);
	wd_buf_release(&s);
	return 0;
}

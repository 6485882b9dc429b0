#!/bin/sh
test_description='wd-report export: open data, anonymous unless asked'
. ./test-lib.sh

test_expect_success 'setup' '
	test_example_workspace &&
	wd-harvest -C ws add -d oost --kind citaat --by ozlem --named --table 1 \
		"Hier hoor ik thuis" 2>/dev/null &&
	wd-harvest -C ws add -d oost --kind actie --owner ozlem --owner anna \
		--table 1 "Stoepkrijt kopen" 2>/dev/null
'

# the ways someone without consent to be named could show up
NOT_NAMED="zlem\\|Yıldız\\|yildiz\\|Fatima\\|Amrani"

test_expect_success 'JSON export: everything, anonymous by default' '
	wd-report -C ws export >out.json &&
	! grep -i "$NOT_NAMED" out.json &&
	! grep "@" out.json &&
	! grep "06 12345678\\|Kanaalstraat 40" out.json &&
	python3 - out.json <<-\EOF
	import json, sys
	data = json.load(open(sys.argv[1]))
	assert [d["id"] for d in data] == ["oost", "lombok"]
	oost = data[0]
	assert len(oost["people"]) == 5 and len(oost["items"]) == 11, (len(oost["people"]), len(oost["items"]))
	assert all("id" not in p and "email" not in p for p in oost["people"])
	names = sorted(p["name"] for p in oost["people"] if p["name"])
	assert names == ["Anna de Vries", "Jan de Vries", "Mohamed Bakkali"], names
	quote = [i for i in oost["items"] if i["text"] == "Hier hoor ik thuis"][0]
	assert quote["by"] is None and quote["role"] == "resident", quote
	act = [i for i in oost["items"] if i["text"] == "Stoepkrijt kopen"][0]
	assert act["owner"] == ["resident", "Anna de Vries"], act
	hist = [i for i in oost["items"] if i["id"] == "r2h6j9s"][0]["history"]
	assert hist == [{"at": "2026-12-20T10:00:00+01:00", "status": "underway",
	                 "note": "eerste kookavond gepland op 10 januari"}], hist
	EOF
'

test_expect_success 'CSV export: one row per item, anonymous' '
	wd-report -C ws export --format csv >out.csv &&
	! grep -i "$NOT_NAMED" out.csv &&
	test "$(python3 -c "import csv; print(len(list(csv.DictReader(open(\"out.csv\")))))")" = 11 &&
	head -n 1 out.csv | tr -d "\\r" >head &&
	echo "dialogue,title,theme,place,start,id,source,kind,phase,text,by,role,tags,owner,due,status,need,created" >expect &&
	test_cmp expect head
'

test_expect_success 'no format of summary names someone without consent' '
	for f in text md json
	do
		wd-report -C ws summary --all --format $f >summary.$f || return 1
		! grep -i "$NOT_NAMED" summary.$f || return 1
	done
'

test_expect_success '--include-contacts: ids, names and contact data' '
	wd-report -C ws export --include-contacts -o "$TRASH_DIRECTORY/alles.json" 2>err &&
	test "$(stat -c %a alles.json)" = 600 &&
	python3 - alles.json <<-\EOF
	import json, sys
	oost = json.load(open(sys.argv[1]))[0]
	ozlem = [p for p in oost["people"] if p["id"] == "ozlem-yildiz"][0]
	assert ozlem["name"] == "Özlem Yıldız" and ozlem["email"] == "ozlem@example.org", ozlem
	assert ozlem["address"] == "Kanaalstraat 40, 3531 CJ Utrecht", ozlem
	quote = [i for i in oost["items"] if i["text"] == "Hier hoor ik thuis"][0]
	assert quote["by"] == "ozlem-yildiz", quote
	EOF
'

test_expect_success 'an anonymous export written with -o is an ordinary file' '
	wd-report -C ws export -o "$TRASH_DIRECTORY/open.json" 2>/dev/null &&
	test "$(stat -c %a open.json)" = 644
'

test_expect_success 'usage errors' '
	test_expect_code 64 wd-report -C ws export --format tsv &&
	test_expect_code 64 wd-report -C ws export --format csv --include-contacts &&
	test_expect_code 64 wd-report -C ws export extra
'

test_done

#!/bin/sh
test_description='wd-report summary: text, markdown and JSON that match the files'
. ./test-lib.sh

WD_NOW=2027-01-20T12:00
export WD_NOW

test_expect_success 'setup' '
	test_example_workspace
'

test_expect_success 'JSON counts match the files' '
	wd-report -C ws summary -d oost --format json >out.json &&
	python3 - out.json ws/oost <<-\EOF
	import json, sys, yaml, glob, os
	d = json.load(open(sys.argv[1]))
	assert len(d) == 1, d
	d = d[0]
	folder = sys.argv[2]
	people = yaml.safe_load(open(os.path.join(folder, "people.yaml")))["people"]
	items = [i for f in sorted(glob.glob(os.path.join(folder, "harvest", "*.yaml")))
	         for i in yaml.safe_load(open(f))["items"]]
	p = d["participation"]
	assert p["all"]["total"] == len(people), p
	assert p["all"]["attended"] == sum(1 for x in people if x.get("attended")), p
	assert p["all"]["yes"] == sum(1 for x in people if x.get("rsvp") in (True, "yes")), p
	for role in {x["role"] for x in people}:
	    assert p["by_role"][role]["total"] == sum(1 for x in people if x["role"] == role)
	assert p["residents_largest"] is True
	assert d["counts"]["items"] == len(items), d["counts"]
	for kind in {i["kind"] for i in items}:
	    assert d["counts"]["kind"][kind] == sum(1 for i in items if i["kind"] == kind)
	assert sum(len(g["items"]) for g in d["harvest"]) == len(items)
	actions = [i for i in items if i["kind"] == "action"]
	assert d["counts"]["status"]["open"] == sum(1 for i in actions if i["status"] == "open")
	assert d["counts"]["overdue"] == 2, d["counts"]
	assert d["relay"]["to"] == [{"id": "lombok", "title": "Thuis in Lombok"}], d["relay"]
	assert d["relay"]["baton"] == "Hoe vinden jongeren en ouderen elkaar in de buurt?"
	assert d["title"] == "Elkaar zien in Oost" and d["start"] == "2026-12-12T19:30"
	EOF
'

test_expect_success 'the harvest is grouped in the order of the dialogue' '
	wd-report -C ws summary -d oost --format json >out.json &&
	python3 -c "import json; print(\"\\n\".join(g[\"group\"] for g in json.load(open(\"out.json\"))[0][\"harvest\"]))" >groups &&
	cat >expect <<-\EOF &&
	Wat werkt: ervaringen en citaten
	Dromen
	Mogelijkheden en verbindingen
	Acties
	Het estafettestokje
	Terugblik
	EOF
	test_cmp expect groups
'

test_expect_success 'text: when, where, who, the harvest, actions and the relay' '
	wd-report -C ws summary -d oost >out &&
	test_grep "^Elkaar zien in Oost$" out &&
	test_grep "^Wanneer: *zaterdag 12 december 2026, 19.30 uur - 21.30 uur$" out &&
	test_grep "^Waar: *Buurthuis De Boog, Kanaalstraat 12 (Utrecht-Oost)$" out &&
	test_grep "^bewoners  *2  *2  *2$" out &&
	test_grep "^Bewoners waren de grootste groep.$" out &&
	test_grep "^- .Een buurt is pas een buurt als je weet bij wie je kunt aanbellen.. -- Anna de Vries$" out &&
	test_grep "Anna de Vries, uiterlijk vrijdag 15 januari 2027, bezig (te laat)$" out &&
	test_grep "^Het stokje gaat naar: Thuis in Lombok (lombok)$" out
'

test_expect_success 'markdown has headings and a table' '
	wd-report -C ws summary -d oost --format md >out.md &&
	test_grep "^# Elkaar zien in Oost$" out.md &&
	test_grep "^## Deelname$" out.md &&
	test_grep "^| bewoners | 2 | 2 | 2 |$" out.md
'

test_expect_success 'English when the workspace speaks English' '
	sed -i "s/^language: nl/language: en/" ws/wd.yaml &&
	wd-report -C ws summary -d oost >out &&
	test_grep "^When: *Saturday 12 December 2026, 19:30 - 21:30$" out &&
	test_grep "^residents  *2  *2  *2$" out &&
	sed -i "s/^language: en/language: nl/" ws/wd.yaml
'

test_expect_success 'a quote by someone without consent names a role, not them' '
	wd-harvest -C ws add -d oost --kind citaat --by ozlem --named --table 1 \
		"Hier hoor ik thuis" 2>/dev/null &&
	for f in text md json
	do
		wd-report -C ws summary -d oost --format $f >out.$f || return 1
		test_grep "Hier hoor ik thuis" out.$f || return 1
		! grep -i "zlem\\|yildiz\\|Yıldız" out.$f || return 1
	done &&
	test_grep "Hier hoor ik thuis. -- een bewoner" out.text
'

test_expect_success 'a host without consent is shown as a host, not by name' '
	sed -i "s/^  - Mohamed Bakkali$/  - Mohamed Bakkali\\n  - Özlem Yıldız/" ws/oost/dialogue.yaml &&
	wd-report -C ws summary -d oost >out &&
	test_grep "^Gespreksbegeleiders: *Anna de Vries, Mohamed Bakkali, een gespreksbegeleider$" out
'

test_expect_success '--all: every dialogue, oldest first; --since and --until' '
	wd-report -C ws summary --all --format json >all.json &&
	python3 -c "import json; print(\" \".join(d[\"id\"] for d in json.load(open(\"all.json\"))))" >ids &&
	echo "oost lombok" >expect && test_cmp expect ids &&
	wd-report -C ws summary --all --since 2027-01-01 --format json >s.json &&
	python3 -c "import json; print(\" \".join(d[\"id\"] for d in json.load(open(\"s.json\"))))" >ids &&
	echo "lombok" >expect && test_cmp expect ids &&
	test_expect_code 1 wd-report -C ws summary --all --until 2026-01-01 --format json >none.json &&
	echo "[]" >expect && test_cmp expect none.json
'

test_expect_success 'the relay shows where the baton came from and who came back' '
	wd-report -C ws summary -d lombok >out &&
	test_grep "^Het stokje kwam van: Elkaar zien in Oost (oost)$" out &&
	test_grep "^1 deelnemer kwam ook naar de vorige dialoog$" out
'

test_expect_success '-o writes the report to a file' '
	wd-report -C ws summary -d oost -o "$TRASH_DIRECTORY/verslag.txt" 2>err &&
	test_grep "wrote .*verslag.txt" err &&
	test_grep "^Elkaar zien in Oost$" verslag.txt
'

test_expect_success 'usage errors' '
	test_expect_code 64 wd-report -C ws summary &&
	test_expect_code 64 wd-report -C ws summary -d oost --all &&
	test_expect_code 64 wd-report -C ws summary -d oost --format pdf &&
	test_expect_code 64 wd-report -C ws summary --all --since morgen &&
	test_expect_code 66 wd-report -C ws summary -d zuid
'

test_expect_success 'no largest group to speak of while nobody said yes or came' '
	rm -rf leeg && test_example_workspace leeg &&
	wd-init -q -C leeg nieuw --title Nieuw --theme "elkaar zien" \
		--start 2027-05-01T10:00 &&
	wd-invite -q -C leeg add -d nieuw "Een Bewoner" --role bewoner &&
	wd-report -C leeg summary -d nieuw >out &&
	test_grep "^totaal  *0  *0  *0$" out &&
	test_grep -v "grootste groep" out &&
	wd-report -C leeg summary -d nieuw --format html >out.html &&
	test_grep -v "grootste groep" out.html &&
	wd-invite -q -C leeg rsvp -d nieuw een ja &&
	wd-report -C leeg summary -d nieuw >out &&
	test_grep "^Bewoners waren de grootste groep.$" out
'

test_done

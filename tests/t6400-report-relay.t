#!/bin/sh
test_description='wd-report relay, themes and tags'
. ./test-lib.sh

test_expect_success 'setup: a relay of four, one of them elsewhere' '
	test_example_workspace &&
	wd-init -C ws -q zuilen --title "Samen in Zuilen" --theme "elkaar zien" \
		--start 2027-04-03T10:00 --from lombok &&
	wd-init -C ws -q rivierenwijk --title "Rivierenwijk \"groen\" & <blij>" \
		--theme "groen en gezond" --start 2027-03-01T19:00 --from oost &&
	sed -i "s/^    - lombok$/    - lombok\\n    - tuindorp/" ws/oost/dialogue.yaml
'

test_expect_success 'text: a tree from where the relay starts' '
	wd-report -C ws relay >out &&
	cat >expect <<-\EOF &&
	Elkaar zien in Oost (oost, zaterdag 12 december 2026)
	  -> Thuis in Lombok (lombok, zaterdag 6 februari 2027), 1 deelnemer kwam terug
	    -> Samen in Zuilen (zuilen, zaterdag 3 april 2027)
	  -> Rivierenwijk "groen" & <blij> (rivierenwijk, maandag 1 maart 2027)
	  -> tuindorp (in een andere werkruimte)
	EOF
	test_cmp expect out
'

test_expect_success 'dot: Graphviz draws it' '
	wd-report -C ws relay --format dot >relay.dot &&
	cat >expect <<-\EOF &&
		"oost" -> "lombok" [label="1 terug"];
		"tuindorp" [label="tuindorp", style="rounded,dashed"];
		"rivierenwijk" [label="Rivierenwijk \"groen\" & <blij>\n2027-03-01"];
	EOF
	while read -r line
	do
		grep -F -x "	$line" relay.dot >/dev/null || { echo "missing: $line"; return 1; }
	done <expect &&
	if test_have dot
	then
		dot -Tsvg relay.dot >relay.svg &&
		test_grep "<svg" relay.svg
	fi
'

test_expect_success 'JSON: one object per dialogue' '
	wd-report -C ws relay --format json >relay.json &&
	python3 - relay.json <<-\EOF
	import json, sys
	nodes = {n["id"]: n for n in json.load(open(sys.argv[1]))}
	assert nodes["oost"]["to"] == ["lombok", "rivierenwijk", "tuindorp"], nodes["oost"]
	assert nodes["lombok"]["from"] == "oost" and nodes["lombok"]["returning"] == 1
	assert nodes["zuilen"]["from"] == "lombok"
	assert nodes["tuindorp"]["title"] is None
	EOF
'

test_expect_success 'themes: dialogues, items and actions per theme' '
	wd-report -C ws themes --format tsv >out &&
	cat >expect <<-\EOF &&
	theme	dialogues	items	actions	first	last
	elkaar zien	2	9	2	2026-12-12	2027-04-03
	groen en gezond	1	0	0	2027-03-01	2027-03-01
	thuis in je buurt	1	0	0	2027-02-06	2027-02-06
	EOF
	test_cmp expect out
'

test_expect_success 'tags: most used first' '
	wd-report -C ws tags --format csv >out &&
	printf "tag,items,dialogues\\r\\nontmoeten,3,1\\r\\neten,1,1\\r\\ngroen,1,1\\r\\n" >expect &&
	test_cmp expect out
'

test_expect_success 'usage errors' '
	test_expect_code 64 wd-report -C ws relay --format png &&
	test_expect_code 64 wd-report -C ws themes --format xml &&
	test_expect_code 64 wd-report -C ws tags extra
'

test_expect_success 'carried over is not come back: only who says yes or comes' '
	rm -rf cb && cp -R ws cb &&
	wd-invite -q -C cb import -d zuilen --from-dialogue lombok &&
	wd-report -C cb relay >out &&
	test_grep "^    -> Samen in Zuilen (zuilen, zaterdag 3 april 2027)$" out &&
	wd-invite -q -C cb rsvp -d zuilen mohamed ja &&
	wd-report -C cb relay >out &&
	test_grep "^    -> Samen in Zuilen (zuilen, zaterdag 3 april 2027), 1 deelnemer kwam terug$" out &&
	wd-invite -q -C cb checkin -d zuilen --new "Iemand Nieuw" &&
	wd-report -C cb relay >out &&
	test_grep "^    -> Samen in Zuilen (zuilen, zaterdag 3 april 2027)$" out &&
	wd-invite -q -C cb checkin -d zuilen mohamed &&
	wd-report -C cb relay >out &&
	test_grep "^    -> Samen in Zuilen (zuilen, zaterdag 3 april 2027), 1 deelnemer kwam terug$" out
'

test_done

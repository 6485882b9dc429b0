#!/bin/sh
test_description='wd-harvest add: every kind, Dutch and English words, stdin, sources'
. ./test-lib.sh

WD_TEST_SEED=7 WD_NOW=2026-12-12T21:15 WD_USER=tester
export WD_TEST_SEED WD_NOW WD_USER

items() {
	sqlite3 ws/.wd/index.sqlite "$1"
}

test_expect_success 'setup' '
	test_example_workspace
'

test_expect_success 'every kind, in Dutch and in English, is written in English' '
	(cd ws/lombok &&
	 for k in ervaring citaat droom mogelijkheid verbinding actie \
		estafettestokje vraag terugblik experience quote dream \
		possibility connection action baton question feedback
	 do
		wd-harvest add --kind $k --table 5 "iets van $k" || exit 1
	 done) &&
	grep "^    kind: " ws/lombok/harvest/table-5.yaml | sort | uniq -c |
		sed "s/^ *//" >actual &&
	cat >expect <<-\EOF &&
	2     kind: action
	2     kind: baton
	2     kind: connection
	2     kind: dream
	2     kind: experience
	2     kind: feedback
	2     kind: possibility
	2     kind: question
	2     kind: quote
	EOF
	test_cmp expect actual
'

test_expect_success 'each kind gets its phase; actions are open; quotes not named' '
	grep -A1 "kind: citaat\|kind: quote" ws/lombok/harvest/table-5.yaml >/dev/null ;
	python3 - ws/lombok/harvest/table-5.yaml <<-\EOF
	import sys, yaml
	items = yaml.safe_load(open(sys.argv[1]))["items"]
	phase = {"experience": "discover", "quote": "discover", "dream": "dream",
	         "possibility": "design", "connection": "design",
	         "action": "deliver", "baton": "deliver", "question": "design",
	         "feedback": "deliver"}
	for it in items:
	    assert it["phase"] == phase[it["kind"]], it
	    assert it["table"] == 5, it
	    assert it["created"].isoformat() == "2026-12-12T21:15:00+01:00", it
	    if it["kind"] == "action":
	        assert it["status"] == "open", it
	    if it["kind"] == "quote":
	        assert it["named"] is False, it
	EOF
'

test_expect_success 'Dutch phases, statuses and an owner by name' '
	wd-harvest -C ws add -d oost --kind actie --phase doen --status bezig \
		--owner "Jan de Vries" --owner anna --due 2027-02-01 \
		--need "een aanhanger" --tag Groen --tag "samen eten" --table 2 \
		"Snoeidag in het park" &&
	tail -n 11 ws/oost/harvest/table-2.yaml >actual &&
	cat >expect <<-\EOF &&
	    kind: action
	    phase: deliver
	    text: Snoeidag in het park
	    table: 2
	    tags: [groen, samen eten]
	    owner: [jan-de-vries, anna-de-vries]
	    due: 2027-02-01
	    status: underway
	    need: een aanhanger
	    created: 2026-12-12T21:15:00+01:00
	EOF
	tail -n 10 actual >actual10 && test_cmp expect actual10
'

test_expect_success 'printf | wd-harvest add --kind droom - adds exactly 2 dreams' '
	test_example_workspace w2 &&
	(cd w2/lombok && printf "Een moestuin\n\nMeer bankjes\n" |
	 wd-harvest add --kind droom -) &&
	test $(grep -c "^    kind: dream$" w2/lombok/harvest/tester.yaml) = 2 &&
	grep "^    text: " w2/lombok/harvest/tester.yaml >actual &&
	printf "    text: Een moestuin\n    text: Meer bankjes\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'stdin lines are trimmed; CRLF and blank lines are skipped' '
	printf "  Een speeltuin \r\n\r\n\t\nEen bankje\r\n" |
		wd-harvest -C w2 add -d lombok --kind droom --source notes - &&
	grep "^    text: " w2/lombok/harvest/notes.yaml >actual &&
	printf "    text: Een speeltuin\n    text: Een bankje\n" >expect &&
	test_cmp expect actual
'

test_expect_success 'the same item twice in one source is added once' '
	wd-harvest -C w2 add -d lombok --kind droom --source notes "Een bankje" 2>err &&
	test_grep "already there" err &&
	test $(grep -c "text: Een bankje" w2/lombok/harvest/notes.yaml) = 1
'

test_expect_success 'the default source differs per harvester' '
	WD_USER="Özlem Yıldız" wd-harvest -C w2 add -d lombok --kind vraag "Wie beheert het plein?" &&
	test -f w2/lombok/harvest/ozlem-yildiz.yaml &&
	(unset WD_USER; cd w2 && git init -q && git config user.name "Piet Post" &&
	 wd-harvest add -d lombok --kind vraag "Wanneer?") &&
	test -f w2/lombok/harvest/piet-post.yaml
'

test_expect_success 'ids are short and unique in their dialogue' '
	for d in ws/oost ws/lombok
	do
		cat $d/harvest/*.yaml | sed -n "s/^  - id: //p" | sort >ids &&
		sort -u ids >uids &&
		test_cmp ids uids &&
		! grep -v "^[a-z][0-9a-z]\{6\}$" ids || return 1
	done
'

test_expect_success 'the index knows the new items right away' '
	wd-harvest -C ws add -d oost --kind droom "Een buurtbieb" --table 1 &&
	test "$(items "SELECT count(*) FROM items WHERE text = '\''Een buurtbieb'\''")" = 1
'

test_expect_success 'adding does not read other dialogues' '
	test_example_workspace w3 &&
	printf "items: [\n" >w3/oost/harvest/table-9.yaml &&
	wd-report -C w3 index 2>err &&
	test_grep "table-9.yaml" err &&
	printf "items: [\n" >w3/oost/harvest/table-8.yaml &&
	wd-harvest -C w3 add -d lombok --kind droom "Een bankje" 2>err &&
	test_grep -v "table-8" err
'

test_expect_success 'a name that matches nobody: the closest, or --new-person' '
	test_expect_code 65 wd-harvest -C ws add -d oost --kind citaat \
		--by "Oslem Yildis" "Hier hoor ik thuis" 2>err &&
	test_grep "no person .Oslem Yildis. in .oost. (did you mean .ozlem-yildiz.?)" err &&
	wd-harvest -C ws add -d oost --kind citaat --by "Karel Appel" --new-person \
		--named "Thuis is waar je gemist wordt" &&
	test_grep "^    name: Karel Appel$" ws/oost/people.yaml &&
	test_grep "by: karel-appel" ws/oost/harvest/tester.yaml &&
	wd-report -C ws check
'

test_expect_success 'a beginning of a name: enough when one fits, precise when two' '
	wd-harvest -C ws add -d oost --kind actie --owner ozl --table 7 "Een" &&
	test_grep "owner: \[ozlem-yildiz\]" ws/oost/harvest/table-7.yaml &&
	wd-harvest -C ws add -d oost --kind droom --by "Anna Bakker" --new-person \
		--table 7 "Twee" &&
	test_tree_sum ws >before &&
	test_expect_code 65 wd-harvest -C ws add -d oost --kind actie \
		--owner anna "Drie" 2>err &&
	test_grep "could be .anna-de-vries. or .anna-bakker." err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success '--dry-run prints the file and writes nothing' '
	test_tree_sum ws >before &&
	wd-harvest -C ws add -d oost --kind droom --table 1 --dry-run "Proef" >out &&
	test_grep "^--- oost/harvest/table-1.yaml" out &&
	test_grep "text: Proef" out &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'bad input: usage errors (64) change nothing' '
	test_tree_sum ws >before &&
	test_expect_code 64 wd-harvest -C ws add -d oost "geen soort" &&
	test_expect_code 64 wd-harvest -C ws add -d oost --kind drom x 2>err &&
	test_grep "unknown kind .drom. (did you mean .droom.?)" err &&
	test_expect_code 64 wd-harvest -C ws add -d oost --kind droom &&
	test_expect_code 64 wd-harvest -C ws add -d oost --kind droom a b &&
	test_expect_code 64 wd-harvest -C ws add -d oost --kind droom --table x t &&
	test_expect_code 64 wd-harvest -C ws add -d oost --kind droom --table 1 --source s t &&
	test_expect_code 64 wd-harvest -C ws add -d oost --kind droom --format json t &&
	test_expect_code 64 wd-harvest -C ws add -d "../x" --kind droom t &&
	test_expect_code 66 wd-harvest -C ws add -d zuid --kind droom t &&
	test_expect_code 64 wd-harvest -C ws add --kind droom t &&
	test_expect_code 65 wd-harvest -C ws add -d oost --kind actie --due morgen t &&
	test_expect_code 64 wd-harvest -C ws frob &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'a source is always a safe file name' '
	wd-harvest -C ws add -d oost --kind droom --source "../../Tafel Één" t &&
	test -f ws/oost/harvest/tafel-een.yaml
'

test_expect_success 'a broken target file is reported, not overwritten' '
	printf "items:\n  - id: [\n" >ws/oost/harvest/kapot.yaml &&
	cp ws/oost/harvest/kapot.yaml kapot.before &&
	test_expect_code 65 wd-harvest -C ws add -d oost --kind droom --source kapot t 2>err &&
	test_grep "oost/harvest/kapot.yaml.:3:1: syntax error" err &&
	test_cmp kapot.before ws/oost/harvest/kapot.yaml &&
	rm ws/oost/harvest/kapot.yaml
'

test_done

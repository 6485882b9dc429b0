#!/bin/sh
test_description='wd-harvest set: following actions up, format-preserving'
. ./test-lib.sh

WD_TEST_SEED=3 WD_NOW=2027-01-05T09:30 WD_USER=tester
export WD_TEST_SEED WD_NOW WD_USER

test_expect_success 'a hand-edited harvest file with comments' '
	test_example_workspace &&
	cat >ws/oost/harvest/table-3.yaml <<-\EOF &&
	# Tafel 3 -- overgetypt van de gele briefjes
	items:
	# eerst de dromen
	- id: aa11bb2
	  kind: dream
	  text: "Een groene speelplaats"   # van de kinderen

	# dan de acties
	- id: cc33dd4
	  kind: action
	  text: >
	    De speelplaats samen
	    ontwerpen met de school
	  owner: anna-de-vries
	  status: open      # nog niks gebeurd
	  x-budget: 500
	- id: ee55ff6
	  kind: action
	  text: Buurtapp opzetten
	  status: open
	EOF
	cp ws/oost/harvest/table-3.yaml before.yaml &&
	wd-report -C ws check
'

test_expect_success 'set --status changes only the status and history lines' '
	wd-harvest -C ws set cc33dd4 --status bezig --note "eerste overleg met de school" &&
	test_expect_code 1 diff before.yaml ws/oost/harvest/table-3.yaml >actual &&
	cat >expect <<-\EOF &&
	15c15
	<   status: open      # nog niks gebeurd
	---
	>   status: underway      # nog niks gebeurd
	16a17,20
	>   history:
	>     - at: 2027-01-05T09:30:00+01:00
	>       status: underway
	>       note: eerste overleg met de school
	EOF
	test_cmp expect actual
'

test_expect_success 'a second follow-up appends to the history' '
	cp ws/oost/harvest/table-3.yaml before.yaml &&
	WD_NOW=2027-02-01T20:00 wd-harvest -C ws set cc33dd4 --status klaar &&
	test_expect_code 1 diff before.yaml ws/oost/harvest/table-3.yaml >actual &&
	cat >expect <<-\EOF &&
	15c15
	<   status: underway      # nog niks gebeurd
	---
	>   status: done      # nog niks gebeurd
	20a21,22
	>     - at: 2027-02-01T20:00:00+01:00
	>       status: done
	EOF
	test_cmp expect actual
'

test_expect_success 'owner, due, tag and need, with the change in the history' '
	cp ws/oost/harvest/table-3.yaml before.yaml &&
	wd-harvest -C ws set ee55ff6 --owner "Jan de Vries" --owner mohamed \
		--due 2027-03-01 --tag digitaal --need "iemand die handig is met apps" &&
	test_expect_code 1 diff before.yaml ws/oost/harvest/table-3.yaml >actual &&
	cat >expect <<-\EOF &&
	26a27,36
	>   due: 2027-03-01
	>   need: iemand die handig is met apps
	>   owner: [jan-de-vries, mohamed-bakkali]
	>   tags: [digitaal]
	>   history:
	>     - at: 2027-01-05T09:30:00+01:00
	>       owner: [jan-de-vries, mohamed-bakkali]
	>       due: 2027-03-01
	>       tag: [digitaal]
	>       need: iemand die handig is met apps
	EOF
	test_cmp expect actual &&
	wd-report -C ws check
'

test_expect_success 'the index follows: status, owners and history' '
	q() { sqlite3 ws/.wd/index.sqlite "$1"; } &&
	test "$(q "SELECT status FROM actions WHERE id = '\''cc33dd4'\''")" = done &&
	test "$(q "SELECT owner FROM actions WHERE id = '\''ee55ff6'\''")" = "jan-de-vries,mohamed-bakkali" &&
	test "$(q "SELECT count(*) FROM history WHERE item = '\''cc33dd4'\''")" = 2
'

test_expect_success 'set finds the item by id from anywhere, or in the folder' '
	(cd ws/lombok && wd-harvest set r2h6j9s --status klaar) &&
	grep -A8 "id: r2h6j9s" ws/oost/harvest/table-1.yaml | test_grep "status: done" - ;
	grep -A9 "id: r2h6j9s" ws/oost/harvest/table-1.yaml >r2 &&
	test_grep "^    status: done$" r2
'

test_expect_success 'bad input changes nothing' '
	test_tree_sum ws >before &&
	test_expect_code 65 wd-harvest -C ws set zzzzzzz --status klaar 2>err &&
	test_grep "no item .zzzzzzz. in this workspace" err &&
	test_expect_code 64 wd-harvest -C ws set cc33dd4 --status half 2>err &&
	test_grep "unknown status .half." err &&
	test_expect_code 64 wd-harvest -C ws set cc33dd4 &&
	test_expect_code 64 wd-harvest -C ws set &&
	test_expect_code 64 wd-harvest -C ws set cc33dd4 --kind dream &&
	test_expect_code 65 wd-harvest -C ws set cc33dd4 --owner niemand 2>err &&
	test_grep "no person .niemand." err &&
	test_expect_code 65 wd-harvest -C ws set cc33dd4 --due ooit &&
	test_expect_code 65 wd-harvest -C ws set -d lombok cc33dd4 --status open &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success '--dry-run shows the file and writes nothing' '
	test_tree_sum ws >before &&
	wd-harvest -C ws set cc33dd4 --status open --dry-run >out &&
	test_grep "status: open      # nog niks gebeurd" out &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'set says what it changed; a status it has already changes nothing' '
	rm -rf same && cp -R ws same &&
	wd-harvest -C same set x1y5z3m --status bezig 2>err &&
	test_grep "^wd-harvest: changed x1y5z3m$" err &&
	cp same/oost/harvest/table-2.yaml before.yaml &&
	wd-harvest -C same set x1y5z3m --status underway 2>err &&
	test_grep "^wd-harvest: .x1y5z3m. is .bezig. already: nothing changed$" err &&
	test_cmp before.yaml same/oost/harvest/table-2.yaml &&
	wd-harvest -C same set x1y5z3m --status bezig --note "nog steeds" 2>err &&
	test_grep "^wd-harvest: changed x1y5z3m$" err &&
	test_grep "nog steeds" same/oost/harvest/table-2.yaml
'

test_done

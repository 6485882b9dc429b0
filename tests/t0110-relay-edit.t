#!/bin/sh
test_description='changing a hand-written file changes only what it means to'
. ./test-lib.sh

test_expect_success 'a hand-written dialogue.yaml' '
	mkdir ws && (cd ws && wd-init -q) &&
	mkdir ws/a &&
	cat >ws/a/dialogue.yaml <<-\EOF &&
	# Dialoog A -- met de hand geschreven; niet weggooien!
	title:    "Samen \"koken\" in A"     # dubbel aangehaald
	theme: '\''samen eten'\''
	x-subsidie:   { bedrag: 1200, aanvrager: "Buurtteam" }   # onbekend
	start: 2026-12-12 19:30

	# waar
	venue: >-
	  Buurthuis De Boog,
	  Kanaalstraat 12
	relay:
	    from: oost    # waar het stokje vandaan kwam
	    baton: "Wat geven we door?"
	hosts: [Anna, 'Piet']
	questions:
	  dream:
	  - Wat is je droom?   # geen inspringing
	EOF
	mkdir ws/oost && printf "title: O\nstart: 2026-11-01\nrelay:\n  to: [a]\n" >ws/oost/dialogue.yaml &&
	cp ws/a/dialogue.yaml a.before
'

test_expect_success 'wd-init B --from A changes only the relay lines of A' '
	wd-init -C ws -q b --title B --theme t --start 2027-01-10T10:00 --from a &&
	test_expect_code 1 diff a.before ws/a/dialogue.yaml >actual &&
	cat >expect <<-\EOF &&
	13a14,15
	>     to:
	>       - b
	EOF
	test_cmp expect actual
'

test_expect_success 'a third dialogue adds one line to the same list' '
	cp ws/a/dialogue.yaml a.before &&
	wd-init -C ws -q c --title C --theme t --start 2027-02-10 --from a &&
	test_expect_code 1 diff a.before ws/a/dialogue.yaml >actual &&
	cat >expect <<-\EOF &&
	15a16
	>       - c
	EOF
	test_cmp expect actual
'

test_expect_success 'the file still says all it said, and checks' '
	python3 - ws/a/dialogue.yaml <<-\EOF &&
	import sys, yaml
	d = yaml.safe_load(open(sys.argv[1]))
	assert d["title"] == "Samen \"koken\" in A", d["title"]
	assert d["x-subsidie"] == {"bedrag": 1200, "aanvrager": "Buurtteam"}
	assert d["venue"] == "Buurthuis De Boog, Kanaalstraat 12"
	assert d["relay"] == {"from": "oost", "baton": "Wat geven we door?",
	                      "to": ["b", "c"]}, d["relay"]
	assert d["hosts"] == ["Anna", "Piet"]
	EOF
	wd-report -C ws check 2>err || { cat err; false; }
'

test_expect_success 'a file without relay gets a relay block at the end' '
	printf "title: D\n# slot\nstart: 2026-10-01\n" >ws/d.yaml &&
	mkdir ws/d && mv ws/d.yaml ws/d/dialogue.yaml &&
	wd-init -C ws -q e --title E --theme t --start 2027-01-01 --from d &&
	printf "title: D\n# slot\nstart: 2026-10-01\nrelay:\n  to:\n    - e\n" >expect &&
	test_cmp expect ws/d/dialogue.yaml
'

test_expect_success 'a relay in { } stays in { }' '
	mkdir ws/f &&
	printf "title: F\nstart: 2026-10-01\nrelay: {from: d}  # x\n" >ws/f/dialogue.yaml &&
	wd-init -C ws -q g --title G --theme t --start 2027-01-01 --from f &&
	printf "title: F\nstart: 2026-10-01\nrelay: {from: d, to: [g]}  # x\n" >expect &&
	test_cmp expect ws/f/dialogue.yaml
'

test_expect_success 'a single "to:" value becomes a list of two' '
	mkdir ws/h &&
	printf "title: H\nstart: 2026-10-01\nrelay:\n  to: x  # eerder\n" >ws/h/dialogue.yaml &&
	wd-init -C ws -q i --title I --theme t --start 2027-01-01 --from h &&
	printf "title: H\nstart: 2026-10-01\nrelay:\n  to:\n    - x\n    - i\n" >expect &&
	test_cmp expect ws/h/dialogue.yaml
'

test_expect_success 'a CRLF file keeps its CRLF line ends' '
	mkdir ws/j &&
	printf "title: J\r\nstart: 2026-10-01\r\n" >ws/j/dialogue.yaml &&
	wd-init -C ws -q k --title K --theme t --start 2027-01-01 --from j &&
	printf "title: J\r\nstart: 2026-10-01\r\nrelay:\r\n  to:\r\n    - k\r\n" >expect &&
	test_cmp expect ws/j/dialogue.yaml
'

test_expect_success 'a value ending in a question mark is no "? key"' '
	mkdir ws/q &&
	printf "title: Q\nquestion: Wat werkt hier?\nplace: Oost\nstart: 2026-10-01\n" >ws/q/dialogue.yaml &&
	wd-init -C ws -q q2 --title Q2 --theme t --start 2027-01-01 --from q &&
	printf "title: Q\nquestion: Wat werkt hier?\nplace: Oost\nstart: 2026-10-01\nrelay:\n  to:\n    - q2\n" >expect &&
	test_cmp expect ws/q/dialogue.yaml
'

test_expect_success 'a file with aliases is refused, not rewritten' '
	mkdir ws/l &&
	printf "title: &t L\nstart: 2026-10-01\nplace: *t\n" >ws/l/dialogue.yaml &&
	cp ws/l/dialogue.yaml l.before &&
	test_expect_code 65 wd-init -C ws m --title M --theme t \
		--start 2027-01-01 --from l 2>err &&
	test_grep "aliases" err &&
	test_cmp l.before ws/l/dialogue.yaml &&
	test_must_fail test -e ws/m
'

test_done

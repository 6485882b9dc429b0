#!/bin/sh
test_description='wd-report actions and due: deadlines as of WD_NOW'
. ./test-lib.sh

ids() {
	wd-report -C ws actions --format tsv "$@" | tail -n +2 | cut -f2 | tr "\n" " "
}

test_expect_success 'setup: actions due on several days' '
	test_example_workspace &&
	WD_NOW=2026-12-13T10:00 wd-harvest -C ws add -d lombok --kind actie \
		--owner sanne --due 2027-02-10 --table 1 "Flyers maken" 2>/dev/null &&
	WD_NOW=2026-12-13T10:00 wd-harvest -C ws add -d lombok --kind actie \
		--due 2027-01-25 --table 1 "Zaal reserveren" 2>/dev/null &&
	WD_NOW=2026-12-13T10:00 wd-harvest -C ws add -d lombok --kind actie \
		--table 1 "Ooit iets" 2>/dev/null
'

test_expect_success 'all actions, by due date, those without one last' '
	test "$(WD_NOW=2027-01-20 ids | wc -w)" = 5 &&
	WD_NOW=2027-01-20 wd-report -C ws actions --format tsv | tail -n +2 | cut -f3 >texts &&
	tail -n 1 texts >last && echo "Ooit iets" >expect && test_cmp expect last &&
	head -n 1 texts >first &&
	echo "Gesprek met de eigenaar van het winkelpand over tijdelijk gebruik." >expect &&
	test_cmp expect first
'

test_expect_success '--overdue depends on WD_NOW' '
	test "$(WD_NOW=2026-12-20 ids --overdue)" = "" &&
	test "$(WD_NOW=2027-01-01 ids --overdue)" = "x1y5z3m " &&
	test "$(WD_NOW=2027-01-16 ids --overdue)" = "x1y5z3m r2h6j9s " &&
	wd-harvest -C ws set x1y5z3m --status klaar 2>/dev/null &&
	test "$(WD_NOW=2027-01-16 ids --overdue)" = "r2h6j9s "
'

test_expect_success '--due-within 7d: due from today on, within the week' '
	WD_NOW=2027-01-20 wd-report -C ws actions --due-within 7d --format tsv |
		tail -n +2 | cut -f3 >within &&
	echo "Zaal reserveren" >expect && test_cmp expect within &&
	test "$(WD_NOW=2027-02-05 ids --due-within 7d | wc -w)" = 1 &&
	test "$(WD_NOW=2027-02-05 ids --due-within 2w | wc -w)" = 1 &&
	test "$(WD_NOW=2027-01-26 ids --due-within 3w | wc -w)" = 1
'

test_expect_success '--open, --owner by name or id, -d' '
	test "$(WD_NOW=2027-01-20 ids --open | wc -w)" = 4 &&
	test "$(WD_NOW=2027-01-20 ids --owner "Anna de Vries")" = "r2h6j9s " &&
	test "$(WD_NOW=2027-01-20 ids --owner anna-de-vries)" = "r2h6j9s " &&
	test "$(WD_NOW=2027-01-20 ids --owner anna)" = "r2h6j9s " &&
	test "$(WD_NOW=2027-01-20 ids --owner Mohamed)" = "x1y5z3m " &&
	test_expect_code 65 wd-report -C ws actions --owner Piet 2>err &&
	test_grep "^wd-report: no person .Piet. in any dialogue$" err &&
	test_expect_code 65 wd-report -C ws actions -d lombok --owner anna 2>err &&
	test_grep "no person .anna. in .lombok.$" err &&
	test "$(WD_NOW=2027-01-20 ids -d lombok | wc -w)" = 3
'

test_expect_success 'owners are shown by name only with consent' '
	WD_NOW=2027-01-20 wd-report -C ws actions -d lombok --format json >out.json &&
	python3 - out.json <<-\EOF
	import json, sys
	rows = json.load(open(sys.argv[1]))
	flyers = [r for r in rows if r["text"] == "Flyers maken"][0]
	assert flyers["owner"] == ["iemand van een bewonersinitiatief"], flyers
	assert all("sanne" not in json.dumps(r).lower() for r in rows)
	EOF
'

test_expect_success 'due: what needs attention as of WD_NOW' '
	WD_NOW=2027-01-20 wd-report -C ws due --days 7 >out &&
	cat >expect <<-\EOF &&
	Wat aandacht nodig heeft, woensdag 20 januari 2027

	Acties over hun deadline:
	  - oost/r2h6j9s: Maandelijkse buurtmaaltijd in De Boog, met een vaste tafel voor nieuwe bewoners.
	    Anna de Vries, uiterlijk vrijdag 15 januari 2027 (5 dagen te laat)

	Acties die binnenkort af moeten:
	  - lombok/cp4b6s7: Zaal reserveren
	    uiterlijk maandag 25 januari 2027
	EOF
	sed "s/lombok\\/[a-z0-9]*:/lombok\\/cp4b6s7:/" out >actual &&
	test_cmp expect actual
'

test_expect_success 'due: a dialogue held without harvest, and unanswered invitations' '
	mkdir ws/west &&
	printf "title: West\\nstart: 2027-01-05T19:00\\n" >ws/west/dialogue.yaml &&
	printf "people:\\n  - id: a\\n    name: A\\n    invitation:\\n      sent: 2027-01-02T10:00\\n" >>ws/lombok/people.yaml.new &&
	WD_NOW=2027-01-20 wd-report -C ws due --days 7 >out &&
	test_grep "^Dialogen die gehouden zijn, nog zonder oogst:$" out &&
	test_grep "^  - West (west), dinsdag 5 januari 2027$" out &&
	WD_NOW=2027-01-02 wd-report -C ws due --days 7 >out &&
	test_grep -v "West" out
'

test_expect_success 'due says nothing when nothing needs attention' '
	test_example_workspace quiet &&
	rm -r quiet/oost/harvest &&
	WD_NOW=2026-12-01 wd-report -C quiet due >out &&
	test_line_count = 0 out
'

test_expect_success 'usage errors' '
	test_expect_code 64 wd-report -C ws actions --open --overdue &&
	test_expect_code 64 wd-report -C ws actions --due-within soon &&
	test_expect_code 64 wd-report -C ws actions --format yaml &&
	test_expect_code 64 wd-report -C ws due --days veel &&
	test_expect_code 64 wd-report -C ws due extra
'

test_done

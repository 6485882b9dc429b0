#!/bin/sh
test_description='wd-invite rsvp: answers, the waiting list, a hand-edited people.yaml'
. ./test-lib.sh

test_expect_success 'rsvp on a hand-edited people.yaml changes only the lines of the answer' '
	mkdir ws && (cd ws && wd-init -q &&
		wd-init -q oost --title T --theme t --start 2026-12-12T19:30) &&
	cat >ws/oost/people.yaml <<-\EOF &&
	# Wie komen er?  Met de hand bijgehouden door Anna.

	people:
	  # de buurvrouw
	  - id: anna
	    name: '\''Anna de Vries'\''   # zegt altijd ja
	    role: bewoner      # Nederlands mag ook
	    rsvp: maybe  # belde terug
	    onbekend: blijft staan

	  - {id: piet, name: Piet Post, role: volunteer}
	EOF
	cp ws/oost/people.yaml before.yaml &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws rsvp anna yes 2>err &&
	test_grep "^wd-invite: .Anna de Vries. (anna) answered yes$" err &&
	diff before.yaml ws/oost/people.yaml >d || true &&
	cat >expect <<-\EOF &&
	8c8
	<     rsvp: maybe  # belde terug
	---
	>     rsvp: "yes"  # belde terug
	9a10
	>     answered: 2026-11-20T10:00:00+01:00
	EOF
	test_cmp expect d &&
	wd-report -C ws check
'

test_expect_success 'the same answer again changes nothing, not even the time' '
	cp ws/oost/people.yaml before.yaml &&
	WD_NOW=2026-11-21T10:00 wd-invite -C ws rsvp Anna ja 2>err &&
	test_grep "already yes" err &&
	cmp before.yaml ws/oost/people.yaml
'

test_expect_success 'Dutch answers, people by the beginning of their name; a flow mapping' '
	WD_NOW=2026-11-22T09:00 wd-invite -C ws -q rsvp "piet p" misschien &&
	test_grep "^  - {id: piet, name: Piet Post, role: volunteer, rsvp: maybe, answered: 2026-11-22T09:00:00+01:00}$" ws/oost/people.yaml &&
	WD_NOW=2026-11-23T09:00 wd-invite -C ws -q rsvp piet nee &&
	test_grep "rsvp: \"no\"" ws/oost/people.yaml &&
	wd-report -C ws check
'

test_expect_success 'bad answers and unknown people are errors that write nothing' '
	test_tree_sum ws >before &&
	test_expect_code 64 wd-invite -C ws rsvp anna jawel 2>err &&
	test_grep "unknown answer .jawel." err &&
	test_expect_code 65 wd-invite -C ws rsvp kees yes 2>err &&
	test_grep "no person .kees. in .oost." err &&
	test_expect_code 64 wd-invite -C ws rsvp anna &&
	test_expect_code 64 wd-invite -C ws rsvp anna yes no &&
	test_tree_sum ws >after &&
	test_cmp before after
'

# five people, capacity 3
capacity_workspace() {
	rm -rf cap && mkdir cap && (cd cap && wd-init -q &&
		wd-init -q d --title T --theme t --start 2026-12-12T19:30 \
			--capacity 3 &&
		printf "name\nAnna\nBert\nCarla\nDirk\nEva\n" | wd-invite -q import)
}

test_expect_success 'capacity 3 and 5 yes-answers: 2 on the waiting list, in order' '
	capacity_workspace &&
	WD_NOW=2026-11-20T10:00 wd-invite -C cap rsvp anna yes &&
	WD_NOW=2026-11-20T11:00 wd-invite -C cap rsvp bert yes &&
	WD_NOW=2026-11-20T12:00 wd-invite -C cap rsvp carla yes &&
	WD_NOW=2026-11-20T14:00 wd-invite -C cap rsvp eva yes 2>err &&
	test_grep "Eva. (eva) is number 1 on the waiting list: the dialogue is full (3 places)" err &&
	WD_NOW=2026-11-20T15:00 wd-invite -C cap rsvp dirk yes 2>err &&
	test_grep "Dirk. (dirk) is number 2 on the waiting list" err &&
	test "$(grep -c "waiting: true" cap/d/people.yaml)" = 2 &&
	wd-invite -C cap list --status waiting >out &&
	cat >expect <<-\EOF &&
	id    naam  rol     organisatie  status
	eva   Eva   anders               wachtlijst 1
	dirk  Dirk  anders               wachtlijst 2

	2 anderen; 2 mensen
	EOF
	test_cmp expect out &&
	wd-invite -C cap list --status yes --format csv >out &&
	test_line_count = 4 out
'

test_expect_success 'one of the first three says no: the first in line is promoted, and told' '
	WD_NOW=2026-11-25T10:00 wd-invite -C cap rsvp bert nee 2>err &&
	test_grep "Bert. (bert) answered no" err &&
	test_grep "Eva. (eva) moves up from the waiting list: a place came free" err &&
	wd-invite -C cap list --status waiting --format csv >out &&
	test_line_count = 2 out &&
	test_grep "^dirk,Dirk,.*,waiting,yes,.*,1," out &&
	wd-invite -C cap list --status yes --format csv | cut -d, -f1 >out &&
	printf "id\nanna\ncarla\neva\n" >expect &&
	test_cmp expect out &&
	sed -n "/id: eva/,\$p" cap/d/people.yaml >eva &&
	test_grep -v "waiting" eva
'

test_expect_success 'saying maybe frees a place too; no one waiting, nothing moves' '
	WD_NOW=2026-11-26T10:00 wd-invite -C cap rsvp anna maybe 2>err &&
	test_grep "Dirk. (dirk) moves up" err &&
	WD_NOW=2026-11-26T11:00 wd-invite -C cap rsvp carla no 2>err &&
	test_grep -v "moves up" err &&
	wd-invite -C cap list --status waiting --format csv >out &&
	test_line_count = 1 out
'

test_expect_success '--dry-run says who would move up and writes nothing' '
	WD_NOW=2026-11-27T10:00 wd-invite -C cap -q rsvp anna yes &&
	WD_NOW=2026-11-27T11:00 wd-invite -C cap -q rsvp carla yes &&
	test "$(grep -c "waiting: true" cap/d/people.yaml)" = 1 &&
	test_tree_sum cap >before &&
	WD_NOW=2026-11-28T10:00 wd-invite -C cap rsvp --dry-run eva no >out &&
	test_grep "^would record that .Eva. (eva) answered no$" out &&
	test_grep "^.Carla. (carla) would move up from the waiting list" out &&
	test_tree_sum cap >after &&
	test_cmp before after
'

test_expect_success 'rsvp --import: answers from a form, in the order they came in' '
	capacity_workspace &&
	cat >antwoorden.csv <<-\EOF &&
	Tijdstip;Naam;Antwoord
	2026-11-20T12:00;Carla;ja
	2026-11-20T10:00;Anna;ja
	2026-11-20T14:00;Dirk;ja
	2026-11-20T11:00;Bert;ja
	2026-11-20T13:00;Eva;ja
	EOF
	wd-invite -C cap rsvp --import ../antwoorden.csv 2>err &&
	test_grep "antwoorden.csv: 5 answers recorded, 0 unchanged" err &&
	wd-invite -C cap list --status waiting --format csv | cut -d, -f1 >out &&
	printf "id\neva\ndirk\n" >expect &&
	test_cmp expect out &&
	test_grep "answered: 2026-11-20T13:00:00+01:00" cap/d/people.yaml &&
	test_tree_sum cap >before &&
	wd-invite -C cap rsvp --import ../antwoorden.csv 2>err &&
	test_grep "0 answers recorded, 5 unchanged" err &&
	test_tree_sum cap >after &&
	test_cmp before after
'

test_expect_success 'rsvp --import is all-or-nothing, with FILE:ROW:COLUMN' '
	test_tree_sum cap >before &&
	printf "name,rsvp\nAnna,nee\nKees,ja\n" >bad.csv &&
	test_expect_code 65 wd-invite -C cap rsvp --import ../bad.csv 2>err &&
	test_grep "bad.csv.:3:1: no person .Kees. in .d." err &&
	printf "name,rsvp\nAnna,nee\nBert,jawel\n" >bad.csv &&
	test_expect_code 65 wd-invite -C cap rsvp --import ../bad.csv 2>err &&
	test_grep "bad.csv.:3:2: unknown answer .jawel." err &&
	printf "email,rsvp\nnobody@example.org,ja\n" >bad.csv &&
	test_expect_code 65 wd-invite -C cap rsvp --import ../bad.csv 2>err &&
	test_grep "nobody in .d. has the e-mail address" err &&
	printf "rsvp\nja\n" >bad.csv &&
	test_expect_code 65 wd-invite -C cap rsvp --import ../bad.csv 2>err &&
	test_grep "whose answers are these" err &&
	printf "name,rsvp,answered\nAnna,ja,gisteren\n" >bad.csv &&
	test_expect_code 65 wd-invite -C cap rsvp --import ../bad.csv 2>err &&
	test_grep "bad.csv.:2:3: .gisteren. is not a time" err &&
	test_expect_code 64 wd-invite -C cap rsvp --import ../bad.csv anna yes &&
	test_tree_sum cap >after &&
	test_cmp before after
'

test_expect_success 'without a capacity nobody waits' '
	test_example_workspace &&
	WD_NOW=2027-01-10T10:00 wd-invite -C ws -q rsvp -d lombok sanne ja &&
	test_grep -v "waiting" ws/lombok/people.yaml
'

test_done

#!/bin/sh
test_description='wd-invite tables: a seating plan that mixes roles and spreads organisations'
. ./test-lib.sh

# 12 residents, 8 professionals (two organisations), 5 municipality, 5 others
thirty() {
	echo "naam,rol,organisatie"
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "Bewoner $i,bewoner,"; done
	for i in 1 2 3 4; do echo "Zorg $i,professional,Welzijn Oost"; done
	for i in 1 2 3 4; do echo "Wijkteam $i,professional,Wijkteam"; done
	for i in 1 2 3 4 5; do echo "Ambtenaar $i,gemeente,Gemeente Utrecht"; done
	for i in 1 2 3 4 5; do echo "Ander $i,anders,"; done
}

# table,role per person, from list --format csv
seats() {
	wd-invite -C "$1" list --format csv | awk -F, "NR > 1 { print \$5 \",\" \$3 \",\" \$4 }"
}

test_expect_success 'tables --size 7 for 30 people: five tables of six' '
	mkdir ws && (cd ws && wd-init -q &&
		wd-init -q oost --title T --theme t --start 2026-12-12T19:30) &&
	thirty >dertig.csv &&
	wd-invite -C ws -q import ../dertig.csv &&
	wd-invite -C ws tables --size 7 2>err &&
	test_grep "seated 30 people at 5 tables" err &&
	seats ws >seats &&
	test "$(grep -c "^," seats)" = 0 &&
	cut -d, -f1 seats | sort | uniq -c | awk "{ print \$1 }" | sort -u >sizes &&
	echo 6 >expect && test_cmp expect sizes
'

test_expect_success 'every table at most 7, residents per table differ by at most 1, none without' '
	for t in 1 2 3 4 5
	do
		n=$(grep -c "^$t," seats) &&
		test "$n" -le 7 &&
		grep -c "^$t,resident," seats >>residents || return 1
	done &&
	sort -u residents >r &&
	test "$(head -n 1 r)" -ge 2 &&
	test "$(tail -n 1 r)" -le 3 &&
	test $(($(tail -n 1 r) - $(head -n 1 r))) -le 1
'

test_expect_success 'no table of professionals only; organisations spread' '
	for t in 1 2 3 4 5
	do
		grep "^$t," seats | grep -v ",professional,\|,municipality," >/dev/null &&
		test "$(grep -c "^$t,municipality,Gemeente Utrecht" seats)" = 1 &&
		test "$(grep -c "^$t,professional,Welzijn Oost" seats)" -le 1 &&
		test "$(grep -c "^$t,professional,Wijkteam" seats)" -le 1 || return 1
	done
'

test_expect_success 'the same people give the same plan; running it again changes nothing' '
	test_tree_sum ws >before &&
	wd-invite -C ws tables 2>err &&
	test_tree_sum ws >after &&
	test_cmp before after &&
	wd-invite -C ws list --format csv | cut -d, -f1,5 | sort >plan1 &&
	mkdir ws2 && (cd ws2 && wd-init -q &&
		wd-init -q oost --title T --theme t --start 2026-12-12T19:30) &&
	{ head -n 1 dertig.csv && tail -n +2 dertig.csv | sort -r; } >omgekeerd.csv &&
	wd-invite -C ws2 -q import ../omgekeerd.csv &&
	wd-invite -C ws2 -q tables &&
	wd-invite -C ws2 list --format csv | cut -d, -f1,5 | sort >plan2 &&
	test_cmp plan1 plan2
'

test_expect_success 'hosts: one per table' '
	for who in bewoner-1 zorg-1 ander-1 ander-2 ambtenaar-5
	do
		sed -i "/^  - id: $who\$/a\\    host: true" ws/oost/people.yaml || return 1
	done &&
	wd-invite -C ws -q tables &&
	wd-invite -C ws list --format csv |
		awk -F, "\$7 == 1 { print \$5 }" | sort >hosts &&
	printf "1\n2\n3\n4\n5\n" >expect &&
	test_cmp expect hosts
'

test_expect_success 'list prints the plan grouped by table, with the counts' '
	wd-invite -C ws list >plan &&
	test_grep "^tafel  id " plan &&
	test_grep "^12 bewoners, 8 professionals, 5 gemeente, 5 anderen; 30 mensen aan 5 tafels$" plan &&
	test "$(grep -c "^$" plan)" = 5
'

test_expect_success 'only who comes is seated: no and the waiting list are left out' '
	WD_NOW=2026-11-20T10:00 wd-invite -C ws -q rsvp bewoner-12 nee &&
	wd-invite -C ws -q tables &&
	sed -n "/id: bewoner-12$/,/id:/p" ws/oost/people.yaml >b12 &&
	test_grep -v "table:" b12 &&
	wd-invite -C ws tables --status yes 2>err &&
	test_grep "nobody to seat" err
'

test_expect_success 'once people are checked in, the plan is for them' '
	wd-invite -C ws -q checkin bewoner-1 bewoner-2 zorg-1 ambtenaar-1 &&
	wd-invite -C ws tables --size 2 2>err &&
	test_grep "seated 4 people at 2 tables" err &&
	test "$(grep -c "table:" ws/oost/people.yaml)" = 4 &&
	wd-invite -C ws list >plan &&
	test_grep "; [0-9]* mensen, 4 aan 2 tafels$" plan &&
	wd-invite -C ws list --role gemeente >plan &&
	test_grep "mensen, 1 aan 1 tafel$\|^1 gemeente; 1 persoon aan 1 tafel$" plan
'

test_expect_success 'too few residents or hosts: a warning' '
	wd-invite -C ws -q checkin --undo bewoner-1 bewoner-2 &&
	wd-invite -C ws -q checkin zorg-2 zorg-3 &&
	wd-invite -C ws tables --size 2 2>err &&
	test_grep "warning: 2 tables without a resident" err &&
	test_grep "warning: 1 table without a host:" err
'

test_expect_success '--dry-run prints the plan and writes nothing; bad sizes are 64' '
	test_tree_sum ws >before &&
	wd-invite -C ws tables --dry-run --status added,invited,yes,maybe >out &&
	test_grep "^tafel  id " out &&
	test_grep "^29 mensen\|mensen aan 5 tafels" out &&
	test_expect_code 64 wd-invite -C ws tables --size 1 &&
	test_expect_code 64 wd-invite -C ws tables --size veel &&
	test_expect_code 64 wd-invite -C ws tables --status jawel &&
	test_expect_code 64 wd-invite -C ws tables 3 &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_done

#!/bin/sh
test_description='wd-invite checkin: attendance at the door, walk-ins'
. ./test-lib.sh

test_expect_success 'checkin marks people as attended' '
	test_example_workspace &&
	wd-invite -C ws checkin -d oost fatima 2>err &&
	test_grep "checked in .Fatima-Zahra El Amrani. (fatima-zahra-el-amrani)" err &&
	sed -n "/id: fatima/,\$p" ws/oost/people.yaml >f &&
	test_grep "^    attended: true$" f &&
	wd-invite -C ws list -d oost --status attended --format csv >out &&
	test_line_count = 6 out
'

test_expect_success 'checking in twice changes nothing' '
	test_tree_sum ws >before &&
	wd-invite -C ws checkin -d oost fatima-zahra-el-amrani anna 2>err &&
	test_grep "already attended" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'several people at once, all or nothing' '
	test_tree_sum ws >before &&
	test_expect_code 65 wd-invite -C ws checkin -d lombok sanne nergens 2>err &&
	test_grep "no person .nergens. in .lombok." err &&
	test_tree_sum ws >after &&
	test_cmp before after &&
	wd-invite -C ws -q checkin -d lombok sanne mohamed &&
	test "$(grep -c "attended: true" ws/lombok/people.yaml)" = 2
'

test_expect_success '--undo takes a check-in back' '
	wd-invite -C ws checkin -d lombok --undo sanne 2>err &&
	test_grep "took back the check-in of .Sanne Jansen." err &&
	test "$(grep -c "attended: true" ws/lombok/people.yaml)" = 1
'

test_expect_success '--new adds a walk-in who is there' '
	wd-invite -C ws checkin -d lombok --new "Kees Bakker" --role bewoner 2>err &&
	test_grep "added .Kees Bakker. (kees-bakker)" err &&
	sed -n "/id: kees-bakker/,\$p" ws/lombok/people.yaml >k &&
	cat >expect <<-\EOF &&
	  - id: kees-bakker
	    name: Kees Bakker
	    role: resident
	    attended: true
	EOF
	test_cmp expect k &&
	wd-invite -C ws list -d lombok --status aanwezig --format csv | cut -d, -f1 >out &&
	printf "id\nmohamed-bakkali\nkees-bakker\n" >expect &&
	test_cmp expect out
'

test_expect_success 'a walk-in with a name on the list is refused with a hint' '
	test_tree_sum ws >before &&
	test_expect_code 65 wd-invite -C ws checkin -d lombok --new "sanne jansen" 2>err &&
	test_grep "already in .lombok. as .sanne-jansen." err &&
	test_grep "^hint: check them in by name or id" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success '--dry-run and bad use' '
	test_tree_sum ws >before &&
	wd-invite -C ws checkin -d oost --dry-run ozlem --new "Joop Zoet" >out &&
	test_grep "^would add .Joop Zoet. (joop-zoet)$" out &&
	test_grep "^would check in .Joop Zoet. (joop-zoet)$" out &&
	test_expect_code 64 wd-invite -C ws checkin -d oost &&
	test_expect_code 64 wd-invite -C ws checkin -d oost --undo --new X &&
	test_expect_code 64 wd-invite -C ws checkin -d oost --role bewoner anna &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'who is checked in from the waiting list leaves it; the others move up' '
	rm -rf wl && test_example_workspace wl &&
	sed -i "s/^capacity: 30/capacity: 4/" wl/oost/dialogue.yaml &&
	for p in "Wacht Een" "Wacht Twee" "Wacht Drie"
	do
		wd-invite -q -C wl add -d oost "$p" &&
		wd-invite -q -C wl rsvp -d oost "$p" ja || return 1
	done &&
	wd-invite -C wl list -d oost --status wachtlijst >before &&
	test_grep "wacht-een .*wachtlijst 1$" before &&
	test_grep "wacht-drie .*wachtlijst 3$" before &&
	wd-invite -q -C wl checkin -d oost wacht-een &&
	wd-invite -C wl list -d oost --status wachtlijst >after &&
	test_grep -v "wacht-een" after &&
	test_grep "wacht-twee .*wachtlijst 1$" after &&
	test_grep "wacht-drie .*wachtlijst 2$" after
'

test_done

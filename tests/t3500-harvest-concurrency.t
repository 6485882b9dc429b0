#!/bin/sh
test_description='four harvesters at once on one workspace lose and double nothing'
. ./test-lib.sh

N=${WD_CONCURRENCY_ITEMS:-100}

test_expect_success 'setup' '
	test_example_workspace
'

# add N items, retrying an item when the workspace stayed busy (75)
adder() {
	i=1
	while test $i -le $N
	do
		wd-harvest -C ws add -d lombok --kind droom --table "$1" \
			"Droom $i van schrijver $1" 2>>err.$1
		ret=$?
		case $ret in
		0) i=$((i + 1)) ;;
		75) echo "busy $1 $i" >>busy ;;
		*) echo "exit $ret at $1 $i" >>failed; return 1 ;;
		esac
	done
}

test_expect_success "four add loops of $N items at once" '
	: >busy && : >failed &&
	adder 1 & adder 2 & adder 3 & adder 4 &
	wait &&
	test_line_count = 0 failed &&
	echo "retries after exit 75: $(wc -l <busy)"
'

test_expect_success 'every item is there exactly once' '
	cat ws/lombok/harvest/table-[1234].yaml | sed -n "s/^    text: //p" | sort >texts &&
	sort -u texts >unique &&
	test_cmp unique texts &&
	test_line_count = $((4 * N)) texts
'

test_expect_success 'the files check and the index agrees' '
	wd-report -C ws check &&
	wd-report -C ws index &&
	test "$(sqlite3 ws/.wd/index.sqlite "SELECT count(*) FROM items WHERE dialogue = '\''lombok'\''")" = $((4 * N))
'

test_done

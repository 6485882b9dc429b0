#!/bin/sh
test_description='colour and progress only on a terminal, and never when asked not to'
. ./test-lib.sh

# script(1) from util-linux gives the command a terminal; what it writes
# there, stdout and stderr together, comes out of script's stdout
if ! script -qec true /dev/null </dev/null >/dev/null 2>&1
then
	test_skip 'a terminal' 'no script(1) from util-linux'
	test_done
fi

on_tty() {
	script -qec "$1" /dev/null </dev/null >tty.out &&
	tr -d '\r' <tty.out >"$2"
}

# a day the example's actions are late
WD_NOW=2027-06-01T10:00
export WD_NOW

esc=$(printf '\033')

test_expect_success 'setup: the example workspace' '
	test_example_workspace &&
	wd-report -C ws actions >plain &&
	test_grep "^oost  *x1y5z3m .*ja" plain
'

test_expect_success 'on a terminal the header is bold and late actions red' '
	TERM=xterm on_tty "wd-report -C ws actions" out &&
	test_grep "^${esc}\[1mdialoog  *id  *actie" out &&
	test_grep "^${esc}\[31moost  *x1y5z3m .*${esc}\[m$" out &&
	sed "s/${esc}\[[0-9]*m//g" out >stripped &&
	test_cmp plain stripped
'

test_expect_success 'not into a pipe or a file' '
	TERM=xterm wd-report -C ws actions >out &&
	! grep "$esc" out
'

test_expect_success 'never with NO_COLOR, nor on a dumb terminal' '
	TERM=xterm NO_COLOR=1 on_tty "wd-report -C ws actions" out &&
	! grep "$esc" out &&
	TERM=dumb on_tty "wd-report -C ws actions" out &&
	! grep "$esc" out
'

test_expect_success 'CSV and JSON have no colour, even on a terminal' '
	TERM=xterm on_tty "wd-report -C ws actions --format csv" out &&
	! grep "$esc" out &&
	test_grep "^oost,x1y5z3m," out
'

test_expect_success 'setup: 300 people to take in' '
	awk "BEGIN { print \"name,email,role\";
		for (i = 1; i <= 300; i++)
			printf \"Persoon %d,p%d@example.org,bewoner\n\", i, i }" >many.csv
'

test_expect_success 'a long import shows progress on a terminal, ending at all rows' '
	WD_PROGRESS_DELAY=0 on_tty "wd-invite -C ws import -d oost $TRASH_DIRECTORY/many.csv" out &&
	test_grep "wd-invite: taking in 300 of 300 rows$" out &&
	test_grep "300 added" out
'

test_expect_success 'no progress with --no-progress, or when stderr is no terminal' '
	test_example_workspace &&
	WD_PROGRESS_DELAY=0 on_tty "wd-invite -C ws --no-progress import -d oost $TRASH_DIRECTORY/many.csv" out &&
	! grep "taking in" out &&
	test_example_workspace &&
	WD_PROGRESS_DELAY=0 wd-invite -C ws import -d oost "$TRASH_DIRECTORY/many.csv" 2>err &&
	! grep "taking in" err
'

test_expect_success 'quick work shows none: progress waits a second by default' '
	test_example_workspace &&
	head -n 4 many.csv >few.csv &&
	on_tty "wd-invite -C ws import -d oost $TRASH_DIRECTORY/few.csv" out &&
	test_grep "3 added" out &&
	! grep "taking in" out
'

test_expect_success 'an index rebuild shows progress too' '
	WD_PROGRESS_DELAY=0 on_tty "wd-report -C ws index --rebuild" out &&
	test_grep "wd-report: indexing [0-9]* of [0-9]* dialogues$" out
'

test_done

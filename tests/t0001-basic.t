#!/bin/sh
test_description='options every command shares, exit codes, finding the workspace'
. ./test-lib.sh

test_expect_success '--help prints the usage on stdout and exits 0' '
	wd-init --help >out &&
	test_grep "^usage: wd-init" out &&
	wd-report --help >out &&
	test_grep "^usage: wd-report" out
'

test_expect_success '--version names the toolkit' '
	wd-report --version >out &&
	test_grep "^wd-report (wijkdialoog) [0-9]" out
'

test_expect_success 'an unknown option is a usage error (64)' '
	test_expect_code 64 wd-report --bogus 2>err &&
	test_grep "Try .wd-report --help." err &&
	test_expect_code 64 wd-init --bogus 2>err
'

test_expect_success 'option mistakes: named by the program, with a did-you-mean (64)' '
	test_example_workspace &&
	test_expect_code 64 wd-harvest -C ws add --tabel 3 x 2>err &&
	test_grep "^wd-harvest: unknown option .--tabel. (did you mean .--table.?)$" err &&
	test_grep "^Try .wd-harvest --help." err &&
	test_expect_code 64 wd-harvest -C ws add --kind 2>err &&
	test_grep "^wd-harvest: option .--kind. needs a value$" err &&
	test_expect_code 64 wd-report -C ws search -n 2>err &&
	test_grep "^wd-report: option .-n. needs a value$" err &&
	test_expect_code 64 wd-harvest -C ws add --n x 2>err &&
	test_grep "^wd-harvest: option .--n. is ambiguous$" err &&
	test_expect_code 64 wd-harvest -C ws add --dry-run=ja x 2>err &&
	test_grep "^wd-harvest: option .--dry-run. takes no value$" err &&
	test_expect_code 64 wd-report -x 2>err &&
	test_grep "^wd-report: unknown option .-x.$" err &&
	test_expect_code 64 wd-harvest -C ws set --dry-run -zq x1y5z3m 2>err &&
	test_grep "^wd-harvest: unknown option .-z.$" err &&
	test_expect_code 64 wd-report -+ 2>err &&
	test_grep "^wd-report: unknown option .-+.$" err
'

test_expect_success 'an unknown command is a usage error (64)' '
	test_expect_code 64 wd-report frobnicate 2>err &&
	test_grep "unknown command .frobnicate.$" err &&
	test_expect_code 64 wd-harvest sett 2>err &&
	test_grep "^wd-harvest: unknown command .sett. (did you mean .set.?)$" err &&
	test_expect_code 64 wd-report 2>err &&
	test_grep "^wd-report: which command? (summary, actions, due, relay, themes, tags, search, export, check, index)$" err &&
	test_expect_code 64 wd-invite 2>err &&
	test_grep "(add, import, list, rsvp, checkin, tables, send, remind, ics, show-person, forget, purge)$" err
'

test_expect_success 'outside a workspace: exit 78 with a hint' '
	mkdir empty &&
	(cd empty && test_expect_code 78 wd-report check 2>../err) &&
	test_grep "not a wijkdialoog workspace" err &&
	test_grep "^hint: run .wd-init." err
'

test_expect_success 'the workspace is found from a folder below it' '
	test_example_workspace &&
	(cd ws/oost/harvest && wd-report check)
'

test_expect_success '-C DIR runs as if started there' '
	wd-report -C ws check &&
	test_expect_code 66 wd-report -C nowhere check 2>err &&
	test_grep "cannot change to folder .nowhere." err
'

test_expect_success 'WD_DIR names the workspace exactly' '
	WD_DIR="$PWD/ws" wd-report check &&
	(cd ws/oost && test_expect_code 78 env WD_DIR="$PWD" wd-report check)
'

test_expect_success 'with WD_DIR from outside, paths in messages are whole' '
	test_example_workspace w2 &&
	sed -i "s/kind: dream/kind: drom/" w2/oost/harvest/table-1.yaml &&
	mkdir elders && (cd elders &&
	test_expect_code 1 env WD_DIR="$TRASH_DIRECTORY/w2" wd-report check >../out) &&
	test_grep "^$TRASH_DIRECTORY/w2/oost/harvest/table-1.yaml:17:11: " out &&
	(cd w2/oost && test_expect_code 1 env WD_DIR="$TRASH_DIRECTORY/w2" wd-report check >../../out) &&
	test_grep "^harvest/table-1.yaml:17:11: " out
'

test_expect_success 'a wd.yaml that is not YAML is bad configuration (78)' '
	test_example_workspace w3 &&
	printf "name: [\n" >w3/wd.yaml &&
	test_expect_code 78 wd-harvest -C w3 list 2>err &&
	test_grep "^wd-harvest: .wd.yaml.:2:1: syntax error" err &&
	test_expect_code 1 wd-report -C w3 check >out &&
	test_grep "^wd.yaml:2:1: syntax error" out
'

test_expect_success 'a bad WD_LOCK_TIMEOUT is bad configuration' '
	test_expect_code 78 env WD_LOCK_TIMEOUT=lang wd-report -C ws check 2>err &&
	test_grep "WD_LOCK_TIMEOUT .lang." err
'

test_expect_success 'a bad WD_NOW is a configuration error' '
	test_expect_code 78 env WD_NOW=morgen wd-report -C ws check 2>err &&
	test_grep "WD_NOW .morgen." err
'

# tzset() cannot fail: a zone it cannot read (no memory, as t8100 found,
# or a damaged file) quietly became UTC, every time written an hour off
test_expect_success 'a zone file that does not load stops the command (71), not UTC' '
	mkdir -p zones/Europe &&
	printf "TZif2 damaged\n" >zones/Europe/Amsterdam &&
	test_tree_sum ws >before &&
	test_expect_code 71 env TZDIR="$PWD/zones" wd-harvest -C ws add -d oost \
		--kind droom "Een tuin" 2>err &&
	test_grep "^wd-harvest: cannot load the time zone .Europe/Amsterdam.$" err &&
	test_expect_code 71 env TZDIR="$PWD/zones" wd-report -C ws check 2>err &&
	test_grep "^wd-report: cannot load the time zone .Europe/Amsterdam.$" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'UTC, GMT and a zone at offset 0 without summer time load' '
	for z in UTC Etc/UTC GMT Africa/Abidjan
	do
		rm -rf z && mkdir z &&
		wd-init -q -C z --timezone $z &&
		wd-init -q -C z d --title T --theme t --start 2027-03-01T10:00 &&
		wd-report -q -C z check || return 1
	done
'

test_expect_success 'messages name the program and quote the file' '
	test_example_workspace bad &&
	printf "title: [\n" >bad/oost/dialogue.yaml &&
	test_expect_code 65 wd-init -C bad nieuw --title T --theme t \
		--start 2027-01-01T10:00 --from oost 2>err &&
	test_grep "^wd-init: .oost/dialogue.yaml.:2:1: syntax error" err
'

test_expect_success 'control characters in messages are shown, not sent' '
	test_expect_code 64 wd-init -C ws "$(printf "a\033[2Jb")" --title T \
		--theme t --start 2027-01-01 2>err &&
	test_grep "a\\\\x1b\\[2Jb" err
'

test_done

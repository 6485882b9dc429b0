#!/bin/sh
test_description='bash completion: commands, options, ids from the index'
. ./test-lib.sh

if ! test_have bash
then
	test_skip 'bash completion' 'no bash'
	test_done
fi

COMPLETION="$SHARE_DIRECTORY/../completion/wd.bash"

# complete WORD... : what bash would offer for the last word
complete_words() {
	bash -c '
		source "$1"; shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_wd_complete
		((${#COMPREPLY[@]} == 0)) || printf "%s\n" "${COMPREPLY[@]}"
	' complete "$COMPLETION" "$@"
}

test_expect_success 'setup' '
	test_example_workspace &&
	wd-report -C ws index
'

test_expect_success 'wd-report su completes to summary' '
	(cd ws && complete_words wd-report su) >out &&
	echo summary >expect &&
	test_cmp expect out
'

test_expect_success 'wd-harvest set completes to the item ids of the workspace' '
	(cd ws && complete_words wd-harvest set "") >out &&
	sqlite3 ws/.wd/index.sqlite "SELECT id FROM items ORDER BY id" >expect &&
	test_cmp expect out &&
	(cd ws && complete_words wd-harvest set r2) >out &&
	echo r2h6j9s >expect &&
	test_cmp expect out
'

test_expect_success 'wd NAME completes like wd-NAME, after global options' '
	complete_words wd "" >out &&
	printf "init\ninvite\nharvest\nreport\nhelp\n" >expect &&
	test_cmp expect out &&
	complete_words wd -C ws report th >out &&
	echo themes >expect &&
	test_cmp expect out
'

test_expect_success 'options of a subcommand come from its --help' '
	complete_words wd-harvest add --ne >out &&
	printf "%s\n" --need --new-person >expect &&
	test_cmp expect out &&
	complete_words wd-init --th >out &&
	printf "%s\n" --theme --themes >expect &&
	test_cmp expect out
'

test_expect_success 'values: dialogues, people, kinds, formats' '
	(cd ws && complete_words wd-harvest add -d lo) >out &&
	echo lombok >expect && test_cmp expect out &&
	(cd ws && complete_words wd-harvest add -d oost --owner an) >out &&
	echo anna-de-vries >expect && test_cmp expect out &&
	complete_words wd-harvest add --kind dr >out &&
	printf "%s\n" dream droom >expect && test_cmp expect out &&
	complete_words wd-report summary --format h >out &&
	echo html >expect && test_cmp expect out &&
	complete_words wd-report relay --format d >out &&
	echo dot >expect && test_cmp expect out
'

test_expect_success 'ids of one dialogue with -d, from the index as it is' '
	(cd ws && complete_words wd-harvest set -d lombok "") >out &&
	test_line_count = 0 out &&
	wd-report -C ws ids -d oost people >people &&
	test_line_count = 5 people
'

test_done

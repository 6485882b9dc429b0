#!/bin/sh
test_description='text from the command line that no file can hold is refused, and nothing written'
#
# A title, a note, a name: what a tool writes into a YAML file must be
# valid UTF-8 without control characters (but tab and line breaks; none
# at all in a line value), or the file would not load again.  Each is
# refused with exit 65 naming the option, before anything is written.
. ./test-lib.sh

ESC=$(printf '\033')

test_expect_success 'setup' '
	test_example_workspace &&
	wd-report -q -C ws index &&
	test_tree_sum ws >before
'

refused() {	# refused WHAT-IN-MESSAGE CMD...: exit 65, message, no change
	what=$1
	shift
	test_expect_code 65 "$@" 2>err &&
	test_grep "^wd-[a-z]*: $what" err &&
	test_tree_sum ws >now &&
	test_cmp before now
}

test_expect_success 'wd-init: a control character in --title' '
	refused "--title has a control character (U+001B)$" \
		wd-init -C ws x --title "a${ESC}[2Jb" --theme t --start 2027-03-01 &&
	! test -e ws/x
'

test_expect_success 'wd-init: --title not UTF-8, --title on two lines, --host with DEL' '
	refused "--title is not valid UTF-8 (byte 0xe9 at 4)$" \
		wd-init -C ws x --title "$(printf "caf\351")" --theme t --start 2027-03-01 &&
	refused "--title should be one line$" \
		wd-init -C ws x --title "$(printf "a\nb")" --theme t --start 2027-03-01 &&
	refused "--host has a control character (U+007F)$" \
		wd-init -C ws x --title T --theme t --start 2027-03-01 \
		--host "$(printf "Anna\177")" &&
	! test -e ws/x
'

test_expect_success 'wd-init: --question may have lines, as a block of text' '
	wd-init -q -C ws x --title T --theme t --start 2027-03-01 \
		--question "$(printf "Wat werkt?\nEn waarom?")" &&
	wd-report -q -C ws check &&
	rm -rf ws/x && wd-report -q -C ws index
'

test_expect_success 'wd-init: a new workspace with a control character in --name' '
	mkdir nieuw &&
	test_expect_code 65 wd-init -C nieuw --name "Oost${ESC}" 2>err &&
	test_grep "^wd-init: --name has a control character (U+001B)$" err &&
	! test -e nieuw/wd.yaml
'

test_expect_success 'wd-harvest add: the text, a tag and --by' '
	refused "the text has a control character (U+0001)$" \
		wd-harvest -C ws add -d oost --kind droom "$(printf "een\001twee")" &&
	refused "a tag should be one line$" \
		wd-harvest -C ws add -d oost --kind droom --tag "$(printf "a\nb")" x &&
	refused "a person has a control character (U+001B)$" \
		wd-harvest -C ws add -d oost --kind droom --by "Ann${ESC}a" x
'

test_expect_success 'wd-harvest set: --note and --need' '
	refused "--note has a control character (U+001B)$" \
		wd-harvest -C ws set r2h6j9s --note "x${ESC}y" &&
	refused "--need is not valid UTF-8" \
		wd-harvest -C ws set r2h6j9s --need "$(printf "\377")"
'

test_expect_success 'tab and line breaks in a text are fine, and load again' '
	wd-harvest -q -C ws add -d oost --kind droom \
		"$(printf "Een\tbankje,\nbij de bakker")" &&
	wd-report -q -C ws check
'

test_done

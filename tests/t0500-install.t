#!/bin/sh
test_description='make install into any prefix; the installed tools work from anywhere'
. ./test-lib.sh

TOP=$(cd "$TEST_DIRECTORY/.." && pwd)

test_expect_success 'make install PREFIX=... DESTDIR=... puts everything in place' '
	make -s -C "$TOP" install O="$TRASH_DIRECTORY/build" PREFIX=/opt/wd \
		DESTDIR="$PWD/dest" >out 2>&1 &&
	test -x dest/opt/wd/bin/wd-init &&
	test -x dest/opt/wd/bin/wd-report &&
	test -f dest/opt/wd/share/wd/questions/nl/default.yaml &&
	test -f dest/opt/wd/share/wd/themes/en.yaml &&
	test -f dest/opt/wd/share/man/man1/wd-init.1 &&
	test -f dest/opt/wd/share/man/man5/wd.5 &&
	test -f dest/opt/wd/share/man/man7/wd.7 &&
	test -x dest/opt/wd/bin/wd &&
	test -f dest/opt/wd/share/bash-completion/completions/wd &&
	test -f dest/opt/wd/share/bash-completion/completions/wd-harvest &&
	test -f dest/opt/wd/share/zsh/site-functions/_wd &&
	test -f dest/opt/wd/share/locale/nl/LC_MESSAGES/wijkdialoog.mo
'

test_expect_success 'the installed wd runs the installed commands, not the build' '
	mkdir elsewhere && cd elsewhere &&
	PATH=/usr/bin:/bin "$TRASH_DIRECTORY/dest/opt/wd/bin/wd" init --themes >../out &&
	cd .. &&
	test_grep "^elkaar zien	" out
'

if locale -a 2>/dev/null | grep -qi '^nl_NL.utf-\{0,1\}8$'
then
	test_expect_success 'the installed tools speak Dutch from the installed catalogue' '
		mkdir leeg && cd leeg &&
		test_expect_code 78 env -u LC_ALL LANG=nl_NL.UTF-8 \
			"$TRASH_DIRECTORY/dest/opt/wd/bin/wd-report" check 2>../err &&
		cd .. &&
		test_grep "geen wijkdialoog-werkruimte" err
	'
fi

test_expect_success 'the installed tools find their share/wd from any folder' '
	mkdir elders && cd elders &&
	"$TRASH_DIRECTORY/dest/opt/wd/bin/wd-init" --themes >../out &&
	cd .. &&
	test_grep "^elkaar zien	" out &&
	mkdir ws && cd ws &&
	"$TRASH_DIRECTORY/dest/opt/wd/bin/wd-init" -q &&
	"$TRASH_DIRECTORY/dest/opt/wd/bin/wd-init" -q a --title A \
		--theme "elkaar zien" --start 2027-01-01T10:00 &&
	test_grep "^  discover:" a/dialogue.yaml
'

test_expect_success 'make uninstall removes it all again' '
	make -s -C "$TOP" uninstall O="$TRASH_DIRECTORY/build" PREFIX=/opt/wd \
		DESTDIR="$PWD/dest" &&
	test_must_fail test -e dest/opt/wd/bin/wd-init &&
	test_must_fail test -e dest/opt/wd/share/wd &&
	test_must_fail test -e dest/opt/wd/share/man/man1/wd-init.1 &&
	test_must_fail test -e dest/opt/wd/bin/wd &&
	test_must_fail test -e dest/opt/wd/share/bash-completion/completions/wd &&
	test_must_fail test -e dest/opt/wd/share/zsh/site-functions/_wd &&
	test_must_fail test -e dest/opt/wd/share/locale/nl/LC_MESSAGES/wijkdialoog.mo
'

test_done

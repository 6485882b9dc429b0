#!/bin/sh
test_description='messages follow the locale; reports follow wd.yaml'
. ./test-lib.sh

if ! locale -a 2>/dev/null | grep -qi '^nl_NL.utf-\{0,1\}8$'
then
	test_skip 'Dutch messages' 'no nl_NL.UTF-8 locale (locale-gen it)'
	test_done
fi

test_expect_success 'with LANG=nl_NL.UTF-8 an error is in Dutch' '
	mkdir leeg &&
	(cd leeg && test_expect_code 78 env -u LC_ALL LANG=nl_NL.UTF-8 wd-report check 2>../err) &&
	test_grep "^wd-report: geen wijkdialoog-werkruimte" err &&
	test_grep "^tip: maak er hier een met .wd-init." err
'

test_expect_success 'with LANG=C the same error is in English' '
	(cd leeg && test_expect_code 78 env -u LC_ALL LANG=C wd-report check 2>../err) &&
	test_grep "^wd-report: not a wijkdialoog workspace" err &&
	test_grep "^hint: run .wd-init." err
'

test_expect_success 'LC_ALL and LC_MESSAGES win over LANG, as usual' '
	(cd leeg && test_expect_code 78 env LANG=C LC_ALL=nl_NL.UTF-8 wd-report check 2>../err) &&
	test_grep "geen wijkdialoog-werkruimte" err &&
	(cd leeg && test_expect_code 78 env -u LC_ALL LANG=nl_NL.UTF-8 LC_MESSAGES=C wd-report check 2>../err) &&
	test_grep "not a wijkdialoog workspace" err
'

test_expect_success 'a Dutch locale leaves data and numbers alone' '
	test_example_workspace &&
	env -u LC_ALL LANG=nl_NL.UTF-8 wd-report -C ws summary -d oost --format json >nl.json &&
	wd-report -C ws summary -d oost --format json >c.json &&
	test_cmp c.json nl.json
'

test_expect_success 'reports follow wd.yaml, not the locale' '
	env -u LC_ALL LANG=nl_NL.UTF-8 wd-report -C ws summary -d oost >out &&
	test_grep "^Wanneer:" out &&
	sed -i "s/^language: nl/language: en/" ws/wd.yaml &&
	env -u LC_ALL LANG=nl_NL.UTF-8 wd-report -C ws summary -d oost >out &&
	test_grep "^When:" out
'

# the library tells an ambiguous name by a flag, not by the words of its
# message: in Dutch too, --new-person adds nobody for a name two fit
test_expect_success 'in Dutch, a name two people fit is refused, not added with --new-person' '
	wd-invite -q -C ws add -d oost "Anna Bakker" &&
	test_tree_sum ws >before &&
	test_expect_code 65 env -u LC_ALL LANG=nl_NL.UTF-8 wd-harvest -C ws add \
		-d oost --kind droom --by anna --new-person "Een tuin" 2>err &&
	test_grep "kan .anna-de-vries. of .anna-bakker. zijn in .oost." err &&
	test_expect_code 65 env -u LC_ALL LANG=nl_NL.UTF-8 wd-harvest -C ws add \
		-d oost --kind droom --by anna "Een tuin" 2>err &&
	test_grep -v "^tip:" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'in Dutch, an answer is said in Dutch: antwoordde ja, al ja' '
	env -u LC_ALL LANG=nl_NL.UTF-8 wd-invite -C ws rsvp -d oost fatima yes 2>err &&
	test_grep "(fatima-zahra-el-amrani) antwoordde ja$" err &&
	env -u LC_ALL LANG=nl_NL.UTF-8 wd-invite -C ws rsvp -d oost fatima ja 2>err &&
	test_grep "(fatima-zahra-el-amrani): al ja$" err &&
	env -u LC_ALL LANG=C wd-invite -C ws rsvp -d oost fatima misschien 2>err &&
	test_grep "(fatima-zahra-el-amrani) answered maybe$" err
'

test_done

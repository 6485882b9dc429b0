#!/bin/sh
test_description='share/wd/examples: the workspace, the crontab, the git hook, .gitattributes'
. ./test-lib.sh

EXAMPLES="$SHARE_DIRECTORY/examples"

test_expect_success 'the example workspace checks and indexes clean' '
	test_example_workspace &&
	wd-report -C ws check >out 2>err &&
	test_line_count = 0 out &&
	wd-report -C ws index 2>err &&
	test_line_count = 0 err
'

test_expect_success 'every job of the example crontab runs, quietly' '
	grep -v "^#" "$EXAMPLES/crontab" | grep -v "^[A-Z]*=" | grep -v "^$" |
		cut -f2- >jobs &&
	test_line_count -ge 3 jobs &&
	while read -r job
	do
		WS="$TRASH_DIRECTORY/ws" WD_NOW=2026-12-01T08:00 sh -c "$job" >out 2>err ||
			{ echo "failed: $job"; cat err; return 1; }
		test_line_count = 0 err || return 1
	done <jobs
'

test_expect_success 'the pre-commit hook refuses a commit with problems' '
	test_example_workspace repo &&
	(cd repo && git init -q && cp "$EXAMPLES/pre-commit" .git/hooks/ &&
	 cp "$EXAMPLES/gitattributes" .gitattributes &&
	 git add -A && git commit -q -m start) &&
	sed -i "s/kind: dream/kind: drom/" repo/oost/harvest/table-1.yaml &&
	(cd repo && git add -A && test_must_fail git commit -q -m "kapot" 2>../err) &&
	test_grep "unknown kind .drom." err &&
	sed -i "s/kind: drom/kind: dream/" repo/oost/harvest/table-1.yaml &&
	(cd repo && git add -A && git commit -q -m "heel" --allow-empty)
'

test_expect_success '.gitattributes keeps contact data out of diffs' '
	(cd repo && git add -f oost/contacts.yaml && git commit -q -m contacts &&
	 sed -i "s/anna@example.org/anna@elders.example/" oost/contacts.yaml &&
	 git diff >../diff) &&
	test_grep "Binary files" diff &&
	test_grep -v "anna@" diff
'

test_done

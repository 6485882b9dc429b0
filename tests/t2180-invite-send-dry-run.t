#!/bin/sh
test_description='wd-invite send and remind --dry-run: the plan on stdout, nothing written or sent'
. ./test-lib.sh
. "$TEST_DIRECTORY/lib-invite-send.sh"

cat >sendmail.sh <<EOF
#!/bin/sh
cat >>"$TRASH_DIRECTORY/sent"
EOF
chmod +x sendmail.sh

test_expect_success 'send --dry-run with every kind of delivery writes and sends nothing' '
	invite_workspace ws &&
	test_tree_sum ws >before &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws send --dry-run --mbox ../x.mbox >out1 &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws send --dry-run --maildir ../md >out2 &&
	WD_SENDMAIL="$TRASH_DIRECTORY/sendmail.sh" WD_NOW=2026-11-20T10:00 \
		wd-invite -C ws send --dry-run --sendmail >out3 &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws send --dry-run >out4 &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws send --dry-run --channel letter \
		--out ../brieven >out5 &&
	rm out1 out2 out3 out4 out5 &&
	test_tree_sum ws >after &&
	test_cmp before after &&
	! test -e sent && ! test -e x.mbox && ! test -e md && ! test -e brieven
'

test_expect_success 'the plan: one line per person, on stdout; the count on stderr' '
	WD_NOW=2026-11-20T10:00 wd-invite -C ws send --dry-run >out 2>err &&
	test_line_count = 5 out &&
	test "$(grep -c "^would send an invitation to " out)" = 5 &&
	test_grep "^wd-invite: would send 5 invitations (dry run: nothing sent or written)$" err &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws -q send --dry-run >out 2>err &&
	test_line_count = 5 out &&
	test_line_count = 0 err
'

test_expect_success 'remind --dry-run writes and sends nothing' '
	WD_NOW=2026-11-20T10:00 wd-invite -C ws -q send --mbox ../x.mbox &&
	rm x.mbox &&
	test_tree_sum ws >before &&
	WD_NOW=2026-12-10T10:00 wd-invite -C ws remind --days 3 --dry-run \
		--mbox ../x.mbox >out &&
	test "$(grep -c "^would send a reminder to " out)" = 5 &&
	WD_NOW=2026-12-10T10:00 wd-invite -C ws remind --days 3 --dry-run \
		--channel letter --out ../brieven >out &&
	test "$(grep -c "^would write a reminder letter for " out)" = 1 &&
	test_tree_sum ws >after &&
	test_cmp before after &&
	! test -e x.mbox && ! test -e brieven
'

test_expect_success 'a dry run makes every message: a bad template fails it as it would the real run' '
	mkdir -p ws/templates/nl &&
	printf "Subject: {{titel}}\n\nx\n" >ws/templates/nl/reminder.txt &&
	test_expect_code 65 env WD_NOW=2026-12-10T10:00 wd-invite -C ws remind \
		--days 3 --dry-run 2>err &&
	test_grep "templates/nl/reminder.txt.:1:10: unknown placeholder .{{titel}}." err
'

test_expect_success 'a dry run does not wait for the lock' '
	rm ws/templates/nl/reminder.txt &&
	mkdir -p ws/.wd &&
	flock ws/.wd/lock sh -c "WD_LOCK_TIMEOUT=0 WD_NOW=2026-12-10T10:00 \
		wd-invite -C ws remind --days 3 --dry-run >out" &&
	test_line_count = 5 out &&
	test_expect_code 75 flock ws/.wd/lock sh -c "WD_LOCK_TIMEOUT=0 \
		WD_NOW=2026-12-10T10:00 wd-invite -C ws remind --days 3 --mbox ../y.mbox" &&
	! test -e y.mbox
'

test_done

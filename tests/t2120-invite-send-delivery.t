#!/bin/sh
test_description='wd-invite send: --sendmail, --maildir, mbox quoting; a failing mail command marks nobody'
. ./test-lib.sh
. "$TEST_DIRECTORY/lib-invite-send.sh"

# sendmail.sh [FAIL-AT [EXIT]]: a sendmail that records each call, its
# arguments and the message; call FAIL-AT takes nothing and exits EXIT.
cat >sendmail.sh <<EOF
#!/bin/sh
n=\$(cat "$TRASH_DIRECTORY/calls/count" 2>/dev/null || echo 0)
n=\$((n + 1))
echo \$n >"$TRASH_DIRECTORY/calls/count"
if test "\$n" = "\${FAIL_AT:-0}"; then
	cat >/dev/null
	echo "sendmail: cannot reach the mail server" >&2
	exit \${FAIL_EXIT:-1}
fi
printf '%s\n' "\$*" >"$TRASH_DIRECTORY/calls/\$n.args"
cat >"$TRASH_DIRECTORY/calls/\$n.eml"
EOF
chmod +x sendmail.sh
mkdir bin calls
ln -s "$TRASH_DIRECTORY/sendmail.sh" bin/sendmail

test_expect_success '--sendmail: one call of WD_SENDMAIL per message, the message on its input' '
	invite_workspace ws &&
	WD_SENDMAIL="$TRASH_DIRECTORY/sendmail.sh -t -oi" WD_NOW=2026-11-20T10:00 \
		wd-invite -C ws send --sendmail 2>err &&
	test_grep "^wd-invite: sent 5 invitations ($TRASH_DIRECTORY/sendmail.sh -t -oi)$" err &&
	test "$(ls calls/*.eml | wc -l)" = 5 &&
	for i in 1 2 3 4 5
	do
		test "$(cat calls/$i.args)" = "-t -oi" &&
		test "$(grep -c "^To: " calls/$i.eml)" = 1 &&
		test "$(grep -c "^Message-Id: <invite\." calls/$i.eml)" = 1 || return 1
	done &&
	grep -h "^To: " calls/*.eml >to &&
	test_grep "<ozlem@example.org>" to &&
	test "$(grep -c "sent: 2026-11-20T10:00:00+01:00" ws/oost/people.yaml)" = 5
'

test_expect_success 'without WD_SENDMAIL it is sendmail -t -oi from PATH' '
	rm -f calls/* &&
	PATH="$TRASH_DIRECTORY/bin:$PATH" WD_NOW=2026-11-21T10:00 \
		wd-invite -C ws send --again --sendmail 2>err &&
	test_grep "^wd-invite: sent 5 invitations (sendmail -t -oi)$" err &&
	test "$(ls calls/*.eml | wc -l)" = 5 &&
	test "$(cat calls/1.args)" = "-t -oi"
'

test_expect_success 'a mail command that fails: nobody is marked as sent, exit 69' '
	invite_workspace fail &&
	rm -f calls/* &&
	test_tree_sum fail >before &&
	test_expect_code 69 env FAIL_AT=1 WD_SENDMAIL="$TRASH_DIRECTORY/sendmail.sh" \
		WD_NOW=2026-11-20T10:00 wd-invite -C fail send --sendmail 2>err &&
	test_grep "^sendmail: cannot reach the mail server$" err &&
	test_grep "^wd-invite: cannot send an invitation to .Anna de Vries. (anna-de-vries): .*sendmail.sh. did not take the message (exit 1)$" err &&
	test_grep "^wd-invite: 0 of 5 invitations sent and recorded; nobody else is marked: run it again to send the rest$" err &&
	test_tree_sum fail >after &&
	test_cmp before after &&
	test_grep -v " sent: " fail/oost/people.yaml
'

test_expect_success 'exit 75 from the mail command (try later) is exit 75; a missing one 69' '
	rm -f calls/* &&
	test_expect_code 75 env FAIL_AT=1 FAIL_EXIT=75 \
		WD_SENDMAIL="$TRASH_DIRECTORY/sendmail.sh" WD_NOW=2026-11-20T10:00 \
		wd-invite -C fail send --sendmail 2>err &&
	test_grep "could not send the message now (exit 75): try again later" err &&
	test_expect_code 69 env WD_SENDMAIL="no-such-sendmail -t" \
		WD_NOW=2026-11-20T10:00 wd-invite -C fail send --sendmail 2>err &&
	test_grep "cannot run .no-such-sendmail -t. (exit 127)" err &&
	test_grep "^hint: is a mail transfer agent installed?" err &&
	test_tree_sum fail >after &&
	test_cmp before after
'

test_expect_success 'failing at the third message: the first two are recorded, a rerun sends the rest' '
	rm -f calls/* &&
	test_expect_code 69 env FAIL_AT=3 WD_SENDMAIL="$TRASH_DIRECTORY/sendmail.sh" \
		WD_NOW=2026-11-20T10:00 wd-invite -C fail send --sendmail 2>err &&
	test_grep "cannot send an invitation to .Jan de Vries. (jan-de-vries)" err &&
	test_grep "2 of 5 invitations sent and recorded" err &&
	test "$(grep -c " sent: " fail/oost/people.yaml)" = 2 &&
	WD_SENDMAIL="$TRASH_DIRECTORY/sendmail.sh" WD_NOW=2026-11-20T11:00 \
		wd-invite -C fail send --sendmail 2>err &&
	test_grep "^wd-invite: sent 3 invitations" err &&
	grep -h "^To: " calls/*.eml | sort >to &&
	test "$(wc -l <to)" = 5 &&
	test "$(sort -u to | wc -l)" = 5 &&
	test "$(grep -c " sent: " fail/oost/people.yaml)" = 5
'

test_expect_success '--maildir: one file per message in new/, by way of tmp/' '
	invite_workspace md &&
	WD_NOW=2026-11-20T10:00 wd-invite -C md send --maildir ../Mail 2>err &&
	test_grep "^wd-invite: sent 5 invitations (../Mail)$" err &&
	test "$(ls Mail/new | wc -l)" = 5 &&
	test "$(ls Mail/tmp | wc -l)" = 0 &&
	test -d Mail/cur &&
	python3 - <<-\EOF
	import email.policy, mailbox
	box = mailbox.Maildir("Mail", create=False,
	    factory=lambda f: mailbox.MaildirMessage(f))
	names = sorted(email.message_from_bytes(m.as_bytes(),
	    policy=email.policy.default)["To"].addresses[0].display_name
	    for m in box)
	assert names == sorted(["Anna de Vries", "Özlem Yıldız", "Jan de Vries",
	    "Mohamed Bakkali", "Fatima-Zahra El Amrani"]), names
	EOF
'

test_expect_success 'mbox: lines of a message that start with From get a > (mboxrd)' '
	invite_workspace q &&
	mkdir -p q/templates/nl &&
	printf "Subject: Hallo\n\nFrom the neighbourhood, with love\n>From there\nFromage\n" \
		>q/templates/nl/invite.txt &&
	printf "an old message without a line end" >q.mbox &&
	WD_NOW=2026-11-20T10:00 wd-invite -C q -q send --mbox ../q.mbox anna jan &&
	test "$(grep -c "^From " q.mbox)" = 2 &&
	test "$(grep -c "^>From the neighbourhood, with love$" q.mbox)" = 2 &&
	test "$(grep -c "^>>From there$" q.mbox)" = 2 &&
	test "$(grep -c "^Fromage$" q.mbox)" = 2 &&
	test_grep "^an old message without a line end$" q.mbox &&
	test "$(ls -l q.mbox | cut -c1-10)" = "-rw-r--r--" &&
	WD_NOW=2026-11-20T10:00 wd-invite -C q -q send --mbox ../new.mbox ozlem &&
	test "$(ls -l new.mbox | cut -c1-10)" = "-rw-------"
'

test_done

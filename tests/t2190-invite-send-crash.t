#!/bin/sh
test_description='wd-invite send: kill -9 between delivering and recording'
. ./test-lib.sh
. "$TEST_DIRECTORY/lib-invite-send.sh"

# sendmail.sh: takes each message (a file per call); at call KILL_AT it
# takes the message and then kills wd-invite (WD_PID) with SIGKILL, as a
# crash would: the message is delivered, the record not yet made.
cat >sendmail.sh <<EOF
#!/bin/sh
n=\$(cat "$TRASH_DIRECTORY/calls/count" 2>/dev/null || echo 0)
n=\$((n + 1))
echo \$n >"$TRASH_DIRECTORY/calls/count"
cat >"$TRASH_DIRECTORY/calls/\$n.eml"
if test "\$n" = "\${KILL_AT:-0}"; then
	kill -9 "\$WD_PID"
fi
EOF
chmod +x sendmail.sh
mkdir calls

test_expect_success 'killed right after the third message went out' '
	invite_workspace ws &&
	test_expect_code 137 env WD_SENDMAIL="$TRASH_DIRECTORY/sendmail.sh" \
		KILL_AT=3 WD_NOW=2026-11-20T10:00 \
		sh -c "WD_PID=\$\$; export WD_PID; exec wd-invite -C ws send --sendmail"
'

test_expect_success 'three messages went out, two are recorded: nobody marked without a message' '
	test "$(ls calls/*.eml | wc -l)" = 3 &&
	test "$(grep -c " sent: " ws/oost/people.yaml)" = 2 &&
	for id in $(sed -n "/ sent: /{x;p;d;};/^  - id: /{s/^  - id: //;h;}" ws/oost/people.yaml)
	do
		grep -l "^Message-Id: <invite\.$id\." calls/*.eml >/dev/null || {
			echo "$id is marked as sent, without a message"; return 1
		}
	done &&
	wd-report -C ws check
'

test_expect_success 'the next run sends the rest, the third again with the same Message-ID' '
	WD_SENDMAIL="$TRASH_DIRECTORY/sendmail.sh" WD_NOW=2026-11-20T10:05 \
		wd-invite -C ws send --sendmail 2>err &&
	test_grep "^wd-invite: sent 3 invitations" err &&
	test "$(ls calls/*.eml | wc -l)" = 6 &&
	grep -h "^Message-Id: " calls/*.eml | sort >ids &&
	sort -u ids >unique &&
	test "$(wc -l <unique)" = 5 &&
	uniq -d ids >twice &&
	test "$(wc -l <twice)" = 1 &&
	test "$(grep -c "^To: " calls/3.eml)" = 1 &&
	test "$(grep "^Message-Id: " calls/3.eml)" = "$(cat twice)" &&
	test "$(grep -c " sent: " ws/oost/people.yaml)" = 5
'

test_done

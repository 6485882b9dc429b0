#!/bin/sh
test_description='wd-invite remind: for cron, once, to who said yes or has not answered'
. ./test-lib.sh
. "$TEST_DIRECTORY/lib-invite-send.sh"

# sendmail.sh: records each message in calls/, slowly, so that two runs
# at the same time overlap.
cat >sendmail.sh <<EOF
#!/bin/sh
cat >"$TRASH_DIRECTORY/calls/msg.\$\$"
sleep 0.3
EOF
chmod +x sendmail.sh
mkdir calls

# The five people of invite_workspace and three more, capacity 3:
#   anna yes, ozlem unanswered, jan no, mohamed maybe, fatima yes,
#   bert unanswered, carla yes (the first), dirk yes (the 4th: waiting list);
# all invited on 20 November but carla, who answered by phone first.
remind_workspace() {
	invite_workspace "$1" &&
	sed -i "s/^title: .*/&\ncapacity: 3/" "$1"/oost/dialogue.yaml &&
	WD_NOW=2026-11-01T10:00 wd-invite -C "$1" -q add "Bert Bos" \
		--email bert@example.org --consent contact &&
	WD_NOW=2026-11-01T10:00 wd-invite -C "$1" -q add "Carla Caris" \
		--email carla@example.org --consent contact &&
	WD_NOW=2026-11-01T10:00 wd-invite -C "$1" -q add "Dirk Dekker" \
		--email dirk@example.org --consent contact &&
	WD_NOW=2026-11-19T10:00 wd-invite -C "$1" -q rsvp carla ja &&
	WD_NOW=2026-11-20T10:00 wd-invite -C "$1" -q send --mbox ../invites.mbox \
		anna ozlem jan mohamed fatima bert dirk &&
	WD_NOW=2026-11-21T10:00 wd-invite -C "$1" -q rsvp anna ja &&
	WD_NOW=2026-11-21T11:00 wd-invite -C "$1" -q rsvp jan nee &&
	WD_NOW=2026-11-21T12:00 wd-invite -C "$1" -q rsvp mohamed misschien &&
	WD_NOW=2026-11-21T13:00 wd-invite -C "$1" -q rsvp fatima ja &&
	WD_NOW=2026-11-21T14:00 wd-invite -C "$1" -q rsvp dirk ja &&
	WD_NOW=2026-11-21T15:00 wd-invite -C "$1" list --status waiting --format csv >waiting &&
	test_grep "^dirk-dekker," waiting
}

test_expect_success 'more than 3 days before: remind --days 3 does nothing, and says when it will' '
	remind_workspace ws &&
	test_tree_sum ws >before &&
	WD_NOW=2026-12-08T23:59 wd-invite -C ws remind --days 3 --mbox ../r.mbox 2>err &&
	test_grep "^wd-invite: .oost. is in 4 days: reminders go out from 3 days before (2026-12-09)$" err &&
	WD_NOW=2026-12-11T08:00 wd-invite -C ws remind --days 0 --mbox ../r.mbox 2>err &&
	test_grep "^wd-invite: .oost. is in 1 day: reminders go out from 0 days before (2026-12-12)$" err &&
	! test -e r.mbox &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success '--dry-run 3 days before: who would get one, and why not the others' '
	WD_NOW=2026-12-09T08:00 wd-invite -C ws remind --days 3 --mbox ../r.mbox \
		--dry-run >out &&
	cat >expect <<-\EOF &&
	would send a reminder to '\''Anna de Vries'\'' (anna-de-vries): anna@example.org
	would send a reminder to '\''Özlem Yıldız'\'' (ozlem-yildiz): ozlem@example.org
	not to '\''Jan de Vries'\'' (jan-de-vries): said no
	not to '\''Mohamed Bakkali'\'' (mohamed-bakkali): said maybe
	would send a reminder to '\''Fatima-Zahra El Amrani'\'' (fatima-zahra-el-amrani): fz@example.org
	would send a reminder to '\''Bert Bos'\'' (bert-bos): bert@example.org
	would send a reminder to '\''Carla Caris'\'' (carla-caris): carla@example.org
	not to '\''Dirk Dekker'\'' (dirk-dekker): on the waiting list (number 1): no reminder until a place comes free
	EOF
	test_cmp expect out &&
	! test -e r.mbox
'

test_expect_success 'WD_NOW 3 days before: remind --days 3 sends to exactly the yes and unanswered people' '
	WD_NOW=2026-12-09T08:00 wd-invite -C ws remind --days 3 --mbox ../r.mbox 2>err &&
	test_grep "^wd-invite: sent 5 reminders (../r.mbox)$" err &&
	mbox_headers r.mbox To | sed "s/ <.*//" | sort >got &&
	printf "%s\n" "Anna de Vries" "Bert Bos" "Carla Caris" \
		"Fatima-Zahra El Amrani" "Özlem Yıldız" | sort >expect &&
	test_cmp expect got &&
	mbox_headers r.mbox Subject | sort -u >subjects &&
	echo "Herinnering: Elkaar zien in Oost, zaterdag 12 december 2026, 19.30 uur" >expect &&
	test_cmp expect subjects &&
	test "$(mbox_headers r.mbox Auto-Submitted | sort -u)" = auto-generated &&
	grep -h "Message-Id" r.mbox >ids &&
	test_grep "^Message-Id: <reminder.anna-de-vries.oost.estafette-oost@example.org>$" ids &&
	test "$(grep -c "reminded: 2026-12-09T08:00:00+01:00" ws/oost/people.yaml)" = 5 &&
	wd-report -C ws check
'

test_expect_success 'the reminder says how soon, in the words of the day' '
	python3 - <<-\EOF
	import email, email.policy, mailbox
	box = mailbox.mbox("r.mbox", create=False, factory=lambda f:
	    email.message_from_binary_file(f, policy=email.policy.default))
	for m in box:
	    text = m.get_body(("plain",)).get_content()
	    assert "is\nover 3 dagen." in text, text
	EOF
'

test_expect_success 'a second run sends nothing' '
	cp r.mbox r1.mbox &&
	WD_NOW=2026-12-10T08:00 wd-invite -C ws remind --days 3 --mbox ../r.mbox 2>err &&
	test_grep "^wd-invite: sent 0 reminders (../r.mbox)$" err &&
	test_grep "^wd-invite: 5 people reminded already$" err &&
	cmp r.mbox r1.mbox
'

test_expect_success 'once the dialogue has begun, nothing' '
	WD_NOW=2026-12-12T19:31 wd-invite -C ws remind --days 3 --mbox ../r.mbox 2>err &&
	test_grep "has begun or is cancelled: no reminders" err &&
	cmp r.mbox r1.mbox
'

test_expect_success 'two runs started at the same time send each reminder once' '
	remind_workspace two &&
	rm -f calls/* &&
	(
		WD_LOCK_TIMEOUT=120
		WD_SENDMAIL="$TRASH_DIRECTORY/sendmail.sh"
		WD_NOW=2026-12-09T08:00
		export WD_LOCK_TIMEOUT WD_SENDMAIL WD_NOW
		wd-invite -C two remind --days 3 --sendmail 2>err1 &
		wd-invite -C two remind --days 3 --sendmail 2>err2 &
		wait
	) &&
	cat err1 err2 &&
	test "$(ls calls | wc -l)" = 5 &&
	grep -h "^To: " calls/* | sort >to &&
	test "$(sort -u to | wc -l)" = 5 &&
	cat err1 err2 >err &&
	test_grep "sent 5 reminders" err &&
	test_grep "sent 0 reminders" err &&
	test "$(grep -c "reminded: " two/oost/people.yaml)" = 5
'

test_expect_success 'reminders by letter, to those with an address' '
	remind_workspace brief &&
	WD_NOW=2026-12-10T08:00 wd-invite -C brief remind --days 3 --channel letter \
		--out ../herinneringen 2>err &&
	test_grep "^wd-invite: wrote 1 reminder letter in ../herinneringen: print it and take it round$" err &&
	ls herinneringen >files &&
	echo ozlem-yildiz-reminder.html >expect &&
	test_cmp expect files &&
	test_grep "overmorgen" herinneringen/ozlem-yildiz-reminder.html &&
	test_grep "zaterdag 12 december 2026" herinneringen/ozlem-yildiz-reminder.html &&
	test "$(grep -c "reminded: " brief/oost/people.yaml)" = 1
'

test_done

#!/bin/sh
test_description='wd-invite send --mbox: MIME messages that a real parser reads, with the calendar'
. ./test-lib.sh
. "$TEST_DIRECTORY/lib-invite-send.sh"

test_expect_success 'send --mbox to 5 people, among them Özlem Yıldız' '
	invite_workspace ws &&
	cp ws/oost/people.yaml before.yaml &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws send --mbox ../out.mbox 2>err &&
	test_grep "^wd-invite: sent 5 invitations (../out.mbox)$" err &&
	test "$(grep -c "^From buurtteam@example.org Fri Nov 20 09:00:00 2026$" out.mbox)" = 5
'

test_expect_success 'Python reads 5 messages: exact names, a text part and a calendar part' '
	need_icalendar &&
	"$PY" - out.mbox <<-\EOF
	import datetime, email, email.policy, mailbox, sys
	from icalendar import Calendar
	box = mailbox.mbox(sys.argv[1], create=False, factory=lambda f:
	    email.message_from_binary_file(f, policy=email.policy.default))
	msgs = list(box)
	assert len(msgs) == 5, len(msgs)
	names = [m["To"].addresses[0].display_name for m in msgs]
	assert names == ["Anna de Vries", "Özlem Yıldız", "Jan de Vries",
	                 "Mohamed Bakkali", "Fatima-Zahra El Amrani"], names
	ids = set()
	for m in msgs:
	    assert len(m["To"].addresses) == 1
	    assert m["From"].addresses[0].display_name == "Buurtteam Oost"
	    assert m["From"].addresses[0].addr_spec == "buurtteam@example.org"
	    assert m["Subject"] == "Uitnodiging: Elkaar zien in Oost, zaterdag 12 december 2026", m["Subject"]
	    assert m["Date"].datetime == datetime.datetime(2026, 11, 20, 10, 0,
	        tzinfo=datetime.timezone(datetime.timedelta(hours=1))), m["Date"]
	    ids.add(m["Message-ID"])
	    parts = [p for p in m.walk() if not p.is_multipart()]
	    types = [p.get_content_type() for p in parts]
	    assert types == ["text/plain", "text/calendar"], types
	    text, cal = parts
	    assert text.get_content_charset() == "utf-8"
	    body = text.get_content()
	    assert body.startswith("Beste %s,\n" % m["To"].addresses[0].display_name), body
	    assert "zaterdag 12 december 2026, 19.30 uur tot 21.30 uur" in body
	    assert cal.get_param("method") == "REQUEST"
	    c = Calendar.from_ical(cal.get_content())
	    assert str(c["METHOD"]) == "REQUEST"
	    ev = c.walk("VEVENT")[0]
	    start = ev["DTSTART"].dt
	    assert str(start.tzinfo) == "Europe/Amsterdam", start.tzinfo
	    assert start.replace(tzinfo=None) == datetime.datetime(2026, 12, 12, 19, 30)
	    assert start.utcoffset() == datetime.timedelta(hours=1)
	    assert ev["DTSTART"].params["TZID"] == "Europe/Amsterdam"
	    assert ev["DTEND"].dt.replace(tzinfo=None) == datetime.datetime(2026, 12, 12, 21, 30)
	    assert [z["TZID"] for z in c.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
	    assert str(ev["UID"]) == "oost@estafette-oost.wijkdialoog"
	    assert str(ev["SUMMARY"]) == "Elkaar zien in Oost"
	    assert str(ev["DESCRIPTION"]) == "Hoe zien we elkaar in Oost?"
	    assert str(ev["LOCATION"]) == "Buurthuis De Boog, Kanaalstraat 12, Utrecht-Oost"
	    assert str(ev["ORGANIZER"]) == "mailto:buurtteam@example.org"
	    att = ev["ATTENDEE"]
	    assert str(att) == "mailto:" + m["To"].addresses[0].addr_spec, att
	    assert att.params["CN"] == m["To"].addresses[0].display_name
	assert len(ids) == 5, ids
	assert "<invite.ozlem-yildiz.oost.estafette-oost@example.org>" in ids, ids
	EOF
'

test_expect_success 'the names go into the headers RFC 2047-encoded, in UTF-8' '
	test_grep "^To: =?UTF-8?b?w5Z6bGVtIFnEsWxkxLF6?= <ozlem@example.org>$" out.mbox &&
	test_grep -v "^To: .*Ö" out.mbox
'

test_expect_success 'what went out is recorded per person, format-preserving' '
	diff before.yaml ws/oost/people.yaml >d || true &&
	test "$(grep -c "^> *invitation:$" d)" = 5 &&
	test "$(grep -c "^>       channel: email$" d)" = 5 &&
	test "$(grep -c "^>       sent: 2026-11-20T10:00:00+01:00$" d)" = 5 &&
	test "$(grep -c "^<" d)" = 0 &&
	wd-invite -C ws list --status invited --format csv >list &&
	test_line_count = 6 list &&
	wd-report -C ws check
'

test_expect_success 'send again sends 0 messages' '
	cp out.mbox out1.mbox &&
	WD_NOW=2026-11-21T10:00 wd-invite -C ws send --mbox ../out.mbox 2>err &&
	test_grep "^wd-invite: sent 0 invitations (../out.mbox)$" err &&
	test_grep "^wd-invite: 5 people invited already (--again sends to them again)$" err &&
	cmp out1.mbox out.mbox &&
	test "$(mbox_count out.mbox)" = 5
'

test_expect_success '--again sends 5, each with a Message-ID of its own' '
	WD_NOW=2026-11-21T10:00 wd-invite -C ws send --again --mbox ../out.mbox 2>err &&
	test_grep "^wd-invite: sent 5 invitations (../out.mbox)$" err &&
	test "$(mbox_count out.mbox)" = 10 &&
	mbox_headers out.mbox Message-ID >ids &&
	test "$(sort -u ids | wc -l)" = 10 &&
	test "$(grep -c "sent: 2026-11-21T10:00:00+01:00" ws/oost/people.yaml)" = 5
'

test_expect_success 'naming people sends to them only; who was invited is skipped unless --again' '
	invite_workspace ws2 &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws2 send --mbox ../two.mbox ozlem "jan de vries" 2>err &&
	test "$(mbox_count two.mbox)" = 2 &&
	mbox_headers two.mbox To >to &&
	printf "%s\n" "Özlem Yıldız <ozlem@example.org>" "Jan de Vries <j.devries@example.org>" >expect &&
	test_cmp expect to &&
	WD_NOW=2026-11-20T11:00 wd-invite -C ws2 -v send --mbox ../two.mbox ozlem 2>err &&
	test_grep "not to .Özlem Yıldız. (ozlem-yildiz): invited already, at 2026-11-20T10:00:00+01:00" err &&
	test "$(mbox_count two.mbox)" = 2 &&
	WD_NOW=2026-11-20T12:00 wd-invite -C ws2 send --mbox ../two.mbox --pending 2>err &&
	test "$(mbox_count two.mbox)" = 5
'

# script(1) from util-linux gives the command a terminal
if script -qec true /dev/null </dev/null >/dev/null 2>&1
then
	test_expect_success 'on a terminal, send shows its progress, ending at all messages' '
		WD_PROGRESS_DELAY=0 WD_NOW=2026-11-22T10:00 script -qec \
			"wd-invite -C ws send --again --mbox ../tty.mbox" /dev/null \
			</dev/null >tty.raw &&
		tr -d "\r" <tty.raw >tty.out &&
		test_grep "wd-invite: sending 5 of 5 messages$" tty.out &&
		test_grep "^wd-invite: sent 5 invitations (../tty.mbox)$" tty.out &&
		test "$(mbox_count tty.mbox)" = 5 &&
		WD_PROGRESS_DELAY=0 WD_NOW=2026-11-23T10:00 wd-invite -C ws send \
			--again --mbox ../tty.mbox 2>err &&
		test_grep -v "sending" err &&
		WD_PROGRESS_DELAY=0 WD_NOW=2026-11-24T10:00 script -qec \
			"wd-invite -C ws --no-progress send --again --mbox ../tty.mbox" \
			/dev/null </dev/null >tty.raw &&
		test_grep -v "sending" tty.raw &&
		test "$(mbox_count tty.mbox)" = 15
	'
else
	test_skip 'progress on a terminal' 'no script(1) from util-linux'
fi

test_done

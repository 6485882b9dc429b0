#!/bin/sh
test_description='wd-invite ics: the dialogue as an RFC 5545 calendar'
. ./test-lib.sh
. "$TEST_DIRECTORY/lib-invite-send.sh"

test_expect_success 'ics prints the dialogue: METHOD:REQUEST, VTIMEZONE, a VEVENT' '
	need_icalendar &&
	invite_workspace ws &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws ics >oost.ics &&
	test_grep "^BEGIN:VCALENDAR.$" oost.ics &&
	test "$(grep -c "$(printf "\r")\$" oost.ics)" = "$(wc -l <oost.ics)" &&
	test_grep "^METHOD:REQUEST.$" oost.ics &&
	test_grep "^DTSTART;TZID=Europe/Amsterdam:20261212T193000.$" oost.ics &&
	test_grep "^DTEND;TZID=Europe/Amsterdam:20261212T213000.$" oost.ics &&
	test_grep -v "^ATTENDEE" oost.ics &&
	"$PY" - oost.ics <<-\EOF
	import datetime, sys
	from icalendar import Calendar
	c = Calendar.from_ical(open(sys.argv[1], "rb").read())
	assert str(c["VERSION"]) == "2.0" and str(c["METHOD"]) == "REQUEST"
	tz = c.walk("VTIMEZONE")
	assert len(tz) == 1 and str(tz[0]["TZID"]) == "Europe/Amsterdam"
	assert {s.name for s in tz[0].subcomponents} == {"STANDARD", "DAYLIGHT"}
	ev = c.walk("VEVENT")
	assert len(ev) == 1
	ev = ev[0]
	start, end = ev["DTSTART"].dt, ev["DTEND"].dt
	assert str(start.tzinfo) == "Europe/Amsterdam"
	assert start.astimezone(datetime.timezone.utc) == datetime.datetime(
	    2026, 12, 12, 18, 30, tzinfo=datetime.timezone.utc), start
	assert end - start == datetime.timedelta(hours=2)
	assert str(ev["UID"]) == "oost@estafette-oost.wijkdialoog"
	assert str(ev["SUMMARY"]) == "Elkaar zien in Oost"
	assert str(ev["DESCRIPTION"]) == "Hoe zien we elkaar in Oost?"
	assert str(ev["LOCATION"]) == "Buurthuis De Boog, Kanaalstraat 12, Utrecht-Oost"
	assert str(ev["ORGANIZER"]) == "mailto:buurtteam@example.org"
	assert ev["ORGANIZER"].params["CN"] == "Buurtteam Oost"
	assert ev["DTSTAMP"].dt == datetime.datetime(2026, 11, 20, 9, 0,
	    tzinfo=datetime.timezone.utc), ev["DTSTAMP"].dt
	assert str(ev["STATUS"]) == "CONFIRMED"
	assert "ATTENDEE" not in ev
	EOF
'

test_expect_success 'the UID stays; the SEQUENCE grows with time' '
	WD_NOW=2026-11-25T10:00 wd-invite -C ws ics >later.ics &&
	test "$(grep "^UID:" oost.ics)" = "$(grep "^UID:" later.ics)" &&
	s1=$(sed -n "s/^SEQUENCE:\([0-9]*\).*/\1/p" oost.ics) &&
	s2=$(sed -n "s/^SEQUENCE:\([0-9]*\).*/\1/p" later.ics) &&
	test "$s2" -gt "$s1"
'

test_expect_success 'ics PERSON has an ATTENDEE for them' '
	WD_NOW=2026-11-20T10:00 wd-invite -C ws ics "ozlem yildiz" >ozlem.ics &&
	"$PY" - ozlem.ics <<-\EOF
	import sys
	from icalendar import Calendar
	ev = Calendar.from_ical(open(sys.argv[1], "rb").read()).walk("VEVENT")[0]
	att = ev["ATTENDEE"]
	assert str(att) == "mailto:ozlem@example.org", att
	assert att.params["CN"] == "Özlem Yıldız"
	assert att.params["RSVP"] == "TRUE" and att.params["PARTSTAT"] == "NEEDS-ACTION"
	EOF
'

test_expect_success 'a summer date is +02:00; in a workspace in UTC the times are UTC, with no VTIMEZONE' '
	wd-init -C ws -q zomer --title Zomer --theme t --start 2027-06-05T14:00 &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws ics -d zomer >zomer.ics &&
	"$PY" - zomer.ics <<-\EOF &&
	import datetime, sys
	from icalendar import Calendar
	ev = Calendar.from_ical(open(sys.argv[1], "rb").read()).walk("VEVENT")[0]
	assert ev["DTSTART"].dt.utcoffset() == datetime.timedelta(hours=2)
	assert ev["DTSTART"].dt.hour == 14
	EOF
	sed -i "s|^timezone: .*|timezone: UTC|" ws/wd.yaml &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws ics -d oost >utc.ics &&
	test_grep "^DTSTART:20261212T193000Z.$" utc.ics &&
	test_grep -v "VTIMEZONE" utc.ics
'

test_expect_success 'line breaks, commas, semicolons and backslashes in the question are escaped' '
	sed -i "s|^timezone: .*|timezone: Europe/Amsterdam|" ws/wd.yaml &&
	sed -i "s/^question: .*/question: \"Regel 1\\\\nRegel 2; met, tekens\\\\\\\\\"/" ws/oost/dialogue.yaml &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws ics -d oost >q.ics &&
	"$PY" - q.ics <<-\EOF
	import sys
	from icalendar import Calendar
	ev = Calendar.from_ical(open(sys.argv[1], "rb").read()).walk("VEVENT")[0]
	assert str(ev["DESCRIPTION"]) == "Regel 1\nRegel 2; met, tekens\\", repr(ev["DESCRIPTION"])
	EOF
'

test_expect_success 'ics of someone who is not there' '
	test_expect_code 65 wd-invite -C ws ics -d oost kees 2>err &&
	test_grep "no person .kees." err
'

test_done

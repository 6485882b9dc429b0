#!/bin/sh
test_description='wd-invite send: templates, the workspace'\''s own, and their errors'
. ./test-lib.sh
. "$TEST_DIRECTORY/lib-invite-send.sh"

TEMPLATES="$SHARE_DIRECTORY/templates"
MAN="$TEST_DIRECTORY/../man/wd-invite.1"

test_expect_success 'every template comes in Dutch and English' '
	(cd "$TEMPLATES" && ls nl) >nl &&
	(cd "$TEMPLATES" && ls en) >en &&
	test_cmp nl en &&
	printf "%s\n" invite.txt letter.html reminder-letter.html reminder.txt >expect &&
	test_cmp expect nl
'

test_expect_success 'every placeholder of the templates is documented in wd-invite(1)' '
	cat "$TEMPLATES"/*/* | grep -o "{{[a-z_]*}}" | tr -d "{}" | sort -u >used &&
	sed -n "/^\.Ss Templates/,/^\.Ss Delivery/p" "$MAN" >section &&
	while read -r p
	do
		grep -q "^\.It Ic .*\b$p\b" section || { echo "undocumented: $p"; return 1; }
	done <used
'

test_expect_success 'the English templates for a person whose language is en' '
	invite_workspace ws &&
	WD_NOW=2026-11-01T10:00 wd-invite -C ws -q add "Emma Evans" --lang en \
		--email emma@example.org --consent contact &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws -q send --mbox ../en.mbox emma anna &&
	mbox_headers en.mbox Subject >subjects &&
	cat >expect <<-\EOF &&
	Uitnodiging: Elkaar zien in Oost, zaterdag 12 december 2026
	Invitation: Elkaar zien in Oost, Saturday 12 December 2026
	EOF
	test_cmp expect subjects &&
	WD_NOW=2026-12-11T10:00 wd-invite -C ws -q remind --days 1 --mbox ../en.mbox &&
	mbox_headers en.mbox Subject | tail -n 2 >subjects &&
	cat >expect <<-\EOF &&
	Herinnering: Elkaar zien in Oost, zaterdag 12 december 2026, 19.30 uur
	Reminder: Elkaar zien in Oost, Saturday 12 December 2026, 19:30
	EOF
	test_cmp expect subjects &&
	python3 - <<-\EOF
	import email, email.policy, mailbox
	box = list(mailbox.mbox("en.mbox", create=False, factory=lambda f:
	    email.message_from_binary_file(f, policy=email.policy.default)))
	text = box[3].get_body(("plain",)).get_content()
	assert text.startswith("Dear Emma Evans,\n"), text
	assert "is\ntomorrow." in text, text
	EOF
'

test_expect_success 'a template in the workspace goes before the shared one' '
	mkdir -p ws/templates/nl &&
	cat >ws/templates/nl/invite.txt <<-\EOF &&
	# Onze eigen uitnodiging
	Subject: Kom je ook, {{name}}?

	Hoi {{name}}, op {{date}} om {{time}} in {{venue}}.
	Groet, {{sender}} ({{sender_email}})
	EOF
	WD_NOW=2026-11-20T10:00 wd-invite -C ws -q send --mbox ../own.mbox jan ozlem &&
	mbox_headers own.mbox Subject >subjects &&
	printf "%s\n" "Kom je ook, Özlem Yıldız?" "Kom je ook, Jan de Vries?" >expect &&
	test_cmp expect subjects &&
	test_grep "^Subject: Kom je ook, Jan de Vries?$" own.mbox &&
	test_grep "^Subject: Kom je ook, =?UTF-8?[bB]?[A-Za-z0-9+/=]*?=$" own.mbox &&
	test_grep -v "^Subject: .*Ö" own.mbox &&
	python3 - <<-\EOF
	import email, email.policy, mailbox
	m = list(mailbox.mbox("own.mbox", create=False, factory=lambda f:
	    email.message_from_binary_file(f, policy=email.policy.default)))[1]
	text = m.get_body(("plain",)).get_content()
	assert text == "Hoi Jan de Vries, op zaterdag 12 december 2026 om 19.30 uur in Buurthuis De Boog, Kanaalstraat 12.\nGroet, Buurtteam Oost (buurtteam@example.org)\n", repr(text)
	EOF
'

test_expect_success 'an unknown placeholder is an error naming the file, line and column; nothing goes out' '
	cat >ws/templates/nl/invite.txt <<-\EOF &&
	# Onze eigen uitnodiging
	Subject: Kom je ook, {{name}}?

	Hoi {{name}},

	tot {{datum}}!
	EOF
	test_tree_sum ws >before &&
	test_expect_code 65 env WD_NOW=2026-11-20T10:00 wd-invite -C ws send \
		--mbox ../bad.mbox 2>err &&
	echo "wd-invite: '\''templates/nl/invite.txt'\'':6:5: unknown placeholder '\''{{datum}}'\'' (did you mean '\''{{date}}'\''?)" >expect &&
	test_cmp expect err &&
	(cd ws/oost && test_expect_code 65 env WD_NOW=2026-11-20T10:00 \
		wd-invite send --mbox ../../bad.mbox 2>../../err) &&
	test_grep "^wd-invite: .../templates/nl/invite.txt.:6:5: unknown placeholder" err &&
	! test -e bad.mbox &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'in the subject too, and in a letter' '
	printf "Subject: Hoi {{nmae}}\n\nx\n" >ws/templates/nl/invite.txt &&
	test_expect_code 65 env WD_NOW=2026-11-20T10:00 wd-invite -C ws send \
		--mbox ../bad.mbox 2>err &&
	test_grep "templates/nl/invite.txt.:1:14: unknown placeholder .{{nmae}}. (did you mean .{{name}}.?)" err &&
	printf "<p>{{style}}</p>\n<p>{{adres}}</p>\n" >ws/templates/nl/letter.html &&
	test_expect_code 65 env WD_NOW=2026-11-20T10:00 wd-invite -C ws send \
		--again --channel letter --out ../bad 2>err &&
	test_grep "templates/nl/letter.html.:2:4: unknown placeholder .{{adres}}. (did you mean .{{address}}.?)" err &&
	! test -e bad
'

test_expect_success '{{style}} is for letters only' '
	printf "Subject: Hoi\n\n{{style}}\n" >ws/templates/nl/invite.txt &&
	test_expect_code 65 env WD_NOW=2026-11-20T10:00 wd-invite -C ws send \
		--mbox ../bad.mbox 2>err &&
	test_grep "unknown placeholder .{{style}}." err
'

test_expect_success 'a mail template without a subject, or not in UTF-8' '
	printf "# alleen tekst\nHoi {{name}}\n" >ws/templates/nl/invite.txt &&
	test_expect_code 65 env WD_NOW=2026-11-20T10:00 wd-invite -C ws send \
		--mbox ../bad.mbox 2>err &&
	test_grep "invite.txt.:2:1: a mail template starts with a line .Subject: .... (after .#. comment lines)" err &&
	printf "Subject: Hoi\n\nBeste \351\n" >ws/templates/nl/invite.txt &&
	test_expect_code 65 env WD_NOW=2026-11-20T10:00 wd-invite -C ws send \
		--mbox ../bad.mbox 2>err &&
	test_grep "invite.txt.:3:7: not UTF-8" err &&
	! test -e bad.mbox
'

test_expect_success 'a template with CRLF line ends reads as with LF' '
	printf "Subject: Hoi {{name}}\r\n\r\nBeste {{name}},\r\ntot dan.\r\n" \
		>ws/templates/nl/invite.txt &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws -q send --again --mbox ../crlf.mbox jan &&
	test "$(mbox_headers crlf.mbox Subject)" = "Hoi Jan de Vries" &&
	test_grep -v "=0D" crlf.mbox
'

test_done

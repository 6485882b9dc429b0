#!/bin/sh
test_description='wd-invite send: no header injection through names, subjects or settings'
. ./test-lib.sh
. "$TEST_DIRECTORY/lib-invite-send.sh"

# The header lines of every message in an mbox (up to its first empty line).
headers() {
	awk '/^From / { h = 1; next } /^$/ { h = 0 } h' "$1"
}

test_expect_success 'a person named "Evil\r\nBcc: x@example.org" by add or import: refused' '
	invite_workspace ws &&
	test_tree_sum ws >before &&
	test_expect_code 64 wd-invite -C ws add "$(printf "Evil\r\nBcc: x@example.org")" \
		--email evil@example.org --consent contact 2>err &&
	test_grep "the name is not one line of text" err &&
	printf "name,email,consent_contact\n\"Evil\r\nBcc: x@example.org\",evil@example.org,ja\n" \
		>evil.csv &&
	test_expect_code 65 wd-invite -C ws import ../evil.csv 2>err &&
	test_grep "evil.csv.:2:1: a name is one line of text" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

test_expect_success 'a person named "Evil\r\nBcc: x@example.org" in people.yaml: refused, nothing sent' '
	invite_workspace ws &&
	cat >>ws/oost/people.yaml <<-\EOF &&
	  - id: evil
	    name: "Evil\r\nBcc: x@example.org"
	    consent:
	      contact: 2026-11-01
	EOF
	printf "  evil:\n    email: evil@example.org\n" >>ws/oost/contacts.yaml &&
	test_expect_code 65 env WD_NOW=2026-11-20T10:00 wd-invite -C ws send \
		--mbox ../evil.mbox 2>err &&
	test_grep "people.yaml.:[0-9]*:[0-9]*: .name. should be one line" err &&
	! test -e evil.mbox
'

test_expect_success 'control characters that get through (tab, NEL, LS, a CR/LF venue in the subject) make no header' '
	invite_workspace ws &&
	cat >>ws/oost/people.yaml <<-\EOF &&
	  - id: evil
	    name: "Evil\tBcc: y@example.org"
	    consent:
	      contact: 2026-11-01
	  - id: nel
	    name: "Nel\NBcc: z@example.org\LCc: w@example.org"
	    consent:
	      contact: 2026-11-01
	EOF
	printf "  evil:\n    email: evil@example.org\n  nel:\n    email: nel@example.org\n" \
		>>ws/oost/contacts.yaml &&
	sed -i "s/^venue: .*/venue: \"De Boog\\\\r\\\\nBcc: x@example.org\\\\n\\\\nHallo\"/" \
		ws/oost/dialogue.yaml &&
	grep "^venue: \"De Boog\\\\r\\\\nBcc: x@example.org\\\\n\\\\nHallo\"$" ws/oost/dialogue.yaml &&
	mkdir -p ws/templates/nl &&
	printf "Subject: {{venue}} / {{name}}\n\nBeste {{name}},\n" >ws/templates/nl/invite.txt &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws -q send --mbox ../evil.mbox evil nel anna &&
	headers evil.mbox >h &&
	test_grep -v "^Bcc" h &&
	test_grep -v "^Cc" h &&
	test_grep -v "^Hallo" h &&
	test "$(grep -c "^To: " h)" = 3 &&
	test_grep "^To: \"Evil Bcc: y@example.org\" <evil@example.org>$" h &&
	python3 - <<-\EOF
	import email, email.policy, mailbox
	box = mailbox.mbox("evil.mbox", create=False, factory=lambda f:
	    email.message_from_binary_file(f, policy=email.policy.default))
	msgs = list(box)
	assert len(msgs) == 3
	for m in msgs:
	    assert sorted(m.keys()) == ["Content-Type", "Date", "From",
	        "MIME-Version", "Message-Id", "Subject", "To"], m.keys()
	    assert m["Bcc"] is None and m["Cc"] is None
	    assert len(m["To"].addresses) == 1, m["To"]
	    assert "\n" not in str(m["Subject"]) and "\r" not in str(m["Subject"])
	    assert str(m["Subject"]).startswith("De Boog  Bcc: x@example.org  Hallo / ")
	names = [m["To"].addresses[0].display_name for m in msgs]
	assert names == ["Anna de Vries", "Evil Bcc: y@example.org",
	                 "Nel Bcc: z@example.org Cc: w@example.org"], names
	EOF
'

test_expect_success 'a sender name from wd.yaml is encoded like any other' '
	sed -i "s/^  name: Buurtteam Oost$/  name: \"Buurtteam Oost-Zuid \\\\u00e9\\\\tBcc: q@example.org\"/" ws/wd.yaml &&
	grep "Oost-Zuid" ws/wd.yaml &&
	WD_NOW=2026-11-20T10:00 wd-invite -C ws -q send --again --mbox ../sender.mbox anna &&
	headers sender.mbox >h &&
	test_grep -v "^Bcc" h &&
	test "$(mbox_headers sender.mbox From)" = "\"Buurtteam Oost-Zuid é Bcc: q@example.org\" <buurtteam@example.org>"
'

test_done

# lib-invite-send.sh - what the tests of wd-invite send, remind and ics share
#
# Source it after test-lib.sh.

# invite_workspace DIR: a workspace "Estafette Oost" with a sender, and the
# dialogue 'oost' on Saturday 12 December 2026, 19:30-21:30 in
# Europe/Amsterdam, with five people who consented to be contacted and
# have an e-mail address.
invite_workspace() {
	rm -rf "$1" && mkdir "$1" && (
		cd "$1" &&
		wd-init -q --name "Estafette Oost" --organisation "Buurtteam Oost" &&
		printf 'sender:\n  name: Buurtteam Oost\n  email: buurtteam@example.org\n' >>wd.yaml &&
		wd-init -q oost --title "Elkaar zien in Oost" --theme "elkaar zien" \
			--place Utrecht-Oost --venue "Buurthuis De Boog, Kanaalstraat 12" \
			--start 2026-12-12T19:30 --end 2026-12-12T21:30 \
			--question "Hoe zien we elkaar in Oost?" \
			--host "Anna de Vries" &&
		WD_NOW=2026-11-01T10:00 wd-invite -q add "Anna de Vries" \
			--email anna@example.org --consent contact &&
		WD_NOW=2026-11-01T10:00 wd-invite -q add "Özlem Yıldız" \
			--email ozlem@example.org --consent contact \
			--address "Kanaalstraat 40, 3531 CJ Utrecht" &&
		WD_NOW=2026-11-01T10:00 wd-invite -q add "Jan de Vries" \
			--email j.devries@example.org --consent contact &&
		WD_NOW=2026-11-01T10:00 wd-invite -q add "Mohamed Bakkali" \
			--email mohamed@example.org --consent contact &&
		WD_NOW=2026-11-01T10:00 wd-invite -q add "Fatima-Zahra El Amrani" \
			--email fz@example.org --consent contact
	)
}

# A Python 3 that has python3-icalendar (the system one, when the first
# python3 on PATH is another).
PY=
for p in python3 /usr/bin/python3; do
	if command -v "$p" >/dev/null 2>&1 &&
		"$p" -c 'import icalendar' 2>/dev/null; then
		PY=$p
		break
	fi
done

# Fail with a clear message when python3-icalendar is missing.
need_icalendar() {
	test -n "$PY" || {
		echo >&2 "python3-icalendar is not installed (.ci/deps installs it)"
		return 1
	}
}

# mbox_count FILE: how many messages Python's mailbox module reads.
mbox_count() {
	python3 - "$1" <<-\EOF
	import mailbox, sys
	print(len(mailbox.mbox(sys.argv[1], create=False)))
	EOF
}

# mbox_headers FILE HEADER: that header of each message, decoded, a line each.
mbox_headers() {
	python3 - "$1" "$2" <<-\EOF
	import email, email.policy, mailbox, sys
	box = mailbox.mbox(sys.argv[1], create=False, factory=lambda f:
	    email.message_from_binary_file(f, policy=email.policy.default))
	for m in box:
	    print(m[sys.argv[2]])
	EOF
}

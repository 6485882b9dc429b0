#!/bin/sh
test_description='writers of every binary, send, and a cron remind and index at once: nothing lost, nothing twice, exit 0 or 75'
#
# For WD_CONCURRENCY_SECONDS (15) per phase, on one workspace at once:
#   - wd-init making new dialogues, each handed on from 'oost' (so all
#     of them change oost/dialogue.yaml),
#   - wd-invite add putting new people on the list of 'oost' (people.yaml
#     and contacts.yaml), with an e-mail address and consent,
#   - wd-invite rsvp changing the answers of the five people of 'oost',
#   - wd-invite send, as someone at the keyboard, inviting whoever is new,
#   - a cron-style wd-invite remind --days 5, into the same mbox,
#   - two wd-harvest add loops writing to the same harvest file,
#   - a wd-harvest set loop following one action up,
#   - a big wd-harvest import now and then (it holds the lock a while),
#   - and a cron-style wd-report index loop.
# Phase 1 runs with a lock wait far longer than anything holds the lock
# (WD_LOCK_TIMEOUT=120): only exit 0 is expected.  Phase 2 sets
# WD_LOCK_TIMEOUT=1 and adds a holder of the workspace lock for 1.5 s now
# and then (as a slow writer on a slow disk would): exit 75 must then
# happen, and must mean "nothing done".  Every command logs what it
# tried and its exit code; afterwards each success is in the files
# exactly once, each 75 not at all, each person's answer is the last one
# given, nobody got a message twice or was marked without one, every
# file checks and the index agrees with the files.
#
# Adding a command: one more writer function logging "KIND KEY... EXIT",
# started in run_phase, and its check in 'nothing lost, nothing twice'.
. ./test-lib.sh

SECONDS_PER_PHASE=${WD_CONCURRENCY_SECONDS:-15}
# days before 'oost' (2026-12-12): send sends, remind --days 5 reminds
WD_USER=tester WD_NOW=2026-12-10T09:00
export WD_USER WD_NOW

test_expect_success 'setup' '
	test_example_workspace &&
	wd-report -q -C ws index &&
	awk "BEGIN { print \"soort;tekst\"; for (i = 1; i <= 3000; i++) print \"idee;Groot \" i }" >ws/big.csv &&
	: >log
'

# each loop: until time is up, one command at a time, logged
init_writer() {	# PHASE
	k=0
	while test "$(date +%s)" -lt "$end"
	do
		k=$((k + 1))
		wd-init -q -C ws "c$1-$k" --title "C $1 $k" --theme t \
			--start 2027-03-01T10:00 --from oost 2>>err.init
		echo "init c$1-$k $?" >>log.init.$1
	done
}

invite_writer() {	# PHASE: new people, each with an address and consent
	k=0
	while test "$(date +%s)" -lt "$end"
	do
		k=$((k + 1))
		wd-invite -q -C ws add -d oost "Nieuw $1 $k" --email "n$1-$k@example.org" \
			--consent contact 2>>err.invite
		echo "invite nieuw-$1-$k $?" >>log.invite.$1
	done
}

rsvp_writer() {	# PHASE: the five people of oost, yes, maybe and no in turn
	ph=$1 k=0
	while test "$(date +%s)" -lt "$end"
	do
		k=$((k + 1))
		set -- anna-de-vries mohamed-bakkali ozlem-yildiz jan-de-vries \
			fatima-zahra-el-amrani
		shift $((k % 5))
		p=$1
		set -- yes maybe no
		shift $((k % 3))
		wd-invite -q -C ws rsvp -d oost $p $1 2>>err.rsvp
		echo "rsvp $p $1 $?" >>log.rsvp.$ph
	done
}

send_writer() {	# PHASE: someone at the keyboard, inviting who is new
	while test "$(date +%s)" -lt "$end"
	do
		wd-invite -q -C ws send -d oost --mbox ../box 2>>err.send
		echo "send - $?" >>log.send.$1
		sleep 0.3
	done
}

remind_cron() {	# PHASE
	while test "$(date +%s)" -lt "$end"
	do
		wd-invite -q -C ws remind -d oost --days 5 --mbox ../box 2>>err.remind
		echo "remind - $?" >>log.remind.$1
		sleep 0.2
	done
}

add_writer() {	# PHASE WHO
	k=0
	while test "$(date +%s)" -lt "$end"
	do
		k=$((k + 1))
		wd-harvest -q -C ws add -d oost --source drukte --kind droom \
			"Droom $1 $2 $k" 2>>err.add
		echo "add $1-$2-$k $?" >>log.add$2.$1
	done
}

set_writer() {	# PHASE
	k=0
	while test "$(date +%s)" -lt "$end"
	do
		k=$((k + 1))
		wd-harvest -q -C ws set r2h6j9s -d oost --note "Set $1 $k" 2>>err.set
		echo "set $1-$k $?" >>log.set.$1
	done
}

import_writer() {	# PHASE: a big import, again and again (0 the 2nd time)
	while test "$(date +%s)" -lt "$end"
	do
		wd-harvest -q -C ws import -d oost --source groot big.csv 2>>err.import
		echo "import groot $?" >>log.import.$1
		sleep 1
	done
}

index_cron() {	# PHASE
	while test "$(date +%s)" -lt "$end"
	do
		wd-report -q -C ws index 2>>err.index
		echo "index - $?" >>log.index.$1
	done
}

lock_holder() {	# a slow writer: the workspace lock for 1.5 s, now and then
	while test "$(date +%s)" -lt "$end"
	do
		flock -x ws/.wd/lock sleep 1.5
		sleep 0.5
	done
}

run_phase() {	# PHASE
	end=$(( $(date +%s) + SECONDS_PER_PHASE ))
	init_writer $1 &
	invite_writer $1 &
	rsvp_writer $1 &
	send_writer $1 &
	remind_cron $1 &
	add_writer $1 a &
	add_writer $1 b &
	set_writer $1 &
	import_writer $1 &
	index_cron $1 &
	if test $1 = 2 && test_have flock; then
		lock_holder &
	fi
	wait
}

# what ran: "N runs: N init, N invite, ..."
runs() {
	printf "%s runs:" "$(wc -l <"$1")"
	for kind in init invite rsvp send remind add set import index
	do
		printf " %s %s" "$(grep -c "^$kind " "$1")" $kind
	done
}

test_expect_success "phase 1: $SECONDS_PER_PHASE s, a long lock wait: all exit 0" '
	WD_LOCK_TIMEOUT=120 &&
	export WD_LOCK_TIMEOUT &&
	run_phase 1 &&
	unset WD_LOCK_TIMEOUT &&
	cat log.*.1 >log1 &&
	echo "phase 1: $(runs log1)" &&
	for kind in init invite rsvp send remind add set import index
	do
		grep -q "^$kind .* 0$" log1 || { echo "no $kind ran"; return 1; }
	done &&
	! grep -v " 0$" log1
'

test_expect_success "phase 2: $SECONDS_PER_PHASE s, WD_LOCK_TIMEOUT=1 and a slow lock holder: 0 or 75" '
	WD_LOCK_TIMEOUT=1 &&
	export WD_LOCK_TIMEOUT &&
	run_phase 2 &&
	unset WD_LOCK_TIMEOUT &&
	cat log.*.2 >log2 &&
	busy=$(grep -c " 75$" log2) &&
	echo "phase 2: $(runs log2); $busy exited 75 (busy)" &&
	! grep -v -E " (0|75)$" log2 &&
	if test_have flock
	then
		test "$busy" -gt 0 &&
		cat err.* >err.all &&
		test_grep "the workspace is busy" err.all
	fi
'

test_expect_success 'nothing lost, nothing twice' '
	cat log1 log2 >all &&
	# dialogues: made once each when 0, not at all when 75
	for d in $(sed -n "s/^init \(.*\) 0$/\1/p" all)
	do
		test -f ws/$d/dialogue.yaml &&
		test "$(grep -c "^    - $d$" ws/oost/dialogue.yaml)" = 1 ||
		{ echo "dialogue $d lost or twice"; return 1; }
	done &&
	for d in $(sed -n "s/^init \(.*\) 75$/\1/p" all)
	do
		! test -e ws/$d/dialogue.yaml &&
		! grep -q "^    - $d$" ws/oost/dialogue.yaml ||
		{ echo "dialogue $d made, though busy"; return 1; }
	done &&
	# people: on the list and in contacts.yaml once when 0, not when 75
	sed -n "s/^  - id: \(nieuw-.*\)$/\1/p" ws/oost/people.yaml | sort >people &&
	sed -n "s/^invite \(.*\) 0$/\1/p" all | sort >want &&
	test_cmp want people &&
	sed -n "s/^  \(nieuw-.*\):$/\1/p" ws/oost/contacts.yaml | sort >contacts &&
	test_cmp want contacts &&
	# items
	cat ws/oost/harvest/drukte.yaml | sed -n "s/^    text: Droom //p" | sort >texts &&
	sed -n "s/^add \([^ ]*\) 0$/\1/p" all | tr - " " | sort >want &&
	test_cmp want texts &&
	# follow-ups
	sed -n "s/^        note: Set //p" ws/oost/harvest/table-1.yaml | sort >notes &&
	sed -n "s/^set \([^ ]*\) 0$/\1/p" all | tr - " " | sort >want &&
	test_cmp want notes &&
	# the big import: once, whole
	test "$(grep -c "^    text: Groot " ws/oost/harvest/groot.yaml)" = 3000
'

test_expect_success 'each answer is the last one given; nobody got a message twice or none' '
	python3 - ws all box <<-\EOF
	import collections, email, email.policy, mailbox, os, sys, yaml
	ws, log, box = sys.argv[1:]
	people = yaml.safe_load(open(os.path.join(ws, "oost/people.yaml"),
	                             encoding="utf-8"))["people"]
	contacts = yaml.safe_load(open(os.path.join(ws, "oost/contacts.yaml"),
	                               encoding="utf-8"))["contacts"]
	byid = {p["id"]: p for p in people}
	assert len(byid) == len(people), "a person twice"
	# the answers: the last that exited 0, in the order they were given
	last = {}
	for line in open(log, encoding="utf-8"):
	    f = line.split()
	    if f[0] == "rsvp" and f[3] == "0":
	        last[f[1]] = f[2]
	assert last, "no answer given"
	for pid, answer in last.items():
	    assert str(byid[pid].get("rsvp")).lower() in (answer, str(answer == "yes").lower()), \
	        (pid, byid[pid].get("rsvp"), answer)
	# the messages: one invitation to each who is marked as invited, one
	# reminder to each who is marked as reminded, none to anyone else
	msgs = collections.Counter()
	for m in mailbox.mbox(box, create=False, factory=lambda f:
	        email.message_from_binary_file(f, policy=email.policy.default)):
	    mid = m["Message-Id"]
	    kind, pid = mid[1:].split(".")[:2]
	    assert m["To"].addresses[0].addr_spec == contacts[pid]["email"], mid
	    msgs[(kind, pid)] += 1
	twice = [k for k, n in msgs.items() if n > 1]
	assert not twice, twice
	for p in people:
	    inv = p.get("invitation") or {}
	    assert msgs[("invite", p["id"])] == (1 if inv.get("sent") else 0), p
	    assert msgs[("reminder", p["id"])] == (1 if inv.get("reminded") else 0), p
	print("%d invitations, %d reminders, each once" % (
	    sum(n for (k, _), n in msgs.items() if k == "invite"),
	    sum(n for (k, _), n in msgs.items() if k == "reminder")))
	assert sum(n for (k, _), n in msgs.items() if k == "reminder"), "no reminder"
	EOF
'

test_expect_success 'every file checks, the index agrees with the files' '
	wd-report -C ws check &&
	wd-report -q -C ws index &&
	n=$(cat ws/*/harvest/*.yaml | grep -c "^  - id: ") &&
	test "$(sqlite3 ws/.wd/index.sqlite "SELECT count(*) FROM items")" = $n &&
	n=$(ls ws/*/dialogue.yaml | wc -l) &&
	test "$(sqlite3 ws/.wd/index.sqlite "SELECT count(*) FROM dialogues")" = $n &&
	n=$(grep -c "^  - id: " ws/oost/people.yaml) &&
	test "$(sqlite3 ws/.wd/index.sqlite "SELECT count(*) FROM people WHERE dialogue = '\''oost'\''")" = $n &&
	n=$(grep -c "^      sent: " ws/oost/people.yaml) &&
	test "$(sqlite3 ws/.wd/index.sqlite "SELECT count(*) FROM people WHERE dialogue = '\''oost'\'' AND invitation_sent IS NOT NULL")" = $n
'

test_done

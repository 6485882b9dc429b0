#!/bin/sh
test_description='kill -9 at any moment of import, send and set: every file old or new, nothing sent twice'
#
# One workspace, one loop of WD_CRASH_ROUNDS rounds (200; raise it for a
# longer run, 1000 gives each command 200).  The rounds take turns:
#
#   1 wd-invite import   a sign-up sheet that grows by three people each
#                        time (two with an e-mail address and consent,
#                        one with a postal address only): re-importing
#                        updates, never duplicates
#   2 wd-harvest import  a harvest sheet that grows by three rows each
#                        time (the rows there already are not added again)
#   3 wd-invite send     by e-mail, --mbox and --maildir in turn
#   4 wd-harvest set     a status and a note on one action
#   5 wd-invite send --channel letter --out DIR
#
# Each run is killed (SIGKILL, timeout -s KILL) after a random delay
# between half the start-up time of a binary and a little more than the
# command takes, so that it dies anywhere: reading, writing a temporary
# file, renaming, recording a message it delivered, refreshing the
# index, or not at all.  After every round:
#   - every file parses and checks (wd-report check exits 0);
#   - each count is exactly the one before or the one after: people in
#     people.yaml and in contacts.yaml, items, notes of the action (and
#     the one after when the command exited 0);
#   - nobody is marked as sent without their message (an e-mail in the
#     mbox or Maildir with their Message-ID, a whole letter), and at most
#     one person per channel has a message without being marked: the one
#     a kill caught between delivering and recording (wd-invite(1),
#     "What is recorded"); a run that exits 0 leaves nobody pending;
#   - a message goes twice only after such a kill, with the same
#     Message-ID: never more duplicates than killed e-mail runs;
#   - a temporary file a killed writer left (.<file>.wdtmp-XXXXXX) is gone
#     once a later run of a command that writes in that folder has
#     written there and exited 0;
#   - the index, brought up to date, agrees with the files.
# At the end every command runs once more to its end: nothing pending,
# no temporary file anywhere, every message in the mbox and the Maildir
# whole (Python's email parser), and the index as a rebuilt one.  A
# temporary file planted as a killed writer leaves it must be gone after
# the next write in its folder.
#
# Then, with strace, every crash point (see crash_points below): each of
# a dozen commands killed at each of its renames, then run again, must
# leave the workspace as one run that was not killed.
#
# Under valgrind there is nothing to learn (every run is killed before
# it starts): skipped, as in t0400-crash.t.  Runtime: about a minute on
# two cores (the loop: WD_CRASH_ROUNDS).
#
# Adding a command: a sixth kind in run_kind, with its before/after
# counts in state.awk and its check in check_round; and a crash_points
# line.  A bug a test finds gets a switch below (the test skipped, the
# bug named) until it is fixed.
. ./test-lib.sh

ROUNDS=${WD_CRASH_ROUNDS:-200}
# before the dialogue 'oost' (2026-12-12), so that send sends
WD_NOW=2026-12-01T09:30 WD_USER=tester WD_TEST_SEED=83
export WD_NOW WD_USER WD_TEST_SEED

if test "$WD_VALGRIND" = 1; then
	test_skip "kill -9 during import, send and set" "valgrind"
	test_done
fi

KINDS="pimport himport email set letter"

# Known bug: wd_letter_write() (lib/letter.c) writes a letter with
# wd_store_write(), which does not remove the temporary files a killed
# writer left in the --out folder (wd_ws_write() does, by way of
# wd_store_clean()); a .ID.html.wdtmp-XXXXXX with a name and an address
# stays there for good.  While this is 1, letters/ is only counted in the
# loop, and the test of it below is skipped; make it 0 once it is fixed.
LETTER_TEMPS_BUG=0
# Was a known bug: wd-invite add killed between its two writes
# (people.yaml, then contacts.yaml) left the person without their
# contact data, and the same add run again was refused (65); now it
# finishes the stopped one (see wd-invite(1), add).
INVITE_ADD_BUG=0

# the sign-up sheet with the people of rounds 1..N
people_sheet() {
	awk -v n="$1" 'BEGIN {
		print "naam;e-mail;toestemming_contact;adres"
		for (i = 1; i <= n; i++) {
			printf "Mail A%d;a%d@example.org;ja;\n", i, i
			printf "Mail B%d;b%d@example.org;ja;\n", i, i
			printf "Brief C%d;;;Kerkstraat %d, 3531 AA Utrecht\n", i, i
		}
	}' >ws/people.csv
}

# the harvest sheet with the rows of rounds 1..N
harvest_sheet() {
	awk -v n="$1" 'BEGIN {
		print "soort;tekst"
		for (i = 1; i <= n; i++) {
			printf "droom;Ronde %d rij 1\n", i
			printf "idee;Ronde %d rij 2\n", i
			printf "actie;Ronde %d rij 3\n", i
		}
	}' >ws/harvest.csv
}

# run_kind KIND ROUND [TIMEOUT]: one command, killed after TIMEOUT
# seconds when given; its exit code in $ret
run_kind() {
	kind_=$1 round_=$2 tmo_=$3
	case $kind_ in
	pimport) set -- wd-invite -q -C ws import -d oost people.csv ;;
	himport) set -- wd-harvest -q -C ws import -d oost --source crash harvest.csv ;;
	email)	if test $(( (round_ / 5) % 2 )) = 0
		then
			set -- wd-invite -q -C ws send -d oost --mbox ../box
		else
			set -- wd-invite -q -C ws send -d oost --maildir ../md
		fi ;;
	set)	st=klaar
		test $((round_ % 2)) = 0 && st=bezig
		set -- wd-harvest -q -C ws set r2h6j9s --status $st --note "ronde $round_" ;;
	letter)	set -- wd-invite -q -C ws send -d oost --channel letter --out ../letters ;;
	esac
	if test -n "$tmo_"
	then
		timeout -s KILL "$tmo_" "$@" 2>err
	else
		"$@" 2>err
	fi
	ret=$?
	return 0
}

# the state of the files, as shell assignments (see state.awk)
state() {
	set -- ws/oost/people.yaml ws/oost/contacts.yaml ws/oost/harvest/*.yaml
	test -f box && set -- "$@" box
	for f in md/new/* letters/*.html
	do
		test -f "$f" && set -- "$@" "$f"
	done
	find ws/oost ws/oost/harvest letters -maxdepth 1 -name ".*.wdtmp-*" 2>/dev/null |
	awk -f "$TRASH_DIRECTORY/state.awk" "$@" -
}

cat >state.awk <<\EOF
# P people, C contacts, I items, N notes of r2h6j9s (its status ST, its
# last note LAST); S marked as sent (Se by e-mail, Sl by letter); M
# e-mail messages, D distinct Message-IDs; L letters, Lbad not whole;
# Ue/Ul people with a message/letter who are not marked; Me/Ml people
# marked without their message/letter; Pe/Pl people still pending who
# can be reached by e-mail/letter; To, Th, Tl temporary files in oost/,
# oost/harvest/ and letters/ (their names on standard input)
FILENAME == "-" {
	if ($0 ~ /^letters\//) Tl++
	else if ($0 ~ /^ws\/oost\/harvest\//) Th++
	else To++
	next
}
FILENAME ~ /people\.yaml$/ {
	if (/^  - id: /) { id = $3; ids[id] = 1; P++; sect = ""; next }
	if (/^    [a-z_]+:/) sect = $1
	if (sect == "consent:" && /^      contact: [0-9]/) consent[id] = 1
	if (sect == "consent:" && /^      contact: "?(no|false)"?$/) refused[id] = 1
	if (sect == "invitation:" && /^      channel: /) chan[id] = $2
	next
}
FILENAME ~ /contacts\.yaml$/ {
	if (/^  [^ #][^:]*:$/) { cid = $1; sub(/:$/, "", cid); C++; next }
	if (/^    email: /) email[cid] = 1
	if (/^    address: /) addr[cid] = 1
	next
}
FILENAME ~ /\/harvest\/[^\/]*\.yaml$/ {
	if (/^  - id: /) { I++; item = $3 }
	if (item == "r2h6j9s" && /^    status: /) ST = $2
	if (item == "r2h6j9s" && /^        note: /) { N++; LAST = $0; sub(/^ *note: /, "", LAST) }
	next
}
FILENAME ~ /\.html$/ {
	f = FILENAME; sub(/.*\//, "", f); sub(/\.html$/, "", f)
	if (FNR == 1) L++
	letter[f] = 1; end[f] = $0
	next
}
/^Message-Id: <invite\./ {
	M++
	if (!($2 in seen)) {
		seen[$2] = 1; D++
		p = $2; sub(/^<invite\./, "", p); sub(/\..*/, "", p); msg[p] = 1
	}
}
END {
	for (p in msg) if (!(p in chan)) Ue++
	for (p in letter) if (!(p in chan)) Ul++
	for (p in letter) if (end[p] != "</html>") Lbad++
	for (p in chan) {
		S++
		if (chan[p] == "email") { Se++; if (!(p in msg)) Me++ }
		if (chan[p] == "letter") { Sl++; if (!(p in letter)) Ml++ }
	}
	for (p in ids) if (!(p in chan)) {
		if ((p in consent) && (p in email)) Pe++
		if ((p in addr) && !(p in refused)) Pl++
	}
	printf "P=%d C=%d I=%d N=%d ST=%s LAST=\"%s\" S=%d Se=%d Sl=%d ", \
		P, C, I, N, ST, LAST, S, Se, Sl
	printf "M=%d D=%d L=%d Lbad=%d Ue=%d Ul=%d Me=%d Ml=%d Pe=%d Pl=%d ", \
		M, D, L, Lbad, Ue, Ul, Me, Ml, Pe, Pl
	printf "To=%d Th=%d Tl=%d\n", To, Th, Tl
}
EOF

# what the index says, brought up to date: "I P S ST"
indexed() {
	wd-report -q -C ws index &&
	sqlite3 -separator " " ws/.wd/index.sqlite "SELECT
		(SELECT count(*) FROM items WHERE dialogue = 'oost'),
		(SELECT count(*) FROM people WHERE dialogue = 'oost'),
		(SELECT count(*) FROM people WHERE dialogue = 'oost'
			AND invitation_sent IS NOT NULL),
		(SELECT status FROM items WHERE id = 'r2h6j9s')"
}

# how long a command takes here, in milliseconds
now_ms() {
	echo $(( $(date +%s%N) / 1000000 ))
}

# fail ROUND WHAT: say what went wrong, with the state, and fail
fail() {
	echo "round $1 ($kind, exit $ret): $2"
	state
	cat err
	return 1
}

# check_round ROUND KIND: the invariants after a round (state in $b_*,
# the new one in the shell variables of state)
check_round() {
	i=$1
	b_P=$P b_C=$C b_I=$I b_N=$N b_ST=$ST b_Se=$Se b_Sl=$Sl
	eval "$(state)" || return 1
	# every file whole and good
	wd-report -q -C ws check || fail $i "wd-report check" || return 1
	# nobody marked without a message, at most one in flight per channel
	test $Me = 0 && test $Ml = 0 ||
		fail $i "marked as sent without a message (Me=$Me Ml=$Ml)" || return 1
	test $Ue -le 1 && test $Ul -le 1 ||
		fail $i "more than one message delivered but not recorded" || return 1
	test $Lbad = 0 || fail $i "$Lbad letters are not whole" || return 1
	test $((M - D)) -le $killed_email ||
		fail $i "$((M - D)) messages twice after $killed_email killed runs" || return 1
	# counts: the old or the new, the new when it exited 0
	case $2 in
	pimport)
		want=$((5 + 3 * np))
		{ test $P = $b_P || test $P = $want; } &&
		{ test $C = $b_C || test $C = $want; } ||
			fail $i "people $b_P/$b_C then $P/$C (want $want)" || return 1
		if test $ret = 0; then
			test $P = $want && test $C = $want ||
				fail $i "people $P, contacts $C, not $want" || return 1
		fi
		wrote=$(test "$P $C" = "$b_P $b_C" || echo t)
		temps=$To ;;
	himport)
		want=$((9 + 3 * nh))
		{ test $I = $b_I || test $I = $want; } ||
			fail $i "items $b_I then $I (want $want)" || return 1
		if test $ret = 0; then
			test $I = $want || fail $i "items $I, not $want" || return 1
		fi
		wrote=$(test $I = $b_I || echo t)
		temps=$Th ;;
	email)
		test $Se -ge $b_Se || fail $i "fewer marked: $b_Se then $Se" || return 1
		if test $ret = 0; then
			test $Pe = 0 && test $Ue = 0 ||
				fail $i "exit 0 but $Pe pending, $Ue not recorded" || return 1
		fi
		wrote=$(test $Se = $b_Se || echo t)
		temps=$To ;;
	set)
		{ test $N = $b_N || test $N = $((b_N + 1)); } ||
			fail $i "notes $b_N then $N" || return 1
		if test $ret = 0; then
			test $N = $((b_N + 1)) || fail $i "exit 0, no note" || return 1
		fi
		if test $N != $b_N; then
			test "$LAST" = "ronde $i" && test "$ST" = "$want_st" ||
				fail $i "a note, but not this one: $LAST, $ST" || return 1
		else
			test "$ST" = "$b_ST" || fail $i "a status without its note" || return 1
		fi
		wrote=$(test $N = $b_N || echo t)
		temps=$Th ;;
	letter)
		test $Sl -ge $b_Sl || fail $i "fewer marked: $b_Sl then $Sl" || return 1
		if test $ret = 0; then
			test $Pl = 0 && test $Ul = 0 ||
				fail $i "exit 0 but $Pl pending, $Ul not recorded" || return 1
		fi
		wrote=$(test $Sl = $b_Sl || echo t)
		temps=$To
		test $LETTER_TEMPS_BUG = 1 || temps=$((To + Tl)) ;;
	esac
	# what a killed writer left is gone once a writer there exits 0,
	# having written there
	if test $ret = 0 && test -n "$wrote"; then
		test $temps = 0 ||
			fail $i "temporary files outlived a write (To=$To Th=$Th Tl=$Tl)" || return 1
	fi
	# the index agrees with the files
	test "$(indexed)" = "$I $P $S $ST" ||
		fail $i "the index says $(indexed), the files $I $P $S $ST" || return 1
	return 0
}

test_expect_success 'setup: each command once, to its end, timed' '
	test_example_workspace &&
	wd-report -q -C ws index &&
	t0=$(now_ms) && wd-invite --version >/dev/null && t1=$(now_ms) &&
	echo $((t1 - t0)) >ms.start &&
	np=1 nh=1 &&
	people_sheet 1 && harvest_sheet 1 &&
	for kind in $KINDS
	do
		t0=$(now_ms) &&
		run_kind $kind 0 &&
		t1=$(now_ms) &&
		test $ret = 0 || { cat err; return 1; }
		echo $((t1 - t0)) >ms.$kind
	done &&
	echo "start-up $(cat ms.start) ms; $(for k in $KINDS; do printf "%s %s ms, " $k $(cat ms.$k); done)" &&
	eval "$(state)" &&
	test $P = 8 && test $C = 8 && test $I = 12 && test $N = 2 &&
	test $Se = 7 && test $Sl = 1 && test $M = 7 && test $L = 1 &&
	test $Pe = 0 && test $Pl = 0 &&
	awk -v s="$WD_TEST_SEED" -v n="$ROUNDS" \
		"BEGIN { srand(s); for (i = 0; i < n; i++) printf \"%d\\n\", rand() * 1000 }" >fractions
'

test_expect_success "kill -9 during import, send and set: $ROUNDS rounds" '
	exec 3<fractions &&
	np=1 nh=1 killed=0 killed_email=0 left=0 i=0 &&
	k_pimport=0 k_himport=0 k_email=0 k_set=0 k_letter=0 &&
	start=$(cat ms.start) &&
	for k in $KINDS; do eval "ms_$k=\$(cat ms.\$k)" || return 1; done &&
	eval "$(state)" &&
	while test $i -lt $ROUNDS
	do
		i=$((i + 1)) &&
		set -- $KINDS && shift $((i % 5)) && kind=$1 &&
		case $kind in
		pimport) np=$((np + 1)) && people_sheet $np ;;
		himport) nh=$((nh + 1)) && harvest_sheet $nh ;;
		set) want_st=done && test $((i % 2)) = 1 || want_st=underway ;;
		esac &&
		t="$To $Th $Tl" &&
		read f <&3 &&
		eval "ms=\$ms_$kind" &&
		lo=$((start / 2)) && hi=$((ms + ms / 6 + 1)) &&
		d=$((lo + f * (hi - lo) / 1000 + 1)) &&
		t0=$(now_ms) &&
		run_kind $kind $i $(printf "%d.%03d" $((d / 1000)) $((d % 1000))) &&
		t1=$(now_ms) &&
		case $ret in
		0)	# how long it takes now: the next delay follows
			eval "ms_$kind=\$(( (ms + t1 - t0) / 2 ))" ;;
		137)	killed=$((killed + 1)) &&
			eval "k_$kind=\$((k_$kind + 1))" &&
			if test $kind = email; then killed_email=$((killed_email + 1)); fi ;;
		*)	fail $i "unexpected exit" || return 1 ;;
		esac &&
		check_round $i $kind || return 1
		test $ret = 0 || test "$To $Th $Tl" = "$t" || left=$((left + 1))
	done &&
	echo "killed $killed of $ROUNDS runs (wd-invite import $k_pimport, wd-harvest import $k_himport, send by e-mail $k_email, wd-harvest set $k_set, send letters $k_letter); $left left a temporary file" &&
	echo $killed_email >killed_email &&
	test $killed -gt $((ROUNDS / 4)) &&
	# the sheets were imported whole, once
	sed -n "s/^    text: Ronde //p" ws/oost/harvest/crash.yaml | sort >texts &&
	sort -u texts >unique &&
	test_cmp unique texts
'

test_expect_success 'each command once more: nothing pending, no temporary file, the index as rebuilt' '
	np=$(($(grep -c "^Mail A" ws/people.csv))) &&
	killed_email=$(cat killed_email) &&
	for kind in $KINDS
	do
		run_kind $kind 0 &&
		test $ret = 0 || { cat err; return 1; }
	done &&
	eval "$(state)" &&
	test $Pe = 0 && test $Pl = 0 && test $Ue = 0 && test $Ul = 0 &&
	test $Me = 0 && test $Ml = 0 &&
	test $((M - D)) -le $killed_email &&
	echo "$S people invited ($Se by e-mail, $Sl by letter), $M messages, $((M - D)) twice" &&
	find ws -name ".*.wdtmp-*" >left &&
	test_line_count = 0 left &&
	find letters -name ".*.wdtmp-*" >left &&
	echo "$(wc -l <left) temporary files in letters/ (LETTER_TEMPS_BUG=$LETTER_TEMPS_BUG)" &&
	{ test $LETTER_TEMPS_BUG = 1 || test_line_count = 0 left; } &&
	wd-report -q -C ws check &&
	for v in dialogues people items actions
	do
		sqlite3 ws/.wd/index.sqlite "SELECT * FROM $v ORDER BY 1, 2, 3" >$v.kept || return 1
	done &&
	wd-report -q -C ws index --rebuild &&
	for v in dialogues people items actions
	do
		sqlite3 ws/.wd/index.sqlite "SELECT * FROM $v ORDER BY 1, 2, 3" >$v.new &&
		test_cmp $v.new $v.kept || return 1
	done
'

# what a writer killed between making its temporary file and renaming it
# leaves (the same name wd_store_write gives it), with half the contents
plant_temps() {
	printf "people:\n  - id: half" >"$1/.$2.wdtmp-Kill9x" &&
	chmod 600 "$1/.$2.wdtmp-Kill9x"
}

test_expect_success 'the next write in a folder removes what a killed writer left there' '
	plant_temps ws/oost people.yaml &&
	plant_temps ws/oost contacts.yaml &&
	plant_temps ws/oost/harvest table-1.yaml &&
	plant_temps ws/oost/harvest crash.yaml &&
	wd-report -q -C ws check &&
	WD_NOW=2026-12-01T10:00 wd-invite -q -C ws rsvp -d oost mail-a1 yes &&
	find ws/oost -maxdepth 1 -name ".*.wdtmp-*" >left &&
	test_line_count = 0 left &&
	wd-harvest -q -C ws set r2h6j9s --note "na de rondes" &&
	find ws -name ".*.wdtmp-*" >left &&
	test_line_count = 0 left
'

letter_temps='
	plant_temps letters brief-c1.html &&
	WD_NOW=2026-12-01T10:00 wd-invite -q -C ws send -d oost --channel letter \
		--again --out ../letters brief-c1 &&
	find letters -name ".*.wdtmp-*" >left &&
	test_line_count = 0 left
'
if test $LETTER_TEMPS_BUG = 1
then
	test_skip "the next letter written removes what a killed writer left in --out" \
		"known bug: lib/letter.c wd_letter_write() does not clean the --out folder"
else
	test_expect_success "the next letter written removes what a killed writer left in --out" \
		"$letter_temps"
fi

# --- every crash point: killed at each rename, then run again ---
#
# With strace (optional: it can stop a command at an exact system call),
# each command below is killed (SIGKILL) at its first, second, ... rename
# (the moment a file is replaced: the files before it new, the rest old),
# on a fresh copy of a workspace each time.  Afterwards every file checks,
# and running the same command again, as someone would who saw it die,
# must leave the workspace exactly as one run that was not killed leaves
# it (test_tree_sum: every file, temporary files too); sending may at
# most send the one message it had delivered again.
#
# crash_points NAME 'COMMAND' [mail|letters]: COMMAND (with $W for the
# workspace and $W.out for an mbox or a folder of letters next to it), as
# above
# (LeakSanitizer cannot run under strace: off there, in a sanitizer build)
NOLEAKS="ASAN_OPTIONS=\${ASAN_OPTIONS:+\$ASAN_OPTIONS:}detect_leaks=0"
crash_points() {
	name=$1 cmd=$2 mail=$3
	rm -rf cp-ref cp-ref.out && cp -R cp-base cp-ref &&
	W=cp-ref &&
	eval "$NOLEAKS strace -f -qq -o cp-trace -e trace=rename,renameat,renameat2 $cmd" >/dev/null 2>cp-err ||
	{ echo "$name: fails as it is"; cat cp-err; return 1; }
	n=$(grep -c "rename.* = 0$" cp-trace)
	test "$n" -gt 0 || { echo "$name: renames nothing"; return 1; }
	test_tree_sum cp-ref >cp-ref.sum
	k=0
	while test $k -lt $n
	do
		k=$((k + 1))
		rm -rf cp-w cp-w.out && cp -R cp-base cp-w && W=cp-w
		eval "$NOLEAKS strace -f -qq -o /dev/null -e trace=rename,renameat,renameat2 \
			-e inject=rename,renameat,renameat2:signal=KILL:when=$k $cmd" >/dev/null 2>&1
		ret=$?
		test $ret = 137 || { echo "$name: not killed at rename $k of $n ($ret)"; return 1; }
		wd-report -q -C cp-w check ||
		{ echo "$name, killed at rename $k of $n: check"; return 1; }
		eval "$cmd" >/dev/null 2>cp-err ||
		{ echo "$name, killed at rename $k of $n: running it again fails:"; cat cp-err; return 1; }
		test_tree_sum cp-w >cp-w.sum
		test_cmp cp-ref.sum cp-w.sum ||
		{ echo "$name, killed at rename $k of $n, run again: not as one run leaves it"; return 1; }
		if test "$mail" = letters
		then
			# the letters: the same files (and, while LETTER_TEMPS_BUG
			# is 1, perhaps a temporary file a killed run left)
			(cd cp-ref.out && find . -type f | sort | xargs md5sum) >cp-ref.let &&
			(cd cp-w.out && find . -type f | sort | xargs md5sum) >cp-w.let &&
			if test $LETTER_TEMPS_BUG = 1
			then
				grep -v "/\.[^/]*\.wdtmp-" cp-w.let >cp-w.let2 &&
				mv cp-w.let2 cp-w.let
			fi &&
			test_cmp cp-ref.let cp-w.let ||
			{ echo "$name, killed at rename $k of $n: letters"; return 1; }
		fi
		if test "$mail" = mail
		then
			grep -h "^Message-Id: " cp-ref.out | sort -u >cp-ref.ids &&
			grep -h "^Message-Id: " cp-w.out | sort >cp-w.all &&
			sort -u cp-w.all >cp-w.ids &&
			test_cmp cp-ref.ids cp-w.ids &&
			test $(wc -l <cp-w.all) -le $(( $(wc -l <cp-ref.ids) + 1 )) ||
			{ echo "$name, killed at rename $k of $n: messages"; return 1; }
		fi
	done
	echo "$name: killed at each of its $n renames, then run again: as one run"
}

if test_have strace
then
	test_expect_success 'every crash point: setup' '
		test_example_workspace cp-base &&
		wd-report -q -C cp-base index &&
		printf "naam;e-mail;toestemming_contact;adres\nPiet Een;piet@example.org;ja;Straat 1, 1234 AB Utrecht\nKees Twee;kees@example.org;ja;\nJan Drie;;;Laan 3, 1234 AB Utrecht\n" \
			>cp-base/people.csv &&
		printf "soort;tekst;door\ndroom;Een droom;anna-de-vries\nactie;Een actie;ozlem-yildiz\n" \
			>cp-base/harvest.csv
	'
	test_expect_success 'every crash point of wd-invite import, wd-harvest import and set' '
		crash_points "wd-invite import" "wd-invite -q -C \$W import -d oost people.csv" &&
		crash_points "wd-harvest import" "wd-harvest -q -C \$W import -d oost --source cp harvest.csv" &&
		crash_points "wd-harvest set" "wd-harvest -q -C \$W set r2h6j9s --status klaar --note klaar" &&
		crash_points "wd-harvest add --new-person" \
			"wd-harvest -q -C \$W add -d oost --kind droom --by \"Nieuwe Buur\" --new-person Nieuw"
	'
	test_expect_success 'every crash point of wd-invite send, by e-mail and by letter' '
		crash_points "wd-invite send --mbox" \
			"wd-invite -q -C \$W send -d oost --mbox ../\$W.out" mail &&
		crash_points "wd-invite send --channel letter" \
			"wd-invite -q -C \$W send -d oost --channel letter --out ../\$W.out" letters
	'
	test_expect_success 'every crash point of wd-init --from, wd-invite rsvp, checkin --new, forget' '
		crash_points "wd-init --from" \
			"wd-init -q -C \$W nieuw --title N --theme t --start 2027-03-01T10:00 --from oost" &&
		crash_points "wd-invite rsvp" "wd-invite -q -C \$W rsvp -d oost fatima yes" &&
		crash_points "wd-invite checkin --new" "wd-invite -q -C \$W checkin -d oost --new \"Nieuwe Buur\"" &&
		crash_points "wd-invite forget" "wd-invite -q -C \$W forget ozlem-yildiz"
	'
	known_add='
		crash_points "wd-invite add" \
			"wd-invite -q -C \$W add -d oost \"Nieuwe Buur\" --email nieuw@example.org --consent contact"
	'
	if test $INVITE_ADD_BUG = 1
	then
		test_skip 'every crash point of wd-invite add' \
			'known bug: lib/invite.c wd_roster_save() writes people.yaml before contacts.yaml: killed between, the person is listed without contact data and running add again is refused (65)'
	else
		test_expect_success 'every crash point of wd-invite add' "$known_add"
	fi
else
	test_skip 'every crash point: killed at each rename, then run again' 'strace is not installed'
fi

test_expect_success 'every message in the mbox and the Maildir is whole, each to one person' '
	python3 - "$(cat killed_email)" <<-\EOF
	import email, email.policy, mailbox, os, sys
	pol = email.policy.default
	msgs = list(mailbox.mbox("box", create=False, factory=lambda f:
	    email.message_from_binary_file(f, policy=pol)))
	for name in sorted(os.listdir("md/new")) if os.path.isdir("md/new") else []:
	    with open(os.path.join("md/new", name), "rb") as f:
	        msgs.append(email.message_from_binary_file(f, policy=pol))
	ids = []
	for m in msgs:
	    assert not m.defects, (m["Message-Id"], m.defects)
	    assert m.get_content_type() == "multipart/alternative", m["Message-Id"]
	    parts = list(m.iter_parts())
	    assert [p.get_content_type() for p in parts] == \
	        ["text/plain", "text/calendar"], m["Message-Id"]
	    for p in parts:
	        assert not p.defects, (m["Message-Id"], p.defects)
	    assert "Beste " in parts[0].get_content(), m["Message-Id"]
	    ics = parts[1].get_content()
	    assert ics.rstrip().endswith("END:VCALENDAR"), m["Message-Id"]
	    assert len(m["To"].addresses) == 1
	    ids.append(m["Message-Id"])
	twice = len(ids) - len(set(ids))
	print(len(ids), "messages,", len(set(ids)), "people,", twice, "twice")
	assert twice <= int(sys.argv[1])
	EOF
'

test_expect_success 'a temporary file is no message: nothing but whole messages in the Maildir' '
	mkdir -p md/tmp md/cur &&
	ls md/tmp >tmp.left &&
	echo "$(wc -l <tmp.left) files in md/tmp, from killed runs" &&
	test "$(wc -l <tmp.left)" -le "$(cat killed_email)" &&
	ls md/cur >cur &&
	test_line_count = 0 cur
'

test_done

#!/bin/sh
test_description='the Nth allocation fails: every command fails cleanly and changes nothing'
#
# Each command below runs once as it is (counting its allocations, T),
# then again with allocation N failing (tests/fault/allocfail.so, an
# LD_PRELOAD shim that sees every malloc: ours, libyaml's, SQLite's,
# libc's), for N from 1 to T+1.  Each run must either
#   - succeed (exit 0) with the files exactly as the run without failure
#     left them (some allocations may fail harmlessly: the index is only
#     refreshed after the write, and is a cache), or
#   - fail with a sysexits code (64-78), a message, every file as it was
#     before (test_tree_sum) and no temporary file left,
# and never die of a signal; in a sanitizer build (make check
# SANITIZE=1) with no AddressSanitizer, LeakSanitizer or UBSan report,
# under valgrind (make check VALGRIND=1) with no memcheck error or leak.
# A plain build checks the rest: its leaks are for the other two.
#
# By default every k-th N is tried, k chosen so that each command makes
# about WD_ALLOC_RUNS runs (100; 12 under valgrind), spread over
# WD_JOBS parallel workers (the number of CPUs, at most 4): about a
# minute, two or three in a sanitizer build.  `make check SLOW=1`
# (WD_SLOW=1) tries every N: tens of thousands of runs, an hour or so.
#
# Then, for a few commands, each allocation inside opendir() and fopen()
# fails in turn (WD_ALLOC_FAIL_IN): every one of them, few as they are,
# since a folder that cannot be opened for want of memory must not read
# as one that is not there.
#
# Adding a command: one more line at the end,
#   alloc_case NAME writes|reads 'SETUP' 'COMMAND' [CHECK]
# SETUP runs in a folder holding a copy of the example workspace (ws);
# COMMAND is the run to break, from that folder.  A command that does its
# work a piece at a time (wd-invite send) names a CHECK function from
# tests/fault/lib-fault.sh that says whether a failed run left a state
# it documents, instead of every file as it was.  To come: wd-invite
# add/import/rsvp/checkin/tables/forget/purge, remind and ics;
# wd-report export.
. ./test-lib.sh
. "$TEST_DIRECTORY/fault/lib-fault.sh"

SHIM="$WD_BUILD/tests/fault/allocfail.so"
RUNS=${WD_ALLOC_RUNS:-100}
test "$WD_VALGRIND" = 1 && RUNS=${WD_ALLOC_RUNS:-12}
JOBS=${WD_JOBS:-$(nproc 2>/dev/null || echo 2)}
test "$JOBS" -gt 4 && JOBS=4

WD_TEST_SEED=7 WD_NOW=2027-01-05T09:30 WD_USER=tester
export WD_TEST_SEED WD_NOW WD_USER
# Allocations GLib, GObject, GIO and GMime make never fail: GLib ends the
# process when one does (g_malloc's documented rule), whatever the caller
# would do.  Nor do those of libical and the ICU under it: they crash
# (icalcomponent_new_clone, Calendar::computeZoneOffset in Debian 12's
# libical 3.0.16 and ICU 72).  Only wd-invite send and ics use them, for
# the message and the calendar; the rest of those runs, and every
# allocation of the other commands, may fail.
WD_ALLOC_SPARE=libglib-2.0:libgobject-2.0:libgio-2.0:libgmime-3.0:libical:libicu
export WD_ALLOC_SPARE
# a sanitizer build: the shim comes before ASan's runtime, which must
# not mind; every report is a failure (LeakSanitizer's exit code is 23)
ASAN_OPTIONS=verify_asan_link_order=0:detect_leaks=1
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS UBSAN_OPTIONS

if ! test -f "$SHIM"; then
	test_skip "allocation failures" "no $SHIM: run make check"
	test_done
fi

test_expect_success 'the shim fails exactly the allocation it is told to' '
	test_example_workspace &&
	rm -f count &&
	WD_ALLOC_COUNT="$PWD/count" LD_PRELOAD="$SHIM" wd-report -C ws check &&
	total=$(cat count) &&
	test "$total" -gt 100 &&
	test_expect_code 71 env LD_PRELOAD="$SHIM" WD_ALLOC_FAIL=1 \
		WD_ALLOC_FAIL_ALL=1 wd-report -C ws check 2>err &&
	test_grep "out of memory" err &&
	rm -f count &&
	WD_ALLOC_COUNT="$PWD/count" LD_PRELOAD="$SHIM" \
		WD_ALLOC_FAIL=$((total + 1)) wd-report -C ws check &&
	test "$(cat count)" = "$total"
'

# points T: the N to try for a command of T allocations (the step: file step)
points() {
	if test "$WD_SLOW" = 1; then
		step=1
	else
		step=$(( ($1 + RUNS - 1) / RUNS ))
	fi
	echo $step >step
	awk -v t="$1" -v s="$step" 'BEGIN {
		for (n = 1; n <= t; n += s) print n
		if ((t - 1) % s) print t
		print t + 1
	}'
}

# one_run NAME N J: break allocation N of NAME's command in a fresh copy
# (worker J's); prints "N EXIT", or "FAIL N why"
one_run() {
	w=run.$1.$3 err=err.$1.$3
	rm -rf "$w" && cp -R "tmpl.$1" "$w" &&
	# shellcheck disable=SC2086
	(cd "$w" && env LD_PRELOAD="$SHIM" WD_ALLOC_FAIL=$2 $FAIL_IN \
		sh -c "$(cat "../cmd.$1")" >/dev/null 2>"../$err")
	ret=$?
	sum=$(test_tree_sum "$w/ws" | md5sum)
	left=$(find "$w" -name ".*.wdtmp-*" | wc -l)
	if grep -E -q "Sanitizer|runtime error|ERROR SUMMARY: [1-9]|definitely lost: [1-9]" "$err"; then
		echo "FAIL $2 a sanitizer or valgrind report (exit $ret):"
		sed "s/^/	/" "$err" | head -n 30
	elif test $ret -eq 0; then
		if test "$sum" = "$(cat "after.$1")"; then
			echo "$2 0"
		else
			echo "FAIL $2 exit 0, but the files are not what a good run makes"
		fi
	elif test $ret -ge 64 && test $ret -le 78; then
		why=
		if test -s "check.$1"; then
			cp "before.$1.list" "$w/before.list" &&
			cp "after.$1.list" "$w/after.list"
			if why=$(cd "$w" && eval "$(cat "../check.$1")" 2>&1); then
				why=
			else
				why=${why:-"$(cat "check.$1") failed"}
			fi
		fi
		if test -n "$why"; then
			echo "FAIL $2 exit $ret, and what is left is not a state a failed run may leave:"
			printf '%s\n' "$why" | sed "s/^/	/" | head -n 10
			sed "s/^/	/" "$err" | head -n 5
		elif ! test -s "check.$1" && test "$sum" != "$(cat "before.$1")"; then
			echo "FAIL $2 exit $ret, and the files changed:"
			sed "s/^/	/" "$err"
		elif test "$left" -ne 0; then
			echo "FAIL $2 exit $ret, and a temporary file is left"
		elif ! grep -q "^wd-[a-z]*: " "$err"; then
			echo "FAIL $2 exit $ret without a message"
		else
			echo "$2 $ret"
		fi
	else
		echo "FAIL $2 exit $ret (a crash or a wrong code):"
		sed "s/^/	/" "$err" | head -n 20
	fi
}

# worker NAME J: the points of NAME for worker J of JOBS
worker() {
	k=0
	while read -r n; do
		test $((k % JOBS)) -eq "$2" && one_run "$1" "$n" "$2"
		k=$((k + 1))
	done <"points.$1"
}

# alloc_case NAME writes|reads SETUP COMMAND [CHECK]
alloc_case() {
	name=$1 kind=$2 setup=$3 cmd=$4
	printf "%s" "$5" >"check.$name"
	test_expect_success "$name: the Nth allocation fails" '
		rm -rf "tmpl.$name" && mkdir "tmpl.$name" &&
		(cd "tmpl.$name" && test_example_workspace && eval "$setup") &&
		printf "%s\n" "$cmd" >"cmd.$name" &&
		test_tree_sum "tmpl.$name/ws" >"before.$name.list" &&
		md5sum <"before.$name.list" >"before.$name" &&
		rm -rf ref && cp -R "tmpl.$name" ref && rm -f count &&
		(cd ref && env LD_PRELOAD="$SHIM" WD_ALLOC_COUNT="$PWD/../count" \
			sh -c "$cmd" >/dev/null) &&
		test_tree_sum ref/ws >"after.$name.list" &&
		md5sum <"after.$name.list" >"after.$name" &&
		if test $kind = writes
		then
			! cmp -s "before.$name" "after.$name"
		else
			cmp "before.$name" "after.$name"
		fi &&
		total=$(cat count) &&
		points "$total" >"points.$name" &&
		j=0 &&
		while test $j -lt $JOBS
		do
			worker "$name" $j >"result.$name.$j" &
			j=$((j + 1))
		done &&
		wait &&
		cat result.$name.* >"result.$name" &&
		runs=$(grep -c "^[0-9]" "result.$name") &&
		failed=$(grep -c "^[0-9]* [1-9]" "result.$name") &&
		echo "$name: $total allocations, $runs runs (every $(cat step)), $failed failed cleanly, $((runs - failed)) succeeded" |
		tee "figures.$name" &&
		! grep -A 30 "^FAIL" "result.$name" &&
		test "$failed" -gt 0
	'
	# the figures, as a TAP comment (prove -v, the README)
	test -f "figures.$name" && say "# $(cat "figures.$name")"
}

FAIL_IN=

# alloc_in_case NAME FN: each allocation inside libc's FN (opendir, fopen)
# of NAME's command fails in turn, one per run (after alloc_case NAME)
alloc_in_case() {
	name=$1 fn=$2
	test_expect_success "$name: each $fn() out of memory in turn" '
		rm -rf ref && cp -R "tmpl.$name" ref && rm -f count &&
		(cd ref && env LD_PRELOAD="$SHIM" WD_ALLOC_FAIL_IN=$fn \
			WD_ALLOC_COUNT="$PWD/../count" sh -c "$(cat "../cmd.$name")" \
			>/dev/null) &&
		total=$(awk "{ n += \$1 } END { print n + 0 }" count) &&
		{ test "$total" -gt 0 ||
		  { echo "$name makes no allocation inside $fn()"; false; }; } &&
		FAIL_IN=WD_ALLOC_FAIL_IN=$fn &&
		n=1 &&
		while test $n -le $((total + 1))
		do
			one_run "$name" $n 0 || return 1
			n=$((n + 1))
		done >"result.$name.$fn" &&
		FAIL_IN= &&
		runs=$(grep -c "^[0-9]" "result.$name.$fn") &&
		failed=$(grep -c "^[0-9]* [1-9]" "result.$name.$fn" || :) &&
		echo "$name: $total allocations in $fn(), $runs runs, $failed failed cleanly" |
		tee "figures.$name.$fn" &&
		! grep -A 30 "^FAIL" "result.$name.$fn"
	'
	FAIL_IN=
	test -f "figures.$name.$fn" && say "# $(cat "figures.$name.$fn")"
}

# every kind of write and read of each command
alloc_case init-from writes \
	'wd-report -q -C ws index' \
	'wd-init -q -C ws nieuw --title "Nieuw" --theme "elkaar zien" --start 2027-03-01T10:00 --from oost'
alloc_case report-check reads \
	'' \
	'wd-report -q -C ws check'
alloc_case report-index reads \
	'rm -rf ws/.wd' \
	'wd-report -q -C ws index'
alloc_case harvest-add writes \
	'wd-report -q -C ws index' \
	'wd-harvest -q -C ws add -d oost --kind droom --by "Nieuwe Buur" --new-person --tag groen "Een bankje bij de bakker"'
alloc_case harvest-import writes \
	'wd-report -q -C ws index &&
	 printf "soort;tekst;tafel;eigenaar\ndroom;Een tuin;1;\nactie;Verven;5;anna\n" >ws/rows.csv' \
	'wd-harvest -q -C ws import -d oost rows.csv'
alloc_case harvest-set writes \
	'wd-report -q -C ws index' \
	'wd-harvest -q -C ws set r2h6j9s --status klaar --note "gelukt" --tag feest'
# five invitations, each recorded in people.yaml as it goes
alloc_case invite-send writes \
	'wd-report -q -C ws index' \
	'WD_NOW=2026-11-20T10:00 wd-invite -q -C ws send -d oost --mbox ../out.mbox' \
	'fault_send_consistent out.mbox'
# a report to a file: all of it or nothing (ws/ is only read)
alloc_case report-summary reads \
	'wd-report -q -C ws index' \
	'wd-report -q -C ws summary -d oost --format html -o ../summary.html &&
	 test -s summary.html' \
	'fault_others_unchanged &&
	 { test ! -e summary.html || { echo "summary.html written, but the run failed"; false; }; }'

# forget: every trace of a person, one file after the other; a run that
# fails leaves each file as it was or as forgotten, and says so (forget
# once took a harvest folder it could not open for want of memory for
# none, and left the person's words there, saying it had forgotten them)
alloc_case invite-forget writes \
	'wd-report -q -C ws index' \
	'wd-invite -q -C ws forget anna-de-vries' \
	'fault_each_before_or_after'

# opendir() and fopen() allocate: one that runs out of memory is not "no
# such folder" or "no such file" (an import once took a harvest folder it
# could not open for one not made yet, and wrote its files anew over the
# ones there: every item gone)
for name in report-check harvest-add harvest-import harvest-set invite-send \
	invite-forget
do
	alloc_in_case $name opendir
done
# (the others open no file with fopen(): libyaml and SQLite use open())
for name in harvest-import invite-send
do
	alloc_in_case $name fopen
done

test_done

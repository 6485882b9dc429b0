#!/bin/sh
test_description='a write, fsync, rename, create or mkdir fails: exit 74 (73), a clear message, nothing changed'
#
# tests/fault/iofail.so (LD_PRELOAD) makes the Nth call of one kind fail
# with EIO or ENOSPC: write (our files and SQLite's; not stdout or
# stderr), fsync, rename, creat (an open with O_CREAT) or mkdir.  Each
# command below runs once as it is, counting its calls of each kind,
# then once for each N of each kind (every call when there are few,
# about 12 spread over them when there are many: WD_IO_RUNS).  Each run
# must either
#   - succeed (exit 0) with the files as a good run leaves them (a failure
#     that only hit the index, a cache, is a warning), or
#   - exit 74 (I/O error), or 73 (cannot create) when creating a file or
#     folder failed, with a message naming the file and the error, every
#     file as it was before (test_tree_sum) and no temporary file left.
# Then the full disk: every write fails with ENOSPC.
#
# Adding a command: one more line at the end,
#   io_case NAME 'SETUP' 'COMMAND' [KNOWN] [CHECK]
# as in t8100-alloc-fail.t; KNOWN lists "kind:exit" pairs a known bug
# gives instead (each with a test_skip naming the bug, so it shows);
# CHECK, for a command that works a piece at a time, says whether a
# failed run left a state it documents (tests/fault/lib-fault.sh).  To
# come: wd-invite add/import/rsvp/checkin/tables/forget/purge (contacts
# 0600 on a failed write too), send --maildir, ics -o; wd-report export.
. ./test-lib.sh
. "$TEST_DIRECTORY/fault/lib-fault.sh"

SHIM="$WD_BUILD/tests/fault/iofail.so"
RUNS=${WD_IO_RUNS:-12}
test "$WD_VALGRIND" = 1 && RUNS=${WD_IO_RUNS:-3}
JOBS=${WD_JOBS:-$(nproc 2>/dev/null || echo 2)}
test "$JOBS" -gt 4 && JOBS=4

WD_TEST_SEED=7 WD_NOW=2027-01-05T09:30 WD_USER=tester
export WD_TEST_SEED WD_NOW WD_USER
ASAN_OPTIONS=verify_asan_link_order=0
export ASAN_OPTIONS

if ! test -f "$SHIM"; then
	test_skip "I/O failures" "no $SHIM: run make check"
	test_done
fi

test_expect_success 'the shim fails exactly the call it is told to' '
	test_example_workspace &&
	wd-report -q -C ws index &&
	rm -f count &&
	WD_IOFAIL_COUNT="$PWD/count" LD_PRELOAD="$SHIM" \
		wd-harvest -q -C ws add -d oost --kind droom "Een test" &&
	test_grep "^write [1-9][0-9]* fsync [1-9][0-9]* rename 1 creat [1-9][0-9]* mkdir [0-9]*$" count &&
	test_example_workspace &&
	test_tree_sum ws >before &&
	test_expect_code 74 env LD_PRELOAD="$SHIM" WD_IOFAIL=rename WD_IOFAIL_N=1 \
		wd-harvest -C ws add -d oost --kind droom "Een test" 2>err &&
	test_grep "cannot replace .oost/harvest/tester.yaml.: Input/output error" err &&
	test_tree_sum ws >after &&
	test_cmp before after
'

# points C: which N of a kind with C calls
points() {
	awk -v c="$1" -v r="$RUNS" 'BEGIN {
		s = c > r ? int((c + r - 1) / r) : 1
		for (n = 1; n <= c; n += s) print n
		if ((c - 1) % s) print c
	}'
}

# one_run NAME KIND N J: fail call N of KIND; prints "KIND N EXIT" or "FAIL ..."
one_run() {
	w=run.$1.$4 err=err.$1.$4
	errno=EIO text="Input/output error"
	if test $(($3 % 2)) -eq 0; then
		errno=ENOSPC text="No space left on device"
	fi
	rm -rf "$w" && cp -R "tmpl.$1" "$w" &&
	(cd "$w" && env LD_PRELOAD="$SHIM" WD_IOFAIL=$2 WD_IOFAIL_N=$3 \
		WD_IOFAIL_ERRNO=$errno sh -c "$(cat "../cmd.$1")" >/dev/null 2>"../$err")
	ret=$?
	sum=$(test_tree_sum "$w/ws" | md5sum)
	left=$(find "$w" -name ".*.wdtmp-*" | wc -l)
	known=
	case " $(cat "known.$1") " in
	*" $2:$ret "*) known=" known" ;;
	esac
	if test $ret -eq 0; then
		if test "$sum" = "$(cat "after.$1")"; then
			echo "$2 $3 0"
		else
			echo "FAIL $2 $3: exit 0, but the files are not what a good run makes"
		fi
		return
	fi
	why=
	if test -s "check.$1"; then
		cp "before.$1.list" "$w/before.list"
		if why=$(cd "$w" && eval "$(cat "../check.$1")" 2>&1); then
			why=
		else
			why=${why:-"$(cat "check.$1") failed"}
		fi
	fi
	if test -n "$why"; then
		echo "FAIL $2 $3: exit $ret, and what is left is not a state a failed run may leave:"
		printf '%s\n' "$why" | sed "s/^/	/" | head -n 10
	elif ! test -s "check.$1" && test "$sum" != "$(cat "before.$1")"; then
		echo "FAIL $2 $3: exit $ret, and the files changed:"
	elif test "$left" -ne 0; then
		echo "FAIL $2 $3: exit $ret, and a temporary file is left"
	elif test -n "$known"; then
		echo "$2 $3 $ret known"
		return
	elif test $ret -ne 74 && ! { test $ret -eq 73 && { test $2 = creat || test $2 = mkdir; }; }; then
		echo "FAIL $2 $3: exit $ret, not 74 (or 73 creating):"
	elif ! grep -q "^wd-[a-z]*: .*cannot .*: $text$" "$err"; then
		echo "FAIL $2 $3: exit $ret without a clear message ('cannot ...: $text'):"
	else
		echo "$2 $3 $ret"
		return
	fi
	sed "s/^/	/" "$err" | head -n 10
}

worker() {
	k=0
	while read -r kind n; do
		test $((k % JOBS)) -eq "$2" && one_run "$1" "$kind" "$n" "$2"
		k=$((k + 1))
	done <"points.$1"
}

# io_case NAME SETUP COMMAND [KNOWN] [CHECK]
io_case() {
	name=$1 setup=$2 cmd=$3
	printf " %s " "$4" >"known.$name"
	printf "%s" "$5" >"check.$name"
	test_expect_success "$name: each write, fsync, rename, creat and mkdir fails" '
		rm -rf "tmpl.$name" && mkdir "tmpl.$name" &&
		(cd "tmpl.$name" && test_example_workspace && eval "$setup") &&
		printf "%s\n" "$cmd" >"cmd.$name" &&
		test_tree_sum "tmpl.$name/ws" >"before.$name.list" &&
		md5sum <"before.$name.list" >"before.$name" &&
		rm -rf ref && cp -R "tmpl.$name" ref && rm -f count &&
		(cd ref && env LD_PRELOAD="$SHIM" WD_IOFAIL_COUNT="$PWD/../count" \
			sh -c "$cmd" >/dev/null) &&
		test_tree_sum ref/ws | md5sum >"after.$name" &&
		set -- $(cat count) &&
		: >"points.$name" &&
		while test $# -ge 2
		do
			points $2 | sed "s/^/$1 /" >>"points.$name"
			shift 2
		done &&
		j=0 &&
		while test $j -lt $JOBS
		do
			worker "$name" $j >"result.$name.$j" &
			j=$((j + 1))
		done &&
		wait &&
		cat result.$name.* >"result.$name" &&
		runs=$(grep -c "^[a-z]* [0-9]" "result.$name") &&
		failed=$(grep -c "^[a-z]* [0-9]* 7[34]$" "result.$name") &&
		echo "$name: calls $(cat count); $runs runs, $failed failed cleanly, $(grep -c " known$" "result.$name") known" |
		tee "figures.$name" &&
		! grep -A 10 "^FAIL" "result.$name" &&
		test "$failed" -gt 0
	'
	test -f "figures.$name" && say "# $(cat "figures.$name")"
	test_expect_success "$name: a full disk (every write ENOSPC)" '
		rm -rf full && cp -R "tmpl.$name" full &&
		(cd full && env LD_PRELOAD="$SHIM" WD_IOFAIL=write WD_IOFAIL_N=1 \
			WD_IOFAIL_ALL=1 WD_IOFAIL_ERRNO=ENOSPC sh -c "$cmd" \
			>/dev/null 2>../err) ;
		ret=$? &&
		case " $(cat "known.$name") " in
		*" write:$ret "*) : ;;
		*)	test $ret -eq 74 &&
			# ours, or SQLite'"'"'s words for it (the index)
			grep -E "^wd-[a-z]*: .*(cannot .*: No space left on device|index: .*: database or disk is full)$" err ||
			{ cat err; false; } ;;
		esac &&
		if test -s "check.$name"
		then
			cp "before.$name.list" full/before.list &&
			(cd full && eval "$(cat "../check.$name")")
		else
			test_tree_sum full/ws | md5sum >now &&
			test_cmp "before.$name" now
		fi &&
		test "$(find full -name ".*.wdtmp-*" | wc -l)" = 0
	'
}

io_case init-from \
	'wd-report -q -C ws index' \
	'wd-init -q -C ws nieuw --title "Nieuw" --theme "elkaar zien" --start 2027-03-01T10:00 --from oost'
io_case harvest-add \
	'wd-report -q -C ws index' \
	'wd-harvest -q -C ws add -d oost --kind droom --by "Nieuwe Buur" --new-person "Een bankje bij de bakker"'
io_case harvest-import \
	'wd-report -q -C ws index &&
	 printf "soort;tekst;tafel;eigenaar\ndroom;Een tuin;1;\nactie;Verven;5;anna\n" >ws/rows.csv' \
	'wd-harvest -q -C ws import -d oost rows.csv'
io_case harvest-set \
	'wd-report -q -C ws index' \
	'wd-harvest -q -C ws set r2h6j9s --status klaar --note "gelukt" --tag feest' \
	'write:74'
io_case report-index \
	'rm -rf ws/.wd' \
	'wd-report -q -C ws index' \
	'creat:70 write:74'
# five invitations, each recorded in people.yaml as it goes; a full disk
# sends nothing (the first message does not fit in the mbox)
io_case invite-send \
	'wd-report -q -C ws index' \
	'WD_NOW=2026-11-20T10:00 wd-invite -q -C ws send -d oost --mbox ../out.mbox' \
	'' \
	'fault_send_consistent out.mbox'
# a report to a file: all of it or nothing (ws/ is only read); it
# brings the index up to date first (the copy is a new place: a new
# index), with the known bug in what a failed index write says
io_case report-summary \
	'wd-report -q -C ws index' \
	'wd-report -q -C ws summary -d oost --format html -o ../summary.html' \
	'write:74 fsync:74' \
	'fault_others_unchanged &&
	 { test ! -e summary.html || { echo "summary.html written, but the run failed"; false; }; }'
test_skip 'wd-report index: a failed index creation exits 73, not 70' \
	'known bug: lib/index.c wd_index_error maps SQLITE_CANTOPEN to EX_SOFTWARE'
test_skip 'wd-report index and summary, wd-harvest set: a failed index write says "cannot write the index", not its schema' \
	'known bug: lib/index.c exec() passes the SQL text as what failed'

test_done

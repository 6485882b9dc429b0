# test-lib.sh - the test library of wijkdialoog, after git's t/test-lib.sh
#
# A test script sets test_description, sources this file, then calls
# test_expect_success 'what' 'commands' for each test and test_done at the
# end.  Each script runs in its own throwaway folder (trash.<script>) with
# the wd-* commands of $WD_BUILD first on PATH, and prints TAP.
#
#   WD_BUILD      the build folder with the binaries (set by make check)
#   WD_VALGRIND=1 run the commands under valgrind memcheck
#   WD_VALGRIND_EVERY=K, WD_VALGRIND_FROM=J
#                 only every K-th run of a command in a script (the
#                 (K-J)-th, the (2K-J)-th, ...) under memcheck, the others
#                 as they are: CI's time (see README, "Testing")
#   WD_TEST_KEEP  keep the trash folder afterwards
#   -v            (as argument) show the output of the commands

TEST_DIRECTORY=$(cd "$(dirname "$0")" && pwd)
TEST_NAME=$(basename "$0" .t)
WD_BUILD=${WD_BUILD:-$TEST_DIRECTORY/../build}
WD_BUILD=$(cd "$WD_BUILD" && pwd) || {
	echo "Bail out! no build folder; run make first"
	exit 1
}
SHARE_DIRECTORY=$(cd "$TEST_DIRECTORY/../share/wd" && pwd)
TRASH_DIRECTORY="$TEST_DIRECTORY/trash.$TEST_NAME"

verbose=
for arg in "$@"; do
	case "$arg" in
	-v|--verbose) verbose=t ;;
	esac
done

# a known, quiet environment
unset WD_DIR WD_NOW WD_SHARE WD_LOCK_TIMEOUT WD_SENDMAIL CDPATH
unset NO_COLOR WD_PROGRESS_DELAY
TERM=dumb
export TERM
LANG=C
LC_ALL=C
TZ=UTC
export LANG LC_ALL TZ
HOME="$TRASH_DIRECTORY"
export HOME
GIT_AUTHOR_NAME='A U Thor'
GIT_AUTHOR_EMAIL='author@example.org'
GIT_COMMITTER_NAME='C O Mitter'
GIT_COMMITTER_EMAIL='committer@example.org'
GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME \
	GIT_COMMITTER_EMAIL GIT_CONFIG_NOSYSTEM

# Commands: the build folder, or valgrind wrappers around it (as git's
# t/valgrind).  Under valgrind a command with a memory error or a leak
# (definitely or indirectly lost) exits 126, which fails the test; and
# every report also goes to a log of its own, which test_done shows and
# counts as a failure, also for a command whose exit a test ignores
# (`! cmd`, `cmd || :`).  WD_VALGRIND_LOG keeps them elsewhere.  Only
# libc's malloc is memcheck's: an LD_PRELOAD shim's comes first
# (tests/fault/allocfail.so, t8100), and passes on to it.
if test "$WD_VALGRIND" = 1; then
	WD_BIN="$TRASH_DIRECTORY.bin"
	WD_VG_LOG=${WD_VALGRIND_LOG:-$WD_BIN/log}
	rm -rf "$WD_BIN" && mkdir -p "$WD_BIN" "$WD_VG_LOG"
	every=${WD_VALGRIND_EVERY:-1} from=${WD_VALGRIND_FROM:-0}
	case "$every$from" in
	*[!0-9]*|'')
		echo "Bail out! WD_VALGRIND_EVERY and WD_VALGRIND_FROM are numbers"
		exit 1 ;;
	esac
	test "$every" -ge 1 || every=1
	# by full name: a test may run a command with PATH set to next to nothing
	vg=$(command -v valgrind) flock=$(command -v flock)
	for cmd in "$WD_BUILD"/wd-* "$WD_BUILD"/wd; do
		test -x "$cmd" || continue
		cat >"$WD_BIN/$(basename "$cmd")" <<VG
#!/bin/sh
if test $every -gt 1; then
	# the how-many-th run of a command in this script (runs may overlap)
	n=\$("$flock" "$WD_BIN/runs" /bin/sh -c \
		'read n <"\$1" || n=0; n=\$((\${n:-0} + 1)); echo \$n >"\$1"; echo \$n' \
		- "$WD_BIN/runs")
	test \$(((n + $from) % $every)) -eq 0 || exec "$cmd" "\$@"
fi
exec "$vg" -q --error-exitcode=126 --leak-check=full \
	--errors-for-leak-kinds=definite,indirect --track-fds=no \
	--soname-synonyms=somalloc=nouserintercepts \
	--log-file="$WD_VG_LOG/$TEST_NAME.%p" "$cmd" "\$@"
VG
		chmod +x "$WD_BIN/$(basename "$cmd")"
	done
else
	WD_BIN="$WD_BUILD"
fi
PATH="$WD_BIN:$PATH"
export PATH WD_BUILD

rm -rf "$TRASH_DIRECTORY"
mkdir -p "$TRASH_DIRECTORY" || exit 1
cd "$TRASH_DIRECTORY" || exit 1

test_count=0
test_failed=0

say() {
	printf '%s\n' "$*"
}

test_expect_success() {
	test_count=$((test_count + 1))
	if test -n "$verbose"; then
		( eval "$2" )
	else
		( eval "$2" ) >"$TRASH_DIRECTORY/.out" 2>&1 </dev/null
	fi
	ret=$?
	if test $ret -eq 0; then
		say "ok $test_count - $1"
	else
		test_failed=$((test_failed + 1))
		say "not ok $test_count - $1"
		# the commands and their output, as TAP comments
		printf '%s\n' "$2" | sed 's/^/#	/'
		if test -z "$verbose" && test -f "$TRASH_DIRECTORY/.out"; then
			sed 's/^/# > /' "$TRASH_DIRECTORY/.out" | tail -n 40
		fi
	fi
}

test_skip() {
	test_count=$((test_count + 1))
	say "ok $test_count # skip $1 ($2)"
}

# Under valgrind: one more test, that no command had a report.
test_valgrind_clean() {
	test "$WD_VALGRIND" = 1 || return 0
	test_count=$((test_count + 1))
	find "$WD_VG_LOG" -name "$TEST_NAME.*" -size +0 >"$WD_BIN/reports"
	if ! test -s "$WD_BIN/reports"; then
		say "ok $test_count - valgrind: no errors, nothing lost"
		return 0
	fi
	test_failed=$((test_failed + 1))
	say "not ok $test_count - valgrind: $(wc -l <"$WD_BIN/reports") runs with errors or leaks"
	while read -r f; do
		sed 's/^/# /' "$f" | head -n 60
	done <"$WD_BIN/reports"
}

test_done() {
	test_valgrind_clean
	say "1..$test_count"
	if test $test_failed -eq 0 && test -z "$WD_TEST_KEEP"; then
		cd "$TEST_DIRECTORY" && rm -rf "$TRASH_DIRECTORY"
		test "$WD_BIN" = "$WD_BUILD" || rm -rf "$WD_BIN"
	fi
	test $test_failed -eq 0
	exit $?
}

# test_cmp EXPECTED ACTUAL: the same, or a diff and failure
test_cmp() {
	diff -u "$1" "$2"
}

# test_must_fail CMD...: CMD fails in an orderly way (not a crash)
test_must_fail() {
	"$@"
	ret=$?
	if test $ret -eq 0; then
		echo >&2 "test_must_fail: '$*' succeeded"
		return 1
	elif test $ret -gt 125; then
		echo >&2 "test_must_fail: '$*' died ($ret)"
		return 1
	fi
	return 0
}

# test_expect_code N CMD...: CMD exits with exactly N
test_expect_code() {
	want=$1
	shift
	"$@"
	ret=$?
	if test $ret -ne "$want"; then
		echo >&2 "test_expect_code: '$*' exited $ret, not $want"
		return 1
	fi
	return 0
}

# test_line_count OP N FILE: wc -l of FILE compared with N
test_line_count() {
	n=$(wc -l <"$3" | tr -d ' ')
	test "$n" "$1" "$2" || {
		echo >&2 "test_line_count: $3 has $n lines, not $1 $2"
		cat >&2 "$3"
		return 1
	}
}

# test_grep [-v] PATTERN FILE: like grep, but shows the file when it fails
test_grep() {
	if test "$1" = "-v"; then
		shift
		! grep -e "$1" "$2" || {
			echo >&2 "test_grep: '$1' found in $2"
			return 1
		}
		return 0
	fi
	grep -e "$1" "$2" >/dev/null || {
		echo >&2 "test_grep: '$1' not found in $2:"
		cat >&2 "$2"
		return 1
	}
}

# test_have PROG: whether PROG is installed (for optional tests)
test_have() {
	command -v "$1" >/dev/null 2>&1
}

# A copy of the small example workspace every test can start from.
test_example_workspace() {
	rm -rf "${1:-ws}" &&
	cp -R "$SHARE_DIRECTORY/examples/workspace" "${1:-ws}"
}

# Fingerprints of every file under a folder, to show nothing changed.
test_tree_sum() {
	(cd "${1:-.}" && find . -path ./.wd -prune -o -path ./.git -prune -o \
		-type f -print | LC_ALL=C sort | xargs -r md5sum)
}

#!/bin/sh
test_description='every fuzz seed, and every input that once broke a harness, replayed'
#
# `make check` builds each libFuzzer harness (tests/fuzz/fuzz-NAME.c)
# with tests/fuzz/replay.c instead of libFuzzer, with the build's own
# compiler and sanitizers, into $WD_BUILD/tests/fuzz/replay-NAME; this
# runs each over its seeds, tests/fuzz/corpus/NAME/, which keep the
# inputs that once crashed or broke a promise (crash-*, leak-*).  So a
# bug the fuzzer found stays fixed, in every build, without clang.
# Under valgrind the harnesses run under memcheck too.
#
# A new harness needs nothing here: it is found by its name.
. ./test-lib.sh

CORPUS="$TEST_DIRECTORY/fuzz/corpus"

run() {
	if test "$WD_VALGRIND" = 1; then
		valgrind -q --error-exitcode=126 --leak-check=full \
			--errors-for-leak-kinds=definite,indirect "$@"
	else
		"$@"
	fi
}

test_expect_success 'a replay program for every harness, a corpus for every replay' '
	ls "$TEST_DIRECTORY"/fuzz/fuzz-*.c | sed "s|.*/fuzz-||; s|\.c$||" | sort >harnesses &&
	ls "$WD_BUILD"/tests/fuzz/replay-* | sed "s|.*/replay-||" | sort >replays &&
	ls "$CORPUS" | sort >corpora &&
	test_cmp harnesses replays &&
	test_cmp harnesses corpora &&
	test_line_count -ge 5 harnesses
'

for name in $(ls "$CORPUS"); do
	test_expect_success "fuzz corpus of $name: every input replays" '
		n=$(ls "$CORPUS/$name" | wc -l) &&
		test "$n" -gt 0 &&
		run "$WD_BUILD/tests/fuzz/replay-$name" "$CORPUS/$name" >out &&
		test_grep "^$n inputs$" out
	'
done

test_expect_success 'a replay that cannot read an input fails' '
	test_must_fail "$WD_BUILD/tests/fuzz/replay-csv" no-such-input
'

test_done

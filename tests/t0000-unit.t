#!/bin/sh
# The C unit tests of lib/ print their own TAP.
WD_BUILD=${WD_BUILD:-$(dirname "$0")/../build}
if test "$WD_VALGRIND" = 1; then
	exec valgrind -q --error-exitcode=126 --leak-check=full \
		"$WD_BUILD/tests/unit-tests"
fi
exec "$WD_BUILD/tests/unit-tests"

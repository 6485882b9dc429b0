#!/bin/sh
test_description='wd-invite: the man page and --help agree'
. ./test-lib.sh

MAN="$TEST_DIRECTORY/../man/wd-invite.1"

if test_have mandoc
then
	test_expect_success 'the man page is clean under mandoc -T lint -W warning' '
		mandoc -T lint -W warning "$MAN" >out 2>&1 &&
		test_line_count = 0 out
	'
else
	test_skip 'the man page is clean under mandoc' 'no mandoc'
fi

test_expect_success '--help and the SYNOPSIS have the same commands and options' '
	wd-invite --help >help &&
	python3 - "$MAN" help <<-\EOF
	import re, sys
	man = open(sys.argv[1], encoding="utf-8").read()
	syn = man.split(".Sh SYNOPSIS")[1].split(".Sh DESCRIPTION")[0]
	want = set()
	for block in syn.split(".Nm\n")[1:]:
	    m = re.search(r"^\.Cm (\S+)", block, re.M)
	    if not m:
	        continue
	    for o in re.findall(r"Fl (\\-[a-z-]+|d)\b", block):
	        want.add((m.group(1), "--" + o[2:] if o.startswith("\\-") else "-" + o))
	got = set()
	block = open(sys.argv[2]).read().split("\n\n")[1]
	cmd = None
	for line in block.splitlines():
	    if not line.startswith("      "):
	        cmd = line.split()[0]
	    for o in re.findall(r"(--[a-z-]+|-d)\b", line):
	        got.add((cmd, o))
	missing = sorted(want - got)
	extra = sorted(got - want)
	assert not missing and not extra, ("man only", missing, "help only", extra)
	assert len({c for c, _ in want}) == 12, sorted({c for c, _ in want})
	EOF
'

test_expect_success 'every option of --help is described in OPTIONS' '
	wd-invite --help | grep -o -e "--[a-z-]*" | sort -u >opts &&
	while read -r o
	do
		grep -q "^\.It Fl .*\\\\${o#-}\b" "$MAN" ||
		grep -q "^\.It Fl [a-zC] , \\\\${o#-}\b" "$MAN" || {
			echo "not in OPTIONS: $o"; return 1
		}
	done <opts
'

test_expect_success 'EXAMPLES has an example for every command' '
	sed -n "/^\.Sh EXAMPLES/,/^\.Sh SEE ALSO/p" "$MAN" >examples &&
	for c in add import list rsvp checkin tables send remind ics \
		show-person forget purge
	do
		grep -q "wd-invite .*$c" examples || { echo "no example of $c"; return 1; }
	done
'

test_done

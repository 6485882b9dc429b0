#!/bin/sh
test_description='every command: --help and its man page agree, and what --help lists works'
. ./test-lib.sh

MAN_DIRECTORY=$(cd "$TEST_DIRECTORY/../man" && pwd)
COMMANDS='wd wd-init wd-invite wd-harvest wd-report'

# ---------------------------------------------------------------------------
# Reading --help.  The usage lines ("usage: CMD ...", "   or: CMD ...") and
# the subcommand lines ("  NAME [options]", two spaces and a word, continued
# on lines indented further) come first; the global options are the list in
# the last paragraph ("  -q, --quiet   say ...").  Out: one line for each
# option where it goes, SUB<TAB>OPTION<TAB>TAKES-AN-ARGUMENT<TAB>VALUE, with
# SUB "-" for an option before any subcommand; and to the file `subs` the
# subcommands.  An option of the last list that a subcommand line names too
# (-d, --dialogue) belongs to those subcommands, with all of its forms.
cat >help.awk <<'EOF'
# a value to try for an argument: the first of "a|b", or one that fits
function value(tok,  v) {
	if (tok ~ /\|/) { v = tok; sub(/\|.*/, "", v); return v }
	if (tok ~ /^[a-z]/) return tok
	if (tok == "N" || tok == "DAYS") return "2"
	if (tok == "DATE") return "2026-01-01"
	if (tok == "TIME") return "2026-12-12T19:30"
	if (tok == "DURATION") return "2h"
	if (tok == "ZONE") return "Europe/Amsterdam"
	if (tok ~ /^ENC/) return "UTF-8"
	return "x"
}
function isopt(tok) { return tok ~ /^--?[A-Za-z0-9]/ }
function add(sub_, opt, arg, val) {
	out[++nout] = sub_ "\t" opt "\t" arg "\t" val
}
# the options in the text of one usage or subcommand line
function entry(sub_, text,   n, t, i, a) {
	gsub(/\.\.\./, " ", text)
	gsub(/\[/, " [ ", text)
	gsub(/\]/, " ] ", text)
	gsub(/\|/, " | ", text)
	n = split(text, t, " ")
	for (i = 1; i <= n; i++) {
		if (!isopt(t[i]))
			continue
		# an argument follows in the same brackets: "[--size N]"
		a = (i < n && t[i + 1] !~ /^(\[|\]|\||-.*)$/)
		add(sub_, t[i], a, a ? value(t[i + 1]) : "")
		if (sub_ != "-")
			where[t[i]] = where[t[i]] " " sub_
	}
}
{
	line[NR] = $0
	if ($0 ~ /^[ \t]*$/)
		last = NR
}
END {
	cur = ""
	for (l = 1; l < last; l++) {
		s = line[l]
		if (s ~ /^usage: / || s ~ /^ +or: /) {
			# "or: wd help [<command>]": a subcommand after the name
			sub(/^ *(usage|or): +[^ ]+ */, "", s)
			cur = "-"
			u = s
			gsub(/\[[^]]*\]/, " ", u)
			if (split(u, w, " ") && w[1] ~ /^[a-z][a-z-]*$/) {
				cur = w[1]
				subs[cur] = 1
				s = substr(s, index(s, cur) + length(cur))
			}
		} else if (s ~ /^  [a-z][a-z-]*( |$)/) {
			split(s, w, " ")
			cur = w[1]
			subs[cur] = 1
			s = substr(s, index(s, cur) + length(cur))
			# "  check      validate ...": only a description
			if (s ~ /^  /)
				s = ""
		} else if (s ~ /^ / && cur != "") {
			sub(/^ +/, "", s)
		} else {
			cur = ""	# prose
			continue
		}
		# no description: it starts after two spaces
		if (match(s, /[^ ]  +[^ ]/))
			s = substr(s, 1, RSTART)
		entry(cur, s)
	}
	for (l = last + 1; l <= NR; l++) {
		if (line[l] !~ /^ +-/)
			continue
		n = split(line[l], t, " ")
		nf = 0
		a = 0
		v = ""
		for (i = 1; i <= n; i++) {
			x = t[i]
			sub(/,$/, "", x)
			if (isopt(x)) {
				f[++nf] = x
				continue
			}
			if (x ~ /\|/ || x ~ /^[A-Z][A-Z0-9_-]*$/ || x ~ /^<.*>$/) {
				a = 1
				v = value(x)
			}
			break
		}
		list = ""
		for (i = 1; i <= nf; i++)
			list = list where[f[i]]
		nl = split(list, ls, " ")
		for (i = 1; i <= nf; i++)
			if (nl)
				for (j = 1; j <= nl; j++)
					add(ls[j], f[i], a, v)
			else
				add("-", f[i], a, v)
	}
	for (i = 1; i <= nout; i++)
		print out[i]
	for (s in subs)
		print s >"subs"
}
EOF

# ---------------------------------------------------------------------------
# Reading a man page: the arguments of every Fl macro up to the next macro,
# as options ("Fl \-no-progress" is --no-progress, "Fl C , q" are -C and
# -q).  With scope=synopsis only the SYNOPSIS and the .It lines of the
# option lists count, not the prose.
cat >man-options.awk <<'EOF'
/^\.Sh / { insyn = ($2 == "SYNOPSIS") }
/^\./ {
	if (scope == "synopsis" && !insyn && $1 != ".It")
		next
	fl = 0
	for (i = 1; i <= NF; i++) {
		t = $i
		if (t == "Fl" || t == ".Fl") {
			fl = 1
			continue
		}
		if (t ~ /^\.?[A-Z][a-z][a-z]?$/) {
			fl = 0
			continue
		}
		if (!fl || t ~ /^[][|.,;:()?!]$/ || t ~ /^\\&/)
			continue
		gsub(/\\-/, "-", t)
		print "-" t
	}
}
EOF

# The subcommands in a SYNOPSIS: the first .Cm line after each .Nm
# (".Cm themes | tags" names two; ".Cm yes Ns | ..." after ".Cm rsvp" none).
cat >man-subs.awk <<'EOF'
/^\.Sh / { insyn = ($2 == "SYNOPSIS"); next }
!insyn { next }
$1 == ".Nm" { want = 1; next }
$1 == ".Cm" && want {
	for (i = 2; i <= NF; i++)
		if ($i != "|")
			print $i
	want = 0
}
EOF

# help_facts CMD [HELPFILE]: help.CMD, opts.CMD, subs.CMD from --help
help_facts() {
	if test -n "$2"; then
		cp "$2" "help.$1"
	else
		"$1" --help >"help.$1"
	fi &&
	rm -f subs &&
	awk -f help.awk "help.$1" | sort -u >"opts.$1" &&
	touch subs && sort -u subs >"subs.$1" &&
	test -s "opts.$1"
}

# man_facts CMD [MANFILE]: man-all.CMD, man-syn.CMD, man-subs.CMD
man_facts() {
	m=${2:-$MAN_DIRECTORY/$1.1}
	test -f "$m" || {
		echo >&2 "no man page $m"
		return 1
	}
	awk -f man-options.awk "$m" | sort -u >"man-all.$1" &&
	awk -v scope=synopsis -f man-options.awk "$m" | sort -u >"man-syn.$1" &&
	awk -f man-subs.awk "$m" | sort -u >"man-subs.$1"
}

# mismatches CMD: each difference as "CMD KIND ITEM", after help_facts and
# man_facts.  KIND is help-not-in-man (an option of --help the man page
# never names), man-not-in-help (an option of the SYNOPSIS or an option
# list that --help does not show), sub-not-in-man or sub-not-in-help.
mismatches() {
	test -s "opts.$1" && test -f "subs.$1" && test -s "man-all.$1" || {
		echo >&2 "mismatches $1: no facts"
		return 1
	} &&
	cut -f2 "opts.$1" | sort -u >"help-opts.$1" &&
	comm -23 "help-opts.$1" "man-all.$1" | sed "s/^/$1 help-not-in-man /" &&
	comm -13 "help-opts.$1" "man-syn.$1" | sed "s/^/$1 man-not-in-help /" &&
	comm -23 "subs.$1" "man-subs.$1" | sed "s/^/$1 sub-not-in-man /" &&
	comm -13 "subs.$1" "man-subs.$1" | sed "s/^/$1 sub-not-in-help /"
}

# Mismatches known to be there, to be fixed in the sources: the checks
# below leave them out, and a "# TODO" test for each says whether it is
# still there.
cat >known <<'EOF'
EOF

# check_kinds CMD KIND...: the mismatches of these kinds, less known ones
check_kinds() {
	c=$1
	shift
	mismatches "$c" >"all.$c" || return 1
	for k in "$@"; do
		grep "^$c $k " "all.$c"
	done | grep -v -F -x -f known >"new.$c"
	if test -s "new.$c"; then
		cat >&2 "new.$c"
		return 1
	fi
	return 0
}

# test_expect_failure: as in git, a known breakage: "not ok ... # TODO"
test_expect_failure() {
	test_count=$((test_count + 1))
	( eval "$2" ) >"$TRASH_DIRECTORY/.out" 2>&1 </dev/null
	if test $? -eq 0; then
		say "ok $test_count - $1 # TODO known breakage vanished"
	else
		say "not ok $test_count - $1 # TODO known breakage"
	fi
}

# The command to try an option with: the subcommand (or, for an option
# before any subcommand, a harmless one after it).
probe_sub() {
	case "$1" in
	wd) echo report ;;
	wd-init) echo "" ;;
	wd-report) echo check ;;
	*) echo list ;;
	esac
}

# probe_options CMD: run CMD with each option of opts.CMD and then
# --zz-no-such-option, in a copy of the example workspace.  The option
# must be accepted: no complaint of getopt (or of wd) about it, and the
# complaint about --zz-no-such-option comes instead (or the command refused
# the option's value, naming the option).  --help and --version exit 0.
probe_options() {
	cmd=$1
	probe=$(probe_sub "$cmd")
	bad=0
	test -s "opts.$cmd" || {
		echo "FAIL $cmd: no options from --help"
		return 1
	}
	while IFS='	' read -r sub opt arg val; do
		o=$opt
		if test "$arg" = 1; then
			case "$opt" in
			--*) o="$opt=$val" ;;
			*) o="$opt$val" ;;
			esac
		fi
		if test "$sub" != -; then
			set -- "$sub" "$o"
		elif test -n "$probe"; then
			set -- "$o" "$probe"
		else
			set -- "$o"
		fi
		what="$cmd $*"
		(cd ws && WD_SENDMAIL=false "$cmd" "$@" --zz-no-such-option \
			>../probe.out 2>../probe.err </dev/null)
		rc=$?
		if grep -E "(unrecognized|unknown|invalid) option|allow an argument|requires an argument|needs a value|takes no value|is ambiguous" \
			probe.err | grep -v -e "zz-no-such-option" >probe.bad; then
			echo "FAIL $what: not accepted: $(head -n 1 probe.bad)"
			bad=1
		elif test "$opt" = --help || test "$opt" = -h || test "$opt" = --version; then
			test $rc = 0 && test -s probe.out || {
				echo "FAIL $what: exit $rc, not 0 with output"
				bad=1
			}
		elif test $rc = 64 &&
			grep -E "(unrecognized|unknown) option '--zz-no-such-option'" probe.err >/dev/null; then
			:	# accepted
		elif grep -e "zz-no-such-option" probe.err >/dev/null; then
			echo "FAIL $what: took --zz-no-such-option as its argument: $(head -n 1 probe.err)"
			bad=1
		elif test $rc -gt 0 && test $rc -lt 126 && grep -e "$opt" probe.err >/dev/null; then
			echo "note $what: refused the value: $(head -n 1 probe.err)"
		else
			echo "FAIL $what: exit $rc: $(head -n 1 probe.err)"
			bad=1
		fi
	done <"opts.$cmd"
	return $bad
}

test_expect_success 'setup: --help of every command, a workspace to try options in' '
	for c in $COMMANDS; do
		help_facts $c || return 1
	done &&
	test_example_workspace &&
	mkdir ws/x &&
	grep -F -x -e "-	-C	1	x" opts.wd &&
	grep -F -x "summary	--format	1	text" opts.wd-report &&
	grep -F -x "add	--dialogue	1	x" opts.wd-harvest &&
	grep -F -x -e "-	--no-progress	0	" opts.wd-invite &&
	grep -F -x "rsvp	--dry-run	0	" opts.wd-invite &&
	grep -F -x -e "-	--themes	0	" opts.wd-init &&
	grep -F -x -e "-	--lang	1	nl" opts.wd-init &&
	echo help >expect && test_cmp expect subs.wd &&
	test_must_fail test -s subs.wd-init &&
	grep -F -x ids subs.wd-report &&
	grep -F -x show-person subs.wd-invite
'

for c in $COMMANDS; do
	test_expect_success "$c: every option of --help is in man/$c.1" "
		man_facts $c &&
		check_kinds $c help-not-in-man
	"
	test_expect_success "$c: every option of the SYNOPSIS and OPTIONS of man/$c.1 is in --help" "
		man_facts $c &&
		check_kinds $c man-not-in-help
	"
	test_expect_success "$c: the SYNOPSIS of man/$c.1 names the subcommands of --help" "
		man_facts $c &&
		check_kinds $c sub-not-in-man sub-not-in-help
	"
	test_expect_success "$c: every option of --help is accepted" "
		probe_options $c >probe.$c; ret=\$?; cat probe.$c; exit \$ret
	"
done

while read -r c kind item; do
	test_expect_failure "known mismatch: $c $kind $item" "
		man_facts $c &&
		mismatches $c >all.$c &&
		! grep -F -x -e '$c $kind $item' all.$c
	"
done <known

if test_have mandoc; then
	test_expect_success 'mandoc -T lint -W warning: every man page is clean' '
		for m in "$MAN_DIRECTORY"/*.[1-9]; do
			mandoc -T lint -W warning "$m" || return 1
		done >lint 2>&1 &&
		test_line_count = 0 lint &&
		test -f "$MAN_DIRECTORY/wd.1"
	'
else
	test_skip 'mandoc -T lint -W warning: every man page is clean' 'no mandoc'
fi

# The checks themselves: each finds what it is there to find, in a --help
# text and a man page made wrong on purpose.
cat >craft-help.awk <<'EOF2'
/^  due \[--days N\]/ { sub(/\]/, "] [--frobnicate]") }
/^      --no-progress/ { print "      --zz-global    a global option no command has" }
{ print }
EOF2
cat >craft-man.awk <<'EOF2'
$0 == ".Cm relay" { $0 = ".Cm relayx" }
{ gsub(/-rebuild/, "-rebuildx"); print }
/^\.Sh SYNOPSIS/ { print ".Op Fl \\-frobnicate" }
/^\.Cm due/ { print ".Op Fl \\-more" }
EOF2

test_expect_success 'the checks see an option --help lists that is not implemented' '
	wd-report --help >orig.help &&
	awk -f craft-help.awk orig.help >crafted &&
	help_facts wd-report crafted &&
	grep -F -x -e "due	--days	1	2" opts.wd-report &&
	grep -F -x -e "due	--frobnicate	0	" opts.wd-report &&
	grep -F -x -e "-	--zz-global	0	" opts.wd-report &&
	grep -e "^due	" -e "^-	" -e "^search	" opts.wd-report >some &&
	mv some opts.wd-report &&
	test_must_fail probe_options wd-report >probe &&
	grep "^FAIL wd-report due --frobnicate: not accepted: .*frobnicate" probe &&
	grep "^FAIL wd-report --zz-global check: not accepted" probe &&
	test_line_count = 2 probe &&
	man_facts wd-report &&
	mismatches wd-report >all &&
	grep -F -x "wd-report help-not-in-man --frobnicate" all &&
	grep -F -x "wd-report help-not-in-man --zz-global" all &&
	test_must_fail check_kinds wd-report help-not-in-man
'

test_expect_success 'the checks see an argument --help gets wrong' '
	wd-report --help >orig.help &&
	sed -e "s/\[--open | --overdue/[--open DAYS | --overdue/" \
		-e "s/\[--limit N\]/[--limit]/" orig.help >crafted &&
	help_facts wd-report crafted &&
	grep -e "^actions	" -e "^search	" opts.wd-report >some &&
	mv some opts.wd-report &&
	test_must_fail probe_options wd-report >probe &&
	grep "^FAIL wd-report actions --open=2: not accepted: .*takes no value" probe &&
	grep "^FAIL wd-report search --limit: took --zz-no-such-option as its argument" probe &&
	test_line_count = 2 probe
'

test_expect_success 'the checks see an option or command only one side has' '
	help_facts wd-report &&
	awk -f craft-man.awk "$MAN_DIRECTORY/wd-report.1" >crafted.1 &&
	man_facts wd-report crafted.1 &&
	mismatches wd-report >all &&
	grep -F -x "wd-report man-not-in-help --frobnicate" all &&
	grep -F -x "wd-report man-not-in-help --more" all &&
	grep -F -x "wd-report man-not-in-help --rebuildx" all &&
	grep -F -x "wd-report help-not-in-man --rebuild" all &&
	grep -F -x "wd-report sub-not-in-man relay" all &&
	grep -F -x "wd-report sub-not-in-help relayx" all &&
	test_must_fail check_kinds wd-report man-not-in-help &&
	test_must_fail check_kinds wd-report sub-not-in-man
'

test_done

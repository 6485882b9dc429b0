#!/bin/sh
test_description='wd, the front end: wd COMMAND runs wd-COMMAND, as git does'
. ./test-lib.sh

# same_run 'wd ARGS' 'wd-CMD ARGS': both in a fresh copy of the example
# workspace, with the same stdout, stderr (modulo the path of the program
# that getopt prints) and exit code.
same_run() {
	test_example_workspace w1 &&
	test_example_workspace w2 &&
	(cd w1 && eval "$1" >../front.out 2>../front.err; echo $? >../front.rc) &&
	(cd w2 && eval "$2" >../cmd.out 2>../cmd.err; echo $? >../cmd.rc) &&
	test_cmp cmd.rc front.rc &&
	test_cmp cmd.out front.out &&
	sed "s|^[^ :]*/\(wd-[a-z]*\):|\1:|" cmd.err >cmd.err.n &&
	sed "s|^[^ :]*/\(wd-[a-z]*\):|\1:|" front.err >front.err.n &&
	test_cmp cmd.err.n front.err.n
}

# the four commands as 'wd' lists them
cat >commands.expect <<'EOF'
init
invite
harvest
report
EOF

test_expect_success 'wd alone lists the four commands, one a line, and exits 0' '
	wd >out 2>err &&
	test_must_fail test -s err &&
	grep -E "^  [a-z]+ +[a-z]" out >lines &&
	test_line_count = 4 lines &&
	sed "s/^  \([a-z]*\) .*/\1/" lines >names &&
	test_cmp commands.expect names
'

test_expect_success 'wd report is wd-report: summary of one dialogue' '
	same_run "wd report -C . summary -d oost" \
		"wd-report -C . summary -d oost" &&
	test_grep "^Elkaar zien in Oost" cmd.out &&
	test "$(cat cmd.rc)" = 0
'

test_expect_success 'wd report: a global option before the command is passed on' '
	test_example_workspace &&
	wd -C ws report actions >front.out 2>front.err &&
	wd-report -C ws actions >cmd.out 2>cmd.err &&
	test_cmp cmd.out front.out &&
	test_cmp cmd.err front.err &&
	test_grep "x1y5z3m" cmd.out &&
	wd -q -C ws report summary --all --format json >front.out &&
	wd-report -q -C ws summary --all --format json >cmd.out &&
	test_cmp cmd.out front.out &&
	test_grep "\"lombok\"" cmd.out &&
	# without -C it is no workspace: the option did the work
	test_expect_code 78 wd report actions 2>err &&
	test_grep "not a wijkdialoog workspace" err
'

test_expect_success 'wd report: an error has the same message and exit code' '
	same_run "wd report summary -d nosuch" "wd-report summary -d nosuch" &&
	test "$(cat cmd.rc)" = 66 &&
	test_grep "no dialogue .nosuch." cmd.err &&
	same_run "wd report --bogus" "wd-report --bogus" &&
	test "$(cat cmd.rc)" = 64 &&
	test_grep "bogus" cmd.err
'

test_expect_success 'wd init is wd-init' '
	same_run "wd init nieuw --title T --theme t --start 2027-01-01T10:00 --dry-run" \
		"wd-init nieuw --title T --theme t --start 2027-01-01T10:00 --dry-run" &&
	test_grep "^title: T" cmd.out &&
	same_run "wd init oost --title T --theme t --start 2027-01-01T10:00" \
		"wd-init oost --title T --theme t --start 2027-01-01T10:00" &&
	test_must_fail test "$(cat cmd.rc)" = 0
'

test_expect_success 'wd invite is wd-invite, also when it writes' '
	same_run "wd invite list -d oost --format csv" \
		"wd-invite list -d oost --format csv" &&
	test_grep "anna-de-vries" cmd.out &&
	WD_NOW=2026-12-01T12:00 && export WD_NOW &&
	same_run "wd invite rsvp -d lombok sanne-jansen no" \
		"wd-invite rsvp -d lombok sanne-jansen no" &&
	test "$(cat cmd.rc)" = 0 &&
	test_tree_sum w1 >w1.sum &&
	test_tree_sum w2 >w2.sum &&
	test_cmp w2.sum w1.sum &&
	test_example_workspace pristine &&
	test_must_fail cmp -s pristine/lombok/people.yaml w1/lombok/people.yaml
'

test_expect_success 'wd harvest is wd-harvest' '
	same_run "wd harvest list -d oost --kind dream" \
		"wd-harvest list -d oost --kind dream" &&
	test -s cmd.out &&
	same_run "wd harvest add -d oost" "wd-harvest add -d oost" &&
	test "$(cat cmd.rc)" = 64
'

test_expect_success 'an unknown command exits 64 and lists the commands on stderr' '
	test_expect_code 64 wd foo >out 2>err &&
	test_must_fail test -s out &&
	test_grep "^wd: .foo. is not a wd command" err &&
	grep -E "^  [a-z]+ +[a-z]" err | sed "s/^  \([a-z]*\) .*/\1/" >names &&
	test_cmp commands.expect names
'

test_expect_success 'arguments are passed on in order, spaces and all' '
	mkdir sib &&
	cp "$WD_BUILD/wd" sib/wd &&
	printf "#!/bin/sh\nprintf \"[%%s]\\\\n\" \"\$@\"\n" >sib/wd-report &&
	chmod +x sib/wd-report &&
	sib/wd -C "a b" -q report summary -d "x y" "" >out &&
	cat >expect <<-\EOF &&
	[-C]
	[a b]
	[-q]
	[summary]
	[-d]
	[x y]
	[]
	EOF
	test_cmp expect out
'

# a fake man that records its arguments
mkdir fakeman
cat >fakeman/man <<EOF
#!/bin/sh
printf '%s\n' "\$@" >"$TRASH_DIRECTORY/man.args"
EOF
chmod +x fakeman/man

test_expect_success 'wd help COMMAND runs man wd-COMMAND' '
	rm -f man.args &&
	PATH="$TRASH_DIRECTORY/fakeman:$PATH" wd help report &&
	echo wd-report >expect &&
	test_cmp expect man.args &&
	PATH="$TRASH_DIRECTORY/fakeman:$PATH" wd help init &&
	echo wd-init >expect &&
	test_cmp expect man.args
'

test_expect_success 'wd help alone runs man 7 wd' '
	rm -f man.args &&
	PATH="$TRASH_DIRECTORY/fakeman:$PATH" wd help &&
	printf "7\nwd\n" >expect &&
	test_cmp expect man.args
'

test_expect_success 'wd help with an unknown command exits 64, without man' '
	rm -f man.args &&
	(PATH="$TRASH_DIRECTORY/fakeman:$PATH" && export PATH &&
	 test_expect_code 64 wd help foo 2>err) &&
	test_must_fail test -e man.args &&
	test_grep "no such command: .foo." err &&
	test_grep "^  report " err
'

# A PATH with the wd commands only: no man anywhere on it.
mkdir only
for f in "$WD_BIN"/wd "$WD_BIN"/wd-*; do
	ln -s "$f" only/
done
test "$WD_VALGRIND" = 1 && ln -s "$(command -v valgrind)" only/

test_expect_success 'without man, wd help COMMAND prints wd-COMMAND --help' '
	test_must_fail test -e only/man &&
	env PATH="$TRASH_DIRECTORY/only" "$TRASH_DIRECTORY/only/wd" help report >out 2>err &&
	wd-report --help >expect &&
	test_cmp expect out &&
	env PATH="$TRASH_DIRECTORY/only" "$TRASH_DIRECTORY/only/wd" help invite >out &&
	wd-invite --help >expect &&
	test_cmp expect out
'

test_expect_success 'without man, wd help alone lists the commands' '
	env PATH="$TRASH_DIRECTORY/only" "$TRASH_DIRECTORY/only/wd" help >out &&
	wd >expect &&
	test_cmp expect out &&
	test_grep "^  report " out
'

test_expect_success 'wd --version and wd --help exit 0' '
	wd --version >out &&
	test_grep "^wd (wijkdialoog) [0-9]" out &&
	wd --help >out &&
	test_grep "^usage: wd " out &&
	test_grep "wd help \[<command>\]" out &&
	wd -h >out &&
	test_grep "^usage: wd " out
'

test_expect_success 'a bad global option is a usage error of wd itself' '
	test_expect_code 64 wd --bogus report check 2>err &&
	test_grep "^wd: unknown option .--bogus." err &&
	test_expect_code 64 wd -C 2>err &&
	test_grep "^wd: -C needs a folder" err
'

test_expect_success 'wd finds its siblings without the build folder on PATH' '
	! env PATH=/usr/bin:/bin sh -c "command -v wd-report" &&
	test_example_workspace &&
	env PATH=/usr/bin:/bin "$WD_BIN/wd" report -C ws summary -d oost >out &&
	wd-report -C ws summary -d oost >expect &&
	test_cmp expect out
'

test_expect_success 'siblings come first, then PATH' '
	mkdir path lone &&
	printf "#!/bin/sh\necho from-path\n" >path/wd-report &&
	chmod +x path/wd-report &&
	env PATH="$TRASH_DIRECTORY/path:/usr/bin:/bin" sib/wd report x >out &&
	echo "[x]" >expect &&
	test_cmp expect out &&
	cp "$WD_BUILD/wd" lone/wd &&
	env PATH="$TRASH_DIRECTORY/path:/usr/bin:/bin" lone/wd report x >out &&
	echo from-path >expect &&
	test_cmp expect out
'

test_expect_success 'wd-COMMAND nowhere to be found: exit 69' '
	test_expect_code 69 env PATH=/usr/bin:/bin lone/wd report check 2>err &&
	test_grep "^wd: cannot run .wd-report." err
'

test_done

#!/bin/sh
test_description='kill -9 at any moment leaves every file old or new'
. ./test-lib.sh

ROUNDS=${WD_CRASH_ROUNDS:-150}

# a random delay up to 8 ms, different each round
delay() {
	awk -v s="$1" 'BEGIN { srand(s); printf "%.4f", rand() * 0.016 }'
}

test_expect_success 'a workspace with a dialogue to hand on from' '
	test_example_workspace &&
	wd-report -C ws index
'

if test "$WD_VALGRIND" = 1; then
	# under valgrind every run is killed before it starts: nothing to learn
	test_skip "kill -9 during wd-init --from" "valgrind"
else
test_expect_success "kill -9 during wd-init --from, $ROUNDS times" '
	killed=0 &&
	i=0 &&
	while test $i -lt $ROUNDS
	do
		i=$((i + 1)) &&
		id="d$i" &&
		# what the files are after the command ran to its end
		rm -rf ref && cp -R ws ref &&
		wd-init -q -C ref $id --title "D $i" --theme t \
			--start 2027-03-01T10:00 --from oost &&
		cp ws/oost/dialogue.yaml old &&
		{ timeout -s KILL "$(delay $i)" wd-init -q -C ws $id \
			--title "D $i" --theme t --start 2027-03-01T10:00 \
			--from oost; ret=$?; } &&
		if test $ret -eq 137
		then
			killed=$((killed + 1))
		elif test $ret -ne 0
		then
			echo "round $i: exit $ret" && return 1
		fi &&
		# oost: old or new, nothing in between
		{ cmp -s old ws/oost/dialogue.yaml ||
		  cmp -s ref/oost/dialogue.yaml ws/oost/dialogue.yaml ||
		  { echo "round $i: oost is neither"; return 1; }; } &&
		# the new dialogue: not there, or complete
		if test -f ws/$id/dialogue.yaml
		then
			cmp ref/$id/dialogue.yaml ws/$id/dialogue.yaml || return 1
		fi &&
		# a killed run leaves at worst an empty folder: run it again
		if ! test -f ws/$id/dialogue.yaml
		then
			wd-init -q -C ws $id --title "D $i" --theme t \
				--start 2027-03-01T10:00 --from oost || return 1
		fi &&
		wd-report -C ws check || { echo "round $i: check"; return 1; }
	done &&
	echo "killed $killed of $ROUNDS runs" | tee figures &&
	test $killed -gt 0
'
test -f figures && say "# $(cat figures)"
fi

test_expect_success 'no temporary file outlives the next write' '
	wd-init -q -C ws last --title L --theme t --start 2027-04-01 --from oost &&
	find ws -name "*.wdtmp-*" >left &&
	test_line_count = 0 left
'

test_expect_success 'the index agrees with the files' '
	wd-report -C ws index &&
	n=$(ls -d ws/*/dialogue.yaml | wc -l) &&
	test "$(sqlite3 ws/.wd/index.sqlite "SELECT count(*) FROM dialogues")" = $n &&
	grep -c "^    - " ws/oost/dialogue.yaml >/dev/null &&
	test "$(sqlite3 ws/.wd/index.sqlite "SELECT relay_to FROM dialogues WHERE id = '\''oost'\''" | tr , "\n" | wc -l)" = \
	     "$(sed -n "/^  to:/,/^  baton:/p" ws/oost/dialogue.yaml | grep -c "^    - ")"
'

test_done

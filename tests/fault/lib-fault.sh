# lib-fault.sh - what t8100-alloc-fail.t and t8200-io-fail.t share
#
# Source it after test-lib.sh.
#
# Most commands fail as a whole: every file as it was.  A few do their
# work one piece at a time and say so (wd-invite send: "who got their
# message is recorded, nobody else"); a failed run of those may leave the
# pieces done before the failure, and a check function says whether what
# is left is such a state.  It runs in the run's folder (ws/ the
# workspace, before.list and after.list the files' fingerprints before
# and after a good run) and prints why when it is not.

# fault_others_unchanged FILE...: every file of ws/ but FILE... (paths as
# test_tree_sum prints them, ./oost/people.yaml) as it was
fault_others_unchanged() {
	pat="-e ^-none-\$"	# matches no line: with no FILE, every file
	for f in "$@"; do
		pat="$pat -e $f\$"
	done
	# shellcheck disable=SC2086
	test_tree_sum ws | grep -v $pat >now.list
	# shellcheck disable=SC2086
	grep -v $pat before.list | cmp -s - now.list || {
		echo "files other than $* changed:"
		grep -v $pat before.list | diff - now.list
		return 1
	}
}

# fault_send_consistent MBOX: after a failed `wd-invite send --mbox MBOX`
# in dialogue oost, where nobody had been sent anything: only people.yaml
# changed, it is whole, and each person marked as sent has their message
# in MBOX (which holds at most one more: delivered, then recording failed,
# as after a crash; the next run sends it again with the same Message-ID)
fault_send_consistent() {
	fault_others_unchanged ./oost/people.yaml || return 1
	wd-report -q -C ws check || {
		echo "the workspace does not check"
		return 1
	}
	marked=$(grep -c "^ *sent: " ws/oost/people.yaml)
	msgs=0
	if test -f "$1"; then
		msgs=$(grep -c "^From " "$1")
	fi
	if test "$marked" -ne "$msgs" && test $((marked + 1)) -ne "$msgs"; then
		echo "$marked people marked as sent, $msgs messages in $1"
		return 1
	fi
}

# fault_each_before_or_after: every file of ws/ as it was or as a good
# run leaves it (a command that writes several files one after the
# other, each atomically, and can be run again: wd-invite forget)
fault_each_before_or_after() {
	test_tree_sum ws >now.list
	bad=$(grep -v -x -F -f before.list now.list | grep -v -x -F -f after.list)
	test -z "$bad" || {
		echo "neither as before nor as after a good run:"
		printf '%s\n' "$bad"
		return 1
	}
	sed 's/^[0-9a-f]*  //' now.list >now.names
	sed 's/^[0-9a-f]*  //' after.list >after.names
	gone=$(sed 's/^[0-9a-f]*  //' before.list | grep -v -x -F -f now.names |
		grep -x -F -f after.names)
	test -z "$gone" || {
		echo "gone, though a good run keeps them:"
		printf '%s\n' "$gone"
		return 1
	}
}

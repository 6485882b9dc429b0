#!/bin/sh
# run.sh - run each fuzz harness for a while (make fuzz calls this)
#
#   tests/fuzz/run.sh BUILD SECONDS NAME...
#
# Runs BUILD/fuzz-NAME for SECONDS from tests/fuzz/corpus/NAME/, adding
# what it finds to BUILD/corpus/NAME/, and prints a line per harness:
# its executions, the inputs in its corpus and whether it found a crash
# (then the input is BUILD/crash-NAME-*).  Exits 1 when any did.
#
# FUZZ_SEED (default 1) makes the inputs tried the same on every
# machine, so that a CI run tries what a longer run here tried first
# (from the committed seeds, in a fresh BUILD/corpus); FUZZ_SEED=0 lets
# libFuzzer pick one, for a campaign that goes further.
set -u
build=$1 seconds=$2
seed=${FUZZ_SEED:-1}
shift 2
failed=0
total=0
for name in "$@"; do
	mkdir -p "$build/corpus/$name"
	log="$build/fuzz-$name.log"
	"$build/fuzz-$name" -max_total_time="$seconds" -timeout=20 \
		-seed="$seed" -max_len=4096 -print_final_stats=1 \
		-artifact_prefix="$build/crash-$name-" \
		"$build/corpus/$name" "tests/fuzz/corpus/$name" >"$log" 2>&1
	ret=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	inputs=$(ls "$build/corpus/$name" | wc -l)
	if test $ret -ne 0; then
		failed=1
		printf 'fuzz-%s: FAILED (exit %s) after %s executions; see %s\n' \
			"$name" "$ret" "${execs:-?}" "$log"
		grep -E "ERROR|broken promise|SUMMARY|Test unit written" "$log" | head -n 8
	else
		printf 'fuzz-%s: %s executions in %s s, %s inputs in its corpus\n' \
			"$name" "${execs:-?}" "$seconds" "$inputs"
	fi
	total=$((total + ${execs:-0}))
done
printf 'fuzz: %s executions in all\n' "$total"
exit $failed

#!/bin/sh
# run.sh — `make fuzz`: runs every libFuzzer harness built in build/fuzz/
# for FUZZ_SECONDS each on a scratch copy of its seed corpus (libFuzzer
# writes new inputs into its FIRST corpus directory, so the scratch dir
# comes first and tests/fuzz/corpus/ is only read), then writes one table
# row per harness to var/fuzz/summary.md: executions, cov and ft from the
# final libFuzzer line, crashes. A crash is kept in var/fuzz/NAME/ and
# makes the run fail; turn it into a unit test or a corpus file.
# Environment: FUZZ_SECONDS (60), FUZZ_OUT (var/fuzz), B (build).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
SECS=${FUZZ_SECONDS:-60}
OUT=${FUZZ_OUT:-$ROOT/var/fuzz}
BIN=${B:-build}/fuzz
mkdir -p "$OUT"

# Seed corpus of a harness: tests/fuzz/corpus/NAME (the calendar import's
# corpus predates this naming).
corpus_of() {
	case $1 in
	workdays) echo tests/fuzz/corpus/calendar ;;
	*) echo "tests/fuzz/corpus/$1" ;;
	esac
}

SUM=$OUT/summary.md
{
	echo "# make fuzz — $(date -u '+%Y-%m-%d %H:%M UTC'), $SECS s per harness"
	echo
	echo "| harness | seeds | executions | exec/s | cov | ft | corpus after | crashes |"
	echo "|---|---|---|---|---|---|---|---|"
} > "$SUM"
fail=0
for b in "$BIN"/fuzz_*; do
	[ -x "$b" ] || continue
	name=$(basename "$b"); name=${name#fuzz_}
	seeds=$(corpus_of "$name")
	work=$OUT/$name
	rm -rf "$work"; mkdir -p "$work/corpus"
	dict=""
	[ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
	nseeds=$(ls "$seeds" 2>/dev/null | wc -l)
	echo "fuzz: $name for ${SECS}s ($nseeds seeds)"
	# -artifact_prefix keeps crash files out of the checkout root.
	rc=0
	"$b" -max_total_time="$SECS" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$work/" $dict "$work/corpus" "$seeds" \
		> "$work/log" 2>&1 || rc=$?
	# The last status line, e.g. "#123456 DONE cov: 412 ft: 1501 corp: 98/2Kb ...".
	last=$(grep -E '^#[0-9]+' "$work/log" | tail -1)
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -1)
	eps=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -1)
	cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
	ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
	corp=$(echo "$last" | sed -n 's/.* corp: \([0-9]*\/[0-9A-Za-z]*\).*/\1/p')
	crashes=$(ls "$work" | grep -c -E '^(crash|leak|timeout|oom)-' || true)
	if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
		fail=1
		echo "fuzz: $name FAILED (exit $rc); see $work/log"
		grep -E 'ERROR|SUMMARY|runtime error' "$work/log" | head -5
	fi
	echo "| $name | $nseeds | ${execs:-?} | ${eps:-?} | ${cov:-?} | ${ft:-?} | ${corp:-?} | $crashes |" >> "$SUM"
done
echo
cat "$SUM"
exit $fail

#!/bin/sh
# run.sh — everything `make test` runs, in order, on an isolated stack:
#   1. template lint
#   2. cmocka unit tests: plain build under valgrind, then ASan+UBSan build;
#      the fuzz corpora replayed through the harnesses (ASan+UBSan)
#   3. a private stack (throw-away var/test, port TEST_PORT) and the HTTP
#      and browser tests (node:test) against it through nginx
# Ends with one line "N passed, N failed" over all suites; exits non-zero on
# any failure.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
TEST_PORT=${TEST_PORT:-18080}
TVAR=$ROOT/var/test
RESULTS=$(mktemp)
ART=$ROOT/tests/artifacts
mkdir -p "$ART"

record() { echo "$1 $2 $3" >> "$RESULTS"; echo "== $1: $2 passed, $3 failed"; }

# 1. Lint.
out=$(sh tests/lint_templates.sh); echo "$out" | grep -v '^ok'
p=$(echo "$out" | sed -n 's/^lint: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
f=$(echo "$out" | sed -n 's/^lint: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
record lint "${p:-0}" "${f:-1}"

# 2. Unit tests. A binary that crashes or reports memory errors counts as
# one failure on top of what cmocka counted.
cmocka_counts() { # file -> "passed failed"
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$1" | tail -1)
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$1" | tail -1)
	echo "${p:-0} ${f:-0}"
}
run_unit() { # suite-name runner...
	suite=$1; shift
	tp=0; tf=0
	for t in build/unit/test_*; do
		[ -x "$t" ] || continue
		name=$(basename "$t")
		bin=$t
		[ "$suite" = unit-asan ] && bin=build/asan/$name
		log=$TVAR-$suite-$name.log
		"$@" "$bin" > "$log" 2>&1
		rc=$?
		c=$(cmocka_counts "$log"); p=${c% *}; f=${c#* }
		if [ $rc -ne 0 ] && [ "$f" = 0 ]; then f=1; fi
		if [ "$f" != 0 ]; then echo "--- $suite $name failed:"; tail -40 "$log"; fi
		tp=$((tp + p)); tf=$((tf + f))
	done
	record "$suite" "$tp" "$tf"
}
mkdir -p "$(dirname "$TVAR")"
export CMOCKA_TEST_ABORT=0
run_unit unit valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite
ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	run_unit unit-asan env

# 2b. The fuzz corpora, replayed through each harness built with ASan+UBSan
# (tests/fuzz/replay.c): one pass per harness that reads its whole corpus.
tp=0; tf=0
for bin in build/fuzz-replay/fuzz_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin"); name=${name#fuzz_}
	corpus=tests/fuzz/corpus/$name
	[ "$name" = workdays ] && corpus=tests/fuzz/corpus/calendar
	log=$TVAR-fuzz-replay-$name.log
	if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    "$bin" "$corpus" > "$log" 2>&1; then
		tp=$((tp + 1))
	else
		tf=$((tf + 1)); echo "--- fuzz-replay $name failed:"; tail -30 "$log"
	fi
done
record fuzz-replay "$tp" "$tf"

# 3. The isolated stack and the node tests.
# Only ever the test stack: a developer's `make run` in var/ keeps running.
VAR=$TVAR sh app/tools/stack.sh down >/dev/null 2>&1 || true
rm -rf "$TVAR"
export VAR=$TVAR PORT=$TEST_PORT STACK_MODE=test CREDIT_WORKERS=2
if sh app/tools/stack.sh up > "$ART/stack-up.log" 2>&1; then
	export BASE_URL="http://127.0.0.1:$TEST_PORT" TEST_VAR="$TVAR" ROOT
	export HOME="$TVAR/home"; mkdir -p "$HOME"
	# One node process per file, in order: Node 18 has no --test-concurrency,
	# and the outage test stops MariaDB, so files must never overlap.
	for suite in http browser; do
		tp=0; tf=0
		for file in tests/$suite/*.test.mjs; do
			[ -e "$file" ] || continue
			tap="$ART/$suite-$(basename "$file" .test.mjs).tap"
			node --test --test-reporter=tap "$file" > "$tap" 2>&1
			p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$tap" | tail -1)
			f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$tap" | tail -1)
			[ -n "$p" ] || { p=0; f=1; }
			if [ "${f:-1}" != 0 ]; then
				echo "--- $file failures:"
				grep -B2 -A25 '^not ok\|^    not ok' "$tap" | head -120
			fi
			tp=$((tp + p)); tf=$((tf + ${f:-1}))
		done
		record "$suite" "$tp" "$tf"
	done
else
	cat "$ART/stack-up.log"
	record stack 0 1
fi
VAR=$TVAR sh app/tools/stack.sh down > /dev/null 2>&1
cp "$TVAR/log/app.log" "$ART/app.log" 2>/dev/null
rm -rf "$TVAR" "$TVAR"-*.log

tp=$(awk '{s += $2} END {print s + 0}' "$RESULTS")
tf=$(awk '{s += $3} END {print s + 0}' "$RESULTS")
rm -f "$RESULTS"
echo
echo "$tp passed, $tf failed"
[ "$tf" = 0 ]

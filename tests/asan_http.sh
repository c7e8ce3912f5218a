#!/bin/sh
# asan_http.sh — `make test-asan`: the whole HTTP suite (tests/http) against
# the app built with ASan+UBSan (CREDIT_BIN, built by the Makefile into
# build/asan-app/), on its own throw-away stack in var/test-asan on port
# ASAN_PORT (18180), so neither `make run` nor `make test` is disturbed.
# Fails when a test fails or when any sanitizer report appears in the app's
# stderr (var/test-asan/log/app.out). Not part of `make test` (slower).
#
# LeakSanitizer is on (detect_leaks=1) but sees little: it checks at normal
# process exit, and workers end with _exit() (app/core/server.c), so only
# the master is checked. Leaks per request in workers are for the RSS-slope
# load test; the unit tests run under LSan in `make test`.
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
: "${CREDIT_BIN:?set CREDIT_BIN to the ASan build (make test-asan does)}"
ASAN_PORT=${ASAN_PORT:-18180}
TVAR=${ASAN_VAR:-$ROOT/var/test-asan}
ART=$ROOT/tests/artifacts/asan
mkdir -p "$ART"

VAR=$TVAR sh app/tools/stack.sh down >/dev/null 2>&1 || true
rm -rf "$TVAR"
export VAR=$TVAR PORT=$ASAN_PORT STACK_MODE=test CREDIT_WORKERS=2 CREDIT_BIN
# halt_on_error: a worker with a report dies (the master replaces it), so the
# request fails visibly too; the report itself goes to app.out.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
if ! sh app/tools/stack.sh up > "$ART/stack-up.log" 2>&1; then
	cat "$ART/stack-up.log"
	VAR=$TVAR sh app/tools/stack.sh down >/dev/null 2>&1 || true
	exit 1
fi
export BASE_URL="http://127.0.0.1:$ASAN_PORT" TEST_VAR="$TVAR" ROOT
export HOME="$TVAR/home"; mkdir -p "$HOME"

tp=0; tf=0
for file in tests/http/*.test.mjs; do
	tap="$ART/http-$(basename "$file" .test.mjs).tap"
	node --test --test-reporter=tap "$file" > "$tap" 2>&1 || true
	p=$(sed -n 's/^# pass \([0-9]*\)/\1/p' "$tap" | tail -1)
	f=$(sed -n 's/^# fail \([0-9]*\)/\1/p' "$tap" | tail -1)
	[ -n "$p" ] || { p=0; f=1; }
	if [ "${f:-1}" != 0 ]; then
		echo "--- $file failures:"
		grep -B2 -A25 '^not ok\|^    not ok' "$tap" | head -80
	fi
	tp=$((tp + p)); tf=$((tf + ${f:-1}))
done
echo "== http (ASan+UBSan app): $tp passed, $tf failed"

VAR=$TVAR sh app/tools/stack.sh down > /dev/null 2>&1 || true
cp "$TVAR/log/app.out" "$ART/app.out" 2>/dev/null || : > "$ART/app.out"
cp "$TVAR/log/app.log" "$ART/app.log" 2>/dev/null || true
reports=$(grep -c -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (AddressSanitizer|UndefinedBehaviorSanitizer|LeakSanitizer)' \
	"$ART/app.out" || true)
echo "== sanitizer reports in app.out: $reports (tests/artifacts/asan/app.out)"
if [ "$reports" != 0 ]; then
	grep -A30 -E 'ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:' "$ART/app.out" | head -80
fi
rm -rf "$TVAR"
[ "$tf" = 0 ] && [ "$reports" = 0 ]

#!/bin/sh
# sqlmap.sh — `make sqlmap`: sqlmap against every form and query parameter,
# as every role (tests/sqlmap/run.mjs derives the targets from the route
# table), on a throw-away stack of its own (var/test-sqlmap, port
# SQLMAP_PORT 18380), because sqlmap's requests really do create, decide and
# revoke things. The login limits are raised on that stack only (sqlmap
# posts the login form hundreds of times). Results in SQLMAP_OUT (var/sqlmap):
# summary.md, summary.tsv, each run's log. Not part of `make test` (slow).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
command -v sqlmap >/dev/null || { echo "sqlmap: not installed (make sqlmap installs it)" >&2; exit 1; }
PORT=${SQLMAP_PORT:-18380}
SVAR=${SQLMAP_VAR:-$ROOT/var/test-sqlmap}
export SQLMAP_OUT="${SQLMAP_OUT:-$ROOT/var/sqlmap}"
mkdir -p "$SQLMAP_OUT"

stack() {
	VAR=$SVAR PORT=$PORT STACK_MODE=test CREDIT_WORKERS=2 CREDIT_LOGIN_RATE=100000r/m \
	CREDIT_LOGIN_ACCOUNT_MAX=1000 CREDIT_LOGIN_ADDRESS_MAX=100000 sh app/tools/stack.sh "$@"
}
stack down >/dev/null 2>&1 || true
rm -rf "$SVAR"
trap 'stack down >/dev/null 2>&1 || true; rm -rf "$SVAR"' EXIT
trap 'exit 1' INT TERM
stack up > "$SQLMAP_OUT/stack-up.log" 2>&1 || { cat "$SQLMAP_OUT/stack-up.log"; exit 1; }

mkdir -p "$SVAR/home"
rc=0
BASE_URL="http://127.0.0.1:$PORT" TEST_VAR="$SVAR" ROOT="$ROOT" HOME="$SVAR/home" \
	node tests/sqlmap/run.mjs || rc=$?
# The app must have survived all of it.
if ! grep -q . "$SVAR/log/app.log" || grep -E 'master: worker [0-9]+ (died|exited)' "$SVAR/log/app.log"; then
	echo "sqlmap: FAIL: an app worker died during the scan" >&2
	rc=1
fi
grep -c ' 500 ' "$SVAR/log/app.log" | sed 's/^/sqlmap: answers with status 500: /' | tee -a "$SQLMAP_OUT/summary.md"
exit $rc

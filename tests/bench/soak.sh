#!/bin/sh
# soak.sh — `make soak`: does the workers' memory stay flat under a long mixed
# load? A release build of the app (CREDIT_BIN, what `make all` builds) runs
# on its own throw-away stack (var/soak, port SOAK_PORT 18280, 2 workers);
# wrk sends SOAK_REQUESTS (100,000) requests of tests/bench/soak.lua —
# public pages, search, profiles, every role's pages, forms, a multipart
# upload refused after parsing (some spooled to disk), PDF reports — to
# 127.0.0.1 only, in chunks of SOAK_CHUNK_SECONDS (5). Before the load and
# after each chunk it reads each worker's VmRSS from /proc; the first chunk
# is the warm-up (statement caches, templates, the arena's high-water mark,
# malloc's pools). It reports per worker the RSS before, after the warm-up
# and at the end, and the least-squares slope after the warm-up in KB per
# 10,000 requests, into tests/artifacts/soak.md. It fails when a worker grew
# by more than SOAK_MAX_GROWTH percent (5) after the warm-up, when a worker
# was replaced (that would hide a leak), on any unexpected status or failed
# connection, or when the load takes longer than SOAK_SECONDS (900).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
BIN=${CREDIT_BIN:-$ROOT/build/credit-portal}
PORT=${SOAK_PORT:-18280}
SVAR=${SOAK_VAR:-$ROOT/var/soak}
REQUESTS=${SOAK_REQUESTS:-100000}
CHUNK=${SOAK_CHUNK_SECONDS:-5}
MAX_GROWTH=${SOAK_MAX_GROWTH:-5}
SECONDS_MAX=${SOAK_SECONDS:-900}
THREADS=2
ART=${SOAK_ARTIFACTS:-$ROOT/tests/artifacts}
OUT=$ART/soak.md
DATA=$ART/soak-rss.tsv
BASE=http://127.0.0.1:$PORT
PW=${CREDIT_DEMO_PASSWORD:-demo-2026-Suzhou}
mkdir -p "$ART"
command -v wrk >/dev/null || { echo "soak: needs wrk (make deps installs it)" >&2; exit 1; }

stack() { VAR=$SVAR PORT=$PORT STACK_MODE=test CREDIT_WORKERS=2 CREDIT_BIN=$BIN sh app/tools/stack.sh "$@"; }
stack down >/dev/null 2>&1 || true
rm -rf "$SVAR"
trap 'stack down >/dev/null 2>&1 || true; rm -rf "$SVAR"' EXIT
trap 'exit 1' INT TERM
stack up > "$ART/soak-stack-up.log" 2>&1 || { cat "$ART/soak-stack-up.log"; exit 1; }

# A session per role: the login form's CSRF token, then POST /login.
login() { # login-name -> sid
	jar=$SVAR/jar-$1
	tok=$(curl -sf -c "$jar" -b "$jar" "$BASE/login" |
		sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
	curl -sf -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$tok" \
		--data-urlencode "login=$1" --data-urlencode "password=$PW" "$BASE/login"
	awk '$6 == "sid" { print $7 }' "$jar"
}
ENT=$(login enterprise); ASSOC=$(login association); ENV=$(login envagency)
STAFF=$(login staff); ADMIN=$(login admin)
for s in "$ENT" "$ASSOC" "$ENV" "$STAFF" "$ADMIN"; do
	[ -n "$s" ] || { echo "soak: a demo login failed" >&2; exit 1; }
done
CSRF=$(curl -sf -b "sid=$ENT" "$BASE/me" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
RECORD=$(mariadb --defaults-file="$SVAR/my.cnf" -u root credit -N -B -e \
	"SELECT MIN(r.id) FROM credit_records r JOIN users u ON u.subject_id = r.subject_id WHERE u.login = 'enterprise'")

MASTER=$(cat "$SVAR/run/app.pid")
WORKERS=$(ps --ppid "$MASTER" -o pid= | tr -s ' \n' ' ' | sed 's/^ //; s/ $//')
rss() { # pid -> VmRSS in kB
	awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}
sample() { # requests-so-far
	line="$1	$(($(date +%s) - START))"
	for w in $WORKERS; do line="$line	$(rss "$w")"; done
	echo "$line" >> "$DATA"
}
START=$(date +%s)
printf 'requests\tseconds' > "$DATA"
for w in $WORKERS; do printf '\tworker_%s_kB' "$w" >> "$DATA"; done
echo >> "$DATA"
sample 0

# wrk runs for a duration (its threads cannot end the run early), so the
# load is cut into chunks of CHUNK seconds until REQUESTS have been answered;
# each sample is taken between two chunks, when no request is in flight.
done_n=0; unexpected=0; errors=0; chunks=0; last=""
while [ "$done_n" -lt "$REQUESTS" ]; do
	[ $(($(date +%s) - START)) -lt "$SECONDS_MAX" ] || { echo "soak: FAIL: over $SECONDS_MAX s" >&2; exit 1; }
	last=$(wrk -t$THREADS -c$THREADS -d"${CHUNK}s" --timeout 10s -s tests/bench/soak.lua "$BASE" \
		-- "$ENT" "$ASSOC" "$ENV" "$STAFF" "$ADMIN" "$CSRF" "$RECORD" | grep '^soak:')
	n=$(echo "$last" | sed 's/.*requests=\([0-9]*\).*/\1/')
	u=$(echo "$last" | sed 's/.*unexpected=\([0-9]*\).*/\1/')
	e=$(echo "$last" | sed 's/.*errors=\([0-9]*\).*/\1/')
	[ "$u" = 0 ] && [ "$e" = 0 ] || echo "$last" >&2
	[ "$n" -gt 0 ] || { echo "soak: FAIL: a chunk answered nothing" >&2; exit 1; }
	done_n=$((done_n + n)); unexpected=$((unexpected + u)); errors=$((errors + e))
	chunks=$((chunks + 1))
	sample "$done_n"
done
ELAPSED=$(($(date +%s) - START))
NOW=$(ps --ppid "$MASTER" -o pid= | tr -s ' \n' ' ' | sed 's/^ //; s/ $//')

# Per worker: before, after the warm-up (row 2 = after chunk 1), at the end,
# growth since the warm-up and the least-squares slope over the rows after it.
report=$(awk -F'\t' -v max="$MAX_GROWTH" '
	NR == 1 { for (c = 3; c <= NF; c++) name[c] = $c; next }
	{ row = NR - 1; req[row] = $1; for (c = 3; c <= NF; c++) v[row, c] = $c; rows = row; ncol = NF }
	END {
		fail = 0
		for (c = 3; c <= ncol; c++) {
			sx = sy = sxx = sxy = n = 0
			for (r = 2; r <= rows; r++) {
				x = req[r] / 10000; y = v[r, c]
				sx += x; sy += y; sxx += x * x; sxy += x * y; n++
			}
			slope = (n * sxx - sx * sx) ? (n * sxy - sx * sy) / (n * sxx - sx * sx) : 0
			growth = (v[rows, c] - v[2, c]) * 100 / v[2, c]
			if (growth > max) fail = 1
			printf "| %s | %d | %d | %d | %+.2f %% | %+.1f |\n", name[c], v[1, c], v[2, c], v[rows, c], growth, slope
		}
		exit fail
	}' "$DATA") && growth_ok=1 || growth_ok=0

{
	echo "# make soak — worker memory under $done_n requests"
	echo
	echo "$(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, 2 workers, release build ($BIN), wrk -t$THREADS -c$THREADS,"
	echo "$chunks chunks of $CHUNK s, $ELAPSED s ($((done_n / (ELAPSED > 0 ? ELAPSED : 1))) requests/s); unexpected statuses: $unexpected, failed connections: $errors."
	echo "Last chunk: $last"
	echo
	echo "| worker | RSS before (kB) | after warm-up (kB) | end (kB) | growth after warm-up | slope (kB per 10k requests) |"
	echo "|---|---|---|---|---|---|"
	echo "$report"
	echo
	echo "Samples (requests, seconds, VmRSS kB per worker): $DATA"
} > "$OUT"
cat "$OUT"

fail=0
[ "$growth_ok" = 1 ] || { echo "soak: FAIL: a worker grew by more than $MAX_GROWTH % after the warm-up" >&2; fail=1; }
[ "$NOW" = "$WORKERS" ] || { echo "soak: FAIL: workers replaced during the load ($WORKERS -> $NOW)" >&2; fail=1; }
[ "$unexpected" = 0 ] && [ "$errors" = 0 ] || { echo "soak: FAIL: $unexpected unexpected statuses, $errors failed connections" >&2; fail=1; }
[ $fail = 0 ] && echo "soak: passed"
exit $fail

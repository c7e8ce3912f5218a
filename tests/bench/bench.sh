#!/bin/sh
# bench.sh — `make bench` (issue #7): throughput and latency of the portal on
# a 1,000,000-subject data set, measured side by side with nginx's static
# ceiling, so the targets are ratios that hold on any machine.
#
# Its own stack in $BENCH_VAR (var/bench-stack, port BENCH_PORT 18480),
# production settings: release build, workers = cores, durable InnoDB
# (flush at every commit), no debug log. The data set is generated and
# loaded once (app/tools/load.sh + tests/bench/extra.sql) and reused while
# $BENCH_VAR/bench-data.txt exists. Every scenario: wrk from loopback,
# BENCH_THREADS threads and BENCH_CONNS connections, BENCH_WARMUP seconds
# of warm-up, then BENCH_SECONDS measured. Results: a Markdown table and a
# CSV in var/bench/, and pass/fail lines for the targets. Not part of
# `make test`; exits 0 when every target holds.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
BVAR=${BENCH_VAR:-$ROOT/var/bench-stack}
OUT=$ROOT/var/bench
PORT=${BENCH_PORT:-18480}
SECS=${BENCH_SECONDS:-10}
WARM=${BENCH_WARMUP:-3}
CONNS=${BENCH_CONNS:-32}
THREADS=${BENCH_THREADS:-2}
SUBJECTS=${BENCH_SUBJECTS:-1000000}
RECORDS=${BENCH_RECORDS:-5000000}
CORES=$(nproc)
export VAR=$BVAR PORT STACK_MODE=bench CREDIT_WORKERS=${CREDIT_WORKERS:-$CORES}
# A production database server keeps its working set in memory: subjects,
# records and the name index take about 3 GiB here.
export CREDIT_DB_BUFFER_POOL=${CREDIT_DB_BUFFER_POOL:-4G}
# Logins are the scenario here, not an attack: lift nginx's per-address rate.
export CREDIT_LOGIN_RATE=100000r/s
export BENCH_LUA=$ROOT/tests/bench
BASE=http://127.0.0.1:$PORT
PW=${CREDIT_DEMO_PASSWORD:-demo-2026-Suzhou}

say() { echo "bench: $*"; }
sql() { mariadb --defaults-file="$BVAR/my.cnf" -u root --batch --skip-column-names credit -e "$1"; }
stack() { sh app/tools/stack.sh "$@" > /dev/null; }

command -v wrk > /dev/null || { echo "bench: wrk is missing (make bench installs it)" >&2; exit 1; }
mkdir -p "$OUT" "$BVAR/bench-www"
trap 'stack down 2>/dev/null || true' EXIT INT TERM

# 1. The data set, once.
if [ ! -s "$BVAR/bench-data.txt" ]; then
	stack down 2>/dev/null || true
	rm -rf "$BVAR"
	mkdir -p "$BVAR/bench-www"
	stack db-start
	stack migrate
	stack demo
	say "generating and loading $SUBJECTS subjects and $RECORDS records (a few minutes)"
	t0=$(date +%s)
	sh app/tools/load.sh --subjects "$SUBJECTS" --records "$RECORDS" --grams > "$OUT/load.log"
	sql "$(cat tests/bench/extra.sql)"
	t1=$(date +%s)
	{
		echo "subjects=$(sql 'SELECT COUNT(*) FROM subjects')"
		echo "records=$(sql 'SELECT COUNT(*) FROM credit_records')"
		echo "env_entries=$(sql 'SELECT COUNT(*) FROM env_entries')"
		echo "ratings=$(sql 'SELECT COUNT(*) FROM ratings')"
		echo "load_seconds=$((t1 - t0))"
	} > "$BVAR/bench-data.txt"
fi
. "$BVAR/bench-data.txt"
say "data: $subjects subjects, $records records, $env_entries env grades, $ratings ratings (loaded in ${load_seconds}s)"

# 2. The stack. The app starts fresh so its workers begin with a cold heap;
# the database's buffer pool is warmed the way a server in use would be.
stack db-start
stack migrate
t0=$(date +%s)
sql "SELECT COUNT(*) FROM subjects FORCE INDEX (PRIMARY); SELECT COUNT(*) FROM subjects FORCE INDEX (uq_subjects_uscc);
     SELECT COUNT(*) FROM credit_records FORCE INDEX (PRIMARY); SELECT COUNT(*) FROM credit_records FORCE INDEX (ix_records_subject);
     SELECT COUNT(*) FROM subject_grams FORCE INDEX (PRIMARY)" > /dev/null
say "buffer pool warmed in $(($(date +%s) - t0)) s"
stack app-stop 2>/dev/null || true
stack app-start
stack nginx-start

# 3. Inputs: 100,000 USCCs drawn over the whole table, name fragments that
# match (two characters from the distinctive part of real names), the env
# round, the static copy of a profile page, an enterprise's session.
sql "SELECT uscc FROM subjects WHERE id % 10 = 3" > "$BVAR/usccs.txt"
sql "SELECT SUBSTRING(name, 3 + id % 3, 2) FROM subjects WHERE id % 97 = 5 LIMIT 20000" > "$BVAR/fragments.txt"
ROUND=$(sql "SELECT MAX(id) FROM env_rounds WHERE scope LIKE '%基准测试%'")
OWN=$(sql "SELECT s.uscc FROM users u JOIN subjects s ON s.id = u.subject_id WHERE u.login = 'enterprise'")
SAMPLE=$(head -1 "$BVAR/usccs.txt")
curl -sf "$BASE/entity/$SAMPLE" > "$BVAR/bench-www/profile.html"
PROFILE_BYTES=$(wc -c < "$BVAR/bench-www/profile.html")

jar=$BVAR/cookies.txt
rm -f "$jar"
token=$(curl -sf -c "$jar" "$BASE/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
csrf_cookie=$(awk '$6 == "csrf" { print $7 }' "$jar")
[ -n "$token" ] && [ -n "$csrf_cookie" ] || { echo "bench: no login form token" >&2; exit 1; }
LOGIN_BODY="csrf=$token&login=enterprise&password=$PW"
curl -sf -b "$jar" -c "$jar" -o /dev/null --data "$LOGIN_BODY" "$BASE/login"
SID=$(awk '$6 == "sid" { print $7 }' "$jar")
[ -n "$SID" ] || { echo "bench: login failed" >&2; exit 1; }

workers() { pgrep -P "$(cat "$BVAR/run/app.pid")" | sort -n; }
rss_kb() { # pid
	awk '/^VmRSS:/ { print $2 }' "/proc/$1/status" 2>/dev/null || echo 0
}
questions() { sql "SHOW GLOBAL STATUS LIKE 'Questions'" | awk '{ print $2 }'; }
# CPU time (clock ticks, user + system) of the app (master, workers and
# their flusher threads), MariaDB and nginx: "app db nginx".
ticks() { # pids...
	for p in "$@"; do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }'
}
cpu_ticks() {
	app_pid=$(cat "$BVAR/run/app.pid")
	echo "$(ticks "$app_pid" $(pgrep -P "$app_pid")) $(ticks "$(cat "$BVAR/run/mysqld.pid")") $(ticks $(pgrep -x nginx))"
}
HZ=$(getconf CLK_TCK)

# run NAME SCRIPT CONNS [ENV=VALUE...]: warm-up, measure, one result line.
CSV=$OUT/results.csv
echo "scenario,requests_per_s,p50_ms,p99_ms,errors,queries_per_request,requests,app_cpu_us,db_cpu_us,nginx_cpu_us" > "$CSV"
TOTAL=0
run() {
	name=$1 script=$2 conns=$3
	shift 3
	env "$@" wrk -t"$THREADS" -c"$conns" -d"${WARM}s" -s "tests/bench/$script" "$BASE" > /dev/null 2>&1 || true
	q0=$(questions)
	c0=$(cpu_ticks)
	res=$(env "$@" wrk -t"$THREADS" -c"$conns" -d"${SECS}s" -s "tests/bench/$script" "$BASE" 2>&1 | grep '^BENCH ' || true)
	c1=$(cpu_ticks)
	q1=$(questions)
	[ -n "$res" ] || { echo "bench: wrk gave no result for $name" >&2; res="BENCH requests=0 duration_us=1 p50_us=0 p99_us=0 connect=1 read=0 write=0 status=0 timeout=0"; }
	echo "$res" | awk -v n="$name" -v q0="$q0" -v q1="$q1" -v c0="$c0" -v c1="$c1" -v hz="$HZ" '{
		for (i = 2; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] }
		rps = v["requests"] / (v["duration_us"] / 1e6)
		err = v["connect"] + v["read"] + v["write"] + v["status"] + v["timeout"]
		qpr = v["requests"] > 0 ? (q1 - q0 - 2) / v["requests"] : 0
		split(c0, a); split(c1, b)
		us = v["requests"] > 0 ? 1e6 / hz / v["requests"] : 0
		printf "%s,%.0f,%.2f,%.2f,%d,%.2f,%d,%.0f,%.0f,%.0f\n", n, rps, v["p50_us"] / 1000, v["p99_us"] / 1000,
		    err, qpr, v["requests"], (b[1] - a[1]) * us, (b[2] - a[2]) * us, (b[3] - a[3]) * us
	}' >> "$CSV"
	TOTAL=$((TOTAL + $(echo "$res" | sed -n 's/.*requests=\([0-9]*\).*/\1/p')))
	say "$(tail -1 "$CSV")"
}

run static     fixed.lua  "$CONNS" BENCH_PATH=/_bench/profile.html
run floor      fixed.lua  "$CONNS" BENCH_PATH=/healthz
# The floor plus one prepared statement's round trip to MariaDB (SELECT 1):
# what any page that reads the database can reach at most on this machine.
run readyz     fixed.lua  "$CONNS" BENCH_PATH=/readyz
run profile    random.lua "$CONNS" BENCH_INPUT="$BVAR/usccs.txt" BENCH_PREFIX=/entity/
run search     random.lua "$CONNS" BENCH_INPUT="$BVAR/fragments.txt" BENCH_PREFIX=/search?q=
run dashboard  fixed.lua  "$CONNS" BENCH_PATH="/entity/$OWN" BENCH_COOKIE="sid=$SID; csrf=$csrf_cookie"
run env_stats  fixed.lua  "$CONNS" BENCH_PATH="/env/rounds/$ROUND/stats"
run login      fixed.lua  "$CORES" BENCH_PATH=/login BENCH_BODY="$LOGIN_BODY" BENCH_COOKIE="csrf=$csrf_cookie"

# Logins and profile views at once: do the other pages keep their latency?
during_logins() { # scenario name
	env BENCH_PATH=/login BENCH_BODY="$LOGIN_BODY" BENCH_COOKIE="csrf=$csrf_cookie" \
		wrk -t1 -c"$CORES" -d"$((SECS + WARM + 1))s" -s tests/bench/fixed.lua "$BASE" > "$OUT/login-bg.txt" 2>&1 &
	bg=$!
	run "$1" random.lua "$CONNS" BENCH_INPUT="$BVAR/usccs.txt" BENCH_PREFIX=/entity/
	wait "$bg" || true
	TOTAL=$((TOTAL + $(sed -n 's/.*requests=\([0-9]*\).*/\1/p' "$OUT/login-bg.txt")))
}
during_logins profile_during_logins

# The database-bound pages again with the app's default of four workers per
# core (the rows above use one per core, the issue's production setting): a
# worker waits for MariaDB during most of a page.
W4=$((CORES * 4))
CREDIT_WORKERS=$W4 stack app-stop
CREDIT_WORKERS=$W4 stack app-start
run profile_4x   random.lua "$CONNS" BENCH_INPUT="$BVAR/usccs.txt" BENCH_PREFIX=/entity/
run search_4x    random.lua "$CONNS" BENCH_INPUT="$BVAR/fragments.txt" BENCH_PREFIX=/search?q=
run dashboard_4x fixed.lua  "$CONNS" BENCH_PATH="/entity/$OWN" BENCH_COOKIE="sid=$SID; csrf=$csrf_cookie"
during_logins profile_during_logins_4x

# Memory: every page type has been served by now, so each worker's heap has
# seen its largest request. RSS now, then 100,000 more mixed requests
# (profiles, searches, the dashboard, statistics), then RSS again.
# A login still hashing holds Argon2id's 64 MiB: let it finish, and give
# each worker a few ordinary pages first.
sleep 1
env BENCH_INPUT="$BVAR/usccs.txt" BENCH_PREFIX=/entity/ \
	wrk -t"$THREADS" -c"$CONNS" -d2s -s tests/bench/random.lua "$BASE" > /dev/null 2>&1 || true
RSS0=""
for p in $(workers); do RSS0="$RSS0 $p:$(rss_kb "$p")"; done
MIXED=0
while [ "$MIXED" -lt 100000 ]; do
	for sc in profile search dashboard env_stats; do
		case $sc in
		profile) set -- random.lua BENCH_INPUT="$BVAR/usccs.txt" BENCH_PREFIX=/entity/ ;;
		search) set -- random.lua BENCH_INPUT="$BVAR/fragments.txt" BENCH_PREFIX=/search?q= ;;
		dashboard) set -- fixed.lua BENCH_PATH="/entity/$OWN" BENCH_COOKIE="sid=$SID; csrf=$csrf_cookie" ;;
		env_stats) set -- fixed.lua BENCH_PATH="/env/rounds/$ROUND/stats" ;;
		esac
		script=$1; shift
		n=$(env "$@" wrk -t"$THREADS" -c"$CONNS" -d5s -s "tests/bench/$script" "$BASE" 2>&1 |
			sed -n 's/^BENCH requests=\([0-9]*\).*/\1/p')
		MIXED=$((MIXED + ${n:-0}))
	done
done
TOTAL=$((TOTAL + MIXED))
RSS1=""
for p in $(workers); do RSS1="$RSS1 $p:$(rss_kb "$p")"; done

# 4. Report.
col() { awk -F, -v n="$1" -v c="$2" '$1 == n { print $c }' "$CSV"; }
STATIC=$(col static 2); FLOOR=$(col floor 2)
MD=$OUT/results.md
{
	echo "## Benchmark $(date -u +%Y-%m-%d\ %H:%M) UTC"
	echo
	echo "Machine: $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), $CORES cores," \
	     "$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM; $(uname -sr)."
	echo "Data: $subjects subjects, $records credit records, $env_entries grades in the round," \
	     "$ratings association ratings (loaded in ${load_seconds} s). wrk $THREADS threads," \
	     "$CONNS connections (logins: $CORES), ${WARM} s warm-up, ${SECS} s measured;" \
	     "$CREDIT_WORKERS workers (rows ending _4x: $W4); static page $PROFILE_BYTES bytes."
	echo
	echo "| scenario | req/s | p50 ms | p99 ms | vs static | vs floor | errors | DB queries/req | CPU µs/req: app | MariaDB | nginx |"
	echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
	awk -F, -v s="$STATIC" -v f="$FLOOR" 'NR > 1 {
		printf "| %s | %s | %s | %s | %.1f %% | %.1f %% | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4,
		    (s > 0 ? 100 * $2 / s : 0), (f > 0 ? 100 * $2 / f : 0), $5, $6, $8, $9, $10
	}' "$CSV"
	echo
	echo "CPU µs/req: CPU time of the app (workers and their audit flushers), MariaDB and nginx during the" \
	     "measured seconds, divided by the requests; wrk and the kernel's own work are the rest of the" \
	     "$CORES cores. readyz = the floor plus one prepared statement (SELECT 1) to MariaDB."
	echo
	echo "Login: $(col login 2) logins/s on $CORES cores = $(awk -v l="$(col login 2)" -v c="$CORES" 'BEGIN { printf "%.1f", l / c }') per core."
	echo "Worker RSS (KB) after every scenario ran once → after $MIXED more mixed requests ($TOTAL measured in all):"
	for a in $RSS0; do
		p=${a%%:*}; r0=${a#*:}
		r1=$(echo "$RSS1" | tr ' ' '\n' | sed -n "s/^$p://p")
		echo "- worker $p: $r0 → ${r1:-gone}"
	done
} > "$MD"

# 5. Targets.
fails=0
check() { # description condition(awk expression over the variables)
	if awk "BEGIN { exit !($2) }"; then echo "PASS $1"; else echo "FAIL $1"; fails=$((fails + 1)); fi
}
P=$(col profile 2); P99=$(col profile 4); S99=$(col search 4); D=$(col dashboard 2); E99=$(col env_stats 4)
ERR=$(awk -F, 'NR > 1 { s += $5 } END { print s + 0 }' "$CSV")
{
	echo
	echo "### Targets"
	echo
	check "profile ≥ 25 % of static ($P vs $STATIC req/s)" "$P >= 0.25 * $STATIC"
	check "profile ≥ 60 % of the framework floor ($P vs $FLOOR req/s)" "$P >= 0.60 * $FLOOR"
	check "profile p99 ≤ 10 ms ($P99 ms)" "$P99 > 0 && $P99 <= 10"
	check "search p99 ≤ 20 ms ($S99 ms)" "$S99 > 0 && $S99 <= 20"
	check "dashboard ≥ 20 % of static ($D vs $STATIC req/s)" "$D >= 0.20 * $STATIC"
	check "env statistics p99 ≤ 20 ms ($E99 ms)" "$E99 > 0 && $E99 <= 20"
	check "no failed request in any scenario ($ERR)" "$ERR == 0"
	R=$(col readyz 2)
	awk -v r="$R" -v s="$STATIC" -v f="$FLOOR" -v p="$P" 'BEGIN {
		printf "INFO one round trip (readyz) %d req/s = %.1f %% of static, %.1f %% of the floor; the profile is %.1f %% of it\n",
		    r, 100 * r / s, 100 * r / f, 100 * p / r }'
	for a in $RSS0; do
		p=${a%%:*}; r0=${a#*:}
		r1=$(echo "$RSS1" | tr ' ' '\n' | sed -n "s/^$p://p")
		check "worker $p RSS flat within 5 % ($r0 → ${r1:-0} KB)" "${r1:-0} > 0 && ${r1:-0} <= 1.05 * $r0"
	done
} | sed 's/^PASS/- PASS/; s/^FAIL/- **FAIL**/; s/^INFO/- info:/' >> "$MD"
fails=$(grep -c 'FAIL' "$MD" || true)
cat "$MD"
say "written $MD and $CSV"
[ "$fails" = 0 ]

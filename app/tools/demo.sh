#!/bin/sh
# demo.sh — loads the demo data and one account per role into an empty
# database, and writes the logins to $VAR/demo-logins.txt. Does nothing when
# accounts exist already, so a second `make run` keeps its data.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=${VAR:-$ROOT/var}
DB=${CREDIT_DB_NAME:-credit}
CTL=${CREDCTL:-$ROOT/build/credctl}
export CREDIT_VAR="$VAR"

users=$(mariadb --defaults-file="$VAR/my.cnf" -u root -N -B -e "SELECT COUNT(*) FROM \`$DB\`.users")
if [ "$users" != 0 ]; then
	exit 0
fi
echo "demo: loading demo data"
mariadb --defaults-file="$VAR/my.cnf" -u root "$DB" < "$ROOT/app/tools/demo.sql"
mariadb --defaults-file="$VAR/my.cnf" -u root "$DB" < "$ROOT/app/tools/reindex.sql"
# A few thousand synthetic Suzhou subjects and their records around the named
# ones (only for `make run`: the test stack's tests expect the named demo rows
# only, and the benchmark loads its own million).
if [ "${STACK_MODE:-run}" = run ]; then
	VAR="$VAR" sh "$ROOT/app/tools/load.sh" --subjects 3000 --records 15000 --grams
fi

# The demo password is the same for every account and printed on purpose:
# this is demo data on a loopback-only server.
PW=${CREDIT_DEMO_PASSWORD:-demo-2026-Suzhou}
: > "$VAR/demo-logins.txt"
add() { # login role name [--subject-id N | --association-id N]
	echo "$PW" | "$CTL" user-add "$@" > /dev/null
	printf 'login: %-12s %-12s %s\n' "$1" "$2" "$PW" >> "$VAR/demo-logins.txt"
}
add enterprise  enterprise  '张伟（吴中精密机械）' --subject-id 1
add association association '苏州市机械工业协会' --association-id 1
add envagency   env_agency  '苏州市生态环境局 王芳'
add staff       staff       '信用办 赵敏'
add admin       admin       '系统管理员'
echo "demo: accounts created (see $VAR/demo-logins.txt)"

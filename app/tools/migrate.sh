#!/bin/sh
# migrate.sh — applies migrations/NNNN_*.sql in order, once each, and then
# the application user's grants. Safe to run any number of times: applied
# files are recorded in schema_migrations with their SHA-256, and an applied
# file that was edited afterwards stops the run.
#
# Runs as a database administrator, never as the application user:
#   CREDIT_MIGRATE_DEFAULTS  mariadb client defaults file with admin access
#                            (default: $VAR/my.cnf, root over the private socket)
#   CREDIT_DB_NAME           database (default credit)
#   CREDIT_DB_USER           application user (default credit_app)
#   CREDIT_DB_APP_HOST       host part of that user (default localhost)
#   CREDIT_DB_PASSWORD_FILE  its password; created (random) if missing
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=${VAR:-$ROOT/var}
DEFAULTS=${CREDIT_MIGRATE_DEFAULTS:-$VAR/my.cnf}
DB=${CREDIT_DB_NAME:-credit}
APP_USER=${CREDIT_DB_USER:-credit_app}
APP_HOST=${CREDIT_DB_APP_HOST:-localhost}
PWFILE=${CREDIT_DB_PASSWORD_FILE:-$VAR/secrets/db_app.pw}

case "$DB$APP_USER$APP_HOST" in
*[!A-Za-z0-9_.%-]*) echo "migrate: database, user and host names must be [A-Za-z0-9_.%-]" >&2; exit 1 ;;
esac

sql() { mariadb --defaults-file="$DEFAULTS" -u root --batch --skip-column-names "$@"; }
if [ -n "${CREDIT_MIGRATE_DEFAULTS:-}" ]; then
	sql() { mariadb --defaults-file="$DEFAULTS" --batch --skip-column-names "$@"; }
fi

if [ ! -s "$PWFILE" ]; then
	mkdir -p "$(dirname "$PWFILE")"
	( umask 077; head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$PWFILE" )
fi
PW=$(cat "$PWFILE")
case "$PW" in *[!A-Za-z0-9]*) echo "migrate: the password file must hold [A-Za-z0-9] only" >&2; exit 1 ;; esac

sql <<SQL
CREATE DATABASE IF NOT EXISTS \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE TABLE IF NOT EXISTS \`$DB\`.schema_migrations (
  version    INT UNSIGNED NOT NULL COMMENT 'NNNN from the file name',
  name       VARCHAR(200) NOT NULL COMMENT 'file name',
  sha256     CHAR(64) CHARACTER SET ascii NOT NULL COMMENT 'checksum of the file as applied',
  applied_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP COMMENT 'when',
  PRIMARY KEY (version)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='migrations applied by app/tools/migrate.sh';
SQL

applied=0
for f in "$ROOT"/migrations/[0-9][0-9][0-9][0-9]_*.sql; do
	[ -e "$f" ] || continue
	name=$(basename "$f")
	version=$(echo "$name" | cut -c1-4 | sed 's/^0*//')
	[ -n "$version" ] || version=0
	sum=$(sha256sum "$f" | cut -c1-64)
	have=$(sql -e "SELECT sha256 FROM \`$DB\`.schema_migrations WHERE version = $version")
	if [ -n "$have" ]; then
		if [ "$have" != "$sum" ]; then
			echo "migrate: $name was changed after it was applied; add a new migration instead" >&2
			exit 1
		fi
		continue
	fi
	echo "migrate: applying $name"
	sql "$DB" < "$f"
	sql -e "INSERT INTO \`$DB\`.schema_migrations (version, name, sha256) VALUES ($version, '$name', '$sum')"
	applied=$((applied + 1))
done

APP="'$APP_USER'@'$APP_HOST'"
sql <<SQL
CREATE USER IF NOT EXISTS $APP IDENTIFIED BY '$PW';
ALTER USER $APP IDENTIFIED BY '$PW';
SQL
sed -e "s/@APP@/$APP/g" -e "s/@DB@/\`$DB\`/g" "$ROOT/migrations/grants.sql" | sql
echo "migrate: $applied applied, schema up to date"

#!/bin/sh
# backup.sh — backup and restore of the private stack under $VAR
# (`make backup`, `make restore`):
#   backup.sh backup    writes BACKUP (default $VAR/backup/credit-YYYYmmdd-HHMMSS.tar.gz)
#   backup.sh restore   BACKUP=path required: stops the app, replaces the
#                       database, the uploads and the secrets with the
#                       archive's, re-applies the app user's grants, starts
#                       the app again (nginx and MariaDB stay up)
# The archive (mode 0600) holds:
#   db.sql     mariadb-dump --single-transaction --routines --triggers of the
#              credit database only (a consistent InnoDB snapshot, taken
#              while the app keeps serving)
#   uploads/   $VAR/uploads, the proof documents (named by their SHA-256)
#   secrets/   master.key and db_app.pw, mode 0600: without the master key
#              the audit chain cannot be verified, sessions and CSRF tokens
#              die and report signatures change. Keep the archive as secret
#              as the key itself.
# Environment: VAR, CREDIT_DB_NAME (credit), BACKUP, and what stack.sh reads
# (CREDIT_BIN, CREDIT_WORKERS, ...) for the restart.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=${VAR:-$ROOT/var}
export VAR
MYCNF=$VAR/my.cnf
DB=${CREDIT_DB_NAME:-credit}

case "$DB" in
*[!A-Za-z0-9_]*) echo "backup: the database name must be [A-Za-z0-9_]" >&2; exit 1 ;;
esac

log() { echo "backup: $*"; }

db() { mariadb --defaults-file="$MYCNF" -u root --batch --skip-column-names "$@"; }

# A scratch directory inside $VAR (same file system, never world-readable),
# removed however the script ends.
stage_dir() {
	mkdir -p "$VAR/tmp"
	STAGE=$(mktemp -d "$VAR/tmp/backup.XXXXXX")
	trap 'rm -rf "$STAGE"' EXIT
	trap 'exit 1' INT TERM
}

backup() {
	if ! mariadb-admin --defaults-file="$MYCNF" ping >/dev/null 2>&1; then
		log "MariaDB of $VAR is not running (make run, or stack.sh db-start)"; exit 1
	fi
	out=${BACKUP:-$VAR/backup/credit-$(date +%Y%m%d-%H%M%S).tar.gz}
	mkdir -p "$(dirname "$out")"
	umask 077
	stage_dir
	mkdir "$STAGE/credit"
	mariadb-dump --defaults-file="$MYCNF" -u root --single-transaction --routines \
		--triggers --hex-blob --default-character-set=utf8mb4 "$DB" > "$STAGE/credit/db.sql"
	mkdir "$STAGE/credit/uploads" "$STAGE/credit/secrets"
	if [ -d "$VAR/uploads" ]; then
		(cd "$VAR/uploads" && tar cf - .) | (cd "$STAGE/credit/uploads" && tar xpf -)
	fi
	for f in master.key db_app.pw; do
		if [ -f "$VAR/secrets/$f" ]; then
			cp "$VAR/secrets/$f" "$STAGE/credit/secrets/$f"
			chmod 600 "$STAGE/credit/secrets/$f"
		fi
	done
	cat > "$STAGE/credit/MANIFEST" <<EOF
credit-portal backup
created: $(date -u '+%Y-%m-%dT%H:%M:%SZ')
database: $DB
uploads: $(find "$STAGE/credit/uploads" -type f | wc -l) files
secrets: master.key and db_app.pw (0600) — keep this archive secret
EOF
	# Written beside the target and renamed: a half-written archive never
	# carries the final name.
	tar czf "$out.part" -C "$STAGE" credit
	chmod 600 "$out.part"
	mv "$out.part" "$out"
	log "wrote $out ($(wc -c < "$out") bytes)"
}

restore() {
	in=${BACKUP:-}
	if [ -z "$in" ] || [ ! -f "$in" ]; then
		echo "usage: BACKUP=path/to/credit-....tar.gz backup.sh restore" >&2; exit 2
	fi
	umask 077
	stage_dir
	tar xzf "$in" -C "$STAGE"
	if [ ! -s "$STAGE/credit/db.sql" ]; then log "$in has no credit/db.sql"; exit 1; fi
	# Nothing may write while the data is replaced; nginx answers the
	# friendly 502 page meanwhile.
	sh "$ROOT/app/tools/stack.sh" app-stop
	sh "$ROOT/app/tools/stack.sh" db-start
	db <<EOF
DROP DATABASE IF EXISTS \`$DB\`;
CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
EOF
	db "$DB" < "$STAGE/credit/db.sql"
	mkdir -p "$VAR/uploads"
	chmod 700 "$VAR/uploads"
	find "$VAR/uploads" -mindepth 1 -delete
	(cd "$STAGE/credit/uploads" && tar cf - .) | (cd "$VAR/uploads" && tar xpf -)
	mkdir -p "$VAR/secrets"
	chmod 700 "$VAR/secrets"
	for f in master.key db_app.pw; do
		if [ -f "$STAGE/credit/secrets/$f" ]; then
			cp "$STAGE/credit/secrets/$f" "$VAR/secrets/$f.new"
			chmod 600 "$VAR/secrets/$f.new"
			mv "$VAR/secrets/$f.new" "$VAR/secrets/$f"
		fi
	done
	# The app user and its grants live outside the credit database (and a
	# restored db_app.pw may differ): re-apply them. Every migration in
	# the dump is recorded, so none runs again.
	sh "$ROOT/app/tools/stack.sh" migrate
	sh "$ROOT/app/tools/stack.sh" app-start
	log "restored $in into $VAR"
}

case "${1:-}" in
backup) backup ;;
restore) restore ;;
*) echo "usage: backup.sh backup|restore   (BACKUP=path, VAR=dir)" >&2; exit 2 ;;
esac

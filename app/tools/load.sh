#!/bin/sh
# load.sh — generates synthetic Suzhou credit data (build/gendata) and bulk-
# loads it into the private database, after the rows already there:
#   VAR=... sh app/tools/load.sh --subjects N --records M [--seed S] [--grams]
#           [--today YYYY-MM-DD] [--keep]
# A few thousand subjects for the demo, 1,000,000 subjects and 5,000,000
# records for the benchmark. --grams writes the name index with the data
# (much faster than app/tools/reindex.sql, which is run otherwise); --keep
# keeps the generated files in $VAR/gen. Prints the rows and seconds per step.
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VAR=${VAR:-$ROOT/var}
DB=${CREDIT_DB_NAME:-credit}
GEN=$ROOT/build/gendata
OUT=$VAR/gen

usage() {
	echo "usage: VAR=DIR sh app/tools/load.sh --subjects N --records M [--seed S] [--grams] [--today YYYY-MM-DD] [--keep]" >&2
	exit 2
}
number() { case "$1" in ''|*[!0-9]*) usage ;; esac; }

subjects='' records='' seed=1 grams=0 today='' keep=0
while [ $# -gt 0 ]; do
	case "$1" in
	--subjects) [ $# -ge 2 ] || usage; subjects=$2; shift 2 ;;
	--records) [ $# -ge 2 ] || usage; records=$2; shift 2 ;;
	--seed) [ $# -ge 2 ] || usage; seed=$2; shift 2 ;;
	--today) [ $# -ge 2 ] || usage; today=$2; shift 2 ;;
	--grams) grams=1; shift ;;
	--keep) keep=1; shift ;;
	*) usage ;;
	esac
done
number "$subjects"; number "$records"; number "$seed"
case "$today" in
'') today=$(date -u -d "@$(($(date +%s) + 8 * 3600))" +%F) ;;  # today in China
[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]) ;;
*) usage ;;
esac
case "$DB" in *[!A-Za-z0-9_]*) echo "load: bad database name" >&2; exit 1 ;; esac
# The file names go into SQL string literals.
case "$OUT" in *[\'\\]*) echo "load: VAR must not contain quotes or backslashes" >&2; exit 1 ;; esac

now() { date +%s.%N; }
T0=$(now)
STEP_T=$T0
step() { # name: prints the seconds since the previous step
	t=$(now)
	awk -v n="$1" -v a="$STEP_T" -v b="$t" 'BEGIN { printf "load: %-34s %7.1f s\n", n, b - a }'
	STEP_T=$t
}

sql() {
	mariadb --defaults-file="$VAR/my.cnf" -u root --local-infile=1 --batch --skip-column-names "$DB" "$@"
}

# 1. Build the generator when it is missing or older than its sources (the
# Makefile is not involved: this script must work on a bare checkout).
need=0
[ -x "$GEN" ] || need=1
for f in "$ROOT/app/tools/gendata.c" "$ROOT/app/rules/uscc.c" "$ROOT/app/rules/uscc.h"; do
	if [ $need = 0 ] && [ -n "$(find "$f" -newer "$GEN")" ]; then need=1; fi
done
if [ $need = 1 ]; then
	mkdir -p "$ROOT/build"
	${CC:-gcc} -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wshadow -Wmissing-prototypes -Wformat=2 -O2 \
		-I"$ROOT/app" "$ROOT/app/tools/gendata.c" "$ROOT/app/rules/uscc.c" -o "$GEN.tmp.$$"
	mv "$GEN.tmp.$$" "$GEN"
	step "build gendata"
fi

# 2. Generate, with ids after the rows already there.
read -r max_s max_r max_l max_c <<EOF
$(sql -e "SELECT (SELECT COALESCE(MAX(id), 0) FROM subjects), (SELECT COALESCE(MAX(id), 0) FROM credit_records),
                 (SELECT COALESCE(MAX(id), 0) FROM serious_list), (SELECT COALESCE(MAX(id), 0) FROM commitments)")
EOF
rm -rf "$OUT"
mkdir -p "$OUT"
gflag=''
if [ $grams = 1 ]; then gflag=--grams; fi
"$GEN" --subjects "$subjects" --records "$records" --seed "$seed" --today "$today" --out "$OUT" \
	--first-id $((max_s + 1)) --first-record-id $((max_r + 1)) \
	--first-serious-id $((max_l + 1)) --first-commitment-id $((max_c + 1)) $gflag
step "generate"

# 3. Load. Each file in one session with unique and foreign-key checks off
# (the generator guarantees both; on an empty table InnoDB then builds the
# indexes by sorting). LOAD DATA's default format is the generator's: tab,
# newline, backslash escapes, \N for NULL. LOCAL turns bad rows into
# warnings, so any warning fails the load.
load() { # file table columns
	res=$(sql <<SQL
SET SESSION unique_checks = 0, foreign_key_checks = 0;
LOAD DATA LOCAL INFILE '$OUT/$1' INTO TABLE $2 CHARACTER SET utf8mb4 ($3);
SELECT ROW_COUNT(), @@warning_count;
SHOW WARNINGS LIMIT 5;
SQL
)
	rows=$(echo "$res" | head -1 | cut -f1)
	warn=$(echo "$res" | head -1 | cut -f2)
	lines=$(wc -l < "$OUT/$1")
	if [ "$warn" != 0 ] || [ "$rows" != "$lines" ]; then
		echo "load: $1: $rows of $lines rows loaded, $warn warnings:" >&2
		echo "$res" | tail -n +2 >&2
		exit 1
	fi
	step "$2 ($rows rows)"
}
load subjects.tsv subjects \
	"id, uscc, name, kind, legal_rep, address, district, industry, established, reg_status, created_at, uscc_override"
load records.tsv credit_records \
	"id, subject_id, item_id, agency, doc_no, decided_on, ended_on, summary, is_public, status, repaired_at, created_by, created_at, updated_at"
load serious.tsv serious_list \
	"id, subject_id, agency, doc_no, reason, removal_conditions, remedy, responsible_persons, included_on, removed_on, created_at"
load commitments.tsv commitments \
	"id, subject_id, kind, title, body, published_on, created_by, created_at"

# 4. The name index. With --grams: the generator's grams (distinct, in
# primary-key order) go into emptied tables, where InnoDB's bulk path builds
# both indexes by sorting (measured on 1M subjects, 256M buffer pool: 95 s,
# against 547 s appending to a non-empty table and 200 s for reindex.sql);
# then the subjects that were there before are indexed again with the rule of
# reindex.sql (cheap for the demo's few; as slow as reindex.sql for a
# previous million). Otherwise: reindex.sql, a full rebuild.
if [ $grams = 1 ]; then
	sql -e "TRUNCATE TABLE subject_grams; TRUNCATE TABLE gram_counts"
	load grams.tsv subject_grams "gram, subject_id"
	load gram_counts.tsv gram_counts "gram, n"
	sql <<SQL
INSERT IGNORE INTO subject_grams (gram, subject_id)
  SELECT SUBSTRING(s.name, q.seq, 1), s.id
  FROM subjects s JOIN seq_1_to_200 q ON q.seq <= CHAR_LENGTH(s.name)
  WHERE s.id <= $max_s AND SUBSTRING(s.name, q.seq, 1) <> ' ';
INSERT IGNORE INTO subject_grams (gram, subject_id)
  SELECT SUBSTRING(s.name, q.seq, 2), s.id
  FROM subjects s JOIN seq_1_to_200 q ON q.seq < CHAR_LENGTH(s.name)
  WHERE s.id <= $max_s AND SUBSTRING(s.name, q.seq, 1) <> ' ' AND SUBSTRING(s.name, q.seq + 1, 1) <> ' ';
INSERT INTO gram_counts (gram, n)
  SELECT gram, COUNT(*) FROM subject_grams WHERE subject_id <= $max_s GROUP BY gram
  ON DUPLICATE KEY UPDATE n = gram_counts.n + VALUES(n);
SQL
	step "index the $max_s earlier subjects"
else
	sql < "$ROOT/app/tools/reindex.sql"
	step "reindex.sql"
fi

# 5. Fresh statistics, so the optimizer sees the new sizes at once.
sql -e "ANALYZE TABLE subjects, credit_records, serious_list, commitments, subject_grams, gram_counts" > /dev/null
step "analyze"

[ $keep = 1 ] || rm -rf "$OUT"
sql -e "SELECT 'subjects', COUNT(*) FROM subjects UNION ALL SELECT 'credit_records', COUNT(*) FROM credit_records
        UNION ALL SELECT 'serious_list', COUNT(*) FROM serious_list UNION ALL SELECT 'commitments', COUNT(*) FROM commitments
        UNION ALL SELECT 'subject_grams', COUNT(*) FROM subject_grams UNION ALL SELECT 'gram_counts', COUNT(*) FROM gram_counts" |
	awk '{ printf "load: %-16s %10d rows\n", $1, $2 }'
STEP_T=$T0
step "total"

#!/bin/sh
# lint_templates.sh — rejects ClearSilver constructs that bypass escaping or
# evaluate data as template code (SECURITY.md §2): uvar:, lvar:, evar:,
# name:, and any attempt to change Config.* from a template. Prints one
# "ok"/"not ok" line per template and a count line for tests/run.sh.
cd "$(dirname "$0")/.." || exit 1
pass=0 fail=0
for f in templates/*.cs; do
	bad=$(grep -nE '<\?cs *(uvar|lvar|evar|name|set *: *Config)' "$f" ||
	      grep -nE '<\?cs[^?]*(uvar|lvar|evar|name) *:' "$f")
	if [ -n "$bad" ]; then
		echo "not ok - $f uses an unescaped or evaluating construct:"
		echo "$bad" | sed 's/^/    /'
		fail=$((fail + 1))
	else
		echo "ok - $f"
		pass=$((pass + 1))
	fi
done
echo "lint: $pass passed, $fail failed"
[ "$fail" = 0 ]

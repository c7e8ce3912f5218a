#!/bin/sh
# deps.sh — installs the Debian packages the project needs, only those that
# are missing (one apt-get run), plus the Node packages for the HTTP and
# browser tests. Run as root on Debian bookworm; `make run` and `make test`
# call it first. Arguments name extra packages that only one target needs
# (`make sqlmap` runs `deps.sh sqlmap`), so `make test` never installs them.
set -eu
cd "$(dirname "$0")/../.."

PKGS="build-essential pkg-config libfcgi-dev libfcgi-bin clearsilver-dev libmariadb-dev
mariadb-server mariadb-client nginx libsodium-dev libcmocka-dev libhpdf-dev zlib1g-dev valgrind hostname
util-linux curl chromium fonts-wqy-microhei nodejs npm wrk $*"

missing=""
for p in $PKGS; do
	# Any nginx flavour will do.
	if [ "$p" = nginx ] && command -v nginx >/dev/null 2>&1; then continue; fi
	# Node from another source (e.g. nodesource) is fine if it is 18 or later.
	if [ "$p" = nodejs ] || [ "$p" = npm ]; then
		command -v "$p" >/dev/null 2>&1 && continue
	fi
	st=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
	case "$st" in *"install ok installed"*) ;; *) missing="$missing $p" ;; esac
done
if [ -n "$missing" ]; then
	echo "deps: installing$missing"
	if [ "$(id -u)" != 0 ]; then
		echo "deps: run as root (or install:$missing)" >&2
		exit 1
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
fi

# Node packages for tests/ (playwright-core drives Debian's chromium).
if [ ! -d tests/node_modules/playwright-core ]; then
	echo "deps: npm install in tests/"
	# npm keeps its cache inside the checkout too: nothing is written elsewhere.
	(cd tests && npm_config_cache="$PWD/../var/npm-cache" npm ci --no-audit --no-fund --loglevel=error)
fi

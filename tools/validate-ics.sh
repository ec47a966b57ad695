#!/bin/sh
# Checks what Parley's calendar export means with two readers that are not Parley's:
# ical.js (Mozilla's, used by Thunderbird) and python-icalendar. A database with the sample
# dossier and every file of ical/testdata/corpus imported is exported as a calendar and as a
# bundle; each reader computes every timed event's instant from the file's VTIMEZONEs, which
# must be the instant, the local time and the offset the dossier holds (tools/icalcheck/).
#
#   tools/validate-ics.sh bin/parley
#
# Installs what it lacks: ical.js (pinned) from the npm registry into a cache folder, and on
# Debian or Ubuntu the packages nodejs, npm and python3-icalendar.
set -eu
parley=${1:?usage: tools/validate-ics.sh PATH-TO-PARLEY}
root=$(cd "$(dirname "$0")/.." && pwd)
cache=${PARLEY_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/parley-tools}
icaljs_version=2.2.1

missing=""
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"
/usr/bin/python3 -c 'import icalendar' 2>/dev/null || missing="$missing python3-icalendar"
if [ -n "$missing" ]; then
	if command -v apt-get >/dev/null 2>&1; then
		sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
		echo "Installing:$missing"
		$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
	else
		echo "Missing:$missing (install them, then run this again)."; exit 1
	fi
fi
if [ ! -f "$cache/icaljs/node_modules/ical.js/package.json" ] ||
	! grep -q "\"version\": \"$icaljs_version\"" "$cache/icaljs/node_modules/ical.js/package.json"; then
	mkdir -p "$cache/icaljs"
	npm install --silent --no-audit --no-fund --prefix "$cache/icaljs" "ical.js@$icaljs_version" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$parley" init --db "$work/check.db" >/dev/null
for f in "$root"/ical/testdata/corpus/*.ics; do
	"$parley" import --db "$work/check.db" "$f" >/dev/null
done
"$parley" export --db "$work/check.db" -o "$work/check.ics"
"$parley" export --db "$work/check.db" -o "$work/check.json" >/dev/null
ICALJS_VERSION=$icaljs_version NODE_PATH="$cache/icaljs/node_modules" node "$root/tools/icalcheck/check.js" "$work/check.ics" "$work/check.json"
/usr/bin/python3 "$root/tools/icalcheck/check.py" "$work/check.ics" "$work/check.json"

#!/usr/bin/env bash
# tools/screenshots.sh (make screenshots): builds bin/parley, makes a fresh database holding
# the sample dossier, and screenshots every screen of the real window under Xvfb at each size
# in SIZES, into docs/screenshots/NAME-WxH.png, cropped to the window. Each shot starts
# Parley afresh on a copy of the database with empty preferences (XDG_CONFIG_HOME), so that
# no shot depends on another, and drives it with xdotool: shortcuts (Ctrl+1…5 for the
# screens, Ctrl+F search, Ctrl+E export), ASCII typing, and clicks at places that depend on
# the size (the tables below; re-measure them when the layout changes).
#
# Needs: shot (SHOT, default the shared tools' shot or `shot` on PATH), Xvfb, xdotool and
# ImageMagick; pngquant when present makes the files smaller.
#   tools/screenshots.sh [NAME...]      only the shots named (e.g. calendar talks)
#   SIZES="1366x768" tools/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."

SHOT=${SHOT:-$(command -v shot || echo /work/shared/tools/shot)}
SIZES=${SIZES:-"1366x768 1024x600 680x700"}
OUT=${OUT:-docs/screenshots}
WAIT=${WAIT:-4}   # seconds from the window appearing to the first action
LIST=${LIST:-4}   # seconds for a screen's list to load
PAGE=${PAGE:-12}  # seconds for a record page to open (on a loaded machine it takes long)
export LANG=en_GB.UTF-8

go build -tags sqlite_fts5 -o bin/parley .
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin/parley init --db "$work/sample.db" >/dev/null

# shoot NAME SIZE [XDOTOOL ARGS...]: one screenshot of a fresh Parley driven by the actions.
shoot() {
	local name=$1 size=$2
	shift 2
	local acts=()
	for a in "$@"; do acts+=(-d "$a"); done
	local run="$work/$name-$size"
	local geo="" try out
	# A loaded machine can keep the window from appearing in shot's ten seconds: try again.
	for try in 1 2 3; do
		rm -rf "$run/cfg" && mkdir -p "$run/cfg"
		cp "$work/sample.db" "$run/x.db"
		out=$(XDG_CONFIG_HOME="$run/cfg" "$SHOT" -s "$size" -w "$WAIT" "${acts[@]}" -o "$run/shot.png" -- bin/parley --db "$run/x.db") || true
		geo=$(sed -n 's/^Geometry: //p' <<<"$out")
		[ -n "$geo" ] && break
		echo "$name at $size, try $try: $out" >&2
	done
	[ -n "$geo" ] || { echo "$name at $size: no window" >&2; exit 1; }
	if grep -q "Error in Fyne call thread\|panic" "$run/shot.png.log"; then
		echo "$name at $size: Parley logged an error:" >&2
		cat "$run/shot.png.log" >&2
		exit 1
	fi
	local png="$OUT/$name-$size.png"
	convert "$run/shot.png" -crop "${geo}+0+0" +repage -strip "$png"
	if command -v pngquant >/dev/null; then
		pngquant --force --skip-if-larger --quality 80-100 --output "$png" "$png" || true
	fi
	echo "$png ($geo)"
}

want() { [ ${#only[@]} -eq 0 ] || [[ " ${only[*]} " == *" $1 "* ]]; }
only=("$@")

# Where to click, by size: the Tokyo round's row in Talks (the fourth) and the Tracks… button;
# the rows of the Actors (Morgulov, the third), Disputes (the first) and Sources (the article,
# the second) lists sit at the same height at every size.
click() { echo "mousemove $1 $2 click 1"; }
for size in $SIZES; do
	case $size in
	1366x768) tokyo="300 255" tracks="1097 53" ;;
	1024x600) tokyo="300 294" tracks="825 92" ;;
	680x700) tokyo="300 294" tracks="481 92" ;;
	*) echo "screenshots.sh: no click positions for $size (add them to the table)" >&2; exit 2 ;;
	esac
	morgulov="300 220" dispute="300 103" article="300 181"
	want calendar && shoot calendar "$size"
	want talks && shoot talks "$size" "key ctrl+2" "sleep $LIST"
	want actors && shoot actors "$size" "key ctrl+3" "sleep $LIST"
	want disputes && shoot disputes "$size" "key ctrl+4" "sleep $LIST"
	want sources && shoot sources "$size" "key ctrl+5" "sleep $LIST"
	want meeting && shoot meeting "$size" "key ctrl+2" "sleep $LIST" "$(click $tokyo)" "sleep $PAGE" "sleep $PAGE"
	want actor && shoot actor "$size" "key ctrl+3" "sleep $LIST" "$(click $morgulov)" "sleep $PAGE"
	want dispute && shoot dispute "$size" "key ctrl+4" "sleep $LIST" "$(click $dispute)" "sleep $PAGE"
	want source && shoot source "$size" "key ctrl+5" "sleep $LIST" "$(click $article)" "sleep $PAGE"
	want tracks-dialog && shoot tracks-dialog "$size" "key ctrl+2" "sleep $LIST" "$(click $tracks)"
	want search && shoot search "$size" "key ctrl+f" "type Tokyo" "key Return" "sleep $LIST"
	want export-dialog && shoot export-dialog "$size" "key ctrl+e"
	want new-meeting && shoot new-meeting "$size" "key ctrl+n" "sleep $PAGE"
	want trash && shoot trash "$size" "key ctrl+6" "sleep $LIST"
done

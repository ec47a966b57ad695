#!/bin/sh
# tools/vs-libreoffice.sh: the CPU a briefing pack costs, whole process, against LibreOffice
# converting an equivalent HTML brief to PDF (docs/performance.md, "The pack against
# LibreOffice").
#
#   tools/vs-libreoffice.sh BINARY [RUNS]
#
# BINARY is a built parley (make build). The script makes the sample dossier, writes the Tokyo
# round's pack RUNS times (5 unless given), then builds the equivalent HTML brief from that
# pack's own text (pdftotext -layout, one <p> per paragraph, headings as <h2>) and has
# LibreOffice convert it RUNS times. It prints the median user+system CPU seconds and peak
# memory of each, from GNU time, and their ratio. Needs libreoffice-writer (or
# libreoffice-writer-nogui), poppler-utils and GNU time (/usr/bin/time). Not part of make test.
set -eu
P=$(realpath "$1")
RUNS=${2:-5}
S=$(mktemp -d /tmp/parley-vs-lo.XXXXXX)
trap 'rm -rf "$S"' EXIT
TOKYO=d1adde86-af12-4bc7-888a-600a89949a68
export HOME="$S/home" LANG=en_GB.UTF-8
mkdir -p "$HOME"
"$P" init --db "$S/s.db" >/dev/null

# measure LABEL COMMAND…: RUNS runs; prints "LABEL cpu_seconds peak_kb" for the median run.
measure() {
	label=$1
	shift
	: >"$S/times"
	i=0
	while [ "$i" -lt "$RUNS" ]; do
		/usr/bin/time -f "%U %S %M" -o "$S/t" "$@" >/dev/null 2>&1
		awk '{printf "%.3f %d\n", $1 + $2, $3}' "$S/t" >>"$S/times"
		i=$((i + 1))
	done
	sort -n "$S/times" | awk -v n="$RUNS" -v l="$label" 'NR == int((n + 1) / 2) {print l, $1, $2}'
}

measure parley "$P" pack --db "$S/s.db" --meeting "$TOKYO" -o "$S/tokyo.pdf" >"$S/parley.txt"
pdftotext -layout "$S/tokyo.pdf" "$S/tokyo.txt"
# The same words as an HTML document: paragraphs split at blank lines, section headings
# ("1   Purpose and objectives") as headings, page furniture left in as text.
awk 'BEGIN { print "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Tokyo round</title>" \
	"<style>body{font-family:\"Noto Sans\";font-size:10pt} h2{color:#1c3458}</style></head><body>" }
	/^[0-9]+ +[A-Z]/ { if (p != "") { print "<p>" p "</p>"; p = "" } gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); print "<h2>" $0 "</h2>"; next }
	/^[ \f]*$/ { if (p != "") { print "<p>" p "</p>"; p = "" } next }
	{ gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); sub(/^ +/, ""); p = p " " $0 }
	END { if (p != "") print "<p>" p "</p>"; print "</body></html>" }' "$S/tokyo.txt" >"$S/tokyo.html"
measure libreoffice soffice --headless --norestore --convert-to pdf --outdir "$S/lo" "$S/tokyo.html" >"$S/lo.txt"

pages_parley=$(pdfinfo "$S/tokyo.pdf" | awk '/^Pages:/ {print $2}')
pages_lo=$(pdfinfo "$S/lo/tokyo.pdf" | awk '/^Pages:/ {print $2}')
read -r _ pc pm <"$S/parley.txt"
read -r _ lc lm <"$S/lo.txt"
echo "parley pack:  $pc s CPU, $((pm / 1024)) MB peak, $pages_parley pages"
echo "LibreOffice:  $lc s CPU, $((lm / 1024)) MB peak, $pages_lo pages (the same text as HTML)"
awk -v a="$lc" -v b="$pc" -v c="$lm" -v d="$pm" 'BEGIN {printf "LibreOffice / Parley: %.1fx the CPU, %.1fx the memory\n", a / b, c / d}'

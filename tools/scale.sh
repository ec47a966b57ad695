#!/bin/sh
# tools/scale.sh: the figures of docs/performance.md for one dossier, whole process, median
# of RUNS runs (5 unless set) with hyperfine, peak memory with GNU time.
#
#   tools/scale.sh BINARY DOSSIER.db [SCRATCH]
#
# BINARY is a built parley (make build); DOSSIER one made by `parley synth` (the meeting IDs
# below are synth's: synth-meeting-000051 has 20 participants, synth-meeting-000100 is in
# the 1,000-meeting track when there are 10,000 meetings or more). SCRATCH (default
# /tmp/parley-scale) receives the bundle, packs, backups and the database the bundle is
# imported into; it needs about twice the dossier's size. SLOW_RUNS (default RUNS) is the
# number of runs of export, import and backup; QUICK=1 leaves those out. Needs hyperfine (apt-get install hyperfine)
# GNU time (/usr/bin/time) and python3 (tools/first_row.py). Not part of make test: `make scale` runs it
# on synthetic dossiers of 1k, 10k and 100k meetings.
set -eu
P=$(realpath "$1")
DB=$(realpath "$2")
S=${3:-/tmp/parley-scale}
RUNS=${RUNS:-5}
SLOW_RUNS=${SLOW_RUNS:-$RUNS}
mkdir -p "$S"
rm -rf "$S"/*

median() { # hyperfine's JSON: the median wall time of the first command, and its mean CPU time
	m=$(sed -n 's/.*"median": *\([0-9.e+-]*\).*/\1/p' "$1" | head -n 1)
	u=$(sed -n 's/.*"user": *\([0-9.e+-]*\).*/\1/p' "$1" | head -n 1)
	k=$(sed -n 's/.*"system": *\([0-9.e+-]*\).*/\1/p' "$1" | head -n 1)
	awk -v m="$m" -v u="$u" -v k="$k" 'BEGIN {printf "%.0f ms | %.0f ms", m * 1000, (u + k) * 1000}'
}
bench() { # bench LABEL RUNS [HYPERFINE OPTIONS…] COMMAND
	label=$1 runs=$2
	shift 2
	hyperfine -N --style none --runs "$runs" --export-json "$S/h.json" "$@" >/dev/null 2>&1 ||
		hyperfine --style none --runs "$runs" --export-json "$S/h.json" "$@" >/dev/null
	printf '| %s | %s |\n' "$label" "$(median "$S/h.json")"
}
peak() { # peak LABEL COMMAND…: one run's wall time and peak memory
	label=$1
	shift
	/usr/bin/time -f '%e %M' -o "$S/t.txt" "$@" >/dev/null 2>"$S/err.txt" || { cat "$S/err.txt"; exit 1; }
	awk -v l="$label" '{printf "| %s (one run) | %.1f s, %.0f MB peak | |\n", l, $1, $2 / 1024}' "$S/t.txt"
}

echo "dossier: $DB ($(du -m "$DB" | cut -f1) MB), $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| command | wall, median of $RUNS | CPU (user + system), mean |"
echo "| --- | --- | --- |"
bench "open + list disputes" "$RUNS" "$P list --db $DB disputes"
bench "list tracks" "$RUNS" "$P list --db $DB tracks"
for q in Sakhalin Моргулов 北方領土 consultations; do
	bench "search $q" "$RUNS" "$P search --db $DB $q"
done
bench "pack, 20 participants" "$RUNS" "$P pack --db $DB --meeting synth-meeting-000051 -o $S/p20.pdf"
bench "pack, meeting in the largest track" "$RUNS" "$P pack --db $DB --meeting synth-meeting-000100 -o $S/ptrack.pdf"
printf '| list --json meetings | %s | |\n' "$(python3 "$(dirname "$0")/first_row.py" "$RUNS" "$P" list --db "$DB" --json meetings)"
peak "list --json meetings" "$P" list --db "$DB" --json meetings
if [ -n "${QUICK:-}" ]; then # QUICK=1: only the commands above
	rm -rf "${S:?}"/*
	exit 0
fi
bench "export" "$SLOW_RUNS" --prepare "rm -f $S/d.json" "$P export --db $DB -o $S/d.json"
peak "export" "$P" export --db "$DB" -o "$S/d.json"
bench "import into an empty database" "$SLOW_RUNS" --prepare "rm -f $S/i.db $S/i.db-wal $S/i.db-shm $S/i.db.lock" \
	"$P import --db $S/i.db $S/d.json"
rm -f "$S/i.db" "$S/i.db-wal" "$S/i.db-shm" "$S/i.db.lock"
peak "import" "$P" import --db "$S/i.db" "$S/d.json"
bench "backup" "$SLOW_RUNS" --prepare "rm -f $S/b.db" "$P backup --db $DB -o $S/b.db"
printf '| (cp of the file, for the disk speed) | %s | |\n' "$( (cd "$S" && rm -f c.db && /usr/bin/time -f '%e s' cp "$DB" c.db) 2>&1)"
ls -l "$S"/p20.pdf "$S"/ptrack.pdf "$S"/d.json | awk '{print "# " $5 " bytes " $9}'
rm -rf "$S"/*

package ical

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/teambition/rrule-go"

	"github.com/parley-app/parley/storage"
)

// Zones defined inside a file (VTIMEZONE), for reading. Outlook and Exchange name zones as
// they like ("Customized Time Zone", "(UTC-03:00) Brasília", "GMT +0100 (Standard) / GMT +0200
// (Daylight)"); the file's own rules then say what a local time means. Times are converted
// with those rules, and the meeting is given the IANA zone whose offsets agree with them over
// the event's year, so that Parley can print the zone by a name and follow it later.

// fileZone is one VTIMEZONE: its transitions, computed once up to lastZoneYear.
type fileZone struct {
	tzid  string
	trans []transition // sorted by instant
	// initial is the offset before the first transition (the first observance's TZOFFSETFROM).
	initial int
	// hint is the IANA name the file gives besides TZID (X-LIC-LOCATION), if any.
	hint string
}

type transition struct {
	at     time.Time // UTC
	offset int       // seconds east of UTC from then on
	abbr   string    // the observance's TZNAME, if any
	dst    bool      // a DAYLIGHT observance
}

const lastZoneYear = 2100

// readFileZone reads a VTIMEZONE block; ok is false when it holds no usable observance.
func readFileZone(n *node) (*fileZone, bool) {
	z := &fileZone{tzid: strings.TrimSpace(n.value("TZID")), hint: strings.TrimSpace(n.value("X-LIC-LOCATION"))}
	if z.tzid == "" {
		return nil, false
	}
	until := time.Date(lastZoneYear, 1, 1, 0, 0, 0, 0, time.UTC)
	firstOnset := time.Time{}
	for _, o := range n.subs {
		if o.name != "STANDARD" && o.name != "DAYLIGHT" {
			continue
		}
		from, ok1 := parseOffset(o.value("TZOFFSETFROM"))
		to, ok2 := parseOffset(o.value("TZOFFSETTO"))
		start, err := time.Parse(icsLocal, strings.TrimSpace(o.value("DTSTART")))
		if !ok2 || err != nil {
			continue
		}
		if !ok1 {
			from = to
		}
		onsets := []time.Time{start}
		if r := o.value("RRULE"); r != "" {
			if opt, err := rrule.StrToROption(r); err == nil {
				opt.Dtstart = start
				if opt.Until.After(until) || opt.Until.IsZero() {
					opt.Until = until
				}
				if rule, err := rrule.NewRRule(*opt); err == nil {
					onsets = rule.Between(start, until, true)
				}
			}
		}
		for _, rd := range o.all("RDATE") {
			for _, v := range strings.Split(rd.value, ",") {
				if t, err := time.Parse(icsLocal, strings.TrimSuffix(strings.TrimSpace(v), "Z")); err == nil {
					onsets = append(onsets, t)
				}
			}
		}
		abbr := strings.TrimSpace(o.value("TZNAME"))
		for _, on := range onsets {
			// The onset is wall-clock time in the offset before it.
			at := on.Add(-time.Duration(from) * time.Second)
			z.trans = append(z.trans, transition{at, to, abbr, o.name == "DAYLIGHT"})
			if firstOnset.IsZero() || at.Before(firstOnset) {
				firstOnset, z.initial = at, from
			}
		}
	}
	if len(z.trans) == 0 {
		return nil, false
	}
	sort.Slice(z.trans, func(i, j int) bool { return z.trans[i].at.Before(z.trans[j].at) })
	return z, true
}

// parseOffset reads a UTC offset (±hhmm or ±hhmmss) as seconds east of UTC.
func parseOffset(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if len(s) != 5 && len(s) != 7 || (s[0] != '+' && s[0] != '-') {
		return 0, false
	}
	n := 0
	for _, c := range s[1:] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	h, m := int(s[1]-'0')*10+int(s[2]-'0'), int(s[3]-'0')*10+int(s[4]-'0')
	n = h*3600 + m*60
	if len(s) == 7 {
		n += int(s[5]-'0')*10 + int(s[6]-'0')
	}
	if s[0] == '-' {
		n = -n
	}
	return n, true
}

// offsetAt is the zone's offset at an instant.
func (z *fileZone) offsetAt(u time.Time) int {
	i := sort.Search(len(z.trans), func(i int) bool { return z.trans[i].at.After(u) })
	if i == 0 {
		return z.initial
	}
	return z.trans[i-1].offset
}

// instant converts a wall-clock time (its fields read as local to the zone) to UTC. In a gap
// (clocks go forward) the offset before the gap is used; in an overlap, the earlier instant.
func (z *fileZone) instant(wall time.Time) time.Time {
	w := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, time.UTC)
	seen := map[int]bool{}
	var best time.Time
	for _, off := range append([]int{z.initial}, z.offsets()...) {
		if seen[off] {
			continue
		}
		seen[off] = true
		u := w.Add(-time.Duration(off) * time.Second)
		if z.offsetAt(u) == off && (best.IsZero() || u.Before(best)) {
			best = u
		}
	}
	if best.IsZero() {
		best = w.Add(-time.Duration(z.offsetAt(w.Add(-24*time.Hour))) * time.Second)
	}
	return best
}

// wall is the zone's wall-clock time at an instant, its fields carried in UTC.
func (z *fileZone) wall(u time.Time) time.Time {
	return u.UTC().Add(time.Duration(z.offsetAt(u)) * time.Second)
}

func (z *fileZone) offsets() []int {
	out := make([]int, 0, len(z.trans))
	for _, t := range z.trans {
		out = append(out, t.offset)
	}
	return out
}

// agrees tells whether an IANA zone has the file zone's offsets throughout a year: just over
// an hour either side of every transition of either in that year, and at the middle of every
// month. The margin lets onsets an hour off agree: Windows' "one second before midnight"
// (23:59:59) with tzdata's midnight, and the onsets Evolution writes in the local time after
// the change (03:00 for America/Chicago's 02:00).
const onsetMargin = time.Hour + time.Minute

func (z *fileZone) agrees(loc *time.Location, year int) bool {
	from := time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
	to := from.AddDate(1, 0, 0)
	check := func(u time.Time) bool {
		_, off := u.In(loc).Zone()
		return off == z.offsetAt(u)
	}
	for m := 0; m < 12; m++ {
		if !check(from.AddDate(0, m, 14)) {
			return false
		}
	}
	for _, t := range z.trans {
		if !t.at.Before(from) && t.at.Before(to) && (!check(t.at.Add(onsetMargin)) || !check(t.at.Add(-onsetMargin))) {
			return false
		}
	}
	for u := from; ; {
		_, next := u.In(loc).ZoneBounds()
		if next.IsZero() || !next.Before(to) {
			break
		}
		if !check(next.Add(onsetMargin)) || !check(next.Add(-onsetMargin)) {
			return false
		}
		u = next
	}
	return true
}

// agreesAround tells whether a zone has the file zone's offsets in every whole year after the
// file's first change of offset (up to 2100), or in the year of that change when there is no
// other. What the file says before its first change is only its TZOFFSETFROM: a writer gives
// rules from the period in force at its first event (Parley does), not before.
func (z *fileZone) agreesAround(loc *time.Location) bool {
	years := map[int]bool{}
	first := z.trans[0].at.Year()
	for _, t := range z.trans {
		if y := t.at.Year(); y > first && y >= firstKeptChange.Year() && y < lastZoneYear {
			years[y] = true
		}
	}
	if len(years) == 0 {
		years[first] = true
	}
	for y := range years {
		if !z.agrees(loc, y) {
			return false
		}
	}
	return true
}

// ianaFor finds the IANA zone whose offsets agree with the file zone over a year: first the
// zone the file names (TZID, X-LIC-LOCATION, a Windows name), then a zone whose city the TZID
// mentions, then any of the zones Windows names map to (in a fixed order). ok is false when
// none agrees.
func (z *fileZone) ianaFor(year int) (string, *time.Location, bool) {
	for _, n := range []string{z.tzid, z.hint} {
		if name, loc, ok := resolveZone(n); ok && z.agrees(loc, year) {
			return name, loc, true
		}
	}
	folded := foldName(z.tzid)
	for _, name := range candidateZones {
		loc, err := time.LoadLocation(name)
		if err != nil {
			continue
		}
		city := name[strings.LastIndexByte(name, '/')+1:]
		if strings.Contains(folded, foldName(city)) && z.agrees(loc, year) {
			return name, loc, true
		}
	}
	for _, name := range candidateZones {
		if loc, err := time.LoadLocation(name); err == nil && z.agrees(loc, year) {
			return name, loc, true
		}
	}
	return "", nil, false
}

// foldName lower-cases a name and drops accents and separators, so that "Brasília" finds
// "Brasilia" and "Sao_Paulo" finds "São Paulo".
func foldName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'á', 'à', 'â', 'ã', 'ä':
			r = 'a'
		case 'é', 'è', 'ê', 'ë':
			r = 'e'
		case 'í', 'ì', 'î', 'ï':
			r = 'i'
		case 'ó', 'ò', 'ô', 'õ', 'ö':
			r = 'o'
		case 'ú', 'ù', 'û', 'ü':
			r = 'u'
		case 'ç':
			r = 'c'
		case '_', ' ', '-', '.', ',':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// candidateZones are the IANA zones a file zone is compared with: those Windows zone names
// map to (one for each region of the world), plus a few capitals they miss, sorted so that
// the choice does not depend on map order; the most used zones come first.
var candidateZones = func() []string {
	seen := map[string]bool{}
	var out []string
	add := func(n string) {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	for _, n := range []string{"UTC", "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Moscow",
		"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Asia/Tokyo",
		"Asia/Shanghai", "Asia/Kolkata", "Australia/Sydney", "America/Sao_Paulo", "Europe/Brussels",
		"Europe/Rome", "Europe/Madrid", "Europe/Vienna", "Europe/Amsterdam", "Asia/Dubai"} {
		add(n)
	}
	rest := make([]string, 0, len(windowsZones))
	for _, n := range windowsZones {
		rest = append(rest, n)
	}
	sort.Strings(rest)
	for _, n := range rest {
		add(n)
	}
	return out
}()

// zoneByCity finds a zone whose city a zone's display name mentions ("Kuala Lumpur,
// Singapore" → Asia/Singapore), as Outlook's display names do.
func zoneByCity(tzid string) (string, *time.Location, bool) {
	folded := foldName(tzid)
	for _, name := range candidateZones {
		city := foldName(name[strings.LastIndexByte(name, '/')+1:])
		if len(city) < 4 || !strings.Contains(folded, city) {
			continue
		}
		if loc, err := time.LoadLocation(name); err == nil {
			return name, loc, true
		}
	}
	return "", nil, false
}

// rules are the zone's rules as Parley keeps a zone of its own: each change of offset, with
// the file's abbreviation where it is one a clock could show ("BRST"), else the offset
// ("+0537", as tzdata names zones without a usual abbreviation).
func (z *fileZone) rules() storage.ZoneRules {
	r := storage.ZoneRules{Initial: storage.ZoneOffset{Offset: z.initial, Abbr: offsetAbbr(z.initial)}}
	last, lastDST := z.initial, false
	for _, t := range z.trans {
		if t.offset == last && t.dst == lastDST {
			continue // a repeated onset (RDATE and RRULE both give it) changes nothing
		}
		abbr := t.abbr
		if !clockAbbr(abbr) {
			abbr = offsetAbbr(t.offset)
		}
		if n := len(r.Changes); n > 0 && !t.at.After(r.Changes[n-1].At) {
			continue
		}
		if t.at.Before(firstKeptChange) {
			// Outlook starts its rules in 1601: what held before 1800 is where Parley starts.
			r.Initial = storage.ZoneOffset{Offset: t.offset, Abbr: abbr, DST: t.dst}
			last, lastDST = t.offset, t.dst
			continue
		}
		r.Changes = append(r.Changes, storage.ZoneChange{At: t.at, Offset: t.offset, Abbr: abbr, DST: t.dst})
		last, lastDST = t.offset, t.dst
	}
	return r
}

// firstKeptChange is the earliest change of offset a zone of Parley's own keeps.
var firstKeptChange = time.Date(1800, 1, 2, 0, 0, 0, 0, time.UTC)

// clockAbbr tells whether a TZNAME is short letters or signs a clock could show: Outlook
// writes whole display names there ("Customized Time Zone Daylight Time").
func clockAbbr(s string) bool {
	if len(s) < 2 || len(s) > 6 {
		return false
	}
	for _, c := range s {
		if !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+' || c == '-') {
			return false
		}
	}
	return true
}

// offsetAbbr names an offset as tzdata names one without an abbreviation: +05, -03, +0537.
func offsetAbbr(off int) string {
	sign := '+'
	if off < 0 {
		sign, off = '-', -off
	}
	h, m := off/3600, off%3600/60
	if m == 0 {
		return fmt.Sprintf("%c%02d", sign, h)
	}
	return fmt.Sprintf("%c%02d%02d", sign, h, m)
}

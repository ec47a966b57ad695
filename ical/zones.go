package ical

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/parley-app/parley/storage"
)

// Time zones, both ways, always from Go's time zone database. Writing: every zone but UTC that
// timed events use gets a VTIMEZONE (writeTimezone) covering the years they fall in. Reading: a
// TZID the file does not define is resolved to an IANA zone by name (resolveZone, with Windows
// names mapped through windowsZones); one the file defines is read with the file's rules
// (filezones.go).

// zoneUse is the span of time the events in one zone cover.
type zoneUse struct {
	loc      *time.Location
	from, to time.Time
}

func (z *zoneUse) cover(start, end time.Time) {
	if start.Before(z.from) {
		z.from = start
	}
	if end.After(z.to) {
		z.to = end
	}
}

// sortedKeys returns the zone names, sorted, so that the VTIMEZONEs come in a fixed order.
func sortedKeys(m map[string]*zoneUse) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// writeTimezone writes a VTIMEZONE for a zone from Go's time zone database in the compact form
// Outlook reads best, as Outlook itself writes it: for a zone with daylight saving one STANDARD
// and one DAYLIGHT observance, each with its first onset and a yearly RRULE (BYMONTH, BYDAY)
// for the years its events fall in; for a zone without it a single STANDARD observance. The
// period in force on 1 January of the first year starts it, so that every event has an onset
// before it. A rule that holds on after the last year is left open, as Outlook writes it;
// one that ends within the years gets an UNTIL, and a change of rule within them (Moscow in
// 2014, the United States in 2007) starts another observance of the same kind. An onset is
// the local time reckoned in the offset before it (TZOFFSETFROM).
//
// STANDARD and DAYLIGHT are told by offset, as Windows tells them: of the two periods a
// seasonal change passes between, the later clock is DAYLIGHT. The time zone database marks
// Irish Standard Time (+01, summer) as standard and winter's GMT as "negative" daylight
// saving, Windows the other way round; Europe/Dublin is written as Windows expects it.
func writeTimezone(b *icsBuffer, name string, z *zoneUse) error {
	from := time.Date(z.from.In(z.loc).Year(), time.January, 1, 0, 0, 0, 0, z.loc)
	until := time.Date(z.to.In(z.loc).Year()+1, time.January, 1, 0, 0, 0, 0, z.loc)
	trans, err := zoneTransitions(from, until.AddDate(1, 0, 0))
	if err != nil {
		return fmt.Errorf("time zone %s: %w", name, err)
	}
	b.prop("BEGIN", nil, "VTIMEZONE")
	b.text("TZID", nil, name)
	if !storage.IsDefinedZone(name) {
		b.text("X-LIC-LOCATION", nil, name) // an IANA name, for readers that know tzdata
	}
	if len(trans) == 0 || trans[0].at.After(from) {
		// No change before the first year: the zone has had this offset as far back as the
		// database goes.
		abbr, off := from.Zone()
		writeObservance(b, observance{kind: "STANDARD", before: off, after: off, abbr: abbr,
			local: time.Date(1970, time.January, 1, 0, 0, 0, 0, time.UTC)}, "")
	}
	for _, r := range compactRules(trans, until) {
		writeObservance(b, r.first, r.rrule)
	}
	b.prop("END", nil, "VTIMEZONE")
	return nil
}

// observance is one change of a zone's offset: its onset (at, UTC; local, the wall-clock time
// in the offset before it), the offsets before and after, the abbreviation after, and whether
// the period it begins is STANDARD or DAYLIGHT.
type observance struct {
	at, local     time.Time
	before, after int
	abbr, kind    string
}

// zoneTransitions lists the changes of from's zone that begin the period in force at from and
// every later one before until.
func zoneTransitions(from, until time.Time) ([]observance, error) {
	var out []observance
	onset, next := from.ZoneBounds()
	if onset.IsZero() {
		onset = next
	}
	for t := onset; !t.IsZero() && t.Before(until); _, t = t.ZoneBounds() {
		if len(out) > 10000 {
			return nil, fmt.Errorf("too many transitions")
		}
		prev := t.Add(-time.Nanosecond)
		_, before := prev.Zone()
		abbr, after := t.Zone()
		kind := "STANDARD"
		switch {
		case prev.IsDST() != t.IsDST():
			// A seasonal change: the later clock is daylight saving time.
			if after > before {
				kind = "DAYLIGHT"
			}
		case t.IsDST():
			kind = "DAYLIGHT"
		}
		out = append(out, observance{at: t.UTC(), local: t.In(time.FixedZone("", before)), before: before,
			after: after, abbr: abbr, kind: kind})
	}
	return out, nil
}

// zoneRule is a run of observances that recur every year on the same rule: first is the
// first of them, rrule their yearly rule ("" for a single change).
type zoneRule struct {
	first observance
	rrule string
}

// compactRules groups the transitions before until into yearly rules: a change that recurs in
// consecutive years with the same offsets, abbreviation, month, weekday of the month and time
// of day is one observance with an RRULE. A rule that still holds in the year after until (the
// transitions run on) is left open; one that stops before gets an UNTIL at its last onset.
func compactRules(trans []observance, until time.Time) []zoneRule {
	type run struct {
		members []observance
		days    []string // BYDAY forms every member agrees with: "2SU", "-1SU"
		open    bool
	}
	type key struct {
		kind, abbr    string
		before, after int
		month         time.Month
		weekday       time.Weekday
		clock         string
	}
	var runs []*run
	last := map[key]*run{}
	for _, t := range trans {
		k := key{t.kind, t.abbr, t.before, t.after, t.local.Month(), t.local.Weekday(), t.local.Format("150405")}
		days := weekdayForms(t.local)
		r := last[k]
		if r != nil {
			prev := r.members[len(r.members)-1]
			if both := intersect(r.days, days); prev.local.Year()+1 == t.local.Year() && len(both) > 0 {
				if t.at.Before(until) {
					r.members, r.days = append(r.members, t), both
				} else {
					r.open = true
				}
				continue
			}
		}
		if !t.at.Before(until) {
			continue
		}
		r = &run{members: []observance{t}, days: days}
		runs = append(runs, r)
		last[k] = r
	}
	out := make([]zoneRule, 0, len(runs))
	for _, r := range runs {
		first := r.members[0]
		rule := ""
		if len(r.members) > 1 || r.open {
			rule = fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%s", int(first.local.Month()), r.days[0])
			if !r.open {
				rule += ";UNTIL=" + r.members[len(r.members)-1].at.Format(icsUTC)
			}
		}
		out = append(out, zoneRule{first, rule})
	}
	return out
}

// weekdayForms are the BYDAY values that name a day within its month: its place counted from
// the start ("2SU") and, in the last week, from the end ("-1SU"), the latter first.
func weekdayForms(day time.Time) []string {
	wd := strings.ToUpper(day.Weekday().String()[:2])
	forms := []string{fmt.Sprintf("%d%s", (day.Day()-1)/7+1, wd)}
	if day.AddDate(0, 0, 7).Month() != day.Month() {
		forms = append([]string{"-1" + wd}, forms...)
	}
	return forms
}

func intersect(a, b []string) []string {
	var out []string
	for _, x := range a {
		for _, y := range b {
			if x == y {
				out = append(out, x)
			}
		}
	}
	return out
}

// writeObservance writes a STANDARD or DAYLIGHT observance, with its yearly rule if any.
func writeObservance(b *icsBuffer, o observance, rrule string) {
	b.prop("BEGIN", nil, o.kind)
	b.prop("DTSTART", nil, o.local.Format(icsLocal))
	b.prop("TZOFFSETFROM", nil, utcOffset(o.before))
	b.prop("TZOFFSETTO", nil, utcOffset(o.after))
	if rrule != "" {
		b.prop("RRULE", nil, rrule)
	}
	if o.abbr != "" {
		b.text("TZNAME", nil, o.abbr)
	}
	b.prop("END", nil, o.kind)
}

// utcOffset formats seconds east of UTC as ±hhmm, or ±hhmmss when the offset has seconds
// (local mean times before standard time).
func utcOffset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	h, m, s := sec/3600, sec/60%60, sec%60
	if s != 0 {
		return fmt.Sprintf("%c%02d%02d%02d", sign, h, m, s)
	}
	return fmt.Sprintf("%c%02d%02d", sign, h, m)
}

// resolveZone finds the IANA zone a TZID means. Calendars name zones three ways: by IANA name
// ("Asia/Tokyo": Parley, Google, Apple), by an IANA name behind a vendor prefix
// ("/mozilla.org/20050126_1/Europe/Berlin", "/Europe/Berlin"), or by a Windows name ("Tokyo
// Standard Time": Outlook and Exchange). The zone is then taken from Go's time zone database,
// not from the file's VTIMEZONE, so a meeting keeps a zone that follows future rule changes.
func resolveZone(tzid string) (name string, loc *time.Location, ok bool) {
	tzid = strings.Trim(strings.TrimSpace(tzid), `"`)
	try := func(n string) bool {
		if n == "" || strings.EqualFold(n, "Local") {
			return false
		}
		l, err := time.LoadLocation(n)
		if err != nil {
			return false
		}
		name, loc = n, l
		return true
	}
	if try(tzid) {
		return name, loc, true
	}
	for rest := tzid; ; {
		_, after, found := strings.Cut(rest, "/")
		if !found {
			break
		}
		if strings.Contains(after, "/") && try(after) {
			return name, loc, true
		}
		rest = after
	}
	if iana, known := windowsZones[tzid]; known && try(iana) {
		return name, loc, true
	}
	return "", nil, false
}

// windowsZones maps Windows time zone names to the IANA zone CLDR gives for their main
// territory ("001" in CLDR's supplemental windowsZones data).
var windowsZones = map[string]string{
	"Dateline Standard Time":          "Etc/GMT+12",
	"UTC-11":                          "Etc/GMT+11",
	"Aleutian Standard Time":          "America/Adak",
	"Hawaiian Standard Time":          "Pacific/Honolulu",
	"Marquesas Standard Time":         "Pacific/Marquesas",
	"Alaskan Standard Time":           "America/Anchorage",
	"UTC-09":                          "Etc/GMT+9",
	"Pacific Standard Time (Mexico)":  "America/Tijuana",
	"UTC-08":                          "Etc/GMT+8",
	"Pacific Standard Time":           "America/Los_Angeles",
	"US Mountain Standard Time":       "America/Phoenix",
	"Mountain Standard Time (Mexico)": "America/Mazatlan",
	"Mountain Standard Time":          "America/Denver",
	"Yukon Standard Time":             "America/Whitehorse",
	"Central America Standard Time":   "America/Guatemala",
	"Central Standard Time":           "America/Chicago",
	"Easter Island Standard Time":     "Pacific/Easter",
	"Central Standard Time (Mexico)":  "America/Mexico_City",
	"Canada Central Standard Time":    "America/Regina",
	"SA Pacific Standard Time":        "America/Bogota",
	"Eastern Standard Time (Mexico)":  "America/Cancun",
	"Eastern Standard Time":           "America/New_York",
	"Haiti Standard Time":             "America/Port-au-Prince",
	"Cuba Standard Time":              "America/Havana",
	"US Eastern Standard Time":        "America/Indiana/Indianapolis",
	"Turks And Caicos Standard Time":  "America/Grand_Turk",
	"Paraguay Standard Time":          "America/Asuncion",
	"Atlantic Standard Time":          "America/Halifax",
	"Venezuela Standard Time":         "America/Caracas",
	"Central Brazilian Standard Time": "America/Cuiaba",
	"SA Western Standard Time":        "America/La_Paz",
	"Pacific SA Standard Time":        "America/Santiago",
	"Newfoundland Standard Time":      "America/St_Johns",
	"Tocantins Standard Time":         "America/Araguaina",
	"E. South America Standard Time":  "America/Sao_Paulo",
	"SA Eastern Standard Time":        "America/Cayenne",
	"Argentina Standard Time":         "America/Argentina/Buenos_Aires",
	"Greenland Standard Time":         "America/Nuuk",
	"Montevideo Standard Time":        "America/Montevideo",
	"Magallanes Standard Time":        "America/Punta_Arenas",
	"Saint Pierre Standard Time":      "America/Miquelon",
	"Bahia Standard Time":             "America/Bahia",
	"UTC-02":                          "Etc/GMT+2",
	"Azores Standard Time":            "Atlantic/Azores",
	"Cape Verde Standard Time":        "Atlantic/Cape_Verde",
	"GMT Standard Time":               "Europe/London",
	"Greenwich Standard Time":         "Atlantic/Reykjavik",
	"Sao Tome Standard Time":          "Africa/Sao_Tome",
	"Morocco Standard Time":           "Africa/Casablanca",
	"W. Europe Standard Time":         "Europe/Berlin",
	"Central Europe Standard Time":    "Europe/Budapest",
	"Romance Standard Time":           "Europe/Paris",
	"Central European Standard Time":  "Europe/Warsaw",
	"W. Central Africa Standard Time": "Africa/Lagos",
	"Jordan Standard Time":            "Asia/Amman",
	"GTB Standard Time":               "Europe/Bucharest",
	"Middle East Standard Time":       "Asia/Beirut",
	"Egypt Standard Time":             "Africa/Cairo",
	"E. Europe Standard Time":         "Europe/Chisinau",
	"Syria Standard Time":             "Asia/Damascus",
	"West Bank Standard Time":         "Asia/Hebron",
	"South Africa Standard Time":      "Africa/Johannesburg",
	"FLE Standard Time":               "Europe/Kiev",
	"Israel Standard Time":            "Asia/Jerusalem",
	"South Sudan Standard Time":       "Africa/Juba",
	"Kaliningrad Standard Time":       "Europe/Kaliningrad",
	"Sudan Standard Time":             "Africa/Khartoum",
	"Libya Standard Time":             "Africa/Tripoli",
	"Namibia Standard Time":           "Africa/Windhoek",
	"Arabic Standard Time":            "Asia/Baghdad",
	"Turkey Standard Time":            "Europe/Istanbul",
	"Arab Standard Time":              "Asia/Riyadh",
	"Belarus Standard Time":           "Europe/Minsk",
	"Russian Standard Time":           "Europe/Moscow",
	"E. Africa Standard Time":         "Africa/Nairobi",
	"Volgograd Standard Time":         "Europe/Volgograd",
	"Iran Standard Time":              "Asia/Tehran",
	"Arabian Standard Time":           "Asia/Dubai",
	"Astrakhan Standard Time":         "Europe/Astrakhan",
	"Azerbaijan Standard Time":        "Asia/Baku",
	"Russia Time Zone 3":              "Europe/Samara",
	"Mauritius Standard Time":         "Indian/Mauritius",
	"Saratov Standard Time":           "Europe/Saratov",
	"Georgian Standard Time":          "Asia/Tbilisi",
	"Caucasus Standard Time":          "Asia/Yerevan",
	"Afghanistan Standard Time":       "Asia/Kabul",
	"West Asia Standard Time":         "Asia/Tashkent",
	"Ekaterinburg Standard Time":      "Asia/Yekaterinburg",
	"Pakistan Standard Time":          "Asia/Karachi",
	"Qyzylorda Standard Time":         "Asia/Qyzylorda",
	"India Standard Time":             "Asia/Kolkata",
	"Sri Lanka Standard Time":         "Asia/Colombo",
	"Nepal Standard Time":             "Asia/Kathmandu",
	"Central Asia Standard Time":      "Asia/Almaty",
	"Bangladesh Standard Time":        "Asia/Dhaka",
	"Omsk Standard Time":              "Asia/Omsk",
	"Myanmar Standard Time":           "Asia/Yangon",
	"SE Asia Standard Time":           "Asia/Bangkok",
	"Altai Standard Time":             "Asia/Barnaul",
	"W. Mongolia Standard Time":       "Asia/Hovd",
	"North Asia Standard Time":        "Asia/Krasnoyarsk",
	"N. Central Asia Standard Time":   "Asia/Novosibirsk",
	"Tomsk Standard Time":             "Asia/Tomsk",
	"China Standard Time":             "Asia/Shanghai",
	"North Asia East Standard Time":   "Asia/Irkutsk",
	"Singapore Standard Time":         "Asia/Singapore",
	"W. Australia Standard Time":      "Australia/Perth",
	"Taipei Standard Time":            "Asia/Taipei",
	"Ulaanbaatar Standard Time":       "Asia/Ulaanbaatar",
	"Aus Central W. Standard Time":    "Australia/Eucla",
	"Transbaikal Standard Time":       "Asia/Chita",
	"Tokyo Standard Time":             "Asia/Tokyo",
	"North Korea Standard Time":       "Asia/Pyongyang",
	"Korea Standard Time":             "Asia/Seoul",
	"Yakutsk Standard Time":           "Asia/Yakutsk",
	"Cen. Australia Standard Time":    "Australia/Adelaide",
	"AUS Central Standard Time":       "Australia/Darwin",
	"E. Australia Standard Time":      "Australia/Brisbane",
	"AUS Eastern Standard Time":       "Australia/Sydney",
	"West Pacific Standard Time":      "Pacific/Port_Moresby",
	"Tasmania Standard Time":          "Australia/Hobart",
	"Vladivostok Standard Time":       "Asia/Vladivostok",
	"Lord Howe Standard Time":         "Australia/Lord_Howe",
	"Bougainville Standard Time":      "Pacific/Bougainville",
	"Russia Time Zone 10":             "Asia/Srednekolymsk",
	"Magadan Standard Time":           "Asia/Magadan",
	"Norfolk Standard Time":           "Pacific/Norfolk",
	"Sakhalin Standard Time":          "Asia/Sakhalin",
	"Central Pacific Standard Time":   "Pacific/Guadalcanal",
	"Russia Time Zone 11":             "Asia/Kamchatka",
	"New Zealand Standard Time":       "Pacific/Auckland",
	"UTC+12":                          "Etc/GMT-12",
	"Fiji Standard Time":              "Pacific/Fiji",
	"Chatham Islands Standard Time":   "Pacific/Chatham",
	"UTC+13":                          "Etc/GMT-13",
	"Tonga Standard Time":             "Pacific/Tongatapu",
	"Samoa Standard Time":             "Pacific/Apia",
	"Line Islands Standard Time":      "Pacific/Kiritimati",
}

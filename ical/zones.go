package ical

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// Time zones, both ways, always from Go's time zone database. Writing: every zone but UTC that
// timed events use gets a VTIMEZONE (writeTimezone) covering the years they fall in. Reading: a
// TZID is resolved to an IANA zone by name (resolveZone, with Windows names mapped through
// windowsZones); the file's own VTIMEZONE is not used.

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

// writeTimezone writes a VTIMEZONE for a zone from Go's time zone database, with one observance
// per period of the zone's history that overlaps the years its events fall in: the period in
// force on 1 January of the first year, then every transition until the end of the last year.
// Each observance is STANDARD or DAYLIGHT as the database marks it, starts at the local time of
// its onset reckoned in the offset before it (TZOFFSETFROM), and carries its offset and
// abbreviation. A zone that never changes gets a single STANDARD observance.
func writeTimezone(b *icsBuffer, name string, z *zoneUse) error {
	from := time.Date(z.from.In(z.loc).Year(), time.January, 1, 0, 0, 0, 0, z.loc)
	until := time.Date(z.to.In(z.loc).Year()+1, time.January, 1, 0, 0, 0, 0, z.loc)

	b.prop("BEGIN", nil, "VTIMEZONE")
	b.text("TZID", nil, name)
	b.text("X-LIC-LOCATION", nil, name)

	onset, next := from.ZoneBounds()
	if onset.IsZero() {
		// No transition before: the zone has had this offset as far back as the database goes.
		_, off := from.Zone()
		writeObservance(b, from, time.Date(1970, time.January, 1, 0, 0, 0, 0, time.UTC), off)
	} else {
		_, before := onset.Add(-time.Nanosecond).Zone()
		writeObservance(b, onset, onset.In(time.FixedZone("", before)), before)
	}
	for n := 0; !next.IsZero() && next.Before(until); n++ {
		if n > 10000 {
			return fmt.Errorf("time zone %s: too many transitions", name)
		}
		_, before := next.Add(-time.Nanosecond).Zone()
		writeObservance(b, next, next.In(time.FixedZone("", before)), before)
		_, next = next.ZoneBounds()
	}
	b.prop("END", nil, "VTIMEZONE")
	return nil
}

// writeObservance writes the STANDARD or DAYLIGHT period in force at t, which began at the
// wall-clock time localOnset while offsetFrom was in force.
func writeObservance(b *icsBuffer, t, localOnset time.Time, offsetFrom int) {
	kind := "STANDARD"
	if t.IsDST() {
		kind = "DAYLIGHT"
	}
	abbr, off := t.Zone()
	b.prop("BEGIN", nil, kind)
	b.prop("DTSTART", nil, localOnset.Format(icsLocal))
	b.prop("TZOFFSETFROM", nil, utcOffset(offsetFrom))
	b.prop("TZOFFSETTO", nil, utcOffset(off))
	if abbr != "" {
		b.text("TZNAME", nil, abbr)
	}
	b.prop("END", nil, kind)
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

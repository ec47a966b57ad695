package export

import (
	"fmt"
	"time"
)

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

package storage

import (
	"database/sql"
	"fmt"
	"sync"
	"time"
	// The zone database is built in: Windows has none, and a meeting time means nothing
	// without its zone.
	_ "time/tzdata"
)

// locations caches time zones by name: time.LoadLocation reads the zone database each time
// (a file of the system's zoneinfo, opened and parsed), which an import of 400,000 dated
// records paid for every date it read and checked.
var locations sync.Map

// LoadZone finds a zone by the name a meeting keeps: one of Parley's own zones (defined by a
// calendar file, see zonerules.go) or an IANA name.
func LoadZone(zone string) (*time.Location, error) { return location(zone) }

func location(zone string) (*time.Location, error) {
	if z, ok := definedZones.Load(zone); ok {
		return z.(*definedZone).loc, nil
	}
	if loc, ok := locations.Load(zone); ok {
		return loc.(*time.Location), nil
	}
	if zone == "" {
		return nil, fmt.Errorf("the time zone is missing")
	}
	loc, err := loadZone(zone)
	if err != nil {
		return nil, err
	}
	locations.Store(zone, loc)
	return loc, nil
}

// dateCols are the columns that store a FuzzyDate: its kind, the bounds every query sorts
// and filters by (Unix seconds, NULL when the date is unknown), and what rebuilds the date
// exactly (the instant in RFC 3339 and the IANA zone, or the ISO calendar dates).
type dateCols struct {
	Kind         string
	Lower, Upper sql.NullInt64
	At, Zone     string
	From, To     string
	// Approx is the when_approx column, which only meetings and their status changes have
	// (migration 0009): argsApprox and destsApprox include it.
	Approx bool
}

func toDateCols(f FuzzyDate) dateCols {
	c := dateCols{Kind: string(f.Kind), Zone: f.Zone, From: f.From.ISO(), To: f.To.ISO(), Approx: f.Approx}
	if f.Kind == DateUnknown {
		return c
	}
	c.Lower = sql.NullInt64{Int64: f.Lower().Unix(), Valid: true}
	c.Upper = sql.NullInt64{Int64: f.Upper().Unix(), Valid: true}
	if f.Kind == DateExact {
		c.At = f.At.UTC().Format(time.RFC3339Nano)
	}
	return c
}

// args are the column values in the order kind, lower, upper, at, zone, from, to.
func (c dateCols) args() []any {
	return []any{c.Kind, c.Lower, c.Upper, c.At, c.Zone, c.From, c.To}
}

// argsApprox are args followed by when_approx.
func (c dateCols) argsApprox() []any { return append(c.args(), c.Approx) }

// destsApprox are dests followed by when_approx.
func (c *dateCols) destsApprox() []any { return append(c.dests(), &c.Approx) }

// dests are scan destinations for when_kind, when_at, when_zone, when_from, when_to (the
// bounds are derived, so reads do not need them).
func (c *dateCols) dests() []any {
	return []any{&c.Kind, &c.At, &c.Zone, &c.From, &c.To}
}

// date rebuilds the FuzzyDate.
func (c dateCols) date() (FuzzyDate, error) {
	f := FuzzyDate{Kind: DateKind(c.Kind)}
	switch f.Kind {
	case DateUnknown:
		return FuzzyDate{}, nil
	case DateExact:
		at, err := time.Parse(time.RFC3339Nano, c.At)
		if err != nil {
			return FuzzyDate{}, fmt.Errorf("stored time %q: %w", c.At, err)
		}
		loc, err := location(c.Zone)
		if err != nil {
			return FuzzyDate{}, fmt.Errorf("stored time: %w", err)
		}
		return FuzzyDate{Kind: DateExact, At: at.In(loc), Zone: c.Zone}, nil
	}
	f.Zone = c.Zone // the venue's zone, known before the time
	f.Approx = c.Approx
	var err error
	if f.From, err = ParsePartialDate(c.From); err != nil {
		return FuzzyDate{}, fmt.Errorf("stored date: %w", err)
	}
	if f.To, err = ParsePartialDate(c.To); err != nil {
		return FuzzyDate{}, fmt.Errorf("stored date: %w", err)
	}
	return f, nil
}

// stampText writes a Created/Updated time as stored: RFC 3339 in UTC.
func stampText(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

func parseStamp(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}

// nullID stores an optional reference: NULL when empty, so foreign keys accept it.
func nullID(id string) sql.NullString {
	return sql.NullString{String: id, Valid: id != ""}
}

// cat joins argument lists for one Exec.
func cat(parts ...[]any) []any {
	var out []any
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

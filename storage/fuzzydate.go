package storage

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// DateKind says how much of a meeting's date is known. Diplomatic calendars are full of
// "in September", "by the end of the year" and "postponed": a plain timestamp would force a
// false precision on them.
type DateKind string

const (
	DateUnknown DateKind = ""      // no date at all yet
	DateExact   DateKind = "exact" // a date and a time of day in an IANA zone
	DateDay     DateKind = "day"   // a whole day
	DateMonth   DateKind = "month" // some day in a month
	DateYear    DateKind = "year"  // some day in a year
	DateBy      DateKind = "by"    // no later than a deadline (a day, a month or a year)
	DateRange   DateKind = "range" // somewhere between two dates (each a day, a month or a year)
)

// PartialDate is a calendar date of which the day, or the month and the day, may be unknown
// (zero). It has no time of day and no zone: it names days on the calendar, not instants.
type PartialDate struct {
	Year  int
	Month time.Month // 0 when only the year is known
	Day   int        // 0 when only the month (or year) is known
}

// IsZero reports whether no part of the date is known.
func (d PartialDate) IsZero() bool { return d.Year == 0 }

// Start is midnight UTC of the first calendar day the partial date can mean (2016-06 → 1 June).
func (d PartialDate) Start() time.Time { return d.first() }

// End is midnight UTC after the last calendar day the partial date can mean (2016-06 → 1 July),
// so that [Start, End) is the whole period.
func (d PartialDate) End() time.Time { return d.after() }

// first is the first calendar day the partial date can mean, at midnight UTC.
func (d PartialDate) first() time.Time {
	m, day := d.Month, d.Day
	if m == 0 {
		m = time.January
	}
	if day == 0 {
		day = 1
	}
	return time.Date(d.Year, m, day, 0, 0, 0, 0, time.UTC)
}

// after is midnight UTC after the last calendar day the partial date can mean.
func (d PartialDate) after() time.Time {
	switch {
	case d.Month == 0:
		return time.Date(d.Year+1, time.January, 1, 0, 0, 0, 0, time.UTC)
	case d.Day == 0:
		return time.Date(d.Year, d.Month+1, 1, 0, 0, 0, 0, time.UTC)
	default:
		return time.Date(d.Year, d.Month, d.Day+1, 0, 0, 0, 0, time.UTC)
	}
}

// ISO writes the date in ISO 8601 at the precision known: 2016-06-22, 2016-09 or 2016.
func (d PartialDate) ISO() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return fmt.Sprintf("%04d", d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%04d-%02d", d.Year, int(d.Month))
	default:
		return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
	}
}

// Validate checks that the date exists on the calendar (no 2016-13-45, no 30 February).
func (d PartialDate) Validate() error {
	if d.IsZero() {
		return nil
	}
	if d.Year < 1 || d.Year > 9999 {
		return fmt.Errorf("year %d is out of range", d.Year)
	}
	if d.Month < 0 || d.Month > 12 {
		return fmt.Errorf("month %d does not exist", int(d.Month))
	}
	if d.Month == 0 && d.Day != 0 {
		return fmt.Errorf("a day is given without a month")
	}
	if d.Day != 0 {
		if d.Day < 1 || d.Day > 31 || d.first().Month() != d.Month {
			return fmt.Errorf("%s does not exist", d.ISO())
		}
	}
	return nil
}

// human writes the date for a reader: "Wed 22 Jun 2016", "Sep 2016" or "2016".
func (d PartialDate) human() string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return fmt.Sprintf("%s %d", d.Month.String()[:3], d.Year)
	default:
		return d.first().Format("Mon 2 Jan 2006")
	}
}

// ParsePartialDate reads 2016, 2016-09 or 2016-06-22 and refuses dates that do not exist.
func ParsePartialDate(s string) (PartialDate, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return PartialDate{}, nil
	}
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return PartialDate{}, fmt.Errorf("%q is not a date like 2016, 2016-09 or 2016-06-22", s)
	}
	var nums [3]int
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || (i > 0 && len(p) != 2) {
			return PartialDate{}, fmt.Errorf("%q is not a date like 2016, 2016-09 or 2016-06-22", s)
		}
		nums[i] = n
	}
	d := PartialDate{Year: nums[0], Month: time.Month(nums[1]), Day: nums[2]}
	if len(parts) >= 2 && d.Month == 0 {
		return PartialDate{}, fmt.Errorf("%q: month 00 does not exist", s)
	}
	if len(parts) == 3 && d.Day == 0 {
		return PartialDate{}, fmt.Errorf("%q: day 00 does not exist", s)
	}
	if err := d.Validate(); err != nil {
		return PartialDate{}, fmt.Errorf("%q: %w", s, err)
	}
	return d, nil
}

// FuzzyDate is when something happens, as precisely as it is known.
//
//   - DateExact: At is the instant, shown in Zone (an IANA name such as Asia/Tokyo).
//   - DateDay, DateMonth, DateYear: From holds the date at that precision.
//   - DateBy: From is the deadline at its own precision ("by 2016" = by the end of 2016).
//   - DateRange: From and To are the first and last possible dates, each at its own precision.
//
// Lower and Upper give the bounds every query sorts and filters by.
type FuzzyDate struct {
	Kind DateKind
	At   time.Time
	Zone string
	From PartialDate
	To   PartialDate
}

// Exact returns a fuzzy date for a known instant shown in the given IANA zone.
func Exact(at time.Time, zone string) (FuzzyDate, error) {
	loc, err := loadLocation(zone)
	if err != nil || zone == "" {
		return FuzzyDate{}, fmt.Errorf("%q is not a known time zone (use a name such as Asia/Tokyo)", zone)
	}
	return FuzzyDate{Kind: DateExact, At: at.In(loc), Zone: zone}, nil
}

// Within is the date known as precisely as d: the year, the month or the day it names (the
// unknown date for the zero d).
func Within(d PartialDate) FuzzyDate {
	return FuzzyDate{Kind: [...]DateKind{"", DateYear, DateMonth, DateDay}[precision(d)], From: d}
}

// OnDay, InMonth, InYear, By and Between build the other kinds.
func OnDay(y int, m time.Month, d int) FuzzyDate {
	return FuzzyDate{Kind: DateDay, From: PartialDate{y, m, d}}
}
func InMonth(y int, m time.Month) FuzzyDate {
	return FuzzyDate{Kind: DateMonth, From: PartialDate{y, m, 0}}
}
func InYear(y int) FuzzyDate                 { return FuzzyDate{Kind: DateYear, From: PartialDate{y, 0, 0}} }
func By(deadline PartialDate) FuzzyDate      { return FuzzyDate{Kind: DateBy, From: deadline} }
func Between(from, to PartialDate) FuzzyDate { return FuzzyDate{Kind: DateRange, From: from, To: to} }
func (f FuzzyDate) IsZero() bool             { return f.Kind == DateUnknown }
func (f FuzzyDate) IsExact() bool            { return f.Kind == DateExact }
func (f FuzzyDate) IsDay() bool              { return f.Kind == DateExact || f.Kind == DateDay }
func (f FuzzyDate) Location() *time.Location { return f.location() }
func (f FuzzyDate) location() *time.Location {
	if f.Zone != "" {
		if loc, err := loadLocation(f.Zone); err == nil {
			return loc
		}
	}
	return time.UTC
}

// Lower is the earliest instant the date can mean (UTC); zero for an unknown date. Dates
// without a time of day count from midnight UTC of their first day, so that a whole day sorts
// with the exact meetings on that calendar day. For "by" dates the lower bound is the start of
// the deadline's own period (by end of 2016 → 1 Jan 2016): what is known is the period it
// falls due in.
func (f FuzzyDate) Lower() time.Time {
	switch f.Kind {
	case DateExact:
		return f.At.UTC()
	case DateDay, DateMonth, DateYear, DateBy, DateRange:
		return f.From.first()
	}
	return time.Time{}
}

// SortKey is where the date stands in a list ordered by date: its Lower bound, except for a
// deadline, which sorts on its last day ("by end of 2016" after "Sep 2016"): a reader scanning
// a list of talks expects a deadline where it falls due, not at the start of its period.
func (f FuzzyDate) SortKey() time.Time {
	if f.Kind == DateBy {
		return f.From.after().Add(-24 * time.Hour)
	}
	return f.Lower()
}

// Upper is the instant just after the latest the date can mean (exclusive, UTC).
func (f FuzzyDate) Upper() time.Time {
	switch f.Kind {
	case DateExact:
		return f.At.UTC().Add(time.Minute)
	case DateDay, DateMonth, DateYear, DateBy:
		return f.From.after()
	case DateRange:
		return f.To.after()
	}
	return time.Time{}
}

// Day is the calendar day of a day-precise date (in the venue's zone for exact ones).
func (f FuzzyDate) Day() (PartialDate, bool) {
	switch f.Kind {
	case DateExact:
		t := f.At.In(f.location())
		return PartialDate{t.Year(), t.Month(), t.Day()}, true
	case DateDay:
		return f.From, true
	}
	return PartialDate{}, false
}

// Validate checks the date is complete and exists.
func (f FuzzyDate) Validate() error {
	switch f.Kind {
	case DateUnknown:
		return nil
	case DateExact:
		if f.At.IsZero() {
			return fmt.Errorf("the time is missing")
		}
		if _, err := loadLocation(f.Zone); err != nil || f.Zone == "" {
			return fmt.Errorf("%q is not a known time zone (use a name such as Asia/Tokyo)", f.Zone)
		}
		return nil
	case DateDay, DateMonth, DateYear, DateBy:
		if f.From.IsZero() {
			return fmt.Errorf("the date is missing")
		}
		if err := f.From.Validate(); err != nil {
			return err
		}
		want := map[DateKind]int{DateDay: 3, DateMonth: 2, DateYear: 1}[f.Kind]
		if want != 0 && precision(f.From) != want {
			return fmt.Errorf("%s is not a %s", f.From.ISO(), f.Kind)
		}
		return nil
	case DateRange:
		if f.From.IsZero() || f.To.IsZero() {
			return fmt.Errorf("a range needs a start and an end")
		}
		if err := f.From.Validate(); err != nil {
			return err
		}
		if err := f.To.Validate(); err != nil {
			return err
		}
		if !f.To.after().After(f.From.first()) || f.To.after().Before(f.From.after()) {
			return fmt.Errorf("the range ends (%s) before it starts (%s)", f.To.ISO(), f.From.ISO())
		}
		return nil
	}
	return fmt.Errorf("%q is not a kind of date", string(f.Kind))
}

func precision(d PartialDate) int {
	switch {
	case d.IsZero():
		return 0
	case d.Month == 0:
		return 1
	case d.Day == 0:
		return 2
	}
	return 3
}

// String shows the date honestly for a reader: "Wed 22 Jun 2016, 10:00 JST", "Sep 2016",
// "by end of 2016", "1–3 Sep 2016", "date not set".
func (f FuzzyDate) String() string {
	switch f.Kind {
	case DateExact:
		t := f.At.In(f.location())
		return t.Format("Mon 2 Jan 2006, 15:04 MST")
	case DateDay, DateMonth, DateYear:
		return f.From.human()
	case DateBy:
		switch precision(f.From) {
		case 1:
			return fmt.Sprintf("by end of %d", f.From.Year)
		case 2:
			return "by end of " + f.From.human()
		}
		return "by " + f.From.first().Format("2 Jan 2006")
	case DateRange:
		return rangeString(f.From, f.To)
	}
	return "date not set"
}

func rangeString(a, b PartialDate) string {
	pa, pb := precision(a), precision(b)
	switch {
	case pa == 3 && pb == 3 && a.Year == b.Year && a.Month == b.Month:
		return fmt.Sprintf("%d–%d %s %d", a.Day, b.Day, a.Month.String()[:3], a.Year)
	case pa == 2 && pb == 2 && a.Year == b.Year:
		return fmt.Sprintf("%s–%s %d", a.Month.String()[:3], b.Month.String()[:3], a.Year)
	case pa == 3 && pb == 3:
		return a.first().Format("2 Jan 2006") + " – " + b.first().Format("2 Jan 2006")
	}
	return a.human() + " – " + b.human()
}

// Text writes the date in the form ParseFuzzyDate reads, for forms and files:
// "2016-06-22 10:00 Asia/Tokyo", "2016-06-22", "2016-09", "2016", "by 2016",
// "2016-09-01..2016-09-30", "".
func (f FuzzyDate) Text() string {
	switch f.Kind {
	case DateExact:
		return f.At.In(f.location()).Format("2006-01-02 15:04") + " " + f.Zone
	case DateDay, DateMonth, DateYear:
		return f.From.ISO()
	case DateBy:
		return "by " + f.From.ISO()
	case DateRange:
		return f.From.ISO() + ".." + f.To.ISO()
	}
	return ""
}

// parseTextForm reads the forms Text writes (ParseFuzzyDate reads these and the forms people
// type). "2016-09-01/2016-09-30" is accepted for a range too (ISO 8601 interval). An exact
// time without a zone is refused: a meeting time means nothing until one knows whose clock it
// is on.
func parseTextForm(s string) (FuzzyDate, error) {
	if rest, ok := strings.CutPrefix(strings.ToLower(s), "by "); ok {
		d, err := ParsePartialDate(rest)
		if err != nil {
			return FuzzyDate{}, err
		}
		return By(d), nil
	}
	for _, sep := range []string{"..", "/"} {
		if a, b, ok := strings.Cut(s, sep); ok && !strings.Contains(s, " ") {
			from, err := ParsePartialDate(a)
			if err != nil {
				return FuzzyDate{}, err
			}
			to, err := ParsePartialDate(b)
			if err != nil {
				return FuzzyDate{}, err
			}
			f := Between(from, to)
			return f, f.Validate()
		}
	}
	fields := strings.Fields(s)
	switch len(fields) {
	case 1:
		d, err := ParsePartialDate(fields[0])
		if err != nil {
			return FuzzyDate{}, err
		}
		return Within(d), nil
	case 2:
		if _, err := time.Parse("2006-01-02 15:04", s); err != nil {
			break // not a date and a time: say what Parley understands
		}
		return FuzzyDate{}, fmt.Errorf("%q: give the time zone after the time, e.g. %s Asia/Tokyo", s, s)
	case 3:
		loc, err := loadLocation(fields[2])
		if err != nil {
			return FuzzyDate{}, fmt.Errorf("%q is not a known time zone (use a name such as Asia/Tokyo)", fields[2])
		}
		d, err := ParsePartialDate(fields[0])
		if err != nil {
			return FuzzyDate{}, err
		}
		if precision(d) != 3 {
			return FuzzyDate{}, fmt.Errorf("%q: a time needs a full date", s)
		}
		t, err := time.ParseInLocation("2006-01-02 15:04", fields[0]+" "+fields[1], loc)
		if err != nil {
			return FuzzyDate{}, fmt.Errorf("%q is not a time like 10:00", fields[1])
		}
		return FuzzyDate{Kind: DateExact, At: t, Zone: fields[2]}, nil
	}
	return FuzzyDate{}, fmt.Errorf("%q is not a date Parley understands (e.g. 2016-06-22, 2016-09, by 2016)", s)
}

// fuzzyJSON is the bundle and --json form: ISO 8601 text at the precision known, with the
// qualifier beside it.
type fuzzyJSON struct {
	Date      string `json:"date"`
	Precision string `json:"precision,omitempty"`
	Qualifier string `json:"qualifier,omitempty"`
	Zone      string `json:"zone,omitempty"`
}

// MarshalJSON writes {"date":"2016-09","precision":"month"},
// {"date":"2016","precision":"year","qualifier":"by"},
// {"date":"2016-06-22T10:00:00+09:00","precision":"exact","zone":"Asia/Tokyo"} or
// {"date":"2016-09-01/2016-09-30","qualifier":"range"}; an unknown date is null.
func (f FuzzyDate) MarshalJSON() ([]byte, error) {
	var j fuzzyJSON
	switch f.Kind {
	case DateUnknown:
		return []byte("null"), nil
	case DateExact:
		j = fuzzyJSON{Date: f.At.In(f.location()).Format(time.RFC3339), Precision: "exact", Zone: f.Zone}
	case DateDay, DateMonth, DateYear:
		j = fuzzyJSON{Date: f.From.ISO(), Precision: string(f.Kind)}
	case DateBy:
		j = fuzzyJSON{Date: f.From.ISO(), Precision: [...]string{"", "year", "month", "day"}[precision(f.From)], Qualifier: "by"}
	case DateRange:
		j = fuzzyJSON{Date: f.From.ISO() + "/" + f.To.ISO(), Qualifier: "range"}
	default:
		return nil, fmt.Errorf("unknown date kind %q", string(f.Kind))
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes and refuses dates that do not exist.
func (f *FuzzyDate) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = FuzzyDate{}
		return nil
	}
	var j fuzzyJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("a date must look like {\"date\":\"2016-06-22\",\"precision\":\"day\"}: %w", err)
	}
	var out FuzzyDate
	switch {
	case j.Precision == "exact":
		t, err := time.Parse(time.RFC3339, j.Date)
		if err != nil {
			return fmt.Errorf("%q is not a date and time like 2016-06-22T10:00:00+09:00", j.Date)
		}
		ex, err := Exact(t, j.Zone)
		if err != nil {
			return err
		}
		out = ex
	case j.Qualifier == "range":
		a, b, ok := strings.Cut(j.Date, "/")
		if !ok {
			return fmt.Errorf("%q is not a range like 2016-09-01/2016-09-30", j.Date)
		}
		from, err := ParsePartialDate(a)
		if err != nil {
			return err
		}
		to, err := ParsePartialDate(b)
		if err != nil {
			return err
		}
		out = Between(from, to)
	default:
		d, err := ParsePartialDate(j.Date)
		if err != nil {
			return err
		}
		if d.IsZero() {
			return fmt.Errorf("the date is empty")
		}
		if j.Qualifier == "by" {
			out = By(d)
		} else if j.Qualifier != "" {
			return fmt.Errorf("%q is not a date qualifier (by, range)", j.Qualifier)
		} else {
			out = Within(d)
			if j.Precision != "" && j.Precision != string(out.Kind) {
				return fmt.Errorf("%q is not a %s", j.Date, j.Precision)
			}
		}
	}
	if err := out.Validate(); err != nil {
		return err
	}
	*f = out
	return nil
}

// MarshalJSON writes the ISO form ("2016", "2016-09", "2016-06-22").
func (d PartialDate) MarshalJSON() ([]byte, error) { return json.Marshal(d.ISO()) }

// UnmarshalJSON reads the ISO form and refuses dates that do not exist.
func (d *PartialDate) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("a date must be text like \"2016-06-22\": %w", err)
	}
	p, err := ParsePartialDate(s)
	if err != nil {
		return err
	}
	*d = p
	return nil
}

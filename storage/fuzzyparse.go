package storage

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Dates as people write them. ParseFuzzyDate reads Parley's own text forms (Text) and, when a
// text is not one of those, the forms people type and Parley prints, case-insensitively:
//
//	Oct 2016, October 2016, Sept 2016                     a month
//	22 Jun 2016, Wed 22 Jun 2016, 22 June 2016, June 22, 2016, 22nd June 2016   a day
//	by end of 2016, by the end of 2016, end of 2016, by September 2016, by 22 Jun 2016   a deadline
//	early / mid / late 2016 (Jan–Apr, May–Aug, Sep–Dec), early / mid / late June 2016
//	(1–10, 11–20, 21–30)                                  a range
//	Q3 2016, H2 2016, 2016 Q3                             a range of months
//	spring, summer, autumn (or fall), winter 2016         a range of months, northern
//	                                                      hemisphere; winter 2016 is Dec 2016–Feb 2017
//	22–24 Jun 2016, 22 Jun – 3 Jul 2016, Sep–Oct 2016, Sep 2016 – Jan 2017, 2016–2017,
//	between May and July 2016, 22 Jun to 3 Jul 2016       a range
//	22 Jun 2016 10:00 Tokyo, Wed 22 Jun 2016, 10:00 JST, 2016-06-22 10:00 Moscow   an exact time
//	22/06/2016, 22.06.2016                                a day; 03/04/2016 is ambiguous
//
// A weekday given with a date must be that date's. A zone may be an IANA name, a city, a
// country with one zone or an unambiguous abbreviation (ZoneNamed). A numeric date whose day
// and month could be swapped is not guessed: it is an *AmbiguousDateError holding both
// readings, in the order the user's locale prefers (ParseFuzzyDateOrder).
func ParseFuzzyDate(s string) (FuzzyDate, error) { return ParseFuzzyDateOrder(s, DayFirst) }

// NumericOrder is how the user's locale writes a numeric date: 22/06/2016 or 06/22/2016.
type NumericOrder int

const (
	DayFirst   NumericOrder = iota // day/month/year: most of the world
	MonthFirst                     // month/day/year: the United States
)

// AmbiguousDateError is a numeric date that reads two ways (03/04/2016: 3 April or 4 March);
// Readings holds both, the locale's first, for the user to choose.
type AmbiguousDateError struct {
	Text     string
	Readings []FuzzyDate
}

func (e *AmbiguousDateError) Error() string {
	return fmt.Sprintf("%q may be %s or %s: write the month as a word (e.g. %s)", e.Text,
		e.Readings[0].String(), e.Readings[1].String(), humanDay(e.Readings[0].From))
}

// ParseFuzzyDateOrder is ParseFuzzyDate with the locale's order of numeric dates.
func ParseFuzzyDateOrder(s string, order NumericOrder) (FuzzyDate, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return FuzzyDate{}, nil
	}
	f, strictErr := parseTextForm(s)
	if strictErr == nil {
		return f, nil
	}
	f, err := parseHuman(s, order)
	if err == nil {
		return f, f.Validate()
	}
	var amb *AmbiguousDateError
	if errors.As(err, &amb) || !looksISO.MatchString(s) {
		return FuzzyDate{}, err
	}
	return FuzzyDate{}, strictErr // 2016-13-45 and the like: the ISO form's own reason
}

var looksISO = regexp.MustCompile(`^(?i:by\s+)?\d{4}(-\d{1,2}){0,2}(\s|$|\.\.|/)`)

var monthNames = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9, "sept": 9,
	"september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

var weekdayNames = map[string]time.Weekday{
	"mon": time.Monday, "monday": time.Monday, "tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday,
	"wed": time.Wednesday, "wednesday": time.Wednesday, "thu": time.Thursday, "thur": time.Thursday,
	"thurs": time.Thursday, "thursday": time.Thursday, "fri": time.Friday, "friday": time.Friday,
	"sat": time.Saturday, "saturday": time.Saturday, "sun": time.Sunday, "sunday": time.Sunday,
}

// seasons are the northern hemisphere's, by their first month; each lasts three months.
var seasons = map[string]time.Month{"spring": time.March, "summer": time.June, "autumn": time.September,
	"fall": time.September, "winter": time.December}

var approximate = map[string]bool{"c": true, "ca": true, "circa": true, "around": true, "about": true,
	"approx": true, "approximately": true, "roughly": true}

var (
	isoToken     = regexp.MustCompile(`^\d{4}(-\d{2}){0,2}$`)
	numericToken = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$`)
	dayToken     = regexp.MustCompile(`^(\d{1,2})(st|nd|rd|th)?$`)
	yearToken    = regexp.MustCompile(`^\d{4}$`)
	timeToken    = regexp.MustCompile(`^(\d{1,2})(?:[:.h](\d{2}))?(am|pm)?$`)
)

// tokens splits a date as typed into lower-case words: commas and full stops after words go,
// dashes (-, –, —) become "-" tokens except inside ISO dates and numeric ones.
func tokens(s string) []string {
	s = strings.ToLower(s)
	s = strings.NewReplacer(",", " ", "–", " - ", "—", " - ").Replace(s)
	var out []string
	for _, w := range strings.Fields(s) {
		if isoToken.MatchString(w) || numericToken.MatchString(w) {
			out = append(out, w)
			continue
		}
		for i, part := range strings.Split(w, "-") {
			if i > 0 {
				out = append(out, "-")
			}
			if part = strings.TrimSuffix(part, "."); part != "" {
				out = append(out, part)
			}
		}
	}
	return out
}

// parseHuman reads the forms people type (see ParseFuzzyDate).
func parseHuman(s string, order NumericOrder) (FuzzyDate, error) {
	t := tokens(s)
	if len(t) == 0 {
		return FuzzyDate{}, errNotADate(s)
	}
	if approximate[t[0]] {
		return FuzzyDate{}, fmt.Errorf("%q: Parley cannot yet keep a date as approximate; give the span it may fall in, e.g. 2015..2017", s)
	}
	// Deadlines.
	if t[0] == "by" || t[0] == "end" || t[0] == "before" {
		rest := t[1:]
		if t[0] == "end" {
			rest = t
		}
		rest = dropWords(rest, "the")
		if len(rest) >= 2 && rest[0] == "end" && rest[1] == "of" {
			rest = dropWords(rest[2:], "the")
		}
		d, err := onePartial(rest, order, s)
		if err != nil {
			return FuzzyDate{}, err
		}
		return By(d), nil
	}
	if len(t) >= 2 && t[0] == "between" {
		for i, w := range t {
			if w == "and" {
				return rangeOf(t[1:i], t[i+1:], order, s)
			}
		}
	}
	// Periods of a year or a month.
	if f, ok, err := period(t, s); ok {
		return f, err
	}
	// Ranges: a separator between two dates, the first of which may leave out what the
	// second gives (22–24 Jun 2016, Sep–Oct 2016).
	for i, w := range t {
		if w == "-" || w == "to" || w == "until" || w == "till" || w == "through" {
			return rangeOf(t[:i], t[i+1:], order, s)
		}
	}
	// An exact time: a day, a time of day and a zone.
	for i, w := range t {
		if i > 0 && timeToken.MatchString(w) && strings.ContainsAny(w, ":.hap") {
			return exactTime(t[:i], w, t[i+1:], order, s)
		}
	}
	d, err := onePartial(t, order, s)
	if err != nil {
		return FuzzyDate{}, err
	}
	return Within(d), nil
}

func errNotADate(s string) error {
	return fmt.Errorf("%q is not a date Parley understands (e.g. 22 Jun 2016, Sep 2016, by end of 2016, Q3 2016, 2016-06-22)", s)
}

func dropWords(t []string, words ...string) []string {
	for len(t) > 0 && contains(words, t[0]) {
		t = t[1:]
	}
	return t
}

func contains(words []string, w string) bool {
	for _, x := range words {
		if x == w {
			return true
		}
	}
	return false
}

// onePartial reads one date of day, month or year precision: "22 jun 2016", "wed 22 jun 2016",
// "june 22 2016", "jun 2016", "2016", "2016-06-22", "22/06/2016".
func onePartial(t []string, order NumericOrder, s string) (PartialDate, error) {
	var weekday *time.Weekday
	if len(t) > 0 {
		if wd, ok := weekdayNames[t[0]]; ok {
			weekday, t = &wd, t[1:]
		}
	}
	t = dropWords(t, "of", "the")
	var d PartialDate
	switch {
	case len(t) == 1 && isoToken.MatchString(t[0]):
		p, err := ParsePartialDate(t[0])
		if err != nil {
			return PartialDate{}, err
		}
		d = p
	case len(t) == 1 && numericToken.MatchString(t[0]):
		return numericDate(t[0], order)
	case len(t) == 1 && yearToken.MatchString(t[0]):
		d = PartialDate{Year: atoi(t[0])}
	case len(t) == 2 && isMonth(t[0]) && yearToken.MatchString(t[1]):
		d = PartialDate{Year: atoi(t[1]), Month: monthNames[t[0]]}
	case len(t) == 3 && dayToken.MatchString(t[0]) && isMonth(t[1]) && yearToken.MatchString(t[2]):
		d = PartialDate{Year: atoi(t[2]), Month: monthNames[t[1]], Day: atoi(dayToken.FindStringSubmatch(t[0])[1])}
	case len(t) == 3 && isMonth(t[0]) && dayToken.MatchString(t[1]) && yearToken.MatchString(t[2]):
		d = PartialDate{Year: atoi(t[2]), Month: monthNames[t[0]], Day: atoi(dayToken.FindStringSubmatch(t[1])[1])}
	default:
		return PartialDate{}, errNotADate(s)
	}
	if err := d.Validate(); err != nil {
		return PartialDate{}, fmt.Errorf("%q: %w", s, err)
	}
	if weekday != nil {
		if d.Day == 0 {
			return PartialDate{}, fmt.Errorf("%q: a weekday needs a day of the month", s)
		}
		if got := d.first().Weekday(); got != *weekday {
			return PartialDate{}, fmt.Errorf("%q: %s was a %s, not a %s", s, humanDay(d), got, *weekday)
		}
	}
	return d, nil
}

func isMonth(w string) bool { _, ok := monthNames[w]; return ok }

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func humanDay(d PartialDate) string { return d.first().Format("2 Jan 2006") }

// numericDate reads 22/06/2016 or 22.06.2016; when day and month could be swapped it returns
// an *AmbiguousDateError with both readings, the locale's first.
func numericDate(w string, order NumericOrder) (PartialDate, error) {
	m := numericToken.FindStringSubmatch(w)
	a, b, y := atoi(m[1]), atoi(m[2]), atoi(m[3])
	dayFirst := PartialDate{Year: y, Month: time.Month(b), Day: a}
	monthFirst := PartialDate{Year: y, Month: time.Month(a), Day: b}
	okD, okM := dayFirst.Validate() == nil && b >= 1, monthFirst.Validate() == nil && a >= 1
	switch {
	case okD && okM && a != b:
		first, second := dayFirst, monthFirst
		if order == MonthFirst {
			first, second = monthFirst, dayFirst
		}
		return PartialDate{}, &AmbiguousDateError{Text: w, Readings: []FuzzyDate{
			{Kind: DateDay, From: first}, {Kind: DateDay, From: second}}}
	case okD:
		return dayFirst, nil
	case okM:
		return monthFirst, nil
	}
	return PartialDate{}, fmt.Errorf("%q is not a date: neither %d nor %d is a month with that day", w, a, b)
}

// period reads early/mid/late, quarters, halves and seasons; ok is false for other texts.
func period(t []string, s string) (f FuzzyDate, ok bool, err error) {
	t = dropWords(t, "the", "in")
	if len(t) == 2 && yearToken.MatchString(t[0]) && len(t[1]) == 2 && (t[1][0] == 'q' || t[1][0] == 'h') {
		t = []string{t[1], t[0]} // 2016 Q3
	}
	if len(t) >= 2 {
		// Q3 2016, H2 2016
		if len(t) == 2 && yearToken.MatchString(t[1]) && len(t[0]) == 2 {
			y, n := atoi(t[1]), int(t[0][1]-'0')
			switch {
			case t[0][0] == 'q' && n >= 1 && n <= 4:
				return months(y, time.Month(3*n-2), 3), true, nil
			case t[0][0] == 'h' && (n == 1 || n == 2):
				return months(y, time.Month(6*n-5), 6), true, nil
			}
		}
		// spring 2016 … winter 2016 (Dec 2016 – Feb 2017)
		if first, isSeason := seasons[t[0]]; isSeason && len(t) == 2 && yearToken.MatchString(t[1]) {
			return months(atoi(t[1]), first, 3), true, nil
		}
		// early / mid / late 2016, or of a month: early June 2016
		part := t[0]
		if part == "early" || part == "mid" || part == "middle" || part == "late" {
			rest := dropWords(t[1:], "-", "of", "the")
			third := map[string]int{"early": 0, "mid": 1, "middle": 1, "late": 2}[part]
			switch {
			case len(rest) == 1 && yearToken.MatchString(rest[0]):
				return months(atoi(rest[0]), time.Month(1+4*third), 4), true, nil
			case len(rest) == 2 && isMonth(rest[0]) && yearToken.MatchString(rest[1]):
				y, m := atoi(rest[1]), monthNames[rest[0]]
				last := PartialDate{Year: y, Month: m}.after().AddDate(0, 0, -1).Day()
				from := []int{1, 11, 21}[third]
				to := []int{10, 20, last}[third]
				return Between(PartialDate{y, m, from}, PartialDate{y, m, to}), true, nil
			}
			return FuzzyDate{}, true, errNotADate(s)
		}
	}
	return FuzzyDate{}, false, nil
}

// months is the range of n whole months from the first, which may run into the next year.
func months(year int, first time.Month, n int) FuzzyDate {
	start := time.Date(year, first, 1, 0, 0, 0, 0, time.UTC)
	end := start.AddDate(0, n-1, 0)
	return Between(PartialDate{Year: start.Year(), Month: start.Month()}, PartialDate{Year: end.Year(), Month: end.Month()})
}

// rangeOf reads the two ends of a range; the first may leave out the month and year, or the
// year, that the second gives: "22 - 24 jun 2016", "22 jun - 3 jul 2016", "sep - oct 2016".
func rangeOf(a, b []string, order NumericOrder, s string) (FuzzyDate, error) {
	a, b = dropWords(a, "from"), dropWords(b, "the")
	to, err := onePartial(b, order, s)
	if err != nil {
		return FuzzyDate{}, err
	}
	from, err := onePartial(a, order, s)
	if err != nil {
		// Fill in what the first end leaves out from the second.
		var filled []string
		switch {
		case len(a) == 1 && dayToken.MatchString(a[0]) && to.Day != 0: // 22 – 24 Jun 2016
			filled = []string{a[0], strings.ToLower(to.Month.String()), strconv.Itoa(to.Year)}
		case len(a) == 1 && isMonth(a[0]) && to.Month != 0: // Sep – Oct 2016
			filled = []string{a[0], strconv.Itoa(to.Year)}
		case len(a) == 2 && dayToken.MatchString(a[0]) && isMonth(a[1]): // 22 Jun – 3 Jul 2016
			filled = []string{a[0], a[1], strconv.Itoa(to.Year)}
		case len(a) == 2 && isMonth(a[0]) && dayToken.MatchString(a[1]): // Jun 22 – Jul 3 2016
			filled = []string{a[0], a[1], strconv.Itoa(to.Year)}
		default:
			return FuzzyDate{}, err
		}
		if from, err = onePartial(filled, order, s); err != nil {
			return FuzzyDate{}, err
		}
	}
	f := Between(from, to)
	if err := f.Validate(); err != nil {
		return FuzzyDate{}, fmt.Errorf("%q: %w", s, err)
	}
	return f, nil
}

// exactTime reads a day, a time of day and the zone it is on: "22 jun 2016 10:00 tokyo".
func exactTime(day []string, clock string, zone []string, order NumericOrder, s string) (FuzzyDate, error) {
	d, err := onePartial(day, order, s)
	if err != nil {
		return FuzzyDate{}, err
	}
	if d.Day == 0 {
		return FuzzyDate{}, fmt.Errorf("%q: a time needs a full date", s)
	}
	m := timeToken.FindStringSubmatch(clock)
	hour, minute := atoi(m[1]), atoi(m[2])
	switch m[3] {
	case "am":
		if hour == 12 {
			hour = 0
		}
	case "pm":
		if hour < 12 {
			hour += 12
		}
	}
	if hour > 23 || minute > 59 || (m[3] != "" && atoi(m[1]) > 12) {
		return FuzzyDate{}, fmt.Errorf("%q is not a time like 10:00", clock)
	}
	zone = dropWords(zone, "in", "at")
	if len(zone) == 0 {
		return FuzzyDate{}, fmt.Errorf("%q: give the time zone after the time, e.g. %s Tokyo", s, clock)
	}
	name, err := ZoneNamed(strings.Join(zone, " "))
	if err != nil {
		return FuzzyDate{}, err
	}
	loc, err := loadLocation(name)
	if err != nil {
		return FuzzyDate{}, fmt.Errorf("%q is not a known time zone", name)
	}
	return FuzzyDate{Kind: DateExact, At: time.Date(d.Year, d.Month, d.Day, hour, minute, 0, 0, loc), Zone: name}, nil
}

package export

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parley-app/parley/storage"
)

// Words and dates as the pack prints them.

func itoa(n int) string { return strconv.Itoa(n) }

// sentence capitalises the first letter: "vice-ministerial" → "Vice-ministerial".
func sentence(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

func formatLabel(f storage.Format) string { return sentence(string(f)) }
func roleLabel(r storage.Role) string     { return sentence(string(r)) }

// longDate writes a date with the month in full: "22 June 2016", "October 2015", "2015";
// other kinds as FuzzyDate.String writes them ("by end of 2016").
func longDate(f storage.FuzzyDate) string {
	if f.Approx {
		exact := f
		exact.Approx = false
		return "c. " + longDate(exact)
	}
	if d, ok := f.Day(); ok {
		return strconv.Itoa(d.Day) + " " + d.Month.String() + " " + strconv.Itoa(d.Year)
	}
	switch f.Kind {
	case storage.DateMonth:
		return f.From.Month.String() + " " + strconv.Itoa(f.From.Year)
	case storage.DateYear:
		return strconv.Itoa(f.From.Year)
	}
	return f.String()
}

// shortDate is a compact date for tables: "22 Jun 2016", "Sep 2016", "by end of 2016".
func shortDate(f storage.FuzzyDate) string {
	if d, ok := f.Day(); ok {
		return strconv.Itoa(d.Day) + " " + d.Month.String()[:3] + " " + strconv.Itoa(d.Year)
	}
	return f.String()
}

// clockRange writes an instant with its end when the duration is known, in loc:
// "Wednesday 22 June 2016, 10:00–12:00 JST".
func clockRange(at time.Time, minutes int, loc *time.Location) string {
	t := at.In(loc)
	s := t.Format("Monday 2 January 2006, 15:04")
	if minutes > 0 {
		end := t.Add(time.Duration(minutes) * time.Minute)
		if end.YearDay() == t.YearDay() && end.Year() == t.Year() {
			s += "–" + end.Format("15:04")
		} else {
			s += " to " + end.Format("Monday 2 January 15:04")
		}
	}
	return s + " " + t.Format("MST")
}

// zoneName is how a reader's zone is named: its IANA name, or nothing for "Local".
func zoneName(loc *time.Location) string {
	if loc == nil || loc.String() == "Local" || loc.String() == "" {
		return ""
	}
	return loc.String()
}

// roundLine describes the round: "Round 2, after Moscow, October 2015".
func roundLine(m storage.Meeting, prev storage.Meeting) string {
	var s string
	if m.Round > 0 {
		s = "Round " + strconv.Itoa(m.Round)
	}
	if prev.ID == "" {
		return s
	}
	where := prev.City
	if where == "" {
		where = prev.Venue
	}
	if where == "" {
		where = prev.Title
	}
	after := where
	if !prev.When.IsZero() {
		after += ", " + longDate(prev.When)
	}
	if s == "" {
		return "Follows " + after
	}
	return s + ", after " + after
}

// languageName names a language code: "ja" → "Japanese".
func languageName(code string) string {
	names := map[string]string{
		"ja": "Japanese", "ru": "Russian", "en": "English", "zh": "Chinese", "ko": "Korean",
		"fr": "French", "de": "German", "es": "Spanish", "ar": "Arabic", "he": "Hebrew",
		"el": "Greek", "uk": "Ukrainian", "pt": "Portuguese", "it": "Italian", "tr": "Turkish",
		"fa": "Persian", "hi": "Hindi", "ain": "Ainu",
	}
	if n, ok := names[strings.ToLower(code)]; ok {
		return n
	}
	return code
}

// postDates writes the years of a post: "2011–2016", "since 2014".
func postDates(p storage.Post) string {
	from, to := p.From.ISO(), p.To.ISO()
	if from == "" {
		from = p.FromText
	}
	if to == "" {
		to = p.ToText
	}
	switch {
	case from == "" && to == "":
		return ""
	case to == "":
		return "since " + partialHuman(p.From, from)
	case from == "":
		return "until " + partialHuman(p.To, to)
	}
	return partialHuman(p.From, from) + "–" + partialHuman(p.To, to)
}

// partialHuman writes a partial date as "Jun 2016" or "2016"; fallback when it is zero.
func partialHuman(d storage.PartialDate, fallback string) string {
	switch {
	case d.IsZero():
		return fallback
	case d.Month == 0:
		return strconv.Itoa(d.Year)
	case d.Day == 0:
		return d.Month.String()[:3] + " " + strconv.Itoa(d.Year)
	}
	return strconv.Itoa(d.Day) + " " + d.Month.String()[:3] + " " + strconv.Itoa(d.Year)
}

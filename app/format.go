package app

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/parley-app/parley/storage"
)

// homeZone is the user's own time zone and its IANA name when the system tells it
// ("Europe/London"), else the zone's abbreviation.
func homeZone() (*time.Location, string) {
	if tz := os.Getenv("TZ"); tz != "" {
		if loc, err := time.LoadLocation(strings.TrimPrefix(tz, ":")); err == nil {
			return loc, loc.String()
		}
	}
	if b, err := os.ReadFile("/etc/timezone"); err == nil {
		name := strings.TrimSpace(string(b))
		if loc, err := time.LoadLocation(name); err == nil {
			return loc, name
		}
	}
	if target, err := filepath.EvalSymlinks("/etc/localtime"); err == nil {
		if i := strings.Index(target, "zoneinfo/"); i >= 0 {
			name := target[i+len("zoneinfo/"):]
			if loc, err := time.LoadLocation(name); err == nil {
				return loc, name
			}
		}
	}
	abbr, _ := time.Now().Zone()
	return time.Local, abbr
}

// bothZones shows an exact meeting time in the venue's zone and in the user's home zone:
// "Wed 22 Jun 2016, 10:00 JST in Asia/Tokyo · 02:00 BST your time (Europe/London)".
func bothZones(f storage.FuzzyDate, home *time.Location, homeName string) string {
	if !f.IsExact() {
		return ""
	}
	venue := f.At.In(f.Location())
	s := venue.Format("Mon 2 Jan 2006, 15:04 MST") + " in " + f.Zone
	mine := f.At.In(home)
	if mine.Format("15:04 MST") == venue.Format("15:04 MST") && mine.Day() == venue.Day() {
		return s + " — the same as your time (" + homeName + ")"
	}
	layout := "15:04 MST"
	if mine.YearDay() != venue.YearDay() || mine.Year() != venue.Year() {
		layout = "Mon 2 Jan, 15:04 MST"
	}
	return s + " · " + mine.Format(layout) + " your time (" + homeName + ")"
}

// packFileName is a sensible name for a meeting's briefing pack: "2016-06-22 Tokyo round.pdf".
func packFileName(m storage.Meeting) string {
	title := safeFileName(m.Title)
	if title == "" {
		title = "Meeting"
	}
	if r := []rune(title); len(r) > 60 {
		title = strings.TrimSpace(string(r[:60]))
	}
	prefix := ""
	if d, ok := m.When.Day(); ok {
		prefix = d.ISO() + " "
	} else if !m.When.IsZero() {
		prefix = m.When.From.ISO() + " "
	}
	return prefix + title + ".pdf"
}

// safeFileName keeps letters, digits, spaces and a little punctuation; everything a file
// system might refuse becomes a space.
func safeFileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), strings.ContainsRune(" -_.,()–—'", r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// commaList splits "Japan, Russia" into items.
func commaList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// thousands writes n with commas between groups of three digits: 100,006.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

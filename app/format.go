package app

import (
	"strconv"
	"strings"
	"time"

	"github.com/parley-app/parley/storage"
)

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

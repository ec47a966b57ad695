package tasks

import (
	"os"
	"path/filepath"
	"strings"
	"time"
)

// HomeZone is the user's own time zone and the name to print for it: its IANA name when the
// system tells it ("Europe/London", from TZ, /etc/timezone or the /etc/localtime link), else
// the zone's abbreviation with the machine's local rules. Packs and the window print a
// meeting's time "your time" in it.
func HomeZone() (*time.Location, string) {
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

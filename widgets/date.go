package widgets

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// Date is a day on the calendar, without a time of day or a zone. It is the key of the month
// grid's entries, so that a meeting at 10:00 in Tokyo is filed under the day the caller chose
// (normally the day in the venue's zone).
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf is the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{Year: y, Month: m, Day: d}
}

// Time is midnight at the start of the day, in the local zone.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.Local)
}

// AddDays returns the day n days later (earlier when n is negative).
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// Weekday is the day of the week of d.
func (d Date) Weekday() time.Weekday {
	return time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
}

// String writes the date in ISO 8601: 2016-06-22.
func (d Date) String() string {
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// sundayFirst and saturdayFirst list the regions (ISO 3166 codes) whose calendars start the
// week on Sunday or Saturday, after the Unicode CLDR "weekData" table. Every other region
// starts on Monday, as ISO 8601 does.
var (
	sundayFirst = regionSet("AG AS BD BR BS BT BW BZ CA CO DM DO ET GT GU HK HN ID IL IN JM JP " +
		"KE KH KR LA MH MM MO MT MX MZ NI NP PA PE PH PK PR PT PY SA SG SV TH TT TW UM US VE VI " +
		"WS YE ZA ZW")
	saturdayFirst = regionSet("AE AF BH DJ DZ EG IQ IR JO KW LY OM QA SD SY")
)

func regionSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, r := range strings.Fields(s) {
		m[r] = true
	}
	return m
}

// FirstWeekdayFor is the first day of the week in a locale such as "en-US", "en-GB" or
// "ja-JP". Only the region counts: the US, Canada, Japan and the other regions of CLDR's
// Sunday list start on Sunday, most of the Middle East on Saturday, everyone else (and a
// locale without a region, such as plain "en") on Monday.
func FirstWeekdayFor(l fyne.Locale) time.Weekday {
	parts := strings.Split(strings.ReplaceAll(l.String(), "_", "-"), "-")
	region := ""
	for _, p := range parts[1:] {
		if len(p) == 2 { // skip scripts such as "Hans"
			region = strings.ToUpper(p)
			break
		}
	}
	switch {
	case sundayFirst[region]:
		return time.Sunday
	case saturdayFirst[region]:
		return time.Saturday
	}
	return time.Monday
}

// LocaleFirstWeekday is the first day of the week for the user's system locale (on Linux the
// LANG, LC_ALL or LANGUAGE variables; on Windows and macOS the system setting), by the rule of
// FirstWeekdayFor.
func LocaleFirstWeekday() time.Weekday {
	return FirstWeekdayFor(lang.SystemLocale())
}

// weekdayShort is the abbreviated weekday name in the user's language ("Mon"), from Fyne's
// own translations.
func weekdayShort(d time.Weekday) string {
	long := d.String()
	lower := strings.ToLower(long)
	return lang.X(lower+".short", long[:3])
}

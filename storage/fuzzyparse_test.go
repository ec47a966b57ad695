package storage

import (
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func day(y int, m time.Month, d int) PartialDate { return PartialDate{Year: y, Month: m, Day: d} }
func mon(y int, m time.Month) PartialDate        { return PartialDate{Year: y, Month: m} }
func approx(f FuzzyDate) FuzzyDate               { f.Approx = true; return f }

// Every form Parley prints, and the forms people type, read back as the date they mean.
func TestParseHumanDates(t *testing.T) {
	tokyo, err := time.LoadLocation("Asia/Tokyo")
	require.NoError(t, err)
	moscow, err := time.LoadLocation("Europe/Moscow")
	require.NoError(t, err)
	at := func(loc *time.Location, zone string, y int, m time.Month, d, h, min int) FuzzyDate {
		return FuzzyDate{Kind: DateExact, At: time.Date(y, m, d, h, min, 0, 0, loc), Zone: zone}
	}
	for _, tc := range []struct {
		in   string
		want FuzzyDate
	}{
		// The forms Parley prints.
		{"Oct 2016", InMonth(2016, time.October)},
		{"Sep 2016", InMonth(2016, time.September)},
		{"Wed 22 Jun 2016", OnDay(2016, time.June, 22)},
		{"by end of 2016", By(PartialDate{Year: 2016})},
		{"by end of Sep 2016", By(mon(2016, time.September))},
		{"by 22 Jun 2016", By(day(2016, time.June, 22))},
		{"1–3 Sep 2016", Between(day(2016, time.September, 1), day(2016, time.September, 3))},
		{"Wed 22 Jun 2016, 10:00 JST", at(tokyo, "Asia/Tokyo", 2016, time.June, 22, 10, 0)},
		// Month names in full, any case.
		{"October 2016", InMonth(2016, time.October)},
		{"SEPT 2016", InMonth(2016, time.September)},
		{"22 June 2016", OnDay(2016, time.June, 22)},
		{"22nd June 2016", OnDay(2016, time.June, 22)},
		{"June 22, 2016", OnDay(2016, time.June, 22)},
		{"Wednesday, 22 June 2016", OnDay(2016, time.June, 22)},
		// Deadlines.
		{"end of 2016", By(PartialDate{Year: 2016})},
		{"by the end of 2016", By(PartialDate{Year: 2016})},
		{"By September 2016", By(mon(2016, time.September))},
		{"before October 2016", By(mon(2016, time.October))},
		// Parts of a year or a month.
		{"early 2016", Between(mon(2016, time.January), mon(2016, time.April))},
		{"mid 2016", Between(mon(2016, time.May), mon(2016, time.August))},
		{"mid-2016", Between(mon(2016, time.May), mon(2016, time.August))},
		{"late 2016", Between(mon(2016, time.September), mon(2016, time.December))},
		{"early June 2016", Between(day(2016, time.June, 1), day(2016, time.June, 10))},
		{"late February 2016", Between(day(2016, time.February, 21), day(2016, time.February, 29))},
		{"Q3 2016", Between(mon(2016, time.July), mon(2016, time.September))},
		{"q1 2017", Between(mon(2017, time.January), mon(2017, time.March))},
		{"2016 Q4", Between(mon(2016, time.October), mon(2016, time.December))},
		{"H2 2016", Between(mon(2016, time.July), mon(2016, time.December))},
		{"autumn 2016", Between(mon(2016, time.September), mon(2016, time.November))},
		{"fall 2016", Between(mon(2016, time.September), mon(2016, time.November))},
		{"spring 2017", Between(mon(2017, time.March), mon(2017, time.May))},
		{"winter 2016", Between(mon(2016, time.December), mon(2017, time.February))},
		// Ranges.
		{"22–24 Jun 2016", Between(day(2016, time.June, 22), day(2016, time.June, 24))},
		{"22-24 June 2016", Between(day(2016, time.June, 22), day(2016, time.June, 24))},
		{"Sep–Oct 2016", Between(mon(2016, time.September), mon(2016, time.October))},
		{"22 Jun – 3 Jul 2016", Between(day(2016, time.June, 22), day(2016, time.July, 3))},
		{"Sep 2016 – Jan 2017", Between(mon(2016, time.September), mon(2017, time.January))},
		{"2016–2017", Between(PartialDate{Year: 2016}, PartialDate{Year: 2017})},
		{"22 Jun to 3 Jul 2016", Between(day(2016, time.June, 22), day(2016, time.July, 3))},
		{"between May and July 2016", Between(mon(2016, time.May), mon(2016, time.July))},
		// Exact times, with the zone by name, city, country or unambiguous abbreviation.
		{"22 Jun 2016 10:00 Tokyo", at(tokyo, "Asia/Tokyo", 2016, time.June, 22, 10, 0)},
		{"22 Jun 2016 10:00 Asia/Tokyo", at(tokyo, "Asia/Tokyo", 2016, time.June, 22, 10, 0)},
		{"22 June 2016 2:30pm Japan", at(tokyo, "Asia/Tokyo", 2016, time.June, 22, 14, 30)},
		{"2016-10-05 10:00 Moscow", at(moscow, "Europe/Moscow", 2016, time.October, 5, 10, 0)},
		{"5 Oct 2016 10.00 MSK", at(moscow, "Europe/Moscow", 2016, time.October, 5, 10, 0)},
		// Numeric dates that read one way only.
		{"22/06/2016", OnDay(2016, time.June, 22)},
		{"06/22/2016", OnDay(2016, time.June, 22)},
		{"22.06.2016", OnDay(2016, time.June, 22)},
		{"04/04/2016", OnDay(2016, time.April, 4)},
		// Parley's own text forms still read as before.
		{"2016-06-22 10:00 Asia/Tokyo", at(tokyo, "Asia/Tokyo", 2016, time.June, 22, 10, 0)},
		{"by 2016", By(PartialDate{Year: 2016})},
		{"2016-09..2016-10", Between(mon(2016, time.September), mon(2016, time.October))},
		// Approximate: a year, a month or a span, printed "c. …".
		{"c. 2016", approx(InYear(2016))},
		{"C. 2016", approx(InYear(2016))},
		{"c.2016", approx(InYear(2016))},
		{"ca. 2016", approx(InYear(2016))},
		{"circa 2016", approx(InYear(2016))},
		{"around 2016", approx(InYear(2016))},
		{"about June 2016", approx(InMonth(2016, time.June))},
		{"c. Jun 2016", approx(InMonth(2016, time.June))},
		{"approximately 2016-06", approx(InMonth(2016, time.June))},
		{"c. 2015–2017", approx(Between(PartialDate{Year: 2015}, PartialDate{Year: 2017}))},
		{"around Sep–Oct 2016", approx(Between(mon(2016, time.September), mon(2016, time.October)))},
		{"c. mid 2016", approx(Between(mon(2016, time.May), mon(2016, time.August)))},
		{"c. 2016-09..2016-10", approx(Between(mon(2016, time.September), mon(2016, time.October)))},
	} {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseFuzzyDate(tc.in)
			require.NoError(t, err)
			assert.Equal(t, tc.want.Kind, got.Kind)
			assert.Equal(t, tc.want.Approx, got.Approx)
			assert.Equal(t, tc.want.Text(), got.Text())
			if tc.want.IsExact() {
				assert.True(t, tc.want.At.Equal(got.At), "%v, want %v", got.At, tc.want.At)
			}
			again, err := ParseFuzzyDate(got.String())
			require.NoError(t, err, "what Parley prints reads back: %q", got.String())
			assert.Equal(t, got.Text(), again.Text(), "%q", got.String())
		})
	}
}

// refusal is a date as typed and what ParseFuzzyDate's error must say of it.
type refusal struct{ in, why string }

// assertRefused expects ParseFuzzyDate to refuse each date, in a subtest named by it, with an
// error that says why.
func assertRefused(t *testing.T, refusals []refusal) {
	t.Helper()
	for _, r := range refusals {
		t.Run(r.in, func(t *testing.T) {
			_, err := ParseFuzzyDate(r.in)
			require.Error(t, err)
			assert.Contains(t, err.Error(), r.why)
		})
	}
}

func TestParseHumanDatesRefuses(t *testing.T) {
	assertRefused(t, []refusal{
		{"Thu 22 Jun 2016", "22 Jun 2016 was a Wednesday, not a Thursday"},
		{"31 June 2016", "does not exist"},
		{"c. 22 Jun 2016", "only a year, a month or a span can be approximate"},
		{"about 22 Jun 2016 10:00 Tokyo", "only a year, a month or a span can be approximate"},
		{"c. by 2016", "only a year, a month or a span can be approximate"},
		{"c. c. 2016", "not a date"},
		{"about", "not a date"},
		{"c. next year", "not a date"},
		{"22 Jun 2016 10:00", "give the time zone"},
		{"22 Jun 2016 10:00 IST", "India, Ireland or Israel"},
		{"22 Jun 2016 10:00 United States", "several time zones"},
		{"22 Jun 2016 10:00 Atlantis", "not a known time zone"},
		{"Jun 2016 10:00 Tokyo", "full date"},
		{"24–22 Jun 2016", "before it starts"},
		{"Q5 2016", "not a date"},
		{"next Tuesday", "not a date"},
		{"32/13/2016", "not a date"},
		{"of", "not a date"},
		{"by the", "not a date"},
		{"early of", "not a date"},
	})
}

// 03/04/2016 is asked about, never guessed; the locale's reading comes first.
func TestAmbiguousNumericDates(t *testing.T) {
	for _, tc := range []struct {
		order         NumericOrder
		first, second string
	}{
		{DayFirst, "2016-04-03", "2016-03-04"},
		{MonthFirst, "2016-03-04", "2016-04-03"},
	} {
		_, err := ParseFuzzyDateOrder("03/04/2016", tc.order)
		var amb *AmbiguousDateError
		require.True(t, errors.As(err, &amb), "%v", err)
		require.Len(t, amb.Readings, 2)
		assert.Equal(t, tc.first, amb.Readings[0].Text())
		assert.Equal(t, tc.second, amb.Readings[1].Text())
		assert.Contains(t, err.Error(), "write the month as a word")
	}
}

func TestZoneNamed(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Asia/Tokyo", "Asia/Tokyo"}, {"tokyo", "Asia/Tokyo"}, {"New York", "America/New_York"},
		{"Japan", "Asia/Tokyo"}, {"jst", "Asia/Tokyo"}, {"UTC", "UTC"}, {"europe/moscow", "Europe/Moscow"},
	} {
		got, err := ZoneNamed(tc.in)
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
	_, err := ZoneNamed("Local")
	assert.Error(t, err, "a zone that means a different time on each laptop")
	found := Zones("moscow")
	require.NotEmpty(t, found)
	assert.Equal(t, "Europe/Moscow", found[0].Name)
	assert.Equal(t, "Russia", found[0].Country)
}

// The parser never panics and what it accepts is a valid date that reads back the same.
func FuzzParseFuzzyDate(f *testing.F) {
	for _, s := range []string{"22 Jun 2016", "by end of 2016", "Q3 2016", "22–24 Jun 2016", "03/04/2016",
		"Wed 22 Jun 2016, 10:00 JST", "2016-06-22 10:00 Asia/Tokyo", "early June 2016", "winter 2016", "-", "by", "",
		"c. 2016", "around 2016", "circa 2016", "about June 2016", "c. 2015–2017", "c. 22 Jun 2016", "c. c. 2016"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseFuzzyDate(s)
		if err != nil {
			return
		}
		if verr := got.Validate(); verr != nil {
			t.Fatalf("%q parsed to an invalid date: %v", s, verr)
		}
		if got.IsZero() {
			return
		}
		again, err := ParseFuzzyDate(got.Text())
		if err != nil || again.Text() != got.Text() {
			t.Fatalf("%q → %q does not read back: %v", s, got.Text(), err)
		}
	})
}

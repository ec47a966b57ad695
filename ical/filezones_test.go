package ical

import (
	"strings"
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

// vtimezone is a VTIMEZONE with a TZID and its observances, each given as
// kind, DTSTART, TZOFFSETFROM, TZOFFSETTO and RRULE ("" for none).
func vtimezone(tzid string, extra []string, observances ...[5]string) []string {
	lines := append([]string{"BEGIN:VTIMEZONE", "TZID:" + tzid}, extra...)
	for _, o := range observances {
		lines = append(lines, "BEGIN:"+o[0], "DTSTART:"+o[1], "TZOFFSETFROM:"+o[2], "TZOFFSETTO:"+o[3])
		if o[4] != "" {
			lines = append(lines, "RRULE:"+o[4])
		}
		lines = append(lines, "END:"+o[0])
	}
	return append(lines, "END:VTIMEZONE")
}

// Observances as Outlook and Exchange write them: the rule of one year, from 1601.
var (
	euStandard = [5]string{"STANDARD", "16010101T030000", "+0200", "+0100", "FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=10"}
	euDaylight = [5]string{"DAYLIGHT", "16010101T020000", "+0100", "+0200", "FREQ=YEARLY;INTERVAL=1;BYDAY=-1SU;BYMONTH=3"}
	plusNine   = [5]string{"STANDARD", "16010101T000000", "+0900", "+0900", ""}
)

func readZone(t *testing.T, lines []string) *fileZone {
	t.Helper()
	cals, problems, err := parse([]byte(crlf(append(append([]string{"BEGIN:VCALENDAR"}, lines...), "END:VCALENDAR")...)))
	require.NoError(t, err)
	require.Empty(t, problems)
	require.Len(t, cals, 1)
	require.Len(t, cals[0].subs, 1)
	z, ok := readFileZone(cals[0].subs[0])
	require.True(t, ok)
	return z
}

// TestFileZoneMapping: a zone defined only inside the file is read with the file's rules and
// given the IANA zone whose offsets agree with them over the event's year — the zone the
// name means, else one whose city it names, else the first that agrees; else none.
func TestFileZoneMapping(t *testing.T) {
	for _, tc := range []struct {
		name string
		zone []string
		year int
		want string // "" when no IANA zone agrees
		wall string // a local time in the zone…
		utc  string // …and the instant it means by the file's rules
		abbr string // for want "": the abbreviation the zone of Parley's own shows then
	}{
		{"Outlook's Customized Time Zone", vtimezone("Customized Time Zone", nil, euStandard, euDaylight),
			2016, "Europe/Paris", "20160701T100000", "20160701T080000Z", ""},
		{"Outlook 2010's (UTC-03:00) Brasília", vtimezone("(UTC-03:00) Brasília", nil,
			[5]string{"STANDARD", "16010101T235959", "-0200", "-0300", "FREQ=YEARLY;INTERVAL=1;BYDAY=3SA;BYMONTH=2"},
			[5]string{"DAYLIGHT", "16010101T235959", "-0300", "-0200", "FREQ=YEARLY;INTERVAL=1;BYDAY=2SA;BYMONTH=10"}),
			2017, "America/Sao_Paulo", "20171120T100000", "20171120T120000Z", ""},
		{"the CDO's GMT +0100 (Standard) / GMT +0200 (Daylight)", vtimezone("GMT +0100 (Standard) / GMT +0200 (Daylight)", nil,
			[5]string{"STANDARD", "16010101T030000", "+0200", "+0100", "FREQ=YEARLY;WKST=MO;INTERVAL=1;BYMONTH=10;BYDAY=-1SU"},
			[5]string{"DAYLIGHT", "16010101T020000", "+0100", "+0200", "FREQ=YEARLY;WKST=MO;INTERVAL=1;BYMONTH=3;BYDAY=-1SU"}),
			2015, "Europe/Paris", "20150703T100000", "20150703T080000Z", ""},
		{"an OWA display name: the city it names", vtimezone("(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna", nil, euStandard, euDaylight),
			2016, "Europe/Berlin", "20161031T090000", "20161031T080000Z", ""},
		{"an OWA display name in Japan", vtimezone("(UTC+09:00) Osaka, Sapporo, Tokyo", nil, plusNine),
			2016, "Asia/Tokyo", "20160622T100000", "20160622T010000Z", ""},
		{"a Windows name", vtimezone("Tokyo Standard Time", nil, plusNine), 2016, "Asia/Tokyo", "20160622T100000", "20160622T010000Z", ""},
		{"X-LIC-LOCATION", vtimezone("Custom 3", []string{"X-LIC-LOCATION:Europe/Istanbul"},
			[5]string{"STANDARD", "19700101T000000", "+0300", "+0300", ""}), 2017, "Europe/Istanbul", "20170301T100000", "20170301T070000Z", ""},
		{"the offsets decide, not the name", vtimezone("Tokyo Standard Time", nil, [5]string{"STANDARD", "16010101T000000", "+0800", "+0800", ""}),
			2016, "Asia/Shanghai", "20160622T100000", "20160622T020000Z", ""},
		{"Evolution's onsets in the local time after the change", vtimezone("/softwarestudio.org/Tzfile/America/Chicago", nil,
			[5]string{"STANDARD", "19701102T010000", "-0500", "-0600", "FREQ=YEARLY;INTERVAL=1;BYDAY=1SU;BYMONTH=11"},
			[5]string{"DAYLIGHT", "19700308T030000", "-0600", "-0500", "FREQ=YEARLY;INTERVAL=1;BYDAY=2SU;BYMONTH=3"}),
			2008, "America/Chicago", "20080624T130000", "20080624T180000Z", ""},
		{"a daylight saving no zone has", vtimezone("Customized Time Zone", nil,
			[5]string{"STANDARD", "16010101T020000", "+0500", "+0400", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11"},
			[5]string{"DAYLIGHT", "16010101T020000", "+0400", "+0500", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=4"}),
			2016, "", "20160701T100000", "20160701T050000Z", "+05"},
		{"an offset in minutes no zone has", vtimezone("Customized Time Zone", nil, [5]string{"STANDARD", "16010101T000000", "+0537", "+0537", ""}),
			2016, "", "20160701T100000", "20160701T042300Z", "+0537"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			z := readZone(t, tc.zone)
			wall, err := time.Parse(icsLocal, tc.wall)
			require.NoError(t, err)
			u := z.instant(wall)
			assert.Equal(t, tc.utc, u.Format(icsUTC), "the file's rules")
			name, loc, ok := z.ianaFor(tc.year)
			if tc.want == "" {
				assert.False(t, ok, "agrees with %s", name)
				// Kept as a zone of Parley's own, which shows the file's local time.
				own, err := storage.DefineZone(z.tzid, z.rules())
				require.NoError(t, err)
				assert.Regexp(t, `^Customized Time Zone \[[0-9a-f]{6}\]$`, own)
				loc, err := storage.LoadZone(own)
				require.NoError(t, err)
				assert.Equal(t, tc.wall, u.In(loc).Format(icsLocal), "the zone of its own shows the file's local time")
				abbr, _ := u.In(loc).Zone()
				assert.Equal(t, tc.abbr, abbr)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tc.want, name)
			assert.Equal(t, tc.wall, u.In(loc).Format(icsLocal), "the IANA zone shows the same local time")
		})
	}
}

// TestFileZoneInEvent: an event in a zone the file defines gets the agreeing IANA zone and the
// instant the file's rules give, in summer and in winter.
func TestFileZoneInEvent(t *testing.T) {
	zone := vtimezone("GMT +0100 (Standard) / GMT +0200 (Daylight)", nil, euStandard, euDaylight)
	file := crlf(append(append([]string{"BEGIN:VCALENDAR", "VERSION:2.0"}, zone...),
		"BEGIN:VEVENT", "UID:summer@example.org", `DTSTART;TZID="GMT +0100 (Standard) / GMT +0200 (Daylight)":20150703T100000`, "SUMMARY:Summer", "END:VEVENT",
		"BEGIN:VEVENT", "UID:winter@example.org", `DTSTART;TZID="GMT +0100 (Standard) / GMT +0200 (Daylight)":20151203T100000`, "SUMMARY:Winter", "END:VEVENT",
		"END:VCALENDAR")...)
	res, err := Read(strings.NewReader(file))
	require.NoError(t, err)
	require.Len(t, res.Events, 2)
	assert.Empty(t, res.Notes)
	for i, want := range []string{"2015-07-03T08:00:00Z", "2015-12-03T09:00:00Z"} {
		w := res.Events[i].Meeting.When
		assert.Equal(t, "Europe/Paris", w.Zone)
		assert.Equal(t, want, w.At.UTC().Format(time.RFC3339))
	}
}

// TestFileZoneSeriesKeepsTheFileRules: a series in a zone of the file's own that no IANA zone
// agrees with is expanded with the file's rules: every occurrence at the same local time across
// the file's change of offset, EXDATE and RECURRENCE-ID matching the occurrences they name, and
// the report says once how the zone is kept.
func TestFileZoneSeriesKeepsTheFileRules(t *testing.T) {
	zone := vtimezone("Customized Time Zone", nil,
		[5]string{"STANDARD", "16010101T020000", "+0500", "+0400", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=11"},
		[5]string{"DAYLIGHT", "16010101T020000", "+0400", "+0500", "FREQ=YEARLY;BYDAY=1SU;BYMONTH=4"})
	tz := `;TZID="Customized Time Zone":`
	file := crlf(append(append([]string{"BEGIN:VCALENDAR"}, zone...),
		"BEGIN:VEVENT", "UID:s@example.org", "DTSTART"+tz+"20161027T100000", "DURATION:PT1H", "RRULE:FREQ=WEEKLY;COUNT=4",
		"EXDATE"+tz+"20161110T100000", "SUMMARY:Weekly", "END:VEVENT",
		"BEGIN:VEVENT", "UID:s@example.org", "RECURRENCE-ID"+tz+"20161103T100000", "DTSTART"+tz+"20161103T120000",
		"DURATION:PT1H", "SUMMARY:Weekly, later", "END:VEVENT",
		"END:VCALENDAR")...)
	res, err := ReadWith(strings.NewReader(file), ReadOptions{Now: time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	type occ struct{ uid, when, utc, title string }
	var got []occ
	for _, e := range res.Events {
		if !e.Excluded {
			got = append(got, occ{e.Meeting.ICalUID, e.Meeting.When.Text(), e.Meeting.When.At.UTC().Format(icsUTC), e.Meeting.Title})
		}
	}
	require.Len(t, res.Zones, 1, "the file's zone is kept as a zone of Parley's own")
	own := res.Zones[0].Name
	assert.Equal(t, []occ{
		{"s@example.org#20161027T050000Z", "2016-10-27 10:00 " + own, "20161027T050000Z", "Weekly"},
		{"s@example.org#20161103T050000Z", "2016-11-03 12:00 " + own, "20161103T070000Z", "Weekly, later"},
		{"s@example.org#20161117T060000Z", "2016-11-17 10:00 " + own, "20161117T060000Z", "Weekly"},
	}, got, "10:00 in the file's zone before and after its change on Sun 6 Nov (+05 to +04); the 10 Nov occurrence, at 06:00 UTC by the file's rules, left out by its EXDATE")
	for _, e := range res.Events {
		assert.Equal(t, 60, e.Meeting.DurationMinutes)
	}
	require.Len(t, res.Notes, 1)
	assert.Contains(t, res.Notes[0], `the time zone "Customized Time Zone" the file defines agrees with no zone Parley knows in 2016`)
}

func TestZoneLabel(t *testing.T) {
	for in, want := range map[string]string{
		"/softwarestudio.org/Tzfile/America/Chicago": "America/Chicago",
		"/mozilla.org/20050126_1/Europe/Berlin":      "Europe/Berlin",
		"Customized Time Zone":                       "Customized Time Zone",
		"/Nowhere":                                   "/Nowhere",
	} {
		assert.Equal(t, want, zoneLabel(in), in)
	}
}

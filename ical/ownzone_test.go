package ical_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/ical"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
)

// ownZoneFile is an Outlook-style file whose zone no IANA zone agrees with: +04 in winter,
// +05 from the first Sunday of April to the first Sunday of November.
const ownZoneFile = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN\r\n" +
	"BEGIN:VTIMEZONE\r\nTZID:Customized Time Zone\r\n" +
	"BEGIN:STANDARD\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0500\r\nTZOFFSETTO:+0400\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11\r\nEND:STANDARD\r\n" +
	"BEGIN:DAYLIGHT\r\nDTSTART:16010101T020000\r\nTZOFFSETFROM:+0400\r\nTZOFFSETTO:+0500\r\nRRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=4\r\nEND:DAYLIGHT\r\n" +
	"END:VTIMEZONE\r\n" +
	"BEGIN:VEVENT\r\nUID:wg@example.org\r\nDTSTAMP:20161001T000000Z\r\nDTSTART;TZID=\"Customized Time Zone\":20161027T100000\r\nDURATION:PT2H\r\nSUMMARY:Working group\r\nEND:VEVENT\r\n" +
	"END:VCALENDAR\r\n"

// TestOwnZoneKeptThroughImportEditAndExport: a file's zone that no IANA zone agrees with is
// stored with the meeting; a change of time made in Parley after the file's change of offset
// follows the file's rules (not a fixed offset); an export writes the zone's rules, and
// reading that export back gives the same instants in the same zone, with no second zone.
func TestOwnZoneKeptThroughImportEditAndExport(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Empty(t)
	rep, err := ical.ImportWith(ctx, s, strings.NewReader(ownZoneFile), ical.Options{Read: ical.ReadOptions{Now: time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC)}})
	require.NoError(t, err)
	require.Equal(t, 1, rep.Created, rep.String())
	require.Len(t, rep.Changes, 1)
	m, err := s.Meeting(ctx, rep.Changes[0].MeetingID)
	require.NoError(t, err)
	assert.Regexp(t, `^Customized Time Zone \[[0-9a-f]{6}\]$`, m.When.Zone)
	assert.Equal(t, "2016-10-27T05:00:00Z", m.When.At.UTC().Format(time.RFC3339))
	assert.Equal(t, "Thu 27 Oct 2016, 10:00 +05", m.When.String())
	d, err := s.Dossier(ctx)
	require.NoError(t, err)
	require.Len(t, d.Zones, 1, "the zone's rules are in the dossier")

	// Moved in Parley past the file's change of 6 November: 10:00 is now 06:00 UTC.
	m.When, err = storage.ParseFuzzyDate("2016-11-17 10:00 " + m.When.Zone)
	require.NoError(t, err)
	require.NoError(t, s.UpdateMeeting(ctx, &m))
	assert.Equal(t, "2016-11-17T06:00:00Z", m.When.At.UTC().Format(time.RFC3339))

	var out bytes.Buffer
	_, err = ical.WriteMeetings(&out, []storage.Meeting{m}, nil, time.Date(2016, 12, 1, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	text := out.String()
	assert.Contains(t, text, "TZID:"+m.When.Zone+"\r\n")
	assert.Contains(t, text, "DTSTART;TZID="+m.When.Zone+":20161117T100000\r\n", "spaces and brackets need no quotes (RFC 5545 paramtext)")
	assert.Contains(t, text, "TZOFFSETTO:+0500")
	assert.NotContains(t, text, "X-LIC-LOCATION", "a zone of Parley's own is no IANA name")

	back, err := ical.ReadWith(strings.NewReader(text), ical.ReadOptions{Now: time.Date(2016, 10, 1, 0, 0, 0, 0, time.UTC)})
	require.NoError(t, err)
	require.Len(t, back.Events, 1)
	assert.Equal(t, m.When.Zone, back.Events[0].Meeting.When.Zone, "the zone comes back under its own name")
	assert.Equal(t, "2016-11-17T06:00:00Z", back.Events[0].Meeting.When.At.UTC().Format(time.RFC3339))
	assert.Empty(t, back.Zones, "no second zone for the same rules")
}

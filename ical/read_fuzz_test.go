package ical_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/ical"
)

// FuzzReadCalendar: the calendar reader never panics on any bytes, and every meeting it reads
// from a file it accepts has a valid date.
func FuzzReadCalendar(f *testing.F) {
	for _, name := range []string{"google-daily-recur.ics", "exchange2010-tokyo.ics", "outlook-brasilia-zone.ics",
		"apple-ical20-exdate.ics", "khal-rdate-period.ics", "zimbra-recur-instances.ics", "plone-unicode-fields.ics",
		"rim-bis-rfc7529.ics", "zimbra-utc-negative-zero.ics", "google-timezone-from-file.ics"} {
		data, err := os.ReadFile(filepath.Join("testdata", "corpus", name))
		require.NoError(f, err)
		f.Add(data)
	}
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20160622T010000Z\r\nSUMMARY:Tokyo round\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	f.Add([]byte("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;TZID=Asia/Tokyo:20160622T100000\nRRULE:FREQ=DAILY;COUNT=3\n END:VEVENT\n"))
	f.Add([]byte(""))
	opt := ical.ReadOptions{Now: time.Date(2016, 6, 20, 0, 0, 0, 0, time.UTC), WindowYears: 2}
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := ical.ReadWith(bytes.NewReader(data), opt)
		if err != nil {
			return
		}
		for _, m := range res.Meetings() {
			if verr := m.When.Validate(); verr != nil {
				t.Fatalf("meeting %q read from an accepted file has an invalid date %+v: %v", m.Title, m.When, verr)
			}
		}
	})
}

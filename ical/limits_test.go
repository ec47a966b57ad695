package ical

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

// TestReadHoldsLimits: a calendar file is held to the limits a bundle and the window are
// (storage.NameLimit, storage.TextLimit): a field over its limit is cut to it, and a note
// names the event and the field; a day that means nothing (9999-12-31) is skipped, saying
// why, and the zone Local is not taken for a zone. The other event is read as it is.
func TestReadHoldsLimits(t *testing.T) {
	other := []string{"BEGIN:VEVENT", "UID:y@example.org", "DTSTART;VALUE=DATE:20160623", "SUMMARY:Dinner", "END:VEVENT"}
	cal := func(body ...string) string {
		body = append(append([]string{"BEGIN:VEVENT", "UID:x@example.org"}, body...), "END:VEVENT")
		body = append(body, other...)
		return crlf(append(append([]string{"BEGIN:VCALENDAR", "VERSION:2.0"}, body...), "END:VCALENDAR")...)
	}
	long := strings.Repeat("Переговоры ", 200) // 2,200 characters
	for _, tc := range []struct {
		name   string
		file   string
		events int
		says   string // in a note or a skipped item
		check  func(t *testing.T, m storage.Meeting)
	}{
		{"a title of 2,200 characters", cal("DTSTART;VALUE=DATE:20160622", "SUMMARY:"+long), 2,
			"the title (SUMMARY) holds 2,199 characters; the limit is 1,000; it is cut to the limit",
			func(t *testing.T, m storage.Meeting) {
				assert.Equal(t, storage.MaxNameChars, utf8.RuneCountInString(m.Title))
			}},
		{"a description over 1 MB", cal("DTSTART;VALUE=DATE:20160622", "SUMMARY:Talks", "DESCRIPTION:"+strings.Repeat("я", 600_000)), 2,
			"“Talks”: the purpose (DESCRIPTION) holds 1,200,000 bytes; the limit is 1,048,576 (1 MB)",
			func(t *testing.T, m storage.Meeting) {
				assert.LessOrEqual(t, len(m.Purpose), storage.MaxTextBytes)
				assert.True(t, utf8.ValidString(m.Purpose))
			}},
		{"a place of 1,001 characters", cal("DTSTART;VALUE=DATE:20160622", "SUMMARY:Talks", "LOCATION:"+strings.Repeat("v", 1001)), 2,
			"holds 1,001 characters; the limit is 1,000; it is cut to the limit", nil},
		{"9999-12-31", cal("DTSTART;VALUE=DATE:99991231", "SUMMARY:Forever"), 1, "year 9999 is out of range (1000 to 2999)", nil},
		// Already held before the limits: Local is no zone, and the time is read as the file's.
		{"the zone Local", cal("DTSTART;TZID=Local:20160622T100000", "SUMMARY:Somewhere"), 2, `the time zone "Local" is neither defined in the file`, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := Read(strings.NewReader(tc.file))
			require.NoError(t, err)
			ms := res.Meetings()
			assert.Len(t, ms, tc.events)
			found := append([]string(nil), res.Notes...)
			for _, s := range res.Skipped {
				found = append(found, s.String())
			}
			assert.True(t, slices.ContainsFunc(found, func(s string) bool { return strings.Contains(s, tc.says) }),
				"want …%s… in %q", tc.says, clipAll(found))
			if tc.check != nil {
				require.NotEmpty(t, ms)
				tc.check(t, ms[0])
			}
		})
	}
}

func clipAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%.300s", s)
	}
	return out
}

package ical

import (
	"testing"
	"time"
	_ "time/tzdata"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResolveZone(t *testing.T) {
	for tzid, want := range map[string]string{
		"Asia/Tokyo":                            "Asia/Tokyo",
		"UTC":                                   "UTC",
		"Russian Standard Time":                 "Europe/Moscow",
		"/mozilla.org/20050126_1/Europe/Berlin": "Europe/Berlin",
		"/softwarestudio.org/Olson_20011030_5/America/New_York": "America/New_York",
		"W. Europe Standard Time":                               "Europe/Berlin",
	} {
		name, loc, ok := resolveZone(tzid)
		require.True(t, ok, tzid)
		assert.Equal(t, want, name, tzid)
		assert.NotNil(t, loc)
	}
	for _, bad := range []string{"", "Local", "Mars/Olympus_Mons", "Berlin"} {
		_, _, ok := resolveZone(bad)
		assert.False(t, ok, bad)
	}
	// Every Windows name maps to a zone Go's embedded database knows.
	for win, iana := range windowsZones {
		_, err := time.LoadLocation(iana)
		assert.NoError(t, err, "%s → %s", win, iana)
	}
}

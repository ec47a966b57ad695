//go:build sqlite_fts5

package export

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// A status change is dated when it happened, when the user said, not when it was typed in.
func TestPackDatesAStatusChangeWhenItHappened(t *testing.T) {
	b := fixtureBriefing()
	for i := range b.TrackMeetings {
		for j := range b.TrackMeetings[i].StatusHistory {
			c := &b.TrackMeetings[i].StatusHistory[j]
			if c.To == storage.StatusPostponed {
				c.Recorded = time.Date(2016, 6, 20, 0, 0, 0, 0, time.UTC) // typed in years later
				c.Happened = storage.PartialDate{Year: 2014, Month: 3, Day: 18}
			}
		}
	}
	path := draftPack(t, b)
	all := strings.Join(strings.Fields(tool(t, "pdftotext", "-enc", "UTF-8", path, "-")), " ")
	assert.Contains(t, all, "Date Meeting Change Reason")
	assert.Contains(t, all, "18 Mar 2014 Putin's official visit to Japan From tentative to postponed", "dated when it happened")
	assert.NotContains(t, all, "20 Jun 2016 Putin's official visit to Japan From tentative to postponed")
}

// A change dated only when it was typed in keeps its place before the later changes of its
// meeting that carry the day they happened: the sample's visit was planned, then postponed.
func TestPackKeepsAMeetingsChangesInOrder(t *testing.T) {
	path := writePackFile(t, sampleBriefing(t, sample.TokyoRoundID), PackOptions{HomeZone: london(t), PreparedOn: fixedClock})
	all := strings.Join(strings.Fields(tool(t, "pdftotext", "-enc", "UTF-8", path, "-")), " ")
	// The history's table (since the last round shows the latest change too).
	at := strings.LastIndex(all, "Status changes Date Meeting Change Reason")
	require.GreaterOrEqual(t, at, 0, all)
	all = all[at:]
	planned := strings.Index(all, "Recorded as tentative")
	postponed := strings.Index(all, "From tentative to postponed")
	again := strings.Index(all, "From postponed to tentative")
	require.True(t, planned >= 0 && postponed >= 0 && again >= 0, all)
	assert.Less(t, planned, postponed)
	assert.Less(t, postponed, again)
}

// An approximate date keeps its "c." in the pack's long dates as everywhere else.
func TestLongDateApproximate(t *testing.T) {
	for _, tc := range []struct{ typed, want string }{
		{"c. 2016", "c. 2016"}, {"about June 2016", "c. June 2016"}, {"June 2016", "June 2016"},
	} {
		f, err := storage.ParseFuzzyDate(tc.typed)
		require.NoError(t, err)
		assert.Equal(t, tc.want, longDate(f), tc.typed)
	}
}

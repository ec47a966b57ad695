package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
)

// The meeting page shows what changed since the last round, the open commitments of earlier
// rounds, and the pre-flight check beside the export button, as the pack works them out.
func TestMeetingPageShowsTheSeries(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	p := newMeetingPage(u, sample.TokyoRoundID)
	u.push(p)
	got := texts(p.series.box)
	assert.Contains(t, got, "Since Peace treaty consultations, round 1 — Moscow (Oct 2015)")
	assert.Contains(t, got, "Fumio Kishida, ")
	assert.Contains(t, got, "Open commitments of earlier rounds")
	assert.Contains(t, got, "OVERDUE: Japan — [Illustrative] Send Russia Japan's ideas for economic cooperation")
	assert.NotContains(t, got, "Propose dates for the second round", "a done commitment is not open")

	require.True(t, p.series.check.Visible())
	assert.Equal(t, "Pre-flight: 1 important", p.series.check.Text)
	test.Tap(p.series.check)
	assert.Contains(t, texts(overlay(t, u)), "IMPORTANT · Open commitments: Still open, due by end of May 2016")
}

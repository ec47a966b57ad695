package cli

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

func TestCheckATitleOnlyMeeting(t *testing.T) {
	db := sampleDB(t)
	m := storage.Meeting{Title: "Round 3, Moscow", Status: storage.StatusProposed}
	withStore(t, db, func(ctx context.Context, s *storage.Store) error { return s.CreateMeeting(ctx, &m) })

	stdout := runOK(t, "check", "--db", db, "--meeting", m.ID)
	assert.Contains(t, stdout, "The brief for “Round 3, Moscow” lacks 3 essential, 3 important, 2 advisable:")
	assert.Contains(t, stdout, "  ESSENTIAL  No objectives: say what the delegation wants from the meeting.")
	assert.Contains(t, stdout, "  ADVISABLE  No scenario: a timed agenda with who speaks first.")

	stdout = runOK(t, "check", "--db", db, "--json", "--meeting", m.ID)
	var rep struct {
		Findings []struct{ Importance, Part, Text string }
	}
	require.NoError(t, json.Unmarshal([]byte(stdout), &rep))
	require.Len(t, rep.Findings, 8)
	assert.Equal(t, "essential", rep.Findings[0].Importance)
	assert.Equal(t, "Objectives", rep.Findings[0].Part)

	code, _, stderr := run(t, "check", "--db", db, "--meeting", "nope")
	assert.Equal(t, 1, code)
	assert.Contains(t, stderr, "There is no meeting nope")
	code, _, _ = run(t, "check", "--db", db)
	assert.Equal(t, 2, code)

	stdout = runOK(t, "check", "--db", db, "--meeting", sample.TokyoRoundID)
	assert.Contains(t, stdout, "The brief for “Peace treaty consultations, round 2 — Tokyo”")
}

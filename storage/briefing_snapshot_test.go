//go:build sqlite_fts5

package storage

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A briefing gathered while the user saves shows the dossier in one state: the save that
// lands after the meeting was read shows in none of the briefing's parts.
func TestBriefingIsOneSnapshot(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	require.NoError(t, s.SetSetting(ctx, "marking", "OFFICIAL"))

	saved := false
	afterBriefingMeeting = func() {
		saved = true
		// The user renames a participant, changes the marking and reschedules the previous
		// round, from another connection, while the pack is being gathered.
		a, err := s.Actor(context.Background(), w.morgulov.ID)
		require.NoError(t, err)
		a.Name = "Igor V. Morgulov"
		require.NoError(t, s.UpdateActor(context.Background(), &a))
		require.NoError(t, s.SetSetting(context.Background(), "marking", "SECRET"))
		prev, err := s.Meeting(context.Background(), w.moscow.ID)
		require.NoError(t, err)
		prev.Outcome = "Agreed to meet again in Tokyo."
		require.NoError(t, s.UpdateMeeting(context.Background(), &prev))
	}
	t.Cleanup(func() { afterBriefingMeeting = nil })

	b, err := s.Briefing(ctx, w.tokyo.ID)
	require.NoError(t, err)
	require.True(t, saved, "the save ran in the middle of the briefing")
	require.Len(t, b.Participants, 2)
	assert.Equal(t, "Igor Morgulov", b.Participants[1].Actor.Name, "the participant as he was when the meeting was read")
	assert.Equal(t, "OFFICIAL", b.Marking)
	assert.Empty(t, b.PreviousRound.Outcome)
	for _, tm := range b.TrackMeetings {
		if tm.ID == w.moscow.ID {
			assert.Empty(t, tm.Outcome)
		}
	}

	// The save itself landed: the next briefing has it.
	afterBriefingMeeting = nil
	b, err = s.Briefing(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, "Igor V. Morgulov", b.Participants[1].Actor.Name)
	assert.Equal(t, "SECRET", b.Marking)
	assert.Equal(t, "Agreed to meet again in Tokyo.", b.PreviousRound.Outcome)
}

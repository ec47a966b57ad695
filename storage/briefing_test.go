//go:build sqlite_fts5

package storage_test

import (
	"context"
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/synth"
)

func TestBriefingOfTheTokyoRound(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Store(t)

	b, err := s.Briefing(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	assert.Equal(t, sample.TokyoRoundID, b.Meeting.ID)
	assert.Equal(t, sample.TrackID, b.Track.ID)
	assert.Equal(t, sample.MoscowRoundID, b.PreviousRound.ID)
	assert.Equal(t, sample.Marking, b.Marking)

	require.Len(t, b.Participants, len(b.Meeting.Participants))
	byActor := map[string]storage.BriefParticipant{}
	for i, p := range b.Participants {
		assert.Equal(t, b.Meeting.Participants[i].ActorID, p.Actor.ID, "in the meeting's order")
		byActor[p.ActorID] = p
	}
	assert.Equal(t, "原田親仁", byActor[sample.HaradaID].Actor.NativeName)
	assert.Contains(t, byActor[sample.MorgulovID].Actor.NativeName, "Моргулов")

	require.Len(t, b.Disputes, 1)
	assert.Equal(t, sample.DisputeID, b.Disputes[0].ID)

	ids := map[string]bool{}
	for _, m := range b.TrackMeetings {
		ids[m.ID] = true
		assert.NotEqual(t, sample.TokyoRoundID, m.ID, "the briefed meeting is not among the others")
	}
	for _, id := range []string{sample.MoscowRoundID, sample.VladivostokID, sample.PutinVisitID} {
		assert.True(t, ids[id], "track meeting %s", id)
	}
	for _, m := range b.TrackMeetings {
		if m.ID == sample.PutinVisitID {
			assert.NotEmpty(t, m.StatusHistory, "track meetings come with their status history")
		}
	}

	// Statements linked to the meeting or its dispute, by anyone, newest first, with speakers.
	require.NotEmpty(t, b.RecentStatements)
	found := false
	for i, st := range b.RecentStatements {
		found = found || st.ID == sample.KishidaHopeStatementID
		_, ok := b.Speakers[st.ActorID]
		assert.True(t, ok, "speaker of %s", st.ID)
		if i > 0 {
			assert.False(t, st.When.Lower().After(b.RecentStatements[i-1].When.Lower()), "newest first")
		}
	}
	assert.True(t, found, "Kishida's hopes for the talks are among the recent statements")

	// Every cited source is there.
	for _, st := range b.RecentStatements {
		if st.SourceID != "" {
			assert.Contains(t, b.Sources, st.SourceID)
		}
	}
	for _, f := range b.Disputes[0].Facts {
		if f.SourceID != "" {
			assert.Contains(t, b.Sources, f.SourceID)
		}
	}
}

func TestBriefingOfAnUnknownMeeting(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Empty(t)
	_, err := s.Briefing(ctx, "no-such-meeting")
	assert.True(t, errors.Is(err, storage.ErrNotFound), "%v", err)
}

func TestBriefingOfABareMeeting(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Empty(t)
	m := storage.Meeting{Title: "Consultations on fisheries", Status: storage.StatusProposed}
	require.NoError(t, s.CreateMeeting(ctx, &m))
	b, err := s.Briefing(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, "Consultations on fisheries", b.Meeting.Title)
	assert.Empty(t, b.Participants)
	assert.Empty(t, b.Disputes)
	assert.Empty(t, b.TrackMeetings)
	assert.Empty(t, b.RecentStatements)
	assert.Empty(t, b.Sources)
	assert.Equal(t, "", b.Track.ID)
}

// A meeting in a long track gets the nearest rounds in full and the others as summaries.
func TestBriefingInALongTrack(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Empty(t)
	_, err := synth.Generate(ctx, s, synth.Config{Meetings: 150, Actors: 20, Seed: 1}, nil)
	require.NoError(t, err)
	track, err := s.Meetings(ctx, storage.MeetingFilter{TrackID: "synth-track-00000"})
	require.NoError(t, err)
	require.Greater(t, len(track), 2*storage.BriefedRounds+1)
	middle := track[len(track)/2]

	b, err := s.Briefing(ctx, middle.ID)
	require.NoError(t, err)
	assert.Len(t, b.TrackMeetings, 2*storage.BriefedRounds)
	assert.Len(t, b.OlderTrackMeetings, len(track)/2-storage.BriefedRounds)
	assert.Equal(t, len(track)-1, len(b.OlderTrackMeetings)+len(b.TrackMeetings)+len(b.LaterTrackMeetings))
	assert.Equal(t, track[0].ID, b.OlderTrackMeetings[0].ID, "by date")
	assert.Equal(t, track[len(track)/2-1].ID, b.TrackMeetings[storage.BriefedRounds-1].ID, "the nearest earlier rounds in full")
}

// A dispute of a decade's talks has hundreds of statements: the briefing gives the newest.
func TestBriefingBoundsRecentStatements(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Empty(t)
	_, err := synth.Generate(ctx, s, synth.Config{Meetings: 100, Actors: 20, Quotes: 3000, Seed: 1}, nil)
	require.NoError(t, err)
	ms, err := s.Meetings(ctx, storage.MeetingFilter{})
	require.NoError(t, err)
	for _, sum := range ms {
		m, err := s.Meeting(ctx, sum.ID)
		require.NoError(t, err)
		if len(m.DisputeIDs) == 0 {
			continue
		}
		b, err := s.Briefing(ctx, m.ID)
		require.NoError(t, err)
		require.Len(t, b.RecentStatements, storage.BriefedStatements)
		assert.Positive(t, b.OlderStatements)
		for i := 1; i < len(b.RecentStatements); i++ {
			assert.False(t, b.RecentStatements[i].When.Lower().After(b.RecentStatements[i-1].When.Lower()), "newest first")
		}
		return
	}
	t.Fatal("no meeting with a dispute")
}

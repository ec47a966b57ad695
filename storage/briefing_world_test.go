//go:build sqlite_fts5

package storage

import (
	"context"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBriefingWorksOutTheNextRound(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	moscow := w.moscow
	moscow.Participants = []Participant{{ActorID: w.morgulov.ID, Role: RoleCounterpart}, {ActorID: w.kishida.ID, Role: RoleHead}}
	moscow.Outcome = "Agreed to meet again in Tokyo."
	moscow.Commitments = []Commitment{
		{Side: "Japan", What: "Send the list of projects", Due: mustDate(t, "2016-03"), Status: CommitmentOpen},
		{ActorID: w.morgulov.ID, What: "Propose dates", Due: mustDate(t, "by 2016-12"), Status: CommitmentOpen},
		{Side: "Russia", What: "Reply on visas", Status: CommitmentDone},
	}
	require.NoError(t, s.UpdateMeeting(ctx, &moscow))
	said := Statement{ActorID: w.morgulov.ID, Text: "Good talks.", When: mustDate(t, "2015-10-08"), MeetingID: moscow.ID}
	require.NoError(t, s.CreateStatement(ctx, &said))
	since := Statement{ActorID: w.morgulov.ID, Text: "The new approach is welcome.", When: mustDate(t, "2016-05-07")}
	require.NoError(t, s.CreateStatement(ctx, &since))
	d := w.dispute
	d.Positions = []Position{{Party: "Japan", Text: "A settlement in stages could be discussed."}}
	d.Facts = append(d.Facts, KeyFact{Label: "Joint activity", Value: "Proposed in May 2016"})
	require.NoError(t, s.UpdateDispute(ctx, &d))

	b, err := s.Briefing(ctx, w.tokyo.ID)
	require.NoError(t, err)
	c := b.SinceLastRound
	require.NotNil(t, c)
	assert.Equal(t, time.Date(2015, 11, 1, 0, 0, 0, 0, time.UTC), c.Since.UTC(), "after October 2015")
	require.Len(t, c.Statements, 1, "the statement of May 2016: not the one at round 1, nor the one at the Tokyo round itself")
	assert.Equal(t, since.ID, c.Statements[0].ID)
	require.Len(t, c.Positions, 1)
	assert.Equal(t, PositionChange{DisputeTitle: d.Title, Party: "Japan", Was: "The islands are inherent Japanese territory.",
		Now: "A settlement in stages could be discussed.", Until: c.Positions[0].Until}, c.Positions[0])
	// The test's world was built in June 2016, so both facts were recorded after the round.
	require.Len(t, c.Facts, 2)
	assert.Equal(t, "Joint activity", c.Facts[1].Fact.Label)
	assert.Empty(t, c.Timeline, "the 1956 entry is older")
	require.Len(t, c.Joined, 1)
	assert.Equal(t, w.harada.ID, c.Joined[0].ID)
	require.Len(t, c.Left, 1)
	assert.Equal(t, w.kishida.ID, c.Left[0].ID)

	require.Len(t, b.OpenCommitments, 2)
	assert.Equal(t, CommitmentOverdue, b.OpenCommitments[0].Status, "due in March, the meeting in June")
	assert.Equal(t, "Send the list of projects", b.OpenCommitments[0].What)
	assert.Equal(t, CommitmentOpen, b.OpenCommitments[1].Status)
	assert.Equal(t, "Moscow round", b.OpenCommitments[1].MeetingTitle)

	var morgulov, harada BriefParticipant
	for _, p := range b.Participants {
		switch p.ActorID {
		case w.morgulov.ID:
			morgulov = p
		case w.harada.ID:
			harada = p
		}
	}
	require.NotNil(t, morgulov.LastMet)
	assert.Equal(t, moscow.ID, morgulov.LastMet.Meeting.ID)
	assert.Equal(t, "Agreed to meet again in Tokyo.", morgulov.LastMet.Meeting.Outcome)
	require.Len(t, morgulov.LastMet.Statements, 1)
	assert.Equal(t, "Good talks.", morgulov.LastMet.Statements[0].Text)
	assert.Nil(t, harada.LastMet, "never met before")

	// A meeting without a previous round has nothing to compare.
	b, err = s.Briefing(ctx, w.moscow.ID)
	require.NoError(t, err)
	assert.Nil(t, b.SinceLastRound)
	assert.Empty(t, b.OpenCommitments)
}

// A dispute's fact sheet in a brief lists the other meetings linked to the dispute, by date:
// the BriefedDisputeMeetings nearest the briefed one, with the rest counted.
func TestBriefingListsTheMeetingsOnItsDisputes(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	b, err := s.Briefing(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Empty(t, b.DisputeMeetings[w.dispute.ID], "the Tokyo round is the only meeting on it")

	// 20 more rounds a month apart, from Jan 2015 on: 17 before the Tokyo round (Jun 2016), 3 after.
	var ids []string
	for i := range 20 {
		m := Meeting{Title: fmt.Sprintf("Round %02d", i), Status: StatusHeld,
			When: InMonth(2015+i/12, time.Month(1+i%12)), DisputeIDs: []string{w.dispute.ID}}
		require.NoError(t, s.CreateMeeting(ctx, &m))
		ids = append(ids, m.ID)
	}
	all, err := s.MeetingsOfDispute(ctx, w.dispute.ID, nil)
	require.NoError(t, err)
	require.Len(t, all, 21)
	assert.Equal(t, ids[0], all[0].ID, "by date")
	_, err = s.MeetingsOfDispute(ctx, "no-such-dispute", nil)
	assert.ErrorIs(t, err, ErrNotFound)

	b, err = s.Briefing(ctx, w.tokyo.ID)
	require.NoError(t, err)
	got := b.DisputeMeetings[w.dispute.ID]
	require.Len(t, got, BriefedDisputeMeetings)
	assert.Equal(t, 20-BriefedDisputeMeetings, b.OtherDisputeMeetings[w.dispute.ID])
	for _, m := range got {
		assert.NotEqual(t, w.tokyo.ID, m.ID, "not the briefed meeting itself")
	}
	// Round 17 is June 2016, the Tokyo round's month: six before it in the date order, the rest after.
	assert.Equal(t, ids[20-BriefedDisputeMeetings], got[0].ID)
	assert.Equal(t, ids[19], got[len(got)-1].ID)
}

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

// Every read a briefing makes joins its snapshot: on one connection, in one state. A read that
// took a connection of its own would, once the file has been moved away, open a new empty
// database at the old path — which is how this test sees it.
func TestBriefingReadsOnItsSnapshotOnly(t *testing.T) {
	s, w := newWorld(t)
	ctx := context.Background()
	_, err := s.Meeting(ctx, w.tokyo.ID) // one connection open and idle
	require.NoError(t, err)
	require.NoError(t, os.Rename(s.Path(), s.Path()+".moved"))
	_, err = s.Briefing(ctx, w.tokyo.ID)
	require.NoError(t, err)
	_, err = os.Stat(s.Path())
	assert.True(t, os.IsNotExist(err), "no second connection was opened")
}

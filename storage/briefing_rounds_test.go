//go:build sqlite_fts5

package storage

import (
	"context"
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

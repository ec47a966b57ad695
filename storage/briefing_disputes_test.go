package storage

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

//go:build sqlite_fts5

package storage

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The counts agree with what Meetings lists: upcoming as From: now lists them, past as every
// dated meeting over by now.
func TestCountMeetingsAround(t *testing.T) {
	ctx := context.Background()
	s, _ := newWorld(t)
	all, err := s.Meetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	for _, now := range []time.Time{
		time.Date(1990, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2016, 6, 20, 12, 0, 0, 0, time.UTC),
		time.Date(2016, 6, 22, 3, 0, 0, 0, time.UTC),
		time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC),
	} {
		t.Run(now.Format(time.DateTime), func(t *testing.T) {
			up, err := s.Meetings(ctx, MeetingFilter{From: now})
			require.NoError(t, err)
			past := 0
			for _, m := range all {
				if !m.When.IsZero() && !m.When.Upper().After(now) {
					past++
				}
			}
			gotUp, gotPast, err := s.CountMeetingsAround(ctx, now)
			require.NoError(t, err)
			assert.Equal(t, len(up), gotUp, "upcoming")
			assert.Equal(t, past, gotPast, "past")
		})
	}
}

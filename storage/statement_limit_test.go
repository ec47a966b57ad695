package storage

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A Limit keeps the newest statements of the filter, in the order of the whole list, and
// StatementCount counts the whole list whatever the Limit.
func TestStatementsLimitKeepsTheNewest(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	for i := 1; i <= 5; i++ {
		st := Statement{ActorID: w.morgulov.ID, Text: fmt.Sprintf("statement %d", i),
			When: mustDate(t, fmt.Sprintf("2017-0%d", i)), DisputeID: w.dispute.ID}
		require.NoError(t, s.CreateStatement(ctx, &st))
	}
	f := StatementFilter{DisputeID: w.dispute.ID}
	all, err := s.Statements(ctx, f)
	require.NoError(t, err)
	require.Len(t, all, 6) // the world's quote and these five
	for _, tc := range []struct {
		limit, want int
	}{{0, 6}, {2, 2}, {6, 6}, {10, 6}} {
		f.Limit = tc.limit
		got, err := s.Statements(ctx, f)
		require.NoError(t, err)
		assert.Equal(t, all[:tc.want], got, "limit %d", tc.limit)
		n, err := s.StatementCount(ctx, f)
		require.NoError(t, err)
		assert.Equal(t, 6, n, "limit %d", tc.limit)
	}
	assert.Equal(t, "statement 5", all[0].Text)
	n, err := s.StatementCount(ctx, StatementFilter{ActorID: w.morgulov.ID, MeetingID: w.tokyo.ID})
	require.NoError(t, err)
	assert.Equal(t, 1, n)
}

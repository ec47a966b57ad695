//go:build sqlite_fts5

package storage

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

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

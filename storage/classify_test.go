//go:build sqlite_fts5

package storage

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A database that cannot grow fails a write with ErrDiskFull, and the write leaves nothing
// behind. SQLite's max_page_count gives the same SQLITE_FULL as a full disk.
func TestDiskFullIsErrDiskFull(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	s.db.SetMaxOpenConns(1) // the pragma below holds for one connection
	var pages int
	require.NoError(t, s.db.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages))
	_, err := s.db.ExecContext(ctx, fmt.Sprintf(`PRAGMA max_page_count = %d`, pages))
	require.NoError(t, err)

	m := Meeting{Title: "Round 3", Status: StatusProposed, Purpose: strings.Repeat("A long purpose. ", 20000)}
	err = s.CreateMeeting(ctx, &m)
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrDiskFull)
	list, err := s.Meetings(ctx, MeetingFilter{})
	require.NoError(t, err)
	assert.Empty(t, list, "the failed write rolled back whole")
}

func TestClassifyFileErrors(t *testing.T) {
	for _, tc := range []struct {
		name     string
		err      error
		diskFull bool
	}{
		{"no space left", &fs.PathError{Op: "write", Path: "/media/usb/brief.pdf", Err: syscall.ENOSPC}, true},
		{"wrapped", fmt.Errorf("write pack: %w", &fs.PathError{Op: "write", Path: "x", Err: syscall.ENOSPC}), true},
		{"permission", &fs.PathError{Op: "open", Path: "x", Err: syscall.EACCES}, false},
		{"words are not enough", errors.New("database or disk is full"), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Classify(tc.err)
			assert.Equal(t, tc.diskFull, errors.Is(got, ErrDiskFull))
			assert.ErrorIs(t, got, tc.err, "the original error stays in the chain")
		})
	}
	assert.NoError(t, Classify(nil))
}

//go:build sqlite_fts5

package storage

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A backup taken while a writer commits is a consistent copy, and the test proves that a
// write committed while the copy was being made.
//
// The writer numbers its tracks 1, 2, 3, … and counts each when it starts (started) and once
// it has committed (done). Backup's VACUUM INTO reads one snapshot, so the copy holds exactly
// tracks 1…n for some n: every write done before Backup was called is in it (n ≥ done then)
// and none that had not started when it returned (n ≤ started then). Write k > n is not in
// the snapshot, so it committed after the copy began reading. After each commit the writer
// also notes the size of the copy being written: VACUUM INTO has not finished while that file
// is shorter than it ends up, so a write k > n that saw the copy short committed before the
// copy was complete. Both together prove the overlap without a hook in storage; counters read
// only after Backup returns could not, because writes that commit between the copy's end and
// the caller resuming would look the same. Backups are repeated, each to a new file, until one
// overlaps, for at most overlapDeadline; none overlapping fails the test.
//
// The copy is made in steps of backupStep pages inside one read transaction: with steps of 16
// pages, commits land between the steps of one copy, which must still be one snapshot.
func TestBackupWhileWriting(t *testing.T) {
	for _, tc := range []struct {
		name string
		step int
	}{
		{"in steps of 16 MB", backupStep},
		{"in steps of 16 pages", 16},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(step int) { backupStep = step }(backupStep)
			backupStep = tc.step
			backupWhileWriting(t)
		})
	}
}

func backupWhileWriting(t *testing.T) {
	const overlapDeadline = 5 * time.Second
	ctx := context.Background()
	s, w := newWorld(t)
	// Some bulk, so that each copy takes long enough for commits to land while it runs.
	bulk := strings.Repeat("Consultations on the peace treaty and the islands. ", 400)
	for i := range 40 {
		require.NoError(t, s.CreateTrack(ctx, &Track{Title: fmt.Sprintf("Bulk %d", i), Summary: bulk}))
	}

	// sighting is write k having committed while the copy at dest was size bytes long (-1: not
	// there yet).
	type sighting struct {
		k    int64
		dest string
		size int64
	}
	var (
		started, done atomic.Int64
		current       atomic.Pointer[string] // the copy being written
		mu            sync.Mutex
		sightings     []sighting
	)
	stop := make(chan struct{})
	writeErr := make(chan error, 1)
	go func() {
		defer close(writeErr)
		for k := int64(1); ; k++ {
			select {
			case <-stop:
				return
			default:
			}
			started.Store(k)
			if err := s.CreateTrack(ctx, &Track{Title: fmt.Sprintf("Writer %d", k)}); err != nil {
				writeErr <- fmt.Errorf("write %d: %w", k, err)
				return
			}
			done.Store(k)
			if dest := current.Load(); dest != nil {
				size := int64(-1)
				if info, err := os.Stat(*dest); err == nil {
					size = info.Size()
				}
				mu.Lock()
				sightings = append(sightings, sighting{k, *dest, size})
				mu.Unlock()
			}
		}
	}()
	stopWriter := func() error {
		select {
		case <-stop:
		default:
			close(stop)
		}
		return <-writeErr
	}
	t.Cleanup(func() { stopWriter() })

	dir := t.TempDir()
	deadline := time.Now().Add(overlapDeadline)
	var dest string
	overlapped := false
	for attempt := 1; !overlapped && time.Now().Before(deadline); attempt++ {
		path := filepath.Join(dir, fmt.Sprintf("copy-%d.db", attempt))
		dest = path
		current.Store(&path) // a string of its own: the writer reads it
		doneBefore := done.Load()
		require.NoError(t, s.Backup(ctx, dest), "attempt %d", attempt)
		startedAfter := started.Load()
		info, err := os.Stat(dest)
		require.NoError(t, err)

		n := writerTracksIn(t, dest)
		require.GreaterOrEqual(t, n, doneBefore, "attempt %d: the copy has every write committed before the backup began", attempt)
		require.LessOrEqual(t, n, startedAfter, "attempt %d: the copy has no write begun after the backup ended", attempt)
		var during []int64
		mu.Lock()
		for _, sg := range sightings {
			if sg.dest == dest && sg.k > n && sg.size >= 0 && sg.size < info.Size() {
				during = append(during, sg.k)
			}
		}
		mu.Unlock()
		overlapped = len(during) > 0
		t.Logf("attempt %d: %d writes done at the start, %d in the copy (%d bytes), %d committed while it was written",
			attempt, doneBefore, n, info.Size(), len(during))
	}
	current.Store(nil)
	require.NoError(t, stopWriter())
	require.True(t, overlapped, "no write committed while a backup was being written, in %v of tries", overlapDeadline)

	if runtime.GOOS != "windows" {
		info, err := os.Stat(dest)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	}

	// The copy that overlapped a write is a whole Parley database.
	c, err := Open(ctx, dest)
	require.NoError(t, err, "the copy is a Parley database (Open runs quick_check)")
	defer c.Close()
	assert.False(t, c.Created())
	var integrity []string
	rows, err := c.db.QueryContext(ctx, `PRAGMA integrity_check`)
	require.NoError(t, err)
	for rows.Next() {
		var line string
		require.NoError(t, rows.Scan(&line))
		integrity = append(integrity, line)
	}
	require.NoError(t, rows.Err())
	assert.Equal(t, []string{"ok"}, integrity, "PRAGMA integrity_check, which includes the search index's")
	holdsMeeting(t, c, w.tokyo)
	hits, err := c.Search(ctx, "北方領土", 5)
	require.NoError(t, err)
	assert.NotEmpty(t, hits)
}

// writerTracksIn opens the backup at path and returns n when it holds exactly the writer's
// tracks "Writer 1" … "Writer n", failing the test when they are not such a prefix (a copy
// that is not one snapshot).
func writerTracksIn(t *testing.T, path string) int64 {
	t.Helper()
	c, err := Open(context.Background(), path)
	require.NoError(t, err, "the copy is a Parley database")
	defer c.Close()
	tracks, err := c.Tracks(context.Background())
	require.NoError(t, err)
	seen := map[int64]bool{}
	for _, tr := range tracks {
		var k int64
		if _, err := fmt.Sscanf(tr.Title, "Writer %d", &k); err == nil {
			seen[k] = true
		}
	}
	n := int64(len(seen))
	for k := int64(1); k <= n; k++ {
		require.True(t, seen[k], "the copy has writes 1…%d without gaps; %d is missing", n, k)
	}
	return n
}

func TestBackupRefusesExistingFile(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	dest := filepath.Join(t.TempDir(), "precious.txt")
	require.NoError(t, os.WriteFile(dest, []byte("do not overwrite"), 0o600))
	err := s.Backup(ctx, dest)
	require.ErrorIs(t, err, fs.ErrExist)
	b, err := os.ReadFile(dest)
	require.NoError(t, err)
	assert.Equal(t, "do not overwrite", string(b))

	err = s.Backup(ctx, s.Path())
	require.ErrorIs(t, err, fs.ErrExist, "nor the database itself")
}

func TestBackupIntoMissingFolder(t *testing.T) {
	s, _ := newStore(t)
	dest := filepath.Join(t.TempDir(), "no", "such", "folder", "copy.db")
	require.Error(t, s.Backup(context.Background(), dest))
	_, err := os.Stat(dest)
	assert.ErrorIs(t, err, fs.ErrNotExist, "nothing half-written is left")
}

// BackupFile copies a database another Store holds open (a Parley window) without its lock.
func TestBackupFileWhileOpenElsewhere(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	_, err := Open(ctx, s.Path())
	require.ErrorIs(t, err, ErrLocked, "a second Store is refused…")

	dest := filepath.Join(t.TempDir(), "copy.db")
	require.NoError(t, BackupFile(ctx, s.Path(), dest), "…but a backup is not")
	c, err := Open(ctx, dest)
	require.NoError(t, err)
	defer c.Close()
	holdsMeeting(t, c, w.tokyo)
}

func TestBackupFileRefusesWhatIsNotParley(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "notes.txt")
	require.NoError(t, os.WriteFile(src, []byte("not a database at all, just notes"), 0o600))
	before := fileSum(t, src)
	dest := filepath.Join(dir, "copy.db")
	require.ErrorIs(t, BackupFile(context.Background(), src, dest), ErrNotParley)
	assert.Equal(t, before, fileSum(t, src))
	_, err := os.Stat(dest)
	assert.ErrorIs(t, err, fs.ErrNotExist)
}

func countMeetings(t *testing.T, path string) int {
	t.Helper()
	s, err := Open(context.Background(), path)
	require.NoError(t, err)
	defer s.Close()
	list, err := s.Meetings(context.Background(), MeetingFilter{})
	require.NoError(t, err)
	return len(list)
}

// A backup brought back replaces the dossier, whose state before is kept beside it.
func TestRestore(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "dossier.db")
	writeDatabase(t, path) // four meetings
	backup := filepath.Join(dir, "backup.db")
	require.NoError(t, BackupFile(ctx, path, backup))

	s, err := Open(ctx, path)
	require.NoError(t, err)
	m := Meeting{Title: "A meeting added after the backup", Status: StatusProposed}
	require.NoError(t, s.CreateMeeting(ctx, &m))

	_, err = Restore(ctx, path, backup, time.Now())
	require.ErrorIs(t, err, ErrLocked, "not while a window holds the dossier")
	require.NoError(t, s.Close())

	kept, err := Restore(ctx, path, backup, time.Date(2016, 6, 21, 9, 30, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, filepath.Join(dir, "dossier.before-restore-20160621-093000.db"), kept)
	assert.Equal(t, 4, countMeetings(t, path), "the dossier is the backup again")
	assert.Equal(t, 5, countMeetings(t, kept), "and what it was is kept")

	other := filepath.Join(dir, "notes.db")
	require.NoError(t, os.WriteFile(other, []byte("not a database at all, just some notes"), 0o600))
	before := fileSum(t, path)
	_, err = Restore(ctx, path, other, time.Now())
	require.ErrorIs(t, err, ErrNotParley)
	assert.Equal(t, before, fileSum(t, path), "a refused copy changes nothing")
}

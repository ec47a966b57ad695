package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

// run runs the command line as main would and returns its exit status and output.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code = Run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// sampleDB creates a database with the sample dossier in a temporary folder.
func sampleDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "parley.db")
	code, out, errOut := run(t, "init", "--db", db)
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "with the sample dossier")
	return db
}

// emptyDB is a new empty database under t.TempDir().
func emptyDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "parley.db")
	code, out, errOut := run(t, "init", "--empty", "--db", db)
	require.Equal(t, 0, code, errOut)
	require.Contains(t, out, "empty database")
	return db
}

// readFile is the content of path.
func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

// fileNames are the names of the files in dir.
func fileNames(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

// writeFile writes content to path, readable by its owner only.
func writeFile(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
}

// withStore opens the database at db as the window does, hands it to use and closes it.
func withStore(t *testing.T, db string, use func(ctx context.Context, s *storage.Store) error) {
	t.Helper()
	ctx := context.Background()
	s, err := storage.Open(ctx, db)
	require.NoError(t, err)
	require.NoError(t, use(ctx, s))
	require.NoError(t, s.Close())
}

// fixClock makes the commands' clock (now) say at until the test ends.
func fixClock(t *testing.T, at time.Time) {
	saved := now
	now = func() time.Time { return at }
	t.Cleanup(func() { now = saved })
}

// runOK runs the command line as run does, requires it to succeed and returns its output.
func runOK(t *testing.T, args ...string) (stdout string) {
	t.Helper()
	code, stdout, stderr := run(t, args...)
	require.Equal(t, 0, code, stderr)
	return stdout
}

//go:build sqlite_fts5

package storage

import (
	"os"
	"testing"
)

// tempDir gives a test a folder of its own: t.TempDir, except under Wine (`make windows-lock`
// sets PARLEY_TEST_UNDER_WINE). Wine 8 cannot delete a file the way Go 1.26 asks Windows to
// (FileDispositionInformationEx answers "Invalid function"), so t.TempDir's clean-up fails every
// test there whatever the test found. Under Wine the folder is removed as far as Wine allows and
// the test reports only its own result; the folder lives in the Wine prefix, never the user's.
func tempDir(t testing.TB) string {
	t.Helper()
	if os.Getenv("PARLEY_TEST_UNDER_WINE") == "" {
		return t.TempDir()
	}
	dir, err := os.MkdirTemp("", "parley-test-")
	if err != nil {
		t.Fatalf("a folder for the test: %v", err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	return dir
}

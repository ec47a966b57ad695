// Package sampletest opens fresh databases for the tests of other packages: an empty one, or
// one holding the sample dossier. Each lies under t.TempDir() and is closed when the test ends.
package sampletest

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// Empty is a fresh, empty database.
func Empty(t testing.TB) *storage.Store {
	t.Helper()
	s, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "parley.db"))
	if err != nil {
		t.Fatalf("open a fresh database: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Store is a fresh database holding the sample dossier.
func Store(t testing.TB) *storage.Store {
	t.Helper()
	s := Empty(t)
	if err := sample.Load(context.Background(), s); err != nil {
		t.Fatalf("load the sample dossier: %v", err)
	}
	return s
}

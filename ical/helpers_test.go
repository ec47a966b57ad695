package ical_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

func openStore(t *testing.T) *storage.Store {
	t.Helper()
	s, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "parley.db"))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	return s
}

func withSample(t *testing.T) *storage.Store {
	t.Helper()
	s := openStore(t)
	require.NoError(t, sample.Load(context.Background(), s))
	return s
}

// dossierJSON is everything s holds, as JSON, to tell whether anything changed.
func dossierJSON(t *testing.T, s *storage.Store) string {
	t.Helper()
	d, err := s.Dossier(context.Background())
	require.NoError(t, err)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	return string(b)
}

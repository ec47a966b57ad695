package ical_test

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

// dossierJSON is everything s holds, as JSON, to tell whether anything changed.
func dossierJSON(t *testing.T, s *storage.Store) string {
	t.Helper()
	d, err := s.Dossier(context.Background())
	require.NoError(t, err)
	b, err := json.Marshal(d)
	require.NoError(t, err)
	return string(b)
}

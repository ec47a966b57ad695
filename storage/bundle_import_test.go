//go:build sqlite_fts5

package storage

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func opener(b []byte) func() (io.ReadCloser, error) {
	return func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
}

// ImportBundle stores what ReadBundle and ImportDossier store, and reports the same.
func TestImportBundleLikeImportDossier(t *testing.T) {
	ctx := context.Background()
	src, _ := newStore(t)
	richWorld(t, src)
	bundle := bundleOf(t, src, exportTime)

	whole, _ := newStore(t)
	d, err := ReadBundle(bytes.NewReader(bundle))
	require.NoError(t, err)
	want, err := whole.ImportDossier(ctx, d)
	require.NoError(t, err)

	streamed, _ := newStore(t)
	var last, total int
	got, err := streamed.ImportBundle(ctx, opener(bundle), func(done, all int) { last, total = done, all })
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, total, last)
	a, err := whole.Dossier(ctx)
	require.NoError(t, err)
	b, err := streamed.Dossier(ctx)
	require.NoError(t, err)
	assert.Equal(t, a, b)

	again, err := streamed.ImportBundle(ctx, opener(bundle), nil)
	require.NoError(t, err)
	assert.Equal(t, len(a.Meetings), again.Meetings.Unchanged, "a second import changes nothing")
}

func TestImportBundleRefusesAndChangesNothing(t *testing.T) {
	ctx := context.Background()
	src, w := newWorld(t)
	good := string(bundleOf(t, src, exportTime))
	for _, c := range []struct {
		name, text, message, field string
	}{
		{"not JSON", "PK\x03\x04 a zip file", "not a Parley bundle", ""},
		{"cut short", good[:len(good)/2], "not a Parley bundle", ""},
		{"newer version", strings.Replace(good, `"version": 4`, `"version": 5`, 1), "newer Parley", ""},
		{"unknown part", strings.Replace(good, `"settings": {}`, `"settings": {}, "weather": []`, 1), `"weather"`, ""},
		{"bad date", strings.Replace(good, `"date": "2016-06-22T10:00:00+09:00"`, `"date": "2016-13-45"`, 1), "2016-13-45", "when"},
		{"terminal escape", strings.Replace(good, `"title": "Tokyo round",`, `"title": "Tokyo\u001b[2J round",`, 1), "U+001B", "title"},
		{"same ID twice", strings.Replace(good, `"id": "`+w.tokyo.ID+`"`, `"id": "`+w.vladivostok.ID+`"`, 1), "same ID", "id"},
		{"a reference to nothing", strings.Replace(good, `"actor_id": "`+w.harada.ID+`"`, `"actor_id": "nobody"`, 1), "nobody", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.NotEqual(t, good, c.text)
			dst, _ := newWorld(t)
			before, err := dst.Dossier(ctx)
			require.NoError(t, err)
			_, err = dst.ImportBundle(ctx, opener([]byte(c.text)), nil)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.message)
			if c.field != "" {
				assert.Equal(t, c.field, requireValidationError(t, err).Field)
			}
			after, err := dst.Dossier(ctx)
			require.NoError(t, err)
			assert.Equal(t, before, after, "all or nothing")
		})
	}
}

// A record may refer to one later in the file: the first pass collects the IDs.
func TestImportBundleForwardReference(t *testing.T) {
	ctx := context.Background()
	text := `{"format": "parley-bundle", "version": 2, "dossier": {
		"statements": [{"id": "st-1", "actor_id": "a-1", "text": "We welcome the talks.", "meeting_id": "m-1"}],
		"meetings": [{"id": "m-1", "title": "Tokyo round", "status": "held", "participants": [{"actor_id": "a-1", "role": "host"}]}],
		"actors": [{"id": "a-1", "kind": "person", "name": "Fumio Kishida"}]}}`
	s, err := Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	require.NoError(t, err)
	defer s.Close()
	rep, err := s.ImportBundle(ctx, opener([]byte(text)), nil)
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Statements.Created)
	assert.Equal(t, 1, rep.Meetings.Created)
	assert.Equal(t, 1, rep.Actors.Created)
}

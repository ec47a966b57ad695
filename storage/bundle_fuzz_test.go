//go:build sqlite_fts5

package storage_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// FuzzReadBundle: the bundle reader never panics on any bytes, and what it accepts is a
// dossier that writes back as a bundle it accepts again, unchanged.
func FuzzReadBundle(f *testing.F) {
	stamp := time.Date(2016, 6, 20, 9, 0, 0, 0, time.UTC)
	var real bytes.Buffer
	require.NoError(f, storage.WriteBundle(&real, sample.Dossier(), stamp))
	f.Add(real.Bytes())
	// A small one, so that the fuzzer's mutations reach the fields.
	var small bytes.Buffer
	require.NoError(f, storage.WriteBundle(&small, crashDossier("seed"), stamp))
	f.Add(small.Bytes())
	b := real.Bytes()
	for _, broken := range [][]byte{
		b[:len(b)/2], // cut short
		bytes.Replace(b, []byte(`"parley-bundle"`), []byte(`"other-bundle"`), 1),
		bytes.Replace(b, []byte(`"version": `), []byte(`"version": 9`), 1),
		bytes.Replace(small.Bytes(), []byte(`"status": "held"`), []byte(`"status": "exploded"`), 1),
		bytes.Replace(small.Bytes(), []byte(`"2016-06-01"`), []byte(`"2016-13-45"`), 1),
		bytes.Replace(small.Bytes(), []byte("Round 1"), []byte("Round \xff\x00"), 1),
		[]byte(`{"format": "parley-bundle", "version": 1, "dossier": null}`),
		[]byte(`{"format": "parley-bundle", "version": 1, "dossier": {"meetings": [{}]}}`),
		[]byte(`[]`), []byte(``), []byte(`{"format": 1}`),
	} {
		f.Add(broken)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := storage.ReadBundle(bytes.NewReader(data))
		if err != nil {
			return
		}
		require.NotNil(t, d)
		var once bytes.Buffer
		require.NoError(t, storage.WriteBundle(&once, d, stamp), "an accepted dossier writes")
		again, err := storage.ReadBundle(bytes.NewReader(once.Bytes()))
		require.NoError(t, err, "an accepted dossier, written, reads back:\n%s", once.Bytes())
		var twice bytes.Buffer
		require.NoError(t, storage.WriteBundle(&twice, again, stamp))
		require.Equal(t, once.String(), twice.String(), "the dossier changed on its way through a bundle")
	})
}

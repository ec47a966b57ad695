//go:build sqlite_fts5

package synth_test

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/synth"
)

func build(t *testing.T, cfg synth.Config) (*storage.Store, synth.Report) {
	t.Helper()
	s, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "synth.db"))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	rep, err := synth.Generate(context.Background(), s, cfg, nil)
	require.NoError(t, err)
	return s, rep
}

func TestGenerateCounts(t *testing.T) {
	for _, c := range []struct {
		name string
		cfg  synth.Config
		want synth.Report
	}{
		{"small", synth.Config{Meetings: 100, Actors: 30, Quotes: 250, Seed: 1},
			synth.Report{Tracks: 2, Meetings: 100, Actors: 30, Statements: 250, Disputes: 5, Sources: 12}},
		{"batches smaller than the dossier", synth.Config{Meetings: 120, Actors: 25, Quotes: 301, Seed: 2, Batch: 50},
			synth.Report{Tracks: 2, Meetings: 120, Actors: 25, Statements: 301, Disputes: 5, Sources: 13}},
		{"statements without meetings", synth.Config{Actors: 3, Quotes: 7, Seed: 3},
			synth.Report{Actors: 3, Statements: 7, Disputes: 5, Sources: 10}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, rep := build(t, c.cfg)
			assert.Equal(t, c.want, rep)
			d, err := s.Dossier(context.Background())
			require.NoError(t, err)
			assert.Len(t, d.Meetings, c.want.Meetings)
			assert.Len(t, d.Actors, c.want.Actors)
			assert.Len(t, d.Statements, c.want.Statements)
			assert.Len(t, d.Tracks, c.want.Tracks)
			assert.Len(t, d.Disputes, c.want.Disputes)
			assert.Len(t, d.Sources, c.want.Sources)
		})
	}
}

func TestGenerateRefusesImpossibleCounts(t *testing.T) {
	for _, c := range []struct {
		name string
		cfg  synth.Config
	}{
		{"negative", synth.Config{Meetings: -1, Actors: 1}},
		{"meetings without actors", synth.Config{Meetings: 10}},
		{"statements without actors", synth.Config{Quotes: 10}},
	} {
		t.Run(c.name, func(t *testing.T) {
			s, err := storage.Open(context.Background(), filepath.Join(t.TempDir(), "synth.db"))
			require.NoError(t, err)
			defer s.Close()
			_, err = synth.Generate(context.Background(), s, c.cfg, nil)
			assert.Error(t, err)
		})
	}
}

// The same seed gives the same dossier, whatever the batch size; another seed another one.
func TestGenerateIsReproducible(t *testing.T) {
	cfg := synth.Config{Meetings: 60, Actors: 20, Quotes: 90, Seed: 7}
	dossier := func(cfg synth.Config) *storage.Dossier {
		s, _ := build(t, cfg)
		d, err := s.Dossier(context.Background())
		require.NoError(t, err)
		return d
	}
	first := dossier(cfg)
	cfg.Batch = 13
	assert.Equal(t, first, dossier(cfg))
	cfg.Seed = 8
	assert.NotEqual(t, first.Meetings[0].Title, dossier(cfg).Meetings[0].Title)
}

// What the measurements rely on: every script in the statements, every kind of date, rounds
// chained within their tracks, a full delegation every DelegationEvery meetings, progress
// reaching the total.
func TestGenerateIsRealistic(t *testing.T) {
	ctx := context.Background()
	s, err := storage.Open(ctx, filepath.Join(t.TempDir(), "synth.db"))
	require.NoError(t, err)
	defer s.Close()
	var last, total int
	_, err = synth.Generate(ctx, s, synth.Config{Meetings: 400, Actors: 60, Quotes: 600, Seed: 1, Batch: 100},
		func(done, all int) { last, total = done, all })
	require.NoError(t, err)
	assert.Equal(t, total, last)
	d, err := s.Dossier(ctx)
	require.NoError(t, err)

	scripts := map[string]bool{}
	for _, st := range d.Statements {
		for _, r := range st.Text {
			switch {
			case unicode.Is(unicode.Cyrillic, r):
				scripts["cyrillic"] = true
			case unicode.Is(unicode.Han, r):
				scripts["japanese"] = true
			case unicode.Is(unicode.Latin, r):
				scripts["latin"] = true
			}
		}
	}
	assert.Equal(t, map[string]bool{"cyrillic": true, "japanese": true, "latin": true}, scripts)

	kinds := map[storage.DateKind]int{}
	byID := map[string]storage.Meeting{}
	for _, m := range d.Meetings {
		kinds[m.When.Kind]++
		byID[m.ID] = m
		if lo := m.When.Lower(); !lo.IsZero() {
			assert.True(t, lo.Year() >= 1994 && lo.Year() <= 2026, "%s: %s", m.ID, m.When)
		}
	}
	for _, k := range []storage.DateKind{storage.DateExact, storage.DateDay, storage.DateMonth, storage.DateYear} {
		assert.Positive(t, kinds[k], "no %s dates", k)
	}
	for _, m := range d.Meetings {
		if m.PreviousRoundID != "" {
			prev := byID[m.PreviousRoundID]
			assert.Equal(t, m.TrackID, prev.TrackID, m.ID)
			assert.Equal(t, m.Round-1, prev.Round, m.ID)
		}
	}
	assert.Len(t, byID[synth.FullDelegation(0)].Participants, 20)
	assert.Len(t, byID[synth.FullDelegation(1)].Participants, 20)

	hits, err := s.Search(ctx, "北方領土", 5)
	require.NoError(t, err)
	assert.NotEmpty(t, hits)
}

// BenchmarkGenerate builds a dossier of PARLEY_SYNTH_MEETINGS meetings (default 10,000) with a
// fifth as many actors and three statements a meeting, the proportions of the issue's
// 100k/20k/300k dossier.
func BenchmarkGenerate(b *testing.B) {
	meetings := 10_000
	if v := os.Getenv("PARLEY_SYNTH_MEETINGS"); v != "" {
		n, err := strconv.Atoi(v)
		require.NoError(b, err)
		meetings = n
	}
	cfg := synth.Config{Meetings: meetings, Actors: meetings / 5, Quotes: 3 * meetings, Seed: 1}
	for b.Loop() {
		s, err := storage.Open(context.Background(), filepath.Join(b.TempDir(), "synth.db"))
		require.NoError(b, err)
		_, err = synth.Generate(context.Background(), s, cfg, nil)
		require.NoError(b, err)
		require.NoError(b, s.Close())
	}
	b.ReportMetric(float64(meetings), "meetings")
}

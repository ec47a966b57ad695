//go:build sqlite_fts5

package storage_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
)

// The keys list every actor in the order of Actors, with what a list shows of them.
func TestActorKeys(t *testing.T) {
	st := sampletest.Store(t)
	ctx := context.Background()
	all, err := st.Actors(ctx)
	require.NoError(t, err)
	keys, err := st.ActorKeys(ctx)
	require.NoError(t, err)
	require.Len(t, keys, len(all))
	for i, a := range all {
		k := keys[i]
		assert.Equal(t, a.ID, k.ID)
		assert.Equal(t, []string{a.Name, a.NativeName, a.Title, a.Organisation, a.Country, a.Role, string(a.Kind)},
			[]string{k.Name, k.NativeName, k.Title, k.Organisation, k.Country, k.Role, string(k.Kind)})
		assert.Equal(t, a.OtherNames, k.OtherNames, "in their order")
	}
}

// The participant picker's query: every word in one of an actor's names, in any case and
// script; at most limit of them.
func TestActorsMatching(t *testing.T) {
	st := sampletest.Store(t)
	ctx := context.Background()
	all, err := st.ActorKeys(ctx)
	require.NoError(t, err)
	for _, tc := range []struct {
		typed string
		limit int
		want  []string // IDs, by name; nil: the first limit actors
	}{
		{"Морг", 50, []string{sample.MorgulovID}},
		{"моргулов", 50, []string{sample.MorgulovID}},
		{"igor vladimirovich", 50, []string{sample.MorgulovID}},
		{"原田", 50, []string{sample.HaradaID}},
		{"harada AMBASSADOR", 50, []string{sample.HaradaID}},
		{"Igor Morgulov — Deputy Minister of Foreign Affairs", 50, []string{sample.MorgulovID}},
		{"russia deputy", 50, []string{sample.MorgulovID}},
		{"lavrov", 50, []string{}},
		{"100%", 50, []string{}},
		{"", 50, nil},
		{"  ", 3, nil},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			got, err := st.ActorsMatching(ctx, tc.typed, tc.limit)
			require.NoError(t, err)
			ids := []string{}
			for _, k := range got {
				ids = append(ids, k.ID)
			}
			want := tc.want
			if want == nil {
				want = []string{}
				for _, k := range all[:min(tc.limit, len(all))] {
					want = append(want, k.ID)
				}
			}
			assert.Equal(t, want, ids)
		})
	}
}

// A page's few actors are read by ID; an ID of no actor is left out.
func TestActorKeysByID(t *testing.T) {
	st := sampletest.Store(t)
	keys, err := st.ActorKeysByID(context.Background(), []string{sample.MorgulovID, "no-such-actor", sample.HaradaID})
	require.NoError(t, err)
	require.Len(t, keys, 2)
	assert.Equal(t, "Igor Morgulov", keys[sample.MorgulovID].Name)
	assert.Equal(t, []string{"Igor Vladimirovich Morgulov", "Игорь Владимирович Моргулов"}, keys[sample.MorgulovID].OtherNames)
	assert.Equal(t, "原田親仁", keys[sample.HaradaID].NativeName)
}

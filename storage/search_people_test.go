//go:build sqlite_fts5

package storage

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Searching an actor's name in any spelling finds the meetings they take part in, each saying
// why; the actor's own hit comes first, and a meeting found by its own text keeps its snippet.
func TestSearchFindsTheMeetingsOfAnActor(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	tests := []struct {
		name, query string
		snippet     string // the Tokyo round's snippet holds this
		why         string
	}{
		{"Latin name", "Morgulov", "[Morgulov]", "Igor Morgulov takes part"},
		{"Latin, lower case", "morgulov", "[Morgulov]", "Igor Morgulov takes part"},
		{"Cyrillic", "Моргулов", "Игорь [Моргулов]", "Igor Morgulov takes part"},
		{"Cyrillic, lower case", "моргулов", "Игорь [Моргулов]", "Igor Morgulov takes part"},
		{"first and last name", "Igor Morgulov", "[Igor] [Morgulov]", "Igor Morgulov takes part"},
		{"another spelling", "I. V.", "[I.] [V.] Morgulov", "Igor Morgulov takes part"},
		{"Japanese, two characters", "原田", "[原田]親仁", "Chikahito Harada takes part"},
		{"Japanese, whole name", "原田親仁", "[原田親仁]", "Chikahito Harada takes part"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := s.Search(ctx, tt.query, 20)
			require.NoError(t, err)
			h, ok := hitFor(hits, w.tokyo.ID)
			require.True(t, ok, "the Tokyo round is found: %+v", hits)
			assert.Equal(t, kindMeeting, h.Kind)
			assert.Equal(t, "Tokyo round", h.Title)
			assert.Equal(t, tt.why, h.Why)
			assert.Contains(t, h.Snippet, tt.snippet)
			_, ok = hitFor(hits, w.moscow.ID)
			assert.False(t, ok, "a meeting they do not take part in is not found")
			for i := 1; i < len(hits); i++ {
				assert.LessOrEqual(t, hits[i-1].Rank, hits[i].Rank, "best first")
			}
		})
	}
}

func TestSearchByParticipantsFollowsTheActor(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)

	// A word only in an actor's biography is no reason to list their meetings.
	a := w.harada
	a.Biography = "Counterpart of Ambassador Zhukovsky."
	require.NoError(t, s.UpdateActor(ctx, &a))
	hits, err := s.Search(ctx, "Zhukovsky", 20)
	require.NoError(t, err)
	_, ok := hitFor(hits, w.tokyo.ID)
	assert.False(t, ok, "%+v", hits)

	// Both participants match: both are named.
	hits, err = s.Search(ctx, "Japan", 20) // Harada's country, not his name
	require.NoError(t, err)
	h, ok := hitFor(hits, w.tokyo.ID)
	require.True(t, ok, "the Tokyo round's own text says Japan")
	assert.Empty(t, h.Why, "a country is not a name")

	a.OtherNames = []string{"Igor's counterpart"}
	require.NoError(t, s.UpdateActor(ctx, &a))
	hits, err = s.Search(ctx, "Igor", 20)
	require.NoError(t, err)
	h, ok = hitFor(hits, w.tokyo.ID)
	require.True(t, ok)
	assert.Equal(t, "Igor Morgulov and Chikahito Harada take part", h.Why)

	// A renamed actor is found by the new name at once; the limit holds.
	m := w.morgulov
	m.Name, m.NativeName, m.OtherNames = "Igor V. Morgoulov", "", nil
	require.NoError(t, s.UpdateActor(ctx, &m))
	hits, err = s.Search(ctx, "Morgoulov", 20)
	require.NoError(t, err)
	h, ok = hitFor(hits, w.tokyo.ID)
	require.True(t, ok, "%+v", hits)
	assert.Equal(t, "Igor V. Morgoulov takes part", h.Why)
	hits, err = s.Search(ctx, "Morgoulov", 1)
	require.NoError(t, err)
	assert.Len(t, hits, 1)

	// Removed from the meeting: no longer found through it.
	tk := w.tokyo
	tk.Participants = tk.Participants[:1]
	require.NoError(t, s.UpdateMeeting(ctx, &tk))
	hits, err = s.Search(ctx, "Morgoulov", 20)
	require.NoError(t, err)
	_, ok = hitFor(hits, w.tokyo.ID)
	assert.False(t, ok)
}

func TestTakePart(t *testing.T) {
	for _, tc := range []struct {
		names []string
		want  string
	}{
		{[]string{"A"}, "A takes part"},
		{[]string{"A", "B"}, "A and B take part"},
		{[]string{"A", "B", "C"}, "A, B and C take part"},
		{[]string{"A", "B", "C", "D", "E"}, "A, B, C and 2 others take part"},
	} {
		assert.Equal(t, tc.want, TakePart(tc.names))
	}
}

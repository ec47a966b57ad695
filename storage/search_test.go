//go:build sqlite_fts5

package storage

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hitFor returns the hit of the record with the ID, if any.
func hitFor(hits []Hit, id string) (Hit, bool) {
	for _, h := range hits {
		if h.ID == id {
			return h, true
		}
	}
	return Hit{}, false
}

func TestSearch(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)

	tests := []struct {
		name    string
		query   string
		kind    string
		id      string
		title   string
		snippet string // must appear in the hit's snippet
	}{
		{"Latin name", "Morgulov", kindActor, w.morgulov.ID, "Igor Morgulov", "[Morgulov]"},
		{"Latin, lower case", "morgulov", kindActor, w.morgulov.ID, "Igor Morgulov", "[Morgulov]"},
		{"Cyrillic, lower case", "моргулов", kindActor, w.morgulov.ID, "Igor Morgulov", "[Моргулов]"},
		{"Cyrillic, upper case", "МОРГУЛОВ", kindActor, w.morgulov.ID, "Igor Morgulov", "[Моргулов]"},
		{"Japanese without spaces", "北方領土", kindDispute, w.dispute.ID, "Kuril Islands dispute", "[北方領土]"},
		{"Japanese, two characters", "領土", kindDispute, w.dispute.ID, "Kuril Islands dispute", "[領土]"},
		{"Japanese name", "原田", kindActor, w.harada.ID, "Chikahito Harada", "[原田]"},
		{"Russian place name", "Курилы", kindDispute, w.dispute.ID, "Kuril Islands dispute", "[Курилы]"},
		{"meeting", "Tokyo", kindMeeting, w.tokyo.ID, "Tokyo round", "[Tokyo]"},
		{"source", "Japan Times", kindSource, w.source.ID, w.source.Title, "[Japan] [Times]"},
		{"statement under its actor", "dialogue", kindStatement, w.quote.ID, "Statement by Igor Morgulov", "[dialogue]"},
		{"track", "peace treaty", kindTrack, w.track.ID, w.track.Title, "[peace] [treaty]"},
		{"words in any order", "treaty peace", kindTrack, w.track.ID, w.track.Title, "treaty"},
		{"meeting questions", "islands be discussed", kindMeeting, w.tokyo.ID, "Tokyo round", "[discussed]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits, err := s.Search(ctx, tt.query, 20)
			require.NoError(t, err)
			h, ok := hitFor(hits, tt.id)
			require.True(t, ok, "no hit for %s in %+v", tt.kind, hits)
			assert.Equal(t, tt.kind, h.Kind)
			assert.Equal(t, tt.title, h.Title)
			assert.Contains(t, h.Snippet, tt.snippet)
			for i := 1; i < len(hits); i++ {
				assert.LessOrEqual(t, hits[i-1].Rank, hits[i].Rank, "best first")
			}
		})
	}
}

func TestSearchTakesAnyInput(t *testing.T) {
	ctx := context.Background()
	s, _ := newWorld(t)
	for _, q := range []string{`"`, `AND (`, `*`, `NEAR(a b)`, `'; DROP TABLE meetings; --`, `a"b`, `-x`, `^`, `%`, `_`, `\`, `title:Tokyo`, `{title}: x`} {
		t.Run(q, func(t *testing.T) {
			_, err := s.Search(ctx, q, 10)
			require.NoError(t, err)
		})
	}
	hits, err := s.Search(ctx, "   ", 10)
	require.NoError(t, err)
	assert.Empty(t, hits)
	hits, err = s.Search(ctx, "%", 10)
	require.NoError(t, err)
	assert.Empty(t, hits, "% is a character, not a wildcard")
}

func TestSearchFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)

	m := w.tokyo
	m.Title = "Iikura consultations"
	require.NoError(t, s.UpdateMeeting(ctx, &m))
	hits, err := s.Search(ctx, "consultations", 10)
	require.NoError(t, err)
	require.Len(t, hits, 1)
	assert.Equal(t, "Iikura consultations", hits[0].Title)

	a := w.morgulov
	a.Name = "Igor V. Morgulov"
	require.NoError(t, s.UpdateActor(ctx, &a))
	hits, err = s.Search(ctx, "dialogue", 10)
	require.NoError(t, err)
	require.Len(t, hits, 1)
	assert.Equal(t, "Statement by Igor V. Morgulov", hits[0].Title, "statements follow their actor's name")

	require.NoError(t, s.DeleteMeeting(ctx, m.ID))
	hits, err = s.Search(ctx, "consultations", 10)
	require.NoError(t, err)
	assert.Empty(t, hits)

	require.NoError(t, s.DeleteDispute(ctx, w.dispute.ID))
	hits, err = s.Search(ctx, "北方領土", 10)
	require.NoError(t, err)
	assert.Empty(t, hits)
}

func TestSearchLimit(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	for i := 0; i < 5; i++ {
		tr := Track{Title: "Fisheries talks"}
		require.NoError(t, s.CreateTrack(ctx, &tr))
	}
	hits, err := s.Search(ctx, "fisheries", 3)
	require.NoError(t, err)
	assert.Len(t, hits, 3)
	hits, err = s.Search(ctx, "fisheries", 0)
	require.NoError(t, err)
	assert.Len(t, hits, 5, "0 means no limit")
}

func TestMarkSnippet(t *testing.T) {
	tests := []struct {
		text  string
		terms []string
		want  string
	}{
		{"Northern Territories (北方領土)", []string{"領土"}, "Northern Territories (北方[領土])"},
		{"Южные Курилы", []string{"ку"}, "Южные [Ку]рилы"},
		{"abc abc", []string{"ab"}, "[ab]c [ab]c"},
		{"no match here", []string{"zz"}, "no match here"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, markSnippet(tt.text, tt.terms, 24), tt.text)
	}
	long := "The quick brown fox jumps over the lazy dog and then runs far away into the woods to rest."
	got := markSnippet(long, []string{"runs"}, 10)
	assert.Equal(t, "…and then [runs] far away into…", got)
}

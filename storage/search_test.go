//go:build sqlite_fts5

package storage

import (
	"context"
	"fmt"
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

// searchFor is Search that must not fail.
func searchFor(t *testing.T, s *Store, words string, limit int) []Hit {
	t.Helper()
	hits, err := s.Search(context.Background(), words, limit)
	require.NoError(t, err)
	return hits
}

func TestSearch(t *testing.T) {
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
			hits := searchFor(t, s, tt.query, 20)
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
	hits := searchFor(t, s, "   ", 10)
	assert.Empty(t, hits)
	hits = searchFor(t, s, "%", 10)
	assert.Empty(t, hits, "% is a character, not a wildcard")
}

func TestSearchFollowsWrites(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)

	m := w.tokyo
	m.Title = "Iikura consultations"
	require.NoError(t, s.UpdateMeeting(ctx, &m))
	hits := searchFor(t, s, "consultations", 10)
	require.Len(t, hits, 1)
	assert.Equal(t, "Iikura consultations", hits[0].Title)

	a := w.morgulov
	a.Name = "Igor V. Morgulov"
	require.NoError(t, s.UpdateActor(ctx, &a))
	hits = searchFor(t, s, "dialogue", 10)
	require.Len(t, hits, 1)
	assert.Equal(t, "Statement by Igor V. Morgulov", hits[0].Title, "statements follow their actor's name")

	require.NoError(t, s.DeleteMeeting(ctx, m.ID))
	hits = searchFor(t, s, "consultations", 10)
	assert.Empty(t, hits)

	require.NoError(t, s.DeleteDispute(ctx, w.dispute.ID))
	hits = searchFor(t, s, "北方領土", 10)
	assert.Empty(t, hits)
}

func TestSearchLimit(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	for i := 0; i < 5; i++ {
		tr := Track{Title: "Fisheries talks"}
		require.NoError(t, s.CreateTrack(ctx, &tr))
	}
	hits := searchFor(t, s, "fisheries", 3)
	assert.Len(t, hits, 3)
	hits = searchFor(t, s, "fisheries", 0)
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

// Searching an actor's name in any spelling finds the meetings they take part in, each saying
// why; the actor's own hit comes first, and a meeting found by its own text keeps its snippet.
func TestSearchFindsTheMeetingsOfAnActor(t *testing.T) {
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
			hits := searchFor(t, s, tt.query, 20)
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
	hits := searchFor(t, s, "Zhukovsky", 20)
	_, ok := hitFor(hits, w.tokyo.ID)
	assert.False(t, ok, "%+v", hits)

	// Both participants match: both are named.
	hits = searchFor(t, s, "Japan", 20) // Harada's country, not his name
	h, ok := hitFor(hits, w.tokyo.ID)
	require.True(t, ok, "the Tokyo round's own text says Japan")
	assert.Empty(t, h.Why, "a country is not a name")

	a.OtherNames = []string{"Igor's counterpart"}
	require.NoError(t, s.UpdateActor(ctx, &a))
	hits = searchFor(t, s, "Igor", 20)
	h, ok = hitFor(hits, w.tokyo.ID)
	require.True(t, ok)
	assert.Equal(t, "Igor Morgulov and Chikahito Harada take part", h.Why)

	// A renamed actor is found by the new name at once; the limit holds.
	m := w.morgulov
	m.Name, m.NativeName, m.OtherNames = "Igor V. Morgoulov", "", nil
	require.NoError(t, s.UpdateActor(ctx, &m))
	hits = searchFor(t, s, "Morgoulov", 20)
	h, ok = hitFor(hits, w.tokyo.ID)
	require.True(t, ok, "%+v", hits)
	assert.Equal(t, "Igor V. Morgoulov takes part", h.Why)
	hits = searchFor(t, s, "Morgoulov", 1)
	assert.Len(t, hits, 1)

	// Removed from the meeting: no longer found through it.
	tk := w.tokyo
	tk.Participants = tk.Participants[:1]
	require.NoError(t, s.UpdateMeeting(ctx, &tk))
	hits = searchFor(t, s, "Morgoulov", 20)
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

// A word held by more records than are ranked (a word in every meeting's title) lists the
// newest of them, says so and counts them no further; the actors it names still come first,
// and a rarer word is ranked by relevance and counted exactly.
func TestSearchListsACommonWordNewestFirst(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	bureau := Actor{Kind: ActorOrganisation, Name: "Fisheries Bureau"}
	require.NoError(t, s.CreateActor(ctx, &bureau))
	var tracks []string // oldest first
	for i := range 5 {
		tr := Track{Title: fmt.Sprintf("Fisheries talks %d", i)}
		require.NoError(t, s.CreateTrack(ctx, &tr))
		tracks = append(tracks, tr.ID)
	}
	ids := func(hits []Hit) []string {
		var out []string
		for _, h := range hits {
			out = append(out, h.ID)
		}
		return out
	}

	r, err := s.Find(ctx, "fisheries", 0)
	require.NoError(t, err)
	assert.False(t, r.Newest, "6 records are ranked")
	assert.Equal(t, 6, r.Matches)
	assert.False(t, r.More)
	assert.Equal(t, bureau.ID, r.Hits[0].ID, "the shortest title ranks first")
	for i := 1; i < len(r.Hits); i++ {
		assert.LessOrEqual(t, r.Hits[i-1].Rank, r.Hits[i].Rank, "best first")
	}

	defer func(n int) { rankedMatches = n }(rankedMatches)
	rankedMatches = 3
	for _, limit := range []int{0, 4} {
		r, err = s.Find(ctx, "fisheries", limit)
		require.NoError(t, err)
		assert.True(t, r.Newest)
		assert.True(t, r.More)
		assert.Equal(t, 3, r.Matches, "counted up to the ranked")
		want := []string{bureau.ID, tracks[4], tracks[3], tracks[2], tracks[1], tracks[0]}
		if limit > 0 {
			want = want[:limit]
		}
		assert.Equal(t, want, ids(r.Hits), "the actor named, then the newest first")
		assert.Contains(t, r.Hits[1].Snippet, "[Fisheries]")
	}
	hits := searchFor(t, s, "Bureau", 0)
	assert.Equal(t, []string{bureau.ID}, ids(hits), "a rare word is ranked still")
}

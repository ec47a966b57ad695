package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// Searching an actor's name in any spelling lists the meetings they take part in, each
// saying why, and opens them.
func TestSearchShowsAnActorsMeetings(t *testing.T) {
	for _, tc := range []struct{ query, why string }{
		{"Моргулов", "Igor Morgulov takes part"},
		{"Morgulov", "Igor Morgulov takes part"},
		{"原田", "Chikahito Harada takes part"},
	} {
		t.Run(tc.query, func(t *testing.T) {
			u, _ := newTestUI(t, afterSample)
			u.focusSearch()
			test.Type(u.search, tc.query)
			u.search.OnSubmitted(u.search.Text)
			sp := u.top().(*searchPage)
			var tokyo bool
			for _, h := range sp.hits {
				if h.ID == sample.TokyoRoundID {
					tokyo = true
					assert.Equal(t, tc.why, h.Why)
				}
			}
			require.True(t, tokyo, "the Tokyo round is among the hits: %+v", sp.hits)
			shown := texts(sp.results)
			assert.Contains(t, shown, "Meetings (")
			assert.Contains(t, shown, "Peace treaty consultations, round 2 — Tokyo")
			assert.Contains(t, shown, tc.why)

			for _, l := range find[*hitLink](sp.results) {
				if l.Text == "Peace treaty consultations, round 2 — Tokyo" {
					l.OnTapped()
					break
				}
			}
			mp, ok := u.top().(*meetingPage)
			require.True(t, ok, "the hit opens the meeting")
			assert.Equal(t, sample.TokyoRoundID, mp.m.ID)
		})
	}
}

// A match is marked the same way in every script, and not by bold alone: the fallback fonts
// that draw Chinese and Japanese have no bold face (bold 原田 looked like plain 原田).
func TestSearchMarksMatchesInEveryScript(t *testing.T) {
	for _, tc := range []struct{ snippet, query, match string }{
		{"Игорь [Моргулов] Igor Vladimirovich Morgulov", "моргулов", "Моргулов"},
		{"[原田]親仁 Harada Chikahito", "原田", "原田"},
		{"Northern Territories [北方領土] (Japan)", "北方領土", "北方領土"},
		{"…[Illustrative] [Harada] said a treaty", "Harada", "Harada"},
	} {
		t.Run(tc.query, func(t *testing.T) {
			var marked []string
			for _, s := range snippetSegments(tc.snippet, tc.query) {
				seg := s.(*widget.TextSegment)
				if seg.Style.ColorName == theme.ColorNamePrimary {
					assert.True(t, seg.Style.TextStyle.Bold, "bold as well")
					marked = append(marked, seg.Text)
				} else {
					assert.False(t, seg.Style.TextStyle.Bold, "%q is not a match", seg.Text)
				}
			}
			assert.Equal(t, []string{tc.match}, marked)
			assert.Equal(t, strings.NewReplacer("["+tc.match+"]", tc.match).Replace(tc.snippet),
				segmentsText(snippetSegments(tc.snippet, tc.query)), "only the marks go")
		})
	}
}

func segmentsText(segs []widget.RichTextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.(*widget.TextSegment).Text)
	}
	return b.String()
}

// The heading says how many results there are and which are shown when not all are.
func TestResultsHeading(t *testing.T) {
	hits := func(n int) []storage.Hit { return make([]storage.Hit, n) }
	for _, tc := range []struct {
		name string
		r    storage.SearchResult
		want string
	}{
		{"one", storage.SearchResult{Hits: hits(1), Matches: 1}, "1 result for “x”"},
		{"all shown", storage.SearchResult{Hits: hits(12), Matches: 9}, "12 results for “x”"},
		{"the best of more", storage.SearchResult{Hits: hits(searchLimit), Matches: 1234}, "The best 200 of 1,234 results for “x”"},
		{"a short word, counted up to the limit", storage.SearchResult{Hits: hits(searchLimit), Matches: searchLimit, More: true},
			"The first 200 of more than 200 results for “x”"},
		{"the meetings of the actors named fill the page", storage.SearchResult{Hits: hits(searchLimit), Matches: 150},
			"The first 200 results for “x”"},
		{"a common word", storage.SearchResult{Hits: hits(searchLimit), Matches: 2000, More: true, Newest: true},
			"200 of more than 2,000 results for “x”, the newest first"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, resultsHeading(tc.r, "x"))
		})
	}
}

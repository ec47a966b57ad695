package app

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

func TestIngestScreenAcceptsCheckedProposals(t *testing.T) {
	tests := []struct {
		name       string
		uncheck    bool
		wantActors int
	}{
		{name: "all checked", wantActors: 2},
		{name: "people unchecked", uncheck: true, wantActors: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, st := newTestUI(t, time.Date(2023, 3, 15, 9, 0, 0, 0, time.UTC))
			rep, err := tasks.IngestArticle(context.Background(), st, "../ingest/testdata/senkaku-wire.txt", storage.PartialDate{Year: 2023, Month: 3, Day: 14}, "en")
			require.NoError(t, err)
			s := newIngestScreen(u, rep)
			u.push(s)
			if tt.uncheck {
				for i := range s.acc.Actors {
					s.acc.Actors[i] = false
				}
			}
			s.actorTitle[0].SetText("Chief Cabinet Secretary of Japan")
			before, err := st.Actors(context.Background())
			require.NoError(t, err)
			test.Tap(s.accept)
			after, err := st.Actors(context.Background())
			require.NoError(t, err)
			assert.Equal(t, tt.wantActors, len(after)-len(before))
			if !tt.uncheck {
				found := false
				for _, a := range after {
					found = found || a.Title == "Chief Cabinet Secretary of Japan"
				}
				assert.True(t, found, "the edited title is stored")
			}
		})
	}
}

// TestIngestScreenShowsTheChange: a proposal that updates a record of the dossier shows the
// record's current values beside the proposed ones, and its sentence with the matched phrase
// in bold.
func TestIngestScreenShowsTheChange(t *testing.T) {
	u, st := newTestUI(t, time.Date(2016, 6, 21, 9, 0, 0, 0, time.UTC))
	text := "Talks in Tokyo\n\nRussian Deputy Foreign Minister Igor Morgulov will hold talks with Chikahito Harada on Wednesday in Tokyo.\n"
	rep, err := tasks.IngestText(context.Background(), st, []byte(text), "pasted text", storage.PartialDate{Year: 2016, Month: 6, Day: 20}, "en")
	require.NoError(t, err)
	require.NotEmpty(t, rep.Result.Events)
	require.NotEmpty(t, rep.Result.Events[0].ExistingID, "the Tokyo round is in the sample")
	s := newIngestScreen(u, rep)
	u.push(s)
	var strong, shown []string
	for _, rt := range find[*widget.RichText](s.view()) {
		shown = append(shown, rt.String())
		for _, seg := range rt.Segments {
			if ts, ok := seg.(*widget.TextSegment); ok && ts.Style.TextStyle.Bold {
				strong = append(strong, ts.Text)
			}
		}
	}
	assert.Contains(t, strong, "on Wednesday", "the date phrase is bold in its sentence")
	assert.Contains(t, strong, "Igor Morgulov", "the name is bold in its sentence")
	all := strings.Join(shown, "\n")
	assert.Contains(t, all, "Meeting: ", "the meeting it updates is named")
	assert.Contains(t, all, "Date: ", "the date is compared")
	assert.Contains(t, all, "Status: ", "the status is compared")
	assert.Contains(t, all, "Side: Russia", "the actor's side is shown")
	for _, l := range find[*widget.Label](s.view()) {
		assert.NotContains(t, l.Text, "(0)", "an empty kind gets no heading")
	}
}

// TestIngestScreenNothingFound: an article with nothing to propose says what was looked for
// instead of four empty headings, and there is nothing to accept.
func TestIngestScreenNothingFound(t *testing.T) {
	u, st := newTestUI(t, time.Date(2016, 6, 21, 9, 0, 0, 0, time.UTC))
	rep, err := tasks.IngestText(context.Background(), st, []byte("Weather\n\nIt rained in the afternoon and the roads were quiet.\n"), "pasted text", storage.PartialDate{Year: 2016, Month: 6, Day: 20}, "en")
	require.NoError(t, err)
	s := newIngestScreen(u, rep)
	u.push(s)
	var texts []string
	for _, l := range find[*widget.Label](s.view()) {
		texts = append(texts, l.Text)
		assert.NotContains(t, l.Text, "(0)")
	}
	assert.Contains(t, texts, nothingFound)
	assert.True(t, s.accept.Disabled())
}

// TestIngestScreenCapture renders the review screen at the two smallest window sizes into
// PNGs under $PARLEY_CAPTURE (skipped without it), for a person to look at:
//
//	PARLEY_CAPTURE=/tmp go test -tags sqlite_fts5 -run TestIngestScreenCapture ./app/
func TestIngestScreenCapture(t *testing.T) {
	dir := os.Getenv("PARLEY_CAPTURE")
	if dir == "" {
		t.Skip("PARLEY_CAPTURE is not set")
	}
	article, pub := "../../shared/seed/japan-russia-talks.txt", storage.PartialDate{Year: 2016, Month: 6, Day: 20}
	if _, err := os.Stat(article); err != nil {
		article, pub = "../ingest/testdata/belize-wire.txt", storage.PartialDate{Year: 2024, Month: 11, Day: 6}
	}
	u, st := newTestUI(t, time.Date(2016, 6, 21, 9, 0, 0, 0, time.UTC))
	rep, err := tasks.IngestArticle(context.Background(), st, article, pub, "en")
	require.NoError(t, err)
	u.push(newIngestScreen(u, rep))
	for _, size := range []fyne.Size{{Width: 1366, Height: 768}, {Width: 1024, Height: 600}} {
		u.win.Resize(size)
		for _, at := range []float32{0, 1400} {
			for _, sc := range find[*container.Scroll](u.win.Content()) {
				sc.Offset = fyne.NewPos(0, at)
				sc.Refresh()
			}
			img := u.win.Canvas().Capture()
			f, err := os.Create(filepath.Join(dir, fmt.Sprintf("ingest-%dx%d-%d.png", int(size.Width), int(size.Height), int(at))))
			require.NoError(t, err)
			require.NoError(t, png.Encode(f, img))
			require.NoError(t, f.Close())
		}
	}
}

// Reading an article ends with a status that says what was found, not "Reading the article…".
func TestReadArticleSaysWhatItFound(t *testing.T) {
	u, _ := newTestUI(t, time.Date(2023, 3, 15, 9, 0, 0, 0, time.UTC))
	u.readArticle("../ingest/testdata/senkaku-wire.txt", "", storage.PartialDate{Year: 2023, Month: 3, Day: 14})
	assert.Contains(t, u.status.Text, "Read the article: ")
	assert.Contains(t, u.status.Text, "people")
	_, ok := u.top().(*ingestScreen)
	assert.True(t, ok, "the review screen is open")
}

func TestPublicationDate(t *testing.T) {
	for _, tc := range []struct{ in, want, problem string }{
		{"20 Jun 2016", "2016-06-20", ""}, {"2016-06-20", "2016-06-20", ""}, {"June 2016", "2016-06", ""},
		{"", "", ""}, {"by end of 2016", "", "give the day"}, {"31 June 2016", "", "does not exist"},
	} {
		got, err := publicationDate(tc.in)
		if tc.problem != "" {
			assert.ErrorContains(t, err, tc.problem, tc.in)
			continue
		}
		require.NoError(t, err, tc.in)
		assert.Equal(t, tc.want, got.ISO(), tc.in)
	}
}

// The publication date the article was read against is shown and can be corrected: the
// article is read again, and its relative dates move with it.
func TestIngestPublicationDateIsEditable(t *testing.T) {
	u, _ := newTestUI(t, time.Date(2023, 3, 15, 9, 0, 0, 0, time.UTC))
	u.readArticle("../ingest/testdata/senkaku-wire.txt", "", storage.PartialDate{Year: 2023, Month: 3, Day: 14})
	first, ok := u.top().(*ingestScreen)
	require.True(t, ok)
	assert.Equal(t, "2023-03-14", first.published.Text)
	first.published.SetText("14 Mar 2024")
	first.onReread()
	second, ok := u.top().(*ingestScreen)
	require.True(t, ok)
	assert.NotSame(t, first, second, "read again")
	assert.Equal(t, "2024-03-14", second.published.Text)
	assert.NotContains(t, u.stack, page(first), "the first reading is closed")
}

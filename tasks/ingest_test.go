package tasks

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
)

func TestIngestAndApply(t *testing.T) {
	ctx := context.Background()
	tests := []struct {
		name        string
		withSample  bool
		wantActors  int // created
		wantUpdated int
	}{
		{name: "empty dossier", wantActors: 3},
		{name: "sample dossier", withSample: true, wantActors: 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := sampletest.Empty(t)
			if tt.withSample {
				require.NoError(t, sample.Load(ctx, st))
			}
			pub := storage.PartialDate{Year: 2023, Month: time.September, Day: 14}
			rep, err := IngestArticle(ctx, st, "../ingest/testdata/kosovo-wire.txt", pub, "en")
			require.NoError(t, err)
			require.NotEmpty(t, rep.Result.Quotes)
			got, err := ApplyIngest(ctx, st, rep, Accepted{}, time.Date(2023, 9, 15, 9, 0, 0, 0, time.UTC))
			require.NoError(t, err)
			assert.Equal(t, tt.wantActors, got.Actors.Created)
			assert.Equal(t, 1, got.Sources.Created)
			assert.Equal(t, len(rep.Result.Quotes), got.Statements.Created)
			stmts, err := st.Statements(ctx, storage.StatementFilter{})
			require.NoError(t, err)
			srcs, err := st.Sources(ctx)
			require.NoError(t, err)
			var srcID string
			for _, s := range srcs {
				if s.Title == rep.Result.Source.Title {
					srcID = s.ID
				}
			}
			require.NotEmpty(t, srcID)
			n := 0
			for _, s := range stmts {
				if s.SourceID == srcID {
					n++
				}
			}
			assert.Equal(t, len(rep.Result.Quotes), n, "every stored quote cites the article")
		})
	}
}

func TestIngestAcceptsOnlyChecked(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Empty(t)
	rep, err := IngestArticle(ctx, st, "../ingest/testdata/senkaku-wire.txt", storage.PartialDate{Year: 2023, Month: 3, Day: 14}, "")
	require.NoError(t, err)
	acc := Accepted{Actors: make([]bool, len(rep.Result.Actors)), Events: make([]bool, len(rep.Result.Events)),
		Quotes: make([]bool, len(rep.Result.Quotes)), Disputes: []bool{true}}
	got, err := ApplyIngest(ctx, st, rep, acc, time.Now())
	require.NoError(t, err)
	assert.Equal(t, 0, got.Actors.Created)
	assert.Equal(t, 0, got.Statements.Created, "a quote whose speaker is not accepted is not stored")
	assert.Equal(t, 1, got.Disputes.Created)
}

func TestIngestBadFile(t *testing.T) {
	ctx := context.Background()
	st := sampletest.Empty(t)
	_, err := IngestArticle(ctx, st, filepath.Join(t.TempDir(), "missing.txt"), storage.PartialDate{}, "")
	var fe *FileError
	assert.ErrorAs(t, err, &fe)
}

// A title an article reports becomes a post dated by the article; the post it replaces ends.
func TestNewPostIsDatedByTheArticle(t *testing.T) {
	deputy := storage.Post{Title: "Deputy Foreign Minister", Organisation: "MFA", From: storage.PartialDate{Year: 2011, Month: 12}, FromText: "2011-12"}
	party := storage.Post{Title: "Party chair", Organisation: "Party"}
	got := newPost([]storage.Post{deputy, party}, storage.Post{Title: "Foreign Minister", Organisation: "MFA"}, storage.OnDay(2016, 6, 20))
	assert.Len(t, got, 3)
	assert.Equal(t, "2016-06", got[0].To.ISO(), "the deputy's post ends when the article shows the new one")
	assert.True(t, got[1].To.IsZero(), "a post in another body goes on")
	assert.Equal(t, "Foreign Minister", got[2].Title)
	assert.Equal(t, "2016-06", got[2].From.ISO())
	assert.Equal(t, "2016-06", got[2].FromText)

	undated := newPost([]storage.Post{deputy}, storage.Post{Title: "Foreign Minister"}, storage.FuzzyDate{})
	assert.True(t, undated[1].From.IsZero(), "no publication date: no date invented")
	assert.True(t, undated[0].To.IsZero())
}

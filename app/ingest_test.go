package app

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
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

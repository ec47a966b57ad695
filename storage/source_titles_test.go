package storage

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// SourceTitles names every source as Sources does, in the same order (by title, any case,
// then ID), so that a drop-down built from either offers the same labels.
func TestSourceTitlesMatchSources(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	for _, title := range []string{"mofa.go.jp", "Kommersant", "kommersant", "Asahi Shimbun"} {
		src := Source{Title: title, Publisher: "p"}
		require.NoError(t, s.CreateSource(ctx, &src))
	}
	all, err := s.Sources(ctx)
	require.NoError(t, err)
	titles, err := s.SourceTitles(ctx)
	require.NoError(t, err)
	want := make([]SourceTitle, len(all))
	for i, src := range all {
		want[i] = SourceTitle{ID: src.ID, Title: src.Title}
	}
	assert.Equal(t, want, titles)
	assert.Equal(t, "Asahi Shimbun", titles[0].Title)
	assert.Equal(t, "mofa.go.jp", titles[3].Title)
}

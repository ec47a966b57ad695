package tasks

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/parley-app/parley/storage"
)

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

package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
)

// TestFormsHoldLimits: the window's record pages are held to the limits bundles are (one
// definition, in storage): an over-long name or title, or a day that means nothing, is marked
// under its field with the limit said, and nothing is saved.
func TestFormsHoldLimits(t *testing.T) {
	t.Setenv("LANG", "en_GB.UTF-8")
	long := strings.Repeat("北", 1001)
	for _, c := range []struct {
		name  string
		page  func(u *ui) (editor, *widget.Entry, func() string)
		text  string
		field string
		says  string
	}{
		{"a meeting's title", func(u *ui) (editor, *widget.Entry, func() string) {
			p := newMeetingPage(u, sample.VladivostokID)
			return p, p.titleE, func() string { return p.fs.errorOf("title") }
		}, long, "title", "It holds 1,001 characters; the limit is 1,000"},
		{"a meeting on 9999-12-31", func(u *ui) (editor, *widget.Entry, func() string) {
			p := newMeetingPage(u, sample.VladivostokID)
			return p, p.when, func() string { return p.fs.errorOf("when") }
		}, "9999-12-31", "when", "year 9999 is out of range (1000 to 2999)"},
		{"an actor's name", func(u *ui) (editor, *widget.Entry, func() string) {
			p := newActorPage(u, sample.MorgulovID)
			return p, p.name, func() string { return p.fs.errorOf("name") }
		}, long, "name", "the limit is 1,000"},
		{"a dispute's title", func(u *ui) (editor, *widget.Entry, func() string) {
			p := newDisputePage(u, sample.DisputeID)
			return p, p.titleE, func() string { return p.fs.errorOf("title") }
		}, long, "title", "the limit is 1,000"},
		{"a source's title", func(u *ui) (editor, *widget.Entry, func() string) {
			p := newSourcePage(u, sample.ArticleSourceID)
			return p, p.titleE, func() string { return p.fs.errorOf("title") }
		}, long, "title", "the limit is 1,000"},
	} {
		t.Run(c.name, func(t *testing.T) {
			u, st := newTestUI(t, afterSample)
			p, entry, errorOf := c.page(u)
			u.push(p)
			entry.SetText(c.text)
			saved := false
			p.save(func() { saved = true })
			assert.False(t, saved)
			assert.Contains(t, errorOf(), c.says, "under the field")
			assert.True(t, p.dirty(), "the text stays on the page")
			hits, err := st.Search(context.Background(), "北北北", 5)
			require.NoError(t, err)
			assert.Empty(t, hits, "nothing was stored")
		})
	}
}

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
	meeting := func(u *ui) editor { return newMeetingPage(u, sample.VladivostokID) }
	for _, c := range []struct {
		name        string
		page        func(u *ui) editor
		field, text string // the input, by the field it answers to, and what is typed into it
		says        string
	}{
		{"a meeting's title", meeting, "title", long, "It holds 1,001 characters; the limit is 1,000"},
		{"a meeting on 9999-12-31", meeting, "when", "9999-12-31", "year 9999 is out of range (1000 to 2999)"},
		{"an actor's name", func(u *ui) editor { return newActorPage(u, sample.MorgulovID) }, "name", long, "the limit is 1,000"},
		{"a dispute's title", func(u *ui) editor { return newDisputePage(u, sample.DisputeID) }, "title", long, "the limit is 1,000"},
		{"a source's title", func(u *ui) editor { return newSourcePage(u, sample.ArticleSourceID) }, "title", long, "the limit is 1,000"},
	} {
		t.Run(c.name, func(t *testing.T) {
			u, st := newTestUI(t, afterSample)
			p := c.page(u)
			u.push(p)
			fs := p.(interface{ base() *recordPage }).base().fs
			find[*widget.Entry](fs.rows[c.field].input)[0].SetText(c.text)
			saved := false
			p.save(func() { saved = true })
			assert.False(t, saved)
			assert.Contains(t, fs.errorOf(c.field), c.says, "under the field")
			assert.True(t, p.dirty(), "the text stays on the page")
			hits, err := st.Search(context.Background(), "北北北", 5)
			require.NoError(t, err)
			assert.Empty(t, hits, "nothing was stored")
		})
	}
}

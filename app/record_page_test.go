package app

import (
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
)

// heldWork makes u's slow work wait until release is called, as a slow disk would.
func heldWork(u *ui) (release func()) {
	var held []func()
	u.spawn = func(f func()) { held = append(held, f) }
	return func() {
		for len(held) > 0 {
			f := held[0]
			held = held[1:]
			f()
		}
	}
}

// typeAtEnd types text at the end of e, as a user who clicked after the last word would.
func typeAtEnd(e *widget.Entry, text string) {
	e.CursorRow, e.CursorColumn = 0, utf8.RuneCountInString(e.Text)
	test.Type(e, text)
}

// Nothing typed while a record is read is silently replaced by it: the form is not shown
// until the record is in it, and typing during a reload or a save is kept and stays unsaved.
func TestTypingWhileTheRecordIsReadIsNeverLost(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	release := heldWork(u)

	p := newMeetingPage(u, sample.TokyoRoundID)
	u.push(p)
	require.NotNil(t, p.form)
	assert.False(t, p.form.Visible(), "no empty form is offered while the meeting is read")
	assert.True(t, p.opening.Visible())
	for _, b := range []*widget.Button{p.exportBtn, p.headStatus, p.deleteBtn} {
		assert.True(t, b.Disabled(), "%q acts on a record not yet shown", b.Text)
	}
	release()
	for _, b := range []*widget.Button{p.exportBtn, p.headStatus, p.deleteBtn} {
		assert.False(t, b.Disabled(), "%q once the record is in", b.Text)
	}
	assert.True(t, p.form.Visible())
	assert.False(t, p.opening.Visible())
	assert.Equal(t, "Peace treaty consultations, round 2 — Tokyo", p.titleE.Text)
	assert.False(t, p.dirty())

	// The page is read again (coming back to it) while the user types.
	p.show()
	typeAtEnd(p.titleE, " (draft)")
	release()
	assert.Equal(t, "Peace treaty consultations, round 2 — Tokyo (draft)", p.titleE.Text, "the typing is kept")
	assert.True(t, p.dirty(), "and still marked unsaved")

	// A save runs while the user goes on typing: the saved part is stored, the rest stays
	// unsaved.
	p.save(func() {})
	typeAtEnd(p.titleE, " v2")
	release()
	assert.Equal(t, "Peace treaty consultations, round 2 — Tokyo (draft) v2", p.titleE.Text)
	assert.True(t, p.dirty(), "what was typed during the save is not saved yet")
	assert.Equal(t, "Peace treaty consultations, round 2 — Tokyo (draft)", p.m.Title, "what was saved is the record")

	// With nothing typed meanwhile, a reload shows the stored record and the page is clean.
	p.save(func() {})
	release()
	assert.False(t, p.dirty())
	p.show()
	release()
	assert.Equal(t, "Peace treaty consultations, round 2 — Tokyo (draft) v2", p.titleE.Text)
	assert.False(t, p.dirty())
}

// The other record pages open the same way.
func TestRecordPagesOpenOnlyWithTheirRecord(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	release := heldWork(u)
	for _, tc := range []struct {
		name string
		page interface {
			page
			base() *recordPage
		}
	}{
		{"actor", newActorPage(u, sample.MorgulovID)},
		{"dispute", newDisputePage(u, sample.DisputeID)},
		{"source", newSourcePage(u, sample.ArticleSourceID)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u.push(tc.page)
			r := tc.page.base()
			assert.False(t, r.form.Visible(), "hidden while read")
			release()
			assert.True(t, r.form.Visible(), "shown with the record")
			assert.False(t, r.dirty())
		})
	}
}

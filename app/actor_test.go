package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
	"github.com/parley-app/parley/widgets/widgetstest"
)

// An actor of many statements and meetings shows the latest of each until "Show all".
func TestActorPageShortensItsLists(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	for i := range shownStatements + 3 {
		s := storage.Statement{ActorID: sample.MorgulovID, Text: fmt.Sprintf("Remark number %02d.", i), When: storage.OnDay(2017, 1, 1+i)}
		require.NoError(t, st.CreateStatement(ctx, &s))
	}
	for i := range shownMeetings + 3 {
		m := storage.Meeting{Title: fmt.Sprintf("Working lunch %02d", i), When: storage.OnDay(2018, 1, 1+i), Status: storage.StatusHeld,
			Participants: []storage.Participant{{ActorID: sample.MorgulovID, Role: storage.RoleMember}}}
		require.NoError(t, st.CreateMeeting(ctx, &m))
	}
	p := newActorPage(u, sample.MorgulovID)
	u.push(p)
	page := texts(p.view())
	assert.Contains(t, page, "Remark number 22", "the newest statement")
	assert.NotContains(t, page, "Remark number 00")
	assert.Contains(t, page, "Working lunch 22", "the latest meeting")
	assert.NotContains(t, page, "Working lunch 00")
	tapButton(t, p.stmtBox, fmt.Sprintf("Show all %d statements", len(p.statements)))
	tapButton(t, p.meetBox, fmt.Sprintf("Show all %d meetings", len(p.meetings)))
	page = texts(p.view())
	assert.Contains(t, page, "Remark number 00")
	assert.Contains(t, page, "Working lunch 00")
}

// TestActorPageCutsALongTitleInTheMiddle: an office title too long for the page's header is
// cut in the middle, so that the side and the pronunciation at the end of the line stay in
// sight; the pointer resting on the line shows it whole in a tip.
func TestActorPageCutsALongTitleInTheMiddle(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	a, err := st.Actor(ctx, sample.MorgulovID)
	require.NoError(t, err)
	a.Title = "Deputy Minister of Foreign Affairs of the Russian Federation, responsible for Asia-Pacific affairs"
	require.NoError(t, st.UpdateActor(ctx, &a))
	u.win.Resize(fyne.NewSize(1000, 700))
	p := newActorPage(u, sample.MorgulovID)
	u.push(p)
	u.win.Resize(fyne.NewSize(1000, 700))

	var sub *widgets.TipLabel
	for _, l := range widgetstest.Rendered[*widgets.TipLabel](p.hdr) {
		if strings.HasPrefix(l.FullText(), a.Title) {
			sub = l
		}
	}
	require.NotNil(t, sub, "the header names the title")
	require.NotEqual(t, sub.FullText(), sub.Text, "the line is cut at 1000 px")
	assert.True(t, strings.HasPrefix(sub.Text, "Deputy Minister"), "the start stays: %q", sub.Text)
	assert.True(t, strings.HasSuffix(sub.Text, "Russia · say “EE-gor mor-goo-LOFF”"), "the end stays: %q", sub.Text)

	c := u.win.Canvas()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(sub)
	test.MoveMouse(c, at.AddXY(sub.Size().Width/2, sub.Size().Height/2))
	assert.Equal(t, sub.FullText(), u.tips.Tip(), "the whole line in a tip")
	assert.Contains(t, u.tips.Tip(), a.Title)
	test.MoveMouse(c, fyne.NewPos(5, 5))
	assert.Empty(t, u.tips.Tip(), "gone once the pointer leaves")
}

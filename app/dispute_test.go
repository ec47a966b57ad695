package app

import (
	"context"
	"fmt"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// The dispute's fact sheet lists the meetings linked to it, by date, each opening its page;
// a long list shows the latest until "Show all" is pressed.
func TestDisputeSheetListsItsMeetings(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	p := newDisputePage(u, sample.DisputeID)
	u.push(p)
	sheet := texts(p.sheet)
	assert.Contains(t, sheet, "Meetings on this dispute (5)")
	for _, title := range []string{"Peace treaty consultations, round 1 — Moscow", "Peace treaty consultations, round 2 — Tokyo"} {
		assert.Contains(t, sheet, title)
	}
	assert.NotContains(t, sheet, "Show all")

	var link *widget.Hyperlink
	for _, l := range find[*widget.Hyperlink](p.sheet) {
		if l.Text == "Peace treaty consultations, round 2 — Tokyo" {
			link = l
		}
	}
	require.NotNil(t, link)
	link.OnTapped()
	mp, ok := u.top().(*meetingPage)
	require.True(t, ok, "the link opens the meeting")
	assert.Equal(t, sample.TokyoRoundID, mp.m.ID)

	ctx := context.Background()
	for i := range shownMeetings {
		m := storage.Meeting{Title: fmt.Sprintf("Islands working group %02d", i), Status: storage.StatusHeld,
			When: storage.InYear(2017 + i), DisputeIDs: []string{sample.DisputeID}}
		require.NoError(t, st.CreateMeeting(ctx, &m))
	}
	p = newDisputePage(u, sample.DisputeID)
	u.push(p)
	sheet = texts(p.sheet)
	assert.Contains(t, sheet, fmt.Sprintf("Meetings on this dispute (%d)", shownMeetings+5))
	assert.Contains(t, sheet, "Islands working group 19", "the latest are shown")
	assert.NotContains(t, sheet, "Peace treaty consultations, round 1 — Moscow", "the oldest wait for Show all")
	var all *widget.Button
	for _, b := range find[*widget.Button](p.sheet) {
		if b.Text == fmt.Sprintf("Show all %d meetings", shownMeetings+5) {
			all = b
		}
	}
	require.NotNil(t, all)
	test.Tap(all)
	assert.Contains(t, texts(p.sheet), "Peace treaty consultations, round 1 — Moscow")
}

// A dispute with many statements shows the newest until "Show all", with their speakers named.
func TestDisputeSheetShortensItsStatements(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	for i := range shownStatements {
		s := storage.Statement{ActorID: sample.MorgulovID, Text: fmt.Sprintf("Remark number %02d on the islands.", i),
			When: storage.OnDay(2017, 1, 1+i), DisputeID: sample.DisputeID}
		require.NoError(t, st.CreateStatement(ctx, &s))
	}
	p := newDisputePage(u, sample.DisputeID)
	u.push(p)
	sheet := texts(p.sheet)
	assert.Contains(t, sheet, "Remark number 19", "the newest are shown")
	assert.Contains(t, sheet, "Igor Morgulov, Fri 20 Jan 2017", "with the speaker's name")
	all, err := st.Statements(ctx, storage.StatementFilter{DisputeID: sample.DisputeID})
	require.NoError(t, err)
	oldest := all[len(all)-1]
	assert.NotContains(t, sheet, oldest.Text, "the oldest wait for Show all")
	var more *widget.Button
	for _, b := range find[*widget.Button](p.sheet) {
		if b.Text == fmt.Sprintf("Show all %d statements", len(all)) {
			more = b
		}
	}
	require.NotNil(t, more)
	test.Tap(more)
	assert.Contains(t, texts(p.sheet), oldest.Text)
	// The page read only the newest at first: the rest come with their speakers' names.
	names, err := st.ActorNames(ctx, []string{oldest.ActorID})
	require.NoError(t, err)
	assert.Contains(t, texts(p.sheet), names[oldest.ActorID]+", "+oldest.When.String())
	assert.Len(t, p.statements, len(all))
}

// The Edit tab's tables are filled when the tab is first shown, not when the dispute opens,
// and a save from the fact sheet keeps their rows.
func TestDisputeEditTabFilledWhenShown(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	stored, err := st.Dispute(ctx, sample.DisputeID)
	require.NoError(t, err)
	require.NotEmpty(t, stored.Timeline)

	p := newDisputePage(u, sample.DisputeID)
	u.push(p)
	require.True(t, p.loaded)
	assert.Empty(t, p.tl.Rows(), "not built while the fact sheet is shown")
	assert.Equal(t, stored.Title, p.titleE.Text, "the inputs hold the record")
	p.tabs.SelectIndex(1)
	assert.Len(t, p.tl.Rows(), len(stored.Timeline))
	assert.Len(t, p.names.Rows(), len(stored.Names))
	assert.False(t, p.dirty(), "filling them is no edit")

	again := newDisputePage(u, sample.DisputeID)
	u.push(again)
	again.tags.SetText(again.tags.Text + ", checked")
	u.saveCurrent() // from the fact sheet
	assert.False(t, again.dirty())
	saved, err := st.Dispute(ctx, sample.DisputeID)
	require.NoError(t, err)
	assert.Equal(t, stored.Timeline, saved.Timeline, "the rows were not lost")
	assert.Equal(t, stored.Names, saved.Names)
	assert.Contains(t, saved.Tags, "checked")
}

// A long timeline shows its last entries until "Show all".
func TestDisputeSheetShortensItsTimeline(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	d, err := st.Dispute(ctx, sample.DisputeID)
	require.NoError(t, err)
	for i := len(d.Timeline); i < shownTimeline+5; i++ {
		d.Timeline = append(d.Timeline, storage.Event{When: storage.OnDay(2018, 1, 1+i), Text: fmt.Sprintf("Entry number %02d", i)})
	}
	require.NoError(t, st.UpdateDispute(ctx, &d))
	p := newDisputePage(u, sample.DisputeID)
	u.push(p)
	sheet := texts(p.sheet)
	last := d.Timeline[len(d.Timeline)-1].Text
	assert.Contains(t, sheet, last)
	assert.NotContains(t, sheet, d.Timeline[0].Text, "the first wait for Show all")
	tapButton(t, p.sheet, fmt.Sprintf("Show all %d entries", len(d.Timeline)))
	assert.Contains(t, texts(p.sheet), d.Timeline[0].Text)
}

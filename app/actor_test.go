package app

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
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

package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// After a calendar import the window offers what the command line's --add-attendees does:
// the attendees no actor matches, made actors and participants.
func TestCalendarImportOffersToAddAttendees(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	path := filepath.Join(t.TempDir(), "invite.ics")
	ics := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:invite-1@example.org\r\n" +
		"DTSTAMP:20160601T090000Z\r\nDTSTART:20160622T010000Z\r\nDTEND:20160622T040000Z\r\nSUMMARY:Working lunch\r\n" +
		"ORGANIZER;CN=Jane Doe:mailto:jane@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	require.NoError(t, os.WriteFile(path, []byte(ics), 0o600))
	before, err := st.Actors(context.Background())
	require.NoError(t, err)

	u.importFile(path)
	dlg := overlay(t, u)
	assert.Contains(t, texts(dlg), "Not matched to an actor")
	tapButton(t, dlg, "Add the attendee as an actor")

	assert.Contains(t, texts(overlay(t, u)), "Added 1 attendee as an actor (Jane Doe); 1 meeting now lists them as participants.")
	after, err := st.Actors(context.Background())
	require.NoError(t, err)
	assert.Len(t, after, len(before)+1)
}

// A meeting edited in Parley since its import keeps Parley's version, and the window offers
// the organiser's, as --take-theirs does.
func TestCalendarImportOffersTheOrganisersVersion(t *testing.T) {
	u, st := newTestUI(t, afterSample)
	ctx := context.Background()
	// The calendar import stamps with the real clock; the edit must come after it.
	tick := time.Now().Add(time.Hour)
	st.SetClock(func() time.Time { tick = tick.Add(time.Second); return tick })
	dir := t.TempDir()
	event := func(seq, title string) string {
		return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nBEGIN:VEVENT\r\nUID:round3@example.org\r\n" +
			"DTSTAMP:20160601T090000Z\r\nLAST-MODIFIED:2016060" + seq + "T090000Z\r\nSEQUENCE:" + seq + "\r\n" +
			"DTSTART:20161115T080000Z\r\nDTEND:20161115T110000Z\r\nSUMMARY:" + title + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	}
	first, second := filepath.Join(dir, "v1.ics"), filepath.Join(dir, "v2.ics")
	require.NoError(t, os.WriteFile(first, []byte(event("1", "Round 3")), 0o600))
	require.NoError(t, os.WriteFile(second, []byte(event("2", "Round 3, Moscow")), 0o600))
	u.importFile(first)
	tapButton(t, overlay(t, u), "OK")
	m, err := st.MeetingByICalUID(ctx, "round3@example.org")
	require.NoError(t, err)
	m.Title = "Round 3 (edited in Parley)"
	require.NoError(t, st.UpdateMeeting(ctx, &m))

	u.importFile(second)
	tapButton(t, overlay(t, u), "Take the organiser's version")
	got, err := st.Meeting(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, "Round 3, Moscow", got.Title)
}

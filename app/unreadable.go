package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
)

// meetingsAround lists the meetings f selects, reading around a meeting that cannot be read
// (a row changed outside Parley): it is returned apart, to be named, and the rest is listed.
func meetingsAround(ctx context.Context, st *storage.Store, f storage.MeetingFilter) ([]storage.MeetingSummary, []storage.BadRow, error) {
	var out []storage.MeetingSummary
	var bad []storage.BadRow
	err := st.EachMeetingAround(ctx, f, func(m storage.MeetingSummary) error {
		out = append(out, m)
		return nil
	}, func(b storage.BadRow) { bad = append(bad, b) })
	return out, bad, err
}

// addUnreadable adds the bad rows of more to have, each once.
func addUnreadable(have []storage.BadRow, more ...storage.BadRow) []storage.BadRow {
next:
	for _, b := range more {
		for _, h := range have {
			if h.Kind == b.Kind && h.ID == b.ID {
				continue next
			}
		}
		have = append(have, b)
	}
	return have
}

// unreadableNamed is how many bad rows a note names; the rest are counted.
const unreadableNamed = 3

// unreadableText says which records a screen leaves out because they cannot be read.
func unreadableText(bad []storage.BadRow) string {
	if len(bad) == 0 {
		return ""
	}
	var names []string
	for _, b := range bad[:min(len(bad), unreadableNamed)] {
		names = append(names, b.String())
	}
	s := "Left out because they cannot be read (changed outside Parley): " + strings.Join(names, "; ")
	if more := len(bad) - unreadableNamed; more > 0 {
		s += fmt.Sprintf("; and %d more", more)
	}
	return s + ". Everything else is shown. Run parley verify to list them all."
}

// newUnreadableNote is the line a screen names its unreadable records in; hidden while there
// are none.
func newUnreadableNote() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	l.Hide()
	return l
}

// showUnreadable names bad in note, or hides it when there are none.
func showUnreadable(note *widget.Label, bad []storage.BadRow) {
	if len(bad) == 0 {
		note.Hide()
		return
	}
	note.SetText(unreadableText(bad))
	note.Show()
}

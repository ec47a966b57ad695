package widgets

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The meeting statuses the widgets know how to colour (see StatusColorName). They match the
// values of storage.Status; any other text is drawn in the colour of StatusProposed.
const (
	StatusProposed  = "proposed"
	StatusTentative = "tentative"
	StatusScheduled = "scheduled"
	StatusHeld      = "held"
	StatusPostponed = "postponed"
	StatusCancelled = "cancelled"
)

// StatusText is the status as a reader sees it: "scheduled" → "Scheduled".
func StatusText(status string) string {
	status = strings.TrimSpace(status)
	r, size := utf8.DecodeRuneInString(status)
	if r == utf8.RuneError {
		return status
	}
	return string(unicode.ToUpper(r)) + status[size:]
}

// isCancelled reports whether a status is drawn struck through.
func isCancelled(status string) bool {
	return strings.EqualFold(strings.TrimSpace(status), StatusCancelled)
}

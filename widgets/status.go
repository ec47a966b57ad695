package widgets

import (
	"strings"
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

// isCancelled reports whether a status is drawn struck through.
func isCancelled(status string) bool {
	return strings.EqualFold(strings.TrimSpace(status), StatusCancelled)
}

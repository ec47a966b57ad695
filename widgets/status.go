package widgets

import (
	"image/color"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The meeting statuses the widgets know how to colour. They match the values of
// storage.Status; any other text is drawn in the colour of StatusProposed.
const (
	StatusProposed  = "proposed"
	StatusTentative = "tentative"
	StatusScheduled = "scheduled"
	StatusHeld      = "held"
	StatusPostponed = "postponed"
	StatusCancelled = "cancelled"
)

// The status colours are mid-tones chosen to stay legible against both the light and the dark
// theme: the widgets draw them as a solid stripe or outline next to text in the theme's
// foreground colour, and as a translucent tint behind it, never as the colour of body text.
var statusColours = map[string]color.NRGBA{
	StatusProposed:  {R: 0x8e, G: 0x8e, B: 0x93, A: 0xff}, // grey
	StatusTentative: {R: 0xe0, G: 0xa0, B: 0x10, A: 0xff}, // amber
	StatusScheduled: {R: 0x3b, G: 0x82, B: 0xf6, A: 0xff}, // blue
	StatusHeld:      {R: 0x22, G: 0xa0, B: 0x5a, A: 0xff}, // green
	StatusPostponed: {R: 0xb8, G: 0x65, B: 0x2a, A: 0xff}, // brown-orange
	StatusCancelled: {R: 0xd6, G: 0x45, B: 0x45, A: 0xff}, // red
}

// StatusColour returns the colour of a meeting status ("proposed", "tentative", "scheduled",
// "held", "postponed", "cancelled"; case does not matter). Unknown statuses are grey.
func StatusColour(status string) color.Color {
	if c, ok := statusColours[strings.ToLower(strings.TrimSpace(status))]; ok {
		return c
	}
	return statusColours[StatusProposed]
}

// statusTint is the status colour at low opacity, drawn behind text.
func statusTint(status string) color.Color {
	c := StatusColour(status).(color.NRGBA)
	c.A = 0x40
	return c
}

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

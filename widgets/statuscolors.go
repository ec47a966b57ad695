package widgets

import (
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// The theme colour names of the meeting statuses. The widgets draw a status colour as a solid
// stripe or outline next to text in the theme's foreground colour, and as a translucent tint
// of it behind that text, never as the colour of body text, so a theme should give mid-tones
// that read against its background in both variants.
//
// A theme that does not know these names (it returns nil or a transparent colour for them,
// like Fyne's default theme) gets the nearest of its own colours: the placeholder grey for
// proposed, warning for tentative and postponed, primary for scheduled, success for held and
// error for cancelled.
const (
	ColorNameStatusProposed  fyne.ThemeColorName = "statusProposed"
	ColorNameStatusTentative fyne.ThemeColorName = "statusTentative"
	ColorNameStatusScheduled fyne.ThemeColorName = "statusScheduled"
	ColorNameStatusHeld      fyne.ThemeColorName = "statusHeld"
	ColorNameStatusPostponed fyne.ThemeColorName = "statusPostponed"
	ColorNameStatusCancelled fyne.ThemeColorName = "statusCancelled"
)

var statusColorNames = map[string]fyne.ThemeColorName{
	StatusProposed:  ColorNameStatusProposed,
	StatusTentative: ColorNameStatusTentative,
	StatusScheduled: ColorNameStatusScheduled,
	StatusHeld:      ColorNameStatusHeld,
	StatusPostponed: ColorNameStatusPostponed,
	StatusCancelled: ColorNameStatusCancelled,
}

// statusFallbacks are the colours of a theme that does not know the status names.
var statusFallbacks = map[fyne.ThemeColorName]fyne.ThemeColorName{
	ColorNameStatusProposed:  theme.ColorNamePlaceHolder,
	ColorNameStatusTentative: theme.ColorNameWarning,
	ColorNameStatusScheduled: theme.ColorNamePrimary,
	ColorNameStatusHeld:      theme.ColorNameSuccess,
	ColorNameStatusPostponed: theme.ColorNameWarning,
	ColorNameStatusCancelled: theme.ColorNameError,
}

// StatusColorName returns the theme colour name of a meeting status ("proposed", "tentative",
// "scheduled", "held", "postponed", "cancelled"; case does not matter). Unknown statuses have
// the colour of "proposed".
func StatusColorName(status string) fyne.ThemeColorName {
	if n, ok := statusColorNames[strings.ToLower(strings.TrimSpace(status))]; ok {
		return n
	}
	return ColorNameStatusProposed
}

// StatusColour returns the colour th gives status in the current variant or, when th has
// none for it, the nearest of Fyne's colours in th (see ColorNameStatusProposed), so that a
// status is never drawn transparent.
func StatusColour(th fyne.Theme, status string) color.Color {
	name := StatusColorName(status)
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	if c := th.Color(name, variant); !transparent(c) {
		return c
	}
	if c := th.Color(statusFallbacks[name], variant); !transparent(c) {
		return c
	}
	return theme.DefaultTheme().Color(statusFallbacks[name], variant)
}

// statusTint is the status colour at a quarter opacity, drawn behind text.
func statusTint(th fyne.Theme, status string) color.Color {
	c := color.NRGBAModel.Convert(StatusColour(th, status)).(color.NRGBA)
	c.A = 0x40
	return c
}

func transparent(c color.Color) bool {
	if c == nil {
		return true
	}
	_, _, _, a := c.RGBA()
	return a == 0
}

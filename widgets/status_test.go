package widgets

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var allStatuses = []string{StatusProposed, StatusTentative, StatusScheduled, StatusHeld, StatusPostponed, StatusCancelled}

// statusTheme is the test theme with a colour of its own for every status name.
type statusTheme struct {
	fyne.Theme
	colours map[fyne.ThemeColorName]color.Color
}

func (t *statusTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if c, ok := t.colours[n]; ok {
		return c
	}
	return t.Theme.Color(n, v)
}

// quietTheme is the default test theme answering the status colour names with the colours
// StatusColour falls back to when a theme lacks them, so that goldens are the same as under
// the bare test theme, which logs an error for every lookup of a name it does not know.
type quietTheme struct{ fyne.Theme }

func (t *quietTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if f, ok := statusFallbacks[n]; ok {
		n = f
	}
	return t.Theme.Color(n, v)
}

// newTestApp is test.NewTempApp under quietTheme.
func newTestApp(t *testing.T) {
	test.NewTempApp(t)
	test.ApplyTheme(t, &quietTheme{Theme: test.Theme()})
}

func newStatusTheme() *statusTheme {
	cs := map[fyne.ThemeColorName]color.Color{}
	for i, s := range allStatuses {
		cs[StatusColorName(s)] = color.NRGBA{R: uint8(40 * i), G: 0x80, B: 0x80, A: 0xff}
	}
	return &statusTheme{Theme: test.Theme(), colours: cs}
}

func TestStatusBadge(t *testing.T) {
	test.NewTempApp(t)
	b := NewStatusBadge(StatusScheduled, "Scheduled")
	w := test.NewTempWindow(t, b)
	w.Resize(fyne.NewSize(120, 40))
	r := test.WidgetRenderer(b).(*statusBadgeRenderer)
	assert.Equal(t, "Scheduled", r.text.Text)
	assert.Equal(t, theme.Color(theme.ColorNamePrimary), r.pill.StrokeColor, "the test theme has no status colours")
	test.AssertRendersToMarkup(t, "statusbadge/scheduled.xml", w.Canvas())

	b.SetStatus(StatusCancelled, "Cancelled")
	assert.Equal(t, "Cancelled", r.text.Text)
	assert.Equal(t, theme.Color(theme.ColorNameError), r.pill.StrokeColor)
	b.SetText("Postponed — was 2014")
	assert.Equal(t, "Postponed — was 2014", r.text.Text)
	assert.Greater(t, b.MinSize().Width, NewStatusBadge(StatusHeld, "Held").MinSize().Width)

	// A theme that knows the status names colours the badge.
	th := newStatusTheme()
	test.ApplyTheme(t, th)
	assert.Equal(t, th.colours[ColorNameStatusCancelled], r.pill.StrokeColor)
	assert.Equal(t, color.NRGBA{R: 200, G: 0x80, B: 0x80, A: 0x40}, r.pill.FillColor, "the tint is the colour at a quarter opacity")
}

func TestStatusColorName(t *testing.T) {
	tests := []struct {
		status string
		want   fyne.ThemeColorName
	}{
		{"proposed", ColorNameStatusProposed},
		{"tentative", ColorNameStatusTentative},
		{"scheduled", ColorNameStatusScheduled},
		{" Held ", ColorNameStatusHeld},
		{"POSTPONED", ColorNameStatusPostponed},
		{"cancelled", ColorNameStatusCancelled},
		{"unheard-of", ColorNameStatusProposed},
		{"", ColorNameStatusProposed},
	}
	for _, tc := range tests {
		t.Run(tc.status, func(t *testing.T) {
			assert.Equal(t, tc.want, StatusColorName(tc.status))
		})
	}
}

func TestStatusColour(t *testing.T) {
	test.NewTempApp(t)
	variant := fyne.CurrentApp().Settings().ThemeVariant()

	t.Run("a theme with status colours", func(t *testing.T) {
		th := newStatusTheme()
		for _, s := range allStatuses {
			assert.Equal(t, th.colours[StatusColorName(s)], StatusColour(th, s), s)
		}
		assert.Equal(t, StatusColour(th, StatusProposed), StatusColour(th, "unheard-of"))
	})

	// Fyne's themes know no status names: the test theme returns nil for them and the
	// default theme transparent. Every status still gets a colour of the theme.
	fallbacks := map[string]fyne.ThemeColorName{
		StatusProposed:  theme.ColorNamePlaceHolder,
		StatusTentative: theme.ColorNameWarning,
		StatusScheduled: theme.ColorNamePrimary,
		StatusHeld:      theme.ColorNameSuccess,
		StatusPostponed: theme.ColorNameWarning,
		StatusCancelled: theme.ColorNameError,
	}
	for name, th := range map[string]fyne.Theme{"test theme": test.Theme(), "default theme": theme.DefaultTheme()} {
		t.Run(name, func(t *testing.T) {
			for _, s := range allStatuses {
				c := StatusColour(th, s)
				require.NotNil(t, c, s)
				_, _, _, a := c.RGBA()
				assert.NotZero(t, a, "%s is not transparent", s)
				assert.Equal(t, th.Color(fallbacks[s], variant), c, s)
			}
		})
	}
}

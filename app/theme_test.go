package app

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/widgets"
)

func TestThemeGivesEveryStatusItsColour(t *testing.T) {
	newTestUI(t, afterSample)
	th := fyne.CurrentApp().Settings().Theme()
	assert.IsType(t, &parleyTheme{}, th, "the window installs Parley's theme")
	assert.Same(t, th, newTheme(th), "installed once")

	seen := map[fyne.ThemeColorName]bool{}
	colours := map[color.Color]bool{}
	for _, s := range []string{"proposed", "tentative", "scheduled", "held", "postponed", "cancelled"} {
		name := widgets.StatusColorName(s)
		assert.False(t, seen[name], "%s has a name of its own", s)
		seen[name] = true
		assert.Equal(t, statusColours[name], widgets.StatusColour(th, s), s)
		colours[widgets.StatusColour(th, s)] = true
	}
	assert.Len(t, colours, 6, "every status has a colour of its own")
	variant := fyne.CurrentApp().Settings().ThemeVariant()
	assert.Equal(t, test.Theme().Color(theme.ColorNamePrimary, variant), th.Color(theme.ColorNamePrimary, variant), "other colours are the wrapped theme's")
}

// View → Theme shows the window light or dark whatever the system says, and is remembered.
func TestThemeChoice(t *testing.T) {
	dark := &parleyTheme{Theme: theme.DefaultTheme(), choice: themeDark}
	assert.Equal(t, theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark),
		dark.Color(theme.ColorNameBackground, theme.VariantLight), "dark even when the system is light")
	light := &parleyTheme{Theme: theme.DefaultTheme(), choice: themeLight}
	assert.Equal(t, theme.DefaultTheme().Color(theme.ColorNameForeground, theme.VariantLight),
		light.Color(theme.ColorNameForeground, theme.VariantDark))
	system := &parleyTheme{Theme: theme.DefaultTheme(), choice: themeSystem}
	assert.Equal(t, theme.DefaultTheme().Color(theme.ColorNameBackground, theme.VariantDark),
		system.Color(theme.ColorNameBackground, theme.VariantDark))

	u, _ := newTestUI(t, afterSample)
	assert.Equal(t, themeSystem, u.themeChoice())
	u.setTheme(themeDark)
	assert.Equal(t, themeDark, u.themeChoice())
	assert.Equal(t, themeDark, u.app.Preferences().String(prefTheme))
	var view *fyne.Menu
	for _, m := range u.win.MainMenu().Items {
		if m.Label == "View" {
			view = m
		}
	}
	require.NotNil(t, view)
	var ticked []string
	for _, it := range view.Items {
		if it.Label == "Theme" {
			for _, c := range it.ChildMenu.Items {
				if c.Checked {
					ticked = append(ticked, c.Label)
				}
			}
		}
	}
	assert.Equal(t, []string{"Dark"}, ticked)

	again := newUI(u.app, Options{})
	assert.Equal(t, themeDark, again.themeChoice(), "the next window opens in the theme chosen")
}

package app

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// shortcut is Ctrl+key (Cmd+key on a Mac).
func shortcut(key fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: fyne.KeyModifierShortcutDefault}
}

func item(label string, key fyne.KeyName, action func()) *fyne.MenuItem {
	it := fyne.NewMenuItem(label, action)
	if key != "" {
		it.Shortcut = shortcut(key)
	}
	return it
}

// backItem is View → Back, on Alt+Left as in a browser; as a menu shortcut it works wherever
// the focus is, in a text field too.
func backItem(back func()) *fyne.MenuItem {
	it := fyne.NewMenuItem("Back", back)
	it.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierAlt}
	return it
}

// mainMenu is the menu bar. Its shortcuts work wherever the focus is, entries included.
func (u *ui) mainMenu() *fyne.MainMenu {
	recent := fyne.NewMenuItem("Recent databases", nil)
	recent.ChildMenu = u.recentMenu()
	quit := item("Quit", fyne.KeyQ, u.quit)
	quit.IsQuit = true

	file := fyne.NewMenu("File",
		item("New database…", "", u.onNewDatabase),
		item("Open database…", fyne.KeyO, u.onOpenDatabase),
		recent,
		fyne.NewMenuItemSeparator(),
		item("New meeting", fyne.KeyN, u.newMeeting),
		item("Save", fyne.KeyS, u.saveCurrent),
		fyne.NewMenuItemSeparator(),
		item("Import…", fyne.KeyI, u.onImport),
		item("Import article…", "", u.onImportArticle),
		item("Resolve conflicts…", "", u.onResolveConflicts),
		item("Export…", fyne.KeyE, u.onExport),
		item("Backup…", "", u.onBackup),
		item("Restore from a copy…", "", u.onRestore),
		fyne.NewMenuItemSeparator(),
		item("Handling marks…", "", u.onHandlingMarks),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	undo := fyne.NewMenuItem("Undo", u.onUndo)
	// Fyne turns Ctrl+Z into this shortcut, not a custom one, and tries the menu's first.
	undo.Shortcut = &fyne.ShortcutUndo{}
	edit := fyne.NewMenu("Edit", undo)
	view := fyne.NewMenu("View",
		item("Search", fyne.KeyF, u.focusSearch),
		fyne.NewMenuItemSeparator(),
		item("Calendar", fyne.Key1, func() { u.goScreen(screenCalendar) }),
		item("Talks", fyne.Key2, func() { u.goScreen(screenTalks) }),
		item("Actors", fyne.Key3, func() { u.goScreen(screenActors) }),
		item("Disputes", fyne.Key4, func() { u.goScreen(screenDisputes) }),
		item("Sources", fyne.Key5, func() { u.goScreen(screenSources) }),
		item("Trash", fyne.Key6, func() { u.goScreen(screenTrash) }),
		fyne.NewMenuItemSeparator(),
		backItem(u.back),
		fyne.NewMenuItemSeparator(),
		u.themeMenu(),
	)
	help := fyne.NewMenu("Help",
		item("Keyboard shortcuts", "", u.showShortcuts),
		item("About Parley", "", u.showAbout),
	)
	return fyne.NewMainMenu(file, edit, view, help)
}

// themeMenu is View → Theme: as the system, light or dark, the current one ticked.
func (u *ui) themeMenu() *fyne.MenuItem {
	m := fyne.NewMenuItem("Theme", nil)
	var items []*fyne.MenuItem
	for _, c := range themeChoices {
		value := c.value
		it := fyne.NewMenuItem(c.label, func() { u.setTheme(value) })
		it.Checked = u.themeChoice() == value
		items = append(items, it)
	}
	m.ChildMenu = fyne.NewMenu("Theme", items...)
	return m
}

// recentMenu lists the databases opened lately, newest first.
func (u *ui) recentMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for _, p := range u.app.Preferences().StringList(prefRecentDatabases) {
		path := p
		items = append(items, fyne.NewMenuItem(filepath.Base(path)+" — "+filepath.Dir(path), func() { u.openRecent(path) }))
	}
	if len(items) == 0 {
		none := fyne.NewMenuItem("No databases opened yet", nil)
		none.Disabled = true
		items = append(items, none)
	} else {
		items = append(items, fyne.NewMenuItemSeparator(), fyne.NewMenuItem("Clear the list", func() {
			u.app.Preferences().SetStringList(prefRecentDatabases, nil)
			u.refreshMenu()
		}))
	}
	return fyne.NewMenu("Recent databases", items...)
}

// refreshMenu rebuilds the menu bar after the recent list changed.
func (u *ui) refreshMenu() {
	u.win.SetMainMenu(u.mainMenu())
}

// openRecent opens a database from the recent list, unless it has gone.
func (u *ui) openRecent(path string) {
	if _, err := os.Stat(path); err != nil {
		u.showChoice("Cannot open "+filepath.Base(path),
			"“"+path+"” is no longer there; it may have been moved or deleted. It has been taken off the recent list.", nil,
			[]choice{{label: "Open another database…", action: u.onOpenDatabase}, {label: "OK", important: true}})
		var keep []string
		for _, r := range u.app.Preferences().StringList(prefRecentDatabases) {
			if r != path {
				keep = append(keep, r)
			}
		}
		u.app.Preferences().SetStringList(prefRecentDatabases, keep)
		u.refreshMenu()
		return
	}
	u.switchDatabase(path, false)
}

// newMeeting opens an empty meeting form (Ctrl+N).
func (u *ui) newMeeting() {
	if u.store == nil {
		return
	}
	u.push(newMeetingDraft(u, blankMeeting()))
}

// saveCurrent saves the page on top, when it is an editor (Ctrl+S).
func (u *ui) saveCurrent() {
	if ed, ok := u.top().(editor); ok {
		ed.save(func() {})
	}
}

func (u *ui) showAbout() {
	version := u.opts.Version
	if version == "" {
		version = "development build"
	}
	db := "No dossier is open."
	if u.store != nil {
		db = "Dossier: " + u.store.Path()
	}
	title := widget.NewLabel("Parley " + version)
	title.TextStyle = fyne.TextStyle{Bold: true}
	content := container.NewVBox(
		title,
		wrapLabel("Prepare diplomatic negotiations offline: a calendar of talks, actor profiles, dispute fact sheets and briefing packs, kept in one file on your own computer."),
		note(db),
	)
	d := dialog.NewCustom("About Parley", "Close", content, u.win)
	d.Resize(fyne.NewSize(480, 240))
	u.showDialog(d)
}

// keysBeyondTheMenu are the keys that are no menu item's shortcut, for Help → Keyboard shortcuts.
var keysBeyondTheMenu = [][2]string{
	{"Tab / Shift+Tab", "Next / previous field, button or list; the page scrolls to show it"},
	{"Up / Down", "In a list: the row above / below (search results too)"},
	{"Page Up / Page Down", "In a list: a screenful up / down"},
	{"Home / End", "In a list: the first / last row"},
	{"Enter", "In a list: open the selected row; on a button or link: press it; in a filter: on to the list; in a dialog: its main button"},
	{"Space", "Press the focused button or link, open the selected row"},
	{"Escape", "Close the dialog or pop-up (also while typing in it)"},
	{"Backspace", "Back to the previous page, when not typing in a field"},
}

// showShortcuts is Help → Keyboard shortcuts: every menu item that has a shortcut, read from
// the menus so that the list cannot fall behind them, then the keys that work without a menu.
func (u *ui) showShortcuts() {
	var rows [][2]string
	var walk func(items []*fyne.MenuItem)
	walk = func(items []*fyne.MenuItem) {
		for _, it := range items {
			switch sc := it.Shortcut.(type) {
			case *desktop.CustomShortcut:
				rows = append(rows, [2]string{shortcutLabel(sc), it.Label})
			case *fyne.ShortcutUndo:
				// Fyne's own undo key, which a text field takes for its typing.
				rows = append(rows, [2]string{"Ctrl+Z", it.Label + " (in a text field: the typing)"})
			}
			if it.ChildMenu != nil {
				walk(it.ChildMenu.Items)
			}
		}
	}
	for _, m := range u.mainMenu().Items {
		walk(m.Items)
	}
	rows = append(rows, keysBeyondTheMenu...)
	grid := container.New(layout.NewFormLayout())
	for _, r := range rows {
		k := widget.NewLabel(r[0])
		k.TextStyle = fyne.TextStyle{Monospace: true}
		v := widget.NewLabel(r[1])
		v.Wrapping = fyne.TextWrapWord
		grid.Add(k)
		grid.Add(v)
	}
	d := dialog.NewCustom("Keyboard shortcuts", "Close", container.NewVScroll(grid), u.win)
	win := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(760, win.Width-24), min(640, win.Height-40)))
	u.showDialog(d)
}

// shortcutLabel is how the shortcut list writes s: "Ctrl+N", "Alt+Left" (Cmd on a Mac).
func shortcutLabel(s *desktop.CustomShortcut) string {
	var parts []string
	for _, m := range []struct {
		mod  fyne.KeyModifier
		name string
	}{{fyne.KeyModifierControl, "Ctrl"}, {fyne.KeyModifierSuper, "Cmd"}, {fyne.KeyModifierAlt, "Alt"}, {fyne.KeyModifierShift, "Shift"}} {
		if s.Modifier&m.mod != 0 {
			parts = append(parts, m.name)
		}
	}
	return strings.Join(append(parts, string(s.KeyName)), "+")
}

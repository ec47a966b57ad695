package app

import (
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
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
	d.Show()
}

func (u *ui) showShortcuts() {
	rows := [][2]string{
		{"Ctrl+N", "New meeting"}, {"Ctrl+S", "Save the page"}, {"Ctrl+F", "Search"},
		{"Ctrl+1 … Ctrl+6", "Calendar, Talks, Actors, Disputes, Sources, Trash"},
		{"Ctrl+Z", "Undo: in a text field, the typing; elsewhere, the last deletion"},
		{"Ctrl+O", "Open database"}, {"Ctrl+I / Ctrl+E", "Import / Export"}, {"Ctrl+Q", "Quit"},
		{"Alt+Left", "Back to the previous page"},
		{"Enter / Escape", "In a message: its main button / close it"},
	}
	grid := container.NewGridWithColumns(2)
	for _, r := range rows {
		k := widget.NewLabel(r[0])
		k.TextStyle = fyne.TextStyle{Monospace: true}
		grid.Add(k)
		grid.Add(widget.NewLabel(r[1]))
	}
	dialog.NewCustom("Keyboard shortcuts", "Close", grid, u.win).Show()
}

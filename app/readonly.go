package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
)

// readOnlyBanner is the strip over the body that says the dossier is open for reading only,
// with the label showReadOnly fills in.
func readOnlyBanner() (*fyne.Container, *widget.Label) {
	msg := widget.NewLabel("")
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.WarningImportance
	return container.NewBorder(nil, widget.NewSeparator(), widget.NewIcon(theme.WarningIcon()), nil, msg), msg
}

// readOnlyText is what the banner says about the dossier at path.
func readOnlyText(path string) string {
	return "Read-only: “" + filepath.Base(path) + "” is on a disk or in a folder Parley cannot write to. " +
		"You can read, search, make briefing packs and export; changes cannot be saved. " +
		"To edit, save a copy (File → Backup…) to a folder of your own and open the copy."
}

// showReadOnly shows the banner while st is read-only and hides it otherwise.
func (u *ui) showReadOnly(st *storage.Store) {
	if !st.ReadOnly() {
		u.readOnly.Hide()
		return
	}
	u.readOnlyMsg.SetText(readOnlyText(st.Path()))
	u.readOnly.Show()
}

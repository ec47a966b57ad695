package app

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

// The window tells errors apart by storage's sentinels, never by the words of SQLite.
func TestErrorMessageUsesSentinels(t *testing.T) {
	const full = "The disk is full, so nothing was saved. Free some space and try again."
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"full database", fmt.Errorf("create meeting: %w", storage.ErrDiskFull), full},
		{"full disk under a pack", storage.Classify(&fs.PathError{Op: "write", Path: "brief.pdf", Err: syscall.ENOSPC}), full},
		{"locked", fmt.Errorf("begin: %w", storage.ErrLocked), "Another Parley window is using this database. Close it and try again."},
		{"SQLite's words alone mean nothing", errors.New("database or disk is full"),
			"Something went wrong: database or disk is full. The details below may help whoever looks after your computer."},
	} {
		t.Run(tc.name, func(t *testing.T) { assert.Equal(t, tc.want, errorMessage(tc.err)) })
	}
	assert.Contains(t, errorMessage(fmt.Errorf("update: %w", storage.ErrReadOnly)), "cannot be written")
}

// A pack saved on a computer without a PDF reader says so in words, not the system's.
func TestOpeningAFileWithNoProgramForIt(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	u.openURL = func(*url.URL) error { return &exec.Error{Name: "xdg-open", Err: exec.ErrNotFound} }
	u.openFile(filepath.Join("/home/desk", "2016-06-22 Tokyo round.pdf"))
	msg := texts(overlay(t, u))
	assert.Contains(t, msg, "The file is saved as 2016-06-22 Tokyo round.pdf in /home/desk, but a program to open PDF files was not found on this computer.")
	assert.NotContains(t, strings.SplitN(msg, "Details", 2)[0], "executable file not found", "the system's words stay under Details")
}

// A message's main button is Enter and Escape closes it; the window's own keys come back after.
func TestMessageKeys(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	c := u.win.Canvas()
	before := c.OnTypedKey()
	chosen := ""
	u.showChoice("Unsaved changes", "Save them?", nil, []choice{
		{label: "Cancel"}, {label: "Discard", action: func() { chosen = "discard" }},
		{label: "Save", important: true, action: func() { chosen = "save" }},
	})
	require.NotNil(t, c.Overlays().Top())
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	assert.Equal(t, "save", chosen, "Enter is the main button")
	assert.Nil(t, c.Overlays().Top(), "and closes the message")

	chosen = ""
	u.showChoice("Delete", "Delete it?", nil, []choice{{label: "Delete", quit: true, action: func() { chosen = "delete" }}, {label: "Cancel"}})
	pressKey(u, fyne.KeyEscape)
	assert.Empty(t, chosen, "Escape deletes nothing")
	assert.Nil(t, c.Overlays().Top())
	assert.Equal(t, fmt.Sprintf("%p", before), fmt.Sprintf("%p", c.OnTypedKey()), "the window's keys are back")
}

// A form dialog opens with its first field focused, and Enter in a one-line field submits it.
func TestFormDialogKeys(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	name := widget.NewEntry()
	note := widget.NewMultiLineEntry()
	items := []*widget.FormItem{widget.NewFormItem("Name", name), widget.NewFormItem("Note", note)}
	submitted := false
	u.askForm("New actor", "Create", items, fyne.NewSize(400, 200), func() { submitted = true })
	assert.Equal(t, name, u.win.Canvas().Focused(), "the first field has the focus")
	test.Type(name, "Sergey Lavrov")
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	assert.True(t, submitted, "Enter submits")
	assert.Nil(t, u.win.Canvas().Overlays().Top())
}

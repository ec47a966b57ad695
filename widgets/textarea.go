package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Tabbable = (*TextArea)(nil)

// TextArea is a wrapping multi-line entry that leaves Tab and Shift+Tab to move the focus,
// as in any other field of a form. A stock multi-line entry takes Tab as a character, so a
// keyboard user who tabs into it cannot tab out again; Enter still starts a new line here.
type TextArea struct {
	widget.Entry
}

// NewTextArea returns an empty text area showing at least rows lines.
func NewTextArea(rows int) *TextArea {
	e := &TextArea{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(rows)
	return e
}

// AcceptsTab reports false: Tab moves to the next field.
func (e *TextArea) AcceptsTab() bool { return false }

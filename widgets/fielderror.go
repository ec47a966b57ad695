package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Widget = (*FieldError)(nil)

// FieldError is the line under a form field saying what is wrong with it, in the theme's
// error colour and caption size, wrapping when long. It hides itself while there is nothing
// to say, so a form keeps no gap for it.
type FieldError struct {
	widget.BaseWidget
	Text string
}

// NewFieldError returns an empty (hidden) error line.
func NewFieldError() *FieldError {
	e := &FieldError{}
	e.ExtendBaseWidget(e)
	e.Hidden = true
	return e
}

// SetText shows text, or hides the line when text is "".
func (e *FieldError) SetText(text string) {
	e.Text = text
	if text == "" {
		e.Hide()
	} else {
		e.Show()
	}
	e.Refresh()
}

// SetError shows err's message, or hides the line when err is nil.
func (e *FieldError) SetError(err error) {
	if err == nil {
		e.SetText("")
		return
	}
	e.SetText(err.Error())
}

// CreateRenderer returns the renderer.
func (e *FieldError) CreateRenderer() fyne.WidgetRenderer {
	e.ExtendBaseWidget(e)
	l := widget.NewLabel(e.Text)
	l.Importance = widget.DangerImportance
	l.SizeName = theme.SizeNameCaptionText
	l.Wrapping = fyne.TextWrapWord
	return &fieldErrorRenderer{WidgetRenderer: widget.NewSimpleRenderer(l), e: e, label: l}
}

type fieldErrorRenderer struct {
	fyne.WidgetRenderer
	e     *FieldError
	label *widget.Label
}

func (r *fieldErrorRenderer) Refresh() {
	r.label.SetText(r.e.Text)
	r.WidgetRenderer.Refresh()
}

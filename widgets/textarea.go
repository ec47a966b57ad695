package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

var _ fyne.Tabbable = (*TextArea)(nil)

// TextArea is a wrapping multi-line entry that leaves Tab and Shift+Tab to move the focus,
// as in any other field of a form, and grows to its text. A stock multi-line entry takes Tab
// as a character, so a keyboard user who tabs into it cannot tab out again; Enter still starts
// a new line here. A stock entry also keeps the lines beyond its box in a scroll of its own,
// which on a page (PageScroll) the wheel never reaches: the wheel scrolls the page wherever
// the pointer is, so notes longer than their box could be read only by moving the cursor
// through them. Grown to its text, the area never scrolls itself and the page shows it all.
type TextArea struct {
	widget.Entry

	// measure wraps the text as the entry does, to tell the height it needs; measured is the
	// text, width and height it last told, so that an unchanged area is not wrapped again.
	measure  *widget.RichText
	measured struct {
		text          string
		width, height float32
	}
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

// MinSize is the stock entry's, at least as tall as the text wrapped to the area's width. A
// window lays out again the container of an object whose MinSize changed (as for a wrapping
// label), so the area grows as text is typed or its width changes.
func (e *TextArea) MinSize() fyne.Size {
	size := e.Entry.MinSize()
	if w := e.Size().Width; w > 0 {
		size.Height = max(size.Height, e.textHeight(w))
	}
	return size
}

// textHeight is the height the area needs to show all its text at width, as the entry lays
// it out: the text as wide as the area less the validation icon if there is one, between the
// input's borders above and below.
func (e *TextArea) textHeight(width float32) float32 {
	if e.measure != nil && e.measured.text == e.Text && e.measured.width == width {
		return e.measured.height
	}
	th := e.Theme()
	border := th.Size(theme.SizeNameInputBorder)
	inner := width
	if e.Validator != nil {
		inner -= th.Size(theme.SizeNameInlineIcon) + th.Size(theme.SizeNameLineSpacing) + th.Size(theme.SizeNameInnerPadding)
	}
	if e.measure == nil {
		e.measure = widget.NewRichTextWithText("")
		e.measure.Wrapping = fyne.TextWrapWord
	}
	seg := e.measure.Segments[0].(*widget.TextSegment)
	seg.Text = e.Text
	seg.Style.TextStyle = e.TextStyle
	e.measure.Refresh()
	e.measure.Resize(fyne.NewSize(max(inner, 1), e.measure.Size().Height))
	h := e.measure.MinSize().Height + 2*border
	e.measured.text, e.measured.width, e.measured.height = e.Text, width, h
	return h
}

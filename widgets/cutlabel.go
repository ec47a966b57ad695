package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// CutLabel is a one-line label that uses the width it is given and, where its text does not
// fit, cuts the middle rather than the end: "Peace treaty con…ions, round 2", not "Peace treaty
// consultations, r…", so that rows differing only at the end still differ. Text is the whole
// text; the label shows a cut copy.
type CutLabel struct {
	widget.Label
	full  string
	width float32 // the width the shown text was cut for
}

// NewCutLabel returns a label showing text, in bold when bold is true.
func NewCutLabel(text string, bold bool) *CutLabel {
	l := &CutLabel{full: text}
	l.Text = text
	l.TextStyle.Bold = bold
	// A safety net only: the cut text fits, and the end is never cut unless it does not.
	l.Truncation = fyne.TextTruncateEllipsis
	l.ExtendBaseWidget(l)
	return l
}

// FullText is the whole text, cut or not.
func (l *CutLabel) FullText() string { return l.full }

// SetText sets the whole text.
func (l *CutLabel) SetText(text string) {
	if text == l.full && l.width == l.Size().Width {
		return
	}
	l.full = text
	l.fit()
}

// Resize cuts the text again for the new width.
func (l *CutLabel) Resize(size fyne.Size) {
	l.Label.Resize(size)
	if size.Width != l.width {
		l.fit()
	}
}

// fit shows as much of the whole text as the label's width holds.
func (l *CutLabel) fit() {
	th := l.Theme()
	l.width = l.Size().Width
	shown := l.full
	// The label's own truncation measures a little differently (rune by rune); a padding to
	// spare keeps it from cutting the end as well.
	if room := l.width - 2*th.Size(theme.SizeNameInnerPadding) - th.Size(theme.SizeNamePadding); l.width > 0 {
		shown = cutMiddle(l.full, th.Size(l.textSize()), l.TextStyle, room)
	}
	if shown != l.Text {
		l.Label.SetText(shown)
	}
}

func (l *CutLabel) textSize() fyne.ThemeSizeName {
	if l.SizeName != "" {
		return l.SizeName
	}
	return theme.SizeNameText
}

package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
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
	l := &CutLabel{}
	l.setUp(text, bold)
	l.ExtendBaseWidget(l)
	return l
}

// setUp gives a new label its text and style; the caller extends the base widget.
func (l *CutLabel) setUp(text string, bold bool) {
	l.full, l.Text = text, text
	l.TextStyle.Bold = bold
	// A safety net only: the cut text fits, and the end is never cut unless it does not.
	l.Truncation = fyne.TextTruncateEllipsis
}

// FullText is the whole text, cut or not.
func (l *CutLabel) FullText() string { return l.full }

// wholeIfCut is the whole text when the label shows it cut, for a tip (see KeyList.Tips).
func (l *CutLabel) wholeIfCut() string {
	if l.Visible() && l.Text != l.full {
		return l.full
	}
	return ""
}

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

var _ desktop.Hoverable = (*TipLabel)(nil)

// TipLabel is a CutLabel that says its text whole in a tip when the pointer rests on it and
// the text is cut: for a label standing on its own, such as a page's title. In a KeyList row
// use a CutLabel: the row, which takes the hover, shows its tip.
type TipLabel struct {
	CutLabel
	// Tips is where the whole text is shown; none is when it is nil.
	Tips *TipLayer `json:"-"`
	wait tipTimer
}

// NewTipLabel returns a label showing text, in bold when bold is true.
func NewTipLabel(text string, bold bool) *TipLabel {
	l := &TipLabel{}
	l.setUp(text, bold)
	l.ExtendBaseWidget(l)
	return l
}

// MouseIn shows the whole text once the pointer has rested for tipDelay, if it is cut.
func (l *TipLabel) MouseIn(*desktop.MouseEvent) {
	if l.Tips == nil {
		return
	}
	l.wait.start(func() {
		if whole := l.wholeIfCut(); whole != "" {
			l.Tips.ShowTip(whole, l, TipBelow)
		}
	})
}

// MouseMoved does nothing; it completes desktop.Hoverable.
func (l *TipLabel) MouseMoved(*desktop.MouseEvent) {}

// MouseOut takes the tip away.
func (l *TipLabel) MouseOut() {
	l.wait.stop()
	if l.Tips != nil {
		l.Tips.HideTipOf(l)
	}
}

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lazySection is a section of a long record page shown folded: its heading, a line saying
// what it holds and a Show button. Its inputs are laid out and filled the first time it is
// shown, and only hidden after that. A meeting's page has a dozen sections of rows of inputs;
// filling and laying out all of them was most of what opening it cost, for parts a reader
// often never looks at.
type lazySection struct {
	title   string
	box     *fyne.Container // the heading, the button with the summary, then the content
	toggle  *widget.Button
	summary *widget.Label
	content fyne.CanvasObject // nil until first shown
	// make lays out the inputs; first fills them, before they are shown the first time;
	// summarise says in a line what the inputs hold, when the user folds the section again.
	make      func() fyne.CanvasObject
	first     func()
	summarise func() string
}

// newLazySection returns the folded section titled title; see lazySection for make, first
// and summarise.
func newLazySection(title string, make func() fyne.CanvasObject, first func(), summarise func() string) *lazySection {
	s := &lazySection{title: title, make: make, first: first, summarise: summarise}
	s.toggle = widget.NewButtonWithIcon("Show", theme.MenuDropDownIcon(), s.onToggle)
	s.toggle.Importance = widget.LowImportance
	s.summary = note("")
	s.box = container.NewVBox(heading(title), container.NewBorder(nil, nil, s.toggle, nil, s.summary))
	return s
}

// built reports whether the section's inputs have been made and filled.
func (s *lazySection) built() bool { return s.content != nil }

// shown reports whether the section is unfolded.
func (s *lazySection) shown() bool { return s.content != nil && s.content.Visible() }

func (s *lazySection) onToggle() {
	if s.shown() {
		s.hide()
	} else {
		s.show()
	}
}

// show unfolds the section, making and filling its inputs the first time. The button stays
// where it was, as Hide, so that the focus stays on it and Tab goes on into the inputs.
func (s *lazySection) show() {
	if s.shown() {
		return
	}
	s.toggle.SetText("Hide")
	s.toggle.SetIcon(theme.MenuDropUpIcon())
	s.summary.Hide()
	if s.content == nil {
		s.content = s.make()
		s.first()
		s.box.Add(s.content)
		return
	}
	s.content.Show()
}

// hide folds the section, saying what it holds.
func (s *lazySection) hide() {
	if !s.shown() {
		return
	}
	s.content.Hide()
	s.toggle.SetText("Show")
	s.toggle.SetIcon(theme.MenuDropDownIcon())
	s.setSummary(s.summarise())
	s.summary.Show()
}

// setSummary says what the section holds, shown while it is folded.
func (s *lazySection) setSummary(text string) { s.summary.SetText(text) }

package app

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// listScreen is a top-level list of records (actors, disputes, sources): a heading with a New
// button, the rows, each opening its record, and a hint in place of the rows when there are
// none.
type listScreen[T any] struct {
	u     *ui
	spec  listSpec[T]
	list  *widgets.KeyList
	empty *widget.Label
	rows  []T
	root  fyne.CanvasObject
	kept  readStamp // what the records shown were read from (spec.keep)
}

// listSpec says what a listScreen lists and how.
type listSpec[T any] struct {
	name     string // the screen's title, e.g. screenSources
	plural   string // for errors, e.g. "sources"
	newLabel string // e.g. "New source"
	newPage  func() page
	open     func(T) page
	empty    string // the hint when there are no records
	// load reads the records: a Store method such as (*storage.Store).Sources.
	load func(*storage.Store, context.Context) ([]T, error)
	// row makes an empty row: a container of labels; cells gives their texts for a record.
	row   func() fyne.CanvasObject
	cells func(T) []string
	// Optional: an input beside the heading, column headings under it, a line under the list.
	filter, columns, footer fyne.CanvasObject
	// Optional: takes over what was loaded, to show some of it with setRows.
	loaded func([]T)
	// keep: a visit that finds the dossier unchanged since the records were read keeps them
	// (a list of 20,000 actors takes a tenth of a second to read and show again).
	keep bool
}

func newListScreen[T any](u *ui, spec listSpec[T]) *listScreen[T] {
	s := &listScreen[T]{u: u, spec: spec}
	s.list = widgets.NewKeyList(func() int { return len(s.rows) }, spec.row, func(id widget.ListItemID, o fyne.CanvasObject) {
		if id >= len(s.rows) {
			return
		}
		c := o.(*fyne.Container)
		for i, text := range spec.cells(s.rows[id]) {
			if l, ok := c.Objects[i].(*widget.Label); ok {
				setLabel(l, text)
			} else {
				c.Objects[i].(interface{ SetText(string) }).SetText(text)
			}
		}
	})
	s.list.OnOpen = func(id widget.ListItemID) {
		if id < len(s.rows) {
			u.push(spec.open(s.rows[id]))
		}
	}
	// The row the keyboard or the pointer is on is said whole in the status line: the list
	// may cut it.
	s.list.OnCursor = func(id widget.ListItemID) {
		if id < len(s.rows) {
			u.setStatus(rowText(spec.cells(s.rows[id])))
		}
	}
	s.list.OnHover = s.list.OnCursor
	s.list.Tips = u.tips // and in a tip when the pointer rests on it
	s.empty = emptyState(spec.empty)
	s.empty.Hide()
	newBtn := widget.NewButtonWithIcon(spec.newLabel, theme.ContentAddIcon(), func() { u.push(spec.newPage()) })
	newBtn.Importance = widget.HighImportance
	var bar []fyne.CanvasObject
	if e, ok := spec.filter.(*widget.Entry); ok {
		e.OnSubmitted = func(string) { u.win.Canvas().Focus(s.list) } // Enter: on to the rows
	}
	if spec.filter != nil {
		bar = append(bar, spec.filter)
	}
	top := []fyne.CanvasObject{container.NewBorder(nil, nil, heading(spec.name), newBtn, bar...)}
	if spec.columns != nil {
		top = append(top, spec.columns)
	}
	top = append(top, widget.NewSeparator())
	s.root = container.NewPadded(topDown(container.NewVBox(top...), spec.footer,
		overEmpty(s.list, s.empty)))
	return s
}

func (s *listScreen[T]) title() string           { return s.spec.name }
func (s *listScreen[T]) view() fyne.CanvasObject { return s.root }

// listData is one load of a listScreen: the records and the stamp read before them, or,
// when the dossier is as the list shown was read from, nothing.
type listData[T any] struct {
	rows      []T
	stamp     readStamp
	unchanged bool
}

func (s *listScreen[T]) show() {
	st, load, keep, kept := s.u.store, s.spec.load, s.spec.keep, s.kept
	run(s.u, "", func(ctx context.Context) (listData[T], error) {
		var d listData[T]
		if keep {
			d.stamp = stampOf(ctx, st) // before the records: a write after it shows next time
			if kept.same(d.stamp) {
				return listData[T]{unchanged: true}, nil
			}
		}
		var err error
		d.rows, err = load(st, ctx)
		return d, err
	}, func(d listData[T], err error) {
		if d.unchanged {
			return
		}
		s.kept = d.stamp
		if err != nil {
			s.kept = readStamp{}
		}
		s.apply(d.rows, err)
	})
}

func (s *listScreen[T]) apply(rows []T, err error) {
	if err != nil {
		s.u.showError("list the "+s.spec.plural, err)
		return
	}
	if s.spec.loaded != nil {
		s.spec.loaded(rows)
		return
	}
	s.setRows(rows)
}

// setRows shows rows, or the hint when there are none.
func (s *listScreen[T]) setRows(rows []T) {
	s.rows = rows
	s.list.Refresh()
	if len(rows) == 0 {
		s.empty.Show()
	} else {
		s.empty.Hide()
	}
}

// setLabel sets a label's text unless it holds it already. A list sets the text of every row
// in view each time it is shown or laid out, and a label given its text again shapes it again
// (most of the time a visit to Talks or Actors took when nothing had changed).
func setLabel(l *widget.Label, text string) {
	if l.Text != text {
		l.SetText(text)
	}
}

// rowText is a row's cells, those not empty, in one line.
func rowText(cells []string) string {
	var parts []string
	for _, c := range cells {
		if c = strings.TrimSpace(c); c != "" {
			parts = append(parts, c)
		}
	}
	return strings.Join(parts, " · ")
}

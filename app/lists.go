package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
)

// listEditor edits a list of texts (objectives, lines to take): one entry per item, each with
// a remove button, and a button that adds an empty item.
type listEditor struct {
	ed      *editState
	entries []*widget.Entry
	box     *fyne.Container
	root    *fyne.Container
}

func newListEditor(ed *editState, addLabel string) *listEditor {
	l := &listEditor{ed: ed, box: container.NewVBox()}
	add := widget.NewButtonWithIcon(addLabel, theme.ContentAddIcon(), func() {
		l.append("")
		l.ed.touch()
		l.redraw()
		if n := len(l.entries); n > 0 {
			if c := fyne.CurrentApp().Driver().CanvasForObject(l.root); c != nil {
				c.Focus(l.entries[n-1])
			}
		}
	})
	add.Importance = widget.LowImportance
	l.root = container.NewVBox(l.box, container.NewHBox(add))
	return l
}

func (l *listEditor) view() fyne.CanvasObject { return l.root }

func (l *listEditor) append(text string) {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(2)
	e.SetText(text)
	e.OnChanged = func(string) { l.ed.touch() }
	l.entries = append(l.entries, e)
}

// set replaces the items.
func (l *listEditor) set(items []string) {
	l.entries = nil
	for _, it := range items {
		l.append(it)
	}
	l.redraw()
}

// get returns the non-empty items, trimmed, in order.
func (l *listEditor) get() []string {
	var out []string
	for _, e := range l.entries {
		if t := strings.TrimSpace(e.Text); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func (l *listEditor) redraw() {
	l.box.Objects = nil
	for i, e := range l.entries {
		i := i
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			l.entries = append(l.entries[:i:i], l.entries[i+1:]...)
			l.ed.touch()
			l.redraw()
		})
		rm.Importance = widget.LowImportance
		l.box.Add(container.NewBorder(nil, nil, nil, rm, e))
	}
	l.box.Refresh()
}

// qaEditor edits anticipated questions with their prepared answers.
type qaEditor struct {
	ed   *editState
	rows []qaRow
	box  *fyne.Container
	root *fyne.Container
}

type qaRow struct {
	q, a *widget.Entry
}

func newQAEditor(ed *editState) *qaEditor {
	q := &qaEditor{ed: ed, box: container.NewVBox()}
	add := widget.NewButtonWithIcon("Add a question", theme.ContentAddIcon(), func() {
		q.append(storage.QA{})
		q.ed.touch()
		q.redraw()
	})
	add.Importance = widget.LowImportance
	q.root = container.NewVBox(q.box, container.NewHBox(add))
	return q
}

func (q *qaEditor) view() fyne.CanvasObject { return q.root }

func (q *qaEditor) append(qa storage.QA) {
	qe := widget.NewEntry()
	qe.SetPlaceHolder("Question")
	qe.SetText(qa.Question)
	qe.OnChanged = func(string) { q.ed.touch() }
	ae := widget.NewMultiLineEntry()
	ae.SetPlaceHolder("Prepared answer")
	ae.Wrapping = fyne.TextWrapWord
	ae.SetMinRowsVisible(2)
	ae.SetText(qa.Answer)
	ae.OnChanged = func(string) { q.ed.touch() }
	q.rows = append(q.rows, qaRow{q: qe, a: ae})
}

func (q *qaEditor) set(items []storage.QA) {
	q.rows = nil
	for _, it := range items {
		q.append(it)
	}
	q.redraw()
}

// get returns the questions that have a question or an answer.
func (q *qaEditor) get() []storage.QA {
	var out []storage.QA
	for _, r := range q.rows {
		qa := storage.QA{Question: strings.TrimSpace(r.q.Text), Answer: strings.TrimSpace(r.a.Text)}
		if qa.Question != "" || qa.Answer != "" {
			out = append(out, qa)
		}
	}
	return out
}

func (q *qaEditor) redraw() {
	q.box.Objects = nil
	for i, r := range q.rows {
		i := i
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			q.rows = append(q.rows[:i:i], q.rows[i+1:]...)
			q.ed.touch()
			q.redraw()
		})
		rm.Importance = widget.LowImportance
		q.box.Add(container.NewBorder(nil, nil, nil, rm, container.NewVBox(r.q, r.a)))
		if i < len(q.rows)-1 {
			q.box.Add(widget.NewSeparator())
		}
	}
	q.box.Refresh()
}

// postsEditor edits an actor's post history: title, organisation, from and to.
type postsEditor struct {
	ed   *editState
	rows []postRow
	box  *fyne.Container
	root *fyne.Container
}

type postRow struct {
	title, org, from, to *widget.Entry
}

func newPostsEditor(ed *editState) *postsEditor {
	p := &postsEditor{ed: ed, box: container.NewVBox()}
	add := widget.NewButtonWithIcon("Add a post", theme.ContentAddIcon(), func() {
		p.append(storage.Post{})
		p.ed.touch()
		p.redraw()
	})
	add.Importance = widget.LowImportance
	p.root = container.NewVBox(p.box, container.NewHBox(add))
	return p
}

func (p *postsEditor) view() fyne.CanvasObject { return p.root }

func (p *postsEditor) append(post storage.Post) {
	mk := func(text, hint string) *widget.Entry {
		e := widget.NewEntry()
		e.SetPlaceHolder(hint)
		e.SetText(text)
		e.OnChanged = func(string) { p.ed.touch() }
		return e
	}
	p.rows = append(p.rows, postRow{
		title: mk(post.Title, "title"),
		org:   mk(post.Organisation, "organisation"),
		from:  mk(post.From.ISO(), "from, e.g. 2011"),
		to:    mk(post.To.ISO(), "to (empty: still holds it)"),
	})
}

func (p *postsEditor) set(posts []storage.Post) {
	p.rows = nil
	for _, post := range posts {
		p.append(post)
	}
	p.redraw()
}

// get reads the posts, refusing dates that do not exist.
func (p *postsEditor) get() ([]storage.Post, error) {
	var out []storage.Post
	for i, r := range p.rows {
		post := storage.Post{Title: strings.TrimSpace(r.title.Text), Organisation: strings.TrimSpace(r.org.Text)}
		if post.Title == "" && post.Organisation == "" && strings.TrimSpace(r.from.Text+r.to.Text) == "" {
			continue
		}
		var err error
		if post.From, err = storage.ParsePartialDate(r.from.Text); err != nil {
			return nil, fmt.Errorf("Post %d, from: %w", i+1, err)
		}
		if post.To, err = storage.ParsePartialDate(r.to.Text); err != nil {
			return nil, fmt.Errorf("Post %d, to: %w", i+1, err)
		}
		if post.Title == "" {
			return nil, fmt.Errorf("Post %d has no title", i+1)
		}
		post.FromText, post.ToText = post.From.ISO(), post.To.ISO()
		out = append(out, post)
	}
	return out, nil
}

func (p *postsEditor) redraw() {
	p.box.Objects = nil
	for i, r := range p.rows {
		i := i
		rm := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
			p.rows = append(p.rows[:i:i], p.rows[i+1:]...)
			p.ed.touch()
			p.redraw()
		})
		rm.Importance = widget.LowImportance
		p.box.Add(container.New(&columns{widths: []float32{0, 0, 130, 170, 40}}, r.title, r.org, r.from, r.to, rm))
	}
	p.box.Refresh()
}

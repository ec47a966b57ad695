package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// stringList is an editor of a list of texts (objectives, lines to take, spellings) that
// marks e edited on every change.
func stringList(e *editState, multiLine bool, placeholder, addText string) *widgets.StringListEditor {
	l := widgets.NewStringListEditor(nil)
	l.SetMultiLine(multiLine)
	l.SetPlaceHolder(placeholder)
	l.SetAddText(addText)
	l.OnChanged = func([]string) { e.touch() }
	return l
}

// nonEmpty returns the items that are not blank, trimmed, in order.
func nonEmpty(items []string) []string {
	var out []string
	for _, it := range items {
		if it = strings.TrimSpace(it); it != "" {
			out = append(out, it)
		}
	}
	return out
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

package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
	"github.com/parley-app/parley/widgets"
)

// The conflicts dialog is the window's face of `parley import --conflicts`: each record a
// bundle import found changed on both sides, field by field, Parley's value beside the file's,
// with a choice per field, applied in one transaction (tasks.ResolveConflicts).

// Choices of a field in the conflicts dialog.
const (
	choiceOurs   = "Parley's"
	choiceTheirs = "The file's"
)

// conflictsShown is how many conflicts the dialog shows at once: a first exchange after an
// upgrade may bring hundreds, and the rest come up once these are settled.
const conflictsShown = 30

// conflictValueShown is how much of a long value (a biography, a background) the dialog shows.
const conflictValueShown = 600

// onResolveConflicts loads the conflicts awaiting a decision and shows them.
func (u *ui) onResolveConflicts() {
	if u.store == nil {
		return
	}
	st := u.store
	run(u, "Reading the conflicts…", func(ctx context.Context) ([]storage.Conflict, error) {
		return tasks.PendingConflicts(ctx, st)
	}, func(cs []storage.Conflict, err error) {
		if err != nil {
			u.showError("read the conflicts", err)
			return
		}
		if len(cs) == 0 {
			u.tell("No conflicts", "No record awaits a decision: every import so far merged without one.", nil)
			return
		}
		u.setStatus(conflictCount(len(cs)) + " to decide")
		u.showConflicts(cs)
	})
}

// conflictChoice is the choice made in the dialog for one conflict: a radio group per field.
type conflictChoice struct {
	c      storage.Conflict
	fields []*widget.RadioGroup // in the order of c.Fields
}

// resolution is what the choices say: Parley's copy, the file's whole, or a merge.
func (cc conflictChoice) resolution() storage.Resolution {
	r := storage.Resolution{Kind: cc.c.Kind, ID: cc.c.ID}
	for i, g := range cc.fields {
		if g.Selected == choiceTheirs {
			r.Theirs = append(r.Theirs, cc.c.Fields[i].Field)
		}
	}
	// Every differing field from the file (or any of a record deleted here) is the file's copy.
	if len(r.Theirs) > 0 && (len(r.Theirs) == len(cc.c.Fields) || cc.c.Gone) {
		r.All, r.Theirs = true, nil
	}
	return r
}

// showConflicts shows the conflicts side by side, field by field, each field's choice
// Parley's to begin with.
func (u *ui) showConflicts(cs []storage.Conflict) {
	var choices []*conflictChoice
	list := container.NewVBox()
	intro := "Each record below was changed both here and in an imported file. Choose, field by field, which " +
		"version to keep: Parley's, or the file's. Nothing changes until you apply the choices."
	if len(cs) > conflictsShown {
		intro += fmt.Sprintf(" The first %d of %d are shown; the rest follow once these are settled.", conflictsShown, len(cs))
		cs = cs[:conflictsShown]
	}
	list.Add(wrapLabel(intro))
	for _, c := range cs {
		cc := &conflictChoice{c: c}
		choices = append(choices, cc)
		list.Add(widget.NewSeparator())
		list.Add(conflictHeading(c))
		file := "The file"
		if c.File != "" {
			file = c.File
		}
		for _, f := range c.Fields {
			g := widget.NewRadioGroup([]string{choiceOurs, choiceTheirs}, nil)
			g.Horizontal = true
			g.Required = true
			g.SetSelected(choiceOurs)
			cc.fields = append(cc.fields, g)
			ours := "Parley's " + f.Label()
			if c.Gone {
				ours = "Parley's (deleted)"
			}
			list.Add(widgets.NewSideBySide(
				widgets.Column{Heading: ours, Paragraphs: []string{shownValue(f.Ours)}},
				widgets.Column{Heading: file + ": " + f.Label(), Paragraphs: []string{shownValue(f.Theirs)}},
			))
			list.Add(container.NewHBox(widget.NewLabel("Keep:"), g))
		}
		all := func(side string) func() {
			return func() {
				for _, g := range cc.fields {
					g.SetSelected(side)
				}
			}
		}
		list.Add(container.NewHBox(widget.NewButton("All Parley's", all(choiceOurs)), widget.NewButton("All the file's", all(choiceTheirs))))
	}
	scroll := container.NewVScroll(list)
	d := dialog.NewCustomWithoutButtons(fmt.Sprintf("Resolve %s", conflictCount(len(cs))), scroll, u.win)
	apply := widget.NewButton("Apply the choices", func() {
		d.Hide()
		res := make([]storage.Resolution, len(choices))
		for i, cc := range choices {
			res[i] = cc.resolution()
		}
		u.applyResolutions(res)
	})
	apply.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{widget.NewButton("Decide later", d.Hide), apply})
	win := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(860, win.Width-40), min(640, win.Height-40)))
	d.Show()
}

// conflictHeading names the record and why it is in conflict, in bold.
func conflictHeading(c storage.Conflict) *widget.Label {
	first, _, _ := strings.Cut(tasks.ConflictText(c), "\n")
	l := wrapLabel(strings.TrimSuffix(first, ":"))
	l.TextStyle = fyne.TextStyle{Bold: true}
	return l
}

func conflictCount(n int) string {
	if n == 1 {
		return "1 conflict"
	}
	return fmt.Sprintf("%d conflicts", n)
}

// shownValue is a field's value for the dialog: "(empty)" for nothing, a long one cut.
func shownValue(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(empty)"
	}
	if r := []rune(s); len(r) > conflictValueShown {
		return string(r[:conflictValueShown]) + "…"
	}
	return s
}

// applyResolutions settles the conflicts in one transaction off the Fyne goroutine and says
// what became of each record.
func (u *ui) applyResolutions(res []storage.Resolution) {
	st := u.store
	run(u, "Resolving the conflicts…", func(ctx context.Context) (tasks.ResolveReport, error) {
		return tasks.ResolveConflicts(ctx, st, res)
	}, func(rep tasks.ResolveReport, err error) {
		u.resetTo(u.screen)
		u.reported("resolve the conflicts", "Conflicts resolved", "Conflicts resolved", rep, err)
	})
}

package app

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/handling"
	"github.com/parley-app/parley/tasks"
)

// onHandlingMarks is File → Handling marks…: the marking every pack carries, the dossier's
// ordered levels and the caveats a marking may add.
func (u *ui) onHandlingMarks() {
	st := u.store
	run(u, "", func(ctx context.Context) (tasks.HandlingReport, error) {
		return tasks.Handling(ctx, st)
	}, func(hs tasks.HandlingReport, err error) {
		if err != nil {
			u.showError("read the handling marks", err)
			return
		}
		u.showHandlingForm(hs)
	})
}

func (u *ui) showHandlingForm(hs tasks.HandlingReport) {
	marking := widget.NewMultiLineEntry()
	marking.Wrapping = fyne.TextWrapWord
	marking.SetMinRowsVisible(2)
	marking.SetPlaceHolder("e.g. OFFICIAL-SENSITIVE — UK EYES ONLY; empty for no marking")
	marking.SetText(hs.Marking)
	marking.Validator = func(s string) error {
		if n := utf8.RuneCountInString(strings.TrimSpace(s)); n > tasks.MaxMarkingChars {
			return fmt.Errorf("%d characters: a marking is printed whole on every page, and about %d fit", n, tasks.MaxMarkingChars)
		}
		return nil
	}
	levels := widget.NewMultiLineEntry()
	levels.SetMinRowsVisible(4)
	levels.SetText(hs.Scheme.LevelsText())
	if strings.TrimSpace(hs.Levels) != "" {
		levels.SetText(hs.Levels)
	}
	levels.Validator = func(s string) error {
		_, err := handling.ParseLevels(s)
		return err
	}
	caveats := widget.NewMultiLineEntry()
	caveats.SetMinRowsVisible(3)
	caveats.SetText(hs.Scheme.CaveatsText())
	addCaveat := widget.NewSelect(hs.Scheme.Caveats, nil)
	addCaveat.PlaceHolder = "Add a caveat to the marking…"
	addCaveat.OnChanged = func(c string) {
		if c == "" {
			return
		}
		if t := strings.TrimSpace(marking.Text); !strings.Contains(strings.ToUpper(t), strings.ToUpper(c)) {
			marking.SetText(strings.TrimPrefix(t+" — "+c, " — "))
		}
		addCaveat.ClearSelected()
	}
	items := []*widget.FormItem{
		// Hints are one line that does not wrap: what would hold a narrow window wide is in the
		// note at the end.
		{Text: "Marking", Widget: marking, HintText: "Printed whole at the top and bottom of every page."},
		{Text: "", Widget: addCaveat},
		{Text: "Levels", Widget: levels, HintText: "Lowest first, one a line, with its portion mark: OFFICIAL-SENSITIVE (OS)."},
		{Text: "Caveats", Widget: caveats, HintText: "One a line, e.g. UK EYES ONLY."},
		{Text: "", Widget: note("A page that carries a more sensitive item shows that item's level instead of the marking's. " +
			"Mark an objective, line, question, paragraph, fact, position or statement by beginning it with its level in brackets: “(OS) Our fallback is …”. An item without a mark is at the marking's own level.")},
	}
	u.askForm("Handling marks", "Save", items, fyne.NewSize(640, 560), func() {
		m, l, c := marking.Text, levels.Text, caveats.Text
		ch := tasks.HandlingChange{Marking: &m, Levels: &l, Caveats: &c}
		st := u.store
		run(u, "Saving the handling marks…", func(ctx context.Context) (tasks.HandlingReport, error) {
			return tasks.SetHandling(ctx, st, ch)
		}, func(_ tasks.HandlingReport, err error) {
			if err != nil {
				u.showError("save the handling marks", err)
				return
			}
			u.setStatus("Handling marks saved; the next pack carries them")
		})
	})
}

package app

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/handling"
)

// maxMarkingChars is about what the pack's six banner lines hold (export refuses longer ones).
const maxMarkingChars = 480

// handlingSettings are the dossier's handling marks as its settings hold them.
type handlingSettings struct {
	marking, levels, caveats string
	scheme                   handling.Scheme
}

func loadHandling(ctx context.Context, get func(context.Context, string) (string, error)) (handlingSettings, error) {
	var hs handlingSettings
	for key, v := range map[string]*string{"marking": &hs.marking, handling.LevelsSetting: &hs.levels, handling.CaveatsSetting: &hs.caveats} {
		var err error
		if *v, err = get(ctx, key); err != nil {
			return hs, err
		}
	}
	var err error
	if hs.scheme, err = handling.Load(hs.levels, hs.caveats); err != nil {
		// A scheme the dialog cannot read is shown as it is, to be corrected there.
		hs.scheme = handling.Default
		return hs, nil
	}
	return hs, nil
}

// onHandlingMarks is File → Handling marks…: the marking every pack carries, the dossier's
// ordered levels and the caveats a marking may add.
func (u *ui) onHandlingMarks() {
	st := u.store
	run(u, "Reading the handling marks…", func(ctx context.Context) (handlingSettings, error) {
		return loadHandling(ctx, st.Setting)
	}, func(hs handlingSettings, err error) {
		if err != nil {
			u.showError("read the handling marks", err)
			return
		}
		u.showHandlingForm(hs)
	})
}

func (u *ui) showHandlingForm(hs handlingSettings) {
	marking := widget.NewMultiLineEntry()
	marking.Wrapping = fyne.TextWrapWord
	marking.SetMinRowsVisible(2)
	marking.SetPlaceHolder("e.g. OFFICIAL-SENSITIVE — UK EYES ONLY; empty for no marking")
	marking.SetText(hs.marking)
	marking.Validator = func(s string) error {
		if n := utf8.RuneCountInString(strings.TrimSpace(s)); n > maxMarkingChars {
			return fmt.Errorf("%d characters: a marking is printed whole on every page, and about %d fit", n, maxMarkingChars)
		}
		return nil
	}
	levels := widget.NewMultiLineEntry()
	levels.SetMinRowsVisible(4)
	levels.SetText(hs.scheme.LevelsText())
	if strings.TrimSpace(hs.levels) != "" {
		levels.SetText(hs.levels)
	}
	levels.Validator = func(s string) error {
		_, err := handling.ParseLevels(s)
		return err
	}
	caveats := widget.NewMultiLineEntry()
	caveats.SetMinRowsVisible(3)
	caveats.SetText(hs.scheme.CaveatsText())
	addCaveat := widget.NewSelect(hs.scheme.Caveats, nil)
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
		{Text: "Marking", Widget: marking, HintText: "Printed whole at the top and bottom of every page. A page that carries a more sensitive item shows that item's level instead of the marking's."},
		{Text: "", Widget: addCaveat},
		{Text: "Levels", Widget: levels, HintText: "Lowest first, one a line, with the abbreviation a portion mark uses: OFFICIAL-SENSITIVE (OS)."},
		{Text: "Caveats", Widget: caveats, HintText: "One a line, e.g. UK EYES ONLY."},
		{Text: "", Widget: note("Mark an objective, line, question, paragraph, fact, position or statement by beginning it with its level in brackets: “(OS) Our fallback is …”. An item without a mark is at the marking's own level.")},
	}
	d := dialog.NewForm("Handling marks", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		lv := strings.TrimSpace(levels.Text)
		if lv == handling.Default.LevelsText() {
			lv = "" // the default stays the default, and follows it
		}
		cv := strings.Join(handling.ParseCaveats(caveats.Text), "\n")
		if cv == handling.Default.CaveatsText() {
			cv = ""
		}
		values := map[string]string{"marking": strings.Join(strings.Fields(marking.Text), " "), handling.LevelsSetting: lv, handling.CaveatsSetting: cv}
		st := u.store
		run(u, "Saving the handling marks…", func(ctx context.Context) (struct{}, error) {
			return struct{}{}, st.SetSettings(ctx, values)
		}, func(_ struct{}, err error) {
			if err != nil {
				u.showError("save the handling marks", err)
				return
			}
			u.setStatus("Handling marks saved; the next pack carries them")
		})
	}, u.win)
	u.showForm(d, fyne.NewSize(640, 560), items)
}

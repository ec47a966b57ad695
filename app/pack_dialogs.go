package app

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/handling"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

// packChoices are what the pack dialog offers for one meeting.
type packChoices struct {
	hs     tasks.HandlingReport
	issues []storage.PackIssue
}

const (
	packEverything = "Everything in the dossier"
	packDraft      = "Draft — not issued"
)

// exportPack asks for whom and how the briefing pack of m is made (audience, draft or issue,
// numbered copies), then where to save it, and writes it.
func (u *ui) exportPack(m storage.Meeting) {
	st := u.store
	run(u, "", func(ctx context.Context) (packChoices, error) {
		hs, err := tasks.Handling(ctx, st)
		if err != nil {
			return packChoices{}, err
		}
		if hs.Unreadable != nil {
			return packChoices{}, fmt.Errorf("%w; correct them in File → Handling marks…", hs.Unreadable)
		}
		issues, err := st.PackIssues(ctx, m.ID)
		return packChoices{hs: hs, issues: issues}, err
	}, func(pc packChoices, err error) {
		if err != nil {
			u.showError("prepare the briefing pack", err)
			return
		}
		u.showPackOptions(m, pc)
	})
}

func (u *ui) showPackOptions(m storage.Meeting, pc packChoices) {
	scheme := pc.hs.Scheme
	marking := scheme.ParseMarking(pc.hs.Marking)
	audiences := []string{packEverything}
	levelOf := map[string]string{packEverything: ""}
	for i, l := range scheme.Levels {
		// Below the marking's own level a pack would carry its unmarked text (handling.CheckUpTo).
		if i < len(scheme.Levels)-1 && i >= max(marking.Level, 0) {
			label := "Up to " + l.Name + " — leaves out what is marked above it"
			audiences = append(audiences, label)
			levelOf[label] = l.Name
		}
	}
	audience := widget.NewSelect(audiences, nil)
	audience.SetSelected(packEverything)

	next := 1
	var amended *storage.PackIssue
	if n := len(pc.issues); n > 0 {
		next = pc.issues[n-1].Version + 1
		for i := range pc.issues {
			if pc.issues[i].Version == pc.issues[n-1].Version && pc.issues[i].Addendum == 0 {
				amended = &pc.issues[i]
			}
		}
	}
	issueAs := fmt.Sprintf("Issue as version %d (recorded in the dossier)", next)
	modes := []string{packDraft, issueAs}
	addendumAs := ""
	if amended != nil {
		addendumAs = fmt.Sprintf("Addendum to version %d — lists what changed since", amended.Version)
		modes = append(modes, addendumAs)
	}
	mode := widget.NewRadioGroup(modes, nil)
	mode.SetSelected(packDraft)
	mode.Required = true
	mode.OnChanged = func(s string) {
		if s == addendumAs && amended != nil {
			// An addendum goes to its version's audience.
			for label, lv := range levelOf {
				if lv == amended.UpTo {
					audience.SetSelected(label)
				}
			}
			audience.Disable()
			return
		}
		audience.Enable()
	}
	copies := widget.NewEntry()
	copies.SetText("1")
	copies.Validator = func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 || n > 200 {
			return fmt.Errorf("a number of copies from 1 to 200")
		}
		return nil
	}
	issuedNote := "Not issued yet."
	if n := len(pc.issues); n > 0 {
		last := pc.issues[n-1]
		home, _ := tasks.HomeZone()
		issuedNote = fmt.Sprintf("Last issued: %s, %s.", last.Label(), last.Issued.In(home).Format("2 January 2006 15:04"))
	}
	items := []*widget.FormItem{
		{Text: "For", Widget: audience, HintText: markingHint(scheme, marking)},
		{Text: "As", Widget: mode, HintText: issuedNote},
		{Text: "Copies", Widget: copies, HintText: "Above 1, each copy is a file of its own with “Copy 3 of 5” on every page."},
	}
	u.askForm("Briefing pack for “"+m.Title+"”", "Choose where to save…", items, fyne.NewSize(620, 420), func() {
		n, _ := strconv.Atoi(strings.TrimSpace(copies.Text))
		opt := tasks.PackOptions{PreparedOn: u.now(), UpTo: levelOf[audience.Selected], Copies: n,
			Issue: mode.Selected == issueAs, Addendum: addendumAs != "" && mode.Selected == addendumAs}
		u.askSave("Save the briefing pack", "choose where to save the briefing pack",
			tasks.PackFileName(m.Summary()), []string{".pdf"}, func(path string) { u.writePack(m, path, opt) })
	})
}

// markingHint says under which marking the pack goes out.
func markingHint(s handling.Scheme, m handling.Marking) string {
	if m.Text == "" {
		return "The dossier sets no marking (File → Handling marks…); marked items still raise their pages' banners."
	}
	return "Marked " + m.Text + "; a page with a more sensitive item shows that item's level."
}

// writePack writes the pack of m to path (tasks.WritePack: one read of the dossier, written
// atomically, an issue recorded with it) and offers to open it.
func (u *ui) writePack(m storage.Meeting, path string, opt tasks.PackOptions) {
	st := u.store
	progress := dialog.NewCustomWithoutButtons("Preparing the briefing pack for “"+m.Title+"”", progressBar(), u.win)
	u.showProgress(progress)
	run(u, "Writing the briefing pack…", func(ctx context.Context) (tasks.PackReport, error) {
		return tasks.WritePack(ctx, st, m.ID, path, opt)
	}, func(rep tasks.PackReport, err error) {
		progress.Hide()
		if err != nil {
			u.showError("write the briefing pack", err)
			return
		}
		u.setStatus("Briefing pack saved to " + rep.Path)
		u.showChoice("Briefing pack ready", rep.String(), nil, []choice{
			{label: "Open the PDF", important: true, action: func() { u.openFile(rep.Path) }},
			{label: "Close"},
		})
	})
}

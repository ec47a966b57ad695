package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/preflight"
	"github.com/parley-app/parley/storage"
)

// The meeting page's view of the negotiation as a series: what changed since the last round,
// the commitments of earlier rounds still open, and the pre-flight check of the brief beside
// the export button. All of it is worked out from the saved dossier (storage's Briefing and
// package preflight, as the pack and `parley check` do), off the Fyne goroutine.

// roundsView is the part of the meeting page that shows it.
type roundsView struct {
	check    *widget.Button // "Pre-flight: 2 essential" beside the export button
	box      *fyne.Container
	findings []preflight.Finding
}

func newRoundsView(onCheck func()) *roundsView {
	v := &roundsView{box: container.NewVBox()}
	v.check = widget.NewButtonWithIcon("Pre-flight check", theme.WarningIcon(), onCheck)
	v.check.Importance = widget.LowImportance
	v.check.Hide()
	return v
}

// roundsData is what the view shows, read in one briefing.
type roundsData struct {
	since    *storage.RoundChanges
	open     []storage.OpenCommitment
	findings []preflight.Finding
	names    map[string]string // actor ID → name, for who made what
}

// refreshRounds reads the briefing of the saved meeting again and shows what it works out.
func (p *meetingPage) refreshRounds() {
	if p.isNew() || p.series == nil {
		return
	}
	st, id, now := p.u.store, p.m.ID, p.u.now()
	run(p.u, "", func(ctx context.Context) (roundsData, error) {
		b, err := st.Briefing(ctx, id)
		if err != nil {
			return roundsData{}, err
		}
		d := roundsData{since: b.SinceLastRound, open: b.OpenCommitments, findings: preflight.Check(b, now), names: map[string]string{}}
		for _, bp := range b.Participants {
			d.names[bp.ActorID] = bp.Actor.Name
		}
		for id, a := range b.Speakers {
			d.names[id] = a.Name
		}
		if b.SinceLastRound != nil {
			for _, a := range append(b.SinceLastRound.Joined, b.SinceLastRound.Left...) {
				d.names[a.ID] = a.Name
			}
		}
		return d, nil
	}, func(d roundsData, err error) {
		if err != nil {
			// The page itself loaded; what is worked out from it waits for the next save.
			p.series.box.Objects = []fyne.CanvasObject{note("What changed since the last round could not be worked out: " + err.Error())}
			p.series.box.Refresh()
			return
		}
		p.series.show(d)
		p.hdr.Refresh() // the button row gains the pre-flight button: place it again
	})
}

func (v *roundsView) show(d roundsData) {
	v.findings = d.findings
	v.check.SetText(checkLabel(d.findings))
	v.check.Importance = widget.LowImportance
	if len(d.findings) > 0 && d.findings[0].Importance == preflight.Essential {
		v.check.Importance = widget.WarningImportance
	}
	v.check.Show()
	v.check.Refresh()

	var rows []fyne.CanvasObject
	if c := d.since; c != nil {
		rows = append(rows, boldLabel(fmt.Sprintf("Since %s (%s)", c.Round.Title, c.Round.When.String())))
		lines := sinceLines(c, d.names)
		if len(lines) == 0 {
			rows = append(rows, note("Nothing in the dossier has changed since that round."))
		}
		for _, l := range lines {
			rows = append(rows, wrapLabel("• "+l))
		}
	}
	if len(d.open) > 0 {
		rows = append(rows, boldLabel("Open commitments of earlier rounds"))
		for _, k := range d.open {
			who := k.Side
			if who == "" {
				who = d.names[k.ActorID]
			}
			if who == "" {
				who = "Someone no longer in the dossier"
			}
			due := "no date"
			if !k.Due.IsZero() {
				due = "due " + k.Due.String()
			}
			l := wrapLabel(fmt.Sprintf("%s — %s (%s; from %s)", who, k.What, due, k.MeetingTitle))
			if k.Status == storage.CommitmentOverdue {
				l.SetText("OVERDUE: " + l.Text)
				l.Importance = widget.DangerImportance
			}
			rows = append(rows, l)
		}
	}
	if len(rows) == 0 {
		rows = append(rows, note("This meeting follows no earlier round, and no earlier round left a commitment open."))
	}
	v.box.Objects = rows
	v.box.Refresh()
}

// sinceLines says, one line each, what changed since the round.
func sinceLines(c *storage.RoundChanges, names map[string]string) []string {
	var out []string
	for _, st := range c.Statements {
		who := names[st.ActorID]
		if who == "" {
			who = "Someone"
		}
		out = append(out, fmt.Sprintf("%s, %s: “%s”", who, st.When.String(), shorten(st.Text, 140)))
	}
	for _, t := range c.StatusChanges {
		out = append(out, fmt.Sprintf("%s: %s → %s (%s)", t.MeetingTitle, t.Change.From.Label(), t.Change.To.Label(),
			storage.Within(t.Change.Dated()).String()))
	}
	for _, pc := range c.Positions {
		now := pc.Now
		if now == "" {
			now = "no position recorded"
		}
		out = append(out, fmt.Sprintf("%s, %s's position: was “%s”, now “%s”", pc.DisputeTitle, pc.Party, shorten(pc.Was, 80), shorten(now, 80)))
	}
	for _, f := range c.Facts {
		out = append(out, fmt.Sprintf("New key fact on %s: %s — %s", f.DisputeTitle, f.Fact.Label, shorten(f.Fact.Value, 100)))
	}
	for _, e := range c.Timeline {
		out = append(out, fmt.Sprintf("%s: %s", e.Event.When.String(), shorten(e.Event.Text, 120)))
	}
	for _, a := range c.Joined {
		out = append(out, a.Name+" was not at that round")
	}
	for _, a := range c.Left {
		out = append(out, a.Name+" was at that round and is not at this one")
	}
	for _, t := range c.Titles {
		out = append(out, fmt.Sprintf("%s took up a post: %s", t.Name, t.Post.Title))
	}
	return out
}

func shorten(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// checkLabel is the pre-flight button's text: the most important count first.
func checkLabel(fs []preflight.Finding) string {
	if len(fs) == 0 {
		return "Pre-flight: ready"
	}
	n := 0
	for _, f := range fs {
		if f.Importance == fs[0].Importance {
			n++
		}
	}
	return fmt.Sprintf("Pre-flight: %d %s", n, fs[0].Importance)
}

// onPreflight lists what the saved brief lacks.
func (p *meetingPage) onPreflight() {
	fs := p.series.findings
	var rows []fyne.CanvasObject
	if len(fs) == 0 {
		rows = append(rows, wrapLabel("The saved brief lacks nothing the pre-flight check looks for."))
	}
	for _, f := range fs {
		l := wrapLabel(strings.ToUpper(f.Importance.String()) + " · " + f.Part + ": " + f.Text)
		switch f.Importance {
		case preflight.Essential:
			l.Importance = widget.DangerImportance
		case preflight.Important:
			l.Importance = widget.WarningImportance
		}
		rows = append(rows, l)
	}
	rows = append(rows, note("The check reads the saved meeting; save your changes to check them. The pack's cover carries the first eight."))
	d := dialog.NewCustom("Pre-flight check of “"+p.m.Title+"”", "Close", container.NewVScroll(container.NewVBox(rows...)), p.u.win)
	d.Resize(fyne.NewSize(640, 480))
	p.u.keysWhileShown(d, d.Hide)
	p.u.showDialog(d)
}

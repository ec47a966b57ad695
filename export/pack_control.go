package export

import (
	"fmt"
	"strings"

	"github.com/parley-app/parley/storage"
)

// Document control: what a registry asks a brief's cover to say (its reference and version,
// when it was issued, who drafted and who cleared it, who receives it, which numbered copy
// this is, and for which audience it was cut), and the addendum that amends an issued version.

// coverLabel is the line above the cover's title.
func (r *renderer) coverLabel() string {
	if is := r.opt.Issue; is != nil && is.Addendum > 0 {
		return fmt.Sprintf("BRIEFING PACK — ADDENDUM %d TO VERSION %d", is.Addendum, is.Version)
	}
	return "BRIEFING PACK"
}

// controlRows are the cover's document-control rows, label and value; empty values are left
// out by the cover.
func (r *renderer) controlRows() [][2]string {
	bc := r.b.Meeting.Brief
	home := r.opt.HomeZone
	issued := "Draft, not issued"
	if is := r.opt.Issue; is != nil {
		issued = sentence(is.Label()) + ", issued " + is.Issued.In(home).Format("2 January 2006 at 15:04")
		if n := zoneName(home); n != "" {
			issued += " (" + n + ")"
		}
	} else if n := len(r.b.Issues); n > 0 {
		last := r.b.Issues[n-1]
		issued += fmt.Sprintf(" (%s was issued on %s)", last.Label(), last.Issued.In(home).Format("2 January 2006"))
	}
	byOn := func(who string, on storage.PartialDate) string {
		if who == "" && on.IsZero() {
			return ""
		}
		if who == "" {
			who = "Not recorded"
		}
		if !on.IsZero() {
			who += ", " + partialHuman(on, on.ISO())
		}
		return who
	}
	rows := [][2]string{
		{"Reference", bc.Reference},
		{"Issue", issued},
		{"Drafted by", byOn(bc.Drafter, bc.Drafted)},
		{"Cleared by", byOn(bc.ClearedBy, bc.Cleared)},
		{"Distribution", strings.Join(bc.Distribution, "\n")},
		{"Copy", r.copyLabel()},
	}
	if r.opt.UpTo != "" {
		audience := "Up to " + r.opt.UpTo + ": nothing above " + r.opt.UpTo + " was left out"
		switch r.opt.LeftOut {
		case 0:
		case 1:
			audience = "Up to " + r.opt.UpTo + ": 1 item above " + r.opt.UpTo + " left out"
		default:
			audience = fmt.Sprintf("Up to %s: %d items above %s left out", r.opt.UpTo, r.opt.LeftOut, r.opt.UpTo)
		}
		rows = append(rows, [2]string{"Audience", audience})
	}
	return rows
}

const titleChanges = "Changes"

// planAddendum gives an addendum its one section: what changed since the version it amends.
func (r *renderer) planAddendum() {
	s := &section{title: titleChanges, number: 1, newPage: true, link: r.pdf.AddLink()}
	s.draw = func() { r.changes(s) }
	r.sections = append(r.sections, s)
}

// changes lists, part by part, what was added since the amended version and what is no longer
// there.
func (r *renderer) changes(s *section) {
	is := r.opt.Issue
	intro := fmt.Sprintf("This addendum amends version %d of the brief. It lists what the brief holds now that version %d did not, and what version %d held that no longer stands; everything else stands as issued.",
		is.Version, is.Version, is.Version)
	blocks := []block{r.paraBlock(text(intro, bodyStyle), 0, bodyLine, 3)}
	if len(r.opt.Changes) == 0 {
		blocks = append(blocks, r.paraBlock(text("Nothing has changed since that version.", bodyStyle.withItalic()), 0, bodyLine, 2))
	}
	for _, c := range r.opt.Changes {
		var items []listItem
		for _, a := range c.Added {
			items = append(items, listItem{marker: "+", spans: []span{{text: "New: ", st: bodyStyle.withBold()}, {text: a, st: bodyStyle}}})
		}
		for _, d := range c.Removed {
			items = append(items, listItem{marker: "–", spans: []span{{text: "No longer: ", st: bodyStyle.withBold()}, {text: d, st: bodyStyle.withColor(mutedColour)}}})
		}
		blocks = append(blocks, r.subBlock(c.Part, r.listBlock(items, 6, bodyLine, 1.5)))
	}
	r.drawSection(s, blocks)
}

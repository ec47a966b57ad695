package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/ingest"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
	"github.com/parley-app/parley/widgets"
)

var errNoArticle = errors.New("paste an article or choose a file first")

// ingestScreen reviews what an article proposes: each proposal with a checkbox, its fields
// editable, the sentence it came from beneath and, for an update, the record it would change.
// Accept stores the checked ones in one transaction.
type ingestScreen struct {
	u   *ui
	rep tasks.IngestReport
	acc tasks.Accepted

	actorName, actorTitle []*widget.Entry
	eventTitle, eventDate []*widget.Entry
	quoteText             []*widget.Entry
	checks                []*widget.Check
	accept                *widget.Button
	root                  fyne.CanvasObject
	// published is the publication date the article was read against, editable; reread
	// reads the article again against another one (nil: the text is not at hand).
	published *widget.Entry
	reread    func(storage.PartialDate)
}

func newIngestScreen(u *ui, rep tasks.IngestReport) *ingestScreen {
	s := &ingestScreen{u: u, rep: rep}
	r := rep.Result
	s.acc = tasks.Accepted{Actors: all(len(r.Actors)), Events: all(len(r.Events)), Quotes: all(len(r.Quotes)), Disputes: all(len(r.Disputes))}
	box := container.NewVBox()
	src := r.Source.Title
	if !r.Source.Published.IsZero() {
		src += " — " + r.Source.Published.String()
	}
	box.Add(heading("Article: " + src))
	s.published = widget.NewEntry()
	s.published.SetPlaceHolder("e.g. 20 Jun 2016")
	if day, ok := r.Source.Published.Day(); ok {
		s.published.SetText(day.ISO())
	} else {
		s.published.SetText(r.Source.Published.Text())
	}
	again := widget.NewButton("Read again with this date", s.onReread)
	box.Add(container.NewBorder(nil, nil, widget.NewLabel("Published"), again, s.published))
	for _, n := range r.Notes {
		box.Add(note(n))
	}
	if len(r.Actors)+len(r.Events)+len(r.Quotes)+len(r.Disputes) == 0 {
		box.Add(emptyState(nothingFound))
	}
	var none []string
	section := func(name string, n int) bool {
		if n == 0 {
			none = append(none, strings.ToLower(name))
			return false
		}
		box.Add(heading(fmt.Sprintf("%s (%d)", name, n)))
		return true
	}
	if section("People", len(r.Actors)) {
		for i, a := range r.Actors {
			name, title := entry(a.Name), entry(a.Title)
			name.SetPlaceHolder("Name")
			title.SetPlaceHolder("Title")
			s.actorName, s.actorTitle = append(s.actorName, name), append(s.actorTitle, title)
			var ch []change
			if old, ok := s.actor(a.ExistingID); ok {
				ch = []change{{"Person", old.Name, old.Name}, {"Title", old.Title, a.Title}, {"Organisation", old.Organisation, a.Organisation}, {"Side", old.Country, a.Country}}
				if !a.NewPost {
					ch[1] = change{"Title", old.Title, old.Title} // the article's wording of a post it holds
				}
			} else {
				ch = []change{{"New person", "", a.Name}, {"Organisation", "", a.Organisation}, {"Side", "", a.Country}}
			}
			box.Add(s.row(&s.acc.Actors[i], container.NewGridWithColumns(2, name, title), changes(ch), evidence(a.Evidence, a.Name, lastWordOf(a.Name))))
		}
	}
	if section("Events", len(r.Events)) {
		for i, e := range r.Events {
			title, date := entry(e.Title), entry(e.When.Text())
			date.SetPlaceHolder("Date")
			s.eventTitle, s.eventDate = append(s.eventTitle, title), append(s.eventDate, date)
			var people []string
			for _, k := range e.Participants {
				people = append(people, r.Actors[k].Name)
			}
			var ch []change
			if m, ok := s.meeting(e.ExistingID); ok {
				place := m.City
				if place == "" {
					place = m.Country
				}
				if place == "" && e.Place != "" {
					place = "—"
				}
				ch = []change{{"Meeting", m.Title, m.Title}, {"Date", m.When.String(), e.When.String()},
					{"Status", m.Status.Label(), e.Status.Label()}, {"Place", place, e.Place}}
				if added := s.participantsAdded(m, e); len(added) > 0 {
					ch = append(ch, change{"Participants added", "", strings.Join(added, ", ")})
				} else if len(people) > 0 {
					ch = append(ch, change{"Participants", strings.Join(people, ", "), strings.Join(people, ", ")})
				}
			} else if e.ExistingID != "" {
				ch = []change{{"Already on the dispute's timeline", "", e.When.String()}}
			} else {
				ch = []change{{"New " + e.Kind, "", e.When.String()}, {"Status", "", e.Status.Label()}, {"Place", "", e.Place}, {"Participants", "", strings.Join(people, ", ")}}
			}
			box.Add(s.row(&s.acc.Events[i], container.NewBorder(nil, nil, nil, sized(date, 150), title), changes(ch), evidence(e.Evidence, e.Phrase)))
		}
	}
	if section("Quotes", len(r.Quotes)) {
		for i, q := range r.Quotes {
			text := entry(q.Text)
			s.quoteText = append(s.quoteText, text)
			who := r.Actors[q.Speaker].Name
			ch := []change{{"Said by", "", who}}
			if q.ExistingID != "" {
				ch = []change{{"Said by", who, who}, {"Already in the dossier", "", ""}}
			}
			box.Add(s.row(&s.acc.Quotes[i], text, changes(ch), evidence(q.Evidence, q.Text)))
		}
	}
	if section("Disputed names", len(r.Disputes)) {
		for i, d := range r.Disputes {
			var names []string
			for _, n := range d.Names {
				names = append(names, n.Party+": "+n.Name)
			}
			var ch []change
			var marks []string
			for _, n := range d.Names {
				marks = append(marks, n.Name)
			}
			if old, ok := s.dispute(d.ExistingID); ok {
				var have []string
				for _, n := range old.Names {
					have = append(have, n.Party+": "+n.Name)
				}
				ch = []change{{"Dispute", old.Title, old.Title}, {"Names", strings.Join(have, "; "), strings.Join(have, "; ")}}
				if added := namesAdded(old, d); len(added) > 0 {
					ch = append(ch, change{"Names added", "", strings.Join(added, "; ")})
				}
			} else {
				ch = []change{{"New dispute", "", d.Title}, {"Administered by", "", d.Administrator}, {"Claimed by", "", strings.Join(d.Claimants, ", ")}}
			}
			box.Add(s.row(&s.acc.Disputes[i], wrapLabel(strings.Join(names, "; ")), changes(ch), evidence(d.Evidence, marks...)))
		}
	}
	if len(none) > 0 && len(none) < 4 {
		box.Add(note("Not found in this article: " + strings.Join(none, ", ") + "."))
	}
	s.accept = widget.NewButton("Accept the checked proposals", s.onAccept)
	s.accept.Importance = widget.HighImportance
	if len(none) == 4 {
		s.accept.Disable()
	}
	s.root = container.NewBorder(nil, container.NewHBox(s.accept), nil, nil, widgets.NewPageScroll(container.NewPadded(box)))
	return s
}

// nothingFound says what the reader looked for when an article proposes nothing.
const nothingFound = "Nothing to propose. Parley looked for people introduced with a title " +
	"(“Foreign Minister Ana Ribeiro”, “Igor Morgulov, Russia's deputy foreign minister”), events " +
	"with a date (“talks on Wednesday”, “a visit by the end of the year”), quotations with their " +
	"speaker and the names parties give a disputed place, and none of these patterns occurs in the " +
	"text. An article in another language, a list or a table reads as nothing; so does a text " +
	"with no publication date whose dates are all relative (give the date and read it again)."

func all(n int) []bool {
	b := make([]bool, n)
	for i := range b {
		b[i] = true
	}
	return b
}

func entry(text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	return e
}

// sized keeps o at least w wide.
func sized(o fyne.CanvasObject, w float32) fyne.CanvasObject {
	return container.NewGridWrap(fyne.NewSize(w, o.MinSize().Height), o)
}

func lastWordOf(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// change is one field of the record a proposal creates or updates: its current value
// (empty for a new record) and the proposed one.
type change struct{ field, was, now string }

// changes lists the fields side by side: "Title: Deputy Minister → Deputy Foreign Minister";
// an unchanged field says so, and a field the article says nothing of is left out.
func changes(cs []change) fyne.CanvasObject {
	var segs []widget.RichTextSegment
	for _, c := range cs {
		if c.was == "" && c.now == "" && !strings.HasPrefix(c.field, "Already") {
			continue
		}
		if len(segs) > 0 {
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: "\n"})
		}
		segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleStrong, Text: c.field})
		switch {
		case c.now == "" && c.was == "":
		case c.was == "":
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: ": " + c.now})
		case c.now == "" || c.now == c.was:
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: ": " + c.was + " (unchanged)"})
		default:
			segs = append(segs, &widget.TextSegment{Style: widget.RichTextStyleInline, Text: ": " + c.was + " → "},
				&widget.TextSegment{Style: widget.RichTextStyleStrong, Text: c.now})
		}
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// evidence is the sentence a proposal came from with the first of marks found in it
// emphasised.
func evidence(sentence string, marks ...string) *widget.RichText {
	at, n := -1, 0
	for _, m := range marks {
		if m == "" {
			continue
		}
		if k := strings.Index(sentence, m); k >= 0 {
			at, n = k, len(m)
			break
		}
	}
	it := widget.RichTextStyleInline
	it.TextStyle.Italic = true
	strong := widget.RichTextStyleStrong
	strong.TextStyle.Italic = true
	segs := []widget.RichTextSegment{&widget.TextSegment{Style: it, Text: "“" + sentence + "”"}}
	if at >= 0 {
		segs = []widget.RichTextSegment{
			&widget.TextSegment{Style: it, Text: "“" + sentence[:at]},
			&widget.TextSegment{Style: strong, Text: sentence[at : at+n]},
			&widget.TextSegment{Style: it, Text: sentence[at+n:] + "”"},
		}
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// row is one proposal: checkbox and fields, then its sentence beside the record it would
// create or change.
func (s *ingestScreen) row(checked *bool, fields, side, ev fyne.CanvasObject) fyne.CanvasObject {
	check := widget.NewCheck("", func(on bool) { *checked = on })
	check.SetChecked(*checked)
	s.checks = append(s.checks, check)
	return container.NewVBox(
		container.NewBorder(nil, nil, check, nil, fields),
		container.NewGridWithColumns(2, ev, side),
		widget.NewSeparator(),
	)
}

// participantsAdded are the event's people the meeting does not list yet.
func (s *ingestScreen) participantsAdded(m storage.Meeting, e ingest.EventProposal) []string {
	var out []string
	for _, k := range e.Participants {
		a := s.rep.Result.Actors[k]
		in := false
		for _, p := range m.Participants {
			in = in || a.ExistingID != "" && p.ActorID == a.ExistingID
		}
		if !in {
			out = append(out, a.Name)
		}
	}
	return out
}

// namesAdded are the proposal's names for a party the dispute has no name for yet.
func namesAdded(d storage.Dispute, p ingest.DisputeProposal) []string {
	var out []string
	for _, n := range p.Names {
		have := false
		for _, k := range d.Names {
			have = have || k.Party == n.Party
		}
		if !have {
			out = append(out, n.Party+": "+n.Name)
		}
	}
	return out
}

func (s *ingestScreen) dispute(id string) (storage.Dispute, bool) {
	if s.rep.Known != nil && id != "" {
		for _, d := range s.rep.Known.Disputes {
			if d.ID == id {
				return d, true
			}
		}
	}
	return storage.Dispute{}, false
}

func (s *ingestScreen) actor(id string) (storage.Actor, bool) {
	if s.rep.Known != nil && id != "" {
		for _, a := range s.rep.Known.Actors {
			if a.ID == id {
				return a, true
			}
		}
	}
	return storage.Actor{}, false
}

func (s *ingestScreen) meeting(id string) (storage.Meeting, bool) {
	if s.rep.Known != nil && id != "" {
		for _, m := range s.rep.Known.Meetings {
			if m.ID == id {
				return m, true
			}
		}
	}
	return storage.Meeting{}, false
}

func (s *ingestScreen) title() string           { return "Import article" }
func (s *ingestScreen) view() fyne.CanvasObject { return s.root }
func (s *ingestScreen) show()                   {}

// edited is the report with the user's edits in it.
func (s *ingestScreen) edited() (tasks.IngestReport, error) {
	rep := s.rep
	r := rep.Result
	r.Actors = append(r.Actors[:0:0], r.Actors...)
	r.Events = append(r.Events[:0:0], r.Events...)
	r.Quotes = append(r.Quotes[:0:0], r.Quotes...)
	for i := range r.Actors {
		r.Actors[i].Name, r.Actors[i].Title = s.actorName[i].Text, s.actorTitle[i].Text
	}
	for i := range r.Events {
		when, err := storage.ParseFuzzyDate(s.eventDate[i].Text)
		if err != nil {
			return rep, fmt.Errorf("event %q: %w", s.eventTitle[i].Text, err)
		}
		r.Events[i].Title, r.Events[i].When = s.eventTitle[i].Text, when
	}
	for i := range r.Quotes {
		r.Quotes[i].Text = s.quoteText[i].Text
	}
	rep.Result = r
	return rep, nil
}

func (s *ingestScreen) onAccept() {
	rep, err := s.edited()
	if err != nil {
		s.u.showError("store the proposals", err)
		return
	}
	st, acc, now := s.u.store, s.acc, s.u.now()
	s.accept.Disable()
	run(s.u, "Storing the accepted proposals…", func(ctx context.Context) (storage.ImportReport, error) {
		return tasks.ApplyIngest(ctx, st, rep, acc, now)
	}, func(done storage.ImportReport, err error) {
		s.accept.Enable()
		if err != nil {
			s.u.showError("store the proposals", err)
			return
		}
		s.u.setStatus("Article imported")
		s.u.pop()
		s.u.tell("Article imported", done.String(), nil)
	})
}

// onReread reads the article again against the publication date as corrected: relative dates
// ("last Thursday", "next month") depend on it.
func (s *ingestScreen) onReread() {
	pub, err := publicationDate(s.published.Text)
	if err != nil {
		s.u.showError("read the publication date", err)
		return
	}
	if s.reread != nil {
		s.reread(pub)
	}
}

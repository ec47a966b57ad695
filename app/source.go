package app

import (
	"context"
	"errors"
	"net/url"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// sourcePage edits one source and lists what cites it.
type sourcePage struct {
	recordPage
	s storage.Source

	titleE, publisher, published, reference *widget.Entry
	reliability                             *widgets.TextArea
	openRef                                 *widget.Button
	citedBy                                 *fyne.Container
	citations                               []storage.Citation
}

type sourceData struct {
	s         storage.Source
	citations []storage.Citation
}

func newSourcePage(u *ui, id string) *sourcePage {
	p := &sourcePage{recordPage: recordPage{u: u}, s: storage.Source{ID: id}}
	p.build()
	return p
}

func newSourceDraft(u *ui) *sourcePage {
	p := &sourcePage{recordPage: recordPage{u: u}}
	p.build()
	return p
}

func (p *sourcePage) build() {
	e := &p.ed
	p.initRecord(p, "source", func() (string, string) { return p.s.ID, p.s.Title }, p.onDelete)
	p.hdr = widgets.NewRecordHeader(p.saveBtn, p.deleteBtn)
	p.titleE = textEntry(e, "e.g. Japan, Russia to hold second round of peace treaty talks")
	p.first = p.titleE
	p.publisher = textEntry(e, "e.g. Kyodo News")
	p.published = textEntry(e, "2016-06-20, 2016-06 or 2016")
	p.reference = textEntry(e, "URL or citation")
	p.reference.OnChanged = func(string) { e.touch(); p.refreshOpenRef() }
	p.reliability = textArea(e, "how far to trust it, e.g. primary text; a single news report", 3)
	p.openRef = widget.NewButtonWithIcon("Open", theme.ComputerIcon(), func() {
		if u, err := url.Parse(strings.TrimSpace(p.reference.Text)); err == nil {
			if err := p.u.openURL(u); err != nil {
				fyne.LogError("open "+u.String(), err)
				p.u.tell("Could not open the link", "No program to open “"+u.String()+"” was found on this computer (Parley works offline; a web address needs a browser and a network).", err)
			}
		}
	})
	p.openRef.Hide()

	fs := p.fs
	fs.add("title", "Title", p.titleE)
	fs.add("publisher", "Publisher", p.publisher)
	fs.add("published", "Published", p.published)
	fs.add("reference", "Reference", container.NewBorder(nil, nil, nil, p.openRef, p.reference))
	fs.add("reliability", "Reliability", p.reliability)
	p.citedBy = container.NewVBox()
	body := container.NewVBox(fs.general,
		fs.grid("title", "publisher", "published", "reference", "reliability"),
		section("Cited by", p.citedBy))
	p.frame(widgets.NewPageScroll(container.NewPadded(body)))
	p.refreshHeader()
}

func (p *sourcePage) refreshOpenRef() {
	r := strings.TrimSpace(p.reference.Text)
	if strings.HasPrefix(r, "http://") || strings.HasPrefix(r, "https://") {
		p.openRef.Show()
	} else {
		p.openRef.Hide()
	}
}

func (p *sourcePage) show() {
	if p.loaded && p.dirty() {
		return
	}
	st, id := p.u.store, p.s.ID
	read(&p.recordPage, func(ctx context.Context) (sourceData, error) {
		return loadSource(ctx, st, id)
	}, p.apply)
}

func loadSource(ctx context.Context, st *storage.Store, id string) (sourceData, error) {
	var d sourceData
	if id == "" {
		return d, nil
	}
	var err error
	if d.s, err = st.Source(ctx, id); err != nil {
		return d, err
	}
	d.citations, err = st.CitationsOf(ctx, id)
	return d, err
}

func (p *sourcePage) apply(d sourceData) {
	if d.s.ID != "" {
		p.s = d.s
	}
	p.citations = d.citations
	p.arrive(func() {
		p.titleE.SetText(p.s.Title)
		p.publisher.SetText(p.s.Publisher)
		p.published.SetText(p.s.Published.Text())
		p.reference.SetText(p.s.Reference)
		p.reliability.SetText(p.s.Reliability)
	})
	p.refreshOpenRef()
	p.refreshHeader()
	p.refreshCitations()
}

func (p *sourcePage) refreshHeader() {
	sub := p.s.Publisher
	if !p.s.Published.IsZero() {
		sub = strings.TrimPrefix(sub+" · "+p.s.Published.String(), " · ")
	}
	p.showHeader(p.s.Title, sub, "Fill in what is known and press Save (Ctrl+S).")
}

func (p *sourcePage) refreshCitations() {
	p.citedBy.Objects = nil
	if p.isNew() {
		p.citedBy.Add(note("Once saved, the source can be cited by statements, key facts, timeline entries and status changes."))
	} else if len(p.citations) == 0 {
		p.citedBy.Add(note("Nothing cites this source yet."))
	}
	for _, c := range p.citations {
		c := c
		link := widget.NewHyperlink(c.Title, nil)
		link.Wrapping = fyne.TextWrapWord
		link.OnTapped = func() { p.openCitation(c) }
		kind := widget.NewLabel(firstUpper(c.Kind))
		kind.TextStyle = fyne.TextStyle{Italic: true}
		p.citedBy.Add(container.New(widgets.NewColumns(160, 0), kind, link))
	}
	p.citedBy.Refresh()
}

// openCitation opens the record that cites the source.
func (p *sourcePage) openCitation(c storage.Citation) {
	switch c.Kind {
	case "statement":
		st := p.u.store
		run(p.u, "", func(ctx context.Context) (storage.Statement, error) {
			return st.Statement(ctx, c.ID)
		}, func(s storage.Statement, err error) {
			if err != nil {
				p.u.showError("open the statement", err)
				return
			}
			p.u.push(newActorPage(p.u, s.ActorID))
		})
	case "status change":
		p.u.push(newMeetingPage(p.u, c.ID))
	default: // key facts and timeline entries belong to a dispute
		p.u.push(newDisputePage(p.u, c.ID))
	}
}

func (p *sourcePage) collect() (storage.Source, bool) {
	p.fs.clearErrors()
	s := p.s
	ok := true
	s.Title = strings.TrimSpace(p.titleE.Text)
	if s.Title == "" {
		p.fs.setError("title", "Give the source a title")
		ok = false
	}
	s.Publisher = strings.TrimSpace(p.publisher.Text)
	pub, err := parseDate(p.published.Text)
	if err != nil {
		p.fs.setError("published", firstUpper(err.Error()))
		ok = false
	}
	s.Published = pub
	s.Reference = strings.TrimSpace(p.reference.Text)
	s.Reliability = strings.TrimSpace(p.reliability.Text)
	if !ok {
		p.u.setStatus("Not saved — correct the fields marked in red")
	}
	return s, ok
}

func (p *sourcePage) save(then func()) {
	s, ok := p.collect()
	if !ok {
		return
	}
	st := p.u.store
	saveRecord(&p.recordPage, s, "“"+s.Title+"”", st.CreateSource, st.UpdateSource, func(ctx context.Context, s *storage.Source) (sourceData, error) {
		return loadSource(ctx, st, s.ID)
	}, func(d sourceData) {
		p.apply(d)
		p.u.setStatus("Saved “" + d.s.Title + "”")
		then()
	})
}

func (p *sourcePage) onDelete() {
	if p.isNew() {
		return
	}
	if n := len(p.citations); n > 0 {
		p.u.tell("Cannot delete “"+p.s.Title+"”", plural(n, "1 record cites", "%d records cite")+" this source (listed under “Cited by”). Point them at another source, or remove their citation, first.", nil)
		return
	}
	title := p.s.Title
	p.deleteRecord("the source “"+title+"”", "Nothing cites it.", "“"+title+"”", "delete the source")
}

// sourceTitles are the titles of the sources ids, by ID; a source no longer in the dossier is
// named by its ID. A page that cites a few sources reads these rather than every source.
func sourceTitles(ctx context.Context, st *storage.Store, ids []string) (map[string]string, error) {
	out := map[string]string{}
	for _, id := range ids {
		if _, done := out[id]; done || id == "" {
			continue
		}
		src, err := st.Source(ctx, id)
		switch {
		case errors.Is(err, storage.ErrNotFound):
			out[id] = id
		case err != nil:
			return nil, err
		default:
			out[id] = src.Title
		}
	}
	return out, nil
}

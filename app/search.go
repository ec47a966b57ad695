package app

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// searchLimit is how many hits one search shows.
const searchLimit = 200

// kindOrder is the order the result groups appear in, with their headings.
var kindOrder = []struct{ kind, heading string }{
	{"meeting", "Meetings"}, {"actor", "Actors"}, {"dispute", "Disputes"},
	{"statement", "Statements"}, {"source", "Sources"}, {"track", "Tracks"},
}

// searchPage shows full-text search results grouped by kind, with snippets.
type searchPage struct {
	u       *ui
	q       string
	heading *widget.Label
	results *fyne.Container
	hits    []storage.Hit
	links   []*hitLink // the results' titles, in order, for Up and Down
	root    fyne.CanvasObject
	gen     int
}

func newSearchPage(u *ui) *searchPage {
	p := &searchPage{u: u}
	p.heading = widget.NewLabel("")
	p.heading.SizeName = "subHeadingText"
	p.heading.TextStyle = fyne.TextStyle{Bold: true}
	p.results = container.NewVBox()
	p.root = container.NewBorder(container.NewPadded(container.NewVBox(p.heading, widget.NewSeparator())), nil, nil, nil,
		widgets.NewPageScroll(container.NewPadded(p.results)))
	return p
}

func (p *searchPage) title() string           { return "Search" }
func (p *searchPage) view() fyne.CanvasObject { return p.root }
func (p *searchPage) show() {
	if p.q != "" {
		p.query(p.q)
	}
}

// query runs a search off the Fyne goroutine.
func (p *searchPage) query(q string) {
	p.q = strings.TrimSpace(q)
	if p.q == "" {
		p.apply(storage.SearchResult{}, nil)
		return
	}
	p.gen++
	gen, st, query := p.gen, p.u.store, p.q
	run(p.u, "Searching for “"+query+"”…", func(ctx context.Context) (storage.SearchResult, error) {
		return st.Find(ctx, query, searchLimit)
	}, func(r storage.SearchResult, err error) {
		if gen != p.gen {
			return
		}
		p.apply(r, err)
	})
}

// resultsHeading says how many results there are and, when they are not all shown, which
// are: the best, or, for words in more records than are ranked, the newest.
func resultsHeading(r storage.SearchResult, q string) string {
	n, total := len(r.Hits), thousands(max(len(r.Hits), r.Matches))
	switch {
	case r.Newest:
		return fmt.Sprintf("%d of more than %s results for “%s”, the newest first", n, total, q)
	case n == 1:
		return "1 result for “" + q + "”"
	case n < searchLimit:
		return fmt.Sprintf("%d results for “%s”", n, q)
	case r.More:
		return fmt.Sprintf("The first %d of more than %s results for “%s”", n, total, q)
	case r.Matches > n:
		return fmt.Sprintf("The best %d of %s results for “%s”", n, total, q)
	}
	// As many as are shown hold the words; the meetings of the actors named may be more.
	return fmt.Sprintf("The first %d results for “%s”", n, q)
}

func (p *searchPage) apply(r storage.SearchResult, err error) {
	if err != nil {
		p.u.showError("search", err)
		return
	}
	hits := r.Hits
	p.hits = hits
	p.links = nil
	// The results are put together, then shown: each Container.Add laid out all before it
	// again (a quarter of a second for 200 hits).
	var results []fyne.CanvasObject
	switch {
	case p.q == "":
		p.heading.SetText("Search")
		results = append(results, emptyState("Type words into the search field (Ctrl+F) and press Enter: titles, names in any script, places, statements and notes are all searched."))
	case len(hits) == 0:
		p.heading.SetText("No results for “" + p.q + "”")
		results = append(results, emptyState("Nothing in the dossier matches. Try fewer or other words, another spelling, or the name in its own script."))
	default:
		p.heading.SetText(resultsHeading(r, p.q))
	}
	groups := map[string][]storage.Hit{}
	for _, h := range hits {
		groups[h.Kind] = append(groups[h.Kind], h)
	}
	for _, k := range kindOrder {
		hs := groups[k.kind]
		if len(hs) == 0 {
			continue
		}
		results = append(results, section(fmt.Sprintf("%s (%d)", k.heading, len(hs))))
		for i, h := range hs {
			if i > 0 {
				results = append(results, widget.NewSeparator())
			}
			results = append(results, p.hitView(h))
		}
	}
	p.results.Objects = results
	p.results.Refresh()
	p.u.setStatus(p.heading.Text)
}

// hitView is one result: its title, which opens it, the snippet with the matched words
// marked, and why a meeting found through its participants is there.
func (p *searchPage) hitView(h storage.Hit) fyne.CanvasObject {
	link := newHitLink(p, h.Title, func() { p.open(h) })
	link.Wrapping = fyne.TextWrapWord
	p.links = append(p.links, link)
	parts := []fyne.CanvasObject{link}
	if h.Snippet != "" {
		snip := widget.NewRichText(snippetSegments(h.Snippet, p.q)...)
		snip.Wrapping = fyne.TextWrapWord
		parts = append(parts, snip)
	}
	if h.Why != "" { // found through its participants: say so
		why := widget.NewRichText(&widget.TextSegment{Text: h.Why, Style: widget.RichTextStyle{
			Inline: true, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Italic: true}}})
		why.Wrapping = fyne.TextWrapWord
		parts = append(parts, why)
	}
	return container.New(layout.NewCustomPaddedVBoxLayout(0), parts...)
}

// matchStyle marks a matched word. Bold alone does not do: the fonts Fyne falls back to for
// Chinese and Japanese (Droid Sans Fallback and the like) have no bold face, so 原田 in bold
// looks like 原田 in regular; the theme's primary colour marks a match in every script.
var matchStyle = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary,
	TextStyle: fyne.TextStyle{Bold: true}}

// hitLink is a result's title: Tab reaches it, Enter or Space opens its record, Up and Down
// move to the result above or below.
type hitLink struct {
	widget.Hyperlink
	page *searchPage
}

func newHitLink(p *searchPage, title string, open func()) *hitLink {
	l := &hitLink{page: p}
	l.Text = title
	l.OnTapped = open
	l.ExtendBaseWidget(l)
	return l
}

func (l *hitLink) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		l.page.step(l, -1)
	case fyne.KeyDown:
		l.page.step(l, 1)
	case fyne.KeyReturn, fyne.KeyEnter:
		l.OnTapped()
	default:
		l.Hyperlink.TypedKey(ev)
	}
}

// step moves the focus from result l by d results, scrolling it into view.
func (p *searchPage) step(l *hitLink, d int) {
	for i, x := range p.links {
		if x == l && i+d >= 0 && i+d < len(p.links) {
			p.u.win.Canvas().Focus(p.links[i+d])
			p.u.revealFocus()
			return
		}
	}
}

// snippetSegments turns "… the [Tokyo] round …" into text with the bracketed words bold.
// The store marks matches with [ and ], which the dossier's own text may hold too
// ("[Illustrative] …"), so only brackets around a word of the query are taken as marks.
func snippetSegments(s, query string) []widget.RichTextSegment {
	var terms []string
	for _, t := range strings.Fields(strings.ToLower(query)) {
		if t = strings.Trim(t, `"'*()`); t != "" {
			terms = append(terms, t)
		}
	}
	isMatch := func(w string) bool {
		w = strings.ToLower(w)
		for _, t := range terms {
			if strings.Contains(w, t) || strings.HasPrefix(t, w) {
				return true
			}
		}
		return false
	}
	var segs []widget.RichTextSegment
	plain := func(t string) {
		if t == "" {
			return
		}
		if n := len(segs); n > 0 {
			if last, ok := segs[n-1].(*widget.TextSegment); ok && !last.Style.TextStyle.Bold {
				last.Text += t
				return
			}
		}
		segs = append(segs, &widget.TextSegment{Text: t, Style: widget.RichTextStyleInline})
	}
	for s != "" {
		i := strings.Index(s, "[")
		j := strings.Index(s, "]")
		if i < 0 || j < i {
			plain(s)
			break
		}
		plain(s[:i])
		if w := s[i+1 : j]; isMatch(w) {
			segs = append(segs, &widget.TextSegment{Text: w, Style: matchStyle})
		} else {
			plain(s[i : j+1])
		}
		s = s[j+1:]
	}
	return segs
}

// open shows the record of a hit.
func (p *searchPage) open(h storage.Hit) {
	u := p.u
	switch h.Kind {
	case "meeting":
		u.push(newMeetingPage(u, h.ID))
	case "actor":
		u.push(newActorPage(u, h.ID))
	case "dispute":
		u.push(newDisputePage(u, h.ID))
	case "source":
		u.push(newSourcePage(u, h.ID))
	case "statement":
		st := u.store
		run(u, "", func(ctx context.Context) (storage.Statement, error) {
			return st.Statement(ctx, h.ID)
		}, func(s storage.Statement, err error) {
			if err != nil {
				u.showError("open the statement", err)
				return
			}
			u.push(newActorPage(u, s.ActorID))
		})
	case "track":
		u.leaveAll(func() {
			u.resetTo(screenTalks)
			u.talks.showTrack(h.ID)
		})
	}
}

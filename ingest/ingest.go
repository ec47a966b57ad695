package ingest

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/parley-app/parley/storage"
)

// Options say how to read an article.
type Options struct {
	// Lang is the article's language code ("" = English).
	Lang string
	// Published is the publication date; zero to take it from the article's dateline or
	// first lines (Result.PublishedFrom says where it came from).
	Published storage.PartialDate
	// Known is the dossier the proposals are compared with; nil for none.
	Known *storage.Dossier
}

// Result is what an article proposes. Nothing in it is stored yet.
type Result struct {
	Source storage.Source `json:"source"`
	// SourceExistingID is the dossier's source with the article's title, if there is one.
	SourceExistingID string `json:"source_existing_id,omitempty"`
	Language         string `json:"language"`
	// PublishedFrom says where Source.Published came from: "given", "dateline", "page",
	// "first lines", or "" when no date was found.
	PublishedFrom string            `json:"published_from,omitempty"`
	Actors        []ActorProposal   `json:"actors"`
	Events        []EventProposal   `json:"events"`
	Quotes        []QuoteProposal   `json:"quotes"`
	Disputes      []DisputeProposal `json:"disputes"`
	// Notes say what could not be read and why ("no publication date: relative dates left out").
	Notes []string `json:"notes,omitempty"`
}

// ActorProposal is a person the article names.
type ActorProposal struct {
	Name         string `json:"name"`
	Title        string `json:"title,omitempty"`
	Organisation string `json:"organization,omitempty"`
	Country      string `json:"country,omitempty"`
	// ExistingID is the dossier actor this person is; NewPost is set when the article gives
	// them a title the actor does not have yet.
	ExistingID string             `json:"existing_id,omitempty"`
	NewPost    bool               `json:"new_post,omitempty"`
	Relations  []RelationProposal `json:"relations,omitempty"`
	Evidence   string             `json:"evidence"`
}

// RelationProposal is a stated tie: the actor is Kind ("close aide of") Other.
type RelationProposal struct {
	Kind  string `json:"kind"`
	Other int    `json:"other"` // index into Result.Actors
}

// EventProposal is a dated event.
type EventProposal struct {
	Title        string            `json:"title"`
	When         storage.FuzzyDate `json:"-"`
	Place        string            `json:"place,omitempty"`
	Status       storage.Status    `json:"status"`
	Participants []int             `json:"-"` // indexes into Result.Actors
	// Kind is "meeting" for talks, visits, summits…, "timeline" for other events (an
	// annexation, a ruling), which belong on a dispute's timeline.
	Kind string `json:"kind"`
	// ExistingID is the dossier meeting (Kind meeting) or dispute (Kind timeline) the event
	// is already recorded in.
	ExistingID string `json:"existing_id,omitempty"`
	Phrase     string `json:"phrase"` // the date as the text gives it
	Evidence   string `json:"evidence"`
	noun       string // the event word the title is made of
}

// QuoteProposal is a quotation with its speaker.
type QuoteProposal struct {
	Speaker    int               `json:"-"` // index into Result.Actors
	Text       string            `json:"text"`
	When       storage.FuzzyDate `json:"-"`
	ExistingID string            `json:"existing_id,omitempty"`
	Evidence   string            `json:"evidence"`
}

// DisputeProposal is a disputed place with the names the parties give it.
type DisputeProposal struct {
	Title         string              `json:"title"`
	Names         []storage.PlaceName `json:"names"`
	Administrator string              `json:"administrator,omitempty"`
	Claimants     []string            `json:"claimants,omitempty"`
	ExistingID    string              `json:"existing_id,omitempty"`
	Evidence      string              `json:"evidence"`
}

var (
	datelineRE = lazyRegexp(`^\s*(\p{Lu}[\p{Lu}\p{M} .'’-]{2,}(?:,\s+\p{Lu}[\p{L} .]+?)?)\s*,?\s*(` + monthRE + `\s+\d{1,2}(?:,\s+\d{4})?|\d{1,2}\s+` + monthRE + `(?:\s+\d{4})?)?\s*(?:\(([^)]{2,60})\))?\s*[—–-]+\s*`)
	releaseRE  = lazyRegexp(`(?i)^\s*press\s+release\s*[—–:-]\s*(.+)$`)
	fullDateRE = lazyRegexp(`^(?i:published:?\s*|updated:?\s*|date:?\s*)?(?:\p{L}+,?\s+)?(\d{1,2}\s+` + monthRE + `\s+\d{4}|` + monthRE + `\s+\d{1,2},?\s+\d{4}|\d{4}-\d\d-\d\d)\s*$`)
)

// Extract reads the article and proposes its records. It never fails on what the text says;
// an error is an unknown language or a cancelled context.
func Extract(ctx context.Context, a Article, opts Options) (Result, error) {
	l, err := LanguageFor(opts.Lang)
	if err != nil {
		return Result{}, err
	}
	var known storage.Dossier
	if opts.Known != nil {
		known = *opts.Known
	}
	r := Result{Language: l.Code}
	body := a.Body

	// The headline restates the lede: it names the source, not more records.
	title := a.Title
	publisher := a.Publisher
	published, from := opts.Published, ""
	if !published.IsZero() {
		from = "given"
	} else if !a.Published.IsZero() {
		published, from = a.Published, "page"
	}
	lines := strings.Split(strings.TrimSpace(body), "\n")
	// A press release's header and a date line come before the headline.
	for len(lines) > 1 {
		t := strings.TrimSpace(lines[0])
		if m := releaseRE.get().FindStringSubmatch(t); m != nil {
			if publisher == "" {
				publisher = strings.TrimSpace(m[1])
			}
		} else if m := fullDateRE.get().FindStringSubmatch(t); m != nil {
			if ds := l.findDates(m[1], storage.PartialDate{}); len(ds) == 1 && ds[0].when.Kind == storage.DateDay && published.IsZero() {
				published, from = ds[0].when.From, "first lines"
			}
		} else if t != "" {
			break
		}
		lines = lines[1:]
	}
	body = strings.Join(lines, "\n")
	if title == "" && len(lines) > 1 {
		if first := strings.TrimSpace(lines[0]); first != "" && utf8.RuneCountInString(first) <= 160 && !strings.ContainsAny(first[len(first)-1:], ".!?”\"") {
			title = first
			body = strings.Join(lines[1:], "\n")
		}
	} else if title != "" && len(lines) > 0 && fold(lines[0]) == fold(title) {
		body = strings.Join(lines[1:], "\n")
	}

	base := published
	var kept []string
	datelineDone := false
	for i, line := range strings.Split(body, "\n") {
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		if m := releaseRE.get().FindStringSubmatch(t); m != nil && publisher == "" {
			publisher = strings.TrimSpace(m[1])
			continue
		}
		if i < 6 && len(kept) == 0 {
			if m := fullDateRE.get().FindStringSubmatch(t); m != nil {
				if ds := l.findDates(m[1], storage.PartialDate{}); len(ds) == 1 && ds[0].when.Kind == storage.DateDay {
					if published.IsZero() {
						published, base, from = ds[0].when.From, ds[0].when.From, "first lines"
					}
					continue
				}
			}
		}
		if !datelineDone {
			datelineDone = true
			if m := datelineRE.get().FindStringSubmatch(t); m != nil && (m[2] != "" || m[len(m)-1] != "") && !strings.Contains(m[1], " ") || m != nil && m[2] != "" {
				if p := m[len(m)-1]; p != "" && publisher == "" {
					publisher = strings.TrimSpace(p)
				}
				if m[2] != "" {
					if ds := l.findDates(m[2], published); len(ds) == 1 && ds[0].when.Kind == storage.DateDay {
						base = ds[0].when.From
						if published.IsZero() {
							published, from = base, "dateline"
						}
					} else if published.IsZero() {
						r.Notes = append(r.Notes, fmt.Sprintf("The dateline gives %q without a year; give the publication date to place it.", strings.TrimSpace(m[2])))
					}
				}
				t = strings.TrimSpace(t[len(m[0]):])
			}
		}
		kept = append(kept, t)
	}
	if base.IsZero() {
		base = published
	}
	switch from {
	case "":
		r.Notes = append(r.Notes, "No publication date was given or found in the article: dates such as “last Thursday” or “in May” were left out. Give the date to place them.")
	case "dateline", "first lines", "page":
		r.Notes = append(r.Notes, fmt.Sprintf("Publication date %s taken from the article's %s.", published.ISO(), map[string]string{"dateline": "dateline", "first lines": "first lines", "page": "page"}[from]))
	}
	r.PublishedFrom = from
	sents := l.splitSentences(strings.Join(kept, "\n"))
	if title == "" && len(sents) > 0 {
		title = shorten(sents[0].text, 100)
	}
	r.Source = storage.Source{Title: title, Publisher: publisher, Reference: a.Reference}
	if !published.IsZero() {
		r.Source.Published = storage.Within(published)
	}
	for _, s := range known.Sources {
		if fold(s.Title) == fold(title) {
			r.SourceExistingID = s.ID
		}
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}

	ps := l.findPeople(sents, known.Actors)
	pp := l.personPatterns()
	index := map[*person]int{}
	addActor := func(x *person) int {
		if i, ok := index[x]; ok {
			return i
		}
		ap := ActorProposal{Name: x.name, Title: x.title, Organisation: x.org, Country: x.country, Evidence: x.evidence}
		if x.existing != nil {
			ap.ExistingID = x.existing.ID
			ap.NewPost = x.title != "" && !hasTitle(x.existing, x.title)
		}
		index[x] = len(r.Actors)
		r.Actors = append(r.Actors, ap)
		return index[x]
	}
	for _, x := range ps.list {
		addActor(x)
	}
	for _, x := range ps.list {
		for k, other := range x.relOther {
			r.Actors[index[x]].Relations = append(r.Actors[index[x]].Relations, RelationProposal{Kind: x.relKind[k], Other: index[other]})
		}
	}

	// Events, quotes and disputes, sentence by sentence.
	var disputes []*disputeFind
	var lastSpeaker, lastMention *person
	lastPara := -1
	seenQuote := map[string]bool{}
	// focus is the meeting that "the talks", "the meeting" point back to, and focusAt the
	// last sentence that spoke of it: a reference reaches back one sentence along that chain.
	focus, focusAt := -1, -10
	for si, s := range sents {
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		evs := l.eventsOf(s.text, base, ps, pp)
		ref, initial := l.meetingReference(s.text)
		if ref >= 0 && focus >= 0 && si-focusAt <= 1 && (initial || !hasMeeting(evs)) {
			for _, x := range l.referenceParticipants(s.text, ref, ps, pp) {
				r.addParticipant(focus, index[x])
			}
			focusAt = si
		}
		for _, ev := range evs {
			i := r.addEvent(ev, index, known)
			if !initial && kindOf(ev.noun) == "meeting" && (focusAt != si || focus < 0) {
				focus, focusAt = i, si
			}
		}
		if hasMeeting(evs) && initial {
			focusAt = si
		}
		if d := l.findDisputes(s.text); d != nil {
			disputes = append(disputes, d)
		}
		if s.para != lastPara {
			lastSpeaker, lastPara = nil, s.para
		}
		beforeQuote := lastMention
		qs := findQuotes(s.text)
		if m := speakerLine.get().FindStringSubmatch(s.text); m != nil && len(qs) == 0 {
			if x := ps.find(l.cleanName(m[1])); x != nil {
				r.addQuote(x, strings.TrimSpace(m[2]), s.text, published, index, known, seenQuote)
				continue
			}
		}
		blank := blankQuotes(s.text, qs)
		atts := l.attributions(blank, pp)
		for _, q := range qs {
			words := len(strings.Fields(q.text))
			if words < 3 {
				continue // a scare quote or a name: "new approach"
			}
			var who *person
			if a, ok := nearest(atts, q); ok {
				if a.who == "he" {
					who = ps.lastMentioned(blank[:q.start])
					if who == nil {
						who = beforeQuote
					}
				} else {
					who = ps.find(a.who)
				}
			} else if q.start == 0 && lastSpeaker != nil {
				who = lastSpeaker // the quote goes on from the sentence before
			}
			if who == nil {
				continue
			}
			lastSpeaker = who
			r.addQuote(who, strings.TrimRight(q.text, ",;: "), s.text, published, index, known, seenQuote)
		}
		if x := ps.lastMentioned(blank); x != nil {
			lastMention = x
		}
	}
	r.mergeDisputes(disputes, known)
	return r, nil
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	cut := string(r[:n])
	if k := strings.LastIndex(cut, " "); k > n/2 {
		cut = cut[:k]
	}
	return cut + "…"
}

func (r *Result) addQuote(who *person, text, evidence string, published storage.PartialDate, index map[*person]int, known storage.Dossier, seen map[string]bool) {
	if seen[fold(text)] {
		return
	}
	seen[fold(text)] = true
	q := QuoteProposal{Speaker: index[who], Text: text, Evidence: evidence}
	if !published.IsZero() {
		q.When = storage.Within(published)
	}
	if who.existing != nil {
		ft := fold(text)
		for _, st := range known.Statements {
			if st.ActorID == who.existing.ID && strings.Contains(fold(st.Text), ft) {
				q.ExistingID = st.ID
			}
		}
	}
	r.Quotes = append(r.Quotes, q)
}

// canonicalTitle reduces a title to the words that tell posts apart, so that "Foreign
// Minister" and "Minister for Foreign Affairs" are one post.
func canonicalTitle(t string) map[string]bool {
	f := " " + fold(t) + " "
	for _, rw := range [][2]string{
		{" minister for foreign affairs ", " foreign minister "}, {" minister of foreign affairs ", " foreign minister "},
		{" secretary of state for foreign affairs ", " foreign secretary "}, {" foreign ministry ", " foreign "},
	} {
		f = strings.ReplaceAll(f, rw[0], rw[1])
	}
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(f, func(r rune) bool { return r == ' ' || r == '-' || r == ',' }) {
		switch w {
		case "of", "the", "for", "and", "in", "charge", "affairs", "a", "an", "to", "on":
			continue
		}
		if _, isCountry := languages()["en"].country(w); isCountry {
			continue
		}
		out[w] = true
	}
	return out
}

func subset(a, b map[string]bool) bool {
	for w := range a {
		if !b[w] {
			return false
		}
	}
	return true
}

// hasTitle reports whether the actor holds the title already (as title or as a post).
func hasTitle(a *storage.Actor, title string) bool {
	want := canonicalTitle(title)
	if len(want) == 0 {
		return true
	}
	titles := []string{a.Title}
	for _, p := range a.Posts {
		titles = append(titles, p.Title)
	}
	for _, t := range titles {
		have := canonicalTitle(t)
		if len(have) > 0 && (subset(want, have) || subset(have, want)) {
			return true
		}
	}
	return false
}

// addEvent adds an event unless one with the same date and noun is there, and compares it
// with the dossier's meetings and dispute timelines.
// It returns the event's index.
func (r *Result) addEvent(ev event, index map[*person]int, known storage.Dossier) int {
	for i := range r.Events {
		if r.Events[i].When == ev.when && r.Events[i].Kind == kindOf(ev.noun) {
			for _, x := range ev.participants {
				r.addParticipant(i, index[x])
			}
			return i
		}
	}
	p := EventProposal{When: ev.when, Place: ev.place, Status: ev.status, Kind: kindOf(ev.noun), Phrase: ev.phrase, Evidence: ev.evidence}
	for _, x := range ev.participants {
		p.Participants = append(p.Participants, index[x])
	}
	p.noun = ev.noun
	p.Title = r.eventTitle(p)
	p.ExistingID = matchEvent(ev, p.Kind, known)
	r.Events = append(r.Events, p)
	return len(r.Events) - 1
}

// addParticipant adds actor a to event i unless they are there already.
func (r *Result) addParticipant(i, a int) {
	if !slices.Contains(r.Events[i].Participants, a) {
		r.Events[i].Participants = append(r.Events[i].Participants, a)
		r.Events[i].Title = r.eventTitle(r.Events[i])
	}
}

// eventTitle names an event by its participants' surnames, its noun and its place:
// "Harada–Morgulov talks — Tokyo".
func (r *Result) eventTitle(p EventProposal) string {
	var names []string
	for _, a := range p.Participants {
		names = append(names, lastWord(r.Actors[a].Name))
	}
	t := p.noun
	if len(names) > 0 && len(names) <= 3 {
		t = strings.Join(names, "–") + " " + t
	}
	t = upperFirst(t)
	if p.Place != "" {
		t += " — " + p.Place
	}
	return t
}

func kindOf(noun string) string {
	if languages()["en"].meetingKinds[noun] {
		return "meeting"
	}
	return "timeline"
}

// overlap reports whether two fuzzy dates can mean the same time.
func overlap(a, b storage.FuzzyDate) bool {
	if a.IsZero() || b.IsZero() {
		return false
	}
	al, au := a.Lower(), a.Upper()
	bl, bu := b.Lower(), b.Upper()
	if a.IsExact() {
		d, _ := a.Day()
		al, au = d.Start(), d.End()
	}
	if b.IsExact() {
		d, _ := b.Day()
		bl, bu = d.Start(), d.End()
	}
	return al.Before(bu) && bl.Before(au)
}

func sameDay(a, b storage.FuzzyDate) bool {
	da, okA := a.Day()
	db, okB := b.Day()
	return okA && okB && da == db
}

// matchEvent finds the dossier meeting (or dispute timeline) an event is: a compatible date
// and one more sign (a participant, the place, the kind of event), or the same day.
func matchEvent(ev event, kind string, known storage.Dossier) string {
	best, bestScore := "", 0
	for _, m := range known.Meetings {
		dates := []storage.FuzzyDate{m.When}
		for _, h := range m.StatusHistory {
			dates = append(dates, h.When)
		}
		compatible, day, exact := false, false, false
		for _, d := range dates {
			if overlap(ev.when, d) && (precisionRank(ev.when) >= precisionRank(d)-1) {
				compatible = true
				exact = exact || ev.when == d
				day = day || sameDay(ev.when, d)
			}
		}
		if !compatible {
			continue
		}
		score := 0
		for _, x := range ev.participants {
			for _, pt := range m.Participants {
				if x.existing != nil && x.existing.ID == pt.ActorID {
					score += 2
				}
			}
		}
		place := fold(ev.place)
		if place != "" && (place == fold(m.City) || place == fold(m.Country) || place == fold(m.Venue)) {
			score += 2
		}
		if strings.Contains(fold(m.Title), stem(ev.noun)) || string(m.Format) == ev.noun {
			score++
		}
		if day && kind == "meeting" {
			score += 2
		}
		if exact {
			score++ // the same date at the same precision beats a wider one
		}
		if score >= 2 && score > bestScore {
			best, bestScore = m.ID, score
		}
	}
	if best != "" || kind == "meeting" {
		return best
	}
	for _, d := range known.Disputes {
		for _, e := range d.Timeline {
			if e.When == ev.when && strings.Contains(fold(e.Text), stem(ev.noun)) {
				return d.ID
			}
		}
	}
	return ""
}

func precisionRank(f storage.FuzzyDate) int {
	switch f.Kind {
	case storage.DateExact, storage.DateDay:
		return 3
	case storage.DateMonth:
		return 2
	case storage.DateRange:
		return 2
	}
	return 1
}

func stem(w string) string {
	if len(w) > 5 {
		return w[:5]
	}
	return w
}

// mergeDisputes joins what the sentences said about disputed places into one proposal per
// place, and compares each with the dossier's disputes.
func (r *Result) mergeDisputes(found []*disputeFind, known storage.Dossier) {
	var out []DisputeProposal
	var loose []*disputeFind
	for _, d := range found {
		if len(d.names) == 0 {
			loose = append(loose, d)
			continue
		}
		merged := false
		for i := range out {
			if shareName(out[i].Names, d.names) {
				out[i].Names = addNames(out[i].Names, d.names)
				merged = true
				if out[i].Administrator == "" {
					out[i].Administrator = d.administrator
				}
				out[i].Claimants = addStrings(out[i].Claimants, d.claimants)
			}
		}
		if !merged {
			out = append(out, DisputeProposal{Names: d.names, Administrator: d.administrator, Claimants: d.claimants, Evidence: d.evidence})
		}
	}
	if len(out) == 1 {
		for _, d := range loose {
			if out[0].Administrator == "" {
				out[0].Administrator = d.administrator
			}
			out[0].Claimants = addStrings(out[0].Claimants, d.claimants)
		}
	}
	for i := range out {
		var ns []string
		for _, n := range out[i].Names {
			ns = append(ns, n.Name)
		}
		out[i].Title = strings.Join(ns, " / ")
		for _, k := range known.Disputes {
			for _, n := range out[i].Names {
				if fold(k.Title) == fold(n.Name) || containsWord(fold(k.Title), fold(n.Name)) {
					out[i].ExistingID = k.ID
				}
				for _, kn := range k.Names {
					if fold(kn.Name) == fold(n.Name) || kn.Native != "" && kn.Native == n.Name {
						out[i].ExistingID = k.ID
					}
				}
			}
		}
		// A claimant is not also the administrator.
		var cl []string
		for _, c := range out[i].Claimants {
			if c != out[i].Administrator {
				cl = append(cl, c)
			}
		}
		out[i].Claimants = cl
	}
	r.Disputes = out
}

func shareName(a, b []storage.PlaceName) bool {
	for _, x := range a {
		for _, y := range b {
			if fold(x.Name) == fold(y.Name) {
				return true
			}
		}
	}
	return false
}

func addNames(a, b []storage.PlaceName) []storage.PlaceName {
	for _, y := range b {
		dup := false
		for _, x := range a {
			if x.Party == y.Party {
				dup = true
			}
		}
		if !dup {
			a = append(a, y)
		}
	}
	return a
}

func addStrings(a, b []string) []string {
	for _, y := range b {
		dup := false
		for _, x := range a {
			dup = dup || x == y
		}
		if !dup && y != "" {
			a = append(a, y)
		}
	}
	return a
}

// DeadlineDay is the last day a "by" date can mean (by 2016 → 2016-12-31), the form the
// command line's JSON gives deadlines in.
func DeadlineDay(f storage.FuzzyDate) string {
	return f.Upper().Add(-24 * time.Hour).Format("2006-01-02")
}

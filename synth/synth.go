// Package synth builds synthetic dossiers for measuring Parley at size: tracks of numbered
// rounds, fuzzy and exact dates over thirty years, delegations, statements in Latin, Cyrillic
// and Japanese, disputes with names in each side's script, and sources. The same Config and
// seed always give the same dossier. Records are stored through storage.ImportDossier, in
// batches of a few thousand per transaction, so they are validated like any import.
package synth

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/parley-app/parley/storage"
)

// Config says how large a dossier to build.
type Config struct {
	Meetings int
	Actors   int
	Quotes   int    // statements
	Seed     uint64 // the same seed gives the same dossier
	// Batch is how many records go into one transaction; 0 means DefaultBatch.
	Batch int
}

// DefaultBatch is the number of records stored per transaction when Config.Batch is 0.
const DefaultBatch = 5000

// Report counts what Generate stored.
type Report struct {
	Tracks, Meetings, Actors, Statements, Disputes, Sources int
}

func (r Report) String() string {
	return fmt.Sprintf("%d tracks, %d meetings, %d actors, %d statements, %d disputes and %d sources",
		r.Tracks, r.Meetings, r.Actors, r.Statements, r.Disputes, r.Sources)
}

// Progress is told how many records are stored so far out of the total.
type Progress func(done, total int)

// BigTrackMeetings is the size of the first track, the one a pack's history is measured on,
// when the dossier has enough meetings for it (a tenth of them at most).
const BigTrackMeetings = 1000

// BigTrackID is the ID of the first, largest track.
const BigTrackID = "synth-track-00000"

// MeetingID is the ID Generate gives the i-th meeting (from 0).
func MeetingID(i int) string { return fmt.Sprintf("synth-meeting-%06d", i) }

// ActorID is the ID Generate gives the i-th actor (from 0).
func ActorID(i int) string { return fmt.Sprintf("synth-actor-%05d", i) }

// DelegationEvery: one meeting in this many has a full delegation of 20 participants (when
// there are that many actors), the size a pack is measured with: FullDelegation(0),
// FullDelegation(1), … Those meetings are never in the first, largest track.
const DelegationEvery = 100

// FullDelegation is the ID of the n-th meeting (from 0) with a delegation of 20.
func FullDelegation(n int) string { return MeetingID(n*DelegationEvery + DelegationEvery/2 + 1) }

// Generate builds the dossier cfg describes into st, which should be empty (IDs are fixed, so
// a second run on the same store leaves its records unchanged). progress may be nil.
func Generate(ctx context.Context, st *storage.Store, cfg Config, progress Progress) (Report, error) {
	switch {
	case cfg.Meetings < 0 || cfg.Actors < 0 || cfg.Quotes < 0:
		return Report{}, errors.New("synth: counts cannot be negative")
	case cfg.Actors == 0 && (cfg.Quotes > 0 || cfg.Meetings > 0):
		return Report{}, errors.New("synth: meetings and statements need at least one actor")
	}
	batch := cfg.Batch
	if batch <= 0 {
		batch = DefaultBatch
	}
	g := newGenerator(cfg)
	rep := Report{Tracks: g.tracks, Disputes: g.disputes, Sources: g.sources}
	total := g.tracks + g.disputes + g.sources + cfg.Actors + cfg.Meetings + cfg.Quotes
	done := 0
	store := func(d *storage.Dossier, n int) error {
		if _, err := st.ImportDossier(ctx, d); err != nil {
			return fmt.Errorf("synth: %w", err)
		}
		done += n
		if progress != nil {
			progress(done, total)
		}
		return nil
	}

	// Sources, disputes and tracks first: everything else refers to them.
	head := &storage.Dossier{}
	for i := range g.sources {
		head.Sources = append(head.Sources, g.source(i))
	}
	for i := range g.disputes {
		head.Disputes = append(head.Disputes, g.dispute(i))
	}
	for i := range g.tracks {
		head.Tracks = append(head.Tracks, g.track(i))
	}
	if err := store(head, g.sources+g.disputes+g.tracks); err != nil {
		return Report{}, err
	}
	for from := 0; from < cfg.Actors; from += batch {
		d := &storage.Dossier{}
		for i := from; i < min(from+batch, cfg.Actors); i++ {
			d.Actors = append(d.Actors, g.actor(i))
		}
		if err := store(d, len(d.Actors)); err != nil {
			return Report{}, err
		}
		rep.Actors += len(d.Actors)
	}
	// Meetings in order, so that each round's previous round is stored before it; the
	// statements go with the batch of the meetings they were made at.
	perMeeting := 0.0
	if cfg.Meetings > 0 {
		perMeeting = float64(cfg.Quotes) / float64(cfg.Meetings)
	}
	quote := 0
	for from := 0; from < max(cfg.Meetings, 1) && (from < cfg.Meetings || quote < cfg.Quotes); from += batch {
		d := &storage.Dossier{}
		to := min(from+batch, cfg.Meetings)
		for i := from; i < to; i++ {
			d.Meetings = append(d.Meetings, g.meeting(i))
		}
		// The statements owed up to the end of this batch (all the rest with the last one).
		owed := int(perMeeting * float64(to))
		if to >= cfg.Meetings {
			owed = cfg.Quotes
		}
		for ; quote < owed; quote++ {
			d.Statements = append(d.Statements, g.statement(quote, d.Meetings, from))
		}
		if err := store(d, len(d.Meetings)+len(d.Statements)); err != nil {
			return Report{}, err
		}
		rep.Meetings += len(d.Meetings)
		rep.Statements += len(d.Statements)
		if cfg.Meetings == 0 {
			break
		}
	}
	return rep, nil
}

// generator draws the records. Each record is drawn from its own random stream (seeded with
// the seed and the record's number), so a record does not depend on the batch size.
type generator struct {
	cfg                       Config
	tracks, disputes, sources int
	trackOf                   []int32 // the track of each meeting
	roundOf                   []int32 // its round in the track, from 1
	prevOf                    []int32 // the meeting before it in the track, or -1
	stamp                     time.Time
	zones                     []*time.Location // of each city; nil where the system lacks it
	words, cyrillic, japanese []string
}

func newGenerator(cfg Config) *generator {
	g := &generator{cfg: cfg, stamp: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}
	g.tracks = max(1, cfg.Meetings/50)
	if cfg.Meetings == 0 {
		g.tracks = 0
	}
	g.disputes = 5 + cfg.Meetings/1000
	g.sources = 10 + cfg.Quotes/100
	for _, c := range cities {
		loc, _ := time.LoadLocation(c.zone)
		g.zones = append(g.zones, loc)
	}
	r := g.rand("vocabulary", 0)
	g.words = vocabulary(r, latinSyllables, 3000)
	g.cyrillic = vocabulary(r, cyrillicSyllables, 1500)
	g.japanese = vocabulary(r, japaneseSyllables, 1500)

	// Tracks: the first holds BigTrackMeetings when a tenth of the meetings allows it, the
	// others share the rest at random.
	g.trackOf = make([]int32, cfg.Meetings)
	g.roundOf = make([]int32, cfg.Meetings)
	g.prevOf = make([]int32, cfg.Meetings)
	big := 0
	if cfg.Meetings >= 10*BigTrackMeetings {
		big = BigTrackMeetings
	}
	last := make([]int32, g.tracks)
	rounds := make([]int32, g.tracks)
	for i := range last {
		last[i] = -1
	}
	for i := range cfg.Meetings {
		var t int
		switch {
		case big == 0:
			t = r.IntN(g.tracks)
		case i%(cfg.Meetings/big) != 0:
			t = 1 + r.IntN(g.tracks-1)
		}
		rounds[t]++
		g.trackOf[i], g.roundOf[i], g.prevOf[i] = int32(t), rounds[t], last[t]
		last[t] = int32(i)
	}
	return g
}

// rand is the random stream of one record.
func (g *generator) rand(kind string, i int) *rand.Rand {
	h := uint64(14695981039346656037)
	for _, c := range kind {
		h = (h ^ uint64(c)) * 1099511628211
	}
	return rand.New(rand.NewPCG(g.cfg.Seed^h, uint64(i)))
}

func vocabulary(r *rand.Rand, syllables []string, n int) []string {
	seen := map[string]bool{}
	out := make([]string, 0, n)
	for len(out) < n {
		var b strings.Builder
		for range 2 + r.IntN(3) {
			b.WriteString(syllables[r.IntN(len(syllables))])
		}
		if w := b.String(); !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

// text is n words of one script, with the dossier's real terms sprinkled in (about one word
// in fifty), so that a subject matches a few per cent of the records as in a real dossier.
func (g *generator) text(r *rand.Rand, script, n int) string {
	var b strings.Builder
	words, terms, sep := g.words, latinTerms, " "
	switch script {
	case scriptCyrillic:
		words, terms = g.cyrillic, cyrillicTerms
	case scriptJapanese:
		words, terms, sep = g.japanese, japaneseTerms, ""
	}
	for i := range n {
		if i > 0 {
			b.WriteString(sep)
		}
		if r.IntN(50) == 0 {
			b.WriteString(terms[r.IntN(len(terms))])
		} else {
			b.WriteString(words[r.IntN(len(words))])
		}
	}
	if script == scriptJapanese {
		b.WriteString("。")
	} else {
		b.WriteString(".")
	}
	s := b.String()
	if script != scriptJapanese {
		rs := []rune(s)
		s = strings.ToUpper(string(rs[0])) + string(rs[1:])
	}
	return s
}

const (
	scriptLatin = iota
	scriptCyrillic
	scriptJapanese
)

// script draws a script: half Latin, a quarter each Cyrillic and Japanese.
func script(r *rand.Rand) int {
	switch n := r.IntN(4); n {
	case 0, 1:
		return scriptLatin
	case 2:
		return scriptCyrillic
	}
	return scriptJapanese
}

// date draws a date between 1995 and 2025 of every kind Parley knows: 70 % exact times in
// the city's zone, then days, months, years, "by" dates and ranges.
func (g *generator) date(r *rand.Rand, city int) storage.FuzzyDate {
	y, m, d := 1995+r.IntN(31), time.Month(1+r.IntN(12)), 1+r.IntN(28)
	switch k := r.IntN(100); {
	case k < 70:
		zone, loc := cities[city].zone, g.zones[city]
		if loc == nil {
			return storage.OnDay(y, m, d)
		}
		f, err := storage.Exact(time.Date(y, m, d, 8+r.IntN(10), 15*r.IntN(4), 0, 0, loc), zone)
		if err != nil {
			return storage.OnDay(y, m, d)
		}
		return f
	case k < 85:
		return storage.OnDay(y, m, d)
	case k < 93:
		return storage.InMonth(y, m)
	case k < 96:
		return storage.InYear(y)
	case k < 98:
		return storage.By(storage.PartialDate{Year: y, Month: m})
	}
	return storage.Between(storage.PartialDate{Year: y, Month: m, Day: d}, storage.PartialDate{Year: y, Month: m, Day: 28})
}

func (g *generator) source(i int) storage.Source {
	r := g.rand("source", i)
	pub := publishers[r.IntN(len(publishers))]
	return storage.Source{
		ID: fmt.Sprintf("synth-source-%05d", i), Title: g.text(r, script(r), 6), Publisher: pub,
		Published: g.date(r, r.IntN(len(cities))), Reference: fmt.Sprintf("https://example.org/%d", i),
		Reliability: reliabilities[r.IntN(len(reliabilities))], Created: g.stamp, Updated: g.stamp,
	}
}

func (g *generator) dispute(i int) storage.Dispute {
	r := g.rand("dispute", i)
	a, b := r.IntN(len(countries)), r.IntN(len(countries)-1)
	if b >= a {
		b++
	}
	d := storage.Dispute{
		ID: fmt.Sprintf("synth-dispute-%04d", i), Title: fmt.Sprintf("%s islands (%d)", strings.ToUpper(g.words[r.IntN(len(g.words))][:1])+g.words[r.IntN(len(g.words))][1:], i),
		Names: []storage.PlaceName{
			{Party: countries[a], Name: g.words[r.IntN(len(g.words))], Language: "en"},
			{Party: countries[b], Name: g.cyrillic[r.IntN(len(g.cyrillic))], Language: "ru", Native: g.cyrillic[r.IntN(len(g.cyrillic))]},
			{Party: countries[a], Name: g.words[r.IntN(len(g.words))], Language: "ja", Native: g.japanese[r.IntN(len(g.japanese))] + "諸島"},
		},
		Administrator: countries[a], Claimants: []string{countries[b]}, Summary: g.text(r, scriptLatin, 60),
		Positions: []storage.Position{{Party: countries[a], Text: g.text(r, scriptLatin, 30)}, {Party: countries[b], Text: g.text(r, scriptCyrillic, 30)}},
		Tags:      []string{"territory"}, Created: g.stamp, Updated: g.stamp,
	}
	for j := range 3 {
		d.Facts = append(d.Facts, storage.KeyFact{Label: fmt.Sprintf("Fact %d", j+1), Value: g.text(r, scriptLatin, 5),
			SourceID: fmt.Sprintf("synth-source-%05d", r.IntN(g.sources))})
	}
	for range 10 + r.IntN(30) {
		d.Timeline = append(d.Timeline, storage.Event{When: g.date(r, 0), Text: g.text(r, script(r), 15),
			SourceID: fmt.Sprintf("synth-source-%05d", r.IntN(g.sources))})
	}
	return d
}

func (g *generator) track(i int) storage.Track {
	r := g.rand("track", i)
	a, b := r.IntN(len(countries)), r.IntN(len(countries)-1)
	if b >= a {
		b++
	}
	title := fmt.Sprintf("%s–%s %s %d", countries[a], countries[b], trackSubjects[r.IntN(len(trackSubjects))], i)
	return storage.Track{ID: fmt.Sprintf("synth-track-%05d", i), Title: title, Parties: []string{countries[a], countries[b]},
		Summary: g.text(r, scriptLatin, 25), Created: g.stamp, Updated: g.stamp}
}

func (g *generator) actor(i int) storage.Actor {
	r := g.rand("actor", i)
	c := r.IntN(len(countries))
	a := storage.Actor{ID: ActorID(i), Kind: storage.ActorPerson, Country: countries[c],
		Organisation: "Ministry of Foreign Affairs", Title: titles[r.IntN(len(titles))],
		Role: "delegate", Biography: g.text(r, scriptLatin, 60), Stance: g.text(r, script(r), 20),
		Tags: []string{"delegate"}, Created: g.stamp, Updated: g.stamp}
	switch i % 3 {
	case 0: // a Russian name, written in Cyrillic too
		first, last := r.IntN(len(russianFirst)), r.IntN(len(russianLast))
		a.Name = fmt.Sprintf("%s %s %d", russianFirst[first].latin, russianLast[last].latin, i)
		a.NativeName = russianFirst[first].native + " " + russianLast[last].native
	case 1: // a Japanese name, family name first in its own script
		first, last := r.IntN(len(japaneseFirst)), r.IntN(len(japaneseLast))
		a.Name = fmt.Sprintf("%s %s %d", japaneseFirst[first].latin, japaneseLast[last].latin, i)
		a.NativeName = japaneseLast[last].native + japaneseFirst[first].native
	default:
		a.Name = fmt.Sprintf("%s %s %d", latinFirst[r.IntN(len(latinFirst))], latinLast[r.IntN(len(latinLast))], i)
	}
	a.Posts = []storage.Post{{Title: a.Title, Organisation: a.Organisation, From: storage.PartialDate{Year: 1995 + r.IntN(30)}}}
	return a
}

func (g *generator) meeting(i int) storage.Meeting {
	r := g.rand("meeting", i)
	c := r.IntN(len(cities))
	t := int(g.trackOf[i])
	m := storage.Meeting{
		ID: MeetingID(i), TrackID: fmt.Sprintf("synth-track-%05d", t),
		Title:  fmt.Sprintf("Consultations, round %d: %s", g.roundOf[i], g.text(r, scriptLatin, 3)),
		Format: storage.Formats[r.IntN(len(storage.Formats))], Status: storage.Statuses[r.IntN(len(storage.Statuses))],
		When: g.date(r, c), Venue: "Ministry guest house", City: cities[c].name, Country: cities[c].country,
		Round: int(g.roundOf[i]), Purpose: g.text(r, scriptLatin, 25),
		Objectives:  []string{g.text(r, scriptLatin, 8), g.text(r, scriptLatin, 8)},
		LinesToTake: storage.Lines(g.text(r, script(r), 10)),
		Questions:   []storage.QA{{Question: g.text(r, scriptLatin, 8), Answer: g.text(r, scriptLatin, 10)}},
		Background:  g.text(r, script(r), 15), Outcome: g.text(r, scriptLatin, 10),
		Created: g.stamp, Updated: g.stamp,
	}
	if m.When.Kind == storage.DateExact {
		m.DurationMinutes = 60 * (1 + r.IntN(4))
	}
	if p := g.prevOf[i]; p >= 0 {
		m.PreviousRoundID = MeetingID(int(p))
	}
	n := 2 + r.IntN(7)
	if i%DelegationEvery == DelegationEvery/2+1 {
		n = 20
	}
	n = min(n, g.cfg.Actors)
	seen := map[int]bool{}
	for len(m.Participants) < n {
		a := r.IntN(g.cfg.Actors)
		if seen[a] {
			continue
		}
		seen[a] = true
		role := storage.RoleMember
		switch len(m.Participants) {
		case 0:
			role = storage.RoleHead
		case 1:
			role = storage.RoleCounterpart
		}
		m.Participants = append(m.Participants, storage.Participant{ActorID: ActorID(a), Role: role})
	}
	if g.disputes > 0 && r.IntN(3) == 0 {
		m.DisputeIDs = []string{fmt.Sprintf("synth-dispute-%04d", r.IntN(g.disputes))}
	}
	if m.Status == storage.StatusPostponed {
		m.StatusHistory = []storage.StatusChange{
			{Recorded: g.stamp.Add(-time.Hour), To: storage.StatusScheduled, When: m.When},
			{Recorded: g.stamp, From: storage.StatusScheduled, To: storage.StatusPostponed, Reason: g.text(r, scriptLatin, 6), When: m.When},
		}
	}
	return m
}

// statement draws the q-th statement. Most are made at a meeting, by one of its participants:
// the statements are spread evenly over the meetings in order, so that statement q's meeting
// is stored in the same batch or an earlier one. batch holds the batch's meetings, the first
// of which is meeting number first.
func (g *generator) statement(q int, batch []storage.Meeting, first int) storage.Statement {
	r := g.rand("statement", q)
	s := storage.Statement{ID: fmt.Sprintf("synth-statement-%06d", q), Text: g.text(r, script(r), 8+r.IntN(20)),
		SourceID: fmt.Sprintf("synth-source-%05d", r.IntN(g.sources)), Created: g.stamp, Updated: g.stamp}
	if g.cfg.Meetings > 0 && r.IntN(10) < 8 {
		i := int(int64(q) * int64(g.cfg.Meetings) / int64(g.cfg.Quotes))
		var m storage.Meeting
		if i >= first && i-first < len(batch) {
			m = batch[i-first]
		} else {
			m = g.meeting(i)
		}
		s.MeetingID, s.When, s.Occasion = m.ID, m.When, m.City
		s.ActorID = m.Participants[r.IntN(len(m.Participants))].ActorID
	} else {
		s.ActorID = ActorID(r.IntN(g.cfg.Actors))
		s.When = g.date(r, r.IntN(len(cities)))
		s.Occasion = "press conference"
	}
	if g.disputes > 0 && r.IntN(4) == 0 {
		s.DisputeID = fmt.Sprintf("synth-dispute-%04d", r.IntN(g.disputes))
	}
	return s
}

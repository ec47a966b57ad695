//go:build sqlite_fts5

package export

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/handling"
	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// The negotiation's sections, as a next round's pack prints them: in the order of a real
// brief, each with what it holds.
func TestPackNegotiationSections(t *testing.T) {
	path := draftPack(t, negotiationBriefing())
	checkValid(t, path)
	checkLinks(t, path)
	txt := pdfText(t, path)
	checkPageNumbers(t, path, txt)
	checkNoOrphanedHeadings(t, txt)
	pages := pagesText(t, path)
	all := strings.Join(pages, " ")

	// The contents list the sections in the brief's order, the annex last.
	order := []string{"1 " + titlePurpose, "2 " + titleTheirSide, "3 " + titleLines, "4 " + titleQuestions, "5 " + titlePress,
		"6 " + titleScenario, "7 " + titleSince, "8 " + titleOpen, "9 " + titleParticipants, "10 " + titleDisputes,
		"11 " + titleHistory, "12 " + titleStatements, "13 " + titleSources, titleAnnex}
	contents := pages[1]
	at := 0
	for _, s := range order {
		i := strings.Index(contents[at:], s)
		if assert.GreaterOrEqual(t, i, 0, "the contents list %q after the sections before it", s) {
			at += i + len(s)
		}
	}
	outline := bookmarks(t, path)
	for _, s := range []string{titleTheirSide, titlePress, titleScenario, titleSince, titleOpen, titleAnnex, "The four islands"} {
		assert.Contains(t, outline, s, "the outline has %q", s)
	}

	for _, want := range []string{
		// Their side, each ask with our response.
		"1. Russia will seek Japanese investment in the Far East before the islands are discussed. Our response: Economic cooperation is part of the new approach",
		"2. Russia will ask Japan to accept that the islands passed to it as a result of the war. No response prepared.",
		// Lines to take in three parts, a point addressed to Morgulov.
		"Points to make 1. Japan seeks to resolve", "3. To Igor Morgulov: We would value your reading",
		"If pressed – Japan's position on the four islands has not changed", "Lines to avoid – Any figure for Japanese investment",
		// The press line.
		"Proactive: what we say The two sides held frank", "Reactive: only if asked We do not comment",
		"Press access Pool: photographers and cameras at the start only. Joint photo opportunity",
		// The scenario: times worked out from the start (10:00 in Tokyo) and the items' lengths.
		"Time (JST) Item Lead Minutes", "10:00 Arrival and greeting at the south entrance 15", "10:15 Photo opportunity 10",
		"10:25 Opening statements Chikahito Harada 20", "10:45 The peace treaty and the new approach Igor Morgulov 75",
		"12:00 Economic cooperation Chikahito Harada 45", "12:45 Departure",
		"Arrival Harada meets Morgulov", "Seating Across the table", "Photo Handshake", "Gifts None exchanged",
		"Duration 3 hours, 10:00–13:00 JST", "Interpreters Ministry interpreter (Russian desk) — Japanese–Russian, consecutive",
		"Record-taker Second Secretary, Russia Division", "Press Pool: photographers and cameras at the start only",
		// Since the last round.
		"What the dossier records after Peace treaty talks, Moscow round (October 2015), from 1 November 2015.",
		"Statements since the round – Igor Morgulov, Deputy Minister of Foreign Affairs 12 Apr 2016 · Interview, Moscow The talks must proceed without preconditions.",
		"Status changes on the track", "From postponed to tentative",
		"Changed positions Party Was Now Russia The islands are not a subject of negotiation. (until 6 May 2016)",
		"New key facts", "New approach Agreed by Abe and Putin in Sochi", "New timeline entries",
		"At the last round, not at this one: Maria Zakharova (Director of the Information and Press Department)",
		"Posts taken up – Chikahito Harada: Government Representative, Ministry of Foreign Affairs (since Jan 2016)",
		// Open commitments, the overdue one first.
		"1 is overdue and comes first.", "OVERDUE by end of Mar 2016 Japan Send a written summary",
		// Last time we met, in Morgulov's profile.
		"Last time we met Peace treaty talks, Moscow round October 2015 · Moscow, Russia Outcome: First vice-ministerial round",
		"We are ready to look for a mutually acceptable solution.",
		// The annex: each issue's ten fields, an empty one said to be so.
		"This annex is OFFICIAL-SENSITIVE: restricted by default", "1. The four islands",
		"Reservation point No text that recognises Russian sovereignty over the four.", "2. Fisheries", "Reservation point Not set",
	} {
		assert.Contains(t, all, want)
	}
	assert.Less(t, strings.Index(all, "OVERDUE"), strings.Index(all, "Propose dates for a working group"), "overdue first")
	assert.NotContains(t, all, "Not prepared")
	// The cover's rows prefer the fields to the old free text.
	assert.Contains(t, pages[0], "Interpreters Ministry interpreter (Russian desk) — Japanese–Russian, consecutive")
	assert.Contains(t, pages[0], "Press Pool: photographers and cameras at the start only Joint photo opportunity before the talks")
	assert.NotContains(t, pages[0], "Japanese–Russian, consecutive.", "the free-text interpreters line gives way to the team")
}

// annexPages are the numbers (from 1) of the pages that begin in the annex, by their running
// head, and the text of each page.
func annexPages(t *testing.T, path, title string) ([]int, []string) {
	t.Helper()
	pages := pagesText(t, path)
	var out []int
	for i, p := range pages {
		if strings.Contains(p, title+" — "+titleAnnex) {
			out = append(out, i+1)
		}
	}
	return out, pages
}

// marked reports whether a page's text (pagesText) begins and ends with banner, its top and
// bottom banners, wherever pdftotext puts the footer's page number.
func marked(page, banner string) bool {
	page = flatten(regexp.MustCompile(`Page \d+ of \d+`).ReplaceAllString(page, ""))
	return strings.HasPrefix(page, banner+" ") && strings.HasSuffix(page, " "+banner)
}

// The annex starts on a page of its own, states its level under its heading, and every page
// of it is marked at that level at least, while the rest of an OFFICIAL pack stays OFFICIAL.
func TestPackAnnexCarriesItsLevel(t *testing.T) {
	b := negotiationBriefing()
	for i := 0; i < 4; i++ { // enough issues for the annex to run over several pages
		p := b.Meeting.Parameters[0]
		p.Issue = fmt.Sprintf("Issue %d", i+3)
		b.Meeting.Parameters = append(b.Meeting.Parameters, p)
	}
	cut := handling.Default.Audience(b, handling.Default.ParseMarking(b.Marking), handling.None)
	path := draftPack(t, cut.Briefing)
	annex, pages := annexPages(t, path, b.Meeting.Title)
	require.GreaterOrEqual(t, len(annex), 2, "the annex runs over several pages")
	assert.Equal(t, len(pages), annex[len(annex)-1], "the annex comes last")
	first := pages[annex[0]-1]
	assert.Contains(t, first, titleAnnex+" This annex is OFFICIAL-SENSITIVE: restricted by default", "the level is stated under the heading")
	inAnnex := map[int]bool{}
	for _, n := range annex {
		inAnnex[n] = true
		p := pages[n-1]
		assert.True(t, marked(p, "OFFICIAL-SENSITIVE"), "page %d of the annex is marked OFFICIAL-SENSITIVE top and bottom: %.80q…", n, p)
	}
	assert.Contains(t, pages[annex[1]-1], "Negotiating parameters (continued)", "a page the annex runs over onto says so")
	for i, p := range pages {
		if !inAnnex[i+1] {
			assert.NotContains(t, p, "OFFICIAL-SENSITIVE", "page %d is outside the annex and carries nothing above OFFICIAL", i+1)
			assert.True(t, strings.HasPrefix(p, "OFFICIAL "), "page %d", i+1)
		}
	}
	assert.Contains(t, tool(t, "pdfinfo", path), "Briefing pack — OFFICIAL-SENSITIVE", "the metadata says what the most sensitive page says")

	// A parameters level set on the meeting is the annex's.
	b.Meeting.ParametersLevel = "SECRET"
	cut = handling.Default.Audience(b, handling.Default.ParseMarking(b.Marking), handling.None)
	path = draftPack(t, cut.Briefing)
	annex, pages = annexPages(t, path, b.Meeting.Title)
	require.NotEmpty(t, annex)
	assert.Contains(t, pages[annex[0]-1], "This annex is SECRET, the level set for this meeting's negotiating parameters.")
	for _, n := range annex {
		assert.True(t, marked(pages[n-1], "SECRET"), "page %d", n)
	}
}

// The sample's Tokyo round, marked OFFICIAL — SAMPLE: its annex pages are OFFICIAL-SENSITIVE,
// and the pack an OFFICIAL audience gets has no annex and no parameter at all.
func TestPackSampleAnnexAndOfficialAudience(t *testing.T) {
	b := sampleBriefing(t, sample.TokyoRoundID)
	require.NotEmpty(t, b.Meeting.Parameters, "the sample's Tokyo round has negotiating parameters")
	scheme, marking := handling.Default, handling.Default.ParseMarking(b.Marking)
	require.Equal(t, 0, marking.Level, "the sample is marked OFFICIAL")

	whole := scheme.Audience(b, marking, handling.None)
	path := draftPack(t, whole.Briefing)
	checkValid(t, path)
	annex, pages := annexPages(t, path, b.Meeting.Title)
	require.NotEmpty(t, annex)
	for _, n := range annex {
		p := pages[n-1]
		assert.True(t, marked(p, "OFFICIAL-SENSITIVE — SAMPLE"), "annex page %d", n)
	}
	assert.Contains(t, pages[annex[0]-1], "This annex is OFFICIAL-SENSITIVE: restricted by default")

	official := scheme.Audience(b, marking, 0)
	path = writePackFile(t, official.Briefing, PackOptions{HomeZone: london(t), PreparedOn: fixedClock, UpTo: "OFFICIAL", LeftOut: official.LeftOut})
	checkValid(t, path)
	all := strings.Join(pagesText(t, path), " ")
	outline := bookmarks(t, path)
	for _, where := range []string{all, outline, tool(t, "pdfinfo", path)} {
		assert.NotContains(t, where, "Negotiating parameters")
		assert.NotContains(t, where, "OFFICIAL-SENSITIVE")
		for _, p := range b.Meeting.Parameters {
			for _, s := range append([]string{p.Issue}, p.Reservation, p.Target, p.OurBATNA) {
				if s = strings.TrimSpace(strings.TrimPrefix(s, "[Illustrative]")); len(s) > 12 {
					assert.NotContains(t, where, s)
				}
			}
		}
	}
}

// A held meeting's pack carries its record of conversation and the commitments made at it.
func TestPackHeldMeetingRecord(t *testing.T) {
	path := draftPack(t, heldBriefing())
	checkValid(t, path)
	txt := pdfText(t, path)
	checkNoOrphanedHeadings(t, txt)
	all := strings.Join(pagesText(t, path), " ")
	for _, want := range []string{
		titleRecord, "Date 8 October 2015", "Place Ministry of Foreign Affairs, Moscow",
		"Present Chikahito Harada Igor Morgulov someone not in the dossier's participants",
		"Subject Peace treaty: first vice-ministerial round",
		"Substance 1. Morgulov opened by restating", "2. Harada replied", "3. Both sides agreed to meet again",
		"Atmospherics Neutral: Formal throughout",
		"Commitments Who What Due Status", "Japan Send a written summary of Japan's proposals for joint economic activity. by end of Mar 2016 OVERDUE",
		"Igor Morgulov Propose dates for the next round. by end of 2016 Done at Japan–Russia peace treaty talks, Tokyo round (22 June 2016)",
	} {
		assert.Contains(t, all, want)
	}
}

// The cover names the sections a brief is incomplete without; the record and commitments only
// once the meeting is held. With the pre-flight check's short form, it prints that instead.
func TestPackCoverSaysWhatIsMissing(t *testing.T) {
	future := &storage.Briefing{Meeting: storage.Meeting{ID: "m-1", Title: "Consultations on fisheries", Status: storage.StatusScheduled}}
	cover := pagesText(t, draftPack(t, future))[0]
	for _, s := range []string{"Not prepared", titleTheirSide, titleLines, titlePress, titleScenario} {
		assert.Contains(t, cover, s)
	}
	for _, s := range []string{titleRecord, titleCommitments, titleSince, titleOpen, "Negotiating parameters", "Before you go"} {
		assert.NotContains(t, cover, s)
	}

	held := &storage.Briefing{Meeting: storage.Meeting{ID: "m-1", Title: "Consultations on fisheries", Status: storage.StatusHeld}}
	cover = pagesText(t, draftPack(t, held))[0]
	assert.Contains(t, cover, "– "+titleRecord)
	assert.Contains(t, cover, "– "+titleCommitments)

	pre := []string{"No press line: write what we say publicly after the meeting.", "No objectives: say what the delegation wants from the meeting."}
	cover = pagesText(t, writePackFile(t, future, PackOptions{HomeZone: london(t), PreparedOn: fixedClock, Preflight: pre}))[0]
	assert.Contains(t, cover, "Before you go – "+pre[0]+" – "+pre[1])
	assert.NotContains(t, cover, "Not prepared")
	cover = pagesText(t, writePackFile(t, future, PackOptions{HomeZone: london(t), PreparedOn: fixedClock, Preflight: []string{}}))[0]
	assert.NotContains(t, cover, "Before you go", "a check with nothing to say prints nothing")
	assert.NotContains(t, cover, "Not prepared")

	// A long check on a full cover keeps two findings with its heading, and a page it runs
	// over onto says so, before the contents.
	full := negotiationBriefing()
	full.Meeting.Logistics = strings.Repeat("Cars from the hotel at 09:15; rooms 3 and 4 on the second floor. ", 8)
	full.Meeting.Brief.Distribution = []string{"Private Office", "Embassy Tokyo", "Embassy Moscow", "Policy Planning", "Legal Adviser", "Press Office"}
	pre = nil
	for i := 0; i < 8; i++ {
		pre = append(pre, fmt.Sprintf("Finding %d: a principal has no pronunciation recorded; add one to the profile before the meeting.", i+1))
	}
	pages := pagesText(t, writePackFile(t, full, PackOptions{HomeZone: london(t), PreparedOn: fixedClock, Preflight: pre}))
	require.Contains(t, pages[0], "Finding 2:", "the cover holds the heading and two findings")
	require.NotContains(t, pages[0], "Finding 8:", "the case: a check that runs over")
	assert.Contains(t, pages[0], "Before you go – Finding 1:")
	assert.Contains(t, pages[1], full.Meeting.Title+" — Cover Before you go (continued) – Finding 3:")
	assert.Contains(t, pages[1], "Finding 8:")
	assert.Contains(t, pages[2], "Contents")
}

// Since the last round says so when nothing changed; a point to someone the briefing does not
// hold names no ID.
func TestPackSinceTheLastRoundWithNothingNew(t *testing.T) {
	b := fixtureBriefing()
	b.SinceLastRound = &storage.RoundChanges{Round: b.PreviousRound, Since: time.Date(2015, 11, 1, 0, 0, 0, 0, time.UTC)}
	b.Meeting.LinesToTake = append(b.Meeting.LinesToTake, storage.Line{Text: "We look forward to your visit.", ToID: "a-8c1f0e2a-unknown"})
	all := strings.Join(pagesText(t, draftPack(t, b)), " ")
	assert.Contains(t, all, titleSince+" Nothing the dossier records has changed since Peace treaty talks, Moscow round (October 2015)")
	assert.Contains(t, all, "To someone not in the dossier's participants: We look forward to your visit.")
	assert.NotContains(t, all, "a-8c1f0e2a-unknown")
	assert.NotContains(t, all, titleOpen, "no open commitments, no section")
}

func TestAgendaTimes(t *testing.T) {
	tokyo, err := storage.Exact(time.Date(2016, 6, 22, 10, 0, 0, 0, time.FixedZone("JST", 9*3600)), "Asia/Tokyo")
	require.NoError(t, err)
	item := func(at string, minutes int) storage.AgendaItem {
		return storage.AgendaItem{Item: "x", At: at, Minutes: minutes}
	}
	for _, tc := range []struct {
		name   string
		when   storage.FuzzyDate
		agenda []storage.AgendaItem
		want   []string
	}{
		{"offsets from an exact start", tokyo, []storage.AgendaItem{item("", 15), item("+15", 0), item("+90", 30)}, []string{"10:00", "10:15", "11:30"}},
		{"following items add the lengths", tokyo, []storage.AgendaItem{item("09:30", 20), item("", 40), item("", 0), item("", 10)}, []string{"09:30", "09:50", "10:30", ""}},
		{"a clock time sets the time again", tokyo, []storage.AgendaItem{item("", 0), item("", 10), item("14:00", 0)}, []string{"10:00", "", "14:00"}},
		{"past midnight", tokyo, []storage.AgendaItem{item("23:30", 45), item("", 0)}, []string{"23:30", "00:15 (+1 day)"}},
		{"no exact start", storage.OnDay(2016, time.June, 22), []storage.AgendaItem{item("", 10), item("+30", 15), item("", 5), item("11:00", 0)},
			[]string{"", "Start + 30 min", "", "11:00"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, agendaTimes(storage.Meeting{When: tc.when, Agenda: tc.agenda}))
		})
	}
}

// negotiationStress is a next round with everything long: many asks and points, a long
// agenda, a since-the-last-round of long tables, many commitments, a record of long
// paragraphs and an annex whose fields run to 2,000 characters.
func negotiationStress(t *testing.T) *storage.Briefing {
	b := negotiationBriefing()
	long := func(seed string, n int) string {
		var sb strings.Builder
		for i := 0; sb.Len() < n; i++ {
			fmt.Fprintf(&sb, "%s %d: the delegation sets out its view of the islands, the economic projects and the timetable of the talks. ", seed, i+1)
		}
		return sb.String()[:n]
	}
	m := &b.Meeting
	for i := 0; i < 12; i++ {
		m.TheirSide = append(m.TheirSide, storage.Ask{Text: long("Ask", 200), Response: long("Response", 500)})
		m.LinesToTake = append(m.LinesToTake, storage.Line{Text: long("Point", 300), ToID: []string{"", "a-morgulov", "a-harada"}[i%3]})
		m.IfPressed = append(m.IfPressed, long("Pressed", 250))
		m.LinesToAvoid = append(m.LinesToAvoid, long("Avoid", 120))
	}
	m.PressLine = storage.PressLine{Proactive: long("Proactive", 900) + "\n" + long("Second", 400), Reactive: long("Reactive", 1200)}
	for i := 0; i < 40; i++ {
		m.Agenda = append(m.Agenda, storage.AgendaItem{Item: long("Item", 40+(i%5)*60), LeadID: []string{"a-harada", "a-morgulov", ""}[i%3], Minutes: 5 + i%4*5})
	}
	for _, k := range storage.ChoreographyKinds {
		m.Choreography = append(m.Choreography, storage.ChoreographyNote{Kind: k, Text: long(sentence(k), 300)})
	}
	c := b.SinceLastRound
	for i := 0; i < 15; i++ {
		c.Statements = append(c.Statements, storage.Statement{ID: fmt.Sprintf("st-s%d", i), ActorID: "a-morgulov", Text: long("Said", 400),
			When: storage.OnDay(2016, time.March, 1+i), Occasion: "Interview", SourceID: "src-article"})
		c.Positions = append(c.Positions, storage.PositionChange{DisputeTitle: "Northern Territories / Southern Kurils", Party: "Russia",
			Was: long("Was", 500), Now: long("Now", 300), Until: time.Date(2016, 1, 1+i, 0, 0, 0, 0, time.UTC)})
		c.Facts = append(c.Facts, storage.DisputeFact{Fact: storage.KeyFact{Label: fmt.Sprintf("Fact %d", i+1), Value: long("Fact", 300), SourceID: "src-article"}})
		c.Timeline = append(c.Timeline, storage.DisputeEvent{Event: storage.Event{When: storage.InMonth(2016, time.Month(1+i%5)), Text: long("Event", 200)}})
	}
	for i := 0; i < 30; i++ {
		k := b.OpenCommitments[i%2]
		k.What = long("Undertaking", 150+i%3*100)
		b.OpenCommitments = append(b.OpenCommitments, k)
	}
	sort.SliceStable(b.OpenCommitments, func(i, j int) bool { // as storage gives them: overdue first
		return b.OpenCommitments[i].Status == storage.CommitmentOverdue && b.OpenCommitments[j].Status != storage.CommitmentOverdue
	})
	for i := range m.Parameters {
		for _, f := range m.Parameters[i].Texts() {
			*f.Text = long(f.Label, 500)
		}
	}
	m.Parameters[0].Concessions = long("Concessions", 2000)
	return b
}

// The stressed next round holds together: valid, every link resolves, nothing left at the foot
// of a page, continued tables captioned.
func TestPackNegotiationStress(t *testing.T) {
	b := negotiationStress(t)
	path := draftPack(t, b)
	checkValid(t, path)
	checkLinks(t, path)
	txt := pdfText(t, path)
	checkPageNumbers(t, path, txt)
	checkNoOrphanedHeadings(t, txt)
	for n, last := range lastLines(txt, "OFFICIAL", b.Meeting.Title) {
		assert.False(t, strings.HasSuffix(last, "(continued)"), "page %d ends with a caption: %q", n+1, last)
		for _, header := range []string{"Time (JST) Item Lead Minutes", "Due Who What Made at", "Party Was Now", "Fact Detail", "Date Event", "Date Meeting Change Reason"} {
			assert.NotEqual(t, header, last, "page %d ends with a table's header", n+1)
		}
	}
	flat := flatten(txt)
	for _, want := range []string{"Timed agenda (continued)", "Open commitments (continued)", "Changed positions (continued)", "Negotiating parameters — The four islands (continued)"} {
		assert.Contains(t, flat, want)
	}
	annex, pages := annexPages(t, path, b.Meeting.Title)
	require.GreaterOrEqual(t, len(annex), 2)
	for _, n := range annex {
		assert.True(t, marked(pages[n-1], "OFFICIAL-SENSITIVE"), "annex page %d", n)
	}
}

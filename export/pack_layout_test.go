package export

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

// The layout's promises, checked on the pages pdftotext reads back: nothing left at the foot
// of a page without what it introduces, words whole, continued parts captioned, delegations
// in the user's order, and every link pointing at a page.

// pageLines are the lines of each page of txt (pdftotext -layout), spaces squeezed, without
// the page's frame: the banners (marking), the running head (the meeting's title, then the
// section's) and the footer.
func pageLines(txt, marking, title string) [][]string {
	var pages [][]string
	footer := regexp.MustCompile(`Page \d+ of \d+`)
	for _, page := range strings.Split(strings.TrimSuffix(txt, "\f"), "\f") {
		var lines []string
		for _, l := range strings.Split(page, "\n") {
			l = flatten(l)
			if l == "" || footer.MatchString(l) || marking != "" && strings.Contains(l, marking) {
				continue
			}
			lines = append(lines, l)
		}
		if len(lines) > 0 && strings.HasPrefix(lines[0], title+" — ") {
			lines = lines[1:] // the running head
		}
		pages = append(pages, lines)
	}
	return pages
}

// lastLines is the last content line of every page but the last.
func lastLines(txt, marking, title string) []string {
	pages := pageLines(txt, marking, title)
	var out []string
	for _, p := range pages[:len(pages)-1] {
		if len(p) > 0 {
			out = append(out, p[len(p)-1])
		}
	}
	return out
}

// tallFirstRows is a briefing of fact sheets whose key-facts table starts lower on each
// sheet's page, under a summary one line longer than the last; the first row of every table
// is nine lines tall.
func tallFirstRows() *storage.Briefing {
	b := &storage.Briefing{Meeting: storage.Meeting{ID: "m-1", Title: "Consultations on the islands"}, Marking: "OFFICIAL"}
	sentence := "The islands have been disputed since the war and both sides keep their claims. "
	long := "Tallrowstart. " + strings.Repeat("A first fact long enough to run over nine lines of the detail column of the table. ", 9)
	for i := 0; i < 48; i++ {
		id := fmt.Sprintf("d-%02d", i)
		b.Meeting.DisputeIDs = append(b.Meeting.DisputeIDs, id)
		b.Disputes = append(b.Disputes, storage.Dispute{ID: id, Title: fmt.Sprintf("Sheet %d", i+1),
			Summary: strings.Repeat(sentence, i),
			Facts: []storage.KeyFact{{Label: "Tall fact", Value: long},
				{Label: "Second fact", Value: "Short."}, {Label: "Third fact", Value: "Short too."}}})
	}
	return b
}

// The orphan case: a table's first row of more than six lines that fits on a page used to
// leave the heading and the table's header at the foot of the page, the row overleaf.
func TestPackKeepsHeadingWithTallFirstRow(t *testing.T) {
	path := writePackFile(t, tallFirstRows(), PackOptions{HomeZone: time.UTC, PreparedOn: fixedClock})
	txt := pdfText(t, path)
	for n, last := range lastLines(txt, "OFFICIAL", "Consultations on the islands") {
		assert.NotEqual(t, "Key facts", last, "page %d ends with the heading", n+1)
		assert.NotEqual(t, "Fact Detail", last, "page %d ends with the table's header", n+1)
	}
	assert.Equal(t, 48, strings.Count(txt, "Tallrowstart"), "every table's first row is printed")
	for n, p := range pageLines(txt, "OFFICIAL", "Consultations on the islands") {
		page := strings.Join(p, "\n")
		if strings.Contains(page, "Third fact") {
			assert.Contains(t, page, "Tall fact", "page %d: a table of three rows is kept whole", n+1)
		}
	}
	checkLinks(t, path)
}

// statementSweep is a briefing whose recent statements each take a speaker line, a date line
// and a quotation of one to seven lines, under lines to take that move them down by offset
// lines, so that over a few offsets every kind of item meets the foot of a page.
func statementSweep(offset int) *storage.Briefing {
	b := &storage.Briefing{Meeting: storage.Meeting{ID: "m-1", Title: "Consultations on the islands"}, Marking: "OFFICIAL",
		Speakers: map[string]storage.Actor{"a-1": {ID: "a-1", Name: "Speaker Name", Title: "Speakertitle of the ministry"}}}
	for i := 0; i < offset; i++ {
		b.Meeting.LinesToTake = append(b.Meeting.LinesToTake, storage.Line{Text: "A line to take."})
	}
	for i := 0; i < 60; i++ {
		b.RecentStatements = append(b.RecentStatements, storage.Statement{ID: fmt.Sprintf("st-%d", i), ActorID: "a-1",
			When: storage.OnDay(2016, time.June, 1+i%28), Occasion: "Occasionmark " + strconv.Itoa(i),
			Text: strings.Repeat("The talks should be forward-looking and the sides should meet again soon. ", 1+i%7)})
	}
	return b
}

// No list item is cut after its speaker line (or its date line): the quotation's first
// lines come with them.
func TestPackKeepsSpeakerWithQuote(t *testing.T) {
	for offset := 0; offset < 6; offset++ {
		txt := pdfText(t, writePackFile(t, statementSweep(offset), PackOptions{HomeZone: time.UTC, PreparedOn: fixedClock}))
		for n, last := range lastLines(txt, "OFFICIAL", "Consultations on the islands") {
			assert.NotContains(t, last, "Speakertitle", "offset %d: page %d ends with a speaker line", offset, n+1)
			assert.NotContains(t, last, "Occasionmark", "offset %d: page %d ends with a statement's date line", offset, n+1)
		}
		assert.Equal(t, 60, strings.Count(txt, "Occasionmark"))
	}
}

// threeDelegations is a meeting of 40 participants in three delegations, listed out of
// order (a Russian first), two of them of no country: each delegation has one head, the
// British one a principal besides, and the rest are members.
func threeDelegations() *storage.Briefing {
	b := fixtureBriefing()
	b.Participants = nil
	b.Meeting.Participants = nil
	countries := []string{"Russia", "Japan", "United Kingdom"}
	for i := 0; i < 40; i++ {
		country := countries[i%3]
		if i >= 38 {
			country = ""
		}
		p := storage.Participant{ActorID: fmt.Sprintf("a-%02d", i), Role: storage.RoleMember}
		if i < 3 {
			p.Role = storage.RoleHead
		}
		if i == 5 {
			p.Principal = true
		}
		a := storage.Actor{ID: p.ActorID, Name: fmt.Sprintf("Person %02d", i), Country: country,
			Title: "Director of the " + strings.Repeat("Second ", i%3) + "Department", Pronunciation: fmt.Sprintf("PER-son %02d", i),
			Biography: fmt.Sprintf("Biography of person %02d: a career diplomat.", i)}
		if i%4 == 0 {
			a.NativeName = "Пётр Иванов"
		}
		b.Meeting.Participants = append(b.Meeting.Participants, p)
		b.Participants = append(b.Participants, storage.BriefParticipant{Participant: p, Actor: a})
	}
	// A member is quoted: the speaker's name links to their line.
	b.Speakers["a-07"] = b.Participants[7].Actor
	b.RecentStatements = append(b.RecentStatements, storage.Statement{ID: "st-member", ActorID: "a-07",
		Text: "We are ready.", When: storage.OnDay(2016, time.June, 19)})
	return b
}

func TestPackGroupsDelegations(t *testing.T) {
	path := writePackFile(t, threeDelegations(), PackOptions{HomeZone: time.UTC, PreparedOn: fixedClock})
	checkValid(t, path)
	txt := pdfText(t, path)
	flat := flatten(txt)
	checkLinks(t, path)

	// Delegations in the order their first member appears, the participants of no country last.
	order := []string{"Russia 13 participants", "Japan 13 participants", "United Kingdom 12 participants", "Other participants 2 participants"}
	at := -1
	for _, d := range order {
		i := strings.Index(flat, d)
		require.Greater(t, i, at, "delegation band %q in order", d)
		at = i
	}
	// Principals in full (the three heads and the British principal), the others on one line.
	for _, i := range []int{0, 1, 2, 5} {
		assert.Contains(t, flat, fmt.Sprintf("Biography of person %02d", i))
	}
	for _, i := range []int{3, 4, 7, 38, 39} {
		assert.NotContains(t, flat, fmt.Sprintf("Biography of person %02d", i))
		assert.Contains(t, flat, fmt.Sprintf("PER-son %02d", i), "a member's line has the pronunciation")
	}
	assert.Contains(t, flat, "Пётр Иванов")
	// Within a delegation, the list's order: Person 03, 06, 09 … in the Russian one.
	assert.Regexp(t, `Person 03 .*Person 06 .*Person 09 .*Person 12`, flat)
	// The contents list the four profiles only.
	contents := pageLines(txt, "OFFICIAL-SENSITIVE", "")[1]
	var profiles []string
	for _, l := range contents {
		if strings.HasPrefix(l, "Person ") {
			profiles = append(profiles, strings.Fields(l)[1])
		}
	}
	assert.Equal(t, []string{"00", "01", "02", "05"}, profiles, "Russia's head, Japan's, the British head and principal")
	assert.LessOrEqual(t, pdfPages(t, path), 12, "40 participants no longer take a page each")
	band := regexp.MustCompile(`\d+ participants?$`)
	for n, last := range lastLines(txt, "OFFICIAL-SENSITIVE", threeDelegations().Meeting.Title) {
		assert.False(t, band.MatchString(last), "page %d ends with a delegation's band: %q", n+1, last)
		assert.NotEqual(t, "Name Native-script name Title Pronunciation", last, "page %d ends with a table's header", n+1)
	}
}

// checkLinks: every internal link and bookmark of the PDF at path points at one of its pages
// (gofpdf points a link whose target was never set at the page tree, not a page).
func checkLinks(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	pages := pdfPages(t, path)
	dests := regexp.MustCompile(`/Dest \[(\d+) 0 R`).FindAllSubmatch(data, -1)
	require.NotEmpty(t, dests)
	for _, d := range dests {
		obj, _ := strconv.Atoi(string(d[1]))
		page := (obj - 1) / 2 // gofpdf writes page n as object 1+2n
		assert.True(t, obj%2 == 1 && page >= 1 && page <= pages, "a link points at object %d, not a page", obj)
	}
}

// Ordinary words never break in a table: the columns are as wide as their longest word.
func TestPackKeepsWordsWhole(t *testing.T) {
	b := fixtureBriefing()
	b.Meeting.Title = "Peace treaty consultations, round 2 — Tokyo"
	for i, c := range []string{"Switzerland", "United Kingdom", "Germany"} {
		a := b.Participants[i%2].Actor
		a.ID, a.Name, a.Country = fmt.Sprintf("a-%d", i), "Envoy of "+c, c
		p := storage.BriefParticipant{Participant: storage.Participant{ActorID: a.ID, Role: storage.RoleAdviser}, Actor: a}
		b.Participants = append(b.Participants, p)
	}
	d := &b.Disputes[0]
	d.Names = append(d.Names, storage.PlaceName{Party: "United Kingdom", Name: "Disputed islands"},
		storage.PlaceName{Party: "Switzerland", Name: "Inseln"})
	d.Facts = append(d.Facts, storage.KeyFact{Label: "Switzerland", Value: "Offered its good offices."},
		storage.KeyFact{Label: "United Kingdom", Value: "Signed the 1951 treaty."})
	txt := pdfText(t, draftPack(t, b))
	tokens := map[string]bool{}
	for _, f := range strings.Fields(txt) {
		tokens[strings.Trim(f, ".,;:()")] = true
	}
	for _, word := range []string{"Switzerland", "Kingdom", "Germany", "Government", "Representative", "delegation", "Vice-ministerial"} {
		assert.True(t, tokens[word], "%q printed whole", word)
		for n := 3; n < len(word); n++ {
			assert.False(t, tokens[word[:n]], "%q broken after %q", word, word[:n])
		}
	}
	// The cover's title keeps "round 2" together.
	cover := pageLines(txt, "OFFICIAL-SENSITIVE", "")[0]
	for _, l := range cover {
		if strings.HasSuffix(l, "round") {
			t.Errorf("the cover's title breaks after %q", l)
		}
	}
	assert.Contains(t, strings.Join(cover, "\n"), "round 2 — Tokyo")
}

func TestGlueNumbers(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Consultations, round 2 — Tokyo", "Consultations, round\u00a02 — Tokyo"},
		{"Article 9.", "Article\u00a09."},
		{"in 1945 and 2016", "in\u00a01945 and\u00a02016"},
		{"Phone 123456", "Phone 123456"},       // a long number is no label
		{"G 7th summit", "G 7th summit"},       // not a number on its own
		{"— 2 islands", "— 2 islands"},         // no letter before the space
		{"Раунд 3", "Раунд\u00a03"},            // any script
		{"no numbers here", "no numbers here"}, // unchanged, not copied
	} {
		assert.Equal(t, c.want, glueNumbersIn(c.in), c.in)
	}
}

func TestFitWidths(t *testing.T) {
	for _, c := range []struct {
		name        string
		least, want []float64
		check       func(t *testing.T, w []float64)
	}{
		{"everything fits: the rest in proportion", []float64{10, 10}, []float64{20, 60}, func(t *testing.T, w []float64) {
			assert.InDelta(t, 40, w[0], 0.01)
			assert.InDelta(t, 120, w[1], 0.01)
		}},
		{"narrow columns get what they want", []float64{15, 20, 10}, []float64{18, 300, 25}, func(t *testing.T, w []float64) {
			assert.InDelta(t, 18, w[0], 0.01)
			assert.InDelta(t, 25, w[2], 0.01)
			assert.InDelta(t, 117, w[1], 0.01)
		}},
		{"no column below its longest word", []float64{60, 12}, []float64{400, 400}, func(t *testing.T, w []float64) {
			assert.InDelta(t, 80, w[0], 0.01)
			assert.InDelta(t, 80, w[1], 0.01)
		}},
		{"a word wider than half the table is cut", []float64{150, 30}, []float64{150, 30}, func(t *testing.T, w []float64) {
			assert.InDelta(t, 160, w[0]+w[1], 0.01)
			assert.GreaterOrEqual(t, w[1], 30.0)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			w := fitWidths(160, c.least, c.want)
			sum := 0.0
			for _, x := range w {
				sum += x
			}
			assert.InDelta(t, 160, sum, 0.01)
			c.check(t, w)
		})
	}
}

// A table, a profile and a fact sheet that run over a page say so at the top of the next.
func TestPackContinuedCaptions(t *testing.T) {
	txt := pdfText(t, draftPack(t, bigBriefing()))
	pages := pageLines(txt, "OFFICIAL-SENSITIVE", bigBriefing().Meeting.Title)
	var firsts []string
	for _, p := range pages {
		if len(p) > 0 {
			firsts = append(firsts, p[0])
		}
	}
	all := strings.Join(firsts, "\n")
	assert.Contains(t, all, "Japan — Chikahito Harada (1) (continued)", "a profile's next page, under its delegation")
	assert.Contains(t, all, "Northern Territories / Southern Kurils (1) — Timeline (continued)", "a sheet's table's next page")
	// A continued caption is only ever the first line of a page.
	for n, p := range pages {
		for i, l := range p {
			if i > 0 {
				assert.NotContains(t, l, "(continued)", "page %d line %d", n+1, i+1)
			}
		}
	}
	// Under a continued table's caption, its header again.
	for n, p := range pages {
		if len(p) > 1 && strings.HasSuffix(p[0], "Timeline (continued)") {
			assert.Equal(t, "Date Event", p[1], "page %d", n+1)
		}
	}
}

// stressBriefing is the pack read page by page for the layout: 40 participants in three
// delegations with photos (one turned, one unreadable), paragraphs of 2,000 characters,
// long tables and a sheet with five parties.
func stressBriefing(t *testing.T) *storage.Briefing {
	b := threeDelegations()
	long := func(seed string) string {
		var sb strings.Builder
		for i := 0; sb.Len() < 2000; i++ {
			fmt.Fprintf(&sb, "%s %d: the delegations reviewed the record of the talks, the positions of both sides on the islands and the economic projects proposed since May 2016. ", seed, i+1)
		}
		return sb.String()
	}
	m := &b.Meeting
	m.Purpose, m.Background, m.Outcome = long("Purpose"), long("Background"), long("Outcome")
	for i := range m.Objectives {
		m.Objectives[i] += " " + long("Objective")[:400]
	}
	for i := 0; i < 12; i++ {
		m.LinesToTake = append(m.LinesToTake, storage.Line{Text: fmt.Sprintf("Line %d: Japan seeks to resolve the question of the ownership of the four islands and then to conclude a peace treaty.", i+1)})
		m.Questions = append(m.Questions, storage.QA{Question: fmt.Sprintf("Question %d: will Japan accept a settlement that returns only two of the islands?", i+1), Answer: long("Answer")[:600]})
	}
	b.Participants[0].Actor.Photo = portrait(t, 900, 1200)
	b.Participants[1].Actor.Photo = jpegWithOrientation(t, halves(800, 600), 6, "MM")
	b.Participants[2].Actor.Photo = []byte("not an image")
	b.Participants[5].Actor.Biography = long("Biography")
	b.Participants[0].Statements = nil
	for i := 0; i < 15; i++ {
		b.Participants[0].Statements = append(b.Participants[0].Statements, storage.Statement{ID: fmt.Sprintf("st-p%d", i), ActorID: "a-00",
			Text: long("Said")[:300], When: storage.OnDay(2016, time.May, 1+i), Occasion: "Press briefing", SourceID: "src-article"})
	}
	d := &b.Disputes[0]
	d.Summary = long("Summary")
	for _, p := range []string{"United Kingdom", "Switzerland", "Germany"} {
		d.Names = append(d.Names, storage.PlaceName{Party: p, Name: "The islands (" + p + ")"})
		d.Positions = append(d.Positions, storage.Position{Party: p, Text: long(p)[:500]})
	}
	for i := 0; i < 12; i++ {
		d.Facts = append(d.Facts, storage.KeyFact{Label: fmt.Sprintf("Fact %d", i+1), Value: long("Fact")[:150*(1+i%5)], SourceID: "src-article"})
	}
	for i := 0; i < 60; i++ {
		d.Timeline = append(d.Timeline, storage.Event{When: storage.InYear(1950 + i), Text: long("Event")[:80*(1+i%4)], SourceID: "src-article"})
	}
	for i := range b.TrackMeetings {
		b.TrackMeetings[i].Outcome = long("Result")[:700]
	}
	return b
}

// The stress pack holds together: valid, every link resolves, nothing left at a page's foot.
func TestPackStress(t *testing.T) {
	path := draftPack(t, stressBriefing(t))
	checkValid(t, path)
	checkLinks(t, path)
	txt := pdfText(t, path)
	checkPageNumbers(t, path, txt)
	checkNoOrphanedHeadings(t, txt)
	band := regexp.MustCompile(`\d+ participants?$`)
	for n, last := range lastLines(txt, "OFFICIAL-SENSITIVE", threeDelegations().Meeting.Title) {
		assert.False(t, band.MatchString(last), "page %d ends with a delegation's band: %q", n+1, last)
		assert.False(t, strings.HasSuffix(last, "(continued)"), "page %d ends with a caption: %q", n+1, last)
		for _, header := range []string{"Fact Detail", "Date Event", "Name Native-script name Title Pronunciation"} {
			assert.NotEqual(t, header, last, "page %d ends with a table's header", n+1)
		}
	}
	flat := flatten(txt)
	assert.Contains(t, flat, "Photo could not be read: it is not a PNG or JPEG image.")
	assert.Contains(t, flat, "Timeline (continued)")
	assert.Contains(t, flat, "Japan (continued)", "a delegation's next page")
}

package export

import (
	"bytes"
	"context"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/export/pdftest"
	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
)

var fixedClock = time.Date(2016, 6, 21, 9, 30, 0, 0, time.UTC)

func london(t testing.TB) *time.Location {
	loc, err := time.LoadLocation("Europe/London")
	require.NoError(t, err)
	return loc
}

// writePackFile renders b into a file under the test's temporary directory.
func writePackFile(t *testing.T, b *storage.Briefing, opt PackOptions) string {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, WritePack(&buf, b, opt))
	path := filepath.Join(t.TempDir(), "pack.pdf")
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o600))
	if dir := os.Getenv("PARLEY_PACK_OUT"); dir != "" {
		// Keep a copy to look at: PARLEY_PACK_OUT=/tmp/packs go test ./export/
		require.NoError(t, os.MkdirAll(dir, 0o755))
		name := strings.NewReplacer("/", "-", " ", "_").Replace(t.Name()) + ".pdf"
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644))
	}
	return path
}

// tool runs one of poppler's or qpdf's tools (pdftest.Run: a missing one fails the test).
func tool(t *testing.T, name string, args ...string) string {
	t.Helper()
	return pdftest.Run(t, name, args...)
}

// flatten is s with every run of white space, line breaks included, one space.
func flatten(s string) string { return strings.Join(strings.Fields(s), " ") }

// flatText is the text of the PDF at path in reading order, flattened.
func flatText(t *testing.T, path string) string {
	t.Helper()
	return flatten(tool(t, "pdftotext", "-enc", "UTF-8", path, "-"))
}

// draftPack writes b as a draft for a reader in London on the fixed day, and returns the file.
func draftPack(t *testing.T, b *storage.Briefing) string {
	t.Helper()
	return writePackFile(t, b, PackOptions{HomeZone: london(t), PreparedOn: fixedClock})
}

// draftText is the text of b's draft pack, checked first to be valid with its fonts embedded.
func draftText(t *testing.T, b *storage.Briefing) string {
	t.Helper()
	path := draftPack(t, b)
	checkValid(t, path)
	return pdfText(t, path)
}

func pdfText(t *testing.T, path string) string { return pdftest.LayoutText(t, path) }

func pdfPages(t *testing.T, path string) int {
	info := tool(t, "pdfinfo", path)
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
	require.NotNil(t, m, info)
	n, err := strconv.Atoi(m[1])
	require.NoError(t, err)
	return n
}

// checkValid runs qpdf --check and pdffonts: the file is well formed and every font in it is
// embedded.
func checkValid(t *testing.T, path string) {
	t.Helper()
	out := tool(t, "qpdf", "--check", path)
	assert.Contains(t, out, "No syntax or stream encoding errors found")
	fonts := tool(t, "pdffonts", path)
	lines := strings.Split(strings.TrimSpace(fonts), "\n")
	require.Greater(t, len(lines), 2, fonts)
	for _, l := range lines[2:] {
		f := strings.Fields(l)
		require.GreaterOrEqual(t, len(f), 5, l)
		// name type [type…] encoding emb sub uni object ID: emb is the fifth field from the end.
		assert.Equal(t, "yes", f[len(f)-5], "font not embedded: %s", l)
	}
}

// checkPageNumbers: every page says "Page N of M" with M the real page count.
func checkPageNumbers(t *testing.T, path, txt string) int {
	t.Helper()
	pages := pdfPages(t, path)
	for n := 1; n <= pages; n++ {
		assert.Contains(t, txt, fmt.Sprintf("Page %d of %d", n, pages))
	}
	assert.NotContains(t, txt, fmt.Sprintf("Page %d of", pages+1))
	return pages
}

func TestPackFixture(t *testing.T) {
	path := draftPack(t, fixtureBriefing())
	checkValid(t, path)
	txt := pdfText(t, path)
	pages := checkPageNumbers(t, path, txt)
	assert.GreaterOrEqual(t, pages, 5)
	for _, want := range []string{
		"OFFICIAL-SENSITIVE", "BRIEFING PACK", "Japan–Russia peace treaty talks, Tokyo round",
		"Contents", titlePurpose, titleLines, titleQuestions, titleParticipants, titleDisputes, titleHistory, titleStatements, titleSources,
		titleTheirSide, titlePress, titleScenario,
		"Wednesday 22 June 2016, 10:00–13:00 JST", "Your time", "Wednesday 22 June 2016, 02:00–05:00 BST (Europe/London)",
		"Round 2, after Moscow, October 2015", "Prepared on", "21 June 2016",
		"Моргулов", "原田親仁", "北方領土", "Южные Курилы", "Chikahito Harada", "Igor Morgulov",
		"Postponed after Moscow", "date then: 2014", "by end of 2016",
		"I hope for forward-looking and fruitful discussions", "[1]",
	} {
		assert.Contains(t, txt, want)
	}
	assert.Equal(t, pages*2, strings.Count(txt, "OFFICIAL-SENSITIVE"), "the marking is at the top and bottom of every page")
	assert.NotContains(t, txt, "Not prepared")
	checkNoOrphanedHeadings(t, txt)
}

func TestPackTitleOnly(t *testing.T) {
	b := &storage.Briefing{Meeting: storage.Meeting{ID: "m-1", Title: "Consultations on fisheries"}}
	path := writePackFile(t, b, PackOptions{HomeZone: london(t), PreparedOn: fixedClock, Marking: "OFFICIAL"})
	checkValid(t, path)
	txt := pdfText(t, path)
	assert.Equal(t, 1, checkPageNumbers(t, path, txt))
	for _, want := range []string{"Consultations on fisheries", "Not prepared", titlePurpose, titleSources, "Not yet set", "OFFICIAL"} {
		assert.Contains(t, txt, want)
	}
	assert.NotContains(t, txt, "Contents")
}

func TestPackSameBytesTwice(t *testing.T) {
	opt := PackOptions{HomeZone: london(t), PreparedOn: fixedClock}
	var a, b bytes.Buffer
	require.NoError(t, WritePack(&a, fixtureBriefing(), opt))
	require.NoError(t, WritePack(&b, fixtureBriefing(), opt))
	assert.True(t, bytes.Equal(a.Bytes(), b.Bytes()), "two packs of the same briefing differ")
	assert.Contains(t, a.String(), "/CreationDate (D:20160621093000)")
}

func TestPackBig(t *testing.T) {
	if testing.Short() {
		t.Skip("long pack")
	}
	path := draftPack(t, bigBriefing())
	checkValid(t, path)
	txt := pdfText(t, path)
	pages := checkPageNumbers(t, path, txt)
	assert.Greater(t, pages, 40)
	assert.Contains(t, txt, "Event 67 in the history")
	assert.Contains(t, txt, "Statement 400:")
	checkNoOrphanedHeadings(t, txt)
}

// checkNoOrphanedHeadings: no page ends with a heading, the content it introduces overleaf.
func checkNoOrphanedHeadings(t *testing.T, txt string) {
	t.Helper()
	headings := map[string]bool{}
	for _, h := range []string{titlePurpose, titleLines, titleQuestions, titleParticipants, titleDisputes, titleHistory, titleStatements, titleSources,
		"Objectives", "Background", "Outcome", "Next steps", "Posts held", "Biography", "Stance and interests", "Relationships",
		"Statements, newest first", "Names by party", "Key facts", "Positions", "Timeline", "Earlier meetings",
		"Later and planned meetings", "Status changes",
		titleTheirSide, titlePress, titleScenario, titleSince, titleOpen, titleRecord, titleCommitments, titleAnnex,
		"Points to make", "If pressed", "Lines to avoid", "Proactive: what we say", "Reactive: only if asked", "Press access",
		"Timed agenda", "Choreography", "Logistics", "Statements since the round", "Status changes on the track",
		"Changed positions", "New key facts", "New timeline entries", "Who joined and who left", "Posts taken up",
		"Last time we met", "Substance", "Atmospherics"} {
		headings[h] = true
	}
	for n, page := range strings.Split(txt, "\f") {
		var last string
		for _, l := range strings.Split(page, "\n") {
			l = strings.TrimSpace(l)
			if l == "" || strings.Contains(l, "Page ") || strings.Contains(l, "OFFICIAL-SENSITIVE") {
				continue
			}
			last = l
		}
		// Section headings carry their number: "4   Participants".
		if i := strings.IndexFunc(last, func(r rune) bool { return r < '0' || r > '9' }); i > 0 {
			last = strings.TrimSpace(last[i:])
		}
		assert.False(t, headings[last], "page %d ends with the heading %q", n+1, last)
	}
}

// portrait draws a stand-in photo: a head-and-shoulders silhouette on a soft gradient, with a
// transparent margin to exercise the flattening onto white.
func portrait(t *testing.T, w, h int) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.NRGBA{R: uint8(180 - 60*y/h), G: uint8(190 - 50*y/h), B: uint8(205 - 30*y/h), A: 255}
			dx, dy := float64(x-w/2)/float64(w), float64(y)/float64(h)
			if dx*dx/0.04+(dy-0.35)*(dy-0.35)/0.03 < 1 || (dy > 0.6 && dx*dx < 0.12*(dy-0.45)) {
				c = color.NRGBA{R: 60, G: 66, B: 80, A: 255}
			}
			if x < 4 || y < 4 {
				c.A = 0
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	return buf.Bytes()
}

func TestPackPhotos(t *testing.T) {
	b := fixtureBriefing()
	b.Participants[0].Actor.Photo = portrait(t, 900, 1200)
	b.Participants[1].Actor.Photo = []byte("not an image at all")
	path := draftPack(t, b)
	checkValid(t, path)
	list := tool(t, "pdfimages", "-list", path)
	lines := strings.Split(strings.TrimSpace(list), "\n")
	require.Len(t, lines, 3, "one image: the unreadable photo is left out\n%s", list)
	f := strings.Fields(lines[2])
	w, h := printPixels(900, 1200)
	assert.Equal(t, []string{strconv.Itoa(w), strconv.Itoa(h)}, f[3:5], "scaled down to %d dpi at the printed size", photoDPI)
	assert.Equal(t, []int{337, 449}, []int{w, h}, "28.5 × 38 mm at 300 dpi")
	assert.Contains(t, flatten(pdfText(t, path)), "Photo could not be read: it is not a PNG or JPEG image.",
		"the unreadable photo is said so")
}

// A long track: the pack lists the nearest rounds and counts the rest in a sentence each.
func TestPackSummarisesALongTrack(t *testing.T) {
	b := fixtureBriefing()
	day := func(y int) storage.FuzzyDate { return storage.OnDay(y, time.March, 1) }
	b.OlderTrackMeetings = []storage.MeetingSummary{
		{ID: "old-1", Title: "Summarised round A", Status: storage.StatusHeld, When: day(1996)},
		{ID: "old-2", Title: "Summarised round B", Status: storage.StatusCancelled, When: day(1997)},
		{ID: "old-3", Title: "Summarised round C", Status: storage.StatusHeld, When: day(1998)},
	}
	b.LaterTrackMeetings = []storage.MeetingSummary{{ID: "late-1", Title: "Summarised round D", Status: storage.StatusProposed, When: day(2030)}}
	b.OlderStatements = 712
	txt := pdfText(t, draftPack(t, b))
	flat := flatten(txt)
	assert.Contains(t, flat, "Earlier in the track: 3 meetings, 1 Mar 1996 to 1 Mar 1998 (2 held, 1 cancelled).")
	assert.Contains(t, flat, "Later in the track: 1 meeting, 1 Mar 2030 (1 proposed).")
	assert.NotContains(t, flat, "Summarised round", "a summarised meeting is not listed")
	assert.Contains(t, flat, "712 older statements on the meeting and its disputes are in Parley, not in this pack.")
}

// A status change is dated when it happened, when the user said, not when it was typed in.
func TestPackDatesAStatusChangeWhenItHappened(t *testing.T) {
	b := fixtureBriefing()
	for i := range b.TrackMeetings {
		for j := range b.TrackMeetings[i].StatusHistory {
			c := &b.TrackMeetings[i].StatusHistory[j]
			if c.To == storage.StatusPostponed {
				c.Recorded = time.Date(2016, 6, 20, 0, 0, 0, 0, time.UTC) // typed in years later
				c.Happened = storage.PartialDate{Year: 2014, Month: 3, Day: 18}
			}
		}
	}
	all := flatText(t, draftPack(t, b))
	assert.Contains(t, all, "Date Meeting Change Reason")
	assert.Contains(t, all, "18 Mar 2014 Putin's official visit to Japan From tentative to postponed", "dated when it happened")
	assert.NotContains(t, all, "20 Jun 2016 Putin's official visit to Japan From tentative to postponed")
}

// A change dated only when it was typed in keeps its place before the later changes of its
// meeting that carry the day they happened: the sample's visit was planned, then postponed.
func TestPackKeepsAMeetingsChangesInOrder(t *testing.T) {
	all := flatText(t, draftPack(t, sampleBriefing(t, sample.TokyoRoundID)))
	// The history's table (since the last round shows the latest change too).
	at := strings.LastIndex(all, "Status changes Date Meeting Change Reason")
	require.GreaterOrEqual(t, at, 0, all)
	all = all[at:]
	planned := strings.Index(all, "Recorded as tentative")
	postponed := strings.Index(all, "From tentative to postponed")
	again := strings.Index(all, "From postponed to tentative")
	require.True(t, planned >= 0 && postponed >= 0 && again >= 0, all)
	assert.Less(t, planned, postponed)
	assert.Less(t, postponed, again)
}

// An approximate date keeps its "c." in the pack's long dates as everywhere else.
func TestLongDateApproximate(t *testing.T) {
	for _, tc := range []struct{ typed, want string }{
		{"c. 2016", "c. 2016"}, {"about June 2016", "c. June 2016"}, {"June 2016", "June 2016"},
	} {
		f, err := storage.ParseFuzzyDate(tc.typed)
		require.NoError(t, err)
		assert.Equal(t, tc.want, longDate(f), tc.typed)
	}
}

// sampleBriefing loads the sample dossier into a fresh database and gathers the briefing of
// one of its meetings.
func sampleBriefing(t *testing.T, meetingID string) *storage.Briefing {
	t.Helper()
	ctx := context.Background()
	b, err := sampletest.Store(t).Briefing(ctx, meetingID)
	require.NoError(t, err)
	return b
}

// The acceptance test of the briefing pack: the sample's Tokyo round, checked by its text.
func TestPackSampleTokyoRound(t *testing.T) {
	b := sampleBriefing(t, sample.TokyoRoundID)
	path := draftPack(t, b)
	checkValid(t, path)
	txt := pdfText(t, path)
	pages := checkPageNumbers(t, path, txt)
	assert.Greater(t, pages, 4)
	for _, want := range []string{
		// Every section heading, in a pack where the sample fills them all.
		"Contents", titlePurpose, titleLines, titleQuestions, titleParticipants, titleDisputes,
		titleHistory, titleStatements, titleSources,
		// The negotiation's sections: the sample fills them too.
		titleTheirSide, "If pressed", titlePress, titleScenario, titleSince, titleOpen, titleAnnex,
		// Names in Latin, Cyrillic and Japanese.
		"Chikahito Harada", "Igor Morgulov", "Моргулов", "原田親仁", "北方領土", "Южные Курилы",
		// The cover.
		sample.Marking, "Round 2, after Moscow, October 2015", "Wednesday 22 June 2016", "Europe/London",
		// The history of the track shows the 2014 visit postponed, and the new date.
		"Crimea", "date then: 2014", "by end of 2016",
		// Kishida's hopes for the talks, among the recent statements.
		"forward-looking",
		// The fact sheet lists the other meetings on the dispute.
		titleDisputeMeetings,
	} {
		assert.Contains(t, txt, want)
	}
	assert.NotContains(t, txt, "Not prepared")
	assert.NotContains(t, txt, "not shown", "the sample has no script the pack cannot print")
	checkNoOrphanedHeadings(t, txt)
}

// Every meeting of the sample exports a valid pack.
func TestPackSampleEveryMeeting(t *testing.T) {
	for _, id := range []string{sample.MoscowRoundID, sample.MayAgreementID, sample.NaryshkinAbeID, sample.VladivostokID, sample.PutinVisitID} {
		t.Run(id, func(t *testing.T) {
			path := draftPack(t, sampleBriefing(t, id))
			checkValid(t, path)
			checkPageNumbers(t, path, pdfText(t, path))
		})
	}
}

//go:build sqlite_fts5

package export

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/handling"
	"github.com/parley-app/parley/storage"
)

// pagesText is the text of every page, its whitespace made single spaces.
func pagesText(t *testing.T, path string) []string {
	t.Helper()
	var out []string
	for _, p := range strings.Split(tool(t, "pdftotext", "-enc", "UTF-8", path, "-"), "\f") {
		if s := flatten(p); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func TestPackLongMarkingIsPrintedWholeOnEveryPage(t *testing.T) {
	marking := "OFFICIAL-SENSITIVE — PERSONAL FOR THE FOREIGN SECRETARY AND PRIVATE SECRETARY ONLY — " +
		"NOT FOR USE WITH THE OTHER SIDE — UK EYES ONLY — NOT TO BE COPIED OR FORWARDED WITHOUT THE AUTHORITY " +
		"OF THE HEAD OF EAST ASIA DEPARTMENT — DESTROY AFTER THE MEETING — HANDLE ONLY ON ACCREDITED SYSTEMS IN THE EMBASSY"
	require.GreaterOrEqual(t, len([]rune(marking)), 300)
	path := writePackFile(t, fixtureBriefing(), PackOptions{Marking: marking, HomeZone: london(t), PreparedOn: fixedClock})
	pages := pagesText(t, path)
	require.Equal(t, pdfPages(t, path), len(pages))
	for i, p := range pages {
		assert.Equal(t, 2, strings.Count(p, marking), "page %d carries the whole marking at its top and bottom", i+1)
	}
	checkValid(t, path)
}

func TestPackRefusesAMarkingNoPageCanHold(t *testing.T) {
	err := WritePack(&bytes.Buffer{}, fixtureBriefing(), PackOptions{Marking: strings.Repeat("NOT FOR USE WITH THE OTHER SIDE ", 30), PreparedOn: fixedClock})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "the handling marking is too long to print")
}

func TestPackPortionMarksRaiseTheirPagesBanner(t *testing.T) {
	b := fixtureBriefing()
	b.Marking = "OFFICIAL — UK EYES ONLY"
	b.Meeting.LinesToTake = append(b.Meeting.LinesToTake, storage.Line{Text: "(S) Our reservation point is the two smaller islands."})
	path := draftPack(t, b)
	secret := 0
	for i, p := range pagesText(t, path) {
		switch {
		case strings.Contains(p, "(S) Our reservation point"):
			secret++
			assert.Equal(t, 2, strings.Count(p, "SECRET — UK EYES ONLY"), "page %d shows a SECRET item", i+1)
		default:
			assert.NotContains(t, p, "SECRET", "page %d", i+1)
			assert.Equal(t, 2, strings.Count(p, "OFFICIAL — UK EYES ONLY"), "page %d", i+1)
		}
	}
	assert.Equal(t, 1, secret)
	info := tool(t, "pdfinfo", path)
	assert.Contains(t, info, "Briefing pack — SECRET — UK EYES ONLY", "the metadata carries the highest banner")
}

func TestPackNumberedCopies(t *testing.T) {
	is := &storage.PackIssue{Version: 2, Issued: time.Date(2016, 6, 20, 13, 5, 0, 0, time.UTC), Copies: 5}
	b := fixtureBriefing()
	b.Meeting.Brief = storage.BriefControl{Reference: "EAD/JPN/2016/014", Drafter: "J. Smith", Drafted: storage.PartialDate{Year: 2016, Month: 6, Day: 17},
		ClearedBy: "Head of East Asia Department", Distribution: []string{"Private Office", "Embassy Tokyo"}}
	path := writePackFile(t, b, PackOptions{HomeZone: london(t), PreparedOn: fixedClock, Issue: is, Copy: 3, Copies: 5})
	pages := pagesText(t, path)
	for i, p := range pages {
		assert.Equal(t, 1, strings.Count(p, "Copy 3 of 5"), "page %d", i+1)
	}
	cover := pages[0]
	for _, want := range []string{"Reference EAD/JPN/2016/014", "Issue Version 2, issued 20 June 2016 at 14:05 (Europe/London)",
		"Drafted by J. Smith, 17 Jun 2016", "Cleared by Head of East Asia Department", "Distribution Private Office Embassy Tokyo"} {
		assert.Contains(t, cover, want)
	}
	info := tool(t, "pdfinfo", path)
	assert.Regexp(t, regexp.MustCompile(`(?m)^Keywords:.*Reference EAD/JPN/2016/014; Version 2; Copy 3 of 5`), info)
}

func TestPackDraftSaysWhatWasIssued(t *testing.T) {
	b := fixtureBriefing()
	b.Issues = []storage.PackIssue{{Version: 1, Issued: time.Date(2016, 6, 18, 9, 0, 0, 0, time.UTC)}}
	path := draftPack(t, b)
	assert.Contains(t, pagesText(t, path)[0], "Issue Draft, not issued (version 1 was issued on 18 June 2016)")
}

// TestPackAudienceLeaksNothing: a pack for an OFFICIAL audience holds no item above OFFICIAL
// in its text, its bookmarks or its metadata, and says on its cover how many it left out.
func TestPackAudienceLeaksNothing(t *testing.T) {
	b := fixtureBriefing()
	b.Marking = "OFFICIAL"
	secrets := []string{"reservation point", "garrison strength", "private doubts", "fallback position", "two smaller islands first"}
	b.Meeting.Objectives = append(b.Meeting.Objectives, "(OS) Test their private doubts about the 1956 text.")
	b.Meeting.LinesToTake = append(b.Meeting.LinesToTake, storage.Line{Text: "(S) Our reservation point is the two smaller islands."})
	b.Meeting.Questions = append(b.Meeting.Questions, storage.QA{Question: "What if they offer two?", Answer: "(OS) Our fallback position is to accept talks on two smaller islands first."})
	b.Meeting.Background += "\n(SECRET) The garrison strength on Iturup has doubled."
	cut := handling.Default.Audience(b, handling.Default.ParseMarking(b.Marking), 0)
	require.Equal(t, 4, cut.LeftOut)
	path := writePackFile(t, cut.Briefing, PackOptions{HomeZone: london(t), PreparedOn: fixedClock, UpTo: "OFFICIAL", LeftOut: cut.LeftOut})
	raw := tool(t, "pdftotext", "-enc", "UTF-8", path, "-")
	all := flatten(raw)
	assert.Contains(t, all, "Audience Up to OFFICIAL: 4 items above OFFICIAL left out")
	for _, where := range []string{all, tool(t, "pdfinfo", path), tool(t, "qpdf", "--show-npages", path), bookmarks(t, path)} {
		for _, s := range secrets {
			assert.NotContains(t, strings.ToLower(where), s)
		}
		for _, s := range []string{"SECRET", "OFFICIAL-SENSITIVE", "(OS)", "(S)"} {
			assert.NotContains(t, where, s)
		}
	}
	// The whole pack, by contrast, carries them all.
	whole := handling.Default.Audience(b, handling.Default.ParseMarking(b.Marking), handling.None)
	wpath := draftPack(t, whole.Briefing)
	wall := strings.ToLower(flatText(t, wpath))
	for _, s := range secrets {
		assert.Contains(t, wall, s)
	}
}

// bookmarks is the PDF's outline as qpdf's JSON gives it.
func bookmarks(t *testing.T, path string) string {
	t.Helper()
	return tool(t, "qpdf", "--json", "--json-key=outlines", path)
}

func TestPackAddendumListsWhatChanged(t *testing.T) {
	b := fixtureBriefing()
	is := &storage.PackIssue{Version: 2, Addendum: 1, Issued: time.Date(2016, 6, 21, 8, 0, 0, 0, time.UTC)}
	changes := []storage.PartChanges{{Part: "Lines to take", Added: []string{"We welcome the joint economic activities."}, Removed: []string{"We await your proposal."}}}
	path := writePackFile(t, b, PackOptions{HomeZone: london(t), PreparedOn: fixedClock, Issue: is, Changes: changes})
	all := strings.Join(pagesText(t, path), " ")
	for _, want := range []string{"BRIEFING PACK — ADDENDUM 1 TO VERSION 2", "Addendum 1 to version 2, issued 21 June 2016",
		"New: We welcome the joint economic activities.", "No longer: We await your proposal."} {
		assert.Contains(t, all, want)
	}
	assert.NotContains(t, all, "Anticipated questions", "an addendum carries the changes, not the whole brief again")
}

package sample_test

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
)

func TestDossierValidatesAndLoads(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Store(t)

	d := sample.Dossier()
	got, err := s.Dossier(ctx)
	require.NoError(t, err)
	assert.Len(t, got.Tracks, len(d.Tracks))
	assert.Len(t, got.Sources, len(d.Sources))
	assert.Len(t, got.Actors, len(d.Actors))
	assert.Len(t, got.Disputes, len(d.Disputes))
	assert.Len(t, got.Meetings, len(d.Meetings))
	assert.Len(t, got.Statements, len(d.Statements))

	marking, err := s.Setting(ctx, "marking")
	require.NoError(t, err)
	assert.Equal(t, sample.Marking, marking)

	// Loading again finds every record already there and not newer: nothing changes.
	require.NoError(t, sample.Load(ctx, s))
	again, err := s.Dossier(ctx)
	require.NoError(t, err)
	assert.Equal(t, got, again)
}

func TestKeyRecords(t *testing.T) {
	ctx := context.Background()
	s := sampletest.Store(t)

	tokyo, err := s.Meeting(ctx, sample.TokyoRoundID)
	require.NoError(t, err)
	day, ok := tokyo.When.Day()
	require.True(t, ok, "the Tokyo round has a day")
	assert.Equal(t, storage.PartialDate{Year: 2016, Month: time.June, Day: 22}, day)
	assert.True(t, strings.HasPrefix(tokyo.When.String(), "Wed 22 Jun 2016"), tokyo.When.String())
	assert.Equal(t, "Asia/Tokyo", tokyo.When.Zone)
	assert.Equal(t, storage.StatusScheduled, tokyo.Status)
	assert.Equal(t, 2, tokyo.Round)
	assert.Equal(t, sample.MoscowRoundID, tokyo.PreviousRoundID)
	assert.Contains(t, tokyo.DisputeIDs, sample.DisputeID)

	cases := []struct {
		name   string
		id     string
		when   string
		status storage.Status
	}{
		{"Moscow round", sample.MoscowRoundID, "Oct 2015", storage.StatusHeld},
		{"Sochi agreement", sample.MayAgreementID, "May 2016", storage.StatusHeld},
		{"Naryshkin meets Abe", sample.NaryshkinAbeID, "Thu 16 Jun 2016", storage.StatusHeld},
		{"Vladivostok", sample.VladivostokID, "Sep 2016", storage.StatusProposed},
		{"Putin's visit", sample.PutinVisitID, "by end of 2016", storage.StatusTentative},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			m, err := s.Meeting(ctx, c.id)
			require.NoError(t, err)
			assert.Equal(t, c.when, m.When.String())
			assert.Equal(t, c.status, m.Status)
		})
	}

	visit, err := s.Meeting(ctx, sample.PutinVisitID)
	require.NoError(t, err)
	require.Len(t, visit.StatusHistory, 3)
	postponed := visit.StatusHistory[1]
	assert.Equal(t, storage.StatusPostponed, postponed.To)
	assert.Equal(t, "2014", postponed.When.String())
	assert.Contains(t, postponed.Reason, "Crimea")
	assert.Equal(t, sample.ArticleSourceID, postponed.SourceID)

	rels, err := s.RelationsOf(ctx, sample.NaryshkinID)
	require.NoError(t, err)
	require.Len(t, rels, 1)
	assert.Equal(t, "close aide of", rels[0].Kind)
	assert.Equal(t, sample.PutinID, rels[0].OtherID)
}

func TestNativeNames(t *testing.T) {
	want := map[string]string{
		sample.KishidaID:   "岸田文雄",
		sample.HaradaID:    "原田親仁",
		sample.MorgulovID:  "Игорь Моргулов",
		sample.AbeID:       "安倍晋三",
		sample.PutinID:     "Владимир Путин",
		sample.NaryshkinID: "Сергей Нарышкин",
	}
	got := map[string]string{}
	for _, a := range sample.Dossier().Actors {
		got[a.ID] = a.NativeName
	}
	assert.Equal(t, want, got)

	d := sample.Dossier().Disputes[0]
	natives := map[string]string{}
	for _, n := range d.Names {
		natives[n.Party] = n.Native
	}
	assert.Equal(t, map[string]string{"Japan": "北方領土", "Russia": "Южные Курилы"}, natives)
}

// Every fact, quote and timeline entry says where it comes from, and every reference inside the
// dossier points at a record of the dossier.
func TestProvenanceAndReferences(t *testing.T) {
	d := sample.Dossier()
	ids := map[string]bool{}
	records := 0
	for _, list := range []any{d.Tracks, d.Sources, d.Actors, d.Disputes, d.Meetings, d.Statements} {
		v := reflect.ValueOf(list)
		for i := range v.Len() {
			ids[v.Index(i).FieldByName("ID").String()] = true
			records++
		}
	}
	assert.Len(t, ids, records, "IDs are unique")

	for _, f := range d.Disputes[0].Facts {
		assert.True(t, ids[f.SourceID], "fact %q cites a source of the dossier", f.Label)
	}
	for _, e := range d.Disputes[0].Timeline {
		assert.True(t, ids[e.SourceID], "timeline entry %q cites a source of the dossier", e.Text)
	}
	for _, st := range d.Statements {
		assert.True(t, ids[st.SourceID], "statement %s cites a source", st.ID)
		assert.True(t, ids[st.ActorID], "statement %s names an actor", st.ID)
		if st.MeetingID != "" {
			assert.True(t, ids[st.MeetingID], "statement %s links a meeting of the dossier", st.ID)
		}
	}
	for _, m := range d.Meetings {
		assert.Equal(t, sample.TrackID, m.TrackID, m.Title)
		for _, p := range m.Participants {
			assert.True(t, ids[p.ActorID], "participant of %q is an actor of the dossier", m.Title)
		}
		require.NotEmpty(t, m.StatusHistory, m.Title)
		assert.Equal(t, m.Status, m.StatusHistory[len(m.StatusHistory)-1].To, "history of %q ends at its status", m.Title)
	}
}

// The Tokyo round's briefing texts are invented; each says so.
func TestIllustrativeTextIsMarked(t *testing.T) {
	var tokyo storage.Meeting
	for _, m := range sample.Dossier().Meetings {
		if m.ID == sample.TokyoRoundID {
			tokyo = m
		}
	}
	texts := []string{tokyo.Purpose, tokyo.Background, tokyo.Interpreters, tokyo.Press, tokyo.Logistics}
	texts = append(texts, tokyo.Objectives...)
	texts = append(texts, storage.LineTexts(tokyo.LinesToTake)...)
	for _, qa := range tokyo.Questions {
		texts = append(texts, qa.Question)
	}
	for _, a := range tokyo.TheirSide {
		texts = append(texts, a.Text, a.Response)
	}
	texts = append(texts, tokyo.IfPressed...)
	texts = append(texts, tokyo.LinesToAvoid...)
	texts = append(texts, tokyo.PressLine.Proactive, tokyo.PressLine.Reactive, tokyo.RecordTaker)
	for _, a := range tokyo.Agenda {
		texts = append(texts, a.Item)
	}
	for _, n := range tokyo.Choreography {
		texts = append(texts, n.Text)
	}
	for i := range tokyo.Parameters {
		texts = append(texts, tokyo.Parameters[i].Issue)
		for _, f := range tokyo.Parameters[i].Texts() {
			texts = append(texts, *f.Text)
		}
	}
	// Round 1's record and commitments are invented too.
	for _, m := range sample.Dossier().Meetings {
		if m.ID == sample.MoscowRoundID {
			texts = append(texts, m.Record.Subject, m.Record.AtmosphereWhy)
			texts = append(texts, strings.Split(m.Record.Substance, "\n")...)
			for _, k := range m.Commitments {
				texts = append(texts, k.What)
			}
		}
	}
	require.NotEmpty(t, tokyo.Parameters)
	require.NotEmpty(t, tokyo.Objectives)
	require.NotEmpty(t, tokyo.LinesToTake)
	require.NotEmpty(t, tokyo.Questions)
	marked := 0
	for _, s := range texts {
		// A handling mark comes first, as drafters write it: "(OS) [Illustrative] …".
		if rest, ok := strings.CutPrefix(s, "(OS) "); ok {
			marked++
			s = rest
		}
		assert.True(t, strings.HasPrefix(s, sample.Illustrative), "not marked illustrative: %q", s)
	}
	assert.Equal(t, 3, marked, "an objective, an if-pressed line and a paragraph of round 1's record show portion marks")
	for _, qa := range tokyo.Questions {
		assert.NotEmpty(t, qa.Answer, qa.Question)
	}
}

// shingle is how many consecutive words of the article may not reappear in the sample: any
// sentence of the article longer than that would be caught, and so would a long clause lifted
// out of one.
const shingle = 8

// maxQuote is the longest quote the sample takes over, in words: Naryshkin's remark on trust
// and regional security.
const maxQuote = 16

// TestWrittenInOwnWords checks that the sample paraphrases the seed article: apart from short
// quotes, which must be the article's own words and are attributed in the text around them, no
// run of eight words of the article appears in any text of the dossier. Titles are exempt: the
// article's headline is cited as the source's title, and an official's title is a name.
func TestWrittenInOwnWords(t *testing.T) {
	path := filepath.Join("..", "..", "shared", "seed", "japan-russia-talks.txt")
	raw, err := os.ReadFile(path)
	if os.IsNotExist(err) && os.Getenv("CI") == "" {
		t.Skipf("seed article %s is not beside this checkout", path)
	}
	require.NoError(t, err, "the seed article is beside the repository in CI")
	_, body, _ := strings.Cut(strings.TrimSpace(string(raw)), "\n")
	article := words(body)
	require.Greater(t, len(article), 100, "read the article body")
	joined := " " + strings.Join(article, " ") + " "

	d := sample.Dossier()
	titles := map[string]bool{}
	for _, src := range d.Sources {
		titles[src.Title] = true
	}
	for _, a := range d.Actors {
		titles[a.Title] = true
		for _, p := range a.Posts {
			titles[p.Title] = true
		}
	}
	var texts []string
	collect(reflect.ValueOf(d), &texts)
	require.Greater(t, len(texts), 100)

	quoted := regexp.MustCompile(`\x{201C}([^\x{201D}]*)\x{201D}`)
	quotes := 0
	for _, s := range texts {
		if titles[s] {
			continue
		}
		for _, q := range quoted.FindAllStringSubmatch(s, -1) {
			quotes++
			qw := words(q[1])
			assert.LessOrEqual(t, len(qw), maxQuote, "quote too long to count as a short quote: %q", q[1])
			assert.Contains(t, joined, " "+strings.Join(qw, " ")+" ", "quote is not the article's words: %q", q[1])
		}
		// Text on either side of a quote is checked apart, so a quote never joins them.
		for _, part := range quoted.Split(s, -1) {
			text := " " + strings.Join(words(part), " ") + " "
			for i := 0; i+shingle <= len(article); i++ {
				run := " " + strings.Join(article[i:i+shingle], " ") + " "
				if strings.Contains(text, run) {
					t.Errorf("copied from the article: %q in %q", strings.TrimSpace(run), s)
				}
			}
		}
	}
	assert.GreaterOrEqual(t, quotes, 4, "the sample keeps the report's short quotes")
}

// words lowercases s and splits it into words of letters and digits, with curly apostrophes
// folded into straight ones so "Russia’s" and "Russia's" match.
func words(s string) []string {
	s = strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))
	return strings.FieldsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// collect appends every string reachable from v.
func collect(v reflect.Value, out *[]string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collect(v.Elem(), out)
		}
	case reflect.String:
		*out = append(*out, v.String())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				collect(v.Field(i), out)
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return
		}
		for i := range v.Len() {
			collect(v.Index(i), out)
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			collect(iter.Key(), out)
			collect(iter.Value(), out)
		}
	}
}

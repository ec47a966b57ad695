package ingest

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

// want is the extraction a reader expects from one test article (testdata/NAME.want.json).
type want struct {
	Published string        `json:"published"`
	Actors    []wantActor   `json:"actors"`
	Events    []wantEvent   `json:"events"`
	Quotes    []wantQuote   `json:"quotes"`
	Disputes  []wantDispute `json:"disputes"`
}

type wantActor struct {
	Name    string `json:"name"`
	Title   string `json:"title"`
	Country string `json:"country"`
}

type wantEvent struct {
	Date      string `json:"date"`
	Precision string `json:"precision"`
	Status    string `json:"status"`
	// Participants are the people the text puts at the event, by name.
	Participants []string `json:"participants"`
}

type wantQuote struct {
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
}

type wantDispute struct {
	Names []struct {
		Party string `json:"party"`
		Name  string `json:"name"`
	} `json:"names"`
}

// score counts, for one kind of proposal, what matched the expectation.
type score struct{ tp, fp, fn int }

func (s score) precision() float64 { return ratio(s.tp, s.tp+s.fp) }
func (s score) recall() float64    { return ratio(s.tp, s.tp+s.fn) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

var kinds = []string{"actors", "events", "participants", "quotes", "disputed names"}

// DateText is a date as the command line's JSON gives it, with its precision.
func dateKey(f storage.FuzzyDate) string {
	switch f.Kind {
	case storage.DateBy:
		return DeadlineDay(f) + " by"
	case storage.DateDay, storage.DateExact:
		d, _ := f.Day()
		return d.ISO() + " day"
	case storage.DateRange:
		return f.From.ISO() + "/" + f.To.ISO() + " range"
	}
	return f.From.ISO() + " " + string(f.Kind)
}

// compare matches a result against its expectation: a person by name (and title, when one is
// expected), an event by date, precision and status, a quote by speaker and opening words, a
// disputed name by party and name. It returns the scores and the misses, for the log.
func compare(r Result, w want) (map[string]score, []string) {
	sc := map[string]score{}
	var misses []string
	match := func(kind string, got, exp []string, eq func(g, e string) bool) {
		used := make([]bool, len(got))
		s := sc[kind]
		for _, e := range exp {
			found := false
			for i, g := range got {
				if !used[i] && eq(g, e) {
					used[i], found = true, true
					break
				}
			}
			if found {
				s.tp++
			} else {
				s.fn++
				misses = append(misses, fmt.Sprintf("missed %s: %s", kind, e))
			}
		}
		for i, g := range got {
			if !used[i] {
				s.fp++
				misses = append(misses, fmt.Sprintf("extra %s: %s", kind, g))
			}
		}
		sc[kind] = s
	}
	var got, exp []string
	for _, a := range r.Actors {
		got = append(got, a.Name+" | "+a.Title)
	}
	for _, a := range w.Actors {
		exp = append(exp, a.Name+" | "+a.Title)
	}
	match("actors", got, exp, func(g, e string) bool {
		gn, gt, _ := strings.Cut(g, " | ")
		en, et, _ := strings.Cut(e, " | ")
		if fold(gn) != fold(en) {
			return false
		}
		if et == "" {
			return true
		}
		a, b := canonicalTitle(gt), canonicalTitle(et)
		return len(a) > 0 && subset(a, b) && subset(b, a)
	})
	got, exp = nil, nil
	for _, e := range r.Events {
		got = append(got, dateKey(e.When)+" "+string(e.Status))
	}
	for _, e := range w.Events {
		exp = append(exp, e.Date+" "+e.Precision+" "+e.Status)
	}
	match("events", got, exp, func(g, e string) bool { return g == e })
	// A participant counts with the date of its event (at its precision, whatever the status).
	got, exp = nil, nil
	for _, e := range r.Events {
		for _, a := range e.Participants {
			got = append(got, dateKey(e.When)+" | "+r.Actors[a].Name)
		}
	}
	for _, e := range w.Events {
		for _, n := range e.Participants {
			exp = append(exp, e.Date+" "+e.Precision+" | "+n)
		}
	}
	match("participants", got, exp, func(g, e string) bool { return fold(g) == fold(e) })
	got, exp = nil, nil
	for _, q := range r.Quotes {
		got = append(got, r.Actors[q.Speaker].Name+" | "+q.Text)
	}
	for _, q := range w.Quotes {
		exp = append(exp, q.Speaker+" | "+q.Text)
	}
	match("quotes", got, exp, func(g, e string) bool {
		gs, gt, _ := strings.Cut(g, " | ")
		es, et, _ := strings.Cut(e, " | ")
		return fold(gs) == fold(es) && strings.HasPrefix(fold(gt), fold(et))
	})
	got, exp = nil, nil
	for _, d := range r.Disputes {
		for _, n := range d.Names {
			got = append(got, n.Party+": "+n.Name)
		}
	}
	for _, d := range w.Disputes {
		for _, n := range d.Names {
			exp = append(exp, n.Party+": "+n.Name)
		}
	}
	match("disputed names", got, exp, func(g, e string) bool { return fold(g) == fold(e) })
	return sc, misses
}

func extractFile(t testing.TB, path string, published string, known *storage.Dossier) Result {
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	a, err := Read(data, path)
	require.NoError(t, err)
	pub, err := storage.ParsePartialDate(published)
	require.NoError(t, err)
	r, err := Extract(context.Background(), a, Options{Published: pub, Known: known})
	require.NoError(t, err)
	return r
}

// TestQuality reads every test article, compares what it proposes with the expectation
// beside it and prints precision and recall per kind over all of them:
//
//	go test -tags sqlite_fts5 -run TestQuality -v ./ingest/
func TestQuality(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 8)
	sort.Strings(files)
	total := map[string]score{}
	for _, f := range files {
		raw, err := os.ReadFile(strings.TrimSuffix(f, ".txt") + ".want.json")
		require.NoError(t, err, "each test article has its expectation beside it")
		var w want
		require.NoError(t, json.Unmarshal(raw, &w), f)
		r := extractFile(t, f, w.Published, nil)
		sc, misses := compare(r, w)
		for _, k := range kinds {
			s := total[k]
			s.tp, s.fp, s.fn = s.tp+sc[k].tp, s.fp+sc[k].fp, s.fn+sc[k].fn
			total[k] = s
		}
		for _, m := range misses {
			t.Logf("%s: %s", filepath.Base(f), m)
		}
	}
	t.Logf("%-15s %9s %7s %4s %4s %4s", "kind", "precision", "recall", "tp", "fp", "fn")
	for _, k := range kinds {
		s := total[k]
		t.Logf("%-15s %9.2f %7.2f %4d %4d %4d", k, s.precision(), s.recall(), s.tp, s.fp, s.fn)
	}
	// A floor, so that a change that makes the finders worse fails here.
	for _, k := range kinds {
		assert.GreaterOrEqual(t, total[k].precision(), 0.75, "precision of %s", k)
		assert.GreaterOrEqual(t, total[k].recall(), 0.6, "recall of %s", k)
	}
}

// longArticle strings the test articles together until the text has n words.
func longArticle(t testing.TB, n int) string {
	files, err := filepath.Glob("testdata/*.txt")
	require.NoError(t, err)
	var b strings.Builder
	words := 0
	for words < n {
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			b.Write(data)
			b.WriteString("\n")
			words += len(strings.Fields(string(data)))
		}
	}
	return b.String()
}

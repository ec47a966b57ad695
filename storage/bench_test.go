//go:build sqlite_fts5

package storage

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// benchMeetings is the size of the large dossier the benchmarks run against.
const benchMeetings = 100_000

var (
	benchOnce sync.Once
	benchPath string
	benchErr  error
)

// largeDossier builds, once per test binary, a database of 100,000 meetings spread over
// 1990–2039 with every kind of date, 500 actors and a statement for every tenth meeting. Its
// text is drawn from 4,000 made-up words, with the dossier's real terms sprinkled in at a few
// per cent, so that a search finds what a real one would: a few thousand records for a
// subject, all of them for a word every title holds.
func largeDossier(b *testing.B) string {
	b.Helper()
	benchOnce.Do(func() {
		benchDir, benchErr = os.MkdirTemp("", "parley-bench-")
		if benchErr != nil {
			return
		}
		benchPath = filepath.Join(benchDir, "large.db")
		benchErr = buildLarge(benchPath, benchMeetings)
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return benchPath
}

func buildLarge(path string, meetings int) error {
	ctx := context.Background()
	s, err := Open(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()

	r := rand.New(rand.NewPCG(1, 2))
	syllables := []string{"ka", "to", "ri", "na", "mo", "su", "le", "vi", "dan", "por", "est", "gu", "shi", "ra", "en", "ol"}
	vocabulary := make([]string, 4000)
	for i := range vocabulary {
		w := ""
		for range 2 + r.IntN(3) {
			w += syllables[r.IntN(len(syllables))]
		}
		vocabulary[i] = w
	}
	terms := []string{"peace treaty", "fisheries", "Sakhalin", "Vladivostok", "Южные Курилы", "переговоры",
		"北方領土", "平和条約", "joint economic activity", "visa-free exchanges"}
	text := func(n int) string {
		words := make([]string, n)
		for i := range words {
			if r.IntN(100) == 0 {
				words[i] = terms[r.IntN(len(terms))]
			} else {
				words[i] = vocabulary[r.IntN(len(vocabulary))]
			}
		}
		return strings.Join(words, " ")
	}
	cities := []string{"Tokyo", "Moscow", "Vladivostok", "Sochi", "Yuzhno-Sakhalinsk", "New York", "Geneva", "Beijing"}
	zones := []string{"Asia/Tokyo", "Europe/Moscow", "Asia/Vladivostok", "Europe/Moscow", "Asia/Sakhalin", "America/New_York", "Europe/Zurich", "Asia/Shanghai"}
	stamp := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	d := &Dossier{}
	for i := range 500 {
		d.Actors = append(d.Actors, Actor{ID: fmt.Sprintf("actor-%04d", i), Kind: ActorPerson,
			Name: fmt.Sprintf("Delegate %d", i), Biography: text(30), Created: stamp, Updated: stamp})
	}
	for i := range meetings {
		y, m, day := 1990+r.IntN(50), time.Month(1+r.IntN(12)), 1+r.IntN(28)
		c := r.IntN(len(cities))
		var when FuzzyDate
		switch k := r.IntN(100); {
		case k < 70:
			loc, err := location(zones[c])
			if err != nil {
				return err
			}
			when, _ = Exact(time.Date(y, m, day, 8+r.IntN(10), 0, 0, 0, loc), zones[c])
		case k < 85:
			when = OnDay(y, m, day)
		case k < 93:
			when = InMonth(y, m)
		case k < 96:
			when = InYear(y)
		case k < 98:
			when = By(PartialDate{Year: y, Month: m})
		default:
			when = Between(PartialDate{y, m, day}, PartialDate{y, m, 28})
		}
		mt := Meeting{ID: fmt.Sprintf("meeting-%06d", i), Title: "Consultations " + text(3),
			Status: Statuses[r.IntN(len(Statuses))], Format: Formats[r.IntN(len(Formats))], When: when,
			City: cities[c], Purpose: text(40), Objectives: []string{text(10), text(10)},
			Created: stamp, Updated: stamp,
			Participants: []Participant{{ActorID: fmt.Sprintf("actor-%04d", r.IntN(500)), Role: RoleHead}}}
		d.Meetings = append(d.Meetings, mt)
		if i%10 == 0 {
			d.Statements = append(d.Statements, Statement{ID: fmt.Sprintf("statement-%06d", i),
				ActorID: mt.Participants[0].ActorID, Text: text(25), When: when, MeetingID: mt.ID,
				Created: stamp, Updated: stamp})
		}
	}
	_, err = s.ImportDossier(ctx, d)
	return err
}

func BenchmarkOpen(b *testing.B) {
	ctx := context.Background()
	small := filepath.Join(b.TempDir(), "sample.db")
	s, err := Open(ctx, small)
	if err != nil {
		b.Fatal(err)
	}
	buildWorld(b, s)
	if err := s.Close(); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, path string }{
		{"sample", small},
		{"100k-meetings", largeDossier(b)},
	} {
		b.Run(c.name, func(b *testing.B) {
			info, err := os.Stat(c.path)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				s, err := Open(ctx, c.path)
				if err != nil {
					b.Fatal(err)
				}
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(info.Size())/(1<<20), "MB")
		})
	}
}

func BenchmarkMeetingsMonth(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, largeDossier(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	from := time.Date(2016, 9, 1, 0, 0, 0, 0, time.UTC)
	f := MeetingFilter{From: from, To: from.AddDate(0, 1, 0)}
	var n int
	for b.Loop() {
		list, err := s.Meetings(ctx, f)
		if err != nil {
			b.Fatal(err)
		}
		n = len(list)
	}
	b.ReportMetric(float64(n), "meetings/op")
}

func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, largeDossier(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{"北方領土", "курилы", "peace treaty", "Delegate 123", "領土", "consultations"} {
		b.Run(q, func(b *testing.B) {
			var n int
			for b.Loop() {
				hits, err := s.Search(ctx, q, 50)
				if err != nil {
					b.Fatal(err)
				}
				n = len(hits)
			}
			b.ReportMetric(float64(n), "hits/op")
		})
	}
}

// BenchmarkMeetingsAll lists every one of the 100,000 meetings, as the Talks screen does
// before it filters.
func BenchmarkMeetingsAll(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, largeDossier(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var n int
	for b.Loop() {
		list, err := s.Meetings(ctx, MeetingFilter{})
		if err != nil {
			b.Fatal(err)
		}
		n = len(list)
	}
	b.ReportMetric(float64(n), "meetings/op")
}

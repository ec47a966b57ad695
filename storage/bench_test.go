//go:build sqlite_fts5

package storage_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/synth"
)

// The benchmarks run against synthetic dossiers (synth.Generate) of the sizes
// PARLEY_BENCH_MEETINGS lists, 1,000 and 100,000 meetings unless it says otherwise
// ("1000,10000,100000"), each with a fifth as many actors and three statements a meeting. A
// dossier is built once and kept under $TMPDIR/parley-bench, named by its size, seed and
// synthVersion, so that later runs reuse it (100,000 meetings take two to three minutes to
// build); delete the folder to rebuild.
const synthVersion = 2

func benchSizes(b *testing.B) []int {
	spec := os.Getenv("PARLEY_BENCH_MEETINGS")
	if spec == "" {
		spec = "1000,100000"
	}
	var sizes []int
	for _, f := range strings.Split(spec, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 1 {
			b.Fatalf("PARLEY_BENCH_MEETINGS: %q is not a number of meetings", f)
		}
		sizes = append(sizes, n)
	}
	return sizes
}

var benchDossiers sync.Map // size → *benchDossier

type benchDossier struct {
	once sync.Once
	path string
	err  error
}

// dossierOf returns the path of the synthetic dossier of n meetings, building it if needed.
func dossierOf(b *testing.B, n int) string {
	b.Helper()
	v, _ := benchDossiers.LoadOrStore(n, &benchDossier{})
	d := v.(*benchDossier)
	d.once.Do(func() {
		dir := filepath.Join(os.TempDir(), "parley-bench")
		d.path = filepath.Join(dir, fmt.Sprintf("synth-v%d-%d.db", synthVersion, n))
		if _, err := os.Stat(d.path); err == nil {
			return
		}
		if d.err = os.MkdirAll(dir, 0o700); d.err != nil {
			return
		}
		tmp := d.path + ".building"
		for _, suffix := range []string{"", "-wal", "-shm", ".lock"} {
			os.Remove(tmp + suffix)
		}
		ctx := context.Background()
		s, err := storage.Open(ctx, tmp)
		if err != nil {
			d.err = err
			return
		}
		_, err = synth.Generate(ctx, s, synth.Config{Meetings: n, Actors: max(1, n/5), Quotes: 3 * n, Seed: 1}, nil)
		if cerr := s.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(tmp, d.path)
		}
		d.err = err
	})
	if d.err != nil {
		b.Fatal(d.err)
	}
	return d.path
}

// forEachSize runs fn as a sub-benchmark on the dossier of each size.
func forEachSize(b *testing.B, fn func(b *testing.B, s *storage.Store)) {
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("%dk-meetings", n/1000), func(b *testing.B) {
			s, err := storage.Open(context.Background(), dossierOf(b, n))
			if err != nil {
				b.Fatal(err)
			}
			defer s.Close()
			fn(b, s)
		})
	}
}

// loopCounting runs count in b.Loop and reports how many it found, in unit.
func loopCounting(b *testing.B, unit string, count func() (int, error)) {
	var n int
	for b.Loop() {
		got, err := count()
		if err != nil {
			b.Fatal(err)
		}
		n = got
	}
	b.ReportMetric(float64(n), unit)
}

func BenchmarkOpen(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("%dk-meetings", n/1000), func(b *testing.B) {
			path := dossierOf(b, n)
			info, err := os.Stat(path)
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				s, err := storage.Open(ctx, path)
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
	from := time.Date(2016, 9, 1, 0, 0, 0, 0, time.UTC)
	f := storage.MeetingFilter{From: from, To: from.AddDate(0, 1, 0)}
	forEachSize(b, func(b *testing.B, s *storage.Store) {
		loopCounting(b, "meetings/op", func() (int, error) {
			list, err := s.Meetings(ctx, f)
			return len(list), err
		})
	})
}

func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	forEachSize(b, func(b *testing.B, s *storage.Store) {
		// A subject in each script, a person, a two-character word (shorter than a trigram)
		// and a word in every meeting's title, the worst case.
		for _, q := range []string{"北方領土", "курилы", "peace treaty", "Morgulov 123", "領土", "consultations"} {
			b.Run(q, func(b *testing.B) {
				loopCounting(b, "hits/op", func() (int, error) {
					hits, err := s.Search(ctx, q, 20)
					return len(hits), err
				})
			})
		}
	})
}

// BenchmarkMeetingsAll lists every meeting, as the Talks screen does before it filters.
func BenchmarkMeetingsAll(b *testing.B) {
	ctx := context.Background()
	forEachSize(b, func(b *testing.B, s *storage.Store) {
		loopCounting(b, "meetings/op", func() (int, error) {
			list, err := s.Meetings(ctx, storage.MeetingFilter{})
			return len(list), err
		})
	})
}

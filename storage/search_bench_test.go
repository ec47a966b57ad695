//go:build sqlite_fts5 && unix

package storage_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/parley-app/parley/storage"
)

// BenchmarkSearchKinds searches every kind of query the window meets, on the dossiers of
// bench_test.go, with the window's limit (app.searchLimit): a subject in each script, a
// two-character word (shorter than a trigram), an actor's surname shared by many actors
// ("Yamada": the meetings they take part in are found too), a word in every meeting's title
// ("consultations") and a trigram in most records ("con"). Beside the wall time it reports
// the processor time (cpu-ms/op): the machine may be shared.
func BenchmarkSearchKinds(b *testing.B) {
	ctx := context.Background()
	forEachSize(b, func(b *testing.B, s *storage.Store) {
		for _, q := range []string{"北方領土", "курилы", "peace treaty", "領土", "Yamada", "Моргулов", "consultations", "con"} {
			b.Run(q, func(b *testing.B) {
				began := cpuTime()
				loopCounting(b, "hits/op", func() (int, error) {
					hits, err := s.Search(ctx, q, 200)
					return len(hits), err
				})
				b.ReportMetric(float64(cpuTime()-began)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
			})
		}
	})
}

// cpuTime is the processor time the process has used, its threads together.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

package app

import (
	"context"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

// The window on a big dossier (docs/performance.md, "Window at 100k"). They need a file to
// read, named by PARLEY_BENCH_DB (parley synth builds one), and skip without it:
//
//	PARLEY_BENCH_DB=/tmp/100k.db go test -tags sqlite_fts5 -run '^$' -bench Window -benchtime 5x ./app/
//
// Each reports ms/op for the whole step (read and shown) and ui-ms/op for the part that held
// the Fyne goroutine (the step itself, on the calling goroutine, and the showing of what it
// read): what freezes the window.

// benchStore opens PARLEY_BENCH_DB, or skips.
func benchStore(b *testing.B) *storage.Store {
	b.Helper()
	path := os.Getenv("PARLEY_BENCH_DB")
	if path == "" {
		b.Skip("PARLEY_BENCH_DB names no dossier to measure")
	}
	st, err := storage.Open(context.Background(), path)
	require.NoError(b, err)
	b.Cleanup(func() { st.Close() })
	return st
}

// windowBenchUI is a window on st whose slow work runs on its own goroutine, as in the program; its
// clock stands still at now. wait waits for the work started so far.
func windowBenchUI(b *testing.B, st *storage.Store, now time.Time) (u *ui, wait func()) {
	b.Helper()
	u = newUI(test.NewTempApp(b), Options{})
	u.now = func() time.Time { return now }
	u.typingPause = 0
	// The test driver runs fyne.Do on the calling goroutine, so the work runs on one goroutine
	// of its own, a piece at a time, as the program's results reach the Fyne goroutine one
	// at a time; a piece is over once its function, which shows its result, has returned.
	var work sync.WaitGroup
	queue := make(chan func(), 1024)
	go func() {
		for f := range queue {
			f()
			work.Done()
		}
	}()
	b.Cleanup(func() { close(queue) })
	u.spawn = func(f func()) {
		work.Add(1)
		queue <- f
	}
	u.do = func(f func()) {
		began := time.Now()
		f()
		onFyne.Add(int64(time.Since(began)))
	}
	u.store = st
	u.freshScreens()
	return u, work.Wait
}

// onFyne is the time the benchmarks' windows spent showing results (see windowBenchUI).
var onFyne atomic.Int64

// measure runs step b.N times, each after prepare (not timed), and reports the whole time
// and the time the Fyne goroutine was held: step itself and the showing of its results.
func measure(b *testing.B, wait func(), prepare, step func()) {
	b.Helper()
	var whole, held time.Duration
	for range b.N {
		if prepare != nil {
			prepare()
			wait()
		}
		began := time.Now()
		onFyne.Store(0)
		step()
		held += time.Since(began)
		wait()
		whole += time.Since(began)
		held += time.Duration(onFyne.Load())
	}
	b.ReportMetric(float64(whole.Milliseconds())/float64(b.N), "ms/op")
	b.ReportMetric(float64(held.Microseconds())/1000/float64(b.N), "ui-ms/op")
}

// benchNow is a day inside the synthetic decades (parley synth dates its meetings from 1996).
var benchNow = time.Date(2016, 6, 15, 12, 0, 0, 0, time.UTC)

func BenchmarkWindowCalendarFirst(b *testing.B) {
	st := benchStore(b)
	var u *ui
	var wait func()
	measure(b, func() { wait() }, func() { u, wait = windowBenchUI(b, st, benchNow) }, func() { u.resetTo(screenCalendar) })
}

func BenchmarkWindowTalksFirst(b *testing.B) {
	st := benchStore(b)
	var u *ui
	var wait func()
	measure(b, func() { wait() }, func() { u, wait = windowBenchUI(b, st, benchNow) }, func() { u.resetTo(screenTalks) })
}

func BenchmarkWindowTalksRevisit(b *testing.B) {
	st := benchStore(b)
	u, wait := windowBenchUI(b, st, benchNow)
	u.resetTo(screenTalks)
	wait()
	measure(b, wait, func() { u.resetTo(screenCalendar) }, func() { u.resetTo(screenTalks) })
}

func BenchmarkWindowTalksSortTitle(b *testing.B) {
	st := benchStore(b)
	u, wait := windowBenchUI(b, st, benchNow)
	u.resetTo(screenTalks)
	wait()
	measure(b, wait, func() { u.talks.sortBy = sortDate }, func() { u.talks.sortOn(sortTitle) })
}

func BenchmarkWindowTalksSortStatus(b *testing.B) {
	st := benchStore(b)
	u, wait := windowBenchUI(b, st, benchNow)
	u.resetTo(screenTalks)
	wait()
	measure(b, wait, func() { u.talks.sortBy = sortDate }, func() { u.talks.sortOn(sortStatus) })
}

func BenchmarkWindowTalksFilter(b *testing.B) {
	st := benchStore(b)
	u, wait := windowBenchUI(b, st, benchNow)
	u.resetTo(screenTalks)
	wait()
	measure(b, wait, func() { u.talks.text.SetText("") }, func() { u.talks.text.SetText("Tokyo") })
}

func BenchmarkWindowCalendarFlip(b *testing.B) {
	st := benchStore(b)
	u, wait := windowBenchUI(b, st, benchNow)
	u.resetTo(screenCalendar)
	wait()
	measure(b, wait, nil, func() { u.calendar.grid.NextMonth() })
}

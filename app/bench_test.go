package app

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// The open/switch benchmarks: opening each kind of record and switching to each screen, in
// process, each op being the page's load, its apply and the layout of the window around it
// (renderers made and laid out, as the driver does before it paints). They run on the sample
// and, when PARLEY_BENCH_DB names a dossier written by `parley synth` (whose records have fixed
// IDs), on that file too:
//
//	parley synth --db /tmp/100k.db --meetings 100000 --actors 20000 --quotes 300000
//	PARLEY_BENCH_DB=/tmp/100k.db go test -tags sqlite_fts5 -run '^$' -bench 'Open|Switch' ./app
//
// Without the variable the big case is skipped, saying so. docs/performance.md has figures.

// benchDossier is a database to measure on, with the records to open in it.
type benchDossier struct {
	name                                   string
	path                                   string
	meeting, actor, dispute, source, query string
}

// The synth records chosen are the heaviest of their kind in the 100,000-meeting dossier: the
// actor in the most meetings (48), a dispute linked to the most (359, with ~700 statements).
func benchDossiers(b *testing.B) []benchDossier {
	ctx := context.Background()
	dir := b.TempDir()
	path := filepath.Join(dir, "sample.db")
	st, err := storage.Open(ctx, path)
	require.NoError(b, err)
	require.NoError(b, sample.Load(ctx, st))
	require.NoError(b, st.Close())
	out := []benchDossier{{name: "sample", path: path, meeting: sample.TokyoRoundID, actor: sample.MorgulovID,
		dispute: sample.DisputeID, source: sample.ArticleSourceID, query: "Моргулов"}}
	if big := os.Getenv("PARLEY_BENCH_DB"); big != "" {
		out = append(out, benchDossier{name: "big", path: big, meeting: "synth-meeting-050000",
			actor: "synth-actor-01365", dispute: "synth-dispute-0037", source: "synth-source-00000", query: "Yamada"})
	} else {
		b.Log("PARLEY_BENCH_DB is not set: the big-dossier case is skipped (see bench_test.go)")
	}
	return out
}

// benchUI opens a window on the dossier with slow work run at once, as the tests do.
func benchUI(b *testing.B, path string) *ui {
	a := test.NewTempApp(b)
	st, err := storage.Open(context.Background(), path)
	require.NoError(b, err)
	u := newUI(a, Options{Version: "bench"})
	u.now = func() time.Time { return afterSample }
	u.typingPause = 0
	// Opening the dossier starts its integrity check and the first screen's load: not what is
	// measured (the check reads the whole file), so they are dropped.
	u.spawn = func(func()) {}
	u.useStore(st)
	u.spawn = func(f func()) { f() }
	u.win.Resize(fyne.NewSize(1366, 768))
	b.Cleanup(u.closeStore)
	return u
}

// settle makes and lays out the renderers of everything in the window.
func settle(u *ui) { test.LaidOutObjects(u.win.Content()) }

func BenchmarkOpenRecord(b *testing.B) {
	for _, d := range benchDossiers(b) {
		u := benchUI(b, d.path)
		u.resetTo(screenTalks)
		for _, rc := range []struct {
			kind string
			open func() page
		}{
			{"meeting", func() page { return newMeetingPage(u, d.meeting) }},
			{"actor", func() page { return newActorPage(u, d.actor) }},
			{"dispute", func() page { return newDisputePage(u, d.dispute) }},
			{"source", func() page { return newSourcePage(u, d.source) }},
		} {
			b.Run(d.name+"/"+rc.kind, func(b *testing.B) {
				defer cpuPerOp(b)()
				for b.Loop() {
					p := rc.open()
					u.push(p)
					settle(u)
					if !holdsRecord(p) {
						b.Fatalf("%s %s did not open", rc.kind, p.title())
					}
					u.stack = u.stack[:1] // back, without reloading the screen beneath
				}
			})
		}
	}
}

func BenchmarkSwitchScreen(b *testing.B) {
	for _, d := range benchDossiers(b) {
		u := benchUI(b, d.path)
		for _, name := range screenNames {
			b.Run(d.name+"/"+name, func(b *testing.B) {
				u.resetTo(name) // made once, as the window keeps each screen
				defer cpuPerOp(b)()
				for b.Loop() {
					u.resetTo(name)
					settle(u)
				}
			})
		}
		b.Run(d.name+"/search", func(b *testing.B) {
			defer cpuPerOp(b)()
			for b.Loop() {
				u.stack = u.stack[:1]
				u.onSearch(d.query)
				settle(u)
				if len(u.top().(*searchPage).hits) == 0 {
					b.Fatalf("nothing found for %q", d.query)
				}
			}
		})
	}
}

// BenchmarkOpenTracks opens the negotiation tracks (Talks → Tracks…), where a track is read
// and edited: the dialog's load, its apply and its layout; then the form of the first track.
func BenchmarkOpenTracks(b *testing.B) {
	for _, d := range benchDossiers(b) {
		u := benchUI(b, d.path)
		u.resetTo(screenTalks)
		overlays := u.win.Canvas().Overlays()
		b.Run(d.name+"/tracks", func(b *testing.B) {
			defer cpuPerOp(b)()
			for b.Loop() {
				showTracks(u, func() {})
				top := overlays.Top()
				if top == nil {
					b.Fatal("the tracks did not open")
				}
				test.LaidOutObjects(top)
				overlays.Remove(top)
			}
		})
		b.Run(d.name+"/track", func(b *testing.B) {
			tracks, err := u.store.Tracks(context.Background())
			require.NoError(b, err)
			require.NotEmpty(b, tracks)
			defer cpuPerOp(b)()
			for b.Loop() {
				editTrack(u, tracks[0], func() {})
				top := overlays.Top()
				test.LaidOutObjects(top)
				overlays.Remove(top)
			}
		})
	}
}

// holdsRecord reports whether a record page holds its record.
func holdsRecord(p page) bool {
	switch x := p.(type) {
	case *meetingPage:
		return x.loaded
	case *actorPage:
		return x.loaded
	case *disputePage:
		return x.loaded
	case *sourcePage:
		return x.loaded
	}
	return false
}

// cpuPerOp reports the processor time the process spent per op (cpu-ms/op) beside the wall
// time: on a machine shared with other work the wall time measures the sharing as well.
func cpuPerOp(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
		}
	}
}

package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// BenchmarkSwitchScreenAfterSave switches to the Talks and Actors screens right after a save,
// as a user does who edits a meeting or an actor and goes back to the list: the stamp the
// screen kept no longer holds, so the visit cannot keep what it read (BenchmarkSwitchScreen
// measures the visit to an unchanged dossier). The save, to a meeting or to an actor, is not
// timed; each op is the screen's load, its apply and the layout of the window, and cpu-ms/op
// is the processor time of those alone. Dossiers as in bench_test.go:
//
//	PARLEY_BENCH_DB=/tmp/100k.db go test -tags sqlite_fts5 -run '^$' -bench 'SwitchScreenAfterSave' -benchtime 5x ./app
func BenchmarkSwitchScreenAfterSave(b *testing.B) {
	ctx := context.Background()
	for _, d := range benchDossiers(b) {
		u := benchUI(b, d.path)
		st := u.store
		m, err := st.Meeting(ctx, d.meeting)
		require.NoError(b, err)
		a, err := st.Actor(ctx, d.actor)
		require.NoError(b, err)
		// Each save changes the record (a mark added to or taken off its title or name), so
		// that every one is a real write.
		saves := map[string]func(){
			"meeting": func() {
				m.Title = toggled(m.Title)
				require.NoError(b, st.UpdateMeeting(ctx, &m))
			},
			"actor": func() {
				a.Name = toggled(a.Name)
				require.NoError(b, st.UpdateActor(ctx, &a))
			},
		}
		for _, name := range []string{screenTalks, screenActors} {
			for _, saved := range []string{"meeting", "actor"} {
				b.Run(d.name+"/"+name+"/"+saved, func(b *testing.B) {
					u.resetTo(name) // made once, as the window keeps each screen
					settle(u)
					var cpu time.Duration
					b.ResetTimer()
					for range b.N {
						b.StopTimer()
						saves[saved]()
						began := cpuTime()
						b.StartTimer()
						u.resetTo(name)
						settle(u)
						b.StopTimer()
						cpu += cpuTime() - began
					}
					b.ReportMetric(float64(cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
				})
			}
		}
	}
}

// toggled adds " (edited)" to s, or takes it off.
func toggled(s string) string {
	if t, ok := strings.CutSuffix(s, " (edited)"); ok {
		return t
	}
	return s + " (edited)"
}

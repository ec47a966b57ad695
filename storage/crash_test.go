//go:build sqlite_fts5

package storage_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

// The crash test: a child process (this test binary, in TestCrashChild) writes to a dossier
// through the storage API — bundle imports and edits — and prints a line after each commit
// the API reported; the parent SIGKILLs it at a random moment, opens the file and checks that
// it is sound (Verify), that every reported commit is there and that every import is all or
// nothing; then the next child carries on with the same file (a fresh one every
// crashKillsPerFile kills).
//
// PARLEY_CRASH_KILLS sets the number of kills (default 20; `make torture` runs 500) and
// PARLEY_CRASH_SEED the seed (logged, so that a failing run can be repeated).
const (
	crashChildEnv = "PARLEY_CRASH_CHILD" // the database path, in the child
	crashGenEnv   = "PARLEY_CRASH_GEN"   // the child's number: IDs and sequence numbers are unique per child
	crashSeedEnv  = "PARLEY_CRASH_CHILD_SEED"
	crashLine     = "crash: " // the prefix of the child's reports

	crashMeetings   = 12 // meetings each import brings, in its own track
	crashStatements = 5  // statements each import brings
	crashEdited     = 4  // meetings the edits rewrite in turn
	crashActor      = "crash-actor"
	// Verify reads every record, so a check costs more as the file grows; a fresh file every
	// crashKillsPerFile kills keeps each check near a second and the run linear in the kills.
	crashKillsPerFile = 20
)

func crashEditID(i int) string       { return fmt.Sprintf("crash-edit-%d", i) }
func crashTrackID(tag string) string { return "crash-track-" + tag }
func crashMeetingID(tag string, i int) string {
	return fmt.Sprintf("crash-%s-m%02d", tag, i)
}
func crashStatementID(tag string, i int) string {
	return fmt.Sprintf("crash-%s-s%02d", tag, i)
}

// crashDossier is the bundle of import tag: one track holding crashMeetings meetings and
// crashStatements statements by the crash actor, every ID carrying the tag.
func crashDossier(tag string) *storage.Dossier {
	stamp := time.Date(2016, 6, 20, 9, 0, 0, 0, time.UTC)
	d := &storage.Dossier{Tracks: []storage.Track{{ID: crashTrackID(tag), Title: "Crash track " + tag,
		Parties: []string{"Japan", "Russia"}, Summary: "Imported by the crash test.", Created: stamp, Updated: stamp}}}
	for i := range crashMeetings {
		d.Meetings = append(d.Meetings, storage.Meeting{ID: crashMeetingID(tag, i), TrackID: crashTrackID(tag),
			Title: fmt.Sprintf("Round %d of %s", i+1, tag), Status: storage.StatusHeld,
			When: storage.OnDay(2016, time.June, 1+i), Round: i + 1, Purpose: "Talks on the peace treaty.",
			Objectives: []string{"Agree the next round", "Раунд переговоров", "平和条約"},
			Created:    stamp, Updated: stamp})
	}
	for i := range crashStatements {
		d.Statements = append(d.Statements, storage.Statement{ID: crashStatementID(tag, i), ActorID: crashActor,
			Text: fmt.Sprintf("Statement %d of import %s: переговоры продолжатся.", i, tag), When: storage.OnDay(2016, time.June, 1+i),
			MeetingID: crashMeetingID(tag, i), Created: stamp, Updated: stamp})
	}
	return d
}

// TestCrashChild is the child's loop; it runs only when the parent sets PARLEY_CRASH_CHILD,
// and never ends on its own: the parent kills it.
func TestCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("the crash test's child: runs only inside TestCrash (" + crashChildEnv + " unset)")
	}
	gen, err := strconv.Atoi(os.Getenv(crashGenEnv))
	require.NoError(t, err)
	seed, err := strconv.ParseUint(os.Getenv(crashSeedEnv), 10, 64)
	require.NoError(t, err)
	rng := rand.New(rand.NewPCG(seed, uint64(gen)))
	report := func(format string, args ...any) {
		// os.Stdout is unbuffered: the line is in the pipe before the next write starts.
		fmt.Fprintf(os.Stdout, crashLine+format+"\n", args...)
	}
	ctx := context.Background()
	s, err := storage.Open(ctx, path)
	require.NoError(t, err)
	// What the edits need, created by the first child that gets that far.
	if _, err := s.Actor(ctx, crashActor); errors.Is(err, storage.ErrNotFound) {
		require.NoError(t, s.CreateActor(ctx, &storage.Actor{ID: crashActor, Kind: storage.ActorPerson, Name: "Igor Morgulov",
			NativeName: "Игорь Моргулов"}))
	} else {
		require.NoError(t, err)
	}
	for i := range crashEdited {
		if _, err := s.Meeting(ctx, crashEditID(i)); errors.Is(err, storage.ErrNotFound) {
			require.NoError(t, s.CreateMeeting(ctx, &storage.Meeting{ID: crashEditID(i), Title: fmt.Sprintf("Edited meeting %d", i),
				Status: storage.StatusScheduled, When: storage.InMonth(2016, time.September), Purpose: "edit 0"}))
		} else {
			require.NoError(t, err)
		}
	}
	report("ready")
	for n := 0; ; n++ {
		seq := gen*1_000_000 + n
		switch rng.IntN(3) {
		case 0: // an import, alternately read whole and streamed
			tag := fmt.Sprintf("g%04d-i%04d", gen, n)
			var buf bytes.Buffer
			require.NoError(t, storage.WriteBundle(&buf, crashDossier(tag), time.Now()))
			report("begin %s", tag)
			if n%2 == 0 {
				d, err := storage.ReadBundle(bytes.NewReader(buf.Bytes()))
				require.NoError(t, err)
				_, err = s.ImportDossier(ctx, d)
				require.NoError(t, err)
			} else {
				_, err := s.ImportBundle(ctx, func() (io.ReadCloser, error) {
					return io.NopCloser(bytes.NewReader(buf.Bytes())), nil
				}, nil)
				require.NoError(t, err)
			}
			report("imported %s", tag)
		case 1: // a save of a meeting page
			id := crashEditID(rng.IntN(crashEdited))
			m, err := s.Meeting(ctx, id)
			require.NoError(t, err)
			m.Purpose = fmt.Sprintf("edit %d", seq)
			require.NoError(t, s.UpdateMeeting(ctx, &m))
			report("updated %s %d", id, seq)
		default: // a new statement
			st := storage.Statement{ActorID: crashActor, Text: fmt.Sprintf("Statement %d: 交渉は続く。", seq),
				When: storage.OnDay(2016, time.June, 22), MeetingID: crashEditID(rng.IntN(crashEdited))}
			require.NoError(t, s.CreateStatement(ctx, &st))
			report("statement %s", st.ID)
		}
	}
}

// crashState is what the children reported, over the whole run.
type crashState struct {
	begun    map[string]bool // imports started
	imported map[string]bool // imports reported as committed
	edits    map[string]int  // meeting → the last reported edit's sequence number
	said     []string        // statements reported as created
	commits  int             // commits reported
}

// childLines runs one child for delay, kills it and returns the lines it printed.
func childLines(t *testing.T, path string, gen int, seed uint64, delay time.Duration) []string {
	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashChild$", "-test.count=1")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+path, crashGenEnv+"="+strconv.Itoa(gen),
		crashSeedEnv+"="+strconv.FormatUint(seed, 10))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.StdoutPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	var lines []string
	var wg sync.WaitGroup
	wg.Go(func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			lines = append(lines, sc.Text())
		}
	})
	exited := make(chan struct{})
	go func() { wg.Wait(); close(exited) }()
	select {
	case <-time.After(delay):
		require.NoError(t, cmd.Process.Kill()) // SIGKILL: no deferred function, no Close
	case <-exited:
	}
	wg.Wait()
	err = cmd.Wait()
	var exit *exec.ExitError
	if !errors.As(err, &exit) || exit.ExitCode() != -1 {
		// The child stopped by itself: a write was refused, or it could not open the file.
		t.Fatalf("child %d ended on its own (%v):\n%s\n%s", gen, err, strings.Join(lines, "\n"), stderr.String())
	}
	return lines
}

func TestCrash(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the crash test kills its child with SIGKILL, which Windows does not have (Process.Kill is TerminateProcess there)")
	}
	if os.Getenv(crashChildEnv) != "" {
		t.Skip("inside the child")
	}
	kills := 20
	if v := os.Getenv("PARLEY_CRASH_KILLS"); v != "" {
		var err error
		kills, err = strconv.Atoi(v)
		require.NoError(t, err, "PARLEY_CRASH_KILLS")
	}
	seed := uint64(time.Now().UnixNano())
	if v := os.Getenv("PARLEY_CRASH_SEED"); v != "" {
		var err error
		seed, err = strconv.ParseUint(v, 10, 64)
		require.NoError(t, err, "PARLEY_CRASH_SEED")
	}
	t.Logf("crash test: %d kills, seed %d (PARLEY_CRASH_SEED=%d repeats the delays)", kills, seed, seed)
	rng := rand.New(rand.NewPCG(seed, 0))
	dir := t.TempDir()
	ctx := context.Background()
	var path string
	var st crashState
	// found, inFlight and landed are those of the last check of the current file; the totals
	// add up the files' last checks.
	var found, checked, partial, integrity, inFlight, landed int
	var commits, imports, said, edited, expected, foundAll, inFlightAll, landedAll int
	fold := func() {
		commits += st.commits
		imports += len(st.imported)
		said += len(st.said)
		edited += len(st.edits)
		expected += len(st.imported) + len(st.said) + len(st.edits)
		foundAll += found
		inFlightAll += inFlight
		landedAll += landed
	}
	start := time.Now()
	for gen := 1; gen <= kills; gen++ {
		if (gen-1)%crashKillsPerFile == 0 {
			if gen > 1 {
				fold()
				t.Logf("crash test: %d kills in %s", gen-1, time.Since(start).Round(time.Millisecond))
			}
			path = filepath.Join(dir, fmt.Sprintf("crash-%03d.db", (gen-1)/crashKillsPerFile))
			st = crashState{begun: map[string]bool{}, imported: map[string]bool{}, edits: map[string]int{}}
			found, inFlight, landed = 0, 0, 0
		}
		// Most kills land in the loop of writes; some during the open or the first writes.
		delay := time.Duration(rng.Int64N(int64(700*time.Millisecond))) + 30*time.Millisecond
		lines := childLines(t, path, gen, seed, delay)
		for _, l := range lines {
			f := strings.Fields(strings.TrimPrefix(l, crashLine))
			if !strings.HasPrefix(l, crashLine) || len(f) < 2 {
				continue
			}
			switch f[0] {
			case "begin":
				st.begun[f[1]] = true
			case "imported":
				st.imported[f[1]] = true
				st.commits++
			case "updated":
				seq, err := strconv.Atoi(f[2])
				require.NoError(t, err, l)
				st.edits[f[1]] = seq
				st.commits++
			case "statement":
				st.said = append(st.said, f[1])
				st.commits++
			}
		}

		s, err := storage.Open(ctx, path)
		require.NoError(t, err, "open after kill %d (seed %d)", gen, seed)
		rep, err := s.Verify(ctx)
		require.NoError(t, err, "verify after kill %d (seed %d)", gen, seed)
		if !rep.OK() {
			integrity++
			t.Errorf("kill %d (seed %d): the file is not sound: %+v", gen, seed, rep)
		}
		// Every import is all or nothing, and a reported one is all.
		meetings, err := s.Meetings(ctx, storage.MeetingFilter{})
		require.NoError(t, err)
		byTrack := map[string]int{}
		for _, m := range meetings {
			byTrack[m.TrackID]++
		}
		statements, err := s.Statements(ctx, storage.StatementFilter{})
		require.NoError(t, err)
		have := map[string]bool{}
		for _, x := range statements {
			have[x.ID] = true
		}
		tracks, err := s.Tracks(ctx)
		require.NoError(t, err)
		haveTrack := map[string]bool{}
		for _, tr := range tracks {
			haveTrack[tr.ID] = true
		}
		found, inFlight, landed = 0, 0, 0
		for tag := range st.begun {
			checked++
			n := byTrack[crashTrackID(tag)]
			for i := range crashStatements {
				if have[crashStatementID(tag, i)] {
					n++
				}
			}
			if haveTrack[crashTrackID(tag)] {
				n++
			}
			all := crashMeetings + crashStatements + 1
			switch {
			case n != 0 && n != all:
				partial++
				t.Errorf("kill %d (seed %d): import %s is partial: %d of %d records", gen, seed, tag, n, all)
			case st.imported[tag] && n != all:
				t.Errorf("kill %d (seed %d): import %s was reported but is missing", gen, seed, tag)
			case st.imported[tag]:
				found++
			default: // killed during the import, or after its commit and before the report
				inFlight++
				if n == all {
					landed++
				}
			}
		}
		for _, id := range st.said {
			if assert.True(t, have[id], "kill %d (seed %d): statement %s was reported but is missing", gen, seed, id) {
				found++
			}
		}
		for id, want := range st.edits {
			m, err := s.Meeting(ctx, id)
			require.NoError(t, err)
			got, err := strconv.Atoi(strings.TrimPrefix(m.Purpose, "edit "))
			require.NoError(t, err, m.Purpose)
			if assert.GreaterOrEqual(t, got, want, "kill %d (seed %d): meeting %s lost its reported edit", gen, seed, id) {
				found++
			}
		}
		require.NoError(t, s.Close())
		if t.Failed() {
			break
		}
	}
	fold()
	t.Logf("crash test: %d kills on %d files in %s; %d commits reported (%d imports, %d statements, the rest edits of %d meetings); "+
		"the last check of each file found %d of the %d expected (every reported import and statement, each meeting's latest reported edit); "+
		"%d imports cut by a kill (%d of them committed before the report); %d import checks, %d partial imports, %d integrity failures",
		kills, (kills+crashKillsPerFile-1)/crashKillsPerFile, time.Since(start).Round(time.Millisecond), commits, imports, said, edited,
		foundAll, expected, inFlightAll, landedAll, checked, partial, integrity)
}

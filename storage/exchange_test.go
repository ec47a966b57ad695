//go:build sqlite_fts5

package storage

import (
	"bytes"
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// laptops are two dossiers that exchange bundles: A made the world and sent it to B.
type laptops struct {
	a, b   *Store
	ca, cb *clock
	w      *world
}

func newLaptops(t *testing.T) *laptops {
	t.Helper()
	l := &laptops{}
	l.a, l.ca = newStore(t)
	l.w = buildWorld(t, l.a)
	l.b, l.cb = newStore(t)
	l.cb.step(37 * time.Second) // the other laptop's clock runs a little apart
	rep := ship(t, l.a, l.b, "from-a.json")
	require.Empty(t, rep.Conflicts)
	require.Equal(t, 4, rep.Meetings.Created)
	return l
}

// ship exports from one dossier as the window and command line do (noting the export) and
// imports the bundle into the other.
func ship(t *testing.T, from, to *Store, name string) ImportReport {
	t.Helper()
	return importBytes(t, to, name, exportNoted(t, from, name))
}

func exportNoted(t *testing.T, from *Store, name string) []byte {
	t.Helper()
	ctx := context.Background()
	var buf bytes.Buffer
	_, noted, err := from.ExportBundleNoted(ctx, &buf, exportTime, nil)
	require.NoError(t, err)
	require.NoError(t, from.NoteExport(ctx, noted, name))
	return buf.Bytes()
}

func importBytes(t *testing.T, to *Store, name string, bundle []byte) ImportReport {
	t.Helper()
	rep, err := to.ImportBundleFrom(context.Background(), name, opener(bundle), nil)
	require.NoError(t, err)
	return rep
}

// editMeeting changes a meeting a minute later on the laptop's clock.
func editMeeting(t *testing.T, s *Store, clk *clock, id string, edit func(m *Meeting)) {
	t.Helper()
	ctx := context.Background()
	clk.step(time.Minute)
	m, err := s.Meeting(ctx, id)
	require.NoError(t, err)
	edit(&m)
	require.NoError(t, s.UpdateMeeting(ctx, &m))
}

func meetingOf(t *testing.T, s *Store, id string) Meeting {
	t.Helper()
	m, err := s.Meeting(context.Background(), id)
	require.NoError(t, err)
	return m
}

func conflictsOf(t *testing.T, s *Store) []Conflict {
	t.Helper()
	c, err := s.Conflicts(context.Background())
	require.NoError(t, err)
	return c
}

// B sends its bundle back to A after edits on either side or both.
func TestExchangeMergesWhatChangedOnOneSide(t *testing.T) {
	for _, c := range []struct {
		name              string
		onA, onB          string // the Tokyo round's new title on each laptop, "" = not edited
		want              string // the title A holds after B's bundle
		updated, conflict int
	}{
		{"edit on A only", "Tokyo round (A)", "", "Tokyo round (A)", 0, 0},
		{"edit on B only", "", "Tokyo round (B)", "Tokyo round (B)", 1, 0},
		{"the same edit on both", "Tokyo round, 22 June", "Tokyo round, 22 June", "Tokyo round, 22 June", 0, 0},
		{"different edits on both", "Tokyo round (A)", "Tokyo round (B)", "Tokyo round (A)", 0, 1},
		{"no edit", "", "", "Tokyo round", 0, 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := newLaptops(t)
			if c.onA != "" {
				editMeeting(t, l.a, l.ca, l.w.tokyo.ID, func(m *Meeting) { m.Title = c.onA })
			}
			if c.onB != "" {
				editMeeting(t, l.b, l.cb, l.w.tokyo.ID, func(m *Meeting) { m.Title = c.onB })
			}
			rep := ship(t, l.b, l.a, "from-b.json")
			assert.Equal(t, c.want, meetingOf(t, l.a, l.w.tokyo.ID).Title)
			assert.Equal(t, c.updated, rep.Meetings.Updated)
			assert.Equal(t, c.conflict, rep.Meetings.Conflicts)
			assert.Len(t, rep.Conflicts, c.conflict)
			assert.Len(t, conflictsOf(t, l.a), c.conflict)
			assert.Equal(t, 4, rep.Meetings.Created+rep.Meetings.Updated+rep.Meetings.Unchanged+rep.Meetings.Conflicts)
		})
	}
}

// A conflict keeps both sides: Parley's copy in place, the incoming one aside, across a reopen.
func TestExchangeConflictKeepsBothSides(t *testing.T) {
	ctx := context.Background()
	l := newLaptops(t)
	editMeeting(t, l.a, l.ca, l.w.tokyo.ID, func(m *Meeting) { m.Title, m.Purpose = "Tokyo round (A)", "A's purpose." })
	editMeeting(t, l.b, l.cb, l.w.tokyo.ID, func(m *Meeting) { m.Title = "Tokyo round (B)" })
	rep := ship(t, l.b, l.a, "from-b.json")
	require.Len(t, rep.Conflicts, 1)
	c := rep.Conflicts[0]
	assert.Equal(t, kindMeeting, c.Kind)
	assert.Equal(t, l.w.tokyo.ID, c.ID)
	assert.Equal(t, "from-b.json", c.File)
	assert.True(t, c.Known, "the record was exchanged before")
	assert.Equal(t, []FieldDiff{
		{Field: "title", Ours: "Tokyo round (A)", Theirs: "Tokyo round (B)"},
		{Field: "purpose", Ours: "A's purpose.", Theirs: "Continue the talks on a peace treaty."},
	}, c.Fields)
	assert.Contains(t, rep.String(), "1 in conflict")

	path := l.a.Path()
	require.NoError(t, l.a.Close())
	again, err := Open(ctx, path)
	require.NoError(t, err)
	defer again.Close()
	assert.Equal(t, "Tokyo round (A)", meetingOf(t, again, l.w.tokyo.ID).Title, "Parley's copy stays")
	pending := conflictsOf(t, again)
	require.Len(t, pending, 1, "the incoming copy survives quitting")
	assert.Equal(t, c.Fields, pending[0].Fields)
	assert.Equal(t, "Tokyo round (A)", pending[0].Title)
}

// Every kind a bundle merges meets conflicts the same way.
func TestExchangeConflictsOfEveryKind(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		kind  string
		field string
		edit  func(t *testing.T, s *Store, w *world, text string)
	}{
		{kindTrack, "summary", func(t *testing.T, s *Store, w *world, text string) {
			edit(t, s.Track, s.UpdateTrack, w.track.ID, func(r *Track) { r.Summary = text })
		}},
		{kindSource, "publisher", func(t *testing.T, s *Store, w *world, text string) {
			edit(t, s.Source, s.UpdateSource, w.source.ID, func(r *Source) { r.Publisher = text })
		}},
		{kindActor, "biography", func(t *testing.T, s *Store, w *world, text string) {
			edit(t, s.Actor, s.UpdateActor, w.morgulov.ID, func(r *Actor) { r.Biography = text })
		}},
		{kindDispute, "summary", func(t *testing.T, s *Store, w *world, text string) {
			edit(t, s.Dispute, s.UpdateDispute, w.dispute.ID, func(r *Dispute) { r.Summary = text })
		}},
		{kindMeeting, "outcome", func(t *testing.T, s *Store, w *world, text string) {
			edit(t, s.Meeting, s.UpdateMeeting, w.moscow.ID, func(r *Meeting) { r.Outcome = text })
		}},
		{kindStatement, "occasion", func(t *testing.T, s *Store, w *world, text string) {
			edit(t, s.Statement, s.UpdateStatement, w.quote.ID, func(r *Statement) { r.Occasion = text })
		}},
	} {
		t.Run(c.kind, func(t *testing.T) {
			l := newLaptops(t)
			l.ca.step(time.Minute)
			c.edit(t, l.a, l.w, "written on A")
			l.cb.step(time.Minute)
			c.edit(t, l.b, l.w, "written on B")
			rep := ship(t, l.b, l.a, "from-b.json")
			require.Len(t, rep.Conflicts, 1)
			assert.Equal(t, c.kind, rep.Conflicts[0].Kind)
			assert.Equal(t, []FieldDiff{{Field: c.field, Ours: "written on A", Theirs: "written on B"}}, rep.Conflicts[0].Fields)

			require.NoError(t, l.a.ResolveConflicts(ctx, []Resolution{{Kind: c.kind, ID: rep.Conflicts[0].ID, All: true}}))
			again := ship(t, l.b, l.a, "from-b.json")
			assert.Empty(t, again.Conflicts, "after taking theirs, the same bundle again is no conflict")
			back := ship(t, l.a, l.b, "from-a.json")
			assert.Empty(t, back.Conflicts, "and B takes A's (now its own) version back quietly")
		})
	}
}

// Each way of resolving writes what it says, leaves nothing pending, and the same bundle
// imported again is no new conflict.
func TestResolveConflicts(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		name             string
		res              func(id string) Resolution
		title, purpose   string
		stampedByResolve bool
	}{
		{"keep Parley's", func(id string) Resolution { return Resolution{Kind: kindMeeting, ID: id} },
			"Tokyo round (A)", "A's purpose.", true},
		{"keep theirs", func(id string) Resolution { return Resolution{Kind: kindMeeting, ID: id, All: true} },
			"Tokyo round (B)", "B's purpose.", false},
		{"field by field", func(id string) Resolution {
			return Resolution{Kind: kindMeeting, ID: id, Theirs: []string{"purpose"}}
		}, "Tokyo round (A)", "B's purpose.", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := newLaptops(t)
			id := l.w.tokyo.ID
			editMeeting(t, l.a, l.ca, id, func(m *Meeting) { m.Title, m.Purpose = "Tokyo round (A)", "A's purpose." })
			editMeeting(t, l.b, l.cb, id, func(m *Meeting) { m.Title, m.Purpose = "Tokyo round (B)", "B's purpose." })
			fromB := exportNoted(t, l.b, "from-b.json")
			rep := importBytes(t, l.a, "from-b.json", fromB)
			require.Len(t, rep.Conflicts, 1)
			before := meetingOf(t, l.a, id)

			l.ca.step(time.Minute)
			require.NoError(t, l.a.ResolveConflicts(ctx, []Resolution{c.res(id)}))
			got := meetingOf(t, l.a, id)
			assert.Equal(t, c.title, got.Title)
			assert.Equal(t, c.purpose, got.Purpose)
			assert.Equal(t, before.Participants, got.Participants, "fields not chosen stay")
			if c.stampedByResolve {
				assert.Equal(t, l.ca.t, got.Updated, "a decision is a new version, stamped now")
			}
			assert.Empty(t, conflictsOf(t, l.a))

			again := importBytes(t, l.a, "from-b.json", fromB)
			assert.Empty(t, again.Conflicts, "the same bundle again is no new conflict")
			assert.Equal(t, c.title, meetingOf(t, l.a, id).Title)

			// A sends its decision back: B, which has not edited since its export, takes it.
			back := ship(t, l.a, l.b, "from-a.json")
			assert.Empty(t, back.Conflicts)
			assert.Equal(t, c.title, meetingOf(t, l.b, id).Title)
			assert.Equal(t, c.purpose, meetingOf(t, l.b, id).Purpose)
		})
	}
}

// A → B → A with edits on both sides in between, to different fields: the conflict names both
// fields, a field-by-field merge keeps both edits, and the next round trip is quiet.
func TestExchangeRoundTripWithEditsOnBothSides(t *testing.T) {
	ctx := context.Background()
	l := newLaptops(t)
	id := l.w.tokyo.ID
	editMeeting(t, l.b, l.cb, id, func(m *Meeting) { m.Outcome = "Agreed to meet in Vladivostok." })
	editMeeting(t, l.a, l.ca, id, func(m *Meeting) { m.Venue = "Ministry of Foreign Affairs" })
	editMeeting(t, l.b, l.cb, l.w.moscow.ID, func(m *Meeting) { m.Outcome = "Held as planned." })

	rep := ship(t, l.b, l.a, "from-b.json")
	assert.Equal(t, 1, rep.Meetings.Updated, "the Moscow round changed on B only")
	require.Len(t, rep.Conflicts, 1)
	var fields []string
	for _, f := range rep.Conflicts[0].Fields {
		fields = append(fields, f.Field)
	}
	assert.Equal(t, []string{"venue", "outcome"}, fields)

	l.ca.step(time.Minute)
	require.NoError(t, l.a.ResolveConflicts(ctx, []Resolution{{Kind: kindMeeting, ID: id, Theirs: []string{"outcome"}}}))
	m := meetingOf(t, l.a, id)
	assert.Equal(t, "Ministry of Foreign Affairs", m.Venue)
	assert.Equal(t, "Agreed to meet in Vladivostok.", m.Outcome)

	back := ship(t, l.a, l.b, "from-a.json")
	assert.Empty(t, back.Conflicts)
	assert.Equal(t, m.Venue, meetingOf(t, l.b, id).Venue, "B takes the merge")
	assert.Equal(t, m.Outcome, meetingOf(t, l.b, id).Outcome)

	quiet := ship(t, l.b, l.a, "from-b.json")
	assert.Empty(t, quiet.Conflicts)
	assert.Zero(t, quiet.Meetings.Updated)
}

// A resolution names a field the copies differ in, or a conflict that exists; a refused one
// changes nothing.
func TestResolveConflictsRefuses(t *testing.T) {
	ctx := context.Background()
	l := newLaptops(t)
	id := l.w.tokyo.ID
	editMeeting(t, l.a, l.ca, id, func(m *Meeting) { m.Title = "Tokyo round (A)" })
	editMeeting(t, l.b, l.cb, id, func(m *Meeting) { m.Title = "Tokyo round (B)" })
	require.Len(t, ship(t, l.b, l.a, "from-b.json").Conflicts, 1)
	for _, c := range []struct {
		name, message string
		res           []Resolution
	}{
		{"a field that does not differ", `do not differ in a field "venue"`, []Resolution{{Kind: kindMeeting, ID: id, Theirs: []string{"venue"}}}},
		{"no such conflict", "no conflict awaits", []Resolution{{Kind: kindMeeting, ID: id, All: true}, {Kind: kindActor, ID: l.w.harada.ID}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := l.a.ResolveConflicts(ctx, c.res)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.message)
			assert.Len(t, conflictsOf(t, l.a), 1, "nothing resolved")
			assert.Equal(t, "Tokyo round (A)", meetingOf(t, l.a, id).Title)
		})
	}
}

// A record never exchanged by this Parley whose copies differ is a conflict: there is no
// earlier exchange to tell which side changed it.
func TestExchangeWithoutEarlierExchange(t *testing.T) {
	l := &laptops{}
	l.a, l.ca = newStore(t)
	l.w = buildWorld(t, l.a)
	l.b, l.cb = newStore(t)
	l.cb.step(time.Hour)
	// B got A's dossier in the old way: a bundle written without noting the export.
	importBytes(t, l.b, "old.json", bundleOf(t, l.a, exportTime))
	editMeeting(t, l.a, l.ca, l.w.tokyo.ID, func(m *Meeting) { m.Title = "Tokyo round (A)" })
	rep := importBytes(t, l.a, "old.json", bundleOf(t, l.b, exportTime))
	require.Len(t, rep.Conflicts, 1)
	assert.False(t, rep.Conflicts[0].Known)
	assert.Equal(t, 3, rep.Meetings.Unchanged, "the same version on both sides is no conflict")
}

// The fingerprint of a record does not change on its way through a bundle: exported, imported
// and read back it is the same, so an unchanged record is never mistaken for an edited one.
func TestContentDigestSurvivesABundle(t *testing.T) {
	ctx := context.Background()
	src, _ := newStore(t)
	richWorld(t, src)
	dst, _ := newStore(t)
	_, err := dst.ImportBundle(ctx, opener(bundleOf(t, src, exportTime)), nil)
	require.NoError(t, err)
	for kind, ops := range exchangeKinds {
		rows, err := src.db.QueryContext(ctx, `SELECT id FROM `+ops.table)
		require.NoError(t, err)
		var ids []string
		for rows.Next() {
			var id string
			require.NoError(t, rows.Scan(&id))
			ids = append(ids, id)
		}
		require.NoError(t, rows.Close())
		require.NotEmpty(t, ids, kind)
		for _, id := range ids {
			a, err := ops.load(ctx, src.db, id)
			require.NoError(t, err)
			b, err := ops.load(ctx, dst.db, id)
			require.NoError(t, err)
			da, err := contentDigest(a)
			require.NoError(t, err)
			db, err := contentDigest(b)
			require.NoError(t, err)
			assert.Equal(t, da, db, "%s %s", kind, id)
			diffs, err := differences(a, b)
			require.NoError(t, err)
			assert.Empty(t, diffs, "%s %s", kind, id)
		}
	}
}

// Two guards against taking a copy that only looks unchanged here: a conflict already pending
// (here exported since, which notes Parley's copy as exchanged), and a file older than the
// version last exchanged.
func TestExchangeGuards(t *testing.T) {
	for _, c := range []struct {
		name  string
		setup func(t *testing.T, l *laptops) []byte // the bundle that then comes to A
	}{
		{"a conflict pending, then an export", func(t *testing.T, l *laptops) []byte {
			editMeeting(t, l.a, l.ca, l.w.tokyo.ID, func(m *Meeting) { m.Title = "Tokyo round (A)" })
			editMeeting(t, l.b, l.cb, l.w.tokyo.ID, func(m *Meeting) { m.Title = "Tokyo round (B)" })
			fromB := exportNoted(t, l.b, "from-b.json")
			require.Len(t, importBytes(t, l.a, "from-b.json", fromB).Conflicts, 1)
			exportNoted(t, l.a, "elsewhere.json")
			return fromB
		}},
		{"an old file", func(t *testing.T, l *laptops) []byte {
			// B's edit is older than A's, which A exported since: B's file is stale.
			editMeeting(t, l.b, l.cb, l.w.tokyo.ID, func(m *Meeting) { m.Title = "Tokyo round (B)" })
			l.ca.step(2 * time.Hour)
			editMeeting(t, l.a, l.ca, l.w.tokyo.ID, func(m *Meeting) { m.Title = "Tokyo round (A)" })
			exportNoted(t, l.a, "elsewhere.json")
			return exportNoted(t, l.b, "from-b.json")
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			l := newLaptops(t)
			bundle := c.setup(t, l)
			rep := importBytes(t, l.a, "from-b.json", bundle)
			assert.Len(t, rep.Conflicts, 1, "a conflict, not the file's copy taken")
			assert.Equal(t, "Tokyo round (A)", meetingOf(t, l.a, l.w.tokyo.ID).Title)
			assert.Len(t, conflictsOf(t, l.a), 1)
		})
	}
}

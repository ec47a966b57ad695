//go:build sqlite_fts5

package storage

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// negotiate fills every negotiation part of the Tokyo round of w.
func negotiate(t *testing.T, s *Store, w *world) Meeting {
	t.Helper()
	m, err := s.Meeting(context.Background(), w.tokyo.ID)
	require.NoError(t, err)
	m.LinesToTake = []Line{{Text: "Japan seeks a solution acceptable to both sides", ToID: w.morgulov.ID}, {Text: "We welcome the Sochi momentum."}}
	m.TheirSide = []Ask{{Text: "Joint economic activity on the islands under Russian law", Response: "Only under a special regime prejudicing neither side's position."}}
	m.IfPressed = []string{"(OS) If pressed on 1956: the Declaration is one basis among the agreed documents."}
	m.LinesToAvoid = []string{"Do not mention sanctions relief."}
	m.PressLine = PressLine{Proactive: "Frank and useful talks.", Reactive: "We do not comment on the substance."}
	m.PressAccess = PressPool
	m.Agenda = []AgendaItem{{Item: "Opening remarks", At: "10:00", LeadID: w.harada.ID, Minutes: 15}, {Item: "Economic cooperation", At: "+15", Minutes: 60}}
	m.Choreography = []ChoreographyNote{{Kind: "arrival", Text: "Met at the door by the Director-General."}, {Kind: "gifts", Text: "None exchanged."}}
	m.InterpreterTeam = []Interpreter{{Who: "Two MOFA interpreters", Languages: "Japanese–Russian, consecutive"}}
	m.RecordTaker = "Second Secretary, Russia Division"
	m.Parameters = []Parameter{{Issue: "The four islands", OurInterests: "Sovereignty over all four.", TheirInterests: "Military access to the Pacific.",
		OurBATNA: "Continue the status quo.", TheirBATNA: "Status quo with economic projects.", Target: "Agreement on a process.",
		Reservation: "Nothing that concedes sovereignty.", ZOPA: "A process naming all four.", Options: "Joint economic activity.",
		Criteria: "The 1993 Tokyo Declaration.", Concessions: "Visa-free visits for former residents, for a named process."}}
	m.ParametersLevel = "SECRET"
	m.Record = Record{Date: PartialDate{Year: 2016, Month: 6, Day: 22}, Place: "Iikura Guest House", PresentIDs: []string{w.harada.ID, w.morgulov.ID},
		Subject: "Peace treaty consultations, round 2", Substance: "The sides reviewed the new approach.\n(OS) Morgulov hinted at flexibility.",
		Atmosphere: AtmospherePositive, AtmosphereWhy: "Businesslike; both sides kept to the agenda."}
	m.Commitments = []Commitment{
		{Side: "Japan", What: "Send a list of economic projects", Due: mustDate(t, "2016-08"), Status: CommitmentOpen},
		{ActorID: w.morgulov.ID, What: "Propose dates for round 3", Due: mustDate(t, "by 2016-07"), Status: CommitmentDone, ClosedByID: w.vladivostok.ID},
	}
	require.NoError(t, s.UpdateMeeting(context.Background(), &m))
	return m
}

func TestNegotiationPartsRoundTrip(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	m := negotiate(t, s, w)
	got, err := s.Meeting(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, m, got)

	hits, err := s.Search(ctx, "Military access", 5)
	require.NoError(t, err)
	require.NotEmpty(t, hits, "the parameters are searched")
	assert.Equal(t, m.ID, hits[0].ID)

	// A bundle carries them all, and a second export gives the same bytes.
	first := bundleOf(t, s, exportTime)
	d, err := ReadBundle(bytes.NewReader(first))
	require.NoError(t, err)
	dst, _ := newStore(t)
	_, err = dst.ImportDossier(ctx, d)
	require.NoError(t, err)
	moved, err := dst.Meeting(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, m, moved)
	assert.Equal(t, string(first), string(bundleOf(t, dst, exportTime)))

	// Deleting an actor clears what pointed at them and keeps the rest.
	require.NoError(t, s.DeleteActor(ctx, w.harada.ID))
	got, err = s.Meeting(ctx, m.ID)
	require.NoError(t, err)
	assert.Empty(t, got.Agenda[0].LeadID)
	assert.Equal(t, []string{w.morgulov.ID}, got.Record.PresentIDs)
}

func TestNegotiationValidation(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	tests := []struct {
		name  string
		edit  func(*Meeting)
		field string
	}{
		{"an empty ask", func(m *Meeting) { m.TheirSide = []Ask{{Response: "x"}} }, "their_side[0].text"},
		{"a line to nobody known", func(m *Meeting) { m.LinesToTake = []Line{{Text: "x", ToID: "ghost"}} }, "lines_to_take[0].to_id"},
		{"an unreadable start", func(m *Meeting) { m.Agenda = []AgendaItem{{Item: "x", At: "ten o'clock"}} }, "agenda[0].at"},
		{"an absurd duration", func(m *Meeting) { m.Agenda = []AgendaItem{{Item: "x", Minutes: 100000}} }, "agenda[0].minutes"},
		{"a kind of note", func(m *Meeting) { m.Choreography = []ChoreographyNote{{Kind: "dance", Text: "x"}} }, "choreography[0].kind"},
		{"a parameter without issue", func(m *Meeting) { m.Parameters = []Parameter{{Target: "x"}} }, "parameters[0].issue"},
		{"an atmosphere", func(m *Meeting) { m.Record.Atmosphere = "stormy" }, "record.atmosphere"},
		{"present twice", func(m *Meeting) { m.Record.PresentIDs = []string{w.harada.ID, w.harada.ID} }, "record.present_ids[1]"},
		{"a commitment by no one", func(m *Meeting) { m.Commitments = []Commitment{{What: "x", Status: CommitmentOpen}} }, "commitments[0].actor_id"},
		{"a stored overdue", func(m *Meeting) { m.Commitments = []Commitment{{Side: "Japan", What: "x", Status: CommitmentOverdue}} }, "commitments[0].status"},
		{"a press access", func(m *Meeting) { m.PressAccess = "half" }, "press_access"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := w.tokyo
			tt.edit(&m)
			ve := requireValidationError(t, s.UpdateMeeting(ctx, &m))
			assert.Equal(t, tt.field, ve.Field)
		})
	}
}

func TestCommitmentOverdue(t *testing.T) {
	now := time.Date(2016, 9, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		c    Commitment
		want CommitmentStatus
	}{
		{Commitment{Status: CommitmentOpen, Due: InMonth(2016, time.August)}, CommitmentOverdue},
		{Commitment{Status: CommitmentOpen, Due: InMonth(2016, time.September)}, CommitmentOpen},
		{Commitment{Status: CommitmentOpen}, CommitmentOpen},
		{Commitment{Status: CommitmentDone, Due: InYear(2015)}, CommitmentDone},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.c.StatusOn(now), tt.c.Due.String())
	}
}

func TestAgendaOffset(t *testing.T) {
	tests := []struct {
		at           string
		min          int
		clock, valid bool
	}{{"10:30", 630, true, true}, {"9:05", 545, true, true}, {"+45", 45, false, true}, {"25:00", 0, false, false}, {"", 0, false, false}}
	for _, tt := range tests {
		m, c, ok := AgendaItem{At: tt.at}.Offset()
		assert.Equal(t, []any{tt.min, tt.clock, tt.valid}, []any{m, c, ok}, tt.at)
	}
}

// A party's changed position goes to the dispute's history, dated; a fact keeps the day it
// was first recorded.
func TestPositionHistory(t *testing.T) {
	ctx := context.Background()
	s, clk := newStore(t)
	d := Dispute{Title: "Islands", Positions: []Position{{Party: "Japan", Text: "All four."}, {Party: "Russia", Text: "None."}},
		Facts: []KeyFact{{Label: "Population", Value: "About 20,000"}}}
	require.NoError(t, s.CreateDispute(ctx, &d))
	created := clk.t

	clk.step(24 * time.Hour)
	d.Positions = []Position{{Party: "Japan", Text: "All four."}, {Party: "Russia", Text: "Two, under the 1956 Declaration."}}
	d.Facts = append(d.Facts, KeyFact{Label: "Garrison", Value: "3,500"})
	require.NoError(t, s.UpdateDispute(ctx, &d))
	got, err := s.Dispute(ctx, d.ID)
	require.NoError(t, err)
	assert.Equal(t, created, got.Positions[0].Since, "an unchanged position keeps its date")
	assert.Equal(t, clk.t, got.Positions[1].Since)
	assert.Equal(t, []PastPosition{{Party: "Russia", Text: "None.", Since: created, Until: clk.t}}, got.PastPositions)
	assert.Equal(t, created, got.Facts[0].Added)
	assert.Equal(t, clk.t, got.Facts[1].Added)

	// Removing Japan's position keeps it too; what the edit says of the past is ignored.
	clk.step(24 * time.Hour)
	got.Positions = got.Positions[1:]
	got.PastPositions = nil
	require.NoError(t, s.UpdateDispute(ctx, &got))
	again, err := s.Dispute(ctx, d.ID)
	require.NoError(t, err)
	require.Len(t, again.PastPositions, 2)
	assert.Equal(t, PastPosition{Party: "Japan", Text: "All four.", Since: created, Until: clk.t}, again.PastPositions[1])
}

// A database made by Parley 0.1.0 (storage/testdata/parley-0.1.0.db: `parley init` of that
// release, the sample dossier) comes forward through every migration with nothing lost.
func TestMigrateA010Database(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "parley.db")
	src, err := os.Open(filepath.Join("testdata", "parley-0.1.0.db"))
	require.NoError(t, err)
	defer src.Close()
	dst, err := os.Create(path)
	require.NoError(t, err)
	_, err = io.Copy(dst, src)
	require.NoError(t, err)
	require.NoError(t, dst.Close())

	s, err := Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	assert.NotEmpty(t, s.UpgradeCopy(), "a copy of the 0.1.0 file is kept")
	d, err := s.Dossier(ctx)
	require.NoError(t, err)
	assert.Len(t, d.Meetings, 6)
	assert.Len(t, d.Actors, 6)
	assert.Len(t, d.Disputes, 1)
	assert.Len(t, d.Statements, 5)
	assert.Len(t, d.Sources, 3)
	var tokyo Meeting
	for _, m := range d.Meetings {
		if m.Round == 2 {
			tokyo = m
		}
	}
	require.NotEmpty(t, tokyo.ID)
	assert.Len(t, tokyo.LinesToTake, 5, "the 0.1.0 lines come forward as points to make")
	for _, l := range tokyo.LinesToTake {
		assert.NotEmpty(t, l.Text)
		assert.Empty(t, l.ToID)
	}
	assert.NotEmpty(t, tokyo.Objectives)
	assert.NotEmpty(t, tokyo.Participants)
	assert.True(t, tokyo.Record.IsZero())
	assert.Empty(t, d.Disputes[0].PastPositions)
	assert.NotEmpty(t, d.Disputes[0].Positions)
	rep, err := s.Verify(ctx)
	require.NoError(t, err)
	assert.True(t, rep.OK(), "%+v", rep)

	// And it takes the new parts.
	tokyo.Commitments = []Commitment{{Side: "Japan", What: "Send the list", Status: CommitmentOpen}}
	require.NoError(t, s.UpdateMeeting(ctx, &tokyo))
}

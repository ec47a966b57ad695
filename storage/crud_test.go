//go:build sqlite_fts5

package storage

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTrackCRUD(t *testing.T) {
	ctx := context.Background()
	s, clk := newStore(t)

	tr := Track{Title: "Japan–Russia peace treaty talks", Parties: []string{"Japan", "Russia"}, Summary: "Islands."}
	require.NoError(t, s.CreateTrack(ctx, &tr))
	assert.NotEmpty(t, tr.ID)
	assert.Equal(t, clk.t, tr.Created)
	assert.Equal(t, clk.t, tr.Updated)

	got, err := s.Track(ctx, tr.ID)
	require.NoError(t, err)
	assert.Equal(t, tr, got)

	clk.step(time.Hour)
	tr.Title = "Peace treaty talks"
	tr.Parties = []string{"Russia", "Japan", "observers"}
	tr.Created = time.Time{} // the stored Created wins
	require.NoError(t, s.UpdateTrack(ctx, &tr))
	got, err = s.Track(ctx, tr.ID)
	require.NoError(t, err)
	assert.Equal(t, "Peace treaty talks", got.Title)
	assert.Equal(t, []string{"Russia", "Japan", "observers"}, got.Parties)
	assert.Equal(t, clk.t.Add(-time.Hour), got.Created)
	assert.Equal(t, clk.t, got.Updated)
	assert.Equal(t, got, tr, "UpdateTrack hands back what it stored")

	other := Track{Title: "Arctic council"}
	require.NoError(t, s.CreateTrack(ctx, &other))
	all, err := s.Tracks(ctx)
	require.NoError(t, err)
	require.Len(t, all, 2)
	assert.Equal(t, "Arctic council", all[0].Title, "by title")

	require.NoError(t, s.DeleteTrack(ctx, tr.ID))
	_, err = s.Track(ctx, tr.ID)
	require.ErrorIs(t, err, ErrNotFound)
	assert.ErrorIs(t, s.DeleteTrack(ctx, tr.ID), ErrNotFound)
	missing := Track{ID: "nope", Title: "x"}
	assert.ErrorIs(t, s.UpdateTrack(ctx, &missing), ErrNotFound)
}

func TestDeleteTrackKeepsMeetings(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	counts, err := s.TrackMeetingCounts(ctx)
	require.NoError(t, err)
	ms, err := s.Meetings(ctx, MeetingFilter{TrackID: w.track.ID})
	require.NoError(t, err)
	assert.Equal(t, map[string]int{w.track.ID: len(ms)}, counts)
	require.NoError(t, s.DeleteTrack(ctx, w.track.ID))
	counts, err = s.TrackMeetingCounts(ctx)
	require.NoError(t, err)
	assert.Empty(t, counts, "a meeting without a track is counted in none")
	m, err := s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, "", m.TrackID)
}

func TestSourceCRUDAndCitations(t *testing.T) {
	ctx := context.Background()
	s, clk := newStore(t)
	w := buildWorld(t, s)

	got, err := s.Source(ctx, w.source.ID)
	require.NoError(t, err)
	assert.Equal(t, w.source.Title, got.Title)
	assert.Equal(t, "2016-06-20", got.Published.Text())

	clk.step(time.Minute)
	got.Reliability = "reliable"
	require.NoError(t, s.UpdateSource(ctx, &got))
	again, err := s.Source(ctx, got.ID)
	require.NoError(t, err)
	assert.Equal(t, "reliable", again.Reliability)
	assert.True(t, again.Updated.After(again.Created))

	require.NoError(t, s.ChangeMeetingStatus(ctx, w.visit.ID, StatusPostponed, "annexation of Crimea", w.source.ID))
	cites, err := s.CitationsOf(ctx, w.source.ID)
	require.NoError(t, err)
	kinds := map[string]string{}
	for _, c := range cites {
		kinds[c.Kind] = c.ID
	}
	assert.Equal(t, map[string]string{
		"statement":      w.quote.ID,
		"dispute fact":   w.dispute.ID,
		"timeline entry": w.dispute.ID,
		"status change":  w.visit.ID,
	}, kinds)

	err = s.DeleteSource(ctx, w.source.ID)
	require.ErrorIs(t, err, ErrInUse)
	assert.Contains(t, err.Error(), "4 records cite it")

	unused := Source{Title: "Press release"}
	require.NoError(t, s.CreateSource(ctx, &unused))
	require.NoError(t, s.DeleteSource(ctx, unused.ID))
	_, err = s.Source(ctx, unused.ID)
	assert.ErrorIs(t, err, ErrNotFound)
	_, err = s.CitationsOf(ctx, unused.ID)
	assert.ErrorIs(t, err, ErrNotFound)

	all, err := s.Sources(ctx)
	require.NoError(t, err)
	assert.Len(t, all, 1)
}

func TestActorCRUD(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)

	got, err := s.Actor(ctx, w.morgulov.ID)
	require.NoError(t, err)
	assert.Equal(t, "Игорь Моргулов", got.NativeName)
	assert.Equal(t, []string{"I. V. Morgulov"}, got.OtherNames)
	require.Len(t, got.Posts, 1)
	assert.Equal(t, PartialDate{Year: 2011, Month: 12}, got.Posts[0].From)
	assert.Equal(t, "2011-12", got.Posts[0].FromText)
	assert.Equal(t, "", got.Posts[0].ToText)
	assert.Equal(t, []string{"russia"}, got.Tags)

	png := []byte("\x89PNG\r\n\x1a\nrest-of-a-png")
	got.Photo = png
	got.Posts = append(got.Posts, Post{Title: "Ambassador", FromText: "2008", ToText: "2011-12"})
	require.NoError(t, s.UpdateActor(ctx, &got))
	again, err := s.Actor(ctx, got.ID)
	require.NoError(t, err)
	assert.Equal(t, png, again.Photo)
	require.Len(t, again.Posts, 2)
	assert.Equal(t, PartialDate{Year: 2008}, again.Posts[1].From, "FromText is read when From is zero")
	assert.Equal(t, PartialDate{Year: 2011, Month: 12}, again.Posts[1].To)

	all, err := s.Actors(ctx)
	require.NoError(t, err)
	names := []string{}
	for _, a := range all {
		names = append(names, a.Name)
	}
	assert.Equal(t, []string{"Chikahito Harada", "Fumio Kishida", "Igor Morgulov"}, names)

	rel, err := s.RelationsOf(ctx, w.harada.ID)
	require.NoError(t, err)
	assert.Equal(t, []RelationView{
		{Outgoing: true, Kind: "counterpart of", OtherID: w.morgulov.ID, OtherName: "Igor Morgulov"},
		{Outgoing: false, Kind: "superior of", OtherID: w.kishida.ID, OtherName: "Fumio Kishida"},
	}, rel)

	use, err := s.ActorUsage(ctx, w.morgulov.ID)
	require.NoError(t, err)
	assert.Equal(t, ActorUsage{Meetings: 1, Statements: 1, Relations: 1}, use)

	meetings, err := s.MeetingsOfActor(ctx, w.morgulov.ID)
	require.NoError(t, err)
	require.Len(t, meetings, 1)
	assert.Equal(t, w.tokyo.ID, meetings[0].ID)
}

func TestDeleteActorTakesParticipationsRelationsAndStatements(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)

	require.NoError(t, s.DeleteActor(ctx, w.morgulov.ID))
	_, err := s.Actor(ctx, w.morgulov.ID)
	require.ErrorIs(t, err, ErrNotFound)

	m, err := s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, []Participant{{ActorID: w.harada.ID, Role: RoleHead}}, m.Participants)

	h, err := s.Actor(ctx, w.harada.ID)
	require.NoError(t, err)
	assert.Empty(t, h.Relations)

	_, err = s.Statement(ctx, w.quote.ID)
	assert.ErrorIs(t, err, ErrNotFound)
	hits, err := s.Search(ctx, "dialogue", 10)
	require.NoError(t, err)
	assert.Empty(t, hits, "the statement left the index with its actor")
	_, err = s.ActorUsage(ctx, w.morgulov.ID)
	assert.ErrorIs(t, err, ErrNotFound)
}

func TestDisputeCRUD(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)

	got, err := s.Dispute(ctx, w.dispute.ID)
	require.NoError(t, err)
	assert.Equal(t, w.dispute.Names, got.Names)
	assert.Equal(t, w.dispute.Facts, got.Facts)
	assert.Equal(t, w.dispute.Positions, got.Positions)
	assert.Equal(t, []string{"Japan"}, got.Claimants)
	require.Len(t, got.Timeline, 1)
	assert.Equal(t, "1956-10-19", got.Timeline[0].When.Text())

	got.Facts = append([]KeyFact{{Label: "Islands", Value: "Etorofu, Kunashiri, Shikotan, Habomai"}}, got.Facts...)
	require.NoError(t, s.UpdateDispute(ctx, &got))
	again, err := s.Dispute(ctx, got.ID)
	require.NoError(t, err)
	require.Len(t, again.Facts, 2)
	assert.Equal(t, "Islands", again.Facts[0].Label, "facts keep their order")

	all, err := s.Disputes(ctx)
	require.NoError(t, err)
	assert.Len(t, all, 1)

	require.NoError(t, s.DeleteDispute(ctx, got.ID))
	m, err := s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Empty(t, m.DisputeIDs)
	st, err := s.Statement(ctx, w.quote.ID)
	require.NoError(t, err)
	assert.Equal(t, "", st.DisputeID)
}

func TestStatementCRUD(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)

	older := Statement{ActorID: w.morgulov.ID, Text: "Russia is open to talks.", When: mustDate(t, "2015-10")}
	require.NoError(t, s.CreateStatement(ctx, &older))
	undated := Statement{ActorID: w.morgulov.ID, Text: "No comment."}
	require.NoError(t, s.CreateStatement(ctx, &undated))
	other := Statement{ActorID: w.kishida.ID, Text: "We will persevere.", When: mustDate(t, "2016-05"), DisputeID: w.dispute.ID}
	require.NoError(t, s.CreateStatement(ctx, &other))

	got, err := s.Statement(ctx, w.quote.ID)
	require.NoError(t, err)
	assert.Equal(t, w.quote.Text, got.Text)
	assert.Equal(t, w.tokyo.ID, got.MeetingID)

	tests := []struct {
		name string
		f    StatementFilter
		want []string
	}{
		{"by actor, newest first, undated last", StatementFilter{ActorID: w.morgulov.ID}, []string{w.quote.ID, older.ID, undated.ID}},
		{"by meeting", StatementFilter{MeetingID: w.tokyo.ID}, []string{w.quote.ID}},
		{"by dispute", StatementFilter{DisputeID: w.dispute.ID}, []string{w.quote.ID, other.ID}},
		{"actor and dispute", StatementFilter{ActorID: w.kishida.ID, DisputeID: w.dispute.ID}, []string{other.ID}},
		{"everything", StatementFilter{}, []string{w.quote.ID, other.ID, older.ID, undated.ID}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, err := s.Statements(ctx, tt.f)
			require.NoError(t, err)
			var ids []string
			for _, st := range list {
				ids = append(ids, st.ID)
			}
			assert.Equal(t, tt.want, ids)
		})
	}

	got.Text = "We are ready to continue the dialogue on a peace treaty."
	require.NoError(t, s.UpdateStatement(ctx, &got))
	again, err := s.Statement(ctx, got.ID)
	require.NoError(t, err)
	assert.Equal(t, got.Text, again.Text)

	require.NoError(t, s.DeleteMeeting(ctx, w.tokyo.ID))
	again, err = s.Statement(ctx, got.ID)
	require.NoError(t, err)
	assert.Equal(t, "", again.MeetingID, "deleting the meeting clears the link")

	require.NoError(t, s.DeleteStatement(ctx, got.ID))
	_, err = s.Statement(ctx, got.ID)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.ErrorIs(t, s.DeleteStatement(ctx, got.ID), ErrNotFound)
}

func TestValidation(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)

	tests := []struct {
		name   string
		write  func() error
		field  string
		record string
	}{
		{"track without title", func() error { return s.CreateTrack(ctx, &Track{}) }, "title", "track"},
		{"track with blank party", func() error {
			return s.CreateTrack(ctx, &Track{Title: "T", Parties: []string{"Japan", " "}})
		}, "parties[1]", `track "T"`},
		{"source with impossible date", func() error {
			return s.CreateSource(ctx, &Source{Title: "S", Published: OnDay(2016, 2, 30)})
		}, "published", `source "S"`},
		{"actor without name", func() error { return s.CreateActor(ctx, &Actor{Kind: ActorPerson}) }, "name", "actor"},
		{"actor of unknown kind", func() error { return s.CreateActor(ctx, &Actor{Name: "X", Kind: "robot"}) }, "kind", `actor "X"`},
		{"actor related to nobody", func() error {
			return s.CreateActor(ctx, &Actor{Name: "X", Kind: ActorPerson, Relations: []Relation{{ActorID: "ghost", Kind: "aide of"}}})
		}, "relations[0].actor_id", `actor "X"`},
		{"actor related to themselves", func() error {
			a := w.harada
			a.Relations = []Relation{{ActorID: a.ID, Kind: "aide of"}}
			return s.UpdateActor(ctx, &a)
		}, "relations[0].actor_id", `actor "Chikahito Harada"`},
		{"post ending before it starts", func() error {
			return s.CreateActor(ctx, &Actor{Name: "X", Kind: ActorPerson, Posts: []Post{{Title: "Minister", FromText: "2016", ToText: "2012"}}})
		}, "posts[0].to", `actor "X"`},
		{"post with a bad date", func() error {
			return s.CreateActor(ctx, &Actor{Name: "X", Kind: ActorPerson, Posts: []Post{{Title: "Minister", FromText: "2016-13"}}})
		}, "posts[0].from", `actor "X"`},
		{"photo that is no picture", func() error {
			return s.CreateActor(ctx, &Actor{Name: "X", Kind: ActorPerson, Photo: []byte("GIF89a")})
		}, "photo", `actor "X"`},
		{"meeting without title", func() error { return s.CreateMeeting(ctx, &Meeting{Status: StatusProposed}) }, "title", "meeting"},
		{"meeting of unknown status", func() error { return s.CreateMeeting(ctx, &Meeting{Title: "M", Status: "maybe"}) }, "status", `meeting "M"`},
		{"meeting of unknown format", func() error {
			return s.CreateMeeting(ctx, &Meeting{Title: "M", Status: StatusHeld, Format: "picnic"})
		}, "format", `meeting "M"`},
		{"meeting on 2016-13-45", func() error {
			return s.CreateMeeting(ctx, &Meeting{Title: "M", Status: StatusHeld, When: FuzzyDate{Kind: DateDay, From: PartialDate{2016, 13, 45}}})
		}, "when", `meeting "M"`},
		{"meeting in an unknown zone", func() error {
			return s.CreateMeeting(ctx, &Meeting{Title: "M", Status: StatusHeld, When: FuzzyDate{Kind: DateExact, At: time.Now(), Zone: "Mars/Olympus"}})
		}, "when", `meeting "M"`},
		{"meeting with a range ending before it starts", func() error {
			return s.CreateMeeting(ctx, &Meeting{Title: "M", Status: StatusHeld, When: Between(PartialDate{2016, 9, 0}, PartialDate{2016, 8, 0})})
		}, "when", `meeting "M"`},
		{"meeting with unknown participant", func() error {
			return s.CreateMeeting(ctx, &Meeting{Title: "M", Status: StatusHeld, Participants: []Participant{{ActorID: "ghost", Role: RoleHead}}})
		}, "participants[0].actor_id", `meeting "M"`},
		{"meeting with unknown role", func() error {
			return s.CreateMeeting(ctx, &Meeting{Title: "M", Status: StatusHeld, Participants: []Participant{{ActorID: w.harada.ID, Role: "chef"}}})
		}, "participants[0].role", `meeting "M"`},
		{"meeting with a participant twice", func() error {
			return s.CreateMeeting(ctx, &Meeting{Title: "M", Status: StatusHeld, Participants: []Participant{
				{ActorID: w.harada.ID, Role: RoleHead}, {ActorID: w.harada.ID, Role: RoleMember}}})
		}, "participants[1].actor_id", `meeting "M"`},
		{"meeting with unknown dispute", func() error {
			return s.CreateMeeting(ctx, &Meeting{Title: "M", Status: StatusHeld, DisputeIDs: []string{"ghost"}})
		}, "dispute_ids[0]", `meeting "M"`},
		{"meeting in unknown track", func() error {
			return s.CreateMeeting(ctx, &Meeting{Title: "M", Status: StatusHeld, TrackID: "ghost"})
		}, "track_id", `meeting "M"`},
		{"meeting as its own previous round", func() error {
			m := w.tokyo
			m.PreviousRoundID = m.ID
			return s.UpdateMeeting(ctx, &m)
		}, "previous_round_id", `meeting "Tokyo round"`},
		{"meeting after an unknown round", func() error {
			return s.CreateMeeting(ctx, &Meeting{Title: "M", Status: StatusHeld, PreviousRoundID: "ghost"})
		}, "previous_round_id", `meeting "M"`},
		{"meeting with a negative round", func() error {
			return s.CreateMeeting(ctx, &Meeting{Title: "M", Status: StatusHeld, Round: -1})
		}, "round", `meeting "M"`},
		{"status change to nowhere", func() error {
			return s.ChangeMeetingStatus(ctx, w.tokyo.ID, "gone", "", "")
		}, "status", `meeting "Tokyo round"`},
		{"status change citing an unknown source", func() error {
			return s.ChangeMeetingStatus(ctx, w.tokyo.ID, StatusHeld, "", "ghost")
		}, "source_id", `meeting "Tokyo round"`},
		{"dispute without title", func() error { return s.CreateDispute(ctx, &Dispute{}) }, "title", "dispute"},
		{"dispute fact from unknown source", func() error {
			return s.CreateDispute(ctx, &Dispute{Title: "D", Facts: []KeyFact{{Label: "L", Value: "V", SourceID: "ghost"}}})
		}, "facts[0].source_id", `dispute "D"`},
		{"dispute event with bad date", func() error {
			return s.CreateDispute(ctx, &Dispute{Title: "D", Timeline: []Event{{When: FuzzyDate{Kind: DateMonth, From: PartialDate{2016, 2, 30}}, Text: "x"}}})
		}, "timeline[0].when", `dispute "D"`},
		{"statement without actor", func() error { return s.CreateStatement(ctx, &Statement{Text: "Hello"}) }, "actor_id", `statement "Hello"`},
		{"statement without text", func() error { return s.CreateStatement(ctx, &Statement{ActorID: w.harada.ID}) }, "text", "statement"},
		{"statement by unknown actor", func() error {
			return s.CreateStatement(ctx, &Statement{ActorID: "ghost", Text: "Hello"})
		}, "actor_id", `statement "Hello"`},
		{"statement at unknown meeting", func() error {
			return s.CreateStatement(ctx, &Statement{ActorID: w.harada.ID, Text: "Hello", MeetingID: "ghost"})
		}, "meeting_id", `statement "Hello"`},
	}
	before, err := s.Dossier(ctx)
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.write()
			ve := requireValidationError(t, err)
			assert.Equal(t, tt.field, ve.Field)
			assert.Contains(t, ve.Record, tt.record)
			assert.NotEmpty(t, ve.Reason)
		})
	}
	after, err := s.Dossier(ctx)
	require.NoError(t, err)
	assert.Equal(t, before, after, "refused writes change nothing")
}

func TestNotFound(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	tests := []struct {
		name string
		call func() error
	}{
		{"track", func() error { _, err := s.Track(ctx, "x"); return err }},
		{"meeting", func() error { _, err := s.Meeting(ctx, "x"); return err }},
		{"actor", func() error { _, err := s.Actor(ctx, "x"); return err }},
		{"dispute", func() error { _, err := s.Dispute(ctx, "x"); return err }},
		{"statement", func() error { _, err := s.Statement(ctx, "x"); return err }},
		{"source", func() error { _, err := s.Source(ctx, "x"); return err }},
		{"relations", func() error { _, err := s.RelationsOf(ctx, "x"); return err }},
		{"meetings of actor", func() error { _, err := s.MeetingsOfActor(ctx, "x"); return err }},
		{"calendar UID", func() error { _, err := s.MeetingByICalUID(ctx, "x@example.org"); return err }},
		{"status change", func() error { return s.ChangeMeetingStatus(ctx, "x", StatusHeld, "", "") }},
		{"update meeting", func() error { return s.UpdateMeeting(ctx, &Meeting{ID: "x", Title: "M", Status: StatusHeld}) }},
		{"update actor", func() error { return s.UpdateActor(ctx, &Actor{ID: "x", Name: "A", Kind: ActorPerson}) }},
		{"update dispute", func() error { return s.UpdateDispute(ctx, &Dispute{ID: "x", Title: "D"}) }},
		{"delete meeting", func() error { return s.DeleteMeeting(ctx, "x") }},
		{"delete actor", func() error { return s.DeleteActor(ctx, "x") }},
		{"delete dispute", func() error { return s.DeleteDispute(ctx, "x") }},
		{"delete source", func() error { return s.DeleteSource(ctx, "x") }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.ErrorIs(t, err, ErrNotFound)
			assert.Contains(t, err.Error(), "x")
		})
	}
}

// SourceTitles names every source as Sources does, in the same order (by title, any case,
// then ID), so that a drop-down built from either offers the same labels.
func TestSourceTitlesMatchSources(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	for _, title := range []string{"mofa.go.jp", "Kommersant", "kommersant", "Asahi Shimbun"} {
		src := Source{Title: title, Publisher: "p"}
		require.NoError(t, s.CreateSource(ctx, &src))
	}
	all, err := s.Sources(ctx)
	require.NoError(t, err)
	titles, err := s.SourceTitles(ctx)
	require.NoError(t, err)
	want := make([]SourceTitle, len(all))
	for i, src := range all {
		want[i] = SourceTitle{ID: src.ID, Title: src.Title}
	}
	assert.Equal(t, want, titles)
	assert.Equal(t, "Asahi Shimbun", titles[0].Title)
	assert.Equal(t, "mofa.go.jp", titles[3].Title)
}

// A Limit keeps the newest statements of the filter, in the order of the whole list, and
// StatementCount counts the whole list whatever the Limit.
func TestStatementsLimitKeepsTheNewest(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	for i := 1; i <= 5; i++ {
		st := Statement{ActorID: w.morgulov.ID, Text: fmt.Sprintf("statement %d", i),
			When: mustDate(t, fmt.Sprintf("2017-0%d", i)), DisputeID: w.dispute.ID}
		require.NoError(t, s.CreateStatement(ctx, &st))
	}
	f := StatementFilter{DisputeID: w.dispute.ID}
	all, err := s.Statements(ctx, f)
	require.NoError(t, err)
	require.Len(t, all, 6) // the world's quote and these five
	for _, tc := range []struct {
		limit, want int
	}{{0, 6}, {2, 2}, {6, 6}, {10, 6}} {
		f.Limit = tc.limit
		got, err := s.Statements(ctx, f)
		require.NoError(t, err)
		assert.Equal(t, all[:tc.want], got, "limit %d", tc.limit)
		n, err := s.StatementCount(ctx, f)
		require.NoError(t, err)
		assert.Equal(t, 6, n, "limit %d", tc.limit)
	}
	assert.Equal(t, "statement 5", all[0].Text)
	n, err := s.StatementCount(ctx, StatementFilter{ActorID: w.morgulov.ID, MeetingID: w.tokyo.ID})
	require.NoError(t, err)
	assert.Equal(t, 1, n)
}

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

// trashWorld is the small world with every kind of link filled in: the Tokyo round's
// negotiation parts (a point addressed to Morgulov, an agenda item Harada leads, both present,
// a commitment of Morgulov's closed at Vladivostok), a status change citing the source, an
// issued pack, a second statement, and a source nothing cites.
func trashWorld(t *testing.T) (*Store, *world, Source) {
	t.Helper()
	ctx := context.Background()
	s, c := newStore(t)
	w := buildWorld(t, s)
	negotiate(t, s, w)
	c.step(time.Hour)
	require.NoError(t, s.ChangeMeetingStatus(ctx, w.tokyo.ID, StatusPostponed, "Moscow asked for time", w.source.ID))
	_, err := s.IssuePack(ctx, PackIssue{MeetingID: w.tokyo.ID, UpTo: "OFFICIAL"}, false,
		func(PackIssue, []PackIssue) ([]IssuedItem, error) {
			return []IssuedItem{{Part: "Lines to take", Text: "We seek a treaty."}}, nil
		})
	require.NoError(t, err)
	second := Statement{ActorID: w.morgulov.ID, Text: "The islands are Russian territory.", When: mustDate(t, "2016-05"),
		DisputeID: w.dispute.ID}
	require.NoError(t, s.CreateStatement(ctx, &second))
	unused := Source{Title: "Kommersant interview", Publisher: "Kommersant", Published: mustDate(t, "2016-04")}
	require.NoError(t, s.CreateSource(ctx, &unused))
	c.step(time.Hour)
	return s, w, unused
}

// exported is the whole dossier as a bundle, at a fixed export time.
func exported(t *testing.T, s *Store) []byte {
	t.Helper()
	var b bytes.Buffer
	_, err := s.ExportBundle(context.Background(), &b, time.Date(2016, 7, 1, 0, 0, 0, 0, time.UTC), nil)
	require.NoError(t, err)
	return b.Bytes()
}

func hitIDs(t *testing.T, s *Store, q string) []string {
	t.Helper()
	hits, err := s.Search(context.Background(), q, 50)
	require.NoError(t, err)
	var ids []string
	for _, h := range hits {
		ids = append(ids, h.ID)
	}
	return ids
}

func TestTrashDeleteAndRestoreEachKind(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name   string
		kind   string
		id     func(*world, Source) string
		search string // a word only the deleted record (or what went with it) holds
		with   string
		gone   func(t *testing.T, s *Store, w *world, id string)
	}{
		{"meeting", kindMeeting, func(w *world, _ Source) string { return w.tokyo.ID }, "Iikura",
			"with 2 participants, 2 status changes, 1 issued pack and 1 statement made there",
			func(t *testing.T, s *Store, w *world, id string) {
				ms, err := s.Meetings(ctx, MeetingFilter{})
				require.NoError(t, err)
				for _, m := range ms {
					assert.NotEqual(t, id, m.ID)
				}
				issues, err := s.PackIssues(ctx, id)
				require.NoError(t, err)
				assert.Empty(t, issues, "its pack issues went with it")
				q, err := s.Statement(ctx, w.quote.ID)
				require.NoError(t, err)
				assert.Empty(t, q.MeetingID)
			}},
		{"earlier round", kindMeeting, func(w *world, _ Source) string { return w.moscow.ID }, "Moscow",
			"with 1 status change and 1 later round",
			func(t *testing.T, s *Store, w *world, id string) {
				m, err := s.Meeting(ctx, w.tokyo.ID)
				require.NoError(t, err)
				assert.Empty(t, m.PreviousRoundID)
			}},
		{"meeting that closed a commitment", kindMeeting, func(w *world, _ Source) string { return w.vladivostok.ID }, "Vladivostok",
			"with 1 status change and 1 commitment closed there",
			func(t *testing.T, s *Store, w *world, id string) {
				m, err := s.Meeting(ctx, w.tokyo.ID)
				require.NoError(t, err)
				assert.Empty(t, m.Commitments[1].ClosedByID)
			}},
		{"actor", kindActor, func(w *world, _ Source) string { return w.morgulov.ID }, "Моргулов",
			"with 2 statements, 1 place in a meeting, 1 presence in a record of conversation, 1 relationship, 1 point addressed to them and 1 commitment they made",
			func(t *testing.T, s *Store, w *world, id string) {
				as, err := s.Actors(ctx)
				require.NoError(t, err)
				for _, a := range as {
					assert.NotEqual(t, id, a.ID)
				}
				b, err := s.Briefing(ctx, w.tokyo.ID)
				require.NoError(t, err)
				for _, p := range b.Participants {
					assert.NotEqual(t, id, p.ActorID, "the pack no longer lists them")
				}
				assert.Empty(t, b.RecentStatements, "nor their statements")
				m, err := s.Meeting(ctx, w.tokyo.ID)
				require.NoError(t, err)
				assert.Equal(t, "Igor Morgulov", m.Commitments[1].Side, "their commitment still says who made it")
			}},
		{"dispute", kindDispute, func(w *world, _ Source) string { return w.dispute.ID }, "Южные",
			"with 1 meeting linked to it and 2 statements about it",
			func(t *testing.T, s *Store, w *world, id string) {
				b, err := s.Briefing(ctx, w.tokyo.ID)
				require.NoError(t, err)
				assert.Empty(t, b.Disputes, "the pack has no fact sheet")
			}},
		{"source", kindSource, func(_ *world, u Source) string { return u.ID }, "Kommersant", "",
			func(t *testing.T, s *Store, w *world, id string) {
				_, err := s.Source(ctx, id)
				require.ErrorIs(t, err, ErrNotFound)
			}},
		{"track", kindTrack, func(w *world, _ Source) string { return w.track.ID }, "islands", "with 4 meetings of the track",
			func(t *testing.T, s *Store, w *world, id string) {
				m, err := s.Meeting(ctx, w.tokyo.ID)
				require.NoError(t, err)
				assert.Empty(t, m.TrackID)
			}},
		{"statement", kindStatement, func(w *world, _ Source) string { return w.quote.ID }, "dialogue", "",
			func(t *testing.T, s *Store, w *world, id string) {
				_, err := s.Statement(ctx, id)
				require.ErrorIs(t, err, ErrNotFound)
			}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, w, unused := trashWorld(t)
			id := tc.id(w, unused)
			before, err := s.Dossier(ctx)
			require.NoError(t, err)
			bundle := exported(t, s)
			require.Contains(t, hitIDs(t, s, tc.search), id)

			item, err := s.MoveToTrash(ctx, tc.kind, id)
			require.NoError(t, err)
			assert.Equal(t, tc.with, item.WithText())
			assert.NotContains(t, hitIDs(t, s, tc.search), id, "gone from search")
			assert.NotContains(t, string(exported(t, s)), id, "gone from the bundle")
			tc.gone(t, s, w, id)
			listed, err := s.TrashItems(ctx)
			require.NoError(t, err)
			require.Len(t, listed, 1)
			assert.Equal(t, item, listed[0])
			rep, err := s.Verify(ctx)
			require.NoError(t, err)
			assert.True(t, rep.OK(), "the dossier is whole without it: %+v", rep)

			back, err := s.RestoreFromTrash(ctx, item.ID)
			require.NoError(t, err)
			assert.Empty(t, back.LeftOut)
			after, err := s.Dossier(ctx)
			require.NoError(t, err)
			assert.Equal(t, before, after, "everything is as before, links included")
			assert.Equal(t, bundle, exported(t, s))
			assert.Contains(t, hitIDs(t, s, tc.search), id, "found again")
			listed, err = s.TrashItems(ctx)
			require.NoError(t, err)
			assert.Empty(t, listed)
			rep, err = s.Verify(ctx)
			require.NoError(t, err)
			assert.True(t, rep.OK(), "%+v", rep)
		})
	}
}

func TestTrashRestoreWhenLinkedRecordsWentSince(t *testing.T) {
	ctx := context.Background()
	s, w, _ := trashWorld(t)
	tokyo, err := s.MoveToTrash(ctx, kindMeeting, w.tokyo.ID)
	require.NoError(t, err)
	_, err = s.MoveToTrash(ctx, kindActor, w.morgulov.ID)
	require.NoError(t, err)
	dispute, err := s.MoveToTrash(ctx, kindDispute, w.dispute.ID)
	require.NoError(t, err)
	require.NoError(t, s.DeleteForGood(ctx, dispute.ID))

	rep, err := s.RestoreFromTrash(ctx, tokyo.ID)
	require.NoError(t, err, "what can come back does")
	assert.Equal(t, []string{
		"the participant “Igor Morgulov” (in the trash)",
		"the link to the dispute “Kuril Islands dispute” (no longer in the dossier)",
		"the addressee “Igor Morgulov” of a point to make (in the trash)",
		"“Igor Morgulov” among those present (in the trash)",
		"“Igor Morgulov” as the one who made a commitment (in the trash)",
		"the link from the statement “We are ready to continue the dialogue.” (in the trash)",
	}, rep.LeftOut)
	assert.Contains(t, rep.String(), "Restored the meeting “Tokyo round”, without the participant “Igor Morgulov” (in the trash); ")
	m, err := s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, []Participant{{ActorID: w.harada.ID, Role: RoleHead}}, m.Participants)
	assert.Empty(t, m.DisputeIDs)
	assert.Equal(t, []string{w.harada.ID}, m.Record.PresentIDs)
	assert.Equal(t, "Igor Morgulov", m.Commitments[1].Side, "the commitment still says who made it")
	assert.Empty(t, m.Commitments[1].ActorID)
	assert.Equal(t, w.vladivostok.ID, m.Commitments[1].ClosedByID)
	assert.Equal(t, w.harada.ID, m.Agenda[0].LeadID)
	assert.Equal(t, w.moscow.ID, m.PreviousRoundID)
	assert.Equal(t, w.track.ID, m.TrackID)
	issues, err := s.PackIssues(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Len(t, issues, 1)
}

func TestTrashRestoreOutOfOrder(t *testing.T) {
	ctx := context.Background()
	s, w, _ := trashWorld(t)
	actor, err := s.MoveToTrash(ctx, kindActor, w.morgulov.ID)
	require.NoError(t, err)
	tokyo, err := s.MoveToTrash(ctx, kindMeeting, w.tokyo.ID)
	require.NoError(t, err)

	rep, err := s.RestoreFromTrash(ctx, actor.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{
		"the link to the meeting “Tokyo round” (in the trash)",
		"their place among the participants of “Tokyo round” (in the trash)",
		"their place among those present at “Tokyo round” (in the trash)",
		"a point to make at “Tokyo round” addressed to them (in the trash)",
		"a commitment they made at “Tokyo round” (in the trash)",
	}, rep.LeftOut, "their statement at Tokyo comes back unlinked, the relationship with Harada comes back")
	rel, err := s.RelationsOf(ctx, w.morgulov.ID)
	require.NoError(t, err)
	assert.Len(t, rel, 1)

	rep, err = s.RestoreFromTrash(ctx, tokyo.ID)
	require.NoError(t, err)
	assert.Empty(t, rep.LeftOut, "the meeting was deleted after the actor: it never held them")
}

func TestTrashUndoInReverseOrderRestoresEverything(t *testing.T) {
	ctx := context.Background()
	s, w, unused := trashWorld(t)
	before, err := s.Dossier(ctx)
	require.NoError(t, err)
	var items []TrashItem
	for _, del := range []struct{ kind, id string }{
		{kindStatement, w.quote.ID}, {kindDispute, w.dispute.ID}, {kindActor, w.morgulov.ID},
		{kindMeeting, w.tokyo.ID}, {kindTrack, w.track.ID}, {kindSource, unused.ID}, {kindActor, w.harada.ID},
	} {
		item, err := s.MoveToTrash(ctx, del.kind, del.id)
		require.NoError(t, err, "%s %s", del.kind, del.id)
		items = append(items, item)
	}
	listed, err := s.TrashItems(ctx)
	require.NoError(t, err)
	require.Len(t, listed, len(items))
	assert.Equal(t, items[len(items)-1], listed[0], "the latest deletion first")
	for i := len(items) - 1; i >= 0; i-- {
		rep, err := s.RestoreFromTrash(ctx, items[i].ID)
		require.NoError(t, err)
		assert.Empty(t, rep.LeftOut, "%s", items[i].Label())
	}
	after, err := s.Dossier(ctx)
	require.NoError(t, err)
	assert.Equal(t, before, after)
}

func TestTrashRefusesWhole(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name  string
		setup func(t *testing.T, s *Store, w *world) TrashItem
		want  string
	}{
		{"its ID is taken again", func(t *testing.T, s *Store, w *world) TrashItem {
			d, err := s.Dossier(ctx)
			require.NoError(t, err)
			item, err := s.MoveToTrash(ctx, kindMeeting, w.tokyo.ID)
			require.NoError(t, err)
			_, err = s.ImportDossier(ctx, d) // the bundle brings the meeting back
			require.NoError(t, err)
			return item
		}, "the meeting “Tokyo round” cannot come back: a meeting with the same ID is in the dossier again"},
		{"a statement's speaker is gone", func(t *testing.T, s *Store, w *world) TrashItem {
			item, err := s.MoveToTrash(ctx, kindStatement, w.quote.ID)
			require.NoError(t, err)
			_, err = s.MoveToTrash(ctx, kindActor, w.morgulov.ID)
			require.NoError(t, err)
			return item
		}, "cannot come back without its speaker “Igor Morgulov”, who is in the trash"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, w, _ := trashWorld(t)
			item := tc.setup(t, s, w)
			before := exported(t, s)
			_, err := s.RestoreFromTrash(ctx, item.ID)
			require.ErrorIs(t, err, ErrCannotRestore)
			assert.Contains(t, err.Error(), tc.want)
			assert.Equal(t, before, exported(t, s), "nothing changed")
			_, err = s.TrashItem(ctx, item.ID)
			assert.NoError(t, err, "it stays in the trash")
		})
	}
}

func TestTrashDeleteForGoodAndEmpty(t *testing.T) {
	ctx := context.Background()
	s, w, unused := trashWorld(t)
	a, err := s.MoveToTrash(ctx, kindSource, unused.ID)
	require.NoError(t, err)
	b, err := s.MoveToTrash(ctx, kindMeeting, w.visit.ID)
	require.NoError(t, err)
	c, err := s.MoveToTrash(ctx, kindStatement, w.quote.ID)
	require.NoError(t, err)

	require.NoError(t, s.DeleteForGood(ctx, b.ID))
	_, err = s.RestoreFromTrash(ctx, b.ID)
	require.ErrorIs(t, err, ErrNotFound, "gone for good")
	require.ErrorIs(t, s.DeleteForGood(ctx, b.ID), ErrNotFound)
	listed, err := s.TrashItems(ctx)
	require.NoError(t, err)
	assert.Equal(t, []TrashItem{c, a}, listed)

	n, err := s.EmptyTrash(ctx)
	require.NoError(t, err)
	assert.Equal(t, 2, n)
	listed, err = s.TrashItems(ctx)
	require.NoError(t, err)
	assert.Empty(t, listed)
	_, err = s.Meeting(ctx, w.visit.ID)
	require.ErrorIs(t, err, ErrNotFound)
}

// A failure in the middle of a deletion or a restore leaves the dossier and the trash as they
// were: a trigger makes the last step fail.
func TestTrashStepsAreOneTransaction(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name    string
		restore bool // the Tokyo round is in the trash first
		trigger string
		act     func(s *Store, w *world, item TrashItem) error
	}{
		{"delete fails after the snapshot is stored", false, `CREATE TRIGGER fail BEFORE DELETE ON meetings BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`,
			func(s *Store, w *world, _ TrashItem) error {
				_, err := s.MoveToTrash(ctx, kindMeeting, w.tokyo.ID)
				return err
			}},
		{"restore fails after the meeting is back", true, `CREATE TRIGGER fail BEFORE INSERT ON meeting_disputes BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`,
			func(s *Store, _ *world, item TrashItem) error { _, err := s.RestoreFromTrash(ctx, item.ID); return err }},
		{"restore fails while the links go back", true, `CREATE TRIGGER fail BEFORE UPDATE OF meeting_id ON statements BEGIN SELECT RAISE(ABORT, 'disk trouble'); END`,
			func(s *Store, _ *world, item TrashItem) error { _, err := s.RestoreFromTrash(ctx, item.ID); return err }},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, w, _ := trashWorld(t)
			var item TrashItem
			if tc.restore {
				var err error
				item, err = s.MoveToTrash(ctx, kindMeeting, w.tokyo.ID)
				require.NoError(t, err)
			}
			_, err := s.db.ExecContext(ctx, tc.trigger)
			require.NoError(t, err)
			before := exported(t, s)
			trash, err := s.TrashItems(ctx)
			require.NoError(t, err)

			err = tc.act(s, w, item)
			require.Error(t, err)
			assert.Contains(t, err.Error(), "disk trouble")
			assert.Equal(t, before, exported(t, s), "the dossier is as it was")
			after, err := s.TrashItems(ctx)
			require.NoError(t, err)
			assert.Equal(t, trash, after, "the trash is as it was")
		})
	}
}

func TestCountSame(t *testing.T) {
	cases := []struct{ in, want []string }{
		{nil, nil},
		{[]string{"a", "b"}, []string{"a", "b"}},
		{[]string{"the lead “M” of an agenda item (in the trash)", "b", "the lead “M” of an agenda item (in the trash)"},
			[]string{"the lead “M” of an agenda item (in the trash), 2 times", "b"}},
	}
	for _, tc := range cases {
		assert.Equal(t, tc.want, countSame(tc.in))
	}
}

// The rows that pointed at a restored record go back where they were, or as near as the owner
// allows after edits; a row edited so that it is not found again is named.
func TestTrashRestoreIntoRecordsEditedSince(t *testing.T) {
	ctx := context.Background()
	s, w, _ := trashWorld(t)
	item, err := s.MoveToTrash(ctx, kindActor, w.morgulov.ID)
	require.NoError(t, err)
	m, err := s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	require.Equal(t, []Participant{{ActorID: w.harada.ID, Role: RoleHead}}, m.Participants)
	m.Participants = nil                                               // Morgulov was second; now the list is empty
	m.LinesToTake[0].Text = "Japan seeks a solution acceptable to all" // the point addressed to him, reworded
	require.NoError(t, s.UpdateMeeting(ctx, &m))

	rep, err := s.RestoreFromTrash(ctx, item.ID)
	require.NoError(t, err)
	assert.Equal(t, []string{"a point to make at “Tokyo round” addressed to them (changed since)"}, rep.LeftOut)
	m, err = s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, []Participant{{ActorID: w.morgulov.ID, Role: RoleCounterpart}}, m.Participants, "at the end of the shorter list")
	assert.Empty(t, m.LinesToTake[0].ToID)
	assert.Equal(t, w.morgulov.ID, m.Commitments[1].ActorID)
	assert.Empty(t, m.Commitments[1].Side, "the side holds his name only while he is in the trash")
}

// TestTrashRestoreIndexesByTitle deletes a record of each kind, restores it, and searches for
// it by its title: the restored record is in the search index again, and the index is whole.
func TestTrashRestoreIndexesByTitle(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct {
		kind, title string
		id          func(t *testing.T, s *Store, w *world) string
	}{
		{kindMeeting, "Tokyo round", func(_ *testing.T, _ *Store, w *world) string { return w.tokyo.ID }},
		{kindActor, "Morgulov", func(_ *testing.T, _ *Store, w *world) string { return w.morgulov.ID }},
		{kindDispute, "Kuril Islands dispute", func(_ *testing.T, _ *Store, w *world) string { return w.dispute.ID }},
		{kindSource, "Kommersant interview", func(t *testing.T, s *Store, _ *world) string {
			src := Source{Title: "Kommersant interview", Publisher: "Kommersant", Published: mustDate(t, "2016-04")}
			require.NoError(t, s.CreateSource(ctx, &src)) // a source nothing cites, which may be deleted
			return src.ID
		}},
		{kindStatement, "Statement by", func(_ *testing.T, _ *Store, w *world) string { return w.quote.ID }},
		{kindTrack, "Japan–Russia peace treaty talks", func(_ *testing.T, _ *Store, w *world) string { return w.track.ID }},
	} {
		t.Run(c.kind, func(t *testing.T) {
			s, w := newWorld(t)
			id := c.id(t, s, w)
			require.Contains(t, hitIDs(t, s, c.title), id)
			item, err := s.MoveToTrash(ctx, c.kind, id)
			require.NoError(t, err)
			require.NotContains(t, hitIDs(t, s, c.title), id)
			_, err = s.RestoreFromTrash(ctx, item.ID)
			require.NoError(t, err)
			assert.Contains(t, hitIDs(t, s, c.title), id, "found by its title again")
			rep, err := s.Verify(ctx)
			require.NoError(t, err)
			assert.True(t, rep.OK(), "%+v", rep)
		})
	}
}

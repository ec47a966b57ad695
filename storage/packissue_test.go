//go:build sqlite_fts5

package storage

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIssuePackNumbersVersionsAndAddenda(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	items := []IssuedItem{{Part: "Lines to take", Text: "We seek a treaty."}}
	issue := func(addendum bool) (PackIssue, []PackIssue, error) {
		var before []PackIssue
		p, err := s.IssuePack(ctx, PackIssue{MeetingID: w.tokyo.ID, UpTo: "OFFICIAL", Copies: 3}, addendum,
			func(p PackIssue, earlier []PackIssue) ([]IssuedItem, error) {
				before = earlier
				return items, nil
			})
		return p, before, err
	}

	_, _, err := issue(true)
	require.ErrorIs(t, err, ErrNothingToAmend, "no addendum before a first version")

	labels := []string{}
	for _, addendum := range []bool{false, false, true, true, false} {
		p, _, err := issue(addendum)
		require.NoError(t, err)
		labels = append(labels, p.Label())
	}
	assert.Equal(t, []string{"version 1", "version 2", "addendum 1 to version 2", "addendum 2 to version 2", "version 3"}, labels)

	all, err := s.PackIssues(ctx, w.tokyo.ID)
	require.NoError(t, err)
	require.Len(t, all, 5)
	assert.Equal(t, items, all[0].Items)
	assert.Equal(t, 3, all[0].Copies)
	assert.Equal(t, "OFFICIAL", all[0].UpTo)
	assert.Equal(t, time.Date(2016, 6, 20, 9, 0, 0, 0, time.UTC), all[0].Issued)

	// A write that fails takes no number.
	boom := errors.New("disk gone")
	_, err = s.IssuePack(ctx, PackIssue{MeetingID: w.tokyo.ID}, false, func(PackIssue, []PackIssue) ([]IssuedItem, error) { return nil, boom })
	require.ErrorIs(t, err, boom)
	p, before, err := issue(false)
	require.NoError(t, err)
	assert.Equal(t, "version 4", p.Label())
	assert.Len(t, before, 5, "the writer sees the issues before it")

	_, err = s.IssuePack(ctx, PackIssue{MeetingID: "nope"}, false, func(PackIssue, []PackIssue) ([]IssuedItem, error) { return nil, nil })
	assert.ErrorIs(t, err, ErrNotFound)

	// The registry goes with its meeting.
	require.NoError(t, s.DeleteMeeting(ctx, w.tokyo.ID))
	all, err = s.PackIssues(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Empty(t, all)
}

func TestBriefControlValidation(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	tests := []struct {
		name  string
		brief BriefControl
		field string
	}{
		{"cleared before drafted", BriefControl{Drafted: PartialDate{Year: 2016, Month: 6, Day: 10}, Cleared: PartialDate{Year: 2016, Month: 5}}, "brief.cleared"},
		{"a date that does not exist", BriefControl{Drafted: PartialDate{Year: 2016, Month: 2, Day: 30}}, "brief.drafted"},
		{"two lines in one recipient", BriefControl{Distribution: []string{"Embassy\nTokyo"}}, "brief.distribution[0]"},
		{"an empty recipient", BriefControl{Distribution: []string{"Embassy Tokyo", " "}}, "brief.distribution[1]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := w.tokyo
			m.Brief = tt.brief
			ve := requireValidationError(t, s.UpdateMeeting(ctx, &m))
			assert.Equal(t, tt.field, ve.Field)
		})
	}
	m := w.tokyo
	m.Brief = BriefControl{Reference: "EAD/JPN/2016/014", Drafted: PartialDate{Year: 2016, Month: 6}, Cleared: PartialDate{Year: 2016, Month: 6, Day: 1}}
	require.NoError(t, s.UpdateMeeting(ctx, &m), "cleared within the month it was drafted")
	got, err := s.Meeting(ctx, m.ID)
	require.NoError(t, err)
	assert.Equal(t, m.Brief, got.Brief)

	ve := requireValidationError(t, s.ChangeMeetingStatusOn(ctx, m.ID, StatusPostponed, "", "", PartialDate{Year: 2016, Month: 13}))
	assert.Equal(t, "happened", ve.Field)
}

func TestChangesBetween(t *testing.T) {
	v1 := []IssuedItem{{"Date and time", "Jun 2016"}, {"Lines to take", "A."}, {"Lines to take", "B."}, {"Questions", "Q1"}}
	v2 := []IssuedItem{{"Date and time", "Wed 22 Jun 2016"}, {"Lines to take", "A."}, {"Lines to take", "C."}, {"Objectives", "New aim."}}
	assert.Equal(t, []PartChanges{
		{Part: "Date and time", Added: []string{"Wed 22 Jun 2016"}, Removed: []string{"Jun 2016"}},
		{Part: "Lines to take", Added: []string{"C."}, Removed: []string{"B."}},
		{Part: "Objectives", Added: []string{"New aim."}},
		{Part: "Questions", Removed: []string{"Q1"}},
	}, ChangesBetween(v1, v2))
	assert.Nil(t, ChangesBetween(v1, v1))
}

func TestSetSettingsIsOneTransaction(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	require.NoError(t, s.SetSettings(ctx, map[string]string{"marking": "OFFICIAL", "levels": "OFFICIAL (O)\nSECRET (S)"}))
	v, err := s.Setting(ctx, "levels")
	require.NoError(t, err)
	assert.Equal(t, "OFFICIAL (O)\nSECRET (S)", v)
	require.Error(t, s.SetSettings(ctx, map[string]string{"marking": "SECRET", " ": "x"}))
	v, err = s.Setting(ctx, "marking")
	require.NoError(t, err)
	assert.Equal(t, "OFFICIAL", v, "a refused set changes nothing")
	require.NoError(t, s.SetSettings(ctx, map[string]string{"levels": ""}), "an empty value removes the setting")
	v, err = s.Setting(ctx, "levels")
	require.NoError(t, err)
	assert.Empty(t, v)
}

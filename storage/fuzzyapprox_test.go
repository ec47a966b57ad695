package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// "c. 2016" is kept with a meeting's date: stored (when_approx), listed, carried by the status
// history and bundles, printed with its "c.", and refused where Parley cannot keep it.
func TestApproximateMeetingDate(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	for _, tc := range []struct {
		typed, shown, json string
	}{
		{"c. 2016", "c. 2016", `{"date":"2016","precision":"year","approximate":true}`},
		{"about June 2016", "c. Jun 2016", `{"date":"2016-06","precision":"month","approximate":true}`},
		{"around 2015–2017", "c. 2015 – 2017", `{"date":"2015/2017","qualifier":"range","approximate":true}`},
	} {
		t.Run(tc.typed, func(t *testing.T) {
			when, err := ParseFuzzyDate(tc.typed)
			require.NoError(t, err)
			m := w.visit
			m.When = when
			require.NoError(t, s.UpdateMeeting(ctx, &m))
			got, err := s.Meeting(ctx, m.ID)
			require.NoError(t, err)
			assert.True(t, got.When.Approx)
			assert.Equal(t, tc.shown, got.When.String())
			assert.Equal(t, when.Lower(), got.When.Lower(), "the bounds are the period's")
			ms, err := s.Meetings(ctx, MeetingFilter{Text: "Putin visit"})
			require.NoError(t, err)
			require.Len(t, ms, 1)
			assert.Equal(t, tc.shown, ms[0].WhenText(), "lists print the c.")

			b, err := json.Marshal(got.When)
			require.NoError(t, err)
			assert.JSONEq(t, tc.json, string(b))
			again, err := ParseFuzzyDate(got.When.String())
			require.NoError(t, err, "what Parley prints reads back")
			assert.Equal(t, got.When, again)
		})
	}

	// Postponed from an approximate date: the status history keeps the date as it stood.
	m, err := s.Meeting(ctx, w.visit.ID)
	require.NoError(t, err)
	m.When, m.Status = mustDate(t, "by 2018"), StatusPostponed
	require.NoError(t, s.UpdateMeeting(ctx, &m))
	ms, err := s.Meetings(ctx, MeetingFilter{Text: "Putin visit"})
	require.NoError(t, err)
	require.Len(t, ms, 1)
	assert.Equal(t, "by end of 2018 (postponed — was c. 2015 – 2017)", ms[0].WhenText())

	// A bundle carries it.
	d, err := s.Dossier(ctx)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, WriteBundle(&buf, d, time.Date(2016, 6, 20, 0, 0, 0, 0, time.UTC)))
	assert.Contains(t, buf.String(), `"approximate": true`)
	back, err := ReadBundle(&buf)
	require.NoError(t, err)
	for _, bm := range back.Meetings {
		if bm.ID == w.visit.ID {
			assert.True(t, bm.StatusHistory[len(bm.StatusHistory)-1].When.Approx)
		}
	}

	// Only meetings keep it; elsewhere it is refused with a sentence, not dropped.
	st := w.quote
	st.When = mustDate(t, "c. 2016")
	err = s.UpdateStatement(ctx, &st)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "only a meeting's date can be approximate")
	var f FuzzyDate
	assert.Error(t, json.Unmarshal([]byte(`{"date":"2016-06-22","precision":"day","approximate":true}`), &f))
}

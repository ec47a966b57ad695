package preflight

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/parley-app/parley/storage"
)

var now = time.Date(2016, 6, 20, 9, 0, 0, 0, time.UTC)

func texts(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Importance.String()+": "+f.Text)
	}
	return out
}

func TestATitleOnlyMeetingListsWhatIsMissing(t *testing.T) {
	b := &storage.Briefing{Meeting: storage.Meeting{Title: "Round 3", Status: storage.StatusProposed}}
	assert.Equal(t, []string{
		"essential: No objectives: say what the delegation wants from the meeting.",
		"essential: No points to make.",
		"essential: No participants: name who is on each side.",
		"important: The meeting has no date yet.",
		"important: Nothing on their side: their objectives and what they are likely to ask.",
		"important: No press line: what we say publicly afterwards.",
		"advisable: No anticipated questions.",
		"advisable: No scenario: a timed agenda with who speaks first.",
	}, texts(Check(b, now)))
}

func TestCheckFindings(t *testing.T) {
	ready := func() *storage.Briefing {
		return &storage.Briefing{
			Meeting: storage.Meeting{Title: "Tokyo round", Status: storage.StatusScheduled, When: storage.OnDay(2016, time.June, 22),
				Objectives: []string{"Agree a work programme."}, LinesToTake: storage.Lines("We seek a treaty."), IfPressed: []string{"Stages, not two."},
				TheirSide: []storage.Ask{{Text: "Joint activity"}}, PressLine: storage.PressLine{Proactive: "Useful talks."},
				Questions: []storage.QA{{Question: "Two?"}}, Agenda: []storage.AgendaItem{{Item: "Opening"}}},
			Participants: []storage.BriefParticipant{{Participant: storage.Participant{ActorID: "a", Role: storage.RoleHead},
				Actor: storage.Actor{Name: "Chikahito Harada", Biography: "Diplomat.", Pronunciation: "hah-RAH-dah", Title: "Ambassador", Updated: now}}},
		}
	}
	assert.Empty(t, Check(ready(), now), "a prepared brief passes")

	tests := []struct {
		name string
		edit func(*storage.Briefing)
		want string
	}{
		{"a principal without profile", func(b *storage.Briefing) { b.Participants[0].Actor.Biography = "" },
			"important: Chikahito Harada (head of delegation) has no profile: add a biography and their stance."},
		{"a principal without pronunciation", func(b *storage.Briefing) { b.Participants[0].Actor.Pronunciation = "" },
			"important: No pronunciation for Chikahito Harada."},
		{"a stale title", func(b *storage.Briefing) { b.Participants[0].Actor.Updated = now.AddDate(-2, 0, 0) },
			"important: Chikahito Harada's title (“Ambassador”) was last checked on 20 Jun 2014: confirm it still holds."},
		{"an unsourced fact", func(b *storage.Briefing) {
			b.Disputes = []storage.Dispute{{Title: "Kurils", Facts: []storage.KeyFact{{Label: "Population", Value: "20,000"}}}}
		}, "important: The key fact “Population” on Kurils has no source."},
		{"no press line", func(b *storage.Briefing) { b.Meeting.PressLine = storage.PressLine{} },
			"important: No press line: what we say publicly afterwards."},
		{"no reservation point", func(b *storage.Briefing) {
			b.Meeting.Parameters = []storage.Parameter{{Issue: "The islands", Target: "All four"}}
		},
			"essential: The parameters on “The islands” give no reservation point: the point below which we walk away."},
		{"a commitment due before", func(b *storage.Briefing) {
			b.OpenCommitments = []storage.OpenCommitment{{Commitment: storage.Commitment{ActorID: "a", What: "Send the list", Due: storage.InMonth(2016, time.March), Status: storage.CommitmentOpen}, MeetingTitle: "Moscow round"}}
		}, "important: Still open, due Mar 2016: Chikahito Harada — Send the list (from Moscow round)."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := ready()
			tt.edit(b)
			assert.Equal(t, []string{tt.want}, texts(Check(b, now)))
		})
	}

	// A held meeting is not asked for what only matters before it.
	held := &storage.Briefing{Meeting: storage.Meeting{Title: "Moscow round", Status: storage.StatusHeld, When: storage.InMonth(2015, time.October),
		Objectives: []string{"x"}}, Participants: ready().Participants}
	assert.Empty(t, Check(held, now))
}

func TestShort(t *testing.T) {
	fs := Check(&storage.Briefing{Meeting: storage.Meeting{Title: "x", Status: storage.StatusProposed}}, now)
	s := Short(fs, 3)
	assert.Len(t, s, 4)
	assert.Equal(t, "… and 5 more (parley check lists them all).", s[3])
	assert.Len(t, Short(fs[:2], 3), 2)
}

package handling

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

func TestParseLevels(t *testing.T) {
	tests := []struct {
		name, text string
		want       []Level
		err        string
	}{
		{"default", Default.LevelsText(), Default.Levels, ""},
		{"blank lines and spaces", "\n  RESTRICTED (R)  \n\nCONFIDENTIAL (C)\n", []Level{{"RESTRICTED", "R"}, {"CONFIDENTIAL", "C"}}, ""},
		{"brackets in the name", "FOR (OFFICIAL) USE (FOU)", []Level{{"FOR (OFFICIAL) USE", "FOU"}}, ""},
		{"no abbreviation", "OFFICIAL", nil, "line 1"},
		{"empty abbreviation", "OFFICIAL ()", nil, "both be given"},
		{"two words", "OFFICIAL (O S)", nil, "one word"},
		{"twice", "SECRET (S)\nSENSITIVE (S)", nil, `"S" is already used by line 1`},
		{"none", "\n \n", nil, "at least one level"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLevels(tt.text)
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestPortion(t *testing.T) {
	tests := []struct {
		text  string
		level int
		rest  string
	}{
		{"(OS) Hold the line on the 1956 declaration.", 1, "Hold the line on the 1956 declaration."},
		{"(os) lower case", 1, "lower case"},
		{"(SECRET) by name", 2, "by name"},
		{"  (S) leading spaces", 2, "leading spaces"},
		{"(S)", 2, ""},
		{"(S)he said no.", None, "(S)he said no."},
		{"(TS) not a level of this scheme", None, "(TS) not a level of this scheme"},
		{"No mark (OS) in the middle", None, "No mark (OS) in the middle"},
		{"(unclosed", None, "(unclosed"},
		{"", None, ""},
	}
	for _, tt := range tests {
		lv, rest := Default.Portion(tt.text)
		assert.Equal(t, tt.level, lv, tt.text)
		assert.Equal(t, tt.rest, rest, tt.text)
	}
}

func TestMarkingAndBanner(t *testing.T) {
	tests := []struct {
		marking string
		level   int // of the marking
		page    int // highest level on the page
		banner  string
	}{
		{"OFFICIAL-SENSITIVE", 1, None, "OFFICIAL-SENSITIVE"},
		{"OFFICIAL-SENSITIVE — UK EYES ONLY", 1, 2, "SECRET — UK EYES ONLY"},
		{"official   uk eyes only", 0, 1, "OFFICIAL-SENSITIVE uk eyes only"},
		{"OFFICIAL", 0, 0, "OFFICIAL"},
		{"OFFICIALLY YOURS", None, None, "OFFICIALLY YOURS"},
		{"PERSONAL FOR THE AMBASSADOR", None, 1, "OFFICIAL-SENSITIVE PERSONAL FOR THE AMBASSADOR"},
		{"SECRET", 2, 1, "SECRET"},
		{"", None, 2, "SECRET"},
	}
	for _, tt := range tests {
		m := Default.ParseMarking(tt.marking)
		assert.Equal(t, tt.level, m.Level, tt.marking)
		assert.Equal(t, tt.banner, Default.Banner(m, tt.page), tt.marking)
	}
}

func TestCheckUpTo(t *testing.T) {
	os := Default.ParseMarking("OFFICIAL-SENSITIVE")
	require.Error(t, Default.CheckUpTo(os, 0))
	assert.Contains(t, Default.CheckUpTo(os, 0).Error(), "marked OFFICIAL-SENSITIVE as a whole")
	assert.NoError(t, Default.CheckUpTo(os, 1))
	assert.NoError(t, Default.CheckUpTo(os, None))
	assert.NoError(t, Default.CheckUpTo(Default.ParseMarking("PERSONAL FOR"), 0))
}

func briefing() *storage.Briefing {
	return &storage.Briefing{
		Meeting: storage.Meeting{
			Title:       "Tokyo round",
			Objectives:  []string{"Agree the agenda.", "(OS) Test their flexibility on the two islands.", "(s) Secret aim."},
			LinesToTake: storage.Lines("(O) We seek a treaty.", "(OS) Do not concede the 1956 text."),
			Questions: []storage.QA{{Question: "Will you return them?", Answer: "(S) Our fallback."},
				{Question: "And the 1956 text?", Answer: "It stands.\n(os) If pressed: stages."}},
			Background: "Open paragraph.\n(OS) Sensitive paragraph.\nAnother open one.",
		},
		Participants: []storage.BriefParticipant{{
			Participant: storage.Participant{ActorID: "a", Role: storage.RoleHead},
			Actor:       storage.Actor{Name: "Igor Morgulov", Stance: "(SECRET) Private stance.\nPublic stance."},
			Statements:  []storage.Statement{{Text: "(OS) Said in private."}, {Text: "Said in public."}},
		}},
		Disputes: []storage.Dispute{{
			Title:     "Kuril Islands",
			Facts:     []storage.KeyFact{{Label: "Population", Value: "About 20,000"}, {Label: "(S) Garrison", Value: "3,500"}},
			Positions: []storage.Position{{Party: "Japan", Text: "(OS) Would accept two first."}},
		}},
		RecentStatements: []storage.Statement{{Text: "(S) Leak."}},
	}
}

func TestAudience(t *testing.T) {
	b := briefing()
	whole := Default.Audience(b, Default.ParseMarking("OFFICIAL"), None)
	assert.Equal(t, 0, whole.LeftOut)
	assert.Equal(t, 2, whole.Highest)
	assert.Equal(t, "(S) Secret aim.", whole.Briefing.Meeting.Objectives[2], "marks are written canonically")
	assert.Equal(t, "It stands.\n(OS) If pressed: stages.", whole.Briefing.Meeting.Questions[1].Answer, "on every line")

	cut := Default.Audience(b, Default.ParseMarking("OFFICIAL"), 0)
	got := cut.Briefing
	assert.Equal(t, []string{"Agree the agenda."}, got.Meeting.Objectives)
	assert.Equal(t, storage.Lines("(O) We seek a treaty."), got.Meeting.LinesToTake)
	assert.Empty(t, got.Meeting.Questions, "an answer's mark takes its question with it")
	assert.Equal(t, "Open paragraph.\nAnother open one.", got.Meeting.Background)
	assert.Equal(t, "Public stance.", got.Participants[0].Actor.Stance)
	assert.Equal(t, []storage.Statement{{Text: "Said in public."}}, got.Participants[0].Statements)
	assert.Equal(t, []storage.KeyFact{{Label: "Population", Value: "About 20,000"}}, got.Disputes[0].Facts)
	assert.Empty(t, got.Disputes[0].Positions)
	assert.Empty(t, got.RecentStatements)
	assert.Equal(t, 11, cut.LeftOut)
	assert.Equal(t, 0, cut.Highest)

	// Nothing above OFFICIAL anywhere in the cut briefing, and the original is untouched.
	for _, it := range cut.Items {
		for _, w := range []string{"(OS)", "(os)", "(S)", "(SECRET)", "Secret aim", "Garrison", "Leak", "stages"} {
			assert.NotContains(t, it.Text, w, it.Part)
		}
	}
	assert.Len(t, b.Meeting.Objectives, 3)
	assert.Equal(t, "(s) Secret aim.", b.Meeting.Objectives[2])
	assert.True(t, strings.HasPrefix(b.Participants[0].Actor.Stance, "(SECRET)"))

	// Under an OFFICIAL-SENSITIVE marking, unmarked items are OFFICIAL-SENSITIVE: an
	// OFFICIAL-SENSITIVE audience keeps them, and the highest level is at least the marking's.
	os := Default.Audience(b, Default.ParseMarking("OFFICIAL-SENSITIVE"), 1)
	assert.Equal(t, 1, os.Highest)
	assert.Equal(t, []string{"Agree the agenda.", "(OS) Test their flexibility on the two islands."}, os.Briefing.Meeting.Objectives)
}

func TestMeetingFor(t *testing.T) {
	m := briefing().Meeting
	m.Purpose = "Open purpose.\n(OS) Sensitive purpose."
	whole, banner, left := Default.MeetingFor(m, Default.ParseMarking("OFFICIAL — UK EYES ONLY"), None)
	assert.Equal(t, "SECRET — UK EYES ONLY", banner, "the event is marked by its most sensitive item")
	assert.Equal(t, 0, left)
	assert.Equal(t, m.Purpose, whole.Purpose)

	cut, banner, left := Default.MeetingFor(m, Default.ParseMarking("OFFICIAL — UK EYES ONLY"), 0)
	assert.Equal(t, "OFFICIAL — UK EYES ONLY", banner)
	assert.Equal(t, "Open purpose.", cut.Purpose)
	assert.Equal(t, 7, left) // a purpose paragraph, 2 objectives, a line, 2 questions, a background paragraph
	assert.Len(t, m.Objectives, 3, "the meeting given is not changed")
}

// What the briefing works out from the records is cut with them, and not counted twice.
func TestAudienceCutsWhatIsWorkedOut(t *testing.T) {
	b := briefing()
	secret := storage.Statement{Text: "(S) Said in private at the last round."}
	b.SinceLastRound = &storage.RoundChanges{Statements: []storage.Statement{secret, {Text: "Public."}},
		Positions: []storage.PositionChange{{Party: "Japan", Was: "All four.", Now: "(OS) Two first."}}}
	b.OpenCommitments = []storage.OpenCommitment{{Commitment: storage.Commitment{What: "(OS) Send the fallback text."}}}
	b.Participants[0].LastMet = &storage.LastMet{Meeting: storage.Meeting{Outcome: "(S) Deadlock."}, Statements: []storage.Statement{secret}}
	b.PreviousRound = storage.Meeting{Record: storage.Record{Substance: "Open.\n(OS) In the margins."}, Commitments: []storage.Commitment{{What: "(S) x"}}}
	b.TrackMeetings = []storage.Meeting{b.PreviousRound}
	before := Default.Audience(briefing(), Default.ParseMarking("OFFICIAL"), 0).LeftOut
	cut := Default.Audience(b, Default.ParseMarking("OFFICIAL"), 0)
	assert.Equal(t, before, cut.LeftOut, "not counted again")
	assert.Equal(t, []storage.Statement{{Text: "Public."}}, cut.Briefing.SinceLastRound.Statements)
	assert.Empty(t, cut.Briefing.SinceLastRound.Positions)
	assert.Empty(t, cut.Briefing.OpenCommitments)
	assert.Empty(t, cut.Briefing.Participants[0].LastMet.Meeting.Outcome)
	assert.Empty(t, cut.Briefing.Participants[0].LastMet.Statements)
	assert.Equal(t, "Open.", cut.Briefing.PreviousRound.Record.Substance)
	assert.Empty(t, cut.Briefing.PreviousRound.Commitments)
	assert.Equal(t, "Open.", cut.Briefing.TrackMeetings[0].Record.Substance)
	assert.Len(t, b.SinceLastRound.Statements, 2, "the original is not changed")
	assert.Len(t, b.PreviousRound.Commitments, 1)
}

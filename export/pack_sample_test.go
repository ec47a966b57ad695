package export

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
)

// sampleBriefing loads the sample dossier into a fresh database and gathers the briefing of
// one of its meetings.
func sampleBriefing(t *testing.T, meetingID string) *storage.Briefing {
	t.Helper()
	ctx := context.Background()
	b, err := sampletest.Store(t).Briefing(ctx, meetingID)
	require.NoError(t, err)
	return b
}

// The acceptance test of the briefing pack: the sample's Tokyo round, checked by its text.
func TestPackSampleTokyoRound(t *testing.T) {
	b := sampleBriefing(t, sample.TokyoRoundID)
	path := draftPack(t, b)
	checkValid(t, path)
	txt := pdfText(t, path)
	pages := checkPageNumbers(t, path, txt)
	assert.Greater(t, pages, 4)
	for _, want := range []string{
		// Every section heading, in a pack where the sample fills them all.
		"Contents", titlePurpose, titleLines, titleQuestions, titleParticipants, titleDisputes,
		titleHistory, titleStatements, titleSources,
		// The negotiation's sections: the sample fills them too.
		titleTheirSide, "If pressed", titlePress, titleScenario, titleSince, titleOpen, titleAnnex,
		// Names in Latin, Cyrillic and Japanese.
		"Chikahito Harada", "Igor Morgulov", "Моргулов", "原田親仁", "北方領土", "Южные Курилы",
		// The cover.
		sample.Marking, "Round 2, after Moscow, October 2015", "Wednesday 22 June 2016", "Europe/London",
		// The history of the track shows the 2014 visit postponed, and the new date.
		"Crimea", "date then: 2014", "by end of 2016",
		// Kishida's hopes for the talks, among the recent statements.
		"forward-looking",
		// The fact sheet lists the other meetings on the dispute.
		titleDisputeMeetings,
	} {
		assert.Contains(t, txt, want)
	}
	assert.NotContains(t, txt, "Not prepared")
	assert.NotContains(t, txt, "not shown", "the sample has no script the pack cannot print")
	checkNoOrphanedHeadings(t, txt)
}

// Every meeting of the sample exports a valid pack.
func TestPackSampleEveryMeeting(t *testing.T) {
	for _, id := range []string{sample.MoscowRoundID, sample.MayAgreementID, sample.NaryshkinAbeID, sample.VladivostokID, sample.PutinVisitID} {
		t.Run(id, func(t *testing.T) {
			path := writePackFile(t, sampleBriefing(t, id), PackOptions{HomeZone: london(t), PreparedOn: fixedClock})
			checkValid(t, path)
			checkPageNumbers(t, path, pdfText(t, path))
		})
	}
}

//go:build sqlite_fts5

package storage

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// clock is a fixed, steppable clock for tests.
type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func (c *clock) step(d time.Duration) { c.t = c.t.Add(d) }

// newStore opens a fresh database in a folder of its own (tempDir) with a fixed clock.
func newStore(t *testing.T) (*Store, *clock) {
	t.Helper()
	s, err := Open(context.Background(), filepath.Join(tempDir(t), "parley.db"))
	require.NoError(t, err)
	t.Cleanup(func() { s.Close() })
	c := &clock{t: time.Date(2016, 6, 20, 9, 0, 0, 0, time.UTC)}
	s.SetClock(c.now)
	return s, c
}

// newWorld opens a fresh store holding the small world of buildWorld.
func newWorld(t *testing.T) (*Store, *world) {
	t.Helper()
	s, _ := newStore(t)
	return s, buildWorld(t, s)
}

// requireValidationError stops the test unless err is (or wraps) a *ValidationError, and
// returns it.
func requireValidationError(t *testing.T, err error) *ValidationError {
	t.Helper()
	var ve *ValidationError
	require.True(t, errors.As(err, &ve), "want a *ValidationError, got %v", err)
	return ve
}

func fileSum(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// world is a small dossier of the Japan–Russia talks, made through the Store's API.
type world struct {
	track                             Track
	source                            Source
	morgulov, harada, kishida         Actor
	dispute                           Dispute
	moscow, tokyo, vladivostok, visit Meeting
	quote                             Statement
}

func mustDate(t testing.TB, s string) FuzzyDate {
	t.Helper()
	f, err := ParseFuzzyDate(s)
	require.NoError(t, err)
	return f
}

func buildWorld(t testing.TB, s *Store) *world {
	t.Helper()
	ctx := context.Background()
	w := &world{}
	w.track = Track{Title: "Japan–Russia peace treaty talks", Parties: []string{"Japan", "Russia"},
		Summary: "Talks on a peace treaty and the islands."}
	require.NoError(t, s.CreateTrack(ctx, &w.track))
	w.source = Source{Title: "Japan and Russia to hold talks in Tokyo", Publisher: "The Japan Times",
		Published: mustDate(t, "2016-06-20"), Reference: "https://example.org/article", Reliability: "newspaper"}
	require.NoError(t, s.CreateSource(ctx, &w.source))
	w.morgulov = Actor{Kind: ActorPerson, Name: "Igor Morgulov", NativeName: "Игорь Моргулов",
		OtherNames: []string{"I. V. Morgulov"}, Country: "Russia", Organisation: "Ministry of Foreign Affairs",
		Title: "Deputy Foreign Minister", Posts: []Post{{Title: "Deputy Foreign Minister",
			Organisation: "MFA of Russia", From: PartialDate{Year: 2011, Month: 12}}}, Tags: []string{"russia"}}
	require.NoError(t, s.CreateActor(ctx, &w.morgulov))
	w.harada = Actor{Kind: ActorPerson, Name: "Chikahito Harada", NativeName: "原田親仁", Country: "Japan",
		Title:     "Ambassador in charge of Japan–Russia relations",
		Relations: []Relation{{ActorID: w.morgulov.ID, Kind: "counterpart of"}}}
	require.NoError(t, s.CreateActor(ctx, &w.harada))
	w.kishida = Actor{Kind: ActorPerson, Name: "Fumio Kishida", NativeName: "岸田文雄", Country: "Japan",
		Title: "Minister for Foreign Affairs", Relations: []Relation{{ActorID: w.harada.ID, Kind: "superior of"}}}
	require.NoError(t, s.CreateActor(ctx, &w.kishida))
	w.dispute = Dispute{Title: "Kuril Islands dispute",
		Names: []PlaceName{
			{Party: "Japan", Name: "Northern Territories", Language: "ja", Native: "北方領土"},
			{Party: "Russia", Name: "Southern Kurils", Language: "ru", Native: "Южные Курилы"},
		},
		Administrator: "Russia", Claimants: []string{"Japan"},
		Summary:   "Four islands held by Russia since 1945 and claimed by Japan.",
		Facts:     []KeyFact{{Label: "Peace treaty", Value: "none since 1945", SourceID: w.source.ID}},
		Positions: []Position{{Party: "Japan", Text: "The islands are inherent Japanese territory."}},
		Timeline:  []Event{{When: mustDate(t, "1956-10-19"), Text: "Joint Declaration", SourceID: w.source.ID}},
	}
	require.NoError(t, s.CreateDispute(ctx, &w.dispute))
	w.moscow = Meeting{TrackID: w.track.ID, Title: "Moscow round", Format: FormatViceMinisterial,
		Status: StatusHeld, When: mustDate(t, "2015-10"), City: "Moscow", Country: "Russia", Round: 1}
	require.NoError(t, s.CreateMeeting(ctx, &w.moscow))
	w.tokyo = Meeting{TrackID: w.track.ID, Title: "Tokyo round", Format: FormatViceMinisterial,
		Status: StatusScheduled, When: mustDate(t, "2016-06-22 10:00 Asia/Tokyo"), DurationMinutes: 180,
		Venue: "Iikura Guest House", City: "Tokyo", Country: "Japan", Round: 2, PreviousRoundID: w.moscow.ID,
		Purpose: "Continue the talks on a peace treaty.", Objectives: []string{"Agree the agenda for Vladivostok"},
		LinesToTake:  Lines("Japan seeks a solution acceptable to both sides"),
		Questions:    []QA{{Question: "Will the islands be discussed?", Answer: "All issues are on the table."}},
		Participants: []Participant{{ActorID: w.harada.ID, Role: RoleHead}, {ActorID: w.morgulov.ID, Role: RoleCounterpart}},
		DisputeIDs:   []string{w.dispute.ID}, Tags: []string{"round"}}
	require.NoError(t, s.CreateMeeting(ctx, &w.tokyo))
	w.vladivostok = Meeting{TrackID: w.track.ID, Title: "Abe–Putin meeting at the Eastern Economic Forum",
		Format: FormatSummit, Status: StatusProposed, When: mustDate(t, "2016-09"), City: "Vladivostok"}
	require.NoError(t, s.CreateMeeting(ctx, &w.vladivostok))
	w.visit = Meeting{TrackID: w.track.ID, Title: "Putin visit to Japan", Format: FormatVisit,
		Status: StatusScheduled, When: mustDate(t, "2014"), Country: "Japan"}
	require.NoError(t, s.CreateMeeting(ctx, &w.visit))
	w.quote = Statement{ActorID: w.morgulov.ID, Text: "We are ready to continue the dialogue.",
		When: mustDate(t, "2016-06-22"), Occasion: "Tokyo", MeetingID: w.tokyo.ID, DisputeID: w.dispute.ID,
		SourceID: w.source.ID}
	require.NoError(t, s.CreateStatement(ctx, &w.quote))
	return w
}

// Package sample holds Parley's built-in sample dossier: the Japan–Russia peace treaty talks as
// they stood in the week of 20 June 2016, when a news report announced the second round of
// vice-ministerial consultations in Tokyo.
//
// The dossier is written in the project's own words from that report: names, dates, facts and a
// few short, attributed quotes carry over; the report's sentences do not. A handful of
// well-known public facts (the four islands, the 1956 Joint Declaration, the leaders' posts) fill
// in the background, each citing a source that says where it comes from. The Tokyo round's
// briefing material (objectives, lines to take, questions) is invented for illustration and
// every such text says so with the prefix "[Illustrative] " (after its portion mark, "(OS)",
// where it has one: the sample shows handling marks at work, its dossier marked OFFICIAL).
package sample

import (
	"context"
	"fmt"
	"time"
	// The sample's meeting times are given in Asia/Tokyo; embedding the zone database makes the
	// sample valid on machines without one (Windows).
	_ "time/tzdata"

	"github.com/parley-app/parley/storage"
)

// Illustrative prefixes text that a delegation would write but that no source reports.
const Illustrative = "[Illustrative] "

// Marking is the protective marking the sample dossier carries in its settings.
const Marking = "OFFICIAL — SAMPLE"

// compiled is when the sample dossier was put together: the Monday of the week the report
// appeared, in Tokyo. Every record's Created and Updated time is this instant, so that importing
// the sample into a dossier that already holds it changes nothing.
var compiled = time.Date(2016, time.June, 20, 9, 0, 0, 0, tokyo())

// Dossier returns a fresh copy of the sample dossier; callers may change it freely.
func Dossier() *storage.Dossier {
	return &storage.Dossier{
		Tracks:     []storage.Track{track()},
		Sources:    sources(),
		Actors:     actors(),
		Disputes:   []storage.Dispute{dispute()},
		Meetings:   meetings(),
		Statements: statements(),
		Settings:   map[string]string{"marking": Marking},
	}
}

// Load imports the sample dossier into s. Records of the sample already in s are left as they
// are (they are not newer), so loading twice is harmless.
func Load(ctx context.Context, s *storage.Store) error {
	if _, err := s.ImportDossier(ctx, Dossier()); err != nil {
		return fmt.Errorf("load sample dossier: %w", err)
	}
	return nil
}

func track() storage.Track {
	return storage.Track{
		ID:      TrackID,
		Title:   "Japan–Russia peace treaty talks",
		Parties: []string{"Japan", "Russia"},
		Summary: "More than seventy years after the Second World War, Japan and Russia have still " +
			"not concluded a peace treaty, because they disagree over four islands that Russia " +
			"holds and Japan claims. Since October 2015 senior officials of the two foreign " +
			"ministries have met in vice-ministerial consultations on the treaty; the leaders " +
			"agreed in May 2016 to look for a \u201cnew approach\u201d, and a meeting of the leaders " +
			"in Vladivostok and a visit by President Putin to Japan are being prepared for the " +
			"second half of 2016.",
		Created: compiled,
		Updated: compiled,
	}
}

// tokyo is the Asia/Tokyo zone. time/tzdata is linked in, so loading it cannot fail; the fixed
// offset is a fallback that keeps the function total (Japan has kept +09:00 since 1951).
func tokyo() *time.Location {
	loc, err := time.LoadLocation("Asia/Tokyo")
	if err != nil {
		return time.FixedZone("JST", 9*60*60)
	}
	return loc
}

// inTokyo is an exact meeting time on Tokyo's clock.
func inTokyo(y int, m time.Month, d, hour, min int) storage.FuzzyDate {
	return storage.FuzzyDate{
		Kind: storage.DateExact,
		At:   time.Date(y, m, d, hour, min, 0, 0, tokyo()),
		Zone: "Asia/Tokyo",
	}
}

func day(y int, m time.Month, d int) storage.PartialDate {
	return storage.PartialDate{Year: y, Month: m, Day: d}
}

func month(y int, m time.Month) storage.PartialDate {
	return storage.PartialDate{Year: y, Month: m}
}

func year(y int) storage.PartialDate { return storage.PartialDate{Year: y} }

// post is one position an actor held; a zero from or to means it is not recorded (from) or the
// post is still held (to).
func post(title, org string, from, to storage.PartialDate) storage.Post {
	return storage.Post{
		Title:        title,
		Organisation: org,
		From:         from,
		To:           to,
		FromText:     from.ISO(),
		ToText:       to.ISO(),
	}
}

// recorded is the instant the n-th entry of a status history was written down: the sample was
// compiled in one sitting, so its histories are a minute apart, in order.
func recorded(n int) time.Time { return compiled.Add(time.Duration(n) * time.Minute) }

package sample

import (
	"time"

	"github.com/parley-app/parley/storage"
)

// statements are the remarks the report attributes. Where the report gives no day, the date is
// "by 21 Jun 2016": said no later than the report appeared.
func statements() []storage.Statement {
	reported := storage.By(day(2016, time.June, 21))
	visit := "Visit to Tokyo as chairman of the State Duma, June 2016"
	s := []storage.Statement{
		{
			ID:      KishidaHopeStatementID,
			ActorID: KishidaID,
			Text: "On the coming Harada–Morgulov round in Tokyo: \u201cI hope for forward-looking " +
				"and fruitful discussions.\u201d",
			When:      reported,
			Occasion:  "Announcing the Tokyo round of the peace treaty consultations",
			MeetingID: TokyoRoundID,
			DisputeID: DisputeID,
		},
		{
			ID:      NaryshkinInviteStatementID,
			ActorID: NaryshkinID,
			Text: "Said he had once more passed on to Prime Minister Abe, at their meeting on " +
				"Thursday 16 June, Russia's invitation to the economic forum in Vladivostok.",
			When:      reported,
			Occasion:  visit,
			MeetingID: NaryshkinAbeID,
		},
		{
			ID:      NaryshkinVisitStatementID,
			ActorID: NaryshkinID,
			Text:    "Said President Putin is likely to come to Japan before 2016 is over.",
			When:    reported,
			Occasion: "Meeting hosted by a private organisation in Tokyo, during his visit " +
				"of June 2016",
			MeetingID: PutinVisitID,
		},
		{
			ID:      NaryshkinEventsStatementID,
			ActorID: NaryshkinID,
			Text: "Of the Vladivostok summit and Putin's planned official trip to Japan, said " +
				"that both \u201cwill be important events\u201d for developing ties between the " +
				"two countries.",
			When:      reported,
			Occasion:  visit,
			MeetingID: VladivostokID,
		},
		{
			ID:      NaryshkinTrustStatementID,
			ActorID: NaryshkinID,
			Text: "Building mutual trust between Russia and Japan would be \u201can important " +
				"factor for the stability and security of the Asia-Pacific region as a whole.\u201d",
			When:      reported,
			Occasion:  visit,
			DisputeID: DisputeID,
		},
	}
	for i := range s {
		s[i].SourceID = ArticleSourceID
		s[i].Created, s[i].Updated = compiled, compiled
	}
	return s
}

package export

import (
	"fmt"
	"time"

	"github.com/parley-app/parley/storage"
)

// fixtureBriefing is a briefing for the Tokyo round of June 2016 built by hand, so that the
// pack's layout can be tested without a database. It carries the sample dossier's facts.
func fixtureBriefing() *storage.Briefing {
	tokyo, err := storage.Exact(time.Date(2016, 6, 22, 10, 0, 0, 0, time.FixedZone("JST", 9*3600)), "Asia/Tokyo")
	if err != nil {
		panic(err)
	}
	src := storage.Source{ID: "src-article", Title: "Japan, Russia to hold talks on territorial row this week in Tokyo",
		Publisher: "Kyodo News", Published: storage.OnDay(2016, time.June, 20),
		Reference:   "https://english.kyodonews.example/news/2016/06/japan-russia-to-hold-talks-on-territorial-row-this-week-in-tokyo.html",
		Reliability: "Wire report quoting named officials."}
	harada := storage.Actor{ID: "a-harada", Kind: storage.ActorPerson, Name: "Chikahito Harada", NativeName: "原田親仁",
		Pronunciation: "chee-KAH-hee-toh hah-RAH-dah", Country: "Japan", Organisation: "Ministry of Foreign Affairs of Japan",
		Title: "Government Representative and Ambassador in charge of Japan–Russia relations",
		Posts: []storage.Post{{Title: "Ambassador to Russia", Organisation: "Embassy of Japan, Moscow", From: storage.PartialDate{Year: 2011}, To: storage.PartialDate{Year: 2015}},
			{Title: "Ambassador in charge of Japan–Russia relations", Organisation: "Ministry of Foreign Affairs", From: storage.PartialDate{Year: 2015}}},
		Role:      "Heads the Japanese side at the vice-ministerial peace treaty talks.",
		Biography: "Career diplomat and Russia specialist. Former ambassador in Moscow.",
		Stance:    "Seeks a settlement of the ownership of the islands before a peace treaty is concluded."}
	morgulov := storage.Actor{ID: "a-morgulov", Kind: storage.ActorPerson, Name: "Igor Morgulov", NativeName: "Игорь Моргулов",
		OtherNames: []string{"Igor Vladimirovich Morgulov", "Моргулов"}, Pronunciation: "EE-gor mar-goo-LOFF",
		Country: "Russia", Organisation: "Ministry of Foreign Affairs of the Russian Federation", Title: "Deputy Minister of Foreign Affairs",
		Role: "Heads the Russian side at the talks.", Biography: "Asia-Pacific specialist of the Russian foreign ministry.",
		Stance: "Holds that the islands passed to Russia legitimately as a result of the Second World War."}
	kishida := storage.Actor{ID: "a-kishida", Name: "Fumio Kishida", NativeName: "岸田文雄", Country: "Japan", Title: "Minister for Foreign Affairs"}
	naryshkin := storage.Actor{ID: "a-naryshkin", Name: "Sergey Naryshkin", NativeName: "Сергей Нарышкин", Country: "Russia", Title: "Chairman of the State Duma"}
	hope := storage.Statement{ID: "st-hope", ActorID: kishida.ID, Text: "I hope for forward-looking and fruitful discussions.",
		When: storage.OnDay(2016, time.June, 20), Occasion: "Press conference, Tokyo", MeetingID: "m-tokyo", SourceID: src.ID}
	visit := storage.Statement{ID: "st-visit", ActorID: naryshkin.ID, Text: "The next leaders' meeting in Vladivostok and the president's official visit to Japan will be important events.",
		When: storage.OnDay(2016, time.June, 17), Occasion: "Meeting organised by a private group, Tokyo", DisputeID: "d-islands", SourceID: src.ID}
	moscow := storage.Meeting{ID: "m-moscow", TrackID: "t-peace", Title: "Peace treaty talks, Moscow round", Format: storage.FormatViceMinisterial,
		Status: storage.StatusHeld, When: storage.InMonth(2015, time.October), City: "Moscow", Country: "Russia", Round: 1,
		Outcome: "First vice-ministerial round; the sides agreed to keep talking."}
	visitM := storage.Meeting{ID: "m-visit", TrackID: "t-peace", Title: "Putin's official visit to Japan", Format: storage.FormatVisit,
		Status: storage.StatusTentative, When: storage.By(storage.PartialDate{Year: 2016}), Country: "Japan",
		StatusHistory: []storage.StatusChange{
			{Recorded: time.Date(2013, 11, 1, 0, 0, 0, 0, time.UTC), To: storage.StatusTentative, When: storage.InYear(2014)},
			{Recorded: time.Date(2014, 3, 20, 0, 0, 0, 0, time.UTC), From: storage.StatusTentative, To: storage.StatusPostponed, When: storage.InYear(2014),
				Reason: "Postponed after Moscow annexed Ukraine's Crimean peninsula in March 2014.", SourceID: src.ID},
			{Recorded: time.Date(2016, 6, 17, 0, 0, 0, 0, time.UTC), From: storage.StatusPostponed, To: storage.StatusTentative, When: storage.By(storage.PartialDate{Year: 2016}),
				Reason: "Naryshkin said Putin is expected to visit Japan by the end of the year.", SourceID: src.ID},
		}}
	vladivostok := storage.Meeting{ID: "m-vladivostok", TrackID: "t-peace", Title: "Abe–Putin meeting at the Eastern Economic Forum", Format: storage.FormatSummit,
		Status: storage.StatusProposed, When: storage.InMonth(2016, time.September), City: "Vladivostok", Country: "Russia",
		Purpose: "Leaders' meeting for which the Tokyo round lays the groundwork."}
	meeting := storage.Meeting{ID: "m-tokyo", TrackID: "t-peace", Title: "Japan–Russia peace treaty talks, Tokyo round",
		Format: storage.FormatViceMinisterial, Status: storage.StatusScheduled, When: tokyo, DurationMinutes: 180,
		Venue: "Ministry of Foreign Affairs", City: "Tokyo", Country: "Japan", Round: 2, PreviousRoundID: moscow.ID,
		Purpose:    "Second vice-ministerial round on a peace treaty, following the leaders' agreement in May 2016 on a “new approach”. (Illustrative content.)",
		Objectives: []string{"Establish how Russia reads the “new approach” agreed in Sochi.", "Prepare the ground for the Abe–Putin meeting in Vladivostok in September."},
		LinesToTake: []storage.Line{{Text: "Japan seeks to resolve the question of the ownership of the four islands and then conclude a peace treaty."},
			{Text: "Japan welcomes forward-looking and fruitful discussions."},
			{Text: "We would value your reading of what the “new approach” means for the islands.", ToID: morgulov.ID}},
		IfPressed:    []string{"Japan's position on the four islands has not changed; the new approach is a way of talking, not a new position."},
		LinesToAvoid: []string{"Any figure for Japanese investment in the Russian Far East."},
		TheirSide: []storage.Ask{
			{Text: "Russia will seek Japanese investment in the Far East before the islands are discussed.", Response: "Economic cooperation is part of the new approach, not a substitute for the territorial question."},
			{Text: "Russia will ask Japan to accept that the islands passed to it as a result of the war."}},
		PressLine: storage.PressLine{Proactive: "The two sides held frank and forward-looking talks on a peace treaty and agreed to meet again.",
			Reactive: "We do not comment on the substance of the talks while they continue."},
		PressAccess: storage.PressPool,
		Agenda: []storage.AgendaItem{{Item: "Arrival and greeting at the south entrance", Minutes: 15}, {Item: "Photo opportunity", At: "+15", Minutes: 10},
			{Item: "Opening statements", At: "+25", LeadID: harada.ID, Minutes: 20}, {Item: "The peace treaty and the new approach", LeadID: morgulov.ID, Minutes: 75},
			{Item: "Economic cooperation", At: "12:00", LeadID: harada.ID, Minutes: 45}, {Item: "Departure"}},
		Choreography: []storage.ChoreographyNote{{Kind: "arrival", Text: "Harada meets Morgulov at the south entrance."},
			{Kind: "seating", Text: "Across the table, heads of delegation in the middle, interpreters at their left."},
			{Kind: "photo", Text: "Handshake for the pool before the talks; no joint photo after."},
			{Kind: "gifts", Text: "None exchanged at this level."}},
		InterpreterTeam: []storage.Interpreter{{Who: "Ministry interpreter (Russian desk)", Languages: "Japanese–Russian, consecutive"}},
		RecordTaker:     "Second Secretary, Russia Division",
		Questions:       []storage.QA{{Question: "Will Japan accept the return of two islands only?", Answer: "Japan's position on the four islands is unchanged."}},
		Background:      "The two countries have not signed a peace treaty since the Second World War because of the dispute over the islands.",
		Interpreters:    "Japanese–Russian, consecutive.", Press: "Joint photo opportunity before the talks; no joint press conference.",
		Participants: []storage.Participant{{ActorID: harada.ID, Role: storage.RoleHead}, {ActorID: morgulov.ID, Role: storage.RoleCounterpart}},
		DisputeIDs:   []string{"d-islands"},
	}
	dispute := storage.Dispute{ID: "d-islands", Title: "Northern Territories / Southern Kurils",
		Names: []storage.PlaceName{{Party: "Japan", Name: "Northern Territories", Language: "ja", Native: "北方領土"},
			{Party: "Russia", Name: "Southern Kurils", Language: "ru", Native: "Южные Курилы"}},
		Administrator: "Russia", Claimants: []string{"Japan"},
		Summary: "Islands held by Russia and claimed by Japan; the dispute has kept the two countries from signing a peace treaty since 1945.",
		Facts:   []storage.KeyFact{{Label: "Peace treaty", Value: "None signed since the Second World War.", SourceID: src.ID}},
		Positions: []storage.Position{{Party: "Japan", Text: "The ownership of the islands must be settled before a peace treaty is concluded."},
			{Party: "Russia", Text: "The islands became Russian legitimately as a result of the Second World War."}},
		Timeline: []storage.Event{{When: storage.InYear(1945), Text: "Soviet forces occupy the islands."},
			{When: storage.InMonth(2016, time.May), Text: "Abe and Putin agree on a “new approach” in Sochi.", SourceID: src.ID}},
	}
	return &storage.Briefing{
		Meeting: meeting, Track: storage.Track{ID: "t-peace", Title: "Japan–Russia peace treaty talks", Parties: []string{"Japan", "Russia"},
			Summary: "Talks towards the peace treaty the two countries have not signed since the Second World War."},
		PreviousRound: moscow,
		Participants: []storage.BriefParticipant{
			{Participant: meeting.Participants[0], Actor: harada},
			{Participant: meeting.Participants[1], Actor: morgulov},
		},
		Disputes:         []storage.Dispute{dispute},
		TrackMeetings:    []storage.Meeting{moscow, meeting, vladivostok, visitM},
		RecentStatements: []storage.Statement{hope, visit},
		Speakers:         map[string]storage.Actor{kishida.ID: kishida, naryshkin.ID: naryshkin},
		Sources:          map[string]storage.Source{src.ID: src},
		Marking:          "OFFICIAL-SENSITIVE",
	}
}

// negotiationBriefing is the fixture with what a next round adds: what changed since the
// Moscow round, commitments left open, the last time we met Morgulov, and the negotiating
// parameters; marked OFFICIAL, so that the annex is OFFICIAL-SENSITIVE.
func negotiationBriefing() *storage.Briefing {
	b := fixtureBriefing()
	b.Marking = "OFFICIAL"
	m := &b.Meeting
	moscow := b.PreviousRound
	moscow.Participants = []storage.Participant{{ActorID: "a-harada", Role: storage.RoleHead}, {ActorID: "a-morgulov", Role: storage.RoleCounterpart},
		{ActorID: "a-zakharova", Role: storage.RoleMember}}
	said := storage.Statement{ID: "st-morgulov", ActorID: "a-morgulov", Text: "The talks must proceed without preconditions.",
		When: storage.OnDay(2016, time.April, 12), Occasion: "Interview, Moscow", SourceID: "src-article"}
	atMoscow := storage.Statement{ID: "st-moscow", ActorID: "a-morgulov", Text: "We are ready to look for a mutually acceptable solution.",
		When: storage.OnDay(2015, time.October, 8), Occasion: "Moscow round", MeetingID: moscow.ID, SourceID: "src-article"}
	b.Participants[1].Statements = []storage.Statement{said, atMoscow}
	b.Participants[1].LastMet = &storage.LastMet{Meeting: moscow, Statements: []storage.Statement{atMoscow}}
	b.SinceLastRound = &storage.RoundChanges{
		Round: moscow, Since: time.Date(2015, 11, 1, 0, 0, 0, 0, time.UTC),
		Statements: []storage.Statement{said},
		StatusChanges: []storage.TrackChange{{MeetingID: "m-visit", MeetingTitle: "Putin's official visit to Japan",
			Change: b.TrackMeetings[3].StatusHistory[2]}},
		Positions: []storage.PositionChange{{DisputeTitle: "Northern Territories / Southern Kurils", Party: "Russia",
			Was: "The islands are not a subject of negotiation.", Now: b.Disputes[0].Positions[1].Text, Until: time.Date(2016, 5, 6, 0, 0, 0, 0, time.UTC)}},
		Facts: []storage.DisputeFact{{DisputeTitle: "Northern Territories / Southern Kurils",
			Fact: storage.KeyFact{Label: "New approach", Value: "Agreed by Abe and Putin in Sochi on 6 May 2016.", SourceID: "src-article"}}},
		Timeline: []storage.DisputeEvent{{DisputeTitle: "Northern Territories / Southern Kurils", Event: b.Disputes[0].Timeline[1]}},
		Left:     []storage.Actor{{ID: "a-zakharova", Name: "Maria Zakharova", Title: "Director of the Information and Press Department"}},
		Titles: []storage.ActorPost{{ActorID: "a-harada", Name: "Chikahito Harada",
			Post: storage.Post{Title: "Government Representative", Organisation: "Ministry of Foreign Affairs", From: storage.PartialDate{Year: 2016, Month: time.January}}}},
	}
	b.OpenCommitments = []storage.OpenCommitment{
		{Commitment: storage.Commitment{Side: "Japan", What: "Send a written summary of Japan's proposals for joint economic activity.",
			Due: storage.By(storage.PartialDate{Year: 2016, Month: time.March}), Status: storage.CommitmentOpen},
			MeetingID: moscow.ID, MeetingTitle: moscow.Title, MeetingWhen: moscow.When, Status: storage.CommitmentOverdue},
		{Commitment: storage.Commitment{ActorID: "a-morgulov", What: "Propose dates for a working group on fisheries.",
			Due: storage.By(storage.PartialDate{Year: 2016, Month: time.September}), Status: storage.CommitmentOpen},
			MeetingID: moscow.ID, MeetingTitle: moscow.Title, MeetingWhen: moscow.When, Status: storage.CommitmentOpen},
	}
	m.Parameters = []storage.Parameter{
		{Issue: "The four islands", OurInterests: "Sovereignty over all four islands recognised; a peace treaty.",
			TheirInterests: "No precedent for other borders; the Pacific fleet's passage; investment in the Far East.",
			OurBATNA:       "No agreement: the status quo, with economic cooperation kept small.",
			TheirBATNA:     "The status quo, with Chinese rather than Japanese investment.",
			Target:         "Talks on all four islands within an agreed framework.", Reservation: "No text that recognises Russian sovereignty over the four.",
			ZOPA:        "Joint economic activity under a special legal regime, without prejudice to either position.",
			Options:     "A special legal regime; visa-free visits for former residents; a phased framework.",
			Criteria:    "The 1956 Joint Declaration; the 1993 Tokyo Declaration.",
			Concessions: "Early economic projects in exchange for a framework that names all four islands."},
		{Issue: "Fisheries", OurInterests: "Safe fishing for Hokkaido's fleet in the islands' waters.", Target: "A renewed fisheries framework before the season."},
	}
	return b
}

// heldBriefing is the Moscow round after it was held: its record of conversation and the
// commitments made at it, one since done at the Tokyo round.
func heldBriefing() *storage.Briefing {
	b := fixtureBriefing()
	tokyo := b.Meeting
	m := b.PreviousRound
	m.Participants = tokyo.Participants
	m.Record = storage.Record{Date: storage.PartialDate{Year: 2015, Month: time.October, Day: 8}, Place: "Ministry of Foreign Affairs, Moscow",
		PresentIDs: []string{"a-harada", "a-morgulov", "a-unknown"}, Subject: "Peace treaty: first vice-ministerial round",
		Substance: "Morgulov opened by restating that the islands became Russian as a result of the war.\n" +
			"Harada replied that Japan's position on the four islands is unchanged and proposed that the talks look forward.\n" +
			"Both sides agreed to meet again in Tokyo in the first half of 2016.",
		Atmosphere: storage.AtmosphereNeutral, AtmosphereWhy: "Formal throughout; no movement, but no hostility either."}
	m.Commitments = []storage.Commitment{
		{Side: "Japan", What: "Send a written summary of Japan's proposals for joint economic activity.", Due: storage.By(storage.PartialDate{Year: 2016, Month: time.March}), Status: storage.CommitmentOpen},
		{ActorID: "a-morgulov", What: "Propose dates for the next round.", Due: storage.By(storage.PartialDate{Year: 2016}), Status: storage.CommitmentDone, ClosedByID: tokyo.ID},
	}
	b.Meeting, b.PreviousRound = m, storage.Meeting{}
	b.TrackMeetings = []storage.Meeting{m, tokyo}
	b.RecentStatements = nil
	return b
}

// bigBriefing is the benchmark's meeting: 20 participants, 3 disputes with 200 timeline
// entries between them and 500 statements.
func bigBriefing() *storage.Briefing {
	b := fixtureBriefing()
	base := b.Participants
	b.Participants = nil
	stNo := 0
	for i := 0; i < 20; i++ {
		p := base[i%2]
		p.Actor.ID = fmt.Sprintf("a-%02d", i)
		p.ActorID = p.Actor.ID
		p.Actor.Name = fmt.Sprintf("%s (%d)", p.Actor.Name, i+1)
		p.Actor.Biography = p.Actor.Biography + " " + p.Actor.Stance + " " + p.Actor.Biography
		p.Relations = []storage.RelationView{{Outgoing: true, Kind: "counterpart of", OtherID: fmt.Sprintf("a-%02d", (i+1)%20), OtherName: "Participant " + fmt.Sprint((i+1)%20+1)}}
		p.Statements = nil
		for k := 0; k < 20; k++ {
			stNo++
			p.Statements = append(p.Statements, storage.Statement{ID: fmt.Sprintf("st-%03d", stNo), ActorID: p.ActorID,
				Text: fmt.Sprintf("Statement %d: the two sides should continue the dialogue on the peace treaty and on 北方領土 in a constructive spirit.", stNo),
				When: storage.OnDay(2016, time.Month(1+k%12), 1+k), Occasion: "Press briefing", SourceID: "src-article"})
		}
		b.Participants = append(b.Participants, p)
	}
	for len(b.RecentStatements) < 100 {
		stNo++
		b.RecentStatements = append(b.RecentStatements, storage.Statement{ID: fmt.Sprintf("st-%03d", stNo), ActorID: "a-kishida",
			Text: "Japan hopes that the talks will be forward-looking and fruitful, and that they will bring a peace treaty closer.",
			When: storage.OnDay(2016, time.June, 1+stNo%28), Occasion: "Press conference", SourceID: "src-article"})
	}
	d := b.Disputes[0]
	b.Disputes = nil
	for i := 0; i < 3; i++ {
		di := d
		di.ID = fmt.Sprintf("d-%d", i)
		di.Title = fmt.Sprintf("%s (%d)", d.Title, i+1)
		di.Timeline = nil
		n := 67
		if i == 2 {
			n = 66
		}
		for k := 0; k < n; k++ {
			di.Timeline = append(di.Timeline, storage.Event{When: storage.InYear(1945 + k), Text: fmt.Sprintf("Event %d in the history of the islands, with enough words to wrap onto a second line in the table's event column.", k+1), SourceID: "src-article"})
		}
		b.Disputes = append(b.Disputes, di)
	}
	return b
}

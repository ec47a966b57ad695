package sample

import (
	"time"

	"github.com/parley-app/parley/storage"
)

func meetings() []storage.Meeting {
	m := []storage.Meeting{moscowRound(), mayAgreement(), naryshkinAbe(), tokyoRound(), vladivostok(), putinVisit()}
	for i := range m {
		m[i].TrackID = TrackID
		m[i].Created, m[i].Updated = compiled, compiled
		if m[i].StatusHistory == nil {
			m[i].StatusHistory = []storage.StatusChange{{
				Recorded: recorded(0),
				To:       m[i].Status,
				When:     m[i].When,
			}}
		}
	}
	return m
}

func moscowRound() storage.Meeting {
	return storage.Meeting{
		ID:      MoscowRoundID,
		Title:   "Peace treaty consultations, round 1 — Moscow",
		Format:  storage.FormatViceMinisterial,
		Status:  storage.StatusHeld,
		When:    storage.InMonth(2015, time.October),
		City:    "Moscow",
		Country: russia,
		Round:   1,
		Purpose: "First meeting of senior officials of the two foreign ministries set up to " +
			"discuss a peace treaty.",
		Background: "The report on the Tokyo round mentions this earlier round only by place and " +
			"month; the delegations and the day are not recorded in the dossier.",
		Outcome:    "Held. It opened the vice-ministerial channel that meets again in Tokyo.",
		NextSteps:  "Second round in Tokyo, 22 June 2016.",
		DisputeIDs: []string{DisputeID},
		Tags:       []string{talksTag},
		// The report names neither the delegations nor the day of round 1: the record and
		// the commitments below are invented for illustration, as the Tokyo brief is.
		Participants: []storage.Participant{
			{ActorID: MorgulovID, Role: storage.RoleHost, Note: Illustrative + "Head of the Russian delegation"},
			{ActorID: HaradaID, Role: storage.RoleHead, Note: Illustrative + "Japanese delegation"},
		},
		Record: storage.Record{
			Date:       storage.PartialDate{Year: 2015, Month: time.October},
			Place:      "Ministry of Foreign Affairs, Moscow",
			PresentIDs: []string{MorgulovID, HaradaID},
			Subject:    Illustrative + "First vice-ministerial consultations on a peace treaty",
			Substance: Illustrative + "Both sides set out their known positions on the islands without re-arguing them.\n" +
				Illustrative + "Morgulov said Russia saw the talks as part of a broader relationship, economic cooperation first.\n" +
				Illustrative + "Harada said a treaty required the question of the four islands to be settled.\n" +
				"(OS) " + Illustrative + "In the margins Morgulov asked whether Japan would discuss joint economic activity on the islands; Harada undertook to report.",
			Atmosphere:    storage.AtmosphereNeutral,
			AtmosphereWhy: Illustrative + "Correct and businesslike; neither side moved, both wanted the channel kept open.",
		},
		Commitments: []storage.Commitment{
			{ActorID: MorgulovID, What: Illustrative + "Propose dates for the second round in Tokyo",
				Due: storage.By(storage.PartialDate{Year: 2016, Month: time.March}), Status: storage.CommitmentDone},
			{Side: japan, What: Illustrative + "Send Russia Japan's ideas for economic cooperation in the Russian Far East",
				Due: storage.By(storage.PartialDate{Year: 2016, Month: time.May}), Status: storage.CommitmentOpen},
			{ActorID: HaradaID, What: Illustrative + "Reply on whether Japan would discuss joint economic activity on the islands",
				Due: storage.By(storage.PartialDate{Year: 2016, Month: time.September}), Status: storage.CommitmentOpen},
		},
	}
}

func mayAgreement() storage.Meeting {
	return storage.Meeting{
		ID:      MayAgreementID,
		Title:   "Abe–Putin summit — Sochi",
		Format:  storage.FormatSummit,
		Status:  storage.StatusHeld,
		When:    storage.InMonth(2016, time.May),
		City:    "Sochi",
		Country: russia,
		Purpose: "Informal meeting of the two leaders to give the peace treaty talks new impetus.",
		Outcome: "The leaders agreed that the peace treaty question should be worked on with a " +
			"\u201cnew approach\u201d.",
		NextSteps: "Officials to take the new approach into the vice-ministerial consultations; " +
			"leaders to meet again in Vladivostok in September.",
		Participants: []storage.Participant{
			{ActorID: PutinID, Role: storage.RoleHost},
			{ActorID: AbeID, Role: storage.RoleHead},
		},
		DisputeIDs: []string{DisputeID},
		Tags:       []string{talksTag, leadersTag},
	}
}

func naryshkinAbe() storage.Meeting {
	return storage.Meeting{
		ID:      NaryshkinAbeID,
		Title:   "Naryshkin calls on Prime Minister Abe",
		Format:  storage.FormatVisit,
		Status:  storage.StatusHeld,
		When:    storage.OnDay(2016, time.June, 16),
		City:    "Tokyo",
		Country: japan,
		Purpose: "Courtesy call by the chairman of the State Duma during his visit to Tokyo.",
		Outcome: "Naryshkin repeated the invitation for Abe to attend the economic forum in " +
			"Vladivostok. Later in his visit he told a gathering hosted by a private " +
			"organisation that Putin should come to Japan before the year is out.",
		Participants: []storage.Participant{
			{ActorID: AbeID, Role: storage.RoleHost},
			{ActorID: NaryshkinID, Role: storage.RoleHead},
		},
		Tags: []string{talksTag},
	}
}

// tokyoRound is the meeting the report announces. The dossier's "today" is the week the report
// appeared (Monday 20 June 2016), so the round is still scheduled, not held: its outcome is not
// yet known. The report gives only the day; the 10:00 start is a planning assumption and says so
// in Logistics.
func tokyoRound() storage.Meeting {
	return storage.Meeting{
		ID:              TokyoRoundID,
		Title:           "Peace treaty consultations, round 2 — Tokyo",
		Format:          storage.FormatViceMinisterial,
		Status:          storage.StatusScheduled,
		When:            inTokyo(2016, time.June, 22, 10, 0),
		City:            "Tokyo",
		Country:         japan,
		Round:           2,
		PreviousRoundID: MoscowRoundID,
		Purpose: Illustrative + "Second round of the vice-ministerial consultations on a peace " +
			"treaty. Turn the leaders' May agreement on a \u201cnew approach\u201d into a work " +
			"programme for officials, and prepare the ground for the Abe–Putin meeting " +
			"planned for September in Vladivostok.",
		Objectives: []string{
			Illustrative + "Agree how officials will work through the \u201cnew approach\u201d, " +
				"with a timetable running to the end of 2016.",
			Illustrative + "Fix the agenda and the expected results of the leaders' meeting at " +
				"the Vladivostok forum in September.",
			Illustrative + "Confirm that President Putin's official visit to Japan is to take " +
				"place before the end of 2016 and start preparing it.",
			Illustrative + "Put Japan's position on record: the ownership of all four islands " +
				"is to be resolved, then the treaty concluded.",
			Illustrative + "Settle the date and place of round 3.",
			"(OS) " + Illustrative + "Sound out, without offering anything, whether Moscow would " +
				"discuss the two smaller islands on the basis of the 1956 Declaration.",
		},
		LinesToTake: storage.Lines(
			Illustrative+"Japan welcomes the momentum from Sochi and comes to Tokyo to make "+
				"concrete progress, not to restate old arguments.",
			Illustrative+"Seventy years without a peace treaty is abnormal for two neighbours; "+
				"settling the question of the four islands is the way to end it.",
			Illustrative+"Economic cooperation and the treaty can advance side by side, but "+
				"one is not a substitute for the other.",
			Illustrative+"Japan's stance on Ukraine is that of the G7 and is not changed by "+
				"these bilateral talks.",
			Illustrative+"We propose a short agreed readout for the press; neither side "+
				"briefs on the substance of the other's proposals.",
		),
		Questions: []storage.QA{
			{
				Question: Illustrative + "Russia says the islands passed to it lawfully with the " +
					"war's outcome. How do we answer if Morgulov opens with that?",
				Answer: "Note that Japan's position is well known and different; do not re-argue " +
					"1945. Steer to what the leaders asked of us in May: a new approach that " +
					"looks forward.",
			},
			{
				Question: Illustrative + "Will Japan ease its sanctions as a sign of good will " +
					"before Vladivostok?",
				Answer: "Sanctions are coordinated with our G7 partners and are not on the agenda " +
					"of these consultations.",
			},
			{
				Question: Illustrative + "Does Japan accept the 1956 Joint Declaration as the " +
					"basis of a settlement?",
				Answer: "The Declaration is one of the agreed documents on which the negotiations " +
					"build. Japan's aim remains to resolve the question of all four islands.\n" +
					"(OS) If pressed in the restricted session only: we would not exclude a settlement " +
					"in stages, provided the four islands are named.",
			},
			{
				Question: Illustrative + "What economic projects will Japan bring to Vladivostok?",
				Answer: "Ministries are preparing proposals for the leaders; details are for them " +
					"to announce. Cooperation is offered on its merits, not as a price.",
			},
			{
				Question: Illustrative + "Can the date of the President's visit be fixed today?",
				Answer: "Japan welcomes the intention Chairman Naryshkin expressed in Tokyo; dates " +
					"are for the diplomatic channel once the Vladivostok meeting is prepared.",
			},
		},
		Background: Illustrative + "The talks continue the channel opened in Moscow in October " +
			"2015. Since then the leaders met in Sochi in May 2016 and agreed on a \u201cnew " +
			"approach\u201d. In the week before the round, Duma chairman Naryshkin visited Tokyo, " +
			"met Abe on 16 June, renewed the invitation to Vladivostok and said Putin would " +
			"visit Japan this year, a visit first planned for 2014 and put off after Crimea. " +
			"Foreign Minister Kishida has called for the round to be forward-looking.",
		Interpreters: Illustrative + "Two Russian-language interpreters from the Ministry, " +
			"working consecutively; the Russian side brings its own. Names and spellings of " +
			"the islands to be used as in the fact sheet.",
		Press: Illustrative + "Photographs at the opening handshake only; no joint press " +
			"conference. The Ministry's press secretary gives a short readout afterwards, as " +
			"agreed with the Russian side.",
		Logistics: Illustrative + "Start 10:00 JST is a planning assumption — the report gives " +
			"only the day. Japanese side hosts at the Ministry in Kasumigaseki; delegations of " +
			"up to six at the table; working lunch; the Russian Embassy arranges its own " +
			"transport.",
		Participants: []storage.Participant{
			{ActorID: HaradaID, Role: storage.RoleHead, Note: "Japanese delegation"},
			{ActorID: MorgulovID, Role: storage.RoleCounterpart, Note: "Head of the Russian delegation"},
		},
		DisputeIDs: []string{DisputeID},
		Tags:       []string{talksTag},
		TheirSide: []storage.Ask{
			{Text: Illustrative + "Put joint economic activity on the islands at the centre of the talks, under Russian law.",
				Response: Illustrative + "Japan is open to joint activity only under a special arrangement that prejudices neither side's legal position."},
			{Text: Illustrative + "Ask Japan to ease its sanctions before the leaders meet in Vladivostok.",
				Response: Illustrative + "Sanctions are coordinated in the G7 and are not on the agenda of these consultations."},
			{Text: Illustrative + "Press for a firm date for the President's visit to Japan.",
				Response: Illustrative + "Dates are for the diplomatic channel once the Vladivostok meeting is prepared."},
		},
		IfPressed: []string{
			Illustrative + "If pressed on the 1956 Declaration: it is one of the agreed documents; it does not by itself settle the question of all four islands.",
			"(OS) " + Illustrative + "If pressed on a settlement in stages: Japan does not exclude discussing the order of steps, provided all four islands are named.",
		},
		LinesToAvoid: []string{
			Illustrative + "Do not describe the islands as ceded or given up in remarks the Russian side may quote.",
			Illustrative + "Do not comment on Russia's military deployments on the islands.",
		},
		PressLine: storage.PressLine{
			Proactive: Illustrative + "The two sides held frank and useful consultations on a peace treaty in the spirit the leaders agreed in Sochi, and will continue them.",
			Reactive:  Illustrative + "We do not comment on the substance of the talks; both sides agreed to keep it confidential.",
		},
		PressAccess: storage.PressPool,
		Agenda: []storage.AgendaItem{
			{Item: Illustrative + "Opening remarks", At: "10:00", LeadID: HaradaID, Minutes: 10},
			{Item: Illustrative + "The \u201cnew approach\u201d: how officials work through it", At: "+10", LeadID: HaradaID, Minutes: 50},
			{Item: Illustrative + "Russia's presentation", At: "+60", LeadID: MorgulovID, Minutes: 40},
			{Item: Illustrative + "Economic cooperation and the Vladivostok meeting", At: "+100", LeadID: HaradaID, Minutes: 50},
			{Item: Illustrative + "Round 3 and the agreed readout", At: "+150", LeadID: MorgulovID, Minutes: 30},
		},
		Choreography: []storage.ChoreographyNote{
			{Kind: "arrival", Text: Illustrative + "Morgulov met at the entrance by the Director-General of the European Affairs Bureau."},
			{Kind: "photo", Text: Illustrative + "Handshake for the pool photographers before the doors close."},
			{Kind: "seating", Text: Illustrative + "Delegations face each other across the table, heads in the centre, interpreters at their left."},
			{Kind: "gifts", Text: Illustrative + "No gifts at this level."},
		},
		InterpreterTeam: []storage.Interpreter{{Who: Illustrative + "Two Russian-language interpreters of the Ministry", Languages: "Japanese–Russian, consecutive"}},
		RecordTaker:     Illustrative + "An officer of the Russia Division",
		Parameters: []storage.Parameter{{
			Issue:          Illustrative + "The four islands and a peace treaty",
			OurInterests:   Illustrative + "Sovereignty over all four islands recognised; former residents' access; a treaty that closes the war.",
			TheirInterests: Illustrative + "No precedent for other border claims; the islands' military value; Japanese investment in the Far East.",
			OurBATNA:       Illustrative + "The present position: no treaty, cooperation case by case.",
			TheirBATNA:     Illustrative + "The same, with Chinese investment in place of Japanese.",
			Target:         Illustrative + "A work programme that names all four islands and a date for round 3.",
			Reservation:    Illustrative + "Nothing that treats the 1956 Declaration's two islands as the end of the matter.",
			ZOPA:           Illustrative + "A process naming all four, with joint economic activity under a special arrangement as a first step.",
			Options:        Illustrative + "Joint economic activity; visa-free visits for former residents; a fisheries arrangement.",
			Criteria:       Illustrative + "The 1956 Joint Declaration and the 1993 Tokyo Declaration, which both sides have signed.",
			Concessions:    Illustrative + "Japanese projects in the Far East, offered for a process that names all four islands.",
		}},
	}
}

func vladivostok() storage.Meeting {
	return storage.Meeting{
		ID:      VladivostokID,
		Title:   "Abe–Putin meeting at the Eastern Economic Forum — Vladivostok",
		Format:  storage.FormatSummit,
		Status:  storage.StatusProposed,
		When:    storage.InMonth(2016, time.September),
		Venue:   "Eastern Economic Forum",
		City:    "Vladivostok",
		Country: russia,
		Purpose: "Leaders' meeting on the margins of the economic forum, for which the Tokyo " +
			"round is meant to prepare.",
		Background: "Russia has invited Abe to the forum; Naryshkin passed the invitation on " +
			"again when he met Abe on 16 June 2016.",
		Participants: []storage.Participant{
			{ActorID: PutinID, Role: storage.RoleHost},
			{ActorID: AbeID, Role: storage.RoleHead},
		},
		DisputeIDs: []string{DisputeID},
		Tags:       []string{talksTag, leadersTag},
	}
}

// putinVisit keeps its history: planned for 2014, postponed after the annexation of Crimea, and
// expected again by the end of 2016.
func putinVisit() storage.Meeting {
	was := storage.InYear(2014)
	now := storage.By(year(2016))
	return storage.Meeting{
		ID:      PutinVisitID,
		Title:   "President Putin's official visit to Japan",
		Format:  storage.FormatVisit,
		Status:  storage.StatusTentative,
		When:    now,
		Country: japan,
		Purpose: "Official visit by the Russian president to Japan for talks with Prime Minister Abe.",
		Background: "The visit was first pencilled in for 2014 and put off after Russia annexed " +
			"Crimea in March of that year. In June 2016 Naryshkin said in Tokyo that it is now " +
			"expected before the end of 2016.",
		Participants: []storage.Participant{
			{ActorID: PutinID, Role: storage.RoleHead},
			{ActorID: AbeID, Role: storage.RoleHost},
		},
		DisputeIDs: []string{DisputeID},
		Tags:       []string{talksTag, leadersTag},
		StatusHistory: []storage.StatusChange{
			{Recorded: recorded(0), To: storage.StatusTentative, When: was,
				Reason: "Visit planned for 2014.", SourceID: ArticleSourceID},
			// The report dates the postponement only by the annexation it followed, and the
			// new date by Naryshkin's June visit: Happened says so, Recorded is when it was typed.
			{Recorded: recorded(1), From: storage.StatusTentative, To: storage.StatusPostponed, When: was,
				Happened: storage.PartialDate{Year: 2014},
				Reason: "Russia annexed Crimea in March 2014 and relations with Japan and the " +
					"Western countries soured.", SourceID: ArticleSourceID},
			{Recorded: recorded(2), From: storage.StatusPostponed, To: storage.StatusTentative, When: now,
				Happened: storage.PartialDate{Year: 2016, Month: time.June},
				Reason: "Naryshkin said in Tokyo in June 2016 that the visit should now take " +
					"place before 2016 is out.", SourceID: ArticleSourceID},
		},
	}
}

package sample

import (
	"time"

	"github.com/parley-app/parley/storage"
)

const (
	mofaJapan  = "Ministry of Foreign Affairs of Japan"
	mfaRussia  = "Ministry of Foreign Affairs of the Russian Federation"
	govJapan   = "Government of Japan"
	kremlin    = "Office of the President of the Russian Federation"
	stateDuma  = "State Duma of the Federal Assembly of the Russian Federation"
	japan      = "Japan"
	russia     = "Russia"
	talksTag   = "peace treaty talks"
	leadersTag = "leader"
)

var none storage.PartialDate

func actors() []storage.Actor {
	a := []storage.Actor{
		{
			ID:            KishidaID,
			Kind:          storage.ActorPerson,
			Name:          "Fumio Kishida",
			NativeName:    "岸田文雄",
			OtherNames:    []string{"Kishida Fumio", "きしだ ふみお"},
			Pronunciation: "KEE-shee-dah FOO-mee-oh (Kishida Fumio, family name first in Japanese)",
			Country:       japan,
			Organisation:  mofaJapan,
			Title:         "Minister for Foreign Affairs",
			Posts: []storage.Post{
				post("Minister for Foreign Affairs", govJapan, month(2012, time.December), none),
				post("Member of the House of Representatives (Hiroshima)", "National Diet of Japan", year(1993), none),
			},
			Role: "Political lead for the talks on the Japanese side; announced the Tokyo round " +
				"of 22 June 2016 and set out what Japan hopes from it.",
			Biography: "Foreign minister in Prime Minister Abe's cabinet since December 2012 and a " +
				"long-serving member of the lower house for a Hiroshima constituency. In June 2016 " +
				"he was the minister who told the public that the second round of peace treaty " +
				"consultations would take place in Tokyo that week.",
			Stance: "Wants the consultations to move forward in a constructive spirit after the " +
				"leaders' May agreement, while holding to Japan's line that who owns the islands " +
				"must be settled before any treaty is signed.",
			Tags: []string{talksTag},
		},
		{
			ID:            HaradaID,
			Kind:          storage.ActorPerson,
			Name:          "Chikahito Harada",
			NativeName:    "原田親仁",
			OtherNames:    []string{"Harada Chikahito", "はらだ ちかひと"},
			Pronunciation: "HAH-rah-dah chee-KAH-hee-toh (Harada Chikahito)",
			Country:       japan,
			Organisation:  mofaJapan,
			Title:         "Government Representative and Ambassador in charge of Japan–Russia Relations",
			Posts: []storage.Post{
				post("Government Representative and Ambassador in charge of Japan–Russia Relations", mofaJapan, none, none),
			},
			Role: "Head of the Japanese delegation at the vice-ministerial peace treaty " +
				"consultations; Morgulov's counterpart at the Tokyo round.",
			Biography: "Senior Japanese diplomat who holds the dedicated post of government " +
				"representative and ambassador for relations with Russia, and in that capacity " +
				"leads Japan's side in the peace treaty consultations.",
			Stance: "Carries Japan's position into the working talks: progress on the treaty " +
				"goes through settling the ownership of the four islands.",
			Tags: []string{talksTag},
		},
		{
			ID:            MorgulovID,
			Kind:          storage.ActorPerson,
			Name:          "Igor Morgulov",
			NativeName:    "Игорь Моргулов",
			OtherNames:    []string{"Igor Vladimirovich Morgulov", "Игорь Владимирович Моргулов"},
			Pronunciation: "EE-gor mor-goo-LOFF",
			Country:       russia,
			Organisation:  mfaRussia,
			Title:         "Deputy Minister of Foreign Affairs",
			Posts: []storage.Post{
				post("Deputy Minister of Foreign Affairs", mfaRussia, none, none),
			},
			Role: "Head of the Russian delegation at the vice-ministerial peace treaty " +
				"consultations; Harada's counterpart at the Tokyo round.",
			Biography: "Russian career diplomat and deputy foreign minister whose portfolio " +
				"covers Asia and the Pacific, including relations with Japan.",
			Stance: "Represents Moscow's view that the islands became Russian lawfully as an " +
				"outcome of the Second World War; open to discussing the treaty and practical " +
				"cooperation on that footing.",
			Tags: []string{talksTag},
		},
		{
			ID:            AbeID,
			Kind:          storage.ActorPerson,
			Name:          "Shinzo Abe",
			NativeName:    "安倍晋三",
			OtherNames:    []string{"Abe Shinzō", "Shinzō Abe", "Abe Shinzo", "あべ しんぞう"},
			Pronunciation: "AH-beh SHIN-zoh (Abe Shinzō)",
			Country:       japan,
			Organisation:  govJapan,
			Title:         "Prime Minister of Japan",
			Posts: []storage.Post{
				post("Prime Minister of Japan", govJapan, month(2012, time.December), none),
				post("Prime Minister of Japan", govJapan, month(2006, time.September), month(2007, time.September)),
				post("President of the Liberal Democratic Party", "Liberal Democratic Party", none, none),
			},
			Role: "Japan's leader in the talks: agreed the \u201cnew approach\u201d with Putin in " +
				"May 2016, is invited to the Vladivostok forum in September and would host " +
				"Putin's visit to Japan.",
			Biography: "Prime minister for the second time since December 2012, after a first " +
				"term in 2006–2007. Has made a settlement with Russia one of the aims of his " +
				"government and meets President Putin regularly.",
			Stance: "Seeks a peace treaty with Russia and the return of the islands, and is " +
				"willing to offer closer economic cooperation to build the trust needed for it; " +
				"keeps Japan aligned with its G7 partners on Ukraine.",
			Tags: []string{talksTag, leadersTag},
		},
		{
			ID:            PutinID,
			Kind:          storage.ActorPerson,
			Name:          "Vladimir Putin",
			NativeName:    "Владимир Путин",
			OtherNames:    []string{"Vladimir Vladimirovich Putin", "Владимир Владимирович Путин"},
			Pronunciation: "vlah-DEE-meer POO-tin",
			Country:       russia,
			Organisation:  kremlin,
			Title:         "President of the Russian Federation",
			Posts: []storage.Post{
				post("President of the Russian Federation", kremlin, day(2012, time.May, 7), none),
			},
			Role: "Russia's leader in the talks: agreed the \u201cnew approach\u201d with Abe in May " +
				"2016; host of the proposed meeting in Vladivostok; expected to visit Japan " +
				"before the end of 2016.",
			Biography: "President of Russia, in his third term since May 2012. A visit to Japan " +
				"pencilled in for 2014 was put off after Russia annexed Crimea that March.",
			Stance: "Holds that the islands are Russian territory as a result of the Second " +
				"World War; interested in Japanese investment and a wider partnership in the " +
				"Russian Far East.",
			Tags: []string{talksTag, leadersTag},
		},
		{
			ID:            NaryshkinID,
			Kind:          storage.ActorPerson,
			Name:          "Sergey Naryshkin",
			NativeName:    "Сергей Нарышкин",
			OtherNames:    []string{"Sergei Naryshkin", "Sergey Yevgenyevich Naryshkin", "Сергей Евгеньевич Нарышкин"},
			Pronunciation: "sir-GAY nah-RISH-kin",
			Country:       russia,
			Organisation:  stateDuma,
			Title:         "Chairman of the State Duma",
			Posts: []storage.Post{
				post("Chairman of the State Duma", stateDuma, month(2011, time.December), none),
				post("Head of the Presidential Administration", kremlin, month(2008, time.May), month(2011, time.December)),
			},
			Role: "Senior messenger from the Kremlin during his June 2016 visit to Tokyo: passed " +
				"the Vladivostok invitation to Abe again and said publicly that Putin would " +
				"come to Japan within the year.",
			Biography: "Speaker of the lower chamber of Russia's Federal Assembly since December " +
				"2011, before that head of the presidential administration, and one of Putin's " +
				"close associates. Was in Tokyo in mid-June 2016.",
			Stance: "Presents the Vladivostok meeting and Putin's visit as milestones for the " +
				"relationship and stresses building trust between the two countries as a " +
				"contribution to security in the wider region.",
			Relations: []storage.Relation{{
				ActorID: PutinID,
				Kind:    "close aide of",
				Note:    "So described in the June 2016 report.",
			}},
			Tags: []string{talksTag},
		},
	}
	for i := range a {
		a[i].Created, a[i].Updated = compiled, compiled
	}
	return a
}

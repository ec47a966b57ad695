package sample

import (
	"time"

	"github.com/parley-app/parley/storage"
)

func dispute() storage.Dispute {
	return storage.Dispute{
		ID:    DisputeID,
		Title: "Northern Territories / Southern Kurils",
		Names: []storage.PlaceName{
			{Party: japan, Name: "Northern Territories", Language: "ja", Native: "北方領土"},
			{Party: russia, Name: "Southern Kurils", Language: "ru", Native: "Южные Курилы"},
		},
		Administrator: russia,
		Claimants:     []string{japan},
		Summary: "Four islands off the north-east tip of Hokkaido have been under Soviet and " +
			"then Russian control since 1945 and are claimed by Japan. Because of them the two " +
			"countries have never signed a peace treaty closing the Second World War. Tokyo " +
			"wants the question of sovereignty answered first and the treaty afterwards; Moscow " +
			"maintains that the islands passed to it lawfully as an outcome of the war.",
		Facts: []storage.KeyFact{
			{Label: "Peace treaty", Value: "None between Japan and the Soviet Union or Russia since the Second World War; the islands are the obstacle.", SourceID: ArticleSourceID},
			{Label: "Administered by", Value: "Russia", SourceID: ArticleSourceID},
			{Label: "Claimed by", Value: "Japan", SourceID: ArticleSourceID},
			{Label: "The islands", Value: "Etorofu (択捉島; Russian Iturup, Итуруп), Kunashiri (国後島; Kunashir, Кунашир), Shikotan (色丹島; Шикотан) and the Habomai group (歯舞群島; Хабомаи).", SourceID: ReferenceSourceID},
			{Label: "Japan's sequence", Value: "Sovereignty over the islands to be settled before a peace treaty is concluded.", SourceID: ArticleSourceID},
			{Label: "Russia's view", Value: "The islands became Russian lawfully as a result of the Second World War.", SourceID: ArticleSourceID},
			{Label: "1956 Joint Declaration", Value: "Ended the state of war and restored diplomatic relations; the USSR agreed to hand over Shikotan and the Habomai islands once a peace treaty is concluded.", SourceID: DeclarationSourceID},
			{Label: "Current channel", Value: "Vice-ministerial consultations on the peace treaty: round 1 in Moscow (Oct 2015), round 2 in Tokyo (22 Jun 2016).", SourceID: ArticleSourceID},
		},
		Positions: []storage.Position{
			{Party: japan, Text: "The four islands are Japanese territory. Japan will conclude a peace " +
				"treaty with Russia once the question of their ownership has been resolved, and " +
				"seeks that resolution through negotiation, now under the \u201cnew approach\u201d " +
				"agreed by the leaders in May 2016."},
			{Party: russia, Text: "The islands belong to Russia as a legitimate result of the Second " +
				"World War, and that outcome is not open to question. Russia is ready to keep " +
				"talking about a peace treaty and to deepen economic ties with Japan."},
		},
		Timeline: []storage.Event{
			{When: storage.InYear(1945), Text: "The Second World War ends; Soviet forces occupy the four islands between late August and early September.", SourceID: ReferenceSourceID},
			{When: storage.OnDay(1956, time.October, 19), Text: "Japan and the USSR sign the Joint Declaration in Moscow: diplomatic relations restored, two of the islands promised on conclusion of a peace treaty.", SourceID: DeclarationSourceID},
			{When: storage.InMonth(2014, time.March), Text: "Russia annexes Crimea; relations with Japan and the West deteriorate and Putin's visit to Japan, pencilled in for 2014, is put off.", SourceID: ArticleSourceID},
			{When: storage.InMonth(2015, time.October), Text: "First round of vice-ministerial peace treaty consultations, in Moscow.", SourceID: ArticleSourceID},
			{When: storage.InMonth(2016, time.May), Text: "Abe and Putin agree to seek a \u201cnew approach\u201d to the peace treaty question.", SourceID: ArticleSourceID},
			{When: storage.OnDay(2016, time.June, 16), Text: "Duma chairman Naryshkin, visiting Tokyo, meets Abe and repeats the invitation to the Vladivostok forum.", SourceID: ArticleSourceID},
			{When: storage.OnDay(2016, time.June, 22), Text: "Second round of the consultations, in Tokyo: Harada and Morgulov.", SourceID: ArticleSourceID},
			{When: storage.InMonth(2016, time.September), Text: "Abe–Putin meeting proposed for the economic forum in Vladivostok.", SourceID: ArticleSourceID},
			{When: storage.By(year(2016)), Text: "Putin expected to pay an official visit to Japan.", SourceID: ArticleSourceID},
		},
		Tags:    []string{"territory", talksTag},
		Created: compiled,
		Updated: compiled,
	}
}

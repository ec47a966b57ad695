package sample

import (
	"time"

	"github.com/parley-app/parley/storage"
)

func sources() []storage.Source {
	return []storage.Source{
		{
			ID:    ArticleSourceID,
			Title: "Japan, Russia to hold talks on territorial row this week in Tokyo",
			// The report was not filed with its publisher or address.
			Publisher: "News agency report (publisher not recorded)",
			// It announces talks "on Wednesday" (22 June) and calls Naryshkin's meeting with
			// Abe on Thursday 16 June "last Thursday": it appeared on Monday 20 or Tuesday
			// 21 June 2016.
			Published: storage.Between(day(2016, time.June, 20), day(2016, time.June, 21)),
			Reference: "Text on file with the dossier; original address not recorded.",
			Reliability: "A single wire-style report that relays statements by the Japanese " +
				"foreign minister and the Russian Duma chairman; the quotes are attributed, but " +
				"the outlet and address were not kept. Good for who said what and when; " +
				"corroborate with an official readout before citing it outside the delegation.",
			Created: compiled,
			Updated: compiled,
		},
		{
			ID:        DeclarationSourceID,
			Title:     "Joint Declaration by Japan and the Union of Soviet Socialist Republics",
			Publisher: "Governments of Japan and the USSR",
			Published: storage.OnDay(1956, time.October, 19),
			Reference: "Signed in Moscow on 19 October 1956; in force from 12 December 1956.",
			Reliability: "Primary text, ratified by both parties. The parties still read its " +
				"article on the islands differently.",
			Created: compiled,
			Updated: compiled,
		},
		{
			ID:        ReferenceSourceID,
			Title:     "General reference notes of the sample's compiler",
			Publisher: "Parley sample dossier",
			Published: storage.OnDay(2016, time.June, 20),
			Reference: "Widely known public facts (geography, dates of office) added as " +
				"background; not taken from the news report.",
			Reliability: "Background knowledge, not a cited document: check against an " +
				"official publication before relying on it.",
			Created: compiled,
			Updated: compiled,
		},
	}
}

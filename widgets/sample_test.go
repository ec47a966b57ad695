package widgets

import (
	"time"
)

// The test data follows the Japan–Russia peace-treaty talks of 2016 used by Parley's sample
// dossier: the Tokyo round of vice-ministerial consultations on Wednesday 22 June 2016, an
// Abe–Putin meeting in Vladivostok in September 2016 whose day was not yet fixed, and a Putin
// visit to Japan due by the end of 2016.
const (
	tokyoRoundID  = "tokyo-round"
	vladivostokID = "vladivostok"
	putinVisitID  = "putin-visit"
)

var tokyoRoundDay = Date{Year: 2016, Month: time.June, Day: 22}

func sampleToday() time.Time { return time.Date(2016, time.June, 15, 9, 30, 0, 0, time.UTC) }

// sampleDays is June 2016 with the Tokyo round, a crowded day and a cancelled call.
func sampleDays() map[Date][]Chip {
	return map[Date][]Chip{
		tokyoRoundDay: {{
			ID: tokyoRoundID, Label: "Tokyo round", Status: StatusScheduled,
			Detail: "10:00 JST · Iikura House, Tokyo · Morgulov–Hara",
		}},
		{Year: 2016, Month: time.June, Day: 7}: {
			{ID: "prep-1", Label: "Prep: lines to take", Status: StatusHeld},
			{ID: "prep-2", Label: "Interpreters briefing", Status: StatusHeld},
			{ID: "prep-3", Label: "Fisheries working group", Status: StatusTentative},
			{ID: "prep-4", Label: "Call with Moscow embassy", Status: StatusProposed},
			{ID: "prep-5", Label: "Press line review", Status: StatusPostponed},
		},
		{Year: 2016, Month: time.June, Day: 28}: {
			{ID: "call-cancelled", Label: "Phone call Lavrov–Kishida", Status: StatusCancelled},
		},
		{Year: 2016, Month: time.July, Day: 1}: {
			{ID: "july-1", Label: "Debrief", Status: StatusProposed},
		},
	}
}

func sampleBand() []BandItem {
	return []BandItem{
		{ID: vladivostokID, Text: "September 2016 — date not fixed: Abe–Putin meeting, Vladivostok", Status: StatusTentative},
		{ID: putinVisitID, Text: "By end of 2016: Putin visit to Japan", Status: StatusProposed},
	}
}

// sampleGrid is a Monday-first grid on June 2016 with the sample entries, today 15 June 2016.
func sampleGrid() *MonthGrid {
	g := NewMonthGrid()
	g.SetFirstWeekday(time.Monday)
	g.SetToday(sampleToday())
	g.SetMonth(2016, time.June)
	g.SetEntries(sampleDays(), sampleBand())
	return g
}

func sampleUpcoming() []AgendaItem {
	return []AgendaItem{
		{ID: tokyoRoundID, DateText: "Wed 22 Jun 2016, 10:00 JST", Title: "Tokyo round",
			Subtitle: "Iikura House, Tokyo · Morgulov–Hara consultations", Status: StatusScheduled, StatusText: "Scheduled"},
		{ID: vladivostokID, DateText: "Sep 2016", Title: "Abe–Putin meeting",
			Subtitle: "Vladivostok · Eastern Economic Forum", Status: StatusTentative, StatusText: "Tentative"},
		{ID: putinVisitID, DateText: "by end of 2016", Title: "Putin visit to Japan",
			Subtitle: "Venue not fixed", Status: StatusProposed, StatusText: "Proposed"},
	}
}

func sampleRecent() []AgendaItem {
	return []AgendaItem{
		{ID: "sochi", DateText: "Fri 6 May 2016", Title: "Abe–Putin informal summit",
			Subtitle: "Sochi · the “new approach”", Status: StatusHeld, StatusText: "Held"},
		{ID: "moscow-round", DateText: "Fri 15 Apr 2016", Title: "Kishida–Lavrov talks",
			Subtitle: "Moscow", Status: StatusHeld, StatusText: "Held"},
	}
}

func sampleNames() []Column {
	return []Column{
		{Heading: "Japan", Paragraphs: []string{"Northern Territories (Hoppō Ryōdo)", "Etorofu, Kunashiri, Shikotan and the Habomai islets"}},
		{Heading: "Russia", Paragraphs: []string{"Southern Kurils (Южные Курилы)", "Iturup, Kunashir, Shikotan and the Khabomai islets"}},
	}
}

func sampleFacts() []Fact {
	return []Fact{
		{Label: "Administered by", Value: "Russia, since 1945"},
		{Label: "Claimed by", Value: "Japan"},
		{Label: "Area", Value: "About 5,000 km² in all", Citation: "1"},
		{Label: "1956 Joint Declaration", Value: "The Soviet Union agreed to hand over Shikotan and the Habomai islets to Japan once a peace treaty is concluded; both parliaments ratified it.", Citation: "2"},
	}
}

func sampleMorgulov() Profile {
	return Profile{
		Name:       "Igor Morgulov",
		NativeName: "Игорь Владимирович Моргулов",
		Title:      "Deputy Minister of Foreign Affairs of the Russian Federation",
		Side:       "Russia",
	}
}

package ingest

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"time"
)

// Language is the vocabulary the finders read a text with: month and weekday names, the
// words of titles, reporting verbs, the adjectives of countries. English is the only one so
// far; another language is a new vocabulary, not new code.
type Language struct {
	Code string // "en"

	months       map[string]time.Month // lower-case name or abbreviation → month
	weekdays     map[string]time.Weekday
	abbrevs      map[string]bool // words a full stop does not end a sentence after
	titleHeads   map[string]bool // words a title ends on: minister, president, aide…
	titleWords   map[string]bool // words a title may be made of besides its heads
	reporting    []string        // said, says, told…
	nationality  map[string]string
	countries    map[string]string // country names, capitals and demonyms standing for a side → country
	notNames     map[string]bool   // capitalised words that never begin a person's name
	eventWords   map[string]string // word → canonical event noun
	meetingKinds map[string]bool   // canonical event nouns that are meetings (others go on a timeline)

	patternsOnce sync.Once
	patterns     *personPatterns

	futureCue, statusPostponed, statusCancelled, statusProposed, statusTentative, statusScheduled *regexp.Regexp
}

// languages are the vocabularies available, by code, built on first use: their patterns
// cost about 10 ms, which every command would pay at start-up if built with the package.
var languages = sync.OnceValue(func() map[string]*Language { return map[string]*Language{"en": english()} })

// LanguageFor returns the vocabulary for a language code ("" is English).
func LanguageFor(code string) (*Language, error) {
	if code == "" {
		code = "en"
	}
	l, ok := languages()[strings.ToLower(code)]
	if !ok {
		var codes []string
		for c := range languages() {
			codes = append(codes, c)
		}
		sort.Strings(codes)
		return nil, fmt.Errorf("articles in %q cannot be read yet (languages: %s)", code, strings.Join(codes, ", "))
	}
	return l, nil
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func english() *Language {
	l := &Language{Code: "en"}
	l.months = map[string]time.Month{}
	for m := time.January; m <= time.December; m++ {
		l.months[strings.ToLower(m.String())] = m
		l.months[strings.ToLower(m.String()[:3])] = m
	}
	l.months["sept"] = time.September
	delete(l.months, "may") // "may" is matched case-sensitively below; see monthWord
	l.months["may"] = time.May
	l.weekdays = map[string]time.Weekday{}
	for d := time.Sunday; d <= time.Saturday; d++ {
		l.weekdays[strings.ToLower(d.String())] = d
	}
	l.abbrevs = set("mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sen", "rep", "gov", "prof", "jr", "sr",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc",
		"u.s", "u.n", "u.k", "e.u", "a.m", "p.m", "inc", "ltd", "co", "corp", "capt", "adm", "maj", "sgt", "amb")
	l.titleHeads = set("minister", "president", "ambassador", "secretary", "chancellor", "premier", "envoy",
		"spokesperson", "spokesman", "spokeswoman", "negotiator", "chairman", "chairwoman", "chair", "governor",
		"mayor", "senator", "king", "queen", "prince", "princess", "commissioner", "director", "director-general",
		"representative", "speaker", "aide", "adviser", "advisor", "counsellor", "counselor", "leader", "head",
		"chief", "emir", "sultan", "consul", "delegate", "mediator", "general", "admiral", "justice",
		"undersecretary", "under-secretary", "secretary-general", "vice-president", "rapporteur", "coordinator",
		"lawmaker", "legislator", "deputy", "officer", "official", "attaché", "attache", "emissary",
		"analyst", "researcher", "professor", "historian", "cartographer", "scholar", "expert", "lawyer",
		"economist", "editor", "correspondent", "staff", "negotiators")
	l.titleWords = set("foreign", "prime", "deputy", "vice", "first", "senior", "special", "state", "defence",
		"defense", "trade", "finance", "interior", "economy", "economic", "energy", "justice", "chief", "top",
		"high", "permanent", "presidential", "cabinet", "government", "executive", "parliamentary", "assistant",
		"acting", "former", "outgoing", "incoming", "newly", "appointed", "elected", "regional", "national",
		"general", "principal", "lead", "minister", "ministry", "president", "secretary", "affairs", "external",
		"home", "environment", "fisheries", "maritime", "water", "agriculture", "culture", "health", "labour",
		"labor", "development", "cooperation", "security", "intelligence", "army", "navy", "military", "council",
		"commission", "ambassador", "envoy", "spokesperson", "spokesman", "spokeswoman", "negotiator", "chief",
		"director", "director-general", "governor", "chancellor", "premier", "speaker", "representative",
		"commissioner", "vice-president", "under-secretary", "undersecretary", "secretary-general", "consul",
		"delegate", "mediator", "admiral", "senator", "mayor", "chairman", "chairwoman", "chair", "head",
		"king", "queen", "prince", "emir", "sultan", "coordinator", "rapporteur", "adviser", "advisor",
		"counsellor", "counselor", "leader", "opposition", "party", "union", "european", "un", "nato", "eu",
		"office", "and", "of", "for", "the", "to", "on")
	l.reporting = []string{"said", "says", "told", "added", "stated", "warned", "noted", "stressed", "insisted",
		"declared", "announced", "explained", "argued", "asked", "replied", "wrote", "recalled", "acknowledged",
		"conceded", "urged", "remarked", "continued", "suggested", "cautioned", "claimed", "maintained"}
	l.nationality = map[string]string{
		"japanese": "Japan", "russian": "Russia", "chinese": "China", "korean": "Korea",
		"south korean": "South Korea", "north korean": "North Korea", "american": "United States",
		"british": "United Kingdom", "french": "France", "german": "Germany", "italian": "Italy",
		"spanish": "Spain", "portuguese": "Portugal", "argentine": "Argentina", "argentinian": "Argentina",
		"chilean": "Chile", "bolivian": "Bolivia", "peruvian": "Peru", "brazilian": "Brazil",
		"indian": "India", "pakistani": "Pakistan", "ukrainian": "Ukraine", "polish": "Poland",
		"turkish": "Turkey", "greek": "Greece", "cypriot": "Cyprus", "egyptian": "Egypt",
		"ethiopian": "Ethiopia", "sudanese": "Sudan", "kenyan": "Kenya", "nigerian": "Nigeria",
		"vietnamese": "Vietnam", "philippine": "Philippines", "filipino": "Philippines",
		"malaysian": "Malaysia", "indonesian": "Indonesia", "thai": "Thailand", "cambodian": "Cambodia",
		"australian": "Australia", "canadian": "Canada", "mexican": "Mexico", "norwegian": "Norway",
		"danish": "Denmark", "swedish": "Sweden", "finnish": "Finland", "estonian": "Estonia",
		"latvian": "Latvia", "lithuanian": "Lithuania", "georgian": "Georgia", "armenian": "Armenia",
		"azerbaijani": "Azerbaijan", "serbian": "Serbia", "kosovar": "Kosovo", "croatian": "Croatia",
		"slovenian": "Slovenia", "romanian": "Romania", "moldovan": "Moldova", "hungarian": "Hungary",
		"czech": "Czech Republic", "slovak": "Slovakia", "austrian": "Austria", "swiss": "Switzerland",
		"dutch": "Netherlands", "belgian": "Belgium", "irish": "Ireland", "icelandic": "Iceland",
		"israeli": "Israel", "palestinian": "Palestine", "lebanese": "Lebanon", "syrian": "Syria",
		"iranian": "Iran", "iraqi": "Iraq", "saudi": "Saudi Arabia", "emirati": "United Arab Emirates",
		"qatari": "Qatar", "omani": "Oman", "yemeni": "Yemen", "moroccan": "Morocco", "algerian": "Algeria",
		"tunisian": "Tunisia", "libyan": "Libya", "guyanese": "Guyana", "venezuelan": "Venezuela",
		"colombian": "Colombia", "ecuadorian": "Ecuador", "uruguayan": "Uruguay", "paraguayan": "Paraguay",
		"kazakh": "Kazakhstan", "mongolian": "Mongolia", "taiwanese": "Taiwan", "singaporean": "Singapore",
		"bangladeshi": "Bangladesh", "nepalese": "Nepal", "bhutanese": "Bhutan", "sri lankan": "Sri Lanka",
		"belizean": "Belize", "guatemalan": "Guatemala", "honduran": "Honduras", "salvadoran": "El Salvador",
		"nicaraguan": "Nicaragua", "costa rican": "Costa Rica", "panamanian": "Panama", "eritrean": "Eritrea",
		"djiboutian": "Djibouti", "somali": "Somalia", "ghanaian": "Ghana", "senegalese": "Senegal",
		"malian": "Mali", "cameroonian": "Cameroon", "congolese": "Congo", "angolan": "Angola",
		"namibian": "Namibia", "botswanan": "Botswana", "zambian": "Zambia", "malawian": "Malawi",
		"tanzanian": "Tanzania", "ugandan": "Uganda", "rwandan": "Rwanda", "burundian": "Burundi",
		"mauritian": "Mauritius", "chagossian": "Chagos", "maldivian": "Maldives",
	}
	l.countries = map[string]string{}
	for _, c := range l.nationality {
		l.countries[strings.ToLower(c)] = c
	}
	for name, c := range map[string]string{
		"tokyo": "Japan", "moscow": "Russia", "beijing": "China", "seoul": "South Korea", "washington": "United States",
		"london": "United Kingdom", "britain": "United Kingdom", "the uk": "United Kingdom", "uk": "United Kingdom",
		"paris": "France", "berlin": "Germany", "buenos aires": "Argentina", "santiago": "Chile", "la paz": "Bolivia",
		"lima": "Peru", "new delhi": "India", "delhi": "India", "islamabad": "Pakistan", "kyiv": "Ukraine",
		"kiev": "Ukraine", "ankara": "Turkey", "athens": "Greece", "cairo": "Egypt", "addis ababa": "Ethiopia",
		"khartoum": "Sudan", "hanoi": "Vietnam", "manila": "Philippines", "caracas": "Venezuela",
		"georgetown": "Guyana", "ljubljana": "Slovenia", "zagreb": "Croatia", "belgrade": "Serbia",
		"pristina": "Kosovo", "the united states": "United States", "the us": "United States", "us": "United States",
		"the philippines": "Philippines", "the netherlands": "Netherlands", "mauritius": "Mauritius",
		"port louis": "Mauritius",
	} {
		l.countries[name] = c
	}
	l.notNames = set("the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
		"in", "on", "at", "by", "for", "from", "with", "after", "before", "but", "and", "or", "if", "when",
		"while", "as", "he", "she", "they", "we", "it", "i", "you", "mr", "mrs", "ms", "dr", "senior", "officials",
		"ministry", "government", "parliament", "state", "foreign", "prime", "president", "minister", "deputy",
		"talks", "under", "both", "each", "all", "some", "asked", "speaking", "according", "meanwhile",
		"however", "also", "still", "there", "here", "then", "now", "today", "yesterday", "tomorrow",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "q", "a:", "press",
		"release", "note", "editors", "contact", "media", "united", "european", "north", "south", "east",
		"west", "northern", "southern", "eastern", "western", "new", "san", "saint", "sea", "islands", "island",
		"river", "lake", "mount", "gulf", "bay", "strait", "national", "republic", "kingdom", "federation",
		"council", "commission", "court", "office", "agency", "bank", "fund", "organisation", "organization",
		"university", "institute", "centre", "center", "world", "war", "treaty", "declaration", "agreement",
		"joint", "peace", "international", "asia-pacific", "asian", "pacific", "atlantic", "arctic")
	for m := range l.months {
		l.notNames[m] = true
	}
	for n := range l.nationality {
		l.notNames[n] = true
	}
	for c := range l.countries {
		l.notNames[c] = true
	}
	l.eventWords = map[string]string{
		"talks": "talks", "meeting": "meeting", "meetings": "meeting", "met": "meeting", "meet": "meeting",
		"meets": "meeting", "summit": "summit", "round": "round", "consultations": "consultations",
		"negotiations": "negotiations", "visit": "visit", "visited": "visit", "visits": "visit", "trip": "visit",
		"agreement": "agreement", "agreed": "agreement", "accord": "agreement", "deal": "agreement",
		"signed": "signing", "signing": "signing", "sign": "signing", "forum": "forum", "conference": "conference",
		"session": "session", "hearing": "hearing", "hearings": "hearing", "dialogue": "dialogue", "election": "election",
		"elections": "election", "vote": "vote", "referendum": "referendum", "annexed": "annexation",
		"annexation": "annexation", "ceasefire": "ceasefire", "truce": "ceasefire", "ruling": "ruling",
		"ruled": "ruling", "verdict": "ruling", "judgment": "ruling", "judgement": "ruling",
		"declaration": "declaration", "ceremony": "ceremony", "invasion": "invasion", "invaded": "invasion",
		"war": "war", "clash": "clash", "clashes": "clash", "exercise": "exercise", "exercises": "exercise",
		"protest": "protest", "protests": "protest", "launch": "launch", "launched": "launch",
		"hosted": "meeting", "host": "meeting", "gathering": "meeting", "call": "call", "spoke": "call",
		"arbitration": "arbitration", "filed": "filing", "submitted": "filing",
	}
	l.meetingKinds = set("talks", "meeting", "summit", "round", "consultations", "negotiations", "visit",
		"forum", "conference", "session", "hearing", "dialogue", "call", "agreement", "signing")
	wordsRE := func(ws ...string) *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b(?:` + strings.Join(ws, "|") + `)\b`)
	}
	l.futureCue = wordsRE("will", "would", "shall", "is to", "are to", "to hold", "to visit", "to meet",
		"to travel", "to host", "expected", "scheduled", "planned", "plans", "plan", "upcoming", "due",
		"proposed", "set to", "intends", "intend", "aims", "hopes", "forthcoming", "next", "invited", "invitation",
		"to attend", "to resume", "to sign", "to open")
	l.statusPostponed = wordsRE("postponed", "postpone", "put off", "delayed", "pushed back", "deferred", "adjourned")
	l.statusCancelled = wordsRE("cancelled", "canceled", "called off", "scrapped", "abandoned")
	l.statusProposed = wordsRE("proposed", "proposes", "proposal", "suggested", "invited", "invitation", "offered to", "would like")
	l.statusTentative = wordsRE("tentatively", "tentative", "expected", "likely", "could", "may", "might", "provisionally", "pencilled")
	l.statusScheduled = wordsRE("will", "scheduled", "to hold", "set to", "due to", "upcoming", "to be held", "is to", "are to", "planned", "forthcoming", "to meet", "to visit")
	return l
}

// country returns the country a word stands for ("Japanese", "Japan", "Tokyo" → Japan).
func (l *Language) country(word string) (string, bool) {
	w := strings.ToLower(strings.TrimSpace(word))
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if c, ok := l.nationality[w]; ok {
		return c, true
	}
	c, ok := l.countries[w]
	return c, ok
}

package ingest

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parley-app/parley/storage"
)

// person is someone the article names, with what it says about them.
type person struct {
	name     string // as first written in full ("Fumio Kishida")
	key      string // fold(name)
	surname  string // fold of the last word
	title    string
	org      string
	country  string
	evidence string // the sentence that gave the title, else the first mention
	relKind  []string
	relOther []*person
	existing *storage.Actor
	order    int
}

// people is the article's index of persons: by full name and by surname.
type people struct {
	l    *Language
	list []*person
}

const (
	nameTok  = `\p{Lu}(?:[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?|['’]\p{Lu}[\p{Ll}\p{M}]+)(?:-\p{Lu}?[\p{Ll}\p{M}]+)*`
	particle = `(?:de|da|do|dos|das|del|della|di|du|van|von|der|den|la|le|bin|ibn|al|el|ben|ter)`
	nameRE   = `(` + nameTok + `(?:\s+(?:` + particle + `\s+)?` + nameTok + `){0,3})`
)

// personPatterns are the language's ways of introducing a person.
type personPatterns struct {
	titleBefore *regexp.Regexp // [Japanese ]Foreign Minister Fumio Kishida; Russia's deputy foreign minister Igor Morgulov
	titleComma  *regexp.Regexp // Guyana's foreign minister, Rohan Persaud,
	appositive  *regexp.Regexp // Igor Morgulov, Russia's deputy foreign minister,
	reportAfter *regexp.Regexp // Kishida said; Naryshkin, chairman of …, also said
	reportFirst *regexp.Regexp // said Foreign Minister Ana Ribeiro
	honorific   *regexp.Regexp // Mr Tanaka
	ofOrg       *regexp.Regexp // … of the State Duma
	headWord    *regexp.Regexp // a word titles end on
	reportNext  *regexp.Regexp // " said" after a bare title
	reportPrev  *regexp.Regexp // "said " before one
}

func alternation(words map[string]bool) string {
	var ws []string
	for w := range words {
		ws = append(ws, regexp.QuoteMeta(w))
	}
	sort.Slice(ws, func(i, j int) bool { return len(ws[i]) > len(ws[j]) })
	return strings.Join(ws, "|")
}

// personPatterns are compiled once per language.
func (l *Language) personPatterns() *personPatterns {
	l.patternsOnce.Do(func() { l.patterns = l.compilePersonPatterns() })
	return l.patterns
}

func (l *Language) compilePersonPatterns() *personPatterns {
	nat := map[string]bool{}
	for n := range l.nationality {
		nat[strings.ToUpper(n[:1])+n[1:]] = true
	}
	ctry := map[string]bool{}
	for _, c := range l.countries {
		ctry[c] = true
	}
	heads := alternation(l.titleHeads)
	words := alternation(l.titleWords)
	report := strings.Join(l.reporting, "|")
	return &personPatterns{
		titleBefore: regexp.MustCompile(`(?:\b(` + alternation(nat) + `)\s+|\b(` + alternation(ctry) + `)['’]s\s+)?\b((?i:(?:(?:` + words + `)\s+){0,5}(?:` + heads + `)))\s+` + nameRE),
		titleComma:  regexp.MustCompile(`(?:\b(` + alternation(nat) + `)\s+|\b(` + alternation(ctry) + `)['’]s\s+)?\b((?i:(?:(?:` + words + `)\s+){0,5}(?:` + heads + `))),\s+` + nameRE + `,`),
		appositive:  regexp.MustCompile(nameRE + `,\s+(?:(?:the|a|an)\s+)?([^,;.()“”"]+?)(?:\s*[,;.()—–]|\s+(?:who|which|whose|said|says)\b|$)`),
		reportAfter: regexp.MustCompile(nameRE + `(?:,[^,“”"]{1,140},)?\s+(?:also\s+|later\s+|then\s+|again\s+|has\s+|had\s+|was\s+|separately\s+)?(?:` + report + `)\b`),
		reportFirst: regexp.MustCompile(`\b(?:` + report + `)\s+(?:(?i:the\s+)?(?:(?:` + words + `)\s+){0,5}(?:` + heads + `)\s+)?` + nameRE),
		honorific:   regexp.MustCompile(`\b(?:Mr|Mrs|Ms|Dr|Madam|Sir)\.?\s+` + nameRE),
		headWord:    regexp.MustCompile(`(?i)\b(?:` + heads + `)\b`),
		reportNext:  regexp.MustCompile(`^\s+(?:also\s+|later\s+)?(?:` + report + `)\b`),
		reportPrev:  regexp.MustCompile(`\b(?:` + report + `)\s+$`),
		ofOrg:       regexp.MustCompile(`\b(?:of|at)\s+the\s+(\p{Lu}[\p{L}'’-]*(?:\s+(?:of|for|and|on|the|\p{Lu}[\p{L}'’-]*))*)`),
	}
}

// cleanName cuts a matched name at the first word that cannot be part of one (a weekday, a
// country) and reports whether anything name-like is left.
func (l *Language) cleanName(n string) string {
	var keep []string
	fields := strings.Fields(n)
	for len(fields) > 1 && (l.titleWords[fold(fields[0])] || l.titleHeads[fold(fields[0])]) {
		fields = fields[1:] // "Cabinet Secretary Haruto Mizuno said": the title is not the name
	}
	for _, w := range fields {
		base := strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if l.notNames[fold(base)] {
			if len(keep) == 0 {
				continue
			}
			break
		}
		keep = append(keep, base)
		if base != w {
			break
		}
	}
	return strings.Join(keep, " ")
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// find returns the person a mention names: the full name, a surname alone, or a full name
// whose surname was met alone before.
func (p *people) find(mention string) *person {
	k := fold(mention)
	if k == "" {
		return nil
	}
	if strings.HasPrefix(k, "the ") {
		return p.byTitle(mention)
	}
	for _, x := range p.list {
		if x.key == k {
			return x
		}
	}
	words := strings.Fields(k)
	var hit *person
	n := 0
	for _, x := range p.list {
		if len(words) == 1 && x.surname == k {
			hit, n = x, n+1
		}
	}
	if n == 1 {
		return hit
	}
	if len(words) == 1 {
		// Family name first (Park Ji-woo → Park).
		for _, x := range p.list {
			if strings.HasPrefix(x.key, k+" ") {
				hit, n = x, n+1
			}
		}
		if n == 1 {
			return hit
		}
	}
	if len(words) > 1 {
		for _, x := range p.list {
			if strings.HasSuffix(x.key, " "+k) {
				return x // Domínguez Peña for Valeria Domínguez Peña
			}
		}
		for _, x := range p.list {
			if !strings.Contains(x.key, " ") && x.key == words[len(words)-1] {
				x.name, x.key = mention, k // the surname met first; now the full name
				return x
			}
		}
	}
	return nil
}

// add records a person (or returns the one already recorded under that name).
func (p *people) add(name, evidence string) *person {
	if x := p.find(name); x != nil {
		if strings.Count(name, " ") > strings.Count(x.name, " ") && fold(lastWord(name)) == x.surname {
			x.name, x.key = name, fold(name)
		}
		return x
	}
	x := &person{name: name, key: fold(name), surname: fold(lastWord(name)), evidence: evidence, order: len(p.list)}
	p.list = append(p.list, x)
	return x
}

func (x *person) setTitle(title, org, country, evidence string) {
	title = strings.TrimSpace(title)
	if title != "" && x.title == "" {
		x.title = title
		x.evidence = evidence
	}
	if org != "" && x.org == "" {
		x.org = org
	}
	if country != "" && x.country == "" {
		x.country = country
	}
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// hasHead reports whether a phrase contains a word titles end on.
func (l *Language) hasHead(phrase string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(phrase), func(r rune) bool { return r == ' ' || r == '-' }) {
		if l.titleHeads[w] {
			return true
		}
	}
	return l.titleHeads[strings.ToLower(lastWord(phrase))]
}

// findPeople reads every sentence for the patterns that introduce a person. Full names come
// first, so that a surname met alone later ("Kishida said") finds its person.
func (l *Language) findPeople(sents []sentence, known []storage.Actor) *people {
	pp := l.personPatterns()
	ps := &people{l: l}
	for pass := 0; pass < 2; pass++ {
		full := pass == 0
		accept := func(n string) bool {
			if n == "" {
				return false
			}
			if full {
				return strings.Contains(n, " ")
			}
			return true
		}
		for _, s := range sents {
			t := s.text
			for _, m := range append(pp.titleBefore.FindAllStringSubmatch(t, -1), pp.titleComma.FindAllStringSubmatch(t, -1)...) {
				n := l.cleanName(m[4])
				if !accept(n) || !l.hasHead(lastWord(m[3])) {
					continue
				}
				country := ""
				if m[1] != "" {
					country, _ = l.country(m[1])
				} else if m[2] != "" {
					country, _ = l.country(m[2])
				}
				title := l.trimTitle(m[3])
				ps.add(n, t).setTitle(title, "", country, t)
			}
			for _, m := range pp.appositive.FindAllStringSubmatch(t, -1) {
				n := l.cleanName(m[1])
				if !accept(n) || !l.hasHead(m[2]) || l.startsWithVerb(m[2]) {
					continue
				}
				if _, isPlace := l.country(n); isPlace {
					continue
				}
				l.readAppositive(ps, ps.add(n, t), m[2], t, pp)
			}
			for _, re := range []*regexp.Regexp{pp.reportAfter, pp.reportFirst} {
				for _, m := range re.FindAllStringSubmatch(t, -1) {
					n := l.cleanName(m[1])
					if full && accept(n) {
						ps.add(n, t)
					}
				}
			}
			for _, m := range pp.honorific.FindAllStringSubmatch(t, -1) {
				if n := l.cleanName(m[1]); !full && n != "" && ps.find(n) == nil {
					ps.add(n, t)
				}
			}
			if full {
				l.findKnown(ps, t, known)
			}
		}
	}
	for _, x := range ps.list {
		if x.existing == nil {
			x.existing = matchActor(x, known)
		}
		if x.existing != nil && x.country == "" {
			x.country = x.existing.Country
		}
	}
	return ps
}

// trimTitle tidies a title met before a name: "Foreign Minister", "deputy foreign minister".
func (l *Language) trimTitle(t string) string {
	f := strings.Fields(t)
	for len(f) > 0 {
		w := strings.ToLower(f[0])
		if w == "the" || w == "and" || w == "of" {
			f = f[1:]
			continue
		}
		break
	}
	return upperFirst(strings.Join(f, " "))
}

// startsWithVerb tells an appositive ("the foreign minister") from a clause ("said the
// minister") so that "Kishida, said …" is not read as a title.
func (l *Language) startsWithVerb(phrase string) bool {
	w := strings.ToLower(strings.Fields(phrase + " x")[0])
	for _, r := range l.reporting {
		if w == r {
			return true
		}
	}
	return w == "is" || w == "was" || w == "has" || w == "had" || w == "will" || w == "and" || w == "but"
}

// readAppositive takes title, side, organisation or relation out of "Russia's deputy
// foreign minister", "the Japanese government representative …", "Putin's close aide",
// "chairman of the State Duma".
func (l *Language) readAppositive(ps *people, x *person, phrase, evidence string, pp *personPatterns) {
	phrase = strings.TrimSpace(phrase)
	country := ""
	if owner, rest, ok := cutPossessive(phrase); ok {
		if c, isCountry := l.country(owner); isCountry {
			country, phrase = c, rest
		} else if other := ps.find(owner); other != nil && other != x {
			for k := range x.relOther {
				if x.relOther[k] == other && x.relKind[k] == rest+" of" {
					return
				}
			}
			x.relKind = append(x.relKind, rest+" of")
			x.relOther = append(x.relOther, other)
			return
		} else {
			return
		}
	}
	f := strings.Fields(phrase)
	for k := min(2, len(f)); k >= 1; k-- {
		if c, ok := l.nationality[strings.ToLower(strings.Join(f[:k], " "))]; ok {
			country, phrase = c, strings.Join(f[k:], " ")
			break
		}
	}
	org := ""
	if m := pp.ofOrg.FindStringSubmatch(phrase); m != nil {
		org = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSpace(m[1]), " of"), " and")
	}
	x.setTitle(upperFirst(phrase), org, country, evidence)
}

func cutPossessive(s string) (owner, rest string, ok bool) {
	for _, sep := range []string{"’s ", "'s "} {
		if a, b, found := strings.Cut(s, sep); found && !strings.Contains(a, " ") {
			return a, b, true
		}
	}
	return "", "", false
}

// findKnown adds the dossier's actors that the sentence names by a full name, a native name
// or another spelling (with or without diacritics).
func (l *Language) findKnown(ps *people, sent string, known []storage.Actor) {
	fs := fold(sent)
	for i := range known {
		a := &known[i]
		if a.Kind == storage.ActorOrganisation {
			continue
		}
		for _, v := range actorNames(a) {
			if strings.Contains(v, " ") || !isLatin(v) {
				if containsWord(fs, v) {
					name := a.Name
					x := ps.add(name, sent)
					x.existing = a
					break
				}
			}
		}
	}
}

func isLatin(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.In(r, unicode.Latin) {
			return false
		}
	}
	return true
}

func actorNames(a *storage.Actor) []string {
	var out []string
	for _, n := range append([]string{a.Name, a.NativeName}, a.OtherNames...) {
		if f := fold(n); f != "" {
			out = append(out, f)
		}
	}
	return out
}

// containsWord reports whether needle occurs in hay with no letter on either side.
func containsWord(hay, needle string) bool {
	return wordIndex(hay, needle) >= 0
}

// wordIndex is the last position of needle in hay as a whole word, or -1.
func wordIndex(hay, needle string) int {
	if needle == "" {
		return -1
	}
	found := -1
	for from := 0; from <= len(hay)-len(needle); {
		k := strings.Index(hay[from:], needle)
		if k < 0 {
			break
		}
		a := from + k
		b := a + len(needle)
		before, _ := utf8.DecodeLastRuneInString(hay[:a])
		after, _ := utf8.DecodeRuneInString(hay[b:])
		if (a == 0 || !unicode.IsLetter(before)) && (b == len(hay) || !unicode.IsLetter(after)) {
			found = a
		}
		from = a + 1
	}
	return found
}

// matchActor finds the dossier actor a person is: by full name, native name or another
// spelling, or by surname when exactly one actor has it.
func matchActor(x *person, known []storage.Actor) *storage.Actor {
	var bySurname *storage.Actor
	n := 0
	for i := range known {
		a := &known[i]
		for _, v := range actorNames(a) {
			if v == x.key {
				return a
			}
		}
		if fold(lastWord(a.Name)) == x.surname {
			bySurname, n = a, n+1
		}
	}
	if n == 1 && !strings.Contains(x.key, " ") {
		return bySurname
	}
	if n == 1 && bySurname != nil {
		// "Sergei Naryshkin" for "Sergey Naryshkin": same surname, first name spelt otherwise.
		first := strings.Fields(x.key)[0]
		other := strings.Fields(fold(bySurname.Name))[0]
		if len(first) > 2 && len(other) > 2 && first[:3] == other[:3] {
			return bySurname
		}
	}
	return nil
}

// mentioned lists the persons a piece of text names (full name, surname, or a bare title
// only they hold: "the deputy foreign minister").
func (p *people) mentioned(text string) []*person {
	ft := fold(text)
	var out []*person
	for _, x := range p.list {
		if containsWord(ft, x.key) || containsWord(ft, x.surname) {
			out = append(out, x)
		}
	}
	if p.l == nil {
		return out
	}
	for _, m := range p.l.bareTitles(text) {
		if x := p.byTitle(text[m[0]:m[1]]); x != nil && !slices.Contains(out, x) {
			out = append(out, x)
		}
	}
	return out
}

// bareTitles are the spans of "the" + title words + a head with no name after it: "the
// deputy foreign minister", "the Guatemalan foreign minister". (One regular expression over
// every title word was too slow for long articles: the head is found first, then the words
// before it are checked.)
func (l *Language) bareTitles(text string) [][2]int {
	if !strings.Contains(strings.ToLower(text), "the ") {
		return nil
	}
	var out [][2]int
	for _, h := range l.personPatterns().headWord.FindAllStringIndex(text, -1) {
		if h[1] < len(text) && (text[h[1]] == '-' || text[h[1]] == '\'' || strings.HasPrefix(text[h[1]:], "’")) {
			continue
		}
		if rest := strings.TrimLeft(text[h[1]:], " "); rest != "" && unicode.IsUpper([]rune(rest)[0]) && len(rest) < len(text[h[1]:]) {
			continue // a name follows: not bare
		}
		words := strings.Fields(text[max(0, h[0]-80):h[0]])
		for k := len(words) - 1; k >= 0 && len(words)-k <= 5; k-- {
			w := strings.ToLower(strings.Trim(words[k], ",;:“”\"("))
			if w == "the" && words[k] == strings.Trim(words[k], ",;:“”\"(") {
				at := strings.LastIndex(text[:h[0]], strings.Join(words[k:], " "))
				if at >= 0 {
					out = append(out, [2]int{at, h[1]})
				}
				break
			}
			if _, isNat := l.nationality[w]; !l.titleWords[w] && !l.titleHeads[w] && !isNat {
				break
			}
		}
	}
	return out
}

// rankWords are the words that make a title another post: a deputy foreign minister is not
// "the foreign minister".
var rankWords = map[string]bool{"deputy": true, "vice": true, "assistant": true, "junior": true, "under": true,
	"undersecretary": true, "under-secretary": true, "acting": true, "former": true, "chief": true, "senior": true}

// byTitle is the one person a bare title stands for ("the minister", "the deputy foreign
// minister", "the Guatemalan foreign minister"): the only one whose title has its words and
// head, and no rank ("deputy", "vice") the phrase leaves out. With two candidates it is nobody.
func (p *people) byTitle(phrase string) *person {
	f := strings.Fields(fold(phrase))
	if len(f) < 2 || f[0] != "the" || p.l == nil {
		return nil
	}
	country := ""
	for _, w := range f[1:] {
		if c, ok := p.l.country(w); ok {
			country = c
		}
	}
	head := f[len(f)-1]
	want := canonicalTitle(phrase)
	var exact, loose []*person
	for _, x := range p.list {
		if x.title == "" || country != "" && x.country != country {
			continue
		}
		have := canonicalTitle(x.title)
		if !have[head] || !subset(want, have) {
			continue
		}
		ranked := false
		for w := range have {
			ranked = ranked || rankWords[w] && !want[w]
		}
		if ranked {
			continue
		}
		loose = append(loose, x)
		if subset(have, want) {
			exact = append(exact, x)
		}
	}
	switch {
	case len(exact) == 1:
		return exact[0]
	case len(exact) == 0 && len(loose) == 1:
		return loose[0]
	}
	return nil
}

// lastMentioned is the person named last in the text, or nil.
func (p *people) lastMentioned(text string) *person {
	ft := fold(text)
	var best *person
	at := -1
	for _, x := range p.list {
		for _, v := range []string{x.key, x.surname} {
			if k := wordIndex(ft, v); k > at {
				best, at = x, k
			}
		}
	}
	return best
}

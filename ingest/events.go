package ingest

import (
	"regexp"
	"slices"
	"strings"

	"github.com/parley-app/parley/storage"
)

var (
	inPlace    = lazyRegexp(`\b(?:in|at)\s+(?:(?i:the)\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})`)
	visitPlace = lazyRegexp(`(?i:\bvisit(?:s|ed|ing)?|\btrip\s+to|\btravel(?:led|s)?\s+to)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2})`)
	wordRE     = lazyRegexp(`[\p{L}]+`)
)

// event is a dated happening the article reports.
type event struct {
	noun         string // canonical event noun: "talks", "visit"…
	when         storage.FuzzyDate
	place        string
	status       storage.Status
	participants []*person
	evidence     string
	phrase       string
}

// eventsOf reads the dated events of one sentence: each date with the event word nearest to
// it between the neighbouring dates; a date with no event word beside it is no event.
func (l *Language) eventsOf(s string, base storage.PartialDate, ps *people, pp *personPatterns) []event {
	dates := l.findDates(s, base)
	var out []event
	quotes := findQuotes(s)
	blank := blankQuotes(s, quotes)
	for i, d := range dates {
		from, to := between(dates, i, len(s), func(d dateMention) (int, int) { return d.start, d.end })
		if inside(quotes, d.start) {
			continue
		}
		noun, at := l.nearestEventWord(blank, from, d.start, d.end, to)
		if noun == "" {
			continue
		}
		ev := event{noun: noun, when: d.when, evidence: s, phrase: d.text}
		cs, ce := clauseBounds(blank, from, d.start, d.end, to)
		if at >= 0 && at < cs {
			ws, _ := clauseBounds(blank, from, at, at, to)
			cs = ws
		}
		ev.place = l.placeNear(blank, d, at, cs, ce)
		ev.status = l.statusOf(blank, from, d.start, d.end, to, d.when, base)
		speakers := map[*person]bool{}
		for _, a := range l.attributions(blank, pp) {
			if x := ps.find(a.who); x != nil {
				speakers[x] = true
			}
		}
		for _, x := range ps.mentioned(blank[cs:ce]) {
			if !speakers[x] {
				ev.participants = append(ev.participants, x)
			}
		}
		// "… conveyed to Abe when they met last Thursday, Naryshkin said": "they" is the
		// speaker and the person named last before it; "we met" is the speaker.
		if m := theyMet.get().FindStringSubmatchIndex(blank[cs:ce]); m != nil {
			for x := range speakers {
				ev.participants = appendNew(ev.participants, x)
			}
			if strings.EqualFold(blank[cs+m[2]:cs+m[3]], "they") {
				if x := ps.lastMentioned(blank[:cs+m[0]]); x != nil && !speakers[x] {
					ev.participants = appendNew(ev.participants, x)
				}
			}
		}
		out = append(out, ev)
	}
	return out
}

func inside(qs []quoteSpan, at int) bool {
	for _, q := range qs {
		if at > q.start && at < q.end {
			return true
		}
	}
	return false
}

// nearestEventWord is the event noun closest to the date [a, b) within (from, to).
func (l *Language) nearestEventWord(s string, from, a, b, to int) (string, int) {
	best, bestAt, dist := "", -1, 1<<30
	for _, m := range wordRE.get().FindAllStringIndex(s[from:to], -1) {
		w := strings.ToLower(s[from+m[0] : from+m[1]])
		noun, ok := l.eventWords[w]
		if !ok {
			continue
		}
		start := from + m[0]
		d := a - (from + m[1])
		if start >= b {
			if _, end := clauseBounds(s, from, a, b, to); start >= end {
				continue // after the date only within its own clause
			}
			d = start - b + 10 // a word after the date counts a little less than one before it
		}
		if d < 0 {
			continue
		}
		if d < dist {
			best, bestAt, dist = noun, start, d
		}
	}
	if dist > 160 {
		return "", -1
	}
	return best, bestAt
}

// placeNear is the place named next to the date or the event word: "talks on Wednesday in
// Tokyo", "one in Moscow last October", "to visit Japan by the end of this year".
func (l *Language) placeNear(s string, d dateMention, at, from, to int) string {
	best, dist := "", 45
	for _, re := range []*regexp.Regexp{inPlace.get(), visitPlace.get()} {
		for _, m := range re.FindAllStringSubmatchIndex(s[from:to], -1) {
			a, b := from+m[2], from+m[3]
			name := strings.TrimSpace(s[a:b])
			if l.isDateWord(name) || l.notPlace(name) {
				continue
			}
			for _, ref := range []int{d.start, d.end, at} {
				if ref < 0 {
					continue
				}
				dd := ref - b
				if a >= ref {
					dd = a - ref
				}
				if dd < 0 {
					dd = -dd
				}
				if dd < dist {
					best, dist = name, dd
				}
			}
		}
	}
	return best
}

func (l *Language) isDateWord(w string) bool {
	f := strings.Fields(strings.ToLower(w))
	if len(f) == 0 {
		return true
	}
	_, m := l.months[strings.TrimSuffix(f[0], ".")]
	_, d := l.weekdays[f[0]]
	return m || d
}

func (l *Language) notPlace(name string) bool {
	w := fold(strings.Fields(name)[0])
	return w == "the" || w == "a" || w == "his" || w == "her" || w == "their" || w == "its"
}

// statusOf reads the verbs of the date's clause, and of the main verb after an appositive
// ("the visit, tentatively scheduled for 2014, was postponed").
func (l *Language) statusOf(s string, from, a, b, to int, when storage.FuzzyDate, base storage.PartialDate) storage.Status {
	s = s[:a] + strings.Repeat(" ", b-a) + s[b:] // "May" the month is not "may" the verb
	clause := clauseAround(s, from, a, b, to)
	after := ""
	if _, end := clauseBounds(s, from, a, b, to); end < to {
		// the main verb after an appositive or a "but": "the visit, tentatively scheduled for
		// 2014, was postponed"; "scheduled for 2 September but postponed"
		rest := s[end+1 : to]
		if m := clauseBreak.get().FindStringIndex(rest); m != nil && m[0] == 0 {
			rest = rest[m[1]:]
		}
		if m := clauseBreak.get().FindStringIndex(rest); m != nil {
			rest = rest[:m[0]]
		}
		after = rest
	}
	past := !base.IsZero() && !when.IsZero() && !when.Upper().After(base.Start())
	switch {
	case l.statusPostponed.MatchString(clause) || l.statusPostponed.MatchString(after):
		return storage.StatusPostponed
	case l.statusCancelled.MatchString(clause) || l.statusCancelled.MatchString(after):
		return storage.StatusCancelled
	case l.statusProposed.MatchString(clause):
		return storage.StatusProposed
	case l.statusTentative.MatchString(clause):
		return storage.StatusTentative
	case l.statusScheduled.MatchString(clause) && !past:
		return storage.StatusScheduled
	}
	if !base.IsZero() && !when.IsZero() {
		if when.Upper().After(base.End()) {
			return storage.StatusScheduled
		}
		return storage.StatusHeld
	}
	return storage.StatusHeld
}

var (
	theyMet = lazyRegexp(`(?i)\b(they|we)\s+(?:had\s+|have\s+|last\s+|first\s+)?(?:met|meet|held\s+talks|talked|spoke)\b`)
	// meetingRef is a definite reference to a meeting the article has spoken of: "the talks",
	// "the upcoming talks", "the officials’ meeting" (not "the next round": that is another).
	meetingRef  = lazyRegexp(`(?i)\bthe\s+(?:(?:upcoming|forthcoming|planned|latest|same|officials[’']|ministers[’']|negotiators[’']|two\s+sides[’'])\s+)?(?:talks|meeting|round|consultations|negotiations|dialogue)\b`)
	betweenWith = lazyRegexp(`(?i)\b(?:between|with)\s+`)
)

func appendNew(ps []*person, x *person) []*person {
	if slices.Contains(ps, x) {
		return ps
	}
	return append(ps, x)
}

func hasMeeting(evs []event) bool {
	for _, ev := range evs {
		if kindOf(ev.noun) == "meeting" {
			return true
		}
	}
	return false
}

// meetingReference finds a definite reference to a meeting outside quotation marks: its
// position (-1 for none) and whether it opens the sentence ("The meeting will be …").
func (l *Language) meetingReference(s string) (int, bool) {
	blank := blankQuotes(s, findQuotes(s))
	m := meetingRef.get().FindStringIndex(blank)
	if m == nil {
		return -1, false
	}
	return m[0], strings.TrimLeft(blank[:m[0]], " “”\"‘’") == ""
}

// referenceParticipants are the people a sentence that refers back to a meeting puts in it:
// those after "between" or "with" following the reference ("at the upcoming talks between
// Harada and Morgulov"), and a negotiator or delegate who reports on the talks. Other
// speakers are only reporting.
func (l *Language) referenceParticipants(s string, ref int, ps *people, pp *personPatterns) []*person {
	blank := blankQuotes(s, findQuotes(s))
	atts := l.attributions(blank, pp)
	speakers := map[*person]bool{}
	var out []*person
	for _, a := range atts {
		if x := ps.find(a.who); x != nil {
			speakers[x] = true
			if participantTitle(x.title) {
				out = appendNew(out, x)
			}
		}
	}
	if m := betweenWith.get().FindStringIndex(blank[ref:]); m != nil && m[0] < 80 {
		from := ref + m[1]
		to := len(blank)
		for _, a := range atts {
			if a.start > from && a.start < to {
				to = a.start
			}
		}
		for _, x := range ps.mentioned(blank[from:to]) {
			if !speakers[x] {
				out = appendNew(out, x)
			}
		}
	}
	return out
}

// participantTitle reports whether a title is one of those who sit at the table.
func participantTitle(t string) bool {
	for _, w := range strings.Fields(strings.ToLower(t)) {
		switch w {
		case "negotiator", "negotiators", "delegate", "delegation":
			return true
		}
	}
	return false
}

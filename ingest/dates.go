package ingest

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/parley-app/parley/storage"
)

// dateMention is a date expression found in a sentence, resolved against the base date.
type dateMention struct {
	start, end int // byte offsets in the sentence
	text       string
	when       storage.FuzzyDate
}

// datePattern is one form of date expression and how to resolve it.
type datePattern struct {
	re *regexp.Regexp
	// resolve turns the submatches into a date; ok is false when the text cannot be placed
	// (a relative date without a base date, a day that does not exist).
	resolve func(m []string, base storage.PartialDate, future bool) (storage.FuzzyDate, bool)
}

const (
	monthRE = `(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t|tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\b\.?`
	dayRE   = `(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`
	yearRE  = `((?:1[89]|20)\d\d)`
)

// datePatterns are built on first use (see languages).
var datePatterns = sync.OnceValue(buildDatePatterns)

func buildDatePatterns() []datePattern {
	en := languages()["en"]
	mon := func(s string) time.Month { return en.months[strings.ToLower(strings.TrimSuffix(s, "."))] }
	wd := func(s string) time.Weekday { return en.weekdays[strings.ToLower(s)] }
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	day := func(y int, m time.Month, d int) (storage.FuzzyDate, bool) {
		f := storage.OnDay(y, m, d)
		return f, f.Validate() == nil
	}
	rx := regexp.MustCompile
	return []datePattern{
		{rx(`\b(\d{4})-(\d\d)-(\d\d)\b`), func(m []string, _ storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			return day(num(m[1]), time.Month(num(m[2])), num(m[3]))
		}},
		{rx(`\b(\d{1,2})\s*(?:–|-|to|and)\s*(\d{1,2})\s+` + monthRE + `,?(?:\s+` + yearRE + `)?`), func(m []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			y, ok := yearOr(num(m[4]), b, func() int { return nearestYear(b, mon(m[3]), num(m[1])) })
			if !ok {
				return storage.FuzzyDate{}, false
			}
			return dayRange(y, mon(m[3]), num(m[1]), num(m[2]))
		}},
		{rx(monthRE + `\s+(\d{1,2})\s*(?:–|-|to)\s*(\d{1,2})(?:,?\s+` + yearRE + `)?\b`), func(m []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			y, ok := yearOr(num(m[4]), b, func() int { return nearestYear(b, mon(m[1]), num(m[2])) })
			if !ok {
				return storage.FuzzyDate{}, false
			}
			return dayRange(y, mon(m[1]), num(m[2]), num(m[3]))
		}},
		{rx(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRE + `,?\s+` + yearRE + `\b`), func(m []string, _ storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			return day(num(m[3]), mon(m[2]), num(m[1]))
		}},
		{rx(monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+` + yearRE + `\b`), func(m []string, _ storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			return day(num(m[3]), mon(m[1]), num(m[2]))
		}},
		{rx(`(?i:\b(?:by|before)\s+(?:the\s+)?end\s+of\s+)` + monthRE + `(?:,?\s+` + yearRE + `)?`), func(m []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			y, ok := yearOr(num(m[2]), b, func() int { return monthYear(b, mon(m[1]), true) })
			if !ok {
				return storage.FuzzyDate{}, false
			}
			return storage.By(storage.PartialDate{Year: y, Month: mon(m[1])}), true
		}},
		{rx(`(?i:\b(?:by|before)\s+(?:the\s+)?end\s+of\s+)` + yearRE + `\b`), func(m []string, _ storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			return storage.By(storage.PartialDate{Year: num(m[1])}), true
		}},
		{rx(`(?i)\b(?:by|before)\s+(?:the\s+)?(?:end\s+of\s+(?:this|the)\s+year|year[- ]end|end[- ]of[- ](?:the[- ])?year)\b|\blater\s+this\s+year\b|\bbefore\s+the\s+year\s+is\s+out\b`), func(_ []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			return storage.By(storage.PartialDate{Year: b.Year}), !b.IsZero()
		}},
		{rx(`(?i)\b(?:by|before)\s+(?:the\s+)?end\s+of\s+next\s+year\b`), func(_ []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			return storage.By(storage.PartialDate{Year: b.Year + 1}), !b.IsZero()
		}},
		{rx(`(?i)\b(?:by|before)\s+(?:the\s+)?end\s+of\s+(?:this|the)\s+month\b|\blater\s+this\s+month\b`), func(_ []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			return storage.By(storage.PartialDate{Year: b.Year, Month: b.Month}), b.Month != 0
		}},
		{rx(`\b` + dayRE + `\s+(?i:(last|next|this)\s+week)\b`), func(m []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			if b.Day == 0 {
				return storage.FuzzyDate{}, false
			}
			monday := mondayOfWeek(m[2], b.Start())
			d := monday.AddDate(0, 0, (int(wd(m[1]))+6)%7)
			return storage.OnDay(d.Year(), d.Month(), d.Day()), true
		}},
		// "this week", "last week" alone: the days from Monday to Sunday of that week.
		{rx(`\b(?i:(last|next|this)\s+week)\b`), func(m []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			if b.Day == 0 {
				return storage.FuzzyDate{}, false
			}
			monday := mondayOfWeek(m[1], b.Start())
			sunday := monday.AddDate(0, 0, 6)
			f := storage.Between(storage.PartialDate{Year: monday.Year(), Month: monday.Month(), Day: monday.Day()},
				storage.PartialDate{Year: sunday.Year(), Month: sunday.Month(), Day: sunday.Day()})
			return f, f.Validate() == nil
		}},
		{rx(`(?i:\b(last|next|this|on|early|late)\s+)?` + dayRE + `(?i:\s+(morning|afternoon|evening|night))?`), func(m []string, b storage.PartialDate, future bool) (storage.FuzzyDate, bool) {
			if b.Day == 0 {
				return storage.FuzzyDate{}, false
			}
			base := b.Start()
			want := wd(m[2])
			var d time.Time
			switch q := strings.ToLower(m[1]); {
			case q == "last" || (q != "next" && q != "this" && !future):
				d = base
				if q == "last" {
					d = d.AddDate(0, 0, -1)
				}
				for d.Weekday() != want {
					d = d.AddDate(0, 0, -1)
				}
			case q == "this":
				d = mondayOf(base).AddDate(0, 0, (int(want)+6)%7)
			default:
				d = base.AddDate(0, 0, 1)
				for d.Weekday() != want {
					d = d.AddDate(0, 0, 1)
				}
			}
			return storage.OnDay(d.Year(), d.Month(), d.Day()), true
		}},
		{rx(`(?i)\b(yesterday|today|tomorrow)\b`), func(m []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			if b.Day == 0 {
				return storage.FuzzyDate{}, false
			}
			d := b.Start().AddDate(0, 0, map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}[strings.ToLower(m[1])])
			return storage.OnDay(d.Year(), d.Month(), d.Day()), true
		}},
		{rx(`\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` + monthRE), func(m []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			if b.IsZero() {
				return storage.FuzzyDate{}, false
			}
			return day(nearestYear(b, mon(m[2]), num(m[1])), mon(m[2]), num(m[1]))
		}},
		{rx(monthRE + `\s+(\d{1,2})(?:st|nd|rd|th)?\b`), func(m []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			if b.IsZero() {
				return storage.FuzzyDate{}, false
			}
			return day(nearestYear(b, mon(m[1]), num(m[2])), mon(m[1]), num(m[2]))
		}},
		{rx(`(?i:\b(by|before|until)\s+)` + monthRE + `(?:,?\s+` + yearRE + `)?`), func(m []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			y, ok := yearOr(num(m[3]), b, func() int { return monthYear(b, mon(m[2]), true) })
			if !ok {
				return storage.FuzzyDate{}, false
			}
			return storage.By(storage.PartialDate{Year: y, Month: mon(m[2])}), true
		}},
		{rx(`(?i:\b(?:early|late|mid-?|the\s+end\s+of|the\s+start\s+of)\s*)?` + monthRE + `,?\s+` + yearRE + `\b`), func(m []string, _ storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			return storage.InMonth(num(m[2]), mon(m[1])), true
		}},
		{rx(`(?i)\b(this|next|last)\s+month\b|\bearlier\s+this\s+month\b`), func(m []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			if b.Month == 0 {
				return storage.FuzzyDate{}, false
			}
			d := time.Date(b.Year, b.Month, 1, 0, 0, 0, 0, time.UTC).AddDate(0, map[string]int{"next": 1, "last": -1}[strings.ToLower(m[1])], 0)
			return storage.InMonth(d.Year(), d.Month()), true
		}},
		{rx(`(?i)\b(this|next|last|early\s+next|earlier\s+this|late\s+last|later\s+next|early\s+this)\s+year\b`), func(m []string, b storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			if b.IsZero() {
				return storage.FuzzyDate{}, false
			}
			q := strings.Fields(strings.ToLower(m[1]))
			return storage.InYear(b.Year + map[string]int{"next": 1, "last": -1}[q[len(q)-1]]), true
		}},
		{rx(`(?i:\b(last|next|this|in|since|until|from|during|early|late|mid-?|through|throughout|of|after|before)\s+)` + monthRE), func(m []string, b storage.PartialDate, future bool) (storage.FuzzyDate, bool) {
			if b.IsZero() || b.Month == 0 {
				return storage.FuzzyDate{}, false
			}
			mo := mon(m[2])
			y := b.Year
			switch strings.ToLower(m[1]) {
			case "last":
				if mo >= b.Month {
					y--
				}
			case "next":
				if mo <= b.Month {
					y++
				}
			case "this":
			default:
				y = monthYear(b, mo, future)
			}
			return storage.InMonth(y, mo), true
		}},
		{rx(`(?i:\b(?:by|before)\s+)` + yearRE + `\b`), func(m []string, _ storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			return storage.By(storage.PartialDate{Year: num(m[1])}), true
		}},
		{rx(`\b` + yearRE + `\s*(?:–|-|to)\s*` + yearRE + `\b`), func(m []string, _ storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			f := storage.Between(storage.PartialDate{Year: num(m[1])}, storage.PartialDate{Year: num(m[2])})
			return f, f.Validate() == nil
		}},
		{rx(`\b` + yearRE + `\b`), func(m []string, _ storage.PartialDate, _ bool) (storage.FuzzyDate, bool) {
			return storage.InYear(num(m[1])), true
		}},
	}
}

func dayRange(y int, m time.Month, a, b int) (storage.FuzzyDate, bool) {
	f := storage.Between(storage.PartialDate{Year: y, Month: m, Day: a}, storage.PartialDate{Year: y, Month: m, Day: b})
	return f, f.Validate() == nil && a < b
}

func mondayOf(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

// between is the stretch of a sentence of n bytes around the i-th of the mentions in it, in
// order, whose byte offsets offsets gives: from the end of the mention before (or the start of
// the sentence) to the start of the one after (or the end of the sentence).
func between[T any](mentions []T, i, n int, offsets func(T) (start, end int)) (from, to int) {
	from, to = 0, n
	if i > 0 {
		_, from = offsets(mentions[i-1])
	}
	if i+1 < len(mentions) {
		to, _ = offsets(mentions[i+1])
	}
	return from, to
}

// yearOr is y, the year written, or when none was, guess(): the year the base date b implies.
// It is false when there is neither, no year being written and no base date known.
func yearOr(y int, b storage.PartialDate, guess func() int) (int, bool) {
	switch {
	case y != 0:
		return y, true
	case b.IsZero():
		return 0, false
	}
	return guess(), true
}

// mondayOfWeek is the Monday of the week that which ("last", "next" or "this", in any case)
// names, seen from the day t.
func mondayOfWeek(which string, t time.Time) time.Time {
	monday := mondayOf(t)
	switch strings.ToLower(which) {
	case "last":
		return monday.AddDate(0, 0, -7)
	case "next":
		return monday.AddDate(0, 0, 7)
	}
	return monday
}

// nearestYear is the year that puts day d of month m closest to the base date: a date
// written without its year is almost always within a few months of the report.
func nearestYear(b storage.PartialDate, m time.Month, d int) int {
	base := b.Start()
	best, bestDist := b.Year, time.Duration(1<<62)
	for _, y := range []int{b.Year - 1, b.Year, b.Year + 1} {
		dist := time.Date(y, m, max(d, 1), 0, 0, 0, 0, time.UTC).Sub(base)
		if dist < 0 {
			dist = -dist
		}
		if dist < bestDist {
			best, bestDist = y, dist
		}
	}
	return best
}

// monthYear places a month without a year: the coming one in a sentence about the future,
// else the latest one up to the base month.
func monthYear(b storage.PartialDate, m time.Month, future bool) int {
	if b.Month == 0 {
		return b.Year
	}
	if future {
		if m < b.Month {
			return b.Year + 1
		}
		return b.Year
	}
	if m > b.Month {
		return b.Year - 1
	}
	return b.Year
}

// findDates finds the date expressions of a sentence and resolves each against base. A
// relative expression ("last Thursday", "in May") is resolved only when base is known; a
// weekday or month without a qualifier looks forward when its clause speaks of the future.
func (l *Language) findDates(s string, base storage.PartialDate) []dateMention {
	type span struct {
		start, end int
		p          *datePattern
		m          []string
	}
	var spans []span
	taken := func(a, b int) bool {
		for _, sp := range spans {
			if a < sp.end && b > sp.start {
				return true
			}
		}
		return false
	}
	patterns := datePatterns()
	for i := range patterns {
		p := &patterns[i]
		for _, loc := range p.re.FindAllStringSubmatchIndex(s, -1) {
			a, b := loc[0], loc[1]
			if taken(a, b) || !l.plausibleDate(s, a, b) {
				continue
			}
			m := make([]string, len(loc)/2)
			for k := range m {
				if loc[2*k] >= 0 {
					m[k] = s[loc[2*k]:loc[2*k+1]]
				}
			}
			spans = append(spans, span{a, b, p, m})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].start < spans[j].start })
	var out []dateMention
	for i, sp := range spans {
		from, to := between(spans, i, len(s), func(sp span) (int, int) { return sp.start, sp.end })
		blanked := s[:sp.start] + strings.Repeat(" ", sp.end-sp.start) + s[sp.end:]
		future := l.futureCue.MatchString(clauseAround(blanked, from, sp.start, sp.end, to))
		if cs, _ := clauseBounds(blanked, from, sp.start, sp.end, to); !future {
			// After an appositive the date belongs to the verb before it: "Usher will meet
			// Ana Villalobos, the OAS secretary-general, in Washington on Friday".
			if m := appositiveBefore.get().FindStringIndex(blanked[from:cs]); m != nil {
				future = l.futureCue.MatchString(clauseAround(blanked, from, from+m[0], from+m[0], to))
			}
		}
		when, ok := sp.p.resolve(sp.m, base, future)
		if !ok || when.Validate() != nil {
			continue
		}
		out = append(out, dateMention{start: sp.start, end: sp.end, text: strings.TrimSuffix(strings.TrimSpace(s[sp.start:sp.end]), "."), when: when})
	}
	return out
}

// plausibleDate refuses numbers that only look like years: amounts ($2014, 2,014), counts
// followed by a unit, and page or section numbers.
func (l *Language) plausibleDate(s string, a, b int) bool {
	if a > 0 && strings.ContainsAny(s[a-1:a], "$€£,.#/") {
		return false
	}
	if b < len(s) && (strings.HasPrefix(s[b:], "%") || (strings.HasPrefix(s[b:], ",") && b+1 < len(s) && s[b+1] >= '0' && s[b+1] <= '9')) {
		return false
	}
	rest := strings.ToLower(strings.TrimSpace(s[b:]))
	for _, unit := range []string{"troops", "people", "soldiers", "km", "kilometres", "kilometers", "square", "metres", "meters", "tonnes", "tons", "dollars", "euros", "votes", "seats", "pages", "words"} {
		if strings.HasPrefix(rest, unit) {
			return false
		}
	}
	return true
}

// clauseAround is the part of the sentence that speaks of the date at [a, b): between the
// neighbouring dates (from, to), and within that the clause, cut at commas, semicolons, dashes
// and the conjunctions that start another clause ("after Moscow annexed …").
func clauseAround(s string, from, a, b, to int) string {
	start, end := clauseBounds(s, from, a, b, to)
	return s[start:end]
}

var appositiveBefore = lazyRegexp(`,\s+(?:the|a|an|his|her|their)\s+[^,;—]{1,60},\s*$`)

var clauseBreak = lazyRegexp(`[,;—]|\b(?:after|because|when|as|but|following|amid|while|which|who|whereas|though|although|before|until)\b`)

func clauseBounds(s string, from, a, b, to int) (int, int) {
	start := from
	for _, m := range clauseBreak.get().FindAllStringIndex(s[from:a], -1) {
		start = from + m[1]
	}
	end := to
	if m := clauseBreak.get().FindStringIndex(s[b:to]); m != nil {
		end = b + m[0]
	}
	return start, end
}

package ingest

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// quoteSpan is one quotation in a sentence.
type quoteSpan struct {
	start, end int // the marks included
	text       string
}

// findQuotes returns the quotations of a sentence: text between curly (“…”) or straight
// ("…") double quotation marks, or British single marks (‘…’) when they open after a space
// and close before one. An unclosed mark quotes nothing.
func findQuotes(s string) []quoteSpan {
	var out []quoteSpan
	open := -1
	var want rune
	for i, r := range s {
		switch {
		case open < 0 && (r == '“' || r == '"'):
			open, want = i, map[rune]rune{'“': '”', '"': '"'}[r]
		case open < 0 && r == '‘' && (i == 0 || s[i-1] == ' ' || s[i-1] == '('):
			open, want = i, '’'
		case open >= 0 && r == want:
			end := i + utf8.RuneLen(r)
			if want == '’' && end < len(s) && isLetterByte(s[end]) {
				continue // an apostrophe inside the quote: leaders’
			}
			inner := s[open+utf8.RuneLen(firstRune(s[open:])) : i]
			out = append(out, quoteSpan{start: open, end: end, text: strings.TrimSpace(inner)})
			open = -1
		}
	}
	return out
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isLetterByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// blankQuotes replaces the quoted parts of s by spaces, keeping offsets, so that the words
// around a quote can be searched for its speaker without the quote's own words.
func blankQuotes(s string, qs []quoteSpan) string {
	b := []byte(s)
	for _, q := range qs {
		for i := q.start; i < q.end; i++ {
			b[i] = ' '
		}
	}
	return string(b)
}

// attribution is a reporting clause found next to a quotation.
type attribution struct {
	start, end int
	who        string // the name, or a pronoun
}

var pronounReport = lazyRegexp(`(?i)\b(he|she|they)\s+(?:also\s+|later\s+|then\s+)?(?:said|says|added|told|stated|warned|noted|stressed|insisted|declared|explained|argued|replied|continued|cautioned)\b|\b(?:said|says|added)\s+(he|she)\b`)

// attributions lists the reporting clauses of a sentence whose quotes are blanked.
func (l *Language) attributions(blank string, pp *personPatterns) []attribution {
	var out []attribution
	for _, re := range []*regexp.Regexp{pp.reportAfter, pp.reportFirst} {
		for _, m := range re.FindAllStringSubmatchIndex(blank, -1) {
			out = append(out, attribution{start: m[0], end: m[1], who: l.cleanName(blank[m[2]:m[3]])})
		}
	}
	for _, m := range l.bareTitles(blank) {
		if r := pp.reportNext.FindStringIndex(blank[m[1]:]); r != nil {
			out = append(out, attribution{start: m[0], end: m[1] + r[1], who: blank[m[0]:m[1]]})
		} else if r := pp.reportPrev.FindStringIndex(blank[:m[0]]); r != nil && (m[1] == len(blank) || strings.ContainsAny(blank[m[1]:m[1]+1], ",.;")) {
			out = append(out, attribution{start: r[0], end: m[1], who: blank[m[0]:m[1]]})
		}
	}
	for _, m := range pronounReport.get().FindAllStringSubmatchIndex(blank, -1) {
		out = append(out, attribution{start: m[0], end: m[1], who: "he"})
	}
	if k := strings.Index(strings.ToLower(blank), "according to "); k >= 0 {
		rest := blank[k+len("according to "):]
		if m := leadingName.get().FindStringSubmatch(rest); m != nil {
			out = append(out, attribution{start: k, end: k + len("according to ") + len(m[0]), who: l.cleanName(m[1])})
		}
	}
	return out
}

// nearest picks the attribution closest to the quote.
func nearest(as []attribution, q quoteSpan) (attribution, bool) {
	best, dist := attribution{}, -1
	for _, a := range as {
		d := 0
		switch {
		case a.end <= q.start:
			d = q.start - a.end
		case a.start >= q.end:
			d = a.start - q.end
		}
		if dist < 0 || d < dist {
			best, dist = a, d
		}
	}
	return best, dist >= 0
}

var leadingName = lazyRegexp(`^` + nameRE)

var speakerLine = lazyRegexp(`^` + nameRE + `\s*:\s+(.{12,})$`)

package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// sentence is one sentence of the article with its paragraph's number.
type sentence struct {
	text string
	para int
}

// splitSentences cuts the body into paragraphs (a line each, or blank-line separated) and
// each paragraph into sentences: a full stop, question or exclamation mark (and any closing
// quote) followed by a space and a capital letter, a digit or an opening quote ends one,
// except after an abbreviation or an initial, and never inside a quotation.
func (l *Language) splitSentences(body string) []sentence {
	var out []sentence
	para := 0
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		for _, s := range l.splitParagraph(line) {
			out = append(out, sentence{text: s, para: para})
		}
		para++
	}
	return out
}

func (l *Language) splitParagraph(p string) []string {
	var out []string
	start := 0
	inCurly := false
	straight := false
	for i := 0; i < len(p); {
		r, size := utf8.DecodeRuneInString(p[i:])
		switch r {
		case '“':
			inCurly = true
		case '”':
			inCurly = false
		case '"':
			straight = !straight
		}
		i += size
		if r != '.' && r != '!' && r != '?' {
			continue
		}
		j := i
		for j < len(p) {
			c, n := utf8.DecodeRuneInString(p[j:])
			if c != '”' && c != '"' && c != '’' && c != ')' && c != '\'' {
				break
			}
			if c == '”' {
				inCurly = false
			}
			if c == '"' {
				straight = false
			}
			j += n
		}
		if inCurly || straight || j >= len(p) || p[j] != ' ' {
			continue
		}
		k := j + 1
		next, _ := utf8.DecodeRuneInString(p[k:])
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '“' || next == '"' || next == '‘') {
			continue
		}
		if r == '.' && l.isAbbrev(p[start:i-1]) {
			continue
		}
		out = append(out, strings.TrimSpace(p[start:j]))
		start = k
		i = k
	}
	if rest := strings.TrimSpace(p[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// isAbbrev reports whether the text before a full stop ends in an abbreviation or an initial.
func (l *Language) isAbbrev(before string) bool {
	k := strings.LastIndexAny(before, " (“\"")
	w := before[k+1:]
	if utf8.RuneCountInString(w) == 1 {
		return true // an initial: "J. Smith"
	}
	return l.abbrevs[strings.ToLower(w)]
}

// fold lower-cases s and takes the diacritics off its letters, so that "Shinzō" finds
// "Shinzo" and "Łukasz" finds "Lukasz"; dashes and apostrophes become one of each.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		out = s
	}
	out = strings.Map(func(r rune) rune {
		switch r {
		case 'ł', 'Ł':
			return 'l'
		case 'ø', 'Ø':
			return 'o'
		case 'đ', 'Đ':
			return 'd'
		case 'ı':
			return 'i'
		case '–', '—', '‐', '‑':
			return '-'
		case '’', '‘', 'ʼ':
			return '\''
		}
		return unicode.ToLower(r)
	}, out)
	return strings.Join(strings.Fields(out), " ")
}

package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file is the pack's small typesetter. gofpdf draws a string in one font and knows
// nothing of scripts, so text is cut into runs that each use the font holding their glyphs
// (Noto Sans for Latin, Cyrillic and Greek, Droid Sans Fallback for Chinese and Japanese,
// NanumSquare for Korean), and lines are broken here, measuring every run in its own font: between words,
// between any two CJK characters, and inside a word or URL too long for its column.

// rgb is a colour in 0–255 components.
type rgb struct{ r, g, b int }

// style is how a span of text looks.
type style struct {
	size   float64 // points
	bold   bool
	italic bool
	color  rgb
}

func (s style) withBold() style   { s.bold = true; return s }
func (s style) withItalic() style { s.italic = true; return s }
func (s style) withColor(c rgb) style {
	s.color = c
	return s
}
func (s style) withSize(pt float64) style { s.size = pt; return s }

// span is a stretch of text in one style, optionally a link.
type span struct {
	text string
	st   style
	link int    // internal link made by AddLink; 0 = none
	url  string // external link; "" = none
}

// run is text drawn in one font.
type run struct {
	text string
	font fontID
	st   style
	w    float64 // mm
	link int
	url  string
}

// atom is text that is never broken across lines unless it is wider than the whole line.
type atom struct {
	runs  []run
	w     float64 // mm, without the space after
	space float64 // width of the space after it; not drawn at the end of a line
	brk   bool    // a line break follows
	gap   bool    // a paragraph break follows (a break plus some space)
}

// line is one typeset line.
type line struct {
	atoms []atom
	w     float64
	gap   bool // extra space after this line
}

const ptToMM = 25.4 / 72

// typesetter measures text with the embedded fonts' metrics.
type typesetter struct {
	m [fontCount]*metrics
}

// fontFor picks the font that draws r in style st; false when no embedded font can.
func (t *typesetter) fontFor(r rune, st style) (fontID, bool) {
	latin := fontRegular
	switch {
	case st.bold:
		latin = fontBold
	case st.italic:
		latin = fontItalic
	}
	if isHangul(r) && t.m[fontKorean].has(r) {
		return fontKorean, true
	}
	if isCJK(r) && t.m[fontCJK].has(r) {
		return fontCJK, true
	}
	if t.m[latin].has(r) {
		return latin, true
	}
	if t.m[fontRegular].has(r) {
		return fontRegular, true
	}
	for _, f := range []fontID{fontCJK, fontKorean} {
		if t.m[f].has(r) {
			return f, true
		}
	}
	return fontRegular, false
}

// width of s drawn in font f at size pt, in mm.
func (t *typesetter) width(s string, f fontID, pt float64) float64 {
	var units float64
	m := t.m[f]
	for _, r := range s {
		units += m.advance(r)
	}
	return units * pt / 1000 * ptToMM
}

// isCJK reports whether r belongs to the Chinese, Japanese or Korean writing systems, whose
// text is drawn in the CJK font and may break between any two characters.
func isCJK(r rune) bool {
	switch {
	case r >= 0x2E80 && r <= 0x2FDF, // radicals
		r >= 0x3000 && r <= 0x30FF, // CJK punctuation, Hiragana, Katakana
		r >= 0x3100 && r <= 0x31FF, // Bopomofo, Hangul compatibility jamo, Katakana extension
		r >= 0x3200 && r <= 0x33FF, // enclosed and compatibility
		r >= 0x3400 && r <= 0x4DBF, // extension A
		r >= 0x4E00 && r <= 0x9FFF, // unified ideographs
		r >= 0xA960 && r <= 0xA97F, r >= 0xD7B0 && r <= 0xD7FF, r >= 0x1100 && r <= 0x11FF,
		r >= 0xAC00 && r <= 0xD7AF, // Hangul
		r >= 0xF900 && r <= 0xFAFF, // compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F, // compatibility forms
		r >= 0xFF00 && r <= 0xFFEF: // half- and full-width forms
		return true
	}
	return false
}

// isHangul reports whether r is Korean script (syllables and jamo).
func isHangul(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7AF || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F ||
		r >= 0xA960 && r <= 0xA97F || r >= 0xD7B0 && r <= 0xD7FF
}

// noBreakBefore are CJK characters a line must not start with (closing punctuation, the
// prolonged sound mark, small kana, iteration marks).
func noBreakBefore(r rune) bool {
	return strings.ContainsRune("、。，．・：；？！）」』】〕〉》〙〗ー々ゝゞヽヾぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ", r) ||
		strings.ContainsRune("，．：；？！）］｝", r)
}

// noBreakAfter are CJK characters a line must not end with (opening brackets).
func noBreakAfter(r rune) bool {
	return strings.ContainsRune("（「『【〔〈《〘〖［｛", r)
}

// unshapedScripts are writing systems gofpdf cannot draw correctly: they need right-to-left
// ordering, contextual letter forms or reordered vowel signs. Their text is never printed
// (it would come out as disconnected or misordered glyphs); a note says what was left out.
var unshapedScripts = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Arabic", unicode.Arabic}, {"Hebrew", unicode.Hebrew}, {"Syriac", unicode.Syriac},
	{"Thaana", unicode.Thaana}, {"N'Ko", unicode.Nko}, {"Devanagari", unicode.Devanagari},
	{"Bengali", unicode.Bengali}, {"Gurmukhi", unicode.Gurmukhi}, {"Gujarati", unicode.Gujarati},
	{"Oriya", unicode.Oriya}, {"Tamil", unicode.Tamil}, {"Telugu", unicode.Telugu},
	{"Kannada", unicode.Kannada}, {"Malayalam", unicode.Malayalam}, {"Sinhala", unicode.Sinhala},
	{"Thai", unicode.Thai}, {"Lao", unicode.Lao}, {"Tibetan", unicode.Tibetan},
	{"Myanmar", unicode.Myanmar}, {"Khmer", unicode.Khmer}, {"Mongolian", unicode.Mongolian},
	{"Ethiopic", unicode.Ethiopic}, {"Georgian", unicode.Georgian}, {"Armenian", unicode.Armenian},
}

// unshapedScript names the unshaped script r belongs to, or "".
func unshapedScript(r rune) string {
	for _, s := range unshapedScripts {
		if unicode.Is(s.table, r) {
			return s.name
		}
	}
	return ""
}

// printable reports whether r can be drawn by an embedded font as it is.
func (t *typesetter) printable(r rune) bool {
	return r >= 0 && r <= 0xFFFF && t.m[fontRegular].printable[r]
}

// computePrintable fills the printable table of m (the regular font's metrics): a code point
// prints when it is no control or format character, belongs to no unshaped script, and some
// embedded font has its glyph.
func computePrintable(fonts [fontCount]*metrics) {
	m := fonts[fontRegular]
	for r := rune(0); r <= 0xFFFF; r++ {
		if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r >= 0x0530 && unshapedScript(r) != "" {
			continue
		}
		for _, f := range fonts {
			if f.has(r) {
				m.printable[r] = true
				break
			}
		}
	}
}

// hiddenScript names the first script in s the pack cannot print ("Arabic"), "characters" for
// symbols no embedded font has (emoji), or "" when every character prints.
func (t *typesetter) hiddenScript(s string) string {
	for _, r := range s {
		if r == '\n' || r == '\t' || unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Mn, r) {
			continue
		}
		if t.printable(r) {
			continue
		}
		if name := unshapedScript(r); name != "" {
			return name
		}
		return "characters"
	}
	return ""
}

// clean replaces what cannot be printed with a bracketed note ("[Arabic script not shown]"),
// turns tabs into spaces and drops control characters other than newlines. A stretch of one
// unprintable script, spaces and punctuation included, gives a single note.
func (t *typesetter) clean(s string) string {
	ok := true
	for _, r := range s {
		if r == '\t' || r == '\r' || (r != '\n' && unicode.IsControl(r)) || unicode.Is(unicode.Cf, r) || (r != ' ' && r != '\n' && !t.printable(r)) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\t':
			b.WriteByte(' ')
		case r == '\n' || r == ' ' || t.printable(r) && !unicode.Is(unicode.Cf, r):
			b.WriteRune(r)
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Mn, r) && unshapedScript(r) == "":
			// Control and format characters, and marks no font has, carry nothing to print.
		default:
			name := unshapedScript(r)
			i = t.endOfHidden(rs, i, name) - 1
			if name == "" {
				b.WriteString("[characters not shown]")
			} else {
				b.WriteString("[" + name + " script not shown]")
			}
		}
	}
	return b.String()
}

// endOfHidden is the index after the stretch of unprintable text of script name starting at i:
// more of the same script, and spaces, marks, digits and punctuation between its words.
func (t *typesetter) endOfHidden(rs []rune, i int, name string) int {
	same := func(q rune) bool { return !t.printable(q) && unshapedScript(q) == name }
	filler := func(q rune) bool {
		return q != '\n' && (unicode.IsSpace(q) || unicode.IsPunct(q) || unicode.Is(unicode.Mn, q) || unicode.IsDigit(q))
	}
	j := i + 1
	for j < len(rs) {
		if same(rs[j]) {
			j++
			continue
		}
		k := j
		for k < len(rs) && filler(rs[k]) {
			k++
		}
		if k > j && k < len(rs) && same(rs[k]) {
			j = k
			continue
		}
		break
	}
	return j
}

// atoms cuts spans into unbreakable pieces, each made of runs in one font.
func (t *typesetter) atoms(spans []span) []atom {
	var out []atom
	var cur atom
	have := false
	var lastRune rune
	flush := func() {
		if have {
			out = append(out, cur)
		}
		cur = atom{}
		have = false
	}
	// A run is a slice of one span's cleaned text: runSpan and runStart say where the last
	// run of the current atom starts, so that extending it is a reslice, not a copy.
	runSpan, runStart := -1, 0
	addRune := func(r rune, si, at int, text string, sp *span, f fontID) {
		w := t.m[f].advance(r) * sp.st.size / 1000 * ptToMM
		end := at + utf8.RuneLen(r)
		n := len(cur.runs)
		if n > 0 && runSpan == si {
			last := &cur.runs[n-1]
			if last.font == f && last.st == sp.st && last.link == sp.link && last.url == sp.url {
				last.text = text[runStart:end]
				last.w += w
				cur.w += w
				have = true
				return
			}
		}
		cur.runs = append(cur.runs, run{text: text[at:end], font: f, st: sp.st, w: w, link: sp.link, url: sp.url})
		runSpan, runStart = si, at
		cur.w += w
		have = true
	}
	for si := range spans {
		sp := &spans[si]
		text := t.clean(sp.text)
		for at, r := range text {
			switch {
			case r == '\n':
				if !have && len(out) > 0 && out[len(out)-1].brk {
					out[len(out)-1].gap = true
					lastRune = r
					continue
				}
				if !have {
					// A break with nothing before it on the line: an empty atom holds it.
					have = true
				}
				cur.brk = true
				flush()
			case r == ' ':
				sw := t.m[fontRegular].advance(' ') * sp.st.size / 1000 * ptToMM
				switch {
				case have:
					cur.space += sw
					flush()
				case len(out) > 0 && !out[len(out)-1].brk:
					out[len(out)-1].space += sw
				}
			default:
				if !have && (r == '—' || r == '–') && len(out) > 0 && !out[len(out)-1].brk && out[len(out)-1].space > 0 {
					// A dash between spaces never starts a line: it joins the word before it,
					// space included.
					cur, out = out[len(out)-1], out[:len(out)-1]
					cur.runs = append(cur.runs, run{text: " ", font: fontRegular, st: sp.st, w: cur.space, link: sp.link, url: sp.url})
					cur.w += cur.space
					cur.space = 0
					runSpan = -1
					have = true
				}
				f, _ := t.fontFor(r, sp.st)
				cjk := isCJK(r)
				if have && (cjk && !noBreakBefore(r) || isCJK(lastRune)) && !noBreakAfter(lastRune) && !(cjk && noBreakBefore(r)) {
					flush()
				}
				addRune(r, si, at, text, sp, f)
			}
			lastRune = r
		}
	}
	flush()
	return out
}

// layout breaks spans into lines no wider than width (mm).
func (t *typesetter) layout(spans []span, width float64) []line {
	var lines []line
	var cur line
	pendingSpace := 0.0
	newLine := func() {
		lines = append(lines, cur)
		cur = line{}
		pendingSpace = 0
	}
	for _, a := range t.atoms(spans) {
		if len(cur.atoms) > 0 && cur.w+pendingSpace+a.w > width {
			newLine()
		}
		for len(cur.atoms) == 0 && a.w > width {
			head, tail := t.split(a, width)
			cur.atoms = append(cur.atoms, head)
			cur.w = head.w
			newLine()
			a = tail
		}
		if len(cur.atoms) > 0 {
			cur.w += pendingSpace
		}
		cur.atoms = append(cur.atoms, a)
		cur.w += a.w
		pendingSpace = a.space
		if a.brk {
			cur.gap = a.gap
			newLine()
		}
	}
	if len(cur.atoms) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// split cuts an atom wider than width into a head that fits and the rest, preferring a cut
// after a slash, hyphen, dot or similar in the second half of the head (for URLs and paths).
func (t *typesetter) split(a atom, width float64) (atom, atom) {
	type pos struct {
		run, byteOff int
		w            float64
	}
	var cuts []pos // every possible cut after a character, with the head width
	var good []int // indexes into cuts that follow a preferred character
	w := 0.0
	for ri, rn := range a.runs {
		for bi, r := range rn.text {
			w += t.m[rn.font].advance(r) * rn.st.size / 1000 * ptToMM
			if w > width && len(cuts) > 0 {
				break
			}
			cuts = append(cuts, pos{ri, bi + utf8.RuneLen(r), w})
			if strings.ContainsRune("/-._?&=,:;", r) {
				good = append(good, len(cuts)-1)
			}
		}
		if w > width && len(cuts) > 0 {
			break
		}
	}
	best := len(cuts) - 1
	for i := len(good) - 1; i >= 0; i-- {
		if cuts[good[i]].w >= width/2 {
			best = good[i]
			break
		}
	}
	c := cuts[best]
	var head, tail atom
	for ri, rn := range a.runs {
		switch {
		case ri < c.run:
			head.runs = append(head.runs, rn)
		case ri > c.run:
			tail.runs = append(tail.runs, rn)
		default:
			h, rest := rn, rn
			h.text, rest.text = rn.text[:c.byteOff], rn.text[c.byteOff:]
			h.w = t.width(h.text, rn.font, rn.st.size)
			rest.w = rn.w - h.w
			head.runs = append(head.runs, h)
			if rest.text != "" {
				tail.runs = append(tail.runs, rest)
			}
		}
	}
	for _, rn := range head.runs {
		head.w += rn.w
	}
	for _, rn := range tail.runs {
		tail.w += rn.w
	}
	tail.space, tail.brk, tail.gap = a.space, a.brk, a.gap
	return head, tail
}

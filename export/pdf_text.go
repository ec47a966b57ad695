package export

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/bidi"
	"golang.org/x/text/unicode/norm"
)

// This file is the pack's small typesetter. gofpdf draws a string in one font and knows
// nothing of scripts, so text (NFC-normalised first) is cut into runs that each use the font
// holding their glyphs (Noto Sans for Latin, Cyrillic and Greek, Droid Sans Fallback for
// Chinese and Japanese, NanumSquare for Korean, one Noto font per other script), and lines
// are broken here, measuring every run in its own font: between words, between any two CJK
// characters, and inside a word or URL too long for its column. Runs in a shaped script are
// shaped into glyphs as their word is complete (pdf_shape.go), so that lines are broken on
// the shaped advances; a paragraph holding right-to-left letters has its bidi levels resolved
// before it is cut (pdf_bidi.go), and each of its lines is put in visual order once broken.

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
	// level is the run's bidi embedding level: odd runs right to left (0 unless the
	// paragraph holds right-to-left letters).
	level uint8
	// shaped is set on a run of a shaped font once shaped: text then holds the glyphs' code
	// points in the pack's font.
	shaped *shapedRun
}

// atom is text that is never broken across lines unless it is wider than the whole line.
type atom struct {
	runs  []run
	w     float64 // mm, without the space after
	space float64 // width of the space after it; not drawn at the end of a line
	brk   bool    // a line break follows
	gap   bool    // a paragraph break follows (a break plus some space)
	// spaceLevel is the bidi level of the space after the atom; bidi marks an atom of a
	// paragraph with right-to-left letters, whose lines are reordered.
	spaceLevel uint8
	bidi       bool
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
	m  [fontCount]*metrics
	sh *shapeState // made on the first shaped run
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
	if f, ok := scriptFont(r); ok && t.m[f].has(r) {
		return f, true
	}
	if r >= 0x10000 {
		// gofpdf cannot name a code point beyond the BMP: the one font that has some draws
		// them through code points of its own (see pdf_shape.go).
		return fontCJKExt, t.m[fontCJKExt].has(r)
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

// width of s drawn in font f at size pt, in mm. The text of a shaped font is its glyphs' code
// points.
func (t *typesetter) width(s string, f fontID, pt float64) float64 {
	var units float64
	m := t.m[f]
	for _, r := range s {
		if f.shaped() {
			units += t.shapedAdvance(f, r)
		} else {
			units += m.advance(r)
		}
	}
	return units * pt / 1000 * ptToMM
}

// scriptFont is the one-script font for the Unicode block r is in.
func scriptFont(r rune) (fontID, bool) {
	switch {
	case r < 0x0530:
		return 0, false
	case r <= 0x058F || r >= 0xFB13 && r <= 0xFB17:
		return fontArmenian, true
	case r <= 0x05FF || r >= 0xFB1D && r <= 0xFB4F:
		return fontHebrew, true
	case r <= 0x06FF || r >= 0x0750 && r <= 0x077F || r >= 0x0870 && r <= 0x08FF ||
		r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF:
		return fontArabic, true
	case r >= 0x0900 && r <= 0x097F || r >= 0xA8E0 && r <= 0xA8FF || r >= 0x1CD0 && r <= 0x1CFF:
		return fontDevanagari, true
	case r >= 0x0980 && r <= 0x09FF:
		return fontBengali, true
	case r >= 0x0E00 && r <= 0x0E7F:
		return fontThai, true
	case r >= 0x10A0 && r <= 0x10FF || r >= 0x1C90 && r <= 0x1CBF || r >= 0x2D00 && r <= 0x2D2F:
		return fontGeorgian, true
	case r >= 0x1200 && r <= 0x139F || r >= 0x2D80 && r <= 0x2DDF || r >= 0xAB00 && r <= 0xAB2F:
		return fontEthiopic, true
	case r >= 0x1780 && r <= 0x17FF || r >= 0x19E0 && r <= 0x19FF:
		return fontKhmer, true
	}
	return 0, false
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
		r >= 0xAC00 && r <= 0xD7AF,   // Hangul
		r >= 0xF900 && r <= 0xFAFF,   // compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F,   // compatibility forms
		r >= 0xFF00 && r <= 0xFFEF,   // half- and full-width forms
		r >= 0x20000 && r <= 0x3FFFF: // extensions B on
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

// unshapedScripts are writing systems the pack has no font for; all of them need shaping
// (contextual forms, reordered vowel signs or right-to-left order). Their text is never
// printed (it would come out as missing glyph boxes); a note says what was left out.
var unshapedScripts = []struct {
	name  string
	table *unicode.RangeTable
}{
	{"Syriac", unicode.Syriac}, {"Thaana", unicode.Thaana}, {"N'Ko", unicode.Nko},
	{"Gurmukhi", unicode.Gurmukhi}, {"Gujarati", unicode.Gujarati}, {"Oriya", unicode.Oriya},
	{"Tamil", unicode.Tamil}, {"Telugu", unicode.Telugu}, {"Kannada", unicode.Kannada},
	{"Malayalam", unicode.Malayalam}, {"Sinhala", unicode.Sinhala}, {"Lao", unicode.Lao},
	{"Tibetan", unicode.Tibetan}, {"Myanmar", unicode.Myanmar}, {"Mongolian", unicode.Mongolian},
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
	if r > 0xFFFF {
		return t.m[fontCJKExt].has(r)
	}
	return r >= 0 && t.m[fontRegular].printable[r]
}

// computePrintable fills the printable table of m (the regular font's metrics): a code point
// prints when it is no control or format character, belongs to no unshaped script, and some
// embedded font has its glyph.
func computePrintable(fonts [fontCount]*metrics) {
	m := fonts[fontRegular]
	for r := rune(0); r <= 0xFFFF; r++ {
		// Coverage first, a load per font: the Unicode lookups below are the slow part and
		// matter only for what some font covers.
		covered := false
		for _, f := range fonts {
			if f.covered[r] {
				covered = true
				break
			}
		}
		if !covered || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r >= 0x0530 && !isCJK(r) && !isHangul(r) && unshapedScript(r) != "" {
			continue
		}
		m.printable[r] = true
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

// clean NFC-normalises s (decomposed accents become the composed letters the fonts have),
// replaces what cannot be printed with a bracketed note ("[Tamil script not shown]"), turns
// tabs into spaces and drops control and format characters other than newlines and the
// zero-width joiners shaping needs. A stretch of one unprintable script, spaces and
// punctuation included, gives a single note.
func (t *typesetter) clean(s string) string {
	if plainASCII(s) {
		return s // most of a pack: nothing to normalise or hide
	}
	s = norm.NFC.String(s)
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
		case r == '\n' || r == ' ' || r == zwnj || r == zwj || t.printable(r) && !unicode.Is(unicode.Cf, r):
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
		return q != '\n' && (unicode.IsSpace(q) || unicode.IsPunct(q) || unicode.Is(unicode.Mn, q) || unicode.IsDigit(q) || q == zwnj || q == zwj)
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

// atoms cuts spans into unbreakable pieces, each made of runs in one font (and one bidi
// level). A run in a shaped script is shaped when its atom is complete.
func (t *typesetter) atoms(spans []span) []atom {
	texts := make([]string, len(spans))
	rtl := false
	for i := range spans {
		texts[i] = t.clean(spans[i].text)
		rtl = rtl || hasRTL(texts[i])
	}
	var levels [][]uint8
	if rtl {
		levels = paragraphLevels(texts)
	}
	var out []atom
	var cur atom
	have := false
	var lastRune rune
	flush := func() {
		if have {
			t.shapeAtom(&cur)
			cur.bidi = rtl
			out = append(out, cur)
		}
		cur = atom{}
		have = false
	}
	// A run is a slice of one span's cleaned text: runSpan and runStart say where the last
	// run of the current atom starts, so that extending it is a reslice, not a copy.
	runSpan, runStart := -1, 0
	addRune := func(r rune, si, at int, text string, sp *span, f fontID, lvl uint8) {
		w := t.m[f].advance(r) * sp.st.size / 1000 * ptToMM
		end := at + utf8.RuneLen(r)
		n := len(cur.runs)
		if n > 0 && runSpan == si {
			last := &cur.runs[n-1]
			if last.font == f && last.st == sp.st && last.link == sp.link && last.url == sp.url && last.level == lvl {
				last.text = text[runStart:end]
				last.w += w
				cur.w += w
				have = true
				return
			}
		}
		cur.runs = append(cur.runs, run{text: text[at:end], font: f, st: sp.st, w: w, link: sp.link, url: sp.url, level: lvl})
		runSpan, runStart = si, at
		cur.w += w
		have = true
	}
	for si := range spans {
		sp := &spans[si]
		text := texts[si]
		ri := -1
		for at, r := range text {
			ri++
			var lvl uint8
			if levels != nil {
				lvl = levels[si][ri]
			}
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
					cur.spaceLevel = lvl
					flush()
				case len(out) > 0 && !out[len(out)-1].brk:
					out[len(out)-1].space += sw
					out[len(out)-1].spaceLevel = lvl
				}
			default:
				if !have && (r == '—' || r == '–') && len(out) > 0 && !out[len(out)-1].brk && out[len(out)-1].space > 0 {
					// A dash between spaces never starts a line: it joins the word before it,
					// space included.
					cur, out = out[len(out)-1], out[:len(out)-1]
					cur.runs = append(cur.runs, run{text: " ", font: fontRegular, st: sp.st, w: cur.space, link: sp.link, url: sp.url, level: cur.spaceLevel})
					cur.w += cur.space
					cur.space = 0
					runSpan = -1
					have = true
				}
				if r < 0x80 && have && runSpan == si && lastRune < 0x80 && lastRune != '\n' {
					// The fast path of most text: an ASCII letter after another in the same
					// span joins the run before it when that run is in the font it needs.
					if f := t.latinFor(sp.st); cur.runs[len(cur.runs)-1].font == f {
						addRune(r, si, at, text, sp, f, lvl)
						lastRune = r
						continue
					}
				}
				f, _ := t.fontFor(r, sp.st)
				if n := len(cur.runs); continuesShapedRun(r) {
					// A mark or joiner stays with the shaped letters before it; a joiner
					// anywhere else has nothing to draw.
					if n > 0 && runSpan == si && cur.runs[n-1].font.shaped() && (r == zwnj || r == zwj || t.m[cur.runs[n-1].font].has(r)) {
						f = cur.runs[n-1].font
					} else if r == zwnj || r == zwj {
						continue
					}
				}
				cjk := isCJK(r)
				if have && (cjk && !noBreakBefore(r) || isCJK(lastRune)) && !noBreakAfter(lastRune) && !(cjk && noBreakBefore(r)) {
					flush()
				}
				addRune(r, si, at, text, sp, f, lvl)
			}
			lastRune = r
		}
	}
	flush()
	return out
}

// shapeAtom shapes the atom's runs in shaped fonts and sets its width to theirs.
func (t *typesetter) shapeAtom(a *atom) {
	changed := false
	for i := range a.runs {
		if a.runs[i].font.shaped() && a.runs[i].shaped == nil {
			t.shapeRun(&a.runs[i])
			changed = true
		}
	}
	if changed {
		a.w = 0
		for _, rn := range a.runs {
			a.w += rn.w
		}
	}
}

// paragraphLevels is the bidi level of every rune of texts (one paragraph per line of their
// concatenation), per text.
func paragraphLevels(texts []string) [][]uint8 {
	var all []rune
	for _, s := range texts {
		all = append(all, []rune(s)...)
	}
	levels := make([]uint8, len(all))
	for from := 0; from < len(all); {
		to := from
		for to < len(all) && all[to] != '\n' {
			to++
		}
		copy(levels[from:to], bidiLevels(all[from:to]))
		from = to + 1
	}
	out := make([][]uint8, len(texts))
	at := 0
	for i, s := range texts {
		n := utf8.RuneCountInString(s)
		out[i] = levels[at : at+n]
		at += n
	}
	return out
}

// reorder puts a line of a paragraph with right-to-left text in visual order (UAX #9, L2):
// its runs and the spaces between its atoms, right-to-left stretches reversed. Shaped runs
// already hold their glyphs in visual order; any other run at an odd level (punctuation,
// brackets) is reversed with its brackets mirrored. The line keeps its width, and a space
// between two pieces still ends an atom, so that atoms stay words.
func (t *typesetter) reorder(ln line) line {
	type piece struct {
		rn    run
		space bool
	}
	var pieces []piece
	var levels []uint8
	odd := false
	for ai, a := range ln.atoms {
		for _, rn := range a.runs {
			pieces = append(pieces, piece{rn: rn})
			levels = append(levels, rn.level)
			odd = odd || rn.level > 0
		}
		if ai < len(ln.atoms)-1 && a.space > 0 {
			pieces = append(pieces, piece{rn: run{w: a.space}, space: true})
			levels = append(levels, a.spaceLevel)
		}
	}
	if !odd {
		return ln
	}
	out := line{w: ln.w, gap: ln.gap}
	var cur atom
	for _, i := range visualOrder(levels) {
		p := pieces[i]
		if p.space {
			cur.space += p.rn.w
			out.atoms = append(out.atoms, cur)
			cur = atom{}
			continue
		}
		rn := p.rn
		if rn.level%2 == 1 && !rn.font.shaped() && rn.text != "" {
			rn.text = bidi.ReverseString(rn.text)
			rn.w = t.width(rn.text, rn.font, rn.st.size)
		}
		cur.runs = append(cur.runs, rn)
		cur.w += rn.w
	}
	if len(cur.runs) > 0 || len(out.atoms) == 0 {
		out.atoms = append(out.atoms, cur)
	}
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
	for i := range lines {
		if len(lines[i].atoms) > 0 && lines[i].atoms[0].bidi {
			lines[i] = t.reorder(lines[i])
		}
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
		if rn.shaped != nil {
			// A shaped run is cut between clusters, in logical order.
			for _, cl := range clusterWidths(rn) {
				w += cl.units * rn.st.size / 1000 * ptToMM
				if w > width && len(cuts) > 0 {
					break
				}
				cuts = append(cuts, pos{ri, cl.end, w})
			}
			if w > width && len(cuts) > 0 {
				break
			}
			continue
		}
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
		case rn.shaped != nil:
			h, rest := rn, rn
			src := rn.shaped.src
			var hg, rg []shapedGlyph
			for _, g := range rn.shaped.glyphs {
				if g.cluster < c.byteOff {
					hg = append(hg, g)
				} else {
					g.cluster -= c.byteOff
					rg = append(rg, g)
				}
			}
			t.setGlyphs(&h, src[:c.byteOff], hg)
			t.setGlyphs(&rest, src[c.byteOff:], rg)
			head.runs = append(head.runs, h)
			if rest.shaped.src != "" {
				tail.runs = append(tail.runs, rest)
			}
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
	tail.spaceLevel, head.bidi, tail.bidi = a.spaceLevel, a.bidi, a.bidi
	return head, tail
}

// clusterWidth is one cluster of a shaped run: where it ends in the run's characters and
// how wide its glyphs are, in thousandths of an em.
type clusterWidth struct {
	end   int
	units float64
}

// clusterWidths lists a shaped run's clusters in logical order.
func clusterWidths(rn run) []clusterWidth {
	byStart := map[int]float64{}
	var starts []int
	for _, g := range rn.shaped.glyphs {
		if _, ok := byStart[g.cluster]; !ok {
			starts = append(starts, g.cluster)
		}
		byStart[g.cluster] += g.adv
	}
	sort.Ints(starts)
	out := make([]clusterWidth, len(starts))
	for i, st := range starts {
		end := len(rn.shaped.src)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		out[i] = clusterWidth{end, byStart[st]}
	}
	return out
}

// plainASCII reports whether s is printable ASCII and line breaks only.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 0x7f || c < 0x20 && c != '\n' {
			return false
		}
	}
	return true
}

// latinFor is the Latin font that draws ASCII in style st (every Noto Sans style has ASCII).
func (t *typesetter) latinFor(st style) fontID {
	switch {
	case st.bold:
		return fontBold
	case st.italic:
		return fontItalic
	}
	return fontRegular
}

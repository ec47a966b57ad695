package export

import (
	"bytes"
	"encoding/binary"
	"math"
	"reflect"
	"sort"
	"sync"
	"unicode"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/norm"
)

// Shaping: how Arabic, Hebrew, Devanagari, Bengali, Thai and Khmer (and ideographs beyond the
// BMP, which gofpdf's 16-bit code points cannot name) reach gofpdf.
//
// gofpdf draws a string in a CIDFont whose CIDs are the string's code points, through the
// font's own cmap, one glyph per character at the font's advance widths; it knows nothing of
// contextual forms, conjuncts, reordered vowel signs or marks placed by GPOS. So text in a
// shaped script is shaped here, by go-text/typesetting's port of HarfBuzz (the shaper Fyne
// uses), into glyph IDs with advances and offsets, and every distinct placed glyph (glyph,
// advance, x and y offset) gets a code point of its own in a font built for the pack:
//
//   - a glyph drawn exactly as the font's cmap draws some character keeps that character's
//     code point (the smallest one), so that copying text from the PDF finds real letters
//     (Arabic contextual forms come out as presentation forms, U+FB50–U+FEFF);
//   - any other glyph (a conjunct, a ligature, a mark moved onto its base, a letter kerned)
//     gets the next code point of the Private Use Area, U+E000 on, and the pack's font draws
//     it as a composite glyph: the original outline moved by the offsets, with the shaped
//     advance as its width.
//
// A shaped run's text is then that string of code points in visual order, drawn by gofpdf
// like any other string; the widths it writes into the PDF are the shaped advances, so what
// the line breaker measured is what a viewer draws. Code points are numbered per pack in the
// order glyphs are first met, so the same briefing gives the same bytes.

// pua is the Private Use Area of the Basic Multilingual Plane; gofpdf's CIDs are 16-bit.
const (
	puaFirst = 0xE000
	puaLast  = 0xF8FF
)

// shapeSource is what shaping needs from one embedded font, parsed once per process.
type shapeSource struct {
	font    *font.Font
	script  language.Script
	upem    int
	nominal []rune   // per glyph: the smallest BMP code point the cmap maps to it, or 0
	advance []uint16 // per glyph: its advance width in font units (hmtx)
	err     error
}

var (
	shapeOnce    [fontCount]sync.Once
	shapeSources [fontCount]*shapeSource
)

// scriptOf is the script a shaped font's text is shaped as.
var scriptOf = map[fontID]language.Script{
	fontArabic: language.Arabic, fontHebrew: language.Hebrew, fontDevanagari: language.Devanagari,
	fontBengali: language.Bengali, fontThai: language.Thai, fontKhmer: language.Khmer,
	fontCJKExt: language.Han,
}

// source parses shaped font f for the shaper, once per process.
func (t *typesetter) source(f fontID) (*shapeSource, error) {
	shapeOnce[f].Do(func() {
		src := &shapeSource{script: scriptOf[f]}
		shapeSources[f] = src
		face, err := font.ParseTTF(bytes.NewReader(f.bytes()))
		if err != nil {
			src.err = err
			return
		}
		src.font = face.Font
		src.upem = int(face.Upem())
		tables, err := sfntTables(f.bytes())
		if err != nil {
			src.err = err
			return
		}
		numGlyphs := int(binary.BigEndian.Uint16(tables["maxp"][4:]))
		numHMetrics := int(binary.BigEndian.Uint16(tables["hhea"][34:]))
		src.nominal = make([]rune, numGlyphs)
		src.advance = make([]uint16, numGlyphs)
		for g := range src.advance {
			src.advance[g], _ = hmtxOf(tables["hmtx"], numHMetrics, g)
		}
		m := t.m[f]
		for r := rune(0xFFFE); r > 0; r-- {
			if m.has(r) && int(m.glyph[r]) < numGlyphs && (r < puaFirst || r > puaLast) {
				src.nominal[m.glyph[r]] = r
			}
		}
	})
	src := shapeSources[f]
	return src, src.err
}

// placedGlyph is one glyph as the shaper placed it, in font units.
type placedGlyph struct {
	gid         uint16
	adv, dx, dy int16
}

// glyphSet numbers the placed glyphs of one shaped font in one pack.
type glyphSet struct {
	codes  map[placedGlyph]rune
	placed map[rune]placedGlyph
	order  []rune // codes in the order they were given
	next   rune   // the next Private Use code point
	upem   int
	built  bool // the pack's font is made: glyphs met after it are missing from the PDF
	late   int  // glyphs met after the font was made (none, as long as every text the pack prints is among the briefing's strings)
}

// shapedGlyph is one glyph of a shaped run, in visual order.
type shapedGlyph struct {
	code    rune
	adv     float64 // thousandths of an em
	cluster int     // byte offset in the run's logical text of the first character it draws
}

// shapeState is one pack's shaper, faces, glyph numbering and shaped words.
type shapeState struct {
	shaper shaping.HarfbuzzShaper
	faces  [fontCount]*font.Face
	sets   [fontCount]*glyphSet
	cache  map[shapeKey][]shapedGlyph
	ready  bool // every string of the briefing has been shaped (see preshape)
}

var noKerning = []shaping.FontFeature{{Tag: ot.MustNewTag("kern"), Value: 0}}

type shapeKey struct {
	font fontID
	rtl  bool
	text string
}

// set is the glyph numbering of shaped font f in this pack.
func (t *typesetter) set(f fontID) *glyphSet {
	if t.sh == nil {
		t.sh = &shapeState{cache: map[shapeKey][]shapedGlyph{}}
	}
	s := t.sh.sets[f]
	if s == nil {
		s = &glyphSet{codes: map[placedGlyph]rune{}, placed: map[rune]placedGlyph{}, next: puaFirst, upem: 1000}
		if src, err := t.source(f); err == nil {
			s.upem = src.upem
		}
		t.sh.sets[f] = s
	}
	return s
}

// code is the code point that draws g in the pack's font.
func (s *glyphSet) code(g placedGlyph, src *shapeSource) rune {
	if c, ok := s.codes[g]; ok {
		return c
	}
	var c rune
	if int(g.gid) < len(src.nominal) && src.nominal[g.gid] != 0 && g.dx == 0 && g.dy == 0 && int(g.adv) == int(src.advance[g.gid]) {
		c = src.nominal[g.gid]
	} else {
		if s.next > puaLast {
			s.late++
			return 0xFFFF // no code left: the viewer draws its missing-glyph box
		}
		c = s.next
		s.next++
	}
	if s.built {
		s.late++
	}
	s.codes[g] = c
	s.placed[c] = g
	s.order = append(s.order, c)
	return c
}

// advance is the width of code c of shaped font f, in thousandths of an em.
func (t *typesetter) shapedAdvance(f fontID, c rune) float64 {
	s := t.set(f)
	g, ok := s.placed[c]
	if !ok {
		if c == ' ' {
			return t.m[f].advance(' ')
		}
		return 0
	}
	return float64(g.adv) * 1000 / float64(s.upem)
}

// shape shapes text (one word or less, all in shaped font f, one bidi level) and returns its
// glyphs in visual order. A font that cannot be read gives no glyphs.
func (t *typesetter) shape(f fontID, text string, rtl bool) []shapedGlyph {
	set := t.set(f)
	key := shapeKey{f, rtl, text}
	if gl, ok := t.sh.cache[key]; ok {
		return gl
	}
	src, err := t.source(f)
	if err != nil {
		return nil
	}
	face := t.sh.faces[f]
	if face == nil {
		face = font.NewFace(src.font)
		t.sh.faces[f] = face
	}
	rs := []rune(text)
	offs := make([]int, len(rs)+1)
	at := 0
	for i, r := range rs {
		offs[i] = at
		at += len(string(r))
	}
	offs[len(rs)] = at
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	var features []shaping.FontFeature
	if f == fontHebrew {
		// Hebrew needs no shaping but its order and marks; a kerned letter would be a glyph
		// of its own, copied out of the PDF as a Private Use character. Unkerned, every
		// letter copies out as itself.
		features = noKerning
	}
	out := t.sh.shaper.Shape(shaping.Input{
		Text: rs, RunEnd: len(rs), Direction: dir, Face: face,
		Size: fixed.I(src.upem), Script: src.script, FontFeatures: features,
	})
	gl := make([]shapedGlyph, 0, len(out.Glyphs))
	clamp := func(v fixed.Int26_6) int16 {
		return int16(max(math.MinInt16, min(math.MaxInt16, v.Round())))
	}
	for _, g := range out.Glyphs {
		p := placedGlyph{gid: uint16(g.GlyphID), adv: clamp(g.XAdvance), dx: clamp(g.XOffset), dy: clamp(g.YOffset)}
		cl := 0
		if g.ClusterIndex >= 0 && g.ClusterIndex < len(offs) {
			cl = offs[g.ClusterIndex]
		}
		gl = append(gl, shapedGlyph{code: set.code(p, src), adv: float64(p.adv) * 1000 / float64(set.upem), cluster: cl})
	}
	t.sh.cache[key] = gl
	return gl
}

// shapedRun is what a shaped run was made from: its characters, and its glyphs in visual
// order.
type shapedRun struct {
	src    string
	glyphs []shapedGlyph
}

// shapeRun turns a run of a shaped font, as collected from the text, into its glyphs: its
// text becomes the glyphs' code points, its width their advances.
func (t *typesetter) shapeRun(rn *run) {
	if rn.shaped != nil || rn.text == "" {
		return
	}
	t.setGlyphs(rn, rn.text, t.shape(rn.font, rn.text, rn.level%2 == 1))
}

// setGlyphs makes gl, shaped from src, the glyphs rn draws.
func (t *typesetter) setGlyphs(rn *run, src string, gl []shapedGlyph) {
	rn.shaped = &shapedRun{src: src, glyphs: gl}
	codes := make([]rune, len(gl))
	units := 0.0
	for i, g := range gl {
		codes[i] = g.code
		units += g.adv
	}
	rn.text = string(codes)
	rn.w = units * rn.st.size / 1000 * ptToMM
}

// continuesShapedRun reports whether r stays in the shaped run before it whatever its own
// script: combining marks, the zero-width joiners and the dandas Indic scripts share.
func continuesShapedRun(r rune) bool {
	return r == zwnj || r == zwj || r == 0x0964 || r == 0x0965 || r == 0x25CC ||
		unicode.In(r, unicode.Mn, unicode.Mc, unicode.Me)
}

const (
	zwnj = '\u200C'
	zwj  = '\u200D'
)

// shapedFontBytes is the font file for shaped font id in this pack: first every string of the
// briefing is shaped, so that the font holds every glyph the pack will print, then the font
// is cut from the embedded one (see shapedFont).
func (r *renderer) shapedFontBytes(id fontID) []byte {
	ts := r.ts
	if ts.sh == nil || !ts.sh.ready {
		ts.set(id)
		ts.sh.ready = true
		preshape := func(s string) {
			for _, c := range s {
				if f, ok := ts.fontFor(c, style{}); ok && f.shaped() {
					ts.atoms([]span{{text: s, st: bodyStyle}})
					return
				}
			}
		}
		preshape(r.opt.Marking)
		collectStrings(reflect.ValueOf(r.b), preshape)
	}
	set := ts.set(id)
	set.built = true
	src, err := ts.source(id)
	if err != nil {
		return id.bytes()
	}
	out, err := shapedFont(id.bytes(), src, set)
	if err != nil {
		return id.bytes()
	}
	return out
}

// shapedFont cuts font down to .notdef, the space and the placed glyphs of set, each under
// its code point: a placed glyph that is the font's own glyph unmoved is copied, any other is
// a composite of the original moved by its offsets with its shaped advance.
func shapedFont(fontFile []byte, src *shapeSource, set *glyphSet) ([]byte, error) {
	cut, err := newGlyphCutter(fontFile)
	if err != nil {
		return nil, err
	}
	type entry struct {
		code rune
		g    placedGlyph
	}
	entries := make([]entry, 0, len(set.order)+1)
	if _, ok := set.placed[' ']; !ok && len(src.nominal) > 0 {
		// drawLine writes an ordinary space between two words of one font.
		for g, c := range src.nominal {
			if c == ' ' {
				entries = append(entries, entry{' ', placedGlyph{gid: uint16(g), adv: int16(src.advance[g])}})
			}
		}
	}
	for _, c := range set.order {
		entries = append(entries, entry{c, set.placed[c]})
	}
	for _, e := range entries {
		cut.keep(int(e.g.gid))
	}
	if err := cut.close(); err != nil {
		return nil, err
	}
	var pairs []codeGlyph
	for _, e := range entries {
		g := cut.renumber[int(e.g.gid)]
		if e.g.dx != 0 || e.g.dy != 0 || int(e.g.adv) != int(src.advance[e.g.gid]) {
			g, err = cut.addMoved(int(e.g.gid), e.g.dx, e.g.dy, e.g.adv)
			if err != nil {
				return nil, err
			}
		}
		pairs = append(pairs, codeGlyph{e.code, g})
	}
	return cut.font(pairs), nil
}

// printedRunes are the characters the pack prints from the briefing: usedRunes, or, when
// some of them change under NFC (combining marks, conjoining jamo, compatibility
// ideographs), the characters of every string normalised as the typesetter prints it.
func (r *renderer) printedRunes() []rune {
	used := r.usedRunes()
	changes := false
	for _, c := range used {
		if p := norm.NFC.PropertiesString(string(c)); p.CCC() != 0 || !p.BoundaryBefore() || !norm.NFC.IsNormalString(string(c)) {
			changes = true
			break
		}
	}
	if !changes {
		return used
	}
	seen := map[rune]bool{}
	add := func(s string) {
		for _, c := range norm.NFC.String(s) {
			seen[c] = true
		}
	}
	add(r.opt.Marking)
	collectStrings(reflect.ValueOf(r.b), add)
	out := make([]rune, 0, len(seen))
	for c := range seen {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

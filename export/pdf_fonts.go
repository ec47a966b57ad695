package export

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"math"
	"sync"
)

// The pack's fonts travel inside the binary, so a pack renders the same on every machine with
// nothing to install. Noto Sans (SIL OFL 1.1, the copy Fyne bundles) covers Latin, Cyrillic and
// Greek; Droid Sans Fallback (Apache 2.0) covers Chinese and Japanese; NanumSquare (SIL OFL 1.1)
// covers Korean, whose syllables Droid Sans Fallback lacks; one Noto Sans font per script (SIL
// OFL 1.1, Debian's fonts-noto-core, Regular only) covers Arabic (with Persian and Urdu
// letters), Hebrew, Devanagari, Bengali, Thai, Khmer, Georgian, Armenian and Ethiopic; a cut of
// VL PGothic (BSD and M+ licences) holds the few ideographs beyond the BMP it has, 𠮷 among
// them. All are
// TrueType with glyf outlines, the only kind gofpdf can embed. Licences sit beside them in
// fonts/.
var (
	//go:embed fonts/NotoSans-Regular.ttf
	notoRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	notoBold []byte
	//go:embed fonts/NotoSans-Italic.ttf
	notoItalic []byte
	//go:embed fonts/DroidSansFallbackFull.ttf
	droidFallback []byte
	//go:embed fonts/NanumSquareR.ttf
	nanumSquare []byte
	//go:embed fonts/NotoSansArabic-Regular.ttf
	notoArabic []byte
	//go:embed fonts/NotoSansHebrew-Regular.ttf
	notoHebrew []byte
	//go:embed fonts/NotoSansDevanagari-Regular.ttf
	notoDevanagari []byte
	//go:embed fonts/NotoSansBengali-Regular.ttf
	notoBengali []byte
	//go:embed fonts/NotoSansThai-Regular.ttf
	notoThai []byte
	//go:embed fonts/NotoSansKhmer-Regular.ttf
	notoKhmer []byte
	//go:embed fonts/NotoSansGeorgian-Regular.ttf
	notoGeorgian []byte
	//go:embed fonts/NotoSansArmenian-Regular.ttf
	notoArmenian []byte
	//go:embed fonts/NotoSansEthiopic-Regular.ttf
	notoEthiopic []byte
	//go:embed fonts/VL-PGothic-Supplementary.ttf
	vlGothicExt []byte
)

// fontID names one embedded font file.
type fontID int

const (
	fontRegular fontID = iota
	fontBold
	fontItalic
	fontCJK
	fontKorean
	// The shaped scripts: their text goes through the shaper (see pdf_shape.go).
	fontArabic
	fontHebrew
	fontDevanagari
	fontBengali
	fontThai
	fontKhmer
	// Ideographs outside the Basic Multilingual Plane (𠮷), which gofpdf's 16-bit code points
	// cannot name: drawn through the shaped fonts' code points too.
	fontCJKExt
	// Scripts that need a font but no shaping.
	fontGeorgian
	fontArmenian
	fontEthiopic
	fontCount
)

// scriptFonts are the one-script fonts, each with the family it is registered under in gofpdf
// and its file.
var scriptFonts = map[fontID]struct {
	family string
	file   *[]byte
}{
	fontArabic: {"notoarabic", &notoArabic}, fontHebrew: {"notohebrew", &notoHebrew},
	fontDevanagari: {"notodevanagari", &notoDevanagari}, fontBengali: {"notobengali", &notoBengali},
	fontThai: {"notothai", &notoThai}, fontKhmer: {"notokhmer", &notoKhmer},
	fontGeorgian: {"notogeorgian", &notoGeorgian}, fontArmenian: {"notoarmenian", &notoArmenian},
	fontEthiopic: {"notoethiopic", &notoEthiopic}, fontCJKExt: {"vlgothicext", &vlGothicExt},
}

// shaped reports whether f's text is shaped into glyphs (see pdf_shape.go) rather than drawn
// character by character.
func (f fontID) shaped() bool { return f >= fontArabic && f <= fontCJKExt }

// subset reports whether the pack hands gofpdf a cut-down copy of f holding only the
// characters it uses (see subsetFont), rather than the whole file.
func (f fontID) subset() bool { return f >= fontCJK && !f.shaped() }

// family is the family and style a font is registered under in gofpdf.
func (f fontID) family() (family, style string) {
	if sf, ok := scriptFonts[f]; ok {
		return sf.family, ""
	}
	switch f {
	case fontBold:
		return "noto", "B"
	case fontItalic:
		return "noto", "I"
	case fontCJK:
		return "droidcjk", ""
	case fontKorean:
		return "nanumsquare", ""
	}
	return "noto", ""
}

func (f fontID) bytes() []byte {
	if sf, ok := scriptFonts[f]; ok {
		return *sf.file
	}
	switch f {
	case fontBold:
		return notoBold
	case fontItalic:
		return notoItalic
	case fontCJK:
		return droidFallback
	case fontKorean:
		return nanumSquare
	}
	return notoRegular
}

// metrics are the advance widths of one font for the Basic Multilingual Plane, in thousandths
// of an em, computed the way gofpdf computes the widths it writes into the PDF (so that what
// the pack measures is what the reader's viewer draws). missing marks a code point the font
// has no glyph for.
type metrics struct {
	width   [0x10000]uint16
	covered [0x10000]bool
	glyph   [0x10000]uint16 // glyph index of each code point, for subsetting
	// printable, filled in the regular font's metrics only, marks what the pack can print
	// with one of its fonts (see computePrintable).
	printable [0x10000]bool
	// beyond are the glyphs and widths of code points outside the BMP (a format 12 cmap).
	beyond map[rune][2]uint16
}

const noGlyph = 0

// has reports whether the font has a glyph for r.
func (m *metrics) has(r rune) bool {
	if r >= 0x10000 {
		_, ok := m.beyond[r]
		return ok
	}
	return r >= 0 && m.covered[r]
}

// advance is the width of r in thousandths of an em (0 for a missing glyph).
func (m *metrics) advance(r rune) float64 {
	if !m.has(r) {
		return noGlyph
	}
	if r >= 0x10000 {
		return float64(m.beyond[r][1])
	}
	return float64(m.width[r])
}

var (
	metricsOnce sync.Once
	fontMetrics [fontCount]*metrics
	metricsErr  error
)

// loadMetrics parses the embedded fonts once per process.
func loadMetrics() ([fontCount]*metrics, error) {
	metricsOnce.Do(func() {
		for id := fontID(0); id < fontCount; id++ {
			m, err := parseMetrics(id.bytes())
			if err != nil {
				fam, st := id.family()
				metricsErr = fmt.Errorf("embedded font %s%s: %w", fam, st, err)
				return
			}
			fontMetrics[id] = m
		}
		computePrintable(fontMetrics)
	})
	return fontMetrics, metricsErr
}

// parseMetrics reads the cmap (format 4, Unicode BMP), head, hhea and hmtx tables of a
// TrueType font. It mirrors gofpdf's own reading: the first Microsoft Unicode (3,1) or Unicode
// (0,x) subtable in format 4, widths scaled to 1000 units per em and rounded.
func parseMetrics(font []byte) (*metrics, error) {
	tables, err := sfntTables(font)
	if err != nil {
		return nil, err
	}
	head, ok := tables["head"]
	if !ok || len(head) < 54 {
		return nil, fmt.Errorf("no head table")
	}
	unitsPerEm := int(binary.BigEndian.Uint16(head[18:]))
	if unitsPerEm == 0 {
		return nil, fmt.Errorf("units per em is 0")
	}
	hhea, ok := tables["hhea"]
	if !ok || len(hhea) < 36 {
		return nil, fmt.Errorf("no hhea table")
	}
	numHMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	hmtx := tables["hmtx"]
	if numHMetrics == 0 || len(hmtx) < numHMetrics*4 {
		return nil, fmt.Errorf("hmtx table too short")
	}
	advance := func(glyph int) int {
		if glyph >= numHMetrics {
			glyph = numHMetrics - 1
		}
		w := int(binary.BigEndian.Uint16(hmtx[glyph*4:]))
		if w >= 1<<15 {
			w = 0
		}
		return w
	}
	scale := 1000 / float64(unitsPerEm)
	m := &metrics{}
	err = cmapFormat4(tables["cmap"], func(r, g int) {
		if g == 0 || r == 0 || r == 0xFFFF {
			return
		}
		m.covered[r] = true
		m.glyph[r] = uint16(g)
		m.width[r] = uint16(math.Round(scale * float64(advance(g))))
	})
	if err != nil {
		return nil, err
	}
	for r, g := range cmapFormat12(tables["cmap"]) {
		if m.beyond == nil {
			m.beyond = map[rune][2]uint16{}
		}
		m.beyond[r] = [2]uint16{uint16(g), uint16(math.Round(scale * float64(advance(g))))}
	}
	return m, nil
}

// glyphOf is the glyph index of r (0 = none).
func (m *metrics) glyphOf(r rune) int {
	if r >= 0x10000 {
		return int(m.beyond[r][0])
	}
	if !m.has(r) {
		return 0
	}
	return int(m.glyph[r])
}

// cmapFormat12 returns the glyph of every code point outside the BMP that a Windows full
// Unicode (3,10) subtable in format 12 maps, if the font has one.
func cmapFormat12(cmap []byte) map[rune]int {
	if len(cmap) < 4 {
		return nil
	}
	count := int(binary.BigEndian.Uint16(cmap[2:]))
	for i := 0; i < count && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if binary.BigEndian.Uint16(rec) != 3 || binary.BigEndian.Uint16(rec[2:]) != 10 || off+16 > len(cmap) ||
			binary.BigEndian.Uint16(cmap[off:]) != 12 {
			continue
		}
		t := cmap[off:]
		groups := int(binary.BigEndian.Uint32(t[12:]))
		out := map[rune]int{}
		for gi := 0; gi < groups && 16+12*gi+12 <= len(t); gi++ {
			g := t[16+12*gi:]
			start, end, glyph := binary.BigEndian.Uint32(g), binary.BigEndian.Uint32(g[4:]), binary.BigEndian.Uint32(g[8:])
			for c := max(start, 0x10000); c <= end && c <= 0x10FFFF && end-start < 0x10000; c++ {
				out[rune(c)] = int(glyph + c - start)
			}
		}
		return out
	}
	return nil
}

// sfntTables maps table tags to their bytes.
func sfntTables(font []byte) (map[string][]byte, error) {
	if len(font) < 12 {
		return nil, fmt.Errorf("font file too short")
	}
	switch binary.BigEndian.Uint32(font) {
	case 0x00010000, 0x74727565: // TrueType outlines
	default:
		return nil, fmt.Errorf("not a TrueType (glyf) font")
	}
	n := int(binary.BigEndian.Uint16(font[4:]))
	if len(font) < 12+16*n {
		return nil, fmt.Errorf("table directory truncated")
	}
	tables := make(map[string][]byte, n)
	for i := 0; i < n; i++ {
		rec := font[12+16*i:]
		off := int(binary.BigEndian.Uint32(rec[8:]))
		size := int(binary.BigEndian.Uint32(rec[12:]))
		if off < 0 || size < 0 || off+size > len(font) {
			return nil, fmt.Errorf("table %q out of bounds", rec[:4])
		}
		tables[string(rec[:4])] = font[off : off+size]
	}
	return tables, nil
}

// cmapFormat4 calls found with the glyph index of every BMP code point the format 4 cmap
// maps (a glyph of 0 is none). A later segment mapping a code point again wins, as a lookup
// that scans the segments in order would not: fonts do not map one twice.
func cmapFormat4(cmap []byte, found func(r, glyph int)) error {
	if len(cmap) < 4 {
		return fmt.Errorf("no cmap table")
	}
	count := int(binary.BigEndian.Uint16(cmap[2:]))
	sub := -1
	for i := 0; i < count && 4+8*i+8 <= len(cmap); i++ {
		rec := cmap[4+8*i:]
		platform, encoding := binary.BigEndian.Uint16(rec), binary.BigEndian.Uint16(rec[2:])
		off := int(binary.BigEndian.Uint32(rec[4:]))
		if (platform == 3 && encoding == 1) || platform == 0 {
			if off+2 <= len(cmap) && binary.BigEndian.Uint16(cmap[off:]) == 4 {
				sub = off
				break
			}
		}
	}
	if sub < 0 {
		return fmt.Errorf("no Unicode cmap in format 4")
	}
	t := cmap[sub:]
	if len(t) < 14 {
		return fmt.Errorf("cmap subtable truncated")
	}
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	ends := 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	ranges := deltas + 2*segs
	if len(t) < ranges+2*segs {
		return fmt.Errorf("cmap subtable truncated")
	}
	u16 := func(p int) int { return int(binary.BigEndian.Uint16(t[p:])) }
	for s := 0; s < segs; s++ {
		end, start := u16(ends+2*s), u16(starts+2*s)
		delta, rangeOff := u16(deltas+2*s), u16(ranges+2*s)
		for c := start; c <= end && c < 0x10000; c++ {
			var g int
			if rangeOff == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				p := ranges + 2*s + rangeOff + 2*(c-start)
				if p+2 > len(t) {
					continue
				}
				g = u16(p)
				if g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			found(c, g)
		}
	}
	return nil
}

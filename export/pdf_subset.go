package export

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"sort"
)

// subsetFont cuts a TrueType font down to glyph 0, the space and the glyphs of runes (with the
// components of composite glyphs), renumbered, with a format 4 cmap for just those runes.
//
// gofpdf parses every font it is given in full, twice per document (once when it is added, once
// when it subsets it for output). For the 4 MB CJK font that was a third of the time a pack
// took; handing it a font of a few dozen glyphs instead makes that cost vanish. The output is a
// function of its input only, so packs stay byte-stable.
func subsetFont(font []byte, m *metrics, runes []rune) ([]byte, error) {
	cut, err := newGlyphCutter(font)
	if err != nil {
		return nil, err
	}
	if m.has(' ') {
		// drawLine writes an ordinary space between two words of one font.
		runes = append(runes[:len(runes):len(runes)], ' ')
	}
	for _, r := range runes {
		if m.has(r) {
			cut.keep(m.glyphOf(r))
		}
	}
	if err := cut.close(); err != nil {
		return nil, err
	}
	var pairs []codeGlyph
	seen := map[rune]bool{}
	for _, r := range runes {
		if m.has(r) && !seen[r] && r != 0xFFFF {
			seen[r] = true
			pairs = append(pairs, codeGlyph{r, cut.renumber[m.glyphOf(r)]})
		}
	}
	return cut.font(pairs), nil
}

// codeGlyph maps a code point to a glyph of a cut font.
type codeGlyph struct {
	code  rune
	glyph int
}

// glyphCutter builds a font from some glyphs of another: keep the glyphs wanted, close (which
// adds the components of composites and renumbers them in their old order), add glyphs of
// its own if any, then write the font with a cmap.
type glyphCutter struct {
	tables                 map[string][]byte
	longLoca               bool
	numGlyphs, numHMetrics int
	kept                   map[int]bool
	queue                  []int
	renumber               map[int]int
	glyf, loca, hmtx       []byte
	count                  int
	moved                  bool // some glyph is a composite made here
}

func newGlyphCutter(font []byte) (*glyphCutter, error) {
	tables, err := sfntTables(font)
	if err != nil {
		return nil, err
	}
	head, maxp, hhea, hmtx := tables["head"], tables["maxp"], tables["hhea"], tables["hmtx"]
	if len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 || tables["loca"] == nil || tables["glyf"] == nil {
		return nil, fmt.Errorf("subset: missing or short head, maxp, hhea, loca or glyf table")
	}
	c := &glyphCutter{
		tables:      tables,
		longLoca:    binary.BigEndian.Uint16(head[50:]) == 1,
		numGlyphs:   int(binary.BigEndian.Uint16(maxp[4:])),
		numHMetrics: int(binary.BigEndian.Uint16(hhea[34:])),
		kept:        map[int]bool{},
	}
	if c.numHMetrics == 0 || len(hmtx) < 4*c.numHMetrics {
		return nil, fmt.Errorf("subset: hmtx table too short")
	}
	c.keep(0)
	return c, nil
}

// glyphData is the glyf entry of glyph g of the original font.
func (c *glyphCutter) glyphData(g int) ([]byte, error) {
	loca, glyf := c.tables["loca"], c.tables["glyf"]
	if g < 0 || g >= c.numGlyphs {
		return nil, fmt.Errorf("subset: glyph %d out of range", g)
	}
	var from, to int
	if c.longLoca {
		if len(loca) < 4*(g+2) {
			return nil, fmt.Errorf("subset: loca too short")
		}
		from, to = int(binary.BigEndian.Uint32(loca[4*g:])), int(binary.BigEndian.Uint32(loca[4*g+4:]))
	} else {
		if len(loca) < 2*(g+2) {
			return nil, fmt.Errorf("subset: loca too short")
		}
		from, to = 2*int(binary.BigEndian.Uint16(loca[2*g:])), 2*int(binary.BigEndian.Uint16(loca[2*g+2:]))
	}
	if from > to || to > len(glyf) {
		return nil, fmt.Errorf("subset: glyph %d outside glyf", g)
	}
	return glyf[from:to], nil
}

// keep asks for glyph g of the original font.
func (c *glyphCutter) keep(g int) {
	if !c.kept[g] {
		c.kept[g] = true
		c.queue = append(c.queue, g)
	}
}

// close adds every component of the kept glyphs and copies them, renumbered.
func (c *glyphCutter) close() error {
	for len(c.queue) > 0 {
		g := c.queue[0]
		c.queue = c.queue[1:]
		data, err := c.glyphData(g)
		if err != nil {
			return err
		}
		comps, err := components(data)
		if err != nil {
			return fmt.Errorf("subset: glyph %d: %w", g, err)
		}
		for _, comp := range comps {
			c.keep(comp.glyph)
		}
	}
	old := make([]int, 0, len(c.kept))
	for g := range c.kept {
		old = append(old, g)
	}
	sort.Ints(old)
	c.renumber = make(map[int]int, len(old))
	for n, g := range old {
		c.renumber[g] = n
	}
	for _, g := range old {
		data, err := c.glyphData(g)
		if err != nil {
			return err
		}
		data = append([]byte(nil), data...)
		comps, _ := components(data)
		for _, comp := range comps {
			binary.BigEndian.PutUint16(data[comp.at:], uint16(c.renumber[comp.glyph]))
		}
		adv, lsb := hmtxOf(c.tables["hmtx"], c.numHMetrics, g)
		c.add(data, adv, lsb)
	}
	return nil
}

// add appends one glyph to the cut font.
func (c *glyphCutter) add(data []byte, adv, lsb uint16) int {
	c.loca = binary.BigEndian.AppendUint32(c.loca, uint32(len(c.glyf)))
	c.glyf = append(c.glyf, data...)
	for len(c.glyf)%4 != 0 {
		c.glyf = append(c.glyf, 0)
	}
	c.hmtx = binary.BigEndian.AppendUint16(c.hmtx, adv)
	c.hmtx = binary.BigEndian.AppendUint16(c.hmtx, lsb)
	c.count++
	return c.count - 1
}

// addMoved appends a glyph that draws kept glyph g of the original font moved by dx, dy font
// units, with advance adv: a composite of one component.
func (c *glyphCutter) addMoved(g int, dx, dy, adv int16) (int, error) {
	data, err := c.glyphData(g)
	if err != nil {
		return 0, err
	}
	if len(data) < 10 {
		return c.add(nil, uint16(max(adv, 0)), 0), nil // an empty glyph (a space) stays empty
	}
	box := func(at int, d int16) int16 { return int16(binary.BigEndian.Uint16(data[at:])) + d }
	xMin, yMin, xMax, yMax := box(2, dx), box(4, dy), box(6, dx), box(8, dy)
	var comp []byte
	for _, v := range []int16{-1, xMin, yMin, xMax, yMax} {
		comp = binary.BigEndian.AppendUint16(comp, uint16(v))
	}
	comp = binary.BigEndian.AppendUint16(comp, 0x0001|0x0002) // word arguments, as x and y offsets
	comp = binary.BigEndian.AppendUint16(comp, uint16(c.renumber[g]))
	comp = binary.BigEndian.AppendUint16(comp, uint16(dx))
	comp = binary.BigEndian.AppendUint16(comp, uint16(dy))
	c.moved = true
	return c.add(comp, uint16(max(adv, 0)), uint16(xMin)), nil
}

// font writes the cut font with a cmap of pairs.
func (c *glyphCutter) font(pairs []codeGlyph) []byte {
	head, maxp, hhea := c.tables["head"], c.tables["maxp"], c.tables["hhea"]
	loca := binary.BigEndian.AppendUint32(append([]byte(nil), c.loca...), uint32(len(c.glyf)))
	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint32(newHead[8:], 0) // checkSumAdjustment
	binary.BigEndian.PutUint16(newHead[50:], 1)
	newMaxp := append([]byte(nil), maxp...)
	binary.BigEndian.PutUint16(newMaxp[4:], uint16(c.count))
	if c.moved && len(newMaxp) >= 32 {
		// maxComponentElements and maxComponentDepth: a moved glyph adds one level.
		binary.BigEndian.PutUint16(newMaxp[28:], max(binary.BigEndian.Uint16(newMaxp[28:]), 1))
		binary.BigEndian.PutUint16(newMaxp[30:], binary.BigEndian.Uint16(newMaxp[30:])+1)
	}
	newHhea := append([]byte(nil), hhea...)
	binary.BigEndian.PutUint16(newHhea[34:], uint16(c.count))
	var maxAdv uint16
	for i := 0; i+4 <= len(c.hmtx); i += 4 {
		maxAdv = max(maxAdv, binary.BigEndian.Uint16(c.hmtx[i:]))
	}
	binary.BigEndian.PutUint16(newHhea[10:], maxAdv)

	out := map[string][]byte{
		"head": newHead, "maxp": newMaxp, "hhea": newHhea, "hmtx": c.hmtx,
		"loca": loca, "glyf": c.glyf, "cmap": cmapOf(pairs),
	}
	if post := c.tables["post"]; len(post) >= 32 {
		p := append([]byte(nil), post[:32]...)
		binary.BigEndian.PutUint32(p, 0x00030000) // version 3: no glyph names
		out["post"] = p
	}
	for _, tag := range []string{"name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if t, ok := c.tables[tag]; ok {
			out[tag] = t
		}
	}
	return assembleSfnt(out)
}

// component is one glyph a composite glyph draws, and where its index sits in the glyph data.
type component struct {
	glyph int
	at    int
}

// components lists the components of a composite glyph (none for a simple one).
func components(data []byte) ([]component, error) {
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil, nil
	}
	var out []component
	p := 10
	for {
		if p+4 > len(data) {
			return nil, fmt.Errorf("composite glyph truncated")
		}
		flags := binary.BigEndian.Uint16(data[p:])
		out = append(out, component{glyph: int(binary.BigEndian.Uint16(data[p+2:])), at: p + 2})
		p += 4
		if flags&0x0001 != 0 { // arguments are words
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&0x0008 != 0: // a scale
			p += 2
		case flags&0x0040 != 0: // x and y scales
			p += 4
		case flags&0x0080 != 0: // a two-by-two matrix
			p += 8
		}
		if flags&0x0020 == 0 { // no more components
			return out, nil
		}
	}
}

// hmtxOf is the advance width and left side bearing of glyph g.
func hmtxOf(hmtx []byte, numHMetrics, g int) (uint16, uint16) {
	if g < numHMetrics {
		return binary.BigEndian.Uint16(hmtx[4*g:]), binary.BigEndian.Uint16(hmtx[4*g+2:])
	}
	adv := binary.BigEndian.Uint16(hmtx[4*(numHMetrics-1):])
	p := 4*numHMetrics + 2*(g-numHMetrics)
	if p+2 > len(hmtx) {
		return adv, 0
	}
	return adv, binary.BigEndian.Uint16(hmtx[p:])
}

// cmapOf is a cmap with one Windows Unicode BMP subtable in format 4 mapping each code point
// of pairs to its glyph; runs of consecutive code points with consecutive glyphs share a
// segment.
func cmapOf(pairs []codeGlyph) []byte {
	pairs = append([]codeGlyph(nil), pairs...)
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].code < pairs[j].code })
	type segment struct{ start, end, delta int }
	var segs []segment
	for i, p := range pairs {
		if p.code >= 0xFFFF || i > 0 && pairs[i-1].code == p.code {
			continue
		}
		r, g := int(p.code), p.glyph
		if n := len(segs); n > 0 && segs[n-1].end == r-1 && (g-r-segs[n-1].delta)&0xFFFF == 0 {
			segs[n-1].end = r
			continue
		}
		segs = append(segs, segment{r, r, (g - r) & 0xFFFF})
	}
	segs = append(segs, segment{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	entrySelector := bits.Len(uint(n)) - 1
	searchRange := 2 * (1 << entrySelector)
	var sub []byte
	u16 := func(v int) { sub = binary.BigEndian.AppendUint16(sub, uint16(v)) }
	u16(4)
	u16(16 + 8*n) // length
	u16(0)        // language
	u16(2 * n)
	u16(searchRange)
	u16(entrySelector)
	u16(2*n - searchRange)
	for _, s := range segs {
		u16(s.end)
	}
	u16(0) // reserved pad
	for _, s := range segs {
		u16(s.start)
	}
	for _, s := range segs {
		u16(s.delta)
	}
	for range segs {
		u16(0) // idRangeOffset
	}
	if len(pairs) == 0 || pairs[len(pairs)-1].code < 0x10000 {
		cmap := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
		return append(cmap, sub...)
	}
	// Code points beyond the BMP need a (3,10) subtable in format 12 as well, one group per
	// code point.
	var full []byte
	u32 := func(v int) { full = binary.BigEndian.AppendUint32(full, uint32(v)) }
	full = binary.BigEndian.AppendUint16(full, 12)
	full = binary.BigEndian.AppendUint16(full, 0)
	u32(16 + 12*len(pairs))
	u32(0)
	u32(len(pairs))
	for _, p := range pairs {
		u32(int(p.code))
		u32(int(p.code))
		u32(p.glyph)
	}
	cmap := []byte{0, 0, 0, 2, 0, 3, 0, 1, 0, 0, 0, 20, 0, 3, 0, 10}
	cmap = binary.BigEndian.AppendUint32(cmap, uint32(20+len(sub)))
	cmap = append(cmap, sub...)
	return append(cmap, full...)
}

// assembleSfnt writes a TrueType file from its tables, in tag order, each 4-byte aligned with
// its checksum, and sets head's checkSumAdjustment.
func assembleSfnt(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	entrySelector := bits.Len(uint(n)) - 1
	searchRange := 16 * (1 << entrySelector)
	out := binary.BigEndian.AppendUint32(nil, 0x00010000)
	out = binary.BigEndian.AppendUint16(out, uint16(n))
	out = binary.BigEndian.AppendUint16(out, uint16(searchRange))
	out = binary.BigEndian.AppendUint16(out, uint16(entrySelector))
	out = binary.BigEndian.AppendUint16(out, uint16(16*n-searchRange))
	offset := 12 + 16*n
	headAt := -1
	var body []byte
	for _, t := range tags {
		data := tables[t]
		out = append(out, t...)
		out = binary.BigEndian.AppendUint32(out, checksum(data))
		out = binary.BigEndian.AppendUint32(out, uint32(offset+len(body)))
		out = binary.BigEndian.AppendUint32(out, uint32(len(data)))
		if t == "head" {
			headAt = offset + len(body)
		}
		body = append(body, data...)
		for len(body)%4 != 0 {
			body = append(body, 0)
		}
	}
	out = append(out, body...)
	if headAt >= 0 {
		binary.BigEndian.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

func checksum(data []byte) uint32 {
	var sum uint32
	for i := 0; i < len(data); i += 4 {
		var w [4]byte
		copy(w[:], data[i:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

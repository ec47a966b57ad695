package export

import (
	"encoding/binary"
	"fmt"
	"math/bits"
	"sort"
)

// subsetFont cuts a TrueType font down to glyph 0 and the glyphs of runes (with the components
// of composite glyphs), renumbered, with a format 4 cmap for just those runes.
//
// gofpdf parses every font it is given in full, twice per document (once when it is added, once
// when it subsets it for output). For the 4 MB CJK font that was a third of the time a pack
// took; handing it a font of a few dozen glyphs instead makes that cost vanish. The output is a
// function of its input only, so packs stay byte-stable.
func subsetFont(font []byte, m *metrics, runes []rune) ([]byte, error) {
	tables, err := sfntTables(font)
	if err != nil {
		return nil, err
	}
	head, maxp, hhea, hmtx := tables["head"], tables["maxp"], tables["hhea"], tables["hmtx"]
	loca, glyf := tables["loca"], tables["glyf"]
	if len(head) < 54 || len(maxp) < 6 || len(hhea) < 36 || loca == nil || glyf == nil {
		return nil, fmt.Errorf("subset: missing or short head, maxp, hhea, loca or glyf table")
	}
	longLoca := binary.BigEndian.Uint16(head[50:]) == 1
	numGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	numHMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	if numHMetrics == 0 || len(hmtx) < 4*numHMetrics {
		return nil, fmt.Errorf("subset: hmtx table too short")
	}
	glyphData := func(g int) ([]byte, error) {
		if g < 0 || g >= numGlyphs {
			return nil, fmt.Errorf("subset: glyph %d out of range", g)
		}
		var from, to int
		if longLoca {
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

	// The glyphs to keep: .notdef, the runes' glyphs, and every component they use.
	keep := map[int]bool{0: true}
	var queue []int
	for _, r := range runes {
		if m.has(r) {
			if g := int(m.glyph[r]); !keep[g] {
				keep[g] = true
				queue = append(queue, g)
			}
		}
	}
	for len(queue) > 0 {
		g := queue[0]
		queue = queue[1:]
		data, err := glyphData(g)
		if err != nil {
			return nil, err
		}
		comps, err := components(data)
		if err != nil {
			return nil, fmt.Errorf("subset: glyph %d: %w", g, err)
		}
		for _, c := range comps {
			if !keep[c.glyph] {
				keep[c.glyph] = true
				queue = append(queue, c.glyph)
			}
		}
	}
	old := make([]int, 0, len(keep))
	for g := range keep {
		old = append(old, g)
	}
	sort.Ints(old)
	renumber := make(map[int]int, len(old))
	for n, g := range old {
		renumber[g] = n
	}

	var newGlyf, newLoca, newHmtx []byte
	for _, g := range old {
		data, err := glyphData(g)
		if err != nil {
			return nil, err
		}
		data = append([]byte(nil), data...)
		comps, _ := components(data)
		for _, c := range comps {
			binary.BigEndian.PutUint16(data[c.at:], uint16(renumber[c.glyph]))
		}
		newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))
		newGlyf = append(newGlyf, data...)
		for len(newGlyf)%4 != 0 {
			newGlyf = append(newGlyf, 0)
		}
		adv, lsb := hmtxOf(hmtx, numHMetrics, g)
		newHmtx = binary.BigEndian.AppendUint16(newHmtx, adv)
		newHmtx = binary.BigEndian.AppendUint16(newHmtx, lsb)
	}
	newLoca = binary.BigEndian.AppendUint32(newLoca, uint32(len(newGlyf)))

	newHead := append([]byte(nil), head...)
	binary.BigEndian.PutUint32(newHead[8:], 0) // checkSumAdjustment
	binary.BigEndian.PutUint16(newHead[50:], 1)
	newMaxp := append([]byte(nil), maxp...)
	binary.BigEndian.PutUint16(newMaxp[4:], uint16(len(old)))
	newHhea := append([]byte(nil), hhea...)
	binary.BigEndian.PutUint16(newHhea[34:], uint16(len(old)))

	out := map[string][]byte{
		"head": newHead, "maxp": newMaxp, "hhea": newHhea, "hmtx": newHmtx,
		"loca": newLoca, "glyf": newGlyf, "cmap": subsetCmap(m, runes, renumber),
	}
	if post := tables["post"]; len(post) >= 32 {
		p := append([]byte(nil), post[:32]...)
		binary.BigEndian.PutUint32(p, 0x00030000) // version 3: no glyph names
		out["post"] = p
	}
	for _, tag := range []string{"name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if t, ok := tables[tag]; ok {
			out[tag] = t
		}
	}
	return assembleSfnt(out), nil
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

// subsetCmap is a cmap with one Windows Unicode BMP subtable in format 4, mapping each rune to
// its renumbered glyph; runs of consecutive runes with consecutive glyphs share a segment.
func subsetCmap(m *metrics, runes []rune, renumber map[int]int) []byte {
	type pair struct{ r, g int }
	var pairs []pair
	seen := map[rune]bool{}
	for _, r := range runes {
		if m.has(r) && !seen[r] && r != 0xFFFF {
			seen[r] = true
			pairs = append(pairs, pair{int(r), renumber[int(m.glyph[r])]})
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].r < pairs[j].r })
	type segment struct{ start, end, delta int }
	var segs []segment
	for _, p := range pairs {
		if n := len(segs); n > 0 && segs[n-1].end == p.r-1 && (p.g-p.r-segs[n-1].delta)&0xFFFF == 0 {
			segs[n-1].end = p.r
			continue
		}
		segs = append(segs, segment{p.r, p.r, (p.g - p.r) & 0xFFFF})
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
	cmap := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(cmap, sub...)
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

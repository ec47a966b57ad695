package export

import (
	"slices"
	"unicode"
)

// The Latin fonts (Noto Sans regular, bold and italic) are cut down too, to the characters a
// pack can print with them: those of the briefing, and those of the pack's own words — which
// are ASCII, Latin-1 and a little punctuation (latinOwn). gofpdf parses the font it is given
// in full when it is added and again when it writes the subset; for the 550 KB Noto files
// that was a fifth of a pack's time. A fresh cut also spares the copy gofpdf would pad in place.

// latinOwn are the characters the pack's own words use beyond ASCII: every character of a
// string in the export package is either here or printed in another font
// (TestPackOwnWordsAreInTheLatinCut).
var latinOwn = []*unicode.RangeTable{
	{R16: []unicode.Range16{
		{Lo: 0x0020, Hi: 0x007e, Stride: 1},
		{Lo: 0x00a0, Hi: 0x00ff, Stride: 1}, // Latin-1: no-break space, ·, ×, accented letters
		{Lo: 0x2000, Hi: 0x206f, Stride: 1}, // general punctuation: – — “ ” … ‹ ›
		{Lo: 0x2190, Hi: 0x21ff, Stride: 1}, // arrows: →
		{Lo: 0x2212, Hi: 0x2212, Stride: 1}, // minus
	}},
}

// latinFontBytes is the Latin font id cut to latinOwn and the briefing's characters it draws.
func (r *renderer) latinFontBytes(id fontID) []byte {
	m := r.ts.m[id]
	var runes []rune
	for c := rune(0x20); c < 0x2200; c++ {
		if unicode.In(c, latinOwn...) && m.has(c) {
			runes = append(runes, c)
		}
	}
	for _, c := range r.printedRunes() {
		if f, ok := r.ts.fontFor(c, style{bold: id == fontBold, italic: id == fontItalic}); ok && f == id && !unicode.In(c, latinOwn...) {
			runes = append(runes, c)
		}
	}
	slices.Sort(runes)
	sub, err := subsetFont(id.bytes(), m, runes)
	if err != nil {
		// The whole font works too, only slower; a copy, as gofpdf pads its tables in place.
		return append([]byte(nil), id.bytes()...)
	}
	return sub
}

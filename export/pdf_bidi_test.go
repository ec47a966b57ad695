package export

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// levelString writes each rune's level as a digit.
func levelString(s string) string {
	var b strings.Builder
	for _, lv := range bidiLevels([]rune(s)) {
		b.WriteByte('0' + lv)
	}
	return b.String()
}

func TestBidiLevels(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"Latin only", "abc def", "0000000"},
		{"Arabic only", "محمد علي", "11111111"},
		// An Arabic phrase in an English sentence; the brackets belong to the sentence, and
		// the number after them follows the Arabic (W7), which draws the same.
		{"brackets around Arabic", "Zarif (ظريف) 2016", "0000000" + "1111" + "00" + "2222"},
		// A number inside Arabic is a level up, the spaces around it go with the Arabic.
		{"number in Arabic", "علي 12 حسن", "111" + "1" + "22" + "1" + "111"},
		// A Hebrew paragraph keeps its Latin word and its brackets on its own side.
		{"Latin in Hebrew", "שלום (world) 3.5%", "1111" + "1" + "1" + "22222" + "1" + "1" + "2222"},
		{"Hebrew, comma, number", "X (נתן, 3 times)", "00" + "0" + "111" + "11" + "2" + "0" + "00000" + "0"},
		{"marks follow their letter", "مُحَمَّد", "11111111"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, len([]rune(c.in)), len(c.want), "test case")
			assert.Equal(t, c.want, levelString(c.in))
		})
	}
}

func TestVisualOrder(t *testing.T) {
	assert.Equal(t, []int{0, 1, 2}, visualOrder([]uint8{0, 0, 0}))
	assert.Equal(t, []int{2, 1, 0}, visualOrder([]uint8{1, 1, 1}))
	// English, then an Arabic phrase holding a number: the phrase reverses, the number not.
	assert.Equal(t, []int{0, 5, 3, 4, 2, 1, 6}, visualOrder([]uint8{0, 1, 1, 2, 2, 1, 0}))
}

// visualText is a laid-out line as drawn, left to right: shaped runs as the characters of
// their glyphs' clusters in drawing order, every other run as its text.
func visualText(ln line) string {
	var b strings.Builder
	for _, a := range ln.atoms {
		for _, rn := range a.runs {
			if rn.shaped == nil {
				b.WriteString(rn.text)
				continue
			}
			// A right-to-left run draws its last cluster first.
			src := rn.shaped.src
			var starts []int
			for i, g := range rn.shaped.glyphs {
				if i == 0 || g.cluster != rn.shaped.glyphs[i-1].cluster {
					starts = append(starts, g.cluster)
				}
			}
			for _, st := range starts {
				end := len(src)
				for _, other := range starts {
					if other > st && other < end {
						end = other
					}
				}
				b.WriteString("[" + src[st:end] + "]")
			}
		}
		if a.space > 0 {
			b.WriteByte(' ')
		}
	}
	return strings.TrimSpace(b.String())
}

// A line is drawn in visual order: the Arabic words of an English sentence right to left,
// each word's letters too, the sentence's brackets and number where English puts them.
func TestLayoutDrawsRightToLeftInVisualOrder(t *testing.T) {
	ts := testTypesetter(t)
	cases := []struct{ name, in, want string }{
		{"Arabic in English", "Met Zarif (جواد ظريف) in 2016.",
			"Met Zarif ([ف][ي][ر][ظ] [د][ا][و][ج]) in 2016."},
		{"Arabic alone", "علي حسن", "[ن][س][ح] [ي][ل][ع]"},
		{"number in Arabic", "علي 12 حسن", "[ن][س][ح] 12 [ي][ل][ع]"},
		{"Hebrew and Latin", "שלום (world)", "(world) [ם][ו][ל][ש]"},
		{"Latin untouched", "Igor Morgulov", "Igor Morgulov"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines := ts.layout(text(c.in, bodyStyle), 200)
			require.Len(t, lines, 1)
			assert.Equal(t, c.want, visualText(lines[0]))
		})
	}
}

// A mixed-script name keeps every part when it wraps, and the shaped advances are what the
// line breaker measures.
func TestLayoutWrapsShapedText(t *testing.T) {
	ts := testTypesetter(t)
	name := "Mohammad Javad Zarif محمدجواد ظریف नरेन्द्र मोदी ประยุทธ์ จันทร์โอชา"
	for w := 15.0; w < 120; w += 5 {
		lines := ts.layout(text(name, bodyStyle), w)
		var src strings.Builder
		for _, ln := range lines {
			assert.LessOrEqual(t, ln.w, w+0.01, "width %.0f", w)
			sum := 0.0
			for i, a := range ln.atoms {
				for _, rn := range a.runs {
					sum += rn.w
					if rn.shaped != nil {
						src.WriteString(rn.shaped.src)
						assert.InDelta(t, ts.width(rn.text, rn.font, rn.st.size), rn.w, 1e-9)
					} else {
						src.WriteString(rn.text)
					}
				}
				if i < len(ln.atoms)-1 {
					sum += a.space
				}
			}
			assert.InDelta(t, ln.w, sum, 1e-6, "width %.0f", w)
		}
		got := src.String()
		for _, part := range strings.Fields(name) {
			assert.Contains(t, got, part, "width %.0f", w)
		}
	}
	// A word wider than the line is cut between clusters, and no glyph is lost.
	lines := ts.layout(text("मोदीमोदीमोदीमोदी", bodyStyle), 8)
	require.Greater(t, len(lines), 1)
	var got strings.Builder
	for _, ln := range lines {
		for _, a := range ln.atoms {
			for _, rn := range a.runs {
				got.WriteString(rn.shaped.src)
			}
		}
	}
	assert.Equal(t, "मोदीमोदीमोदीमोदी", got.String())
}

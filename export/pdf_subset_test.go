package export

import (
	"encoding/binary"
	"os"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSubsetFontKeepsWhatItIsAskedFor(t *testing.T) {
	ts := testTypesetter(t)
	cases := []struct {
		name  string
		font  fontID
		runes string
	}{
		{"CJK", fontCJK, "北方領土原田親仁。"},
		{"Korean", fontKorean, "윤병세"},
		// Noto Sans draws many accented letters as composites of a base letter and a mark.
		{"composites", fontRegular, "éÅǺḯ"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			runes := []rune(c.runes)
			sub, err := subsetFont(c.font.bytes(), ts.m[c.font], runes)
			require.NoError(t, err)
			assert.Less(t, len(sub), len(c.font.bytes())/10)
			m, err := parseMetrics(sub)
			require.NoError(t, err)
			for _, r := range runes {
				assert.True(t, m.has(r), "%q kept", r)
				assert.Equal(t, ts.m[c.font].width[r], m.width[r], "%q keeps its width", r)
			}
			assert.False(t, m.has('A') && c.font != fontRegular, "nothing else is kept")
			tables, err := sfntTables(sub)
			require.NoError(t, err)
			glyphs := int(binary.BigEndian.Uint16(tables["maxp"][4:]))
			assert.GreaterOrEqual(t, glyphs, len(runes)+1)
			if c.name == "composites" {
				assert.Greater(t, glyphs, len(runes)+1, "the components came along")
			}
			// Every composite's components are in the subset.
			loca := tables["loca"]
			for g := 0; g < glyphs; g++ {
				from, to := binary.BigEndian.Uint32(loca[4*g:]), binary.BigEndian.Uint32(loca[4*g+4:])
				comps, err := components(tables["glyf"][from:to])
				require.NoError(t, err)
				for _, comp := range comps {
					assert.Less(t, comp.glyph, glyphs)
				}
			}
			// The file's checksum adjustment makes the whole file sum to the magic number.
			assert.Equal(t, uint32(0xB1B0AFBA), checksum(sub))
		})
	}
}

// TestCutSupplementaryFont makes fonts/VL-PGothic-Supplementary.ttf, the ideographs beyond
// the BMP of Debian's VL PGothic (package fonts-vlgothic), when PARLEY_CUT_VLGOTHIC names that
// font:
//
//	PARLEY_CUT_VLGOTHIC=/usr/share/fonts/truetype/vlgothic/VL-PGothic-Regular.ttf \
//	  go test -tags sqlite_fts5 -run TestCutSupplementaryFont ./export/
func TestCutSupplementaryFont(t *testing.T) {
	from := os.Getenv("PARLEY_CUT_VLGOTHIC")
	if from == "" {
		t.Skip("PARLEY_CUT_VLGOTHIC is not set")
	}
	data, err := os.ReadFile(from)
	require.NoError(t, err)
	m, err := parseMetrics(data)
	require.NoError(t, err)
	var runes []rune
	for r := range m.beyond {
		if r >= 0x20000 && r <= 0x3FFFF {
			runes = append(runes, r)
		}
	}
	sort.Slice(runes, func(i, j int) bool { return runes[i] < runes[j] })
	require.NotEmpty(t, runes)
	sub, err := subsetFont(data, m, runes)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile("fonts/VL-PGothic-Supplementary.ttf", sub, 0o644))
	t.Logf("%d ideographs: %q, %d bytes", len(runes), string(runes), len(sub))
}

// Code points beyond the BMP survive a cut: the font keeps a format 12 cmap for them.
func TestSubsetFontBeyondTheBMP(t *testing.T) {
	ts := testTypesetter(t)
	m := ts.m[fontCJKExt]
	require.True(t, m.has('𠮷'))
	sub, err := subsetFont(fontCJKExt.bytes(), m, []rune{'𠮷'})
	require.NoError(t, err)
	got, err := parseMetrics(sub)
	require.NoError(t, err)
	assert.True(t, got.has('𠮷'))
	assert.Equal(t, m.advance('𠮷'), got.advance('𠮷'))
	assert.False(t, got.has('𠮟'))
}

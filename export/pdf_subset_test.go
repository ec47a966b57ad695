package export

import (
	"encoding/binary"
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

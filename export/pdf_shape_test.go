package export

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/unicode/norm"

	"github.com/parley-app/parley/storage"
)

// scriptNames are a delegation's names in every script the pack shapes or has a font for,
// with the font that draws them.
var scriptNames = []struct {
	script, name string
	font         fontID
}{
	{"Arabic", "محمد بن سلمان", fontArabic},
	{"Persian", "محمدجواد ظریف", fontArabic},
	{"Urdu", "شہباز شریف", fontArabic},
	{"Hebrew", "בנימין נתניהו", fontHebrew},
	{"Georgian", "ირაკლი ღარიბაშვილი", fontGeorgian},
	{"Devanagari", "नरेन्द्र मोदी", fontDevanagari},
	{"Thai", "ประยุทธ์ จันทร์โอชา", fontThai},
	{"Armenian", "Նիկոլ Փաշինյան", fontArmenian},
	{"Ethiopic", "ዐቢይ አሕመድ", fontEthiopic},
	{"Bengali", "শেখ হাসিনা", fontBengali},
	{"Khmer", "ហ៊ុន សែន", fontKhmer},
}

// scriptsBriefing is the fixture with one participant per script.
func scriptsBriefing() *storage.Briefing {
	b := fixtureBriefing()
	base := b.Participants[1]
	b.Participants = b.Participants[:1]
	for i, s := range scriptNames {
		p := base
		a := base.Actor
		a.ID = "script-" + s.script
		a.Name = s.script + " Delegate"
		a.NativeName = s.name
		a.OtherNames = nil
		a.Biography = "Known as " + s.name + " since 2016 (" + s.script + ")."
		if i == 0 {
			a.Biography = "Met Zarif (محمدجواد ظریف) in 2016 and Netanyahu (בנימין נתניהו, 3 times)."
		}
		p.Actor = a
		b.Participants = append(b.Participants, p)
	}
	return b
}

// Every script a delegation meets prints from an embedded font, without a placeholder, and
// Latin, Cyrillic, Greek and CJK names still copy out as their letters.
func TestPackEveryScript(t *testing.T) {
	b := scriptsBriefing()
	b.Participants[0].Actor.OtherNames = []string{"Ἀλέξανδρος", "Сергей", "王毅", "𠮷田茂"}
	b.Participants[0].Actor.Biography = "Met Nguye\u0302\u0303n Xua\u0302n Phu\u0301c in Ha\u0300 No\u0323\u0302i."
	path := draftPack(t, b)
	if keep := os.Getenv("PARLEY_KEEP_PACK"); keep != "" {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(keep, data, 0o644))
	}
	checkValid(t, path)
	txt := pdfText(t, path)
	assert.NotContains(t, txt, "not shown")
	for _, want := range []string{"Chikahito Harada", "原田親仁", "Ἀλέξανδρος", "Сергей", "王毅"} {
		assert.Contains(t, txt, want, "logical text of %q", want)
	}
	// Scripts drawn character by character copy out as themselves; so do Arabic names, as
	// presentation forms put back in logical order by pdftotext.
	flat := norm.NFKC.String(strings.NewReplacer("\u202b", "", "\u202c", "", "\u202a", "").Replace(txt))
	for _, s := range scriptNames {
		switch s.script {
		case "Georgian", "Armenian", "Ethiopic", "Arabic", "Persian", "Urdu", "Hebrew":
			assert.Contains(t, flat, s.name, s.script)
		}
	}
	fonts := strings.ToLower(tool(t, "pdffonts", path))
	for _, s := range scriptNames {
		fam, _ := s.font.family()
		assert.Contains(t, fonts, fam, s.script)
	}
	for _, ln := range strings.Split(fonts, "\n") {
		if strings.Contains(ln, "noto") {
			assert.Contains(t, ln, " yes ", "embedded: %s", ln)
		}
	}
}

// Every glyph a pack prints is in the font it embeds: shaping every string of the briefing
// before the font is made leaves nothing to add later.
func TestPackShapedFontsHoldEveryGlyph(t *testing.T) {
	b := scriptsBriefing()
	m, err := loadMetrics()
	require.NoError(t, err)
	r := newRenderer(b, PackOptions{HomeZone: london(t), PreparedOn: fixedClock, Marking: "OFFICIAL"}, &typesetter{m: m})
	require.NoError(t, r.render())
	var buf bytes.Buffer
	require.NoError(t, r.pdf.Output(&buf))
	require.NotNil(t, r.ts.sh)
	for f := fontID(0); f < fontCount; f++ {
		if s := r.ts.sh.sets[f]; s != nil {
			assert.True(t, s.built, "font %d", f)
			assert.Zero(t, s.late, "font %d: glyphs met after the font was made", f)
		}
	}
}

// Arabic letters take their joined forms, which differ from the isolated letters, and come
// out right to left; Indic conjuncts and Thai marks come out as glyphs of their own.
func TestShapeArabicJoinsRightToLeft(t *testing.T) {
	ts := testTypesetter(t)
	word := "محمد"
	gl := ts.shape(fontArabic, word, true)
	require.Len(t, gl, 4)
	m := ts.m[fontArabic]
	joined := 0
	for i, g := range gl {
		// Visual order: the first glyph drawn (leftmost) is the last letter.
		assert.Equal(t, len(word)-2*(i+1), g.cluster, "glyph %d draws letter %d", i, 3-i)
		isolated := ts.set(fontArabic).code(placedGlyph{gid: m.glyph[[]rune(word)[3-i]], adv: int16(m.width[[]rune(word)[3-i]])}, shapeSources[fontArabic])
		if g.code != isolated {
			joined++
		}
		// Joined forms copy out as Arabic presentation forms.
		assert.True(t, g.code >= 0xFB50 && g.code <= 0xFEFF, "glyph %d: %U", i, g.code)
	}
	assert.Equal(t, 4, joined, "every letter of محمد is joined to a neighbour")

	// The same letters apart keep their isolated forms.
	for _, r := range word {
		g := ts.shape(fontArabic, string(r), true)
		require.Len(t, g, 1)
		assert.Equal(t, r, g[0].code, "isolated %c", r)
	}

	// नरेन्द्र: the half form न् and the conjunct द्र are glyphs no character names.
	dev := ts.shape(fontDevanagari, "नरेन्द्र", false)
	assert.Less(t, len(dev), len([]rune("नरेन्द्र")))
	pua := 0
	for _, g := range dev {
		if g.code >= puaFirst && g.code <= puaLast {
			pua++
		}
	}
	assert.Positive(t, pua)
}

func TestShapedFontIsValid(t *testing.T) {
	ts := testTypesetter(t)
	for _, s := range scriptNames {
		if !s.font.shaped() {
			continue
		}
		t.Run(s.script, func(t *testing.T) {
			for _, w := range strings.Fields(s.name) {
				ts.shape(s.font, w, s.font == fontArabic || s.font == fontHebrew)
			}
			src, err := ts.source(s.font)
			require.NoError(t, err)
			set := ts.set(s.font)
			font, err := shapedFont(s.font.bytes(), src, set)
			require.NoError(t, err)
			assert.Less(t, len(font), len(s.font.bytes())/2)
			assert.Equal(t, uint32(0xB1B0AFBA), checksum(font))
			got, err := parseMetrics(font)
			require.NoError(t, err)
			for _, c := range set.order {
				require.True(t, got.has(c), "%U in the cmap", c)
				assert.InDelta(t, ts.shapedAdvance(s.font, c), float64(got.width[c]), 1, "%U keeps its shaped advance", c)
			}
		})
	}
}

// Decomposed accents print composed, and an ideograph beyond the BMP prints from the one
// font that has it (through a code point of the pack's own).
func TestPackNormalisesAndPrintsBeyondTheBMP(t *testing.T) {
	b := fixtureBriefing()
	b.Participants[0].Actor.NativeName = "𠮷田茂"
	b.Participants[0].Actor.Biography = "Met Nguye\u0302\u0303n Xua\u0302n Phu\u0301c in Ha\u0300 No\u0323\u0302i."
	path := draftPack(t, b)
	checkValid(t, path)
	txt := pdfText(t, path)
	assert.Contains(t, txt, "Met Nguyễn Xuân Phúc in Hà Nội.")
	assert.NotContains(t, txt, "\u0302")
	assert.NotContains(t, txt, "not shown")
	// 𠮷 copies out as its Private Use code point; 田茂 as themselves.
	assert.Regexp(t, "[\uE000-\uF8FF]田茂", txt)
	assert.Contains(t, strings.ToLower(tool(t, "pdffonts", path)), "vlgothicext")
}

// specimenLines are the lines of the script specimen, as written for LibreOffice too.
func specimenLines() []string {
	var out []string
	for _, s := range scriptNames {
		out = append(out, s.script+": "+s.name)
	}
	return append(out, "Mixed: Met Zarif (محمدجواد ظریف) in 2016 and Netanyahu (בנימין נתניהו, 3 times).")
}

// TestScriptSpecimen writes one line per script at 13 pt to the PDF PARLEY_SPECIMEN names, set
// by the pack's typesetter, to compare with LibreOffice setting the same lines
// (docs/briefing-pack.md, Scripts).
func TestScriptSpecimen(t *testing.T) {
	path := os.Getenv("PARLEY_SPECIMEN")
	if path == "" {
		t.Skip("PARLEY_SPECIMEN is not set")
	}
	b := fixtureBriefing()
	var lines []string
	for _, l := range specimenLines() {
		lines = append(lines, l)
		b.Meeting.Objectives = append(b.Meeting.Objectives, l) // so the shaped fonts hold them
	}
	m, err := loadMetrics()
	require.NoError(t, err)
	r := newRenderer(b, PackOptions{HomeZone: london(t), PreparedOn: fixedClock}, &typesetter{m: m})
	r.useFont(fontRegular, 13)
	r.pdf.AddPage()
	y := 20.0
	for _, l := range lines {
		ln := r.ts.layout(text(l, style{size: 13, color: inkColour}), 180)
		require.Len(t, ln, 1, l)
		r.drawLine(ln[0], 15, y, 8)
		y += 8
	}
	var buf bytes.Buffer
	require.NoError(t, r.pdf.Output(&buf))
	require.NoError(t, os.WriteFile(path, buf.Bytes(), 0o644))
}

// Packs written at the same time share the parsed fonts, never a shaper or a face (run with
// -race, as make test does).
func TestPackScriptsConcurrently(t *testing.T) {
	brief := scriptsBriefing()
	opt := PackOptions{HomeZone: time.UTC, PreparedOn: fixedClock}
	var want bytes.Buffer
	require.NoError(t, WritePack(&want, brief, opt))
	errs := make(chan error, 3)
	outs := make([]bytes.Buffer, 3)
	for i := range outs {
		go func() { errs <- WritePack(&outs[i], brief, opt) }()
	}
	for range outs {
		require.NoError(t, <-errs)
	}
	for i := range outs {
		assert.True(t, bytes.Equal(want.Bytes(), outs[i].Bytes()), "pack %d has the same bytes", i)
	}
}

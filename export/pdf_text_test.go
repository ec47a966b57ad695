package export

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/storage"
)

func testTypesetter(t *testing.T) *typesetter {
	t.Helper()
	m, err := loadMetrics()
	require.NoError(t, err)
	return &typesetter{m: m}
}

// lineText joins a line's runs, with a space where the line has one between atoms.
func lineText(ln line) string {
	var b strings.Builder
	for i, a := range ln.atoms {
		for _, r := range a.runs {
			b.WriteString(r.text)
		}
		if i < len(ln.atoms)-1 && a.space > 0 {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func TestLayoutKeepsInsideWidth(t *testing.T) {
	ts := testTypesetter(t)
	cases := []struct {
		name  string
		text  string
		width float64
	}{
		{"prose", "Japan seeks to resolve the issue of the ownership of the isles before concluding a peace treaty with Russia.", 60},
		{"long URL", "See https://www.mofa.go.jp/region/europe/russia/territory/overview.html#section-on-the-1956-joint-declaration for the text.", 40},
		{"one very long word", strings.Repeat("Verhandlungsdelegationsleiter", 4), 30},
		{"Japanese", "日本政府は北方領土問題を解決して平和条約を締結するという基本方針の下、ロシアとの交渉を粘り強く進めている。", 35},
		{"mixed scripts", "Southern Kurils (Южные Курилы) / Northern Territories (北方領土), Ἑλλάς", 45},
		{"Korean", "윤병세 외교부 장관은 한일 관계의 미래지향적 발전을 강조했다.", 30},
		{"narrow column", "原田親仁 Моргулов", 4},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lines := ts.layout(text(c.text, bodyStyle), c.width)
			require.NotEmpty(t, lines)
			var all strings.Builder
			for _, ln := range lines {
				w := 0.0
				for _, a := range ln.atoms {
					for _, r := range a.runs {
						w += r.w
					}
				}
				if len([]rune(lineText(ln))) > 1 {
					assert.LessOrEqual(t, ln.w, c.width+1e-9, "line %q", lineText(ln))
				}
				assert.InDelta(t, ln.w, w+spaces(ln), 1e-9)
				all.WriteString(lineText(ln))
			}
			// Nothing is lost: the lines hold every character but the spaces they broke at.
			assert.Equal(t, strings.ReplaceAll(c.text, " ", ""), strings.ReplaceAll(all.String(), " ", ""))
		})
	}
}

func spaces(ln line) float64 {
	s := 0.0
	for i, a := range ln.atoms {
		if i < len(ln.atoms)-1 {
			s += a.space
		}
	}
	return s
}

func TestLayoutBreaksURLAfterSlash(t *testing.T) {
	ts := testTypesetter(t)
	lines := ts.layout(text("https://english.kyodonews.example/news/2016/06/japan-russia-talks.html", bodyStyle), 50)
	require.Greater(t, len(lines), 1)
	first := lineText(lines[0])
	assert.True(t, strings.HasSuffix(first, "/") || strings.HasSuffix(first, "-") || strings.HasSuffix(first, "."), "broke at %q", first)
}

func TestLayoutJapanesePunctuationStaysWithItsWord(t *testing.T) {
	ts := testTypesetter(t)
	s := "交渉は前向きに進めたい。協議は続く。"
	for w := 10.0; w < 40; w += 0.5 { // from three characters up
		for _, ln := range ts.layout(text(s, bodyStyle), w) {
			lt := lineText(ln)
			assert.False(t, strings.HasPrefix(lt, "。"), "width %.1f: line starts with a full stop: %q", w, lt)
		}
	}
}

func TestLayoutNeverStartsALineWithADash(t *testing.T) {
	ts := testTypesetter(t)
	s := "Peace treaty consultations, round 2 — Tokyo – and more – words — here"
	for w := 20.0; w < 120; w += 1 {
		lines := ts.layout(text(s, bodyStyle), w)
		for _, ln := range lines {
			lt := lineText(ln)
			assert.False(t, strings.HasPrefix(lt, "—") || strings.HasPrefix(lt, "–"), "width %.0f: %q", w, lt)
		}
	}
}

func TestFontForScripts(t *testing.T) {
	ts := testTypesetter(t)
	cases := []struct {
		r    rune
		want fontID
	}{{'A', fontRegular}, {'Ж', fontRegular}, {'λ', fontRegular}, {'北', fontCJK}, {'ひ', fontCJK}, {'カ', fontCJK}, {'한', fontKorean}, {'。', fontCJK}}
	for _, c := range cases {
		f, ok := ts.fontFor(c.r, bodyStyle)
		assert.True(t, ok, "%q", c.r)
		assert.Equal(t, c.want, f, "%q", c.r)
	}
	f, _ := ts.fontFor('A', bodyStyle.withBold())
	assert.Equal(t, fontBold, f)
}

func TestCleanHidesUnshapedScripts(t *testing.T) {
	ts := testTypesetter(t)
	cases := []struct{ name, in, want string }{
		{"Tamil words", "Minister மு. க. ஸ்டாலின் said", "Minister [Tamil script not shown] said"},
		{"Sinhala", "Speaker: රනිල් වික්\u200dරමසිංහ.", "Speaker: [Sinhala script not shown]."},
		{"emoji", "talks 🤝 today", "talks [characters not shown] today"},
		{"printable untouched", "Моргулов 原田親仁 Ἑλλάς محمد שלום नरेन्द्र", "Моргулов 原田親仁 Ἑλλάς محمد שלום नरेन्द्र"},
		{"joiners kept", "می\u200cخواهم", "می\u200cخواهم"},
		{"other format characters dropped", "a\u202eb\u2066c", "abc"},
		{"tabs and controls", "a\tb\x07c", "a bc"},
		{"NFC", "Nguyễn Tân Dũng", "Nguyễn Tân Dũng"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, ts.clean(c.in))
		})
	}
	assert.Equal(t, "Tamil", ts.hiddenScript("ஸ்டாலின்"))
	for _, s := range []string{"Игорь Моргулов", "محمد جواد ظريف", "ბიძინა", "Ծառուկյան", "ዐቢይ"} {
		assert.Equal(t, "", ts.hiddenScript(s), s)
	}
}

// A name in a script the pack has no font for is replaced by a note, never by broken glyphs.
func TestPackUnshapedNames(t *testing.T) {
	b := fixtureBriefing()
	b.Participants[1].Actor.NativeName = "மு. க. ஸ்டாலின்"
	b.Participants[1].Actor.Biography = "Spoke at the conference (රනිල් වික්\u200dරමසිංහ) in 2016."
	txt := draftText(t, b)
	assert.Contains(t, txt, "(name in Tamil script not shown)")
	assert.Contains(t, txt, "[Sinhala script not shown]")
	assert.Contains(t, txt, "Igor Morgulov", "the romanised name stays")
	for _, r := range txt {
		assert.False(t, unshapedScript(r) != "", "unshaped character %q in the pack", r)
	}
}

func TestRoundLine(t *testing.T) {
	prev := storage.Meeting{ID: "p", City: "Moscow", When: storage.InMonth(2015, 10)}
	assert.Equal(t, "Round 2, after Moscow, October 2015", roundLine(storage.Meeting{Round: 2}, prev))
	assert.Equal(t, "Round 3", roundLine(storage.Meeting{Round: 3}, storage.Meeting{}))
	assert.Equal(t, "Follows Moscow, October 2015", roundLine(storage.Meeting{}, prev))
}

// Korean, Chinese, Japanese, Greek and Cyrillic names print as themselves, each from an
// embedded font.
func TestPackEastAsianNames(t *testing.T) {
	b := fixtureBriefing()
	b.Participants[0].Actor.NativeName = "윤병세"
	b.Participants[0].Actor.OtherNames = []string{"王毅", "Ἀλέξανδρος", "Сергей"}
	path := draftPack(t, b)
	checkValid(t, path)
	txt := pdfText(t, path)
	for _, want := range []string{"윤병세", "王毅", "Ἀλέξανδρος", "Сергей"} {
		assert.Contains(t, txt, want)
	}
	fonts := tool(t, "pdffonts", path)
	for _, family := range []string{"noto", "droidcjk", "nanumsquare"} {
		assert.Contains(t, strings.ToLower(fonts), family)
	}
	assert.NotContains(t, txt, "not shown")
}

package export

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/stretchr/testify/require"
)

// Every character of the export package's own source that the Latin fonts would draw is in the
// cut the pack gives them (latinOwn), or comes from the briefing: the pack's own words never
// fall outside the cut fonts.
func TestPackOwnWordsAreInTheLatinCut(t *testing.T) {
	m, err := loadMetrics()
	require.NoError(t, err)
	ts := &typesetter{m: m}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, c := range string(b) {
			if c < 0x80 || unicode.In(c, latinOwn...) {
				continue
			}
			if font, ok := ts.fontFor(c, style{}); ok && !font.subset() && !font.shaped() {
				t.Errorf("%s: %q (U+%04X) is drawn in a Latin font but is not in latinOwn", f, c, c)
			}
		}
	}
}

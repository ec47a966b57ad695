package export

import (
	"io"
	"testing"
	"time"
)

// BenchmarkPack builds the pack of a large meeting: 20 participants, 3 disputes with 200
// timeline entries between them, and 500 statements.
func BenchmarkPack(b *testing.B) {
	brief := bigBriefing()
	opt := PackOptions{HomeZone: time.UTC, PreparedOn: fixedClock}
	b.ReportAllocs()
	for b.Loop() {
		if err := WritePack(io.Discard, brief, opt); err != nil {
			b.Fatal(err)
		}
	}
}

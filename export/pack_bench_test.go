package export

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
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

// BenchmarkSamplePack builds the pack the sample opens with: the Tokyo round, every section
// filled, as `parley pack` writes it (tools/vs-libreoffice.sh times the whole process).
func BenchmarkSamplePack(b *testing.B) {
	brief, err := sampletest.Store(b).Briefing(context.Background(), sample.TokyoRoundID)
	if err != nil {
		b.Fatal(err)
	}
	opt := PackOptions{HomeZone: time.UTC, PreparedOn: fixedClock}
	b.ReportAllocs()
	for b.Loop() {
		if err := WritePack(io.Discard, brief, opt); err != nil {
			b.Fatal(err)
		}
	}
}

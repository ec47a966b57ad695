package export

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
)

// BenchmarkPack builds the pack of a large meeting: 20 participants, 3 disputes with 200
// timeline entries between them, and 500 statements.
func BenchmarkPack(b *testing.B) {
	benchmarkPack(b, bigBriefing())
}

// BenchmarkSamplePack builds the pack the sample opens with: the Tokyo round, every section
// filled, as `parley pack` writes it (tools/vs-libreoffice.sh times the whole process).
func BenchmarkSamplePack(b *testing.B) {
	brief, err := sampletest.Store(b).Briefing(context.Background(), sample.TokyoRoundID)
	if err != nil {
		b.Fatal(err)
	}
	benchmarkPack(b, brief)
}

// BenchmarkPackScripts builds the pack of a delegation with a name in each of the eleven
// scripts of scriptsBriefing: what shaping, bidi and the pack's own fonts cost.
func BenchmarkPackScripts(b *testing.B) {
	benchmarkPack(b, scriptsBriefing())
}

// benchmarkPack measures writing brief's pack, in UTC on the fixed day, to nowhere.
func benchmarkPack(b *testing.B, brief *storage.Briefing) {
	opt := PackOptions{HomeZone: time.UTC, PreparedOn: fixedClock}
	b.ReportAllocs()
	for b.Loop() {
		if err := WritePack(io.Discard, brief, opt); err != nil {
			b.Fatal(err)
		}
	}
}

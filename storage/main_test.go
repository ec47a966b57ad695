package storage

import (
	"os"
	"testing"
)

// benchDir holds the large database the benchmarks build (bench_test.go), once per run.
var benchDir string

// TestMain removes the large database the benchmarks build, if they ran.
func TestMain(m *testing.M) {
	code := m.Run()
	if benchDir != "" {
		os.RemoveAll(benchDir)
	}
	os.Exit(code)
}

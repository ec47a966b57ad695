//go:build !linux

// Package mounttest gives tests real read-only and full disks; only on Linux, where a root
// process may mount a file system. Elsewhere each test that needs one is skipped.
package mounttest

import "testing"

// ReadOnly skips the test: read-only mounts are made on Linux only.
func ReadOnly(t testing.TB, dir string) string {
	t.Skip("read-only mounts are made only on Linux")
	return ""
}

// Disk skips the test: small disks are made on Linux only.
func Disk(t testing.TB, size int) string {
	t.Skip("small disks are made only on Linux")
	return ""
}

// Fill skips the test: small disks are made on Linux only.
func Fill(t testing.TB, dir string) { t.Skip("small disks are made only on Linux") }

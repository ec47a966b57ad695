//go:build !cgo

package storage

// classify has nothing to add without cgo: the SQLite driver needs cgo, and without it every
// Open fails with the driver's own message. This file keeps the package compiling (and
// go vet working) for GOOS=windows and other cross targets checked without a C compiler.
func classify(err error) error { return classifyFile(err) }

// hotJournal has no SQLite error to recognise without cgo.
func hotJournal(error) bool { return false }

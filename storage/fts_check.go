//go:build !sqlite_fts5

package storage

// builtWithFTS5 is false: this binary was built without -tags sqlite_fts5, so the SQLite
// inside it has no full-text search unless it is a system library that brings its own
// (-tags libsqlite3). Open asks SQLite and refuses with ErrNoFTS when it has none, instead
// of letting the first search fail.
const builtWithFTS5 = false

//go:build sqlite_fts5

package storage

// builtWithFTS5 is true: the build tag sqlite_fts5 compiles FTS5 into SQLite.
const builtWithFTS5 = true

//go:build sqlite_fts5

package cli

// builtWithFTS5 tells `parley version` this binary was built with -tags sqlite_fts5.
const builtWithFTS5 = true

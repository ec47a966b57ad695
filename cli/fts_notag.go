//go:build !sqlite_fts5

package cli

// builtWithFTS5 tells `parley version` this binary was built without -tags sqlite_fts5: the
// store refuses to open, and version says why.
const builtWithFTS5 = false

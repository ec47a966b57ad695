package cli

import (
	"context"
	"io"
	"runtime"
)

func init() {
	register(command{
		name:    "version",
		usage:   "",
		summary: "Show which Parley this is, and whether it can search.",
		run:     runVersion,
	})
}

func runVersion(ctx context.Context, args []string, stdout io.Writer) error {
	if _, err := parseArgs(newFlags("version"), args); err != nil {
		return err
	}
	search := "full-text search built in"
	if !builtWithFTS5 {
		search = "built WITHOUT full-text search (rebuild with -tags sqlite_fts5)"
	}
	return say(stdout, "Parley "+Version+" ("+runtime.Version()+", "+runtime.GOOS+"/"+runtime.GOARCH+", "+search+")")
}

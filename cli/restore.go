package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/parley-app/parley/tasks"
)

func init() {
	register(command{
		name:  "restore",
		usage: "[--db FILE] COPY",
		summary: "Bring a copy back as the dossier: a backup, or the copy kept before an upgrade. The copy is " +
			"checked first; the dossier as it was is kept beside it. Close the window on the dossier first.",
		run: runRestore,
	})
}

func runRestore(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("restore")
	from, err := parseOneArg(fl, args, "give the copy to bring back (a backup .db file)", "restore one copy at a time")
	if err != nil {
		return err
	}
	if missing(from) {
		return &problem{sentence: fmt.Sprintf("There is no file %s to restore from", from)}
	}
	path, err := existingPath(*db)
	if err != nil {
		return err
	}
	return explain(path, report(stdout)(tasks.Restore(ctx, path, from, now())))
}

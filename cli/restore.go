package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

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
	fl := newFlags("restore")
	db := dbFlag(fl)
	from, err := parseOneArg(fl, args, "give the copy to bring back (a backup .db file)", "restore one copy at a time")
	if err != nil {
		return err
	}
	if _, err := os.Stat(from); errors.Is(err, fs.ErrNotExist) {
		return &problem{sentence: fmt.Sprintf("There is no file %s to restore from", from)}
	}
	path, err := existingPath(*db)
	if err != nil {
		return err
	}
	rep, err := tasks.Restore(ctx, path, from, now())
	if err != nil {
		return explain(path, err)
	}
	return say(stdout, rep.String())
}

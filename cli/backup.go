package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"

	"github.com/parley-app/parley/tasks"
)

func init() {
	register(command{
		name:    "backup",
		usage:   "[--db FILE] -o FILE",
		summary: "Write a consistent copy of the database to a new file; it never overwrites one.",
		run:     runBackup,
	})
}

func runBackup(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("backup")
	out := fl.String("o", "", "the backup file to write (must not exist yet)")
	if err := parseFlags(fl, args, "give the backup file with -o"); err != nil {
		return err
	}
	if *out == "" {
		return usagef("give the backup file to write with -o FILE")
	}
	path, err := existingPath(*db)
	if err != nil {
		return err
	}
	update, finish := progressLine("Backing up to " + filepath.Base(*out) + " (MB)")
	var inMB func(done, total int)
	if update != nil {
		inMB = func(done, total int) { update(done>>20, total>>20) }
	}
	rep, err := tasks.BackupWithProgress(ctx, path, *out, false, inMB)
	finish()
	if errors.Is(err, fs.ErrExist) {
		return &problem{sentence: fmt.Sprintf("There is already a file at %s; a backup never overwrites one. Choose another name", *out)}
	}
	if err != nil {
		return explain(path, err)
	}
	return say(stdout, rep.String())
}

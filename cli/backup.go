package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/parley-app/parley/storage"
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
	fl := newFlags("backup")
	db := dbFlag(fl)
	out := fl.String("o", "", "the backup file to write (must not exist yet)")
	rest, err := parseArgs(fl, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q (give the backup file with -o)", rest[0])
	}
	if *out == "" {
		return usagef("give the backup file to write with -o FILE")
	}
	if _, err := os.Stat(*out); !errors.Is(err, fs.ErrNotExist) {
		return &problem{sentence: fmt.Sprintf("There is already a file at %s; a backup never overwrites one. Choose another name", *out)}
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); errors.Is(err, fs.ErrNotExist) {
		return missingDatabase(path)
	}
	// BackupFile reads without taking the database's lock, so a backup works while the
	// window has the database open.
	if err := storage.BackupFile(ctx, path, *out); err != nil {
		if errors.Is(err, fs.ErrPermission) || errors.Is(err, fs.ErrNotExist) {
			return outputError(*out, err)
		}
		return explain(path, err)
	}
	size := ""
	if info, err := os.Stat(*out); err == nil {
		size = fmt.Sprintf(" (%s)", byteSize(info.Size()))
	}
	return say(stdout, fmt.Sprintf("Backed up %s to %s%s.", path, *out, size))
}

// byteSize writes a file size for people: "96 KB", "1.4 MB".
func byteSize(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d bytes", n)
	case n < 1000*1000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	default:
		return fmt.Sprintf("%.1f MB", float64(n)/1e6)
	}
}

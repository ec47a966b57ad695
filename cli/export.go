package cli

import (
	"context"
	"errors"
	"io"
	"path/filepath"
	"time"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

// now is the clock export stamps bundles and calendars with; tests may replace it.
var now = time.Now

func init() {
	register(command{
		name:  "export",
		usage: "[--db FILE] [--up-to LEVEL] -o FILE.json|FILE.ics",
		summary: "Write the whole dossier to a file; the extension chooses the format (.json: a Parley bundle; .ics: the dated meetings as calendar events). " +
			"--up-to OFFICIAL writes a calendar for readers cleared to that level: its events leave out what is marked above it.",
		run: runExport,
	})
}

func runExport(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("export")
	out := fl.String("o", "", "the file to write")
	upTo := fl.String("up-to", "", "for a calendar: the readers' handling level")
	if err := parseFlags(fl, args, "give the output file with -o"); err != nil {
		return err
	}
	if *out == "" {
		return usagef("give the file to write with -o FILE (%s)", tasks.Formats)
	}
	format, err := tasks.FormatOf(*out)
	if err != nil {
		return usagef("cannot export to %q: the name must end in %s", *out, tasks.Formats)
	}
	if *upTo != "" && format != tasks.CalendarExt {
		return usagef("%v", tasks.ErrUpToBundle)
	}
	// A bundle notes in the dossier what it carries, so that a copy coming back is merged
	// against it: it opens the dossier for writing, and only for reading (the export then
	// says it could not note it) when a window holds it or the disk is read-only.
	open := openForReading
	if format == tasks.BundleExt {
		open = noteOrRead
	}
	return inDatabase(ctx, *db, open, func(s *storage.Store) error {
		update, finish := progressLine("Exporting to " + filepath.Base(*out))
		rep, err := tasks.ExportWith(ctx, s, *out, now(), tasks.ExportOptions{UpTo: *upTo, Progress: update})
		finish()
		return report(stdout)(rep, err)
	})
}

// noteOrRead opens the database for writing, or only for reading when a window holds it or
// the disk is read-only.
func noteOrRead(ctx context.Context, dbFlagValue string) (*storage.Store, string, error) {
	s, path, err := openExisting(ctx, dbFlagValue)
	if errors.Is(err, storage.ErrLocked) || errors.Is(err, storage.ErrReadOnly) {
		return openForReading(ctx, dbFlagValue)
	}
	return s, path, err
}

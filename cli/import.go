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
		name:  "import",
		usage: "[--db FILE] FILE.json|FILE.ics",
		summary: "Read a file into the dossier, creating the database if there is none; the extension " +
			"chooses the format (.json: a Parley bundle; .ics: calendar events). All or nothing: a file " +
			"with an error changes nothing. A record already there is updated when the file's is newer.",
		run: runImport,
	})
}

func runImport(ctx context.Context, args []string, stdout io.Writer) error {
	fl := newFlags("import")
	db := dbFlag(fl)
	rest, err := parseArgs(fl, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) == 0:
		return usagef("give the file to import (%s)", tasks.Formats)
	case len(rest) > 1:
		return usagef("import one file at a time")
	}
	file := rest[0]
	if _, err := tasks.FormatOf(file); err != nil {
		return usagef("cannot import %q: the name must end in %s", file, tasks.Formats)
	}
	if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
		return &problem{sentence: fmt.Sprintf("There is no file %s to import", file)}
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	s, err := openOrCreate(ctx, path)
	if err != nil {
		return err
	}
	rep, err := tasks.Import(ctx, s, file)
	if err != nil {
		if s.Created() {
			discard(s)
		} else {
			s.Close()
		}
		return explain(path, err)
	}
	if err := s.Close(); err != nil {
		return explain(path, err)
	}
	if err := say(stdout, fmt.Sprintf("Imported %s into %s.\n%s", file, path, rep)); err != nil {
		return err
	}
	for _, c := range rep.Calendar.Changes { // the window shows the meetings themselves
		verb := "Updated"
		if c.Created {
			verb = "Created"
		}
		if err := say(stdout, fmt.Sprintf("%s “%s” (%s).", verb, c.Title, c.MeetingID)); err != nil {
			return err
		}
	}
	if s.Created() {
		return say(stdout, fmt.Sprintf("Created a new database at %s for it.", path))
	}
	return nil
}

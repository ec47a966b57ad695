package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/parley-app/parley/ical"
	"github.com/parley-app/parley/tasks"
)

func init() {
	register(command{
		name:  "import",
		usage: "[--db FILE] [--window YEARS] [--take-theirs UID,…] [--add-attendees] FILE.json|FILE.ics",
		summary: "Read a file into the dossier, creating the database if there is none; the extension " +
			"chooses the format (.json: a Parley bundle; .ics: calendar events). All or nothing: a file " +
			"with an error changes nothing. A record already there is updated when the file's is newer. " +
			"Calendars: recurring series are expanded --window years either side of today (default 2); " +
			"an organiser's update to a meeting edited in Parley is reported, and applied with --take-theirs UID; " +
			"attendees no actor matches are listed, and made actors (and participants) with --add-attendees.",
		run: runImport,
	})
}

func runImport(ctx context.Context, args []string, stdout io.Writer) error {
	fl := newFlags("import")
	db := dbFlag(fl)
	window := fl.Int("window", ical.DefaultWindowYears, "years either side of today to expand recurring calendar series in")
	addAttendees := fl.Bool("add-attendees", false, "make a calendar's unmatched attendees actors, and participants of their meetings")
	var theirs []string
	fl.Func("take-theirs", "calendar UIDs (comma-separated, or the flag repeated) whose organiser's version replaces Parley's edited one", func(v string) error {
		for _, u := range strings.Split(v, ",") {
			if u = strings.TrimSpace(u); u != "" {
				theirs = append(theirs, u)
			}
		}
		return nil
	})
	file, err := parseOneArg(fl, args, fmt.Sprintf("give the file to import (%s)", tasks.Formats), "import one file at a time")
	if err != nil {
		return err
	}
	if *window < 1 || *window > 50 {
		return usagef("--window is a number of years from 1 to 50, not %d", *window)
	}
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
	update, finish := progressLine("Importing " + filepath.Base(file))
	rep, err := tasks.ImportWith(ctx, s, file, tasks.ImportOptions{WindowYears: *window, TakeTheirs: theirs, AddAttendees: *addAttendees, Progress: update})
	finish()
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

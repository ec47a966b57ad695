package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/parley-app/parley/ical"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

func init() {
	register(command{
		name: "import",
		usage: "[--db FILE] [--window YEARS] [--take-theirs UID,…] [--add-attendees] [--conflicts] FILE.json|FILE.ics | " +
			"--conflicts [--keep-ours ID,…|all] [--keep-theirs ID,…|all] [--merge ID --take FIELD=theirs,…]",
		summary: "Read a file into the dossier, creating the database if there is none; the extension " +
			"chooses the format (.json: a Parley bundle; .ics: calendar events). All or nothing: a file " +
			"with an error changes nothing. " +
			"Bundles: a record changed on one side only since it was last exchanged takes that side's version; " +
			"one changed both here and in the file is a conflict — Parley's version stays, the file's is kept aside " +
			"and the report names the fields that differ. --conflicts lists the conflicts awaiting a decision " +
			"(after importing FILE, when one is given); --keep-ours ID and --keep-theirs ID settle them " +
			"(ID: a record's ID, its first characters, or all), and --merge ID --take FIELD=theirs takes the " +
			"named fields from the file and keeps Parley's others. " +
			"Calendars: recurring series are expanded --window years either side of today (default 2); " +
			"an organiser's update to a meeting edited in Parley is reported, and applied with --take-theirs UID; " +
			"attendees no actor matches are listed, and made actors (and participants) with --add-attendees.",
		run: runImport,
	})
}

// commaList is a flag of comma-separated values that may also be repeated.
func commaList(fl *flag.FlagSet, name, usage string) *[]string {
	var out []string
	fl.Func(name, usage, func(v string) error {
		for _, u := range strings.Split(v, ",") {
			if u = strings.TrimSpace(u); u != "" {
				out = append(out, u)
			}
		}
		return nil
	})
	return &out
}

func runImport(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("import")
	window := fl.Int("window", ical.DefaultWindowYears, "years either side of today to expand recurring calendar series in")
	addAttendees := fl.Bool("add-attendees", false, "make a calendar's unmatched attendees actors, and participants of their meetings")
	theirs := commaList(fl, "take-theirs", "calendar UIDs (comma-separated, or the flag repeated) whose organiser's version replaces Parley's edited one")
	conflicts := fl.Bool("conflicts", false, "list the conflicts bundle imports left to decide, or settle them")
	settle := conflictFlags(fl)
	rest, err := parseArgs(fl, args)
	if err != nil {
		return err
	}
	if settle.any() && !*conflicts {
		return usagef("--keep-ours, --keep-theirs, --merge and --take settle conflicts: add --conflicts")
	}
	switch {
	case len(rest) > 1:
		return usagef("import one file at a time")
	case len(rest) == 0 && *conflicts:
		return runConflicts(ctx, *db, settle, stdout)
	case len(rest) == 0:
		return usagef("give the file to import (%s), or --conflicts to see the conflicts left to decide", tasks.Formats)
	case settle.any():
		return usagef("settle conflicts without a file: parley import --conflicts --keep-theirs ID (the conflicts are kept in the dossier)")
	}
	file := rest[0]
	if *window < 1 || *window > 50 {
		return usagef("--window is a number of years from 1 to 50, not %d", *window)
	}
	if _, err := tasks.FormatOf(file); err != nil {
		return usagef("cannot import %q: the name must end in %s", file, tasks.Formats)
	}
	if missing(file) {
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
	rep, err := tasks.ImportWith(ctx, s, file, tasks.ImportOptions{WindowYears: *window, TakeTheirs: *theirs, AddAttendees: *addAttendees, Progress: update})
	finish()
	if err != nil {
		if s.Created() {
			discard(s)
		} else {
			s.Close()
		}
		return explain(path, err)
	}
	var pending []storage.Conflict
	if *conflicts {
		if pending, err = tasks.PendingConflicts(ctx, s); err != nil {
			s.Close()
			return explain(path, err)
		}
	}
	if err := s.Close(); err != nil {
		return explain(path, err)
	}
	report := rep.String()
	if *conflicts { // every conflict left to decide, in full, instead of this import's first few
		report = rep.Counts() + "\n\n" + conflictList(pending)
	}
	if err := say(stdout, fmt.Sprintf("Imported %s into %s.\n%s", file, path, report)); err != nil {
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

package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/parley-app/parley/storage"
)

func init() {
	register(command{
		name:  "verify",
		usage: "[--db FILE] [--repair]",
		summary: "Check the whole database: every page of the file, every record (naming those that cannot be " +
			"read) and the search index. --repair writes the search index again from the records. Exits with 1 " +
			"when something is wrong.",
		run: runVerify,
	})
}

func runVerify(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("verify")
	repair := fl.Bool("repair", false, "rebuild the search index from the records")
	if err := parseFlags(fl, args, ""); err != nil {
		return err
	}
	return inDatabase(ctx, *db, openExisting, func(s *storage.Store) error {
		rep, err := s.Verify(ctx)
		if err != nil {
			return err
		}
		indexBad := rep.Indexed != rep.Records || rep.IndexProblem != ""
		if *repair && indexBad {
			n, err := s.RebuildIndex(ctx)
			if err != nil {
				return err
			}
			if err := say(stdout, fmt.Sprintf("Rebuilt the search index: %s indexed.", plural(n, "record"))); err != nil {
				return err
			}
			if rep, err = s.Verify(ctx); err != nil {
				return err
			}
		}
		if err := say(stdout, verifyText(s.Path(), rep)); err != nil {
			return err
		}
		if rep.OK() {
			return nil
		}
		return &problem{sentence: "The database has problems; the lines above say which"}
	})
}

// verifyText writes the report for a person.
func verifyText(path string, rep storage.VerifyReport) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Checked %s: %s.\n", path, plural(rep.Records, "record"))
	if len(rep.Damage) == 0 {
		b.WriteString("File: sound (every page read).\n")
	} else {
		b.WriteString("File: damaged. Restore it from a backup; until then copy out what you can with parley export.\n")
		for _, d := range rep.Damage {
			b.WriteString("  " + printable(d) + "\n")
		}
	}
	if len(rep.BadRows) == 0 {
		b.WriteString("Records: all readable.\n")
	} else {
		fmt.Fprintf(&b, "Records: %s cannot be read (changed outside Parley?); the others are fine:\n", plural(len(rep.BadRows), "record"))
		for _, r := range rep.BadRows {
			b.WriteString("  " + r.Kind + " " + printable(r.ID) + ": " + printable(r.Problem) + "\n")
		}
	}
	switch {
	case rep.IndexProblem != "":
		b.WriteString("Search index: damaged (" + printable(rep.IndexProblem) + "). Run parley verify --repair.")
	case rep.Indexed != rep.Records:
		fmt.Fprintf(&b, "Search index: holds %d of %s, so searches miss the rest. Run parley verify --repair.", rep.Indexed, plural(rep.Records, "record"))
	default:
		b.WriteString("Search index: complete.")
	}
	return b.String()
}

package cli

import (
	"context"
	"io"
	"time"

	"github.com/parley-app/parley/tasks"
)

// now is the clock export stamps bundles and calendars with; tests may replace it.
var now = time.Now

func init() {
	register(command{
		name:    "export",
		usage:   "[--db FILE] -o FILE.json|FILE.ics",
		summary: "Write the whole dossier to a file; the extension chooses the format (.json: a Parley bundle; .ics: the dated meetings as calendar events).",
		run:     runExport,
	})
}

func runExport(ctx context.Context, args []string, stdout io.Writer) error {
	fl := newFlags("export")
	db := dbFlag(fl)
	out := fl.String("o", "", "the file to write")
	if err := parseFlags(fl, args, "give the output file with -o"); err != nil {
		return err
	}
	if *out == "" {
		return usagef("give the file to write with -o FILE (%s)", tasks.Formats)
	}
	if _, err := tasks.FormatOf(*out); err != nil {
		return usagef("cannot export to %q: the name must end in %s", *out, tasks.Formats)
	}
	s, path, err := openForReading(ctx, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	rep, err := tasks.Export(ctx, s, *out, now())
	if err != nil {
		return explain(path, err)
	}
	return say(stdout, rep.String())
}

package cli

import (
	"context"
	"io"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

func init() {
	register(command{
		name:  "check",
		usage: "[--db FILE] [--json] --meeting ID",
		summary: "The pre-flight check of a meeting's brief: what it lacks, by importance (essential, important, " +
			"advisable) — objectives, points to make, a principal's profile or pronunciation, a title not checked for " +
			"a year, a key fact's source, the press line, a reservation point, commitments due before the meeting still open.",
		run: runCheck,
	})
}

func runCheck(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("check")
	asJSON := jsonFlag(fl)
	meeting := fl.String("meeting", "", "the ID of the meeting (see parley list meetings)")
	if err := parseFlags(fl, args, ""); err != nil {
		return err
	}
	if *meeting == "" {
		return usagef("give the meeting with --meeting ID")
	}
	return inDatabase(ctx, *db, openForReading, func(s *storage.Store) error {
		rep, err := tasks.Check(ctx, s, *meeting, now())
		if err == nil && *asJSON {
			return printJSON(stdout, rep)
		}
		return report(stdout)(rep, err)
	})
}

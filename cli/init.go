package cli

import (
	"context"
	"fmt"
	"io"

	"github.com/parley-app/parley/sample"
)

func init() {
	register(command{
		name:    "init",
		usage:   "[--empty] [--db FILE]",
		summary: "Create a new database, with the sample dossier (Japan–Russia talks, 2016) unless --empty.",
		run:     runInit,
	})
}

func runInit(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("init")
	empty := fl.Bool("empty", false, "create the database without the sample dossier")
	if err := parseFlags(fl, args, "give the file with --db"); err != nil {
		return err
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	if !missing(path) {
		return &problem{sentence: fmt.Sprintf("There is already a file at %s; nothing was changed. Choose another name with --db, or use it as it is", path)}
	}
	s, err := openOrCreate(ctx, path)
	if err != nil {
		return err
	}
	if *empty {
		if err := s.Close(); err != nil {
			return explain(path, err)
		}
		fmt.Fprintf(stdout, "Created an empty database at %s.\n", path)
		return nil
	}
	if err := sample.Load(ctx, s); err != nil {
		discard(s)
		return explain(path, err)
	}
	if err := s.Close(); err != nil {
		return explain(path, err)
	}
	d := sample.Dossier()
	fmt.Fprintf(stdout, "Created %s with the sample dossier: %s, %s, %s, %s, %s.\n", path,
		plural(len(d.Meetings), "meeting"), plural(len(d.Actors), "actor"), plural(len(d.Disputes), "dispute"),
		plural(len(d.Statements), "statement"), plural(len(d.Sources), "source"))
	return nil
}

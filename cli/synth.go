package cli

import (
	"context"
	"fmt"
	"io"
	"time"

	"github.com/parley-app/parley/synth"
)

func init() {
	register(command{
		name:  "synth",
		usage: "--db FILE --meetings N --actors N --quotes N [--seed S]",
		summary: "Build a synthetic dossier in a new database, for measuring Parley at size: tracks of rounds, " +
			"fuzzy and exact dates over thirty years, delegations, statements in Latin, Cyrillic and Japanese, " +
			"disputes and sources. The same seed gives the same dossier.",
		run: runSynth,
	})
}

func runSynth(ctx context.Context, args []string, stdout io.Writer) error {
	fl := newFlags("synth")
	db := fl.String("db", "", "the new database file (required: synth never fills your own dossier)")
	var cfg synth.Config
	fl.IntVar(&cfg.Meetings, "meetings", 1000, "how many meetings")
	fl.IntVar(&cfg.Actors, "actors", 200, "how many actors")
	fl.IntVar(&cfg.Quotes, "quotes", 3000, "how many statements")
	fl.Uint64Var(&cfg.Seed, "seed", 1, "the random seed")
	if err := parseFlags(fl, args, ""); err != nil {
		return err
	}
	switch {
	case *db == "":
		return usagef("give the new database with --db FILE")
	case cfg.Meetings < 0 || cfg.Actors < 0 || cfg.Quotes < 0:
		return usagef("--meetings, --actors and --quotes cannot be negative")
	case cfg.Actors == 0 && cfg.Meetings+cfg.Quotes > 0:
		return usagef("meetings and statements need at least one actor (--actors)")
	}
	if !missing(*db) {
		return &problem{sentence: fmt.Sprintf("There is already a file at %s; nothing was changed. Synth only writes a new database", *db)}
	}
	s, err := openOrCreate(ctx, *db)
	if err != nil {
		return err
	}
	start := time.Now()
	update, finish := progressLine("Building")
	rep, err := synth.Generate(ctx, s, cfg, update)
	finish()
	if err != nil {
		discard(s)
		return explain(*db, err)
	}
	if err := s.Close(); err != nil {
		return explain(*db, err)
	}
	return say(stdout, fmt.Sprintf("Created %s with %s in %.1f s.", *db, rep, time.Since(start).Seconds()))
}

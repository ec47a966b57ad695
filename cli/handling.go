package cli

import (
	"context"
	"flag"
	"io"
	"strings"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

func init() {
	register(command{
		name:  "handling",
		usage: "[--db FILE] [--marking TEXT] [--levels \"NAME (AB); NAME (AB); …\"] [--caveats \"CAVEAT; CAVEAT\"]",
		summary: "Show the dossier's handling marks, or change them: --marking is printed at the top and bottom of " +
			"every page of every pack (\"\" for none); --levels are the ordered levels, lowest first, each with the " +
			"abbreviation its portion marks use (\"\" for the default OFFICIAL (O); OFFICIAL-SENSITIVE (OS); SECRET (S)); " +
			"--caveats those a marking may add. Mark an item by beginning it with its level in brackets: \"(OS) …\".",
		run: runHandling,
	})
}

func runHandling(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("handling")
	marking := fl.String("marking", "", "the marking every pack carries")
	levels := fl.String("levels", "", "the levels, lowest first, separated by ;")
	caveats := fl.String("caveats", "", "the caveats, separated by ;")
	if err := parseFlags(fl, args, ""); err != nil {
		return err
	}
	var ch tasks.HandlingChange
	lines := func(s string) *string {
		v := strings.Join(strings.Split(s, ";"), "\n")
		return &v
	}
	fl.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "marking":
			ch.Marking = marking
		case "levels":
			ch.Levels = lines(*levels)
		case "caveats":
			ch.Caveats = lines(*caveats)
		}
	})
	changing := ch.Marking != nil || ch.Levels != nil || ch.Caveats != nil
	open := openForReading
	if changing {
		open = openExisting
	}
	return inDatabase(ctx, *db, open, func(s *storage.Store) error {
		var (
			rep tasks.HandlingReport
			err error
		)
		if changing {
			rep, err = tasks.SetHandling(ctx, s, ch)
		} else {
			rep, err = tasks.Handling(ctx, s)
		}
		if err != nil {
			return err
		}
		out := rep.String()
		if rep.Unreadable != nil {
			out += "\n" + capitalise(rep.Unreadable.Error()) + "; the default levels are shown. Correct them with --levels."
		}
		return say(stdout, out)
	})
}

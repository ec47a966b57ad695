package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

// settleFlags are the choices `parley import --conflicts` settles conflicts with.
type settleFlags struct {
	ours, theirs *[]string
	merge        *string
	take         *[]string
}

func conflictFlags(fl *flag.FlagSet) settleFlags {
	return settleFlags{
		ours:   commaList(fl, "keep-ours", "records (IDs, comma-separated, or all) whose conflict keeps Parley's version"),
		theirs: commaList(fl, "keep-theirs", "records (IDs, comma-separated, or all) whose conflict takes the file's version"),
		merge:  fl.String("merge", "", "a record whose conflict is merged field by field (with --take)"),
		take:   commaList(fl, "take", "FIELD=theirs or FIELD=ours, for --merge: the side each field comes from (Parley's when not named)"),
	}
}

func (f settleFlags) any() bool {
	return len(*f.ours) > 0 || len(*f.theirs) > 0 || *f.merge != "" || len(*f.take) > 0
}

// runConflicts lists the conflicts left to decide, or settles those the flags name, all in
// one transaction.
func runConflicts(ctx context.Context, dbFlagValue string, f settleFlags, stdout io.Writer) error {
	if *f.merge == "" && len(*f.take) > 0 {
		return usagef("--take chooses the fields of the record given with --merge ID")
	}
	if *f.merge != "" && len(*f.take) == 0 {
		return usagef("--merge %s needs --take FIELD=theirs for the fields to take from the file", *f.merge)
	}
	return inDatabase(ctx, dbFlagValue, openExisting, func(s *storage.Store) error {
		pending, err := tasks.PendingConflicts(ctx, s)
		if err != nil {
			return err
		}
		if !f.any() {
			return say(stdout, conflictList(pending))
		}
		choices, err := settleChoices(pending, f)
		if err != nil {
			return err
		}
		rep, err := tasks.ResolveConflicts(ctx, s, choices)
		var invalid *storage.ValidationError
		if errors.As(err, &invalid) {
			return &problem{sentence: "Nothing was resolved and the dossier is unchanged, because " + invalid.Error() + ".", err: err}
		} else if err != nil {
			return err
		}
		if err := s.Close(); err != nil {
			return err
		}
		left := len(pending) - len(choices)
		tail := "No conflict is left to decide."
		if left > 0 {
			tail = fmt.Sprintf("%d left to decide: parley import --conflicts lists them.", left)
		}
		return say(stdout, rep.String()+"\n"+tail)
	})
}

// settleChoices turns the flags into one resolution per record; a record named twice, or an
// ID that matches no conflict (or more than one), is a mistake on the command line.
func settleChoices(pending []storage.Conflict, f settleFlags) ([]storage.Resolution, error) {
	if len(pending) == 0 {
		return nil, &problem{sentence: "No conflict awaits a decision"}
	}
	var out []storage.Resolution
	seen := map[string]string{}
	add := func(flagName string, ids []string, res func(c storage.Conflict) (storage.Resolution, error)) error {
		for _, id := range ids {
			var matched []storage.Conflict
			if id == "all" && flagName != "--merge" {
				matched = pending
			} else if c, err := findConflict(pending, id); err != nil {
				return err
			} else {
				matched = []storage.Conflict{c}
			}
			for _, c := range matched {
				key := c.Kind + " " + c.ID
				if was, ok := seen[key]; ok {
					return usagef("%s “%s” is named by both %s and %s: choose one", c.Kind, c.Title, was, flagName)
				}
				seen[key] = flagName
				r, err := res(c)
				if err != nil {
					return err
				}
				out = append(out, r)
			}
		}
		return nil
	}
	err := add("--keep-ours", *f.ours, func(c storage.Conflict) (storage.Resolution, error) {
		return storage.Resolution{Kind: c.Kind, ID: c.ID}, nil
	})
	if err == nil {
		err = add("--keep-theirs", *f.theirs, func(c storage.Conflict) (storage.Resolution, error) {
			return storage.Resolution{Kind: c.Kind, ID: c.ID, All: true}, nil
		})
	}
	if err == nil && *f.merge != "" {
		err = add("--merge", []string{*f.merge}, func(c storage.Conflict) (storage.Resolution, error) {
			return mergeChoice(c, *f.take)
		})
	}
	return out, err
}

// mergeChoice reads --take FIELD=theirs|ours for one conflict.
func mergeChoice(c storage.Conflict, take []string) (storage.Resolution, error) {
	differ := map[string]bool{}
	var names []string
	for _, fd := range c.Fields {
		differ[fd.Field] = true
		names = append(names, fd.Field)
	}
	r := storage.Resolution{Kind: c.Kind, ID: c.ID}
	for _, t := range take {
		field, side, ok := strings.Cut(t, "=")
		field = strings.ReplaceAll(strings.TrimSpace(field), " ", "_")
		if !ok || (side != "theirs" && side != "ours") {
			return r, usagef("--take %s: write FIELD=theirs or FIELD=ours", t)
		}
		if !differ[field] {
			return r, usagef("%s “%s” does not differ in %q; its fields that differ: %s", c.Kind, c.Title, field, strings.Join(names, ", "))
		}
		if side == "theirs" {
			r.Theirs = append(r.Theirs, field)
		}
	}
	return r, nil
}

// findConflict is the conflict over the record with the ID, or with the only ID that starts so.
func findConflict(pending []storage.Conflict, id string) (storage.Conflict, error) {
	var found []storage.Conflict
	for _, c := range pending {
		if c.ID == id {
			return c, nil
		}
		if strings.HasPrefix(c.ID, id) {
			found = append(found, c)
		}
	}
	switch len(found) {
	case 0:
		return storage.Conflict{}, usagef("no conflict awaits a decision about a record %s: parley import --conflicts lists them", id)
	case 1:
		return found[0], nil
	}
	return storage.Conflict{}, usagef("%s starts the IDs of %d records in conflict: give more of it", id, len(found))
}

// conflictList describes the conflicts left to decide and how to settle them.
func conflictList(pending []storage.Conflict) string {
	if len(pending) == 0 {
		return "No conflict awaits a decision."
	}
	head := "1 conflict awaits a decision; Parley's version stays until you choose."
	if len(pending) != 1 {
		head = fmt.Sprintf("%d conflicts await a decision; Parley's versions stay until you choose.", len(pending))
	}
	return head + tasks.EachConflict(pending, -1) + "\n\nSettle them with:\n" +
		"  parley import --conflicts --keep-ours ID     keep Parley's version\n" +
		"  parley import --conflicts --keep-theirs ID   take the file's version\n" +
		"  parley import --conflicts --merge ID --take FIELD=theirs,…   the named fields from the file, the rest from Parley\n" +
		"ID is a record's ID or its first characters; --keep-ours and --keep-theirs also take all."
}

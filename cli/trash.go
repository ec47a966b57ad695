package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/parley-app/parley/storage"
)

func init() {
	register(command{
		name:  "trash",
		usage: "[--db FILE] [--json] [restore ID | delete ID --yes | empty --yes]",
		summary: "List what was deleted (the latest first, with what went with it), bring a deletion back with " +
			"restore ID, remove one for good with delete ID --yes, or everything with empty --yes. " +
			"Without --yes, delete and empty only say what they would remove.",
		run: runTrash,
	})
}

func runTrash(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("trash")
	asJSON := jsonFlag(fl)
	yes := fl.Bool("yes", false, "delete for good without asking")
	rest, err := parseArgs(fl, args)
	if err != nil {
		return err
	}
	action := ""
	if len(rest) > 0 {
		action = strings.ToLower(rest[0])
	}
	var id int64
	switch action {
	case "":
		if len(rest) > 1 {
			return usagef("unexpected argument %q", rest[1])
		}
	case "restore", "delete":
		if len(rest) != 2 {
			return usagef("say which deletion to %s: its number in parley trash", action)
		}
		if id, err = strconv.ParseInt(rest[1], 10, 64); err != nil || id <= 0 {
			return usagef("%q is not a number from the list of parley trash", rest[1])
		}
	case "empty":
		if len(rest) > 1 {
			return usagef("unexpected argument %q", rest[1])
		}
	default:
		return usagef("%q is not something the trash does; choose restore ID, delete ID or empty", rest[0])
	}

	if action == "" {
		return inDatabase(ctx, *db, openForReading, func(s *storage.Store) error {
			return listTrash(ctx, s, *asJSON, stdout)
		})
	}
	return inDatabase(ctx, *db, openExisting, func(s *storage.Store) error {
		switch action {
		case "restore":
			rep, err := s.RestoreFromTrash(ctx, id)
			switch {
			case err != nil:
				return trashProblem(err)
			case *asJSON:
				return printJSON(stdout, rep)
			}
			return say(stdout, printable(rep.String()))
		case "delete":
			item, err := s.TrashItem(ctx, id)
			if err != nil {
				return trashProblem(err)
			}
			if !*yes {
				return &problem{sentence: fmt.Sprintf("This would delete %s for good; it could not be brought back. Run again with --yes to do it",
					printable(item.Label()))}
			}
			if err := s.DeleteForGood(ctx, id); err != nil {
				return trashProblem(err)
			}
			return say(stdout, printable(fmt.Sprintf("Deleted %s for good.", item.Label())))
		default: // empty
			items, err := s.TrashItems(ctx)
			if err != nil {
				return err
			}
			if len(items) == 0 {
				return say(stdout, "The trash is empty.")
			}
			if !*yes {
				return &problem{sentence: fmt.Sprintf("This would delete %s for good; they could not be brought back. Run again with --yes to do it",
					plural(len(items), "deleted record"))}
			}
			n, err := s.EmptyTrash(ctx)
			if err != nil {
				return err
			}
			return say(stdout, fmt.Sprintf("Emptied the trash: %s deleted for good.", plural(n, "record")))
		}
	})
}

func listTrash(ctx context.Context, s *storage.Store, asJSON bool, w io.Writer) error {
	items, err := s.TrashItems(ctx)
	if err != nil {
		return err
	}
	return listed(w, asJSON, items, "The trash is empty.", []string{"NO", "DELETED", "KIND", "TITLE", "WITH"}, func(t storage.TrashItem) []string {
		return []string{strconv.FormatInt(t.ID, 10), t.Deleted.Local().Format("2 Jan 2006 15:04"), t.Kind, t.Title,
			strings.TrimPrefix(t.WithText(), "with ")}
	})
}

// trashProblem says why a deletion could not be restored or removed; other errors are left
// to explain.
func trashProblem(err error) error {
	var invalid *storage.ValidationError
	switch {
	case errors.Is(err, storage.ErrCannotRestore):
		return &problem{sentence: capitalise(err.Error()), err: err}
	case errors.As(err, &invalid):
		return &problem{sentence: "Nothing was restored, because " + invalid.Error(), err: err}
	case errors.Is(err, storage.ErrNotFound):
		return &problem{sentence: "The trash holds no such number; parley trash lists what it holds", err: err}
	}
	return err
}

package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"strings"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

// dbFlag adds --db to fs. An empty value means the default database (storage.DefaultPath).
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "the Parley database file (default: the one in your data folder)")
}

// dbFlags is the flag set of a command on a database, with its --db.
func dbFlags(name string) (*flag.FlagSet, *string) {
	fl := newFlags(name)
	return fl, dbFlag(fl)
}

// dbPath is the database the user means: --db, or the default one.
func dbPath(flagValue string) (string, error) {
	if flagValue != "" {
		return flagValue, nil
	}
	p, err := storage.DefaultPath()
	if err != nil {
		return "", &problem{sentence: "Parley cannot tell where your data folder is; give the database with --db FILE", err: err}
	}
	return p, nil
}

// openExisting opens the database --db names (dbFlagValue; "" for the default one) for a
// command that reads or exports it, and returns it with its path: a missing file is an
// error, not a new empty database.
func openExisting(ctx context.Context, dbFlagValue string) (*storage.Store, string, error) {
	path, err := existingPath(dbFlagValue)
	if err != nil {
		return nil, path, err
	}
	s, err := storage.Open(ctx, path)
	if err != nil {
		return nil, path, explain(path, err)
	}
	return s, path, nil
}

// openForReading opens the database --db names for a command that only reads it (list,
// search, pack, export): without the writers' lock, so that it works while a window holds the
// database, and on a read-only disk. A database of an older schema, or one with a write cut off
// that must be undone, is opened for writing instead, which brings it up to date (and needs
// the lock).
func openForReading(ctx context.Context, dbFlagValue string) (*storage.Store, string, error) {
	path, err := existingPath(dbFlagValue)
	if err != nil {
		return nil, path, err
	}
	s, err := storage.OpenReader(ctx, path)
	if errors.Is(err, storage.ErrNeedsUpgrade) || errors.Is(err, storage.ErrInterrupted) {
		return openExisting(ctx, dbFlagValue)
	}
	if err != nil {
		return nil, path, explain(path, err)
	}
	return s, path, nil
}

// existingPath is the database --db names (dbFlagValue; "" for the default one), which must
// be there: a missing file is missingDatabase, with the path.
func existingPath(dbFlagValue string) (string, error) {
	path, err := dbPath(dbFlagValue)
	if err != nil {
		return "", err
	}
	if missing(path) {
		return path, missingDatabase(path)
	}
	return path, nil
}

// missing reports whether there is no file at path.
func missing(path string) bool {
	_, err := os.Stat(path)
	return errors.Is(err, fs.ErrNotExist)
}

// opener opens the database --db names: openForReading or openExisting.
type opener func(ctx context.Context, dbFlagValue string) (*storage.Store, string, error)

// inDatabase opens the database --db names with open, hands it to do and closes it; do's
// error is told in the user's words (explain).
func inDatabase(ctx context.Context, dbFlagValue string, open opener, do func(s *storage.Store) error) error {
	s, path, err := open(ctx, dbFlagValue)
	if err != nil {
		return err
	}
	defer s.Close()
	return explain(path, do(s))
}

// missingDatabase says what to do when a command needs a database that is not there.
func missingDatabase(path string) error {
	return &problem{sentence: fmt.Sprintf("There is no database at %s. Create one with: parley init --db %s", path, shellQuote(path))}
}

// openOrCreate opens the database at path, creating an empty one when there is none.
func openOrCreate(ctx context.Context, path string) (*storage.Store, error) {
	s, err := storage.Open(ctx, path)
	if err != nil {
		return nil, explain(path, err)
	}
	return s, nil
}

// discard closes a database this command created and removes its files, so that a failed
// init or import leaves nothing behind.
func discard(s *storage.Store) {
	path := s.Path()
	_ = s.Close()
	for _, suffix := range []string{"", "-wal", "-shm", "-journal", ".lock"} {
		_ = os.Remove(path + suffix)
	}
}

// explain turns the store's errors into sentences a user can act on; path is the database.
// Errors it does not know are returned unchanged.
func explain(path string, err error) error {
	var (
		invalid *storage.ValidationError
		prob    *problem
		told    interface{ Sentence() string }
		say     string
	)
	switch {
	case err == nil:
		return nil
	case errors.As(err, &prob):
		return err
	case errors.As(err, &told):
		// A file the user named, in the tasks' words; the detail is what lies under them.
		detail := err
		if u, ok := told.(interface{ Unwrap() error }); ok && u.Unwrap() != nil {
			detail = u.Unwrap()
		}
		return &problem{sentence: told.Sentence(), err: detail}
	case errors.Is(err, storage.ErrNothingToAmend):
		say = "This meeting's pack has not been issued yet, so there is no version to amend. Issue it first with --issue"
	case errors.Is(err, tasks.ErrBackupOverDossier):
		say = "A backup cannot replace the database itself; choose another name"
	case errors.Is(err, storage.ErrNoFTS):
		say = "This copy of Parley was built without full-text search. Rebuild it with \"make build\" (go build -tags sqlite_fts5)"
	case errors.Is(err, storage.ErrNotParley):
		say = fmt.Sprintf("%s is not a Parley database. It was left as it was", path)
	case errors.Is(err, storage.ErrDamaged):
		say = fmt.Sprintf("The Parley database %s is damaged. It was left as it was; restore it from a backup", path)
	case errors.Is(err, storage.ErrNewerSchema):
		say = fmt.Sprintf("%s was written by a newer version of Parley. Install that version to open it; the file was left as it was", path)
	case errors.Is(err, storage.ErrLocked):
		say = fmt.Sprintf("%s is open in another Parley window or command. Close it and try again", path)
	case errors.Is(err, storage.ErrPendingLog):
		say = fmt.Sprintf("%s is on a read-only disk or in a folder you may not write, and its last changes are still in %s-wal, which can be read only where Parley may write. Copy both files to a folder of your own and use the copy", path, path)
	case errors.Is(err, storage.ErrReadOnly):
		say = fmt.Sprintf("%s cannot be written: the file, its folder or the disk is read-only", path)
		if _, serr := os.Stat(path); serr == nil {
			say += ". Commands that only read it (list, search, pack, export, backup) still work; to change it, copy it to a folder of your own"
		}
	case errors.Is(err, storage.ErrFileGone):
		say = fmt.Sprintf("%s was moved or deleted while the command ran, so what it wrote went with it. Put the file back (or give its new name with --db) and run the command again", path)
	case errors.Is(err, storage.ErrDiskFull):
		say = "The disk is full, so nothing was written. Free some space and try again"
	case errors.As(err, &invalid):
		say = "Nothing was imported and the database is unchanged, because " + invalid.Error()
	case errors.Is(err, storage.ErrNotFound):
		say = "There is no " + strings.TrimSuffix(err.Error(), ": "+storage.ErrNotFound.Error()) + " in " + path
	case errors.Is(err, storage.ErrInUse):
		say = capitalise(err.Error())
	case errors.Is(err, context.Canceled):
		say = "Stopped before it finished"
	default:
		return err
	}
	return &problem{sentence: say + ".", err: err}
}

// shellQuote quotes a path for a command the user may copy.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$`!*?[]{}()<>|&;#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	r[0] = []rune(strings.ToUpper(string(r[0])))[0]
	return string(r)
}

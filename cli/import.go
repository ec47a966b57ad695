package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/parley-app/parley/storage"
)

// importFormat reads one file format into the store and writes a report of what it did to out.
// It changes nothing unless the whole file can be taken in.
type importFormat func(ctx context.Context, s *storage.Store, r io.Reader, out io.Writer) error

// importers maps a file extension (lower case, with the dot) to its format. Other files of this
// package add formats in their init functions (ics.go adds ".ics").
var importers = map[string]importFormat{
	".json": importBundle,
}

func init() {
	register(command{
		name:  "import",
		usage: "[--db FILE] FILE.json|FILE.ics",
		summary: "Read a file into the dossier, creating the database if there is none; the extension " +
			"chooses the format (.json: a Parley bundle; .ics: calendar events). All or nothing: a file " +
			"with an error changes nothing. A record already there is updated when the file's is newer.",
		run: runImport,
	})
}

func runImport(ctx context.Context, args []string, stdout io.Writer) error {
	fl := newFlags("import")
	db := dbFlag(fl)
	rest, err := parseArgs(fl, args)
	if err != nil {
		return err
	}
	switch {
	case len(rest) == 0:
		return usagef("give the file to import (%s)", extensions(importers))
	case len(rest) > 1:
		return usagef("import one file at a time")
	}
	file := rest[0]
	read, ok := importers[strings.ToLower(filepath.Ext(file))]
	if !ok {
		return usagef("cannot import %q: the name must end in %s", file, extensions(importers))
	}
	f, err := os.Open(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return &problem{sentence: fmt.Sprintf("There is no file %s to import", file)}
		}
		return &problem{sentence: fmt.Sprintf("Cannot read %s", file), err: err}
	}
	defer f.Close()

	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	s, err := openOrCreate(ctx, path)
	if err != nil {
		return err
	}
	if err := read(ctx, s, f, stdout); err != nil {
		if s.Created() {
			discard(s)
		} else {
			s.Close()
		}
		return explain(path, err)
	}
	if err := s.Close(); err != nil {
		return explain(path, err)
	}
	if s.Created() {
		return say(stdout, fmt.Sprintf("Created a new database at %s for it.", path))
	}
	return nil
}

func importBundle(ctx context.Context, s *storage.Store, r io.Reader, out io.Writer) error {
	d, err := storage.ReadBundle(r)
	if err != nil {
		return &problem{sentence: "Nothing was imported: the file is not a Parley bundle Parley can read", err: err}
	}
	rep, err := s.ImportDossier(ctx, d)
	if err != nil {
		return err
	}
	if err := say(out, fmt.Sprintf("Imported into %s:", s.Path())); err != nil {
		return err
	}
	t := newTable("RECORDS", "CREATED", "UPDATED", "UNCHANGED")
	for _, k := range []struct {
		name string
		c    storage.ImportCounts
	}{
		{"tracks", rep.Tracks}, {"sources", rep.Sources}, {"actors", rep.Actors},
		{"disputes", rep.Disputes}, {"meetings", rep.Meetings}, {"statements", rep.Statements},
	} {
		t.add(k.name, strconv.Itoa(k.c.Created), strconv.Itoa(k.c.Updated), strconv.Itoa(k.c.Unchanged))
	}
	if err := t.write(out); err != nil {
		return err
	}
	if rep.Settings > 0 {
		return say(out, fmt.Sprintf("Settings taken over: %d.", rep.Settings))
	}
	return nil
}

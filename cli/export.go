package cli

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parley-app/parley/storage"
)

// exportFormat writes the whole dossier in one file format to w, and what a user should know about
// it (records a format cannot hold) to out.
type exportFormat func(ctx context.Context, s *storage.Store, w, out io.Writer) error

// exporters maps a file extension (lower case, with the dot) to its format. Other files of this
// package add formats in their init functions (ics.go adds ".ics").
var exporters = map[string]exportFormat{
	".json": exportBundle,
}

// now is the clock export stamps bundles with; tests may replace it.
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
	rest, err := parseArgs(fl, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q (give the output file with -o)", rest[0])
	}
	if *out == "" {
		return usagef("give the file to write with -o FILE (%s)", extensions(exporters))
	}
	export, ok := exporters[strings.ToLower(filepath.Ext(*out))]
	if !ok {
		return usagef("cannot export to %q: the name must end in %s", *out, extensions(exporters))
	}
	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	s, err := openExisting(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	err = writeFile(*out, func(w io.Writer) error { return export(ctx, s, w, stdout) })
	if err != nil {
		return explain(path, err)
	}
	return say(stdout, fmt.Sprintf("Exported %s to %s.", path, *out))
}

func exportBundle(ctx context.Context, s *storage.Store, w, _ io.Writer) error {
	d, err := s.Dossier(ctx)
	if err != nil {
		return err
	}
	return storage.WriteBundle(w, d, now())
}

// extensions lists the keys of a format map: ".ics or .json".
func extensions[F any](formats map[string]F) string {
	exts := make([]string, 0, len(formats))
	for e := range formats {
		exts = append(exts, e)
	}
	sort.Strings(exts)
	if len(exts) <= 1 {
		return strings.Join(exts, "")
	}
	return strings.Join(exts[:len(exts)-1], ", ") + " or " + exts[len(exts)-1]
}

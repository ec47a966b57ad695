package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/parley-app/parley/storage"
)

func init() {
	register(command{
		name:    "list",
		usage:   "[--db FILE] [--json] meetings|actors|disputes|sources|tracks",
		summary: "List the meetings (by date), actors, disputes, sources or tracks of the dossier.",
		run:     runList,
	})
}

// lister prints one kind of record as a table, or as JSON objects that each have an "id".
type lister func(ctx context.Context, s *storage.Store, asJSON bool, w io.Writer) error

var listers = map[string]lister{
	"meetings": listMeetings,
	"actors":   listActors,
	"disputes": listDisputes,
	"sources":  listSources,
	"tracks":   listTracks,
}

const listKinds = "meetings, actors, disputes, sources or tracks"

func runList(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("list")
	asJSON := jsonFlag(fl)
	rest, err := parseArgs(fl, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("say what to list: %s", listKinds)
	}
	list, ok := listers[strings.ToLower(rest[0])]
	if !ok {
		return usagef("cannot list %q; choose %s", rest[0], listKinds)
	}
	return inDatabase(ctx, *db, openForReading, func(s *storage.Store) error {
		return list(ctx, s, *asJSON, stdout)
	})
}

func listMeetings(ctx context.Context, s *storage.Store, asJSON bool, w io.Writer) error {
	// A meeting that cannot be read (a row changed outside Parley) is left out and named on
	// standard error; the others are listed.
	skipped := func(b storage.BadRow) {
		fmt.Fprintf(os.Stderr, "parley list: left out meeting %s, which cannot be read: %s. Run parley verify.\n",
			printable(b.ID), printable(b.Problem))
	}
	if asJSON {
		// A meeting at a time: the first comes at once, and memory stays the same however
		// many there are.
		return streamJSON(w, func(emit func(storage.MeetingSummary) error) error {
			return s.EachMeetingAround(ctx, storage.MeetingFilter{}, emit, skipped)
		})
	}
	t := newTable("WHEN", "STATUS", "TITLE", "PLACE", "ID")
	n := 0
	err := s.EachMeetingAround(ctx, storage.MeetingFilter{}, func(m storage.MeetingSummary) error {
		n++
		t.add(m.When.String(), m.StatusText(), m.Title, m.Place(), m.ID)
		return nil
	}, skipped)
	if err != nil {
		return err
	}
	if n == 0 {
		return say(w, "No meetings yet.")
	}
	return t.write(w)
}

func listActors(ctx context.Context, s *storage.Store, asJSON bool, w io.Writer) error {
	as, err := s.Actors(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		for i := range as {
			as[i].Photo = nil // listings stay small; export gives the whole record
		}
	}
	return listed(w, asJSON, as, "No actors yet.", []string{"NAME", "NATIVE NAME", "TITLE", "SIDE", "ID"}, func(a storage.Actor) []string {
		return []string{a.Name, a.NativeName, a.Title, a.Country, a.ID}
	})
}

func listDisputes(ctx context.Context, s *storage.Store, asJSON bool, w io.Writer) error {
	ds, err := s.Disputes(ctx)
	if err != nil {
		return err
	}
	return listed(w, asJSON, ds, "No disputes yet.", []string{"TITLE", "NAMES", "HELD BY", "CLAIMED BY", "ID"}, func(d storage.Dispute) []string {
		names := make([]string, len(d.Names))
		for i, n := range d.Names {
			names[i] = joinNonEmpty(" ", n.Name, n.Native)
			if n.Party != "" {
				names[i] += " (" + n.Party + ")"
			}
		}
		return []string{d.Title, strings.Join(names, "; "), d.Administrator, strings.Join(d.Claimants, ", "), d.ID}
	})
}

func listSources(ctx context.Context, s *storage.Store, asJSON bool, w io.Writer) error {
	ss, err := s.Sources(ctx)
	if err != nil {
		return err
	}
	return listed(w, asJSON, ss, "No sources yet.", []string{"PUBLISHED", "TITLE", "PUBLISHER", "ID"}, func(src storage.Source) []string {
		published := ""
		if !src.Published.IsZero() {
			published = src.Published.String()
		}
		return []string{published, src.Title, src.Publisher, src.ID}
	})
}

func listTracks(ctx context.Context, s *storage.Store, asJSON bool, w io.Writer) error {
	ts, err := s.Tracks(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		return writeJSON(w, ts)
	}
	if len(ts) == 0 {
		return say(w, "No tracks yet.")
	}
	counts, err := s.TrackMeetingCounts(ctx)
	if err != nil {
		return err
	}
	t := newTable("TITLE", "PARTIES", "MEETINGS", "ID")
	for _, tr := range ts {
		t.add(tr.Title, strings.Join(tr.Parties, ", "), strconv.Itoa(counts[tr.ID]), tr.ID)
	}
	return t.write(w)
}

// listed prints records as JSON or, when there are some, as a table under header with the
// cells of each record as a row; none is what it says when there are none ("No sources yet.").
func listed[T any](w io.Writer, asJSON bool, records []T, none string, header []string, cells func(T) []string) error {
	if asJSON {
		return writeJSON(w, records)
	}
	if len(records) == 0 {
		return say(w, none)
	}
	t := newTable(header...)
	for _, r := range records {
		t.add(cells(r)...)
	}
	return t.write(w)
}

// jsonFlag adds --json to fs, for the commands that print JSON instead of text on request.
func jsonFlag(fs *flag.FlagSet) *bool {
	return fs.Bool("json", false, "print JSON instead of text")
}

// writeJSON prints v as indented JSON; a nil slice prints as [], never null.
func writeJSON[T any](w io.Writer, v []T) error {
	if v == nil {
		v = []T{}
	}
	return printJSON(w, v)
}

// printJSON prints v as indented JSON, leaving <, > and & as they are.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// streamJSON prints the values each hands to emit as a JSON list, one value at a time, in the
// layout writeJSON gives a whole list.
func streamJSON[T any](w io.Writer, each func(emit func(T) error) error) error {
	out := bufio.NewWriter(w)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("  ", "  ")
	enc.SetEscapeHTML(false)
	n := 0
	err := each(func(v T) error {
		buf.Reset()
		if err := enc.Encode(v); err != nil {
			return fmt.Errorf("write JSON: %w", err)
		}
		sep := ",\n  "
		if n == 0 {
			sep = "[\n  "
		}
		n++
		out.WriteString(sep)
		_, err := out.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
		if err != nil {
			return fmt.Errorf("write output: %w", err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	if n == 0 {
		out.WriteString("[]\n")
	} else {
		out.WriteString("\n]\n")
	}
	if err := out.Flush(); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

func say(w io.Writer, line string) error {
	if _, err := fmt.Fprintln(w, line); err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// report prints what a use case reports, or passes its error on:
// report(stdout)(tasks.Restore(…)).
func report(w io.Writer) func(rep fmt.Stringer, err error) error {
	return func(rep fmt.Stringer, err error) error {
		if err != nil {
			return err
		}
		return say(w, rep.String())
	}
}

func joinNonEmpty(sep string, parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, sep)
}

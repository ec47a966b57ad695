package cli

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/parley-app/parley/storage"
)

func init() {
	register(command{
		name:    "search",
		usage:   "[--db FILE] [--json] [--limit N] WORDS…",
		summary: "Search the whole dossier in any script (Моргулов, 北方領土); best matches first, with snippets.",
		run:     runSearch,
	})
}

func runSearch(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("search")
	asJSON := jsonFlag(fl)
	limit := fl.Int("limit", 20, "show at most this many matches")
	rest, err := parseArgs(fl, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(rest, " "))
	if query == "" {
		return usagef("say what to search for")
	}
	if *limit < 1 {
		return usagef("--limit must be at least 1")
	}
	return inDatabase(ctx, *db, openForReading, func(s *storage.Store) error {
		hits, err := s.Search(ctx, query, *limit)
		switch {
		case err != nil:
			return err
		case *asJSON:
			return writeJSON(stdout, hits)
		case len(hits) == 0:
			return say(stdout, fmt.Sprintf("Nothing in the dossier matches %q.", query))
		}
		t := newTable("KIND", "TITLE", "ID")
		for _, h := range hits {
			t.addWithNote(hitNote(h), h.Kind, h.Title, h.ID)
		}
		return t.write(stdout)
	})
}

// oneLine folds a snippet's line breaks into spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// hitNote is the line under a hit: its snippet, and why a meeting found through its
// participants is there ("Игорь [Моргулов] — Igor Morgulov takes part").
func hitNote(h storage.Hit) string {
	note := oneLine(h.Snippet)
	if h.Why != "" {
		note = strings.TrimSpace(note + " — " + h.Why)
	}
	return note
}

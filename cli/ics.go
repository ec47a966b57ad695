package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parley-app/parley/ical"
	"github.com/parley-app/parley/storage"
)

// iCalendar (.ics): `parley export -o talks.ics` writes the dated meetings as calendar events,
// `parley import talks.ics` creates or updates meetings from one. docs/icalendar.md has the rules.
func init() {
	exporters[".ics"] = exportICS
	importers[".ics"] = importICS
}

func exportICS(ctx context.Context, s *storage.Store, w, out io.Writer) error {
	d, err := s.Dossier(ctx)
	if err != nil {
		return err
	}
	rep, err := ical.Write(w, d, now())
	if err != nil {
		return err
	}
	line := plural(rep.Events, "meeting") + " written as calendar events"
	if len(rep.Zones) > 0 {
		line += " (time zones: " + strings.Join(rep.Zones, ", ") + ")"
	}
	if err := say(out, line+"."); err != nil {
		return err
	}
	for _, sk := range rep.Skipped {
		if err := say(out, fmt.Sprintf("Left out %q (%s): %s.", sk.Title, sk.MeetingID, sk.Reason)); err != nil {
			return err
		}
	}
	return nil
}

func importICS(ctx context.Context, s *storage.Store, r io.Reader, out io.Writer) error {
	rep, err := ical.Import(ctx, s, r)
	if errors.Is(err, ical.ErrMalformed) {
		return &problem{sentence: "Nothing was imported: the file is not a calendar Parley can read", err: err}
	}
	if err != nil {
		return err
	}
	if err := say(out, fmt.Sprintf("Imported into %s: %d created, %d updated, %d unchanged, %d skipped.",
		s.Path(), rep.Created, rep.Updated, rep.Unchanged, len(rep.Skipped))); err != nil {
		return err
	}
	var lines []string
	for _, c := range rep.Changes {
		verb := "Updated"
		if c.Created {
			verb = "Created"
		}
		lines = append(lines, fmt.Sprintf("%s %q (%s).", verb, c.Title, c.MeetingID))
	}
	for _, sk := range rep.Skipped {
		lines = append(lines, "Skipped "+sk.String()+".")
	}
	for _, n := range rep.Notes {
		lines = append(lines, "Note: "+n+".")
	}
	for _, l := range lines {
		if err := say(out, l); err != nil {
			return err
		}
	}
	return nil
}

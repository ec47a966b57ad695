package tasks

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/parley-app/parley/handling"
	"github.com/parley-app/parley/ical"
	"github.com/parley-app/parley/storage"
)

// The formats the whole dossier is exported to and imported from, by file extension.
const (
	BundleExt   = ".json" // a Parley bundle: everything, for another Parley (docs/bundle-format.md)
	CalendarExt = ".ics"  // the dated meetings as calendar events (docs/icalendar.md)
)

// Formats lists the extensions Export and Import accept, for messages: ".json or .ics".
const Formats = BundleExt + " or " + CalendarExt

// ErrUnknownFormat is a file name whose extension is neither .json nor .ics.
var ErrUnknownFormat = fmt.Errorf("the file name must end in %s", Formats)

// FormatOf is the lower-case extension of path (BundleExt or CalendarExt), or
// ErrUnknownFormat: the faces ask it before they open anything.
func FormatOf(path string) (string, error) {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != BundleExt && ext != CalendarExt {
		return "", fmt.Errorf("%s: %w", filepath.Base(path), ErrUnknownFormat)
	}
	return ext, nil
}

// ExportReport says what Export wrote.
type ExportReport struct {
	Path   string
	Format string // BundleExt or CalendarExt
	// A bundle's counts.
	Meetings, Actors, Disputes, Statements, Sources int
	PackIssues                                      int // the registry's issued packs
	// A calendar's events, the time zones it defines and the meetings it could not hold.
	Calendar ical.WriteReport
	// Skipped are the records a bundle left out because they cannot be read (rows changed
	// outside Parley); parley verify names them too.
	Skipped []storage.BadRow
	// UpTo is the audience a calendar was cut for ("" = everything), LeftOut the items above
	// it that its events do not carry.
	UpTo    string
	LeftOut int
	// NotNoted, when not "", says that the bundle was written but the exchange could not be
	// noted in the dossier (a read-only one, say).
	NotNoted string
}

func (r ExportReport) String() string {
	var b strings.Builder
	if r.Format == CalendarExt {
		b.WriteString(plural(r.Calendar.Events, "meeting") + " written as calendar events")
		if len(r.Calendar.Zones) > 0 {
			b.WriteString(" (time zones: " + strings.Join(r.Calendar.Zones, ", ") + ")")
		}
		b.WriteString(" to " + r.Path + ".")
		if r.UpTo != "" {
			fmt.Fprintf(&b, " Up to %s: %s above %s left out of the events.", r.UpTo, plural(r.LeftOut, "item"), r.UpTo)
		}
		for _, sk := range r.Calendar.Skipped {
			fmt.Fprintf(&b, "\nLeft out “%s” (%s): %s.", sk.Title, sk.MeetingID, sk.Reason)
		}
		return b.String()
	}
	fmt.Fprintf(&b, "%s, %s, %s, %s and %s written to %s.", plural(r.Meetings, "meeting"), plural(r.Actors, "actor"),
		plural(r.Disputes, "dispute"), plural(r.Statements, "statement"), plural(r.Sources, "source"), r.Path)
	if r.PackIssues > 0 {
		fmt.Fprintf(&b, " The record of %s goes with them.", plural(r.PackIssues, "issued pack"))
	}
	for _, sk := range r.Skipped {
		fmt.Fprintf(&b, "\nLeft out %s.", sk)
	}
	if r.NotNoted != "" {
		b.WriteString("\n" + r.NotNoted)
	}
	return b.String()
}

// Export writes the whole dossier to path, atomically, in the format its extension names:
// a Parley bundle (.json) or a calendar of the dated meetings (.ics). now stamps the file.
func Export(ctx context.Context, st *storage.Store, path string, now time.Time) (ExportReport, error) {
	return ExportFor(ctx, st, path, now, "")
}

// ErrUpToBundle: an audience level was given for a bundle, which carries the whole dossier to
// another Parley.
var ErrUpToBundle = fmt.Errorf("--up-to is for calendar files (%s): a bundle carries the whole dossier, marks and all, to another Parley", CalendarExt)

// ExportFor is Export for the readers of a calendar cleared up to a level (by name or
// abbreviation; "" for everything): each event leaves out the purpose paragraphs above it and
// carries the marking of what it holds, the dossier's raised to its highest portion mark.
func ExportFor(ctx context.Context, st *storage.Store, path string, now time.Time, upTo string) (ExportReport, error) {
	return ExportWith(ctx, st, path, now, ExportOptions{UpTo: upTo})
}

// ExportOptions are the choices of an export; the zero value exports everything.
type ExportOptions struct {
	// UpTo is the audience of a calendar, as for ExportFor.
	UpTo string
	// Progress, when not nil, is told how many records of a bundle are written out of how
	// many, from the goroutine Export runs on.
	Progress func(done, total int)
}

// ExportWith is ExportFor with the options of opt.
func ExportWith(ctx context.Context, st *storage.Store, path string, now time.Time, opt ExportOptions) (ExportReport, error) {
	upTo := opt.UpTo
	format, err := FormatOf(path)
	if err != nil {
		return ExportReport{}, err
	}
	rep := ExportReport{Path: path, Format: format}
	if format == BundleExt && upTo != "" {
		return ExportReport{}, ErrUpToBundle
	}
	if format == BundleExt {
		// A bundle streams from the database, a record at a time: memory stays the same
		// whatever the size of the dossier.
		var n storage.BundleCounts
		var noted *storage.ExportedRecords
		err := WriteFile(path, func(w io.Writer) error {
			var err error
			n, noted, err = st.ExportBundleNoted(ctx, w, now, opt.Progress)
			return err
		})
		if err != nil {
			return ExportReport{}, err
		}
		// Only once the file is in place: the versions it carries are the ones exchanged,
		// so that when a copy comes back, edits on either side are told apart.
		if err := st.NoteExport(ctx, noted, filepath.Base(path)); err != nil {
			rep.NotNoted = "Parley could not note in the dossier what this file carries (" + storeProblem(err) +
				"): when a copy of it comes back, records edited on either side may be shown as conflicts to decide."
		}
		rep.Meetings, rep.Actors, rep.Disputes, rep.Statements, rep.Sources = n.Meetings, n.Actors, n.Disputes, n.Statements, n.Sources
		rep.PackIssues = n.PackIssues
		rep.Skipped = n.Skipped
		return rep, nil
	}
	d, err := st.Dossier(ctx)
	if err != nil {
		return ExportReport{}, err
	}
	scheme, err := handling.Load(d.Settings[handling.LevelsSetting], d.Settings[handling.CaveatsSetting])
	if err != nil {
		return ExportReport{}, fmt.Errorf("the dossier's handling levels cannot be read (%w); correct them in File → Handling marks… or with parley handling --levels", err)
	}
	marking := scheme.ParseMarking(d.Settings["marking"])
	level := handling.None
	if upTo != "" {
		var ok bool
		if level, ok = scheme.Find(upTo); !ok {
			return ExportReport{}, fmt.Errorf("%q is not one of the dossier's handling levels (%s)", upTo, levelNames(scheme))
		}
		if err := scheme.CheckUpTo(marking, level); err != nil {
			return ExportReport{}, err
		}
		rep.UpTo = scheme.Name(level)
	}
	err = WriteFile(path, func(w io.Writer) error {
		var err error
		rep.LeftOut = 0
		rep.Calendar, err = ical.WriteFor(w, d, now, func(m storage.Meeting) (storage.Meeting, string) {
			// The event is cut whole, but marked and counted by what an event prints of a
			// meeting's texts — its purpose — so that it is not marked above what it holds.
			seen, _, _ := scheme.MeetingFor(m, marking, level)
			shown, banner, left := scheme.MeetingFor(storage.Meeting{Purpose: m.Purpose}, marking, level)
			seen.Purpose = shown.Purpose
			rep.LeftOut += left
			return seen, banner
		})
		return err
	})
	if err != nil {
		return ExportReport{}, err
	}
	rep.Meetings, rep.Actors, rep.Disputes = len(d.Meetings), len(d.Actors), len(d.Disputes)
	rep.Statements, rep.Sources = len(d.Statements), len(d.Sources)
	return rep, nil
}

// plural writes "1 meeting", "6 meetings".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

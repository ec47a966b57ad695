package tasks

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/parley-app/parley/ical"
	"github.com/parley-app/parley/storage"
)

// ImportReport says what Import changed.
type ImportReport struct {
	Path   string
	Format string // BundleExt or CalendarExt
	// Bundle is a bundle's counts; Calendar a calendar's.
	Bundle   storage.ImportReport
	Calendar ical.ImportReport
	// AddedActors are the attendees made actors (ImportOptions.AddAttendees), Linked the
	// meetings that then gained them as participants.
	AddedActors []string
	Linked      int
}

func (r ImportReport) String() string {
	text := r.Counts()
	if len(r.Bundle.Conflicts) > 0 {
		text += "\n\n" + ConflictsText(r.Bundle.Conflicts, reportConflicts)
	}
	return text
}

// Counts is the report without a bundle's conflicts spelled out.
func (r ImportReport) Counts() string {
	if r.Format == CalendarExt {
		if n := len(r.AddedActors); n > 0 {
			as, verb := "as actors", "list them"
			if n == 1 {
				as = "as an actor"
			}
			if r.Linked == 1 {
				verb = "lists them"
			}
			return r.Calendar.String() + fmt.Sprintf("\nAdded %s %s (%s); %s now %s as participants.",
				plural(n, "attendee"), as, strings.Join(r.AddedActors, "; "), plural(r.Linked, "meeting"), verb)
		}
		return r.Calendar.String()
	}
	var lines []string
	for _, k := range []struct {
		name string
		c    storage.ImportCounts
	}{{"Meetings", r.Bundle.Meetings}, {"Actors", r.Bundle.Actors}, {"Disputes", r.Bundle.Disputes},
		{"Statements", r.Bundle.Statements}, {"Sources", r.Bundle.Sources}, {"Tracks", r.Bundle.Tracks}} {
		if k.c.Created+k.c.Updated+k.c.Unchanged+k.c.Conflicts == 0 {
			continue
		}
		line := fmt.Sprintf("%s: %d new, %d updated, %d unchanged", k.name, k.c.Created, k.c.Updated, k.c.Unchanged)
		if k.c.Conflicts > 0 {
			line += fmt.Sprintf(", %d changed on both sides", k.c.Conflicts)
		}
		lines = append(lines, line)
	}
	if c := r.Bundle.PackIssues; c.Created+c.Unchanged > 0 {
		// An issue never changes once made: it is new here or already on record.
		lines = append(lines, fmt.Sprintf("Issued packs on record: %d new, %d already here", c.Created, c.Unchanged))
	}
	if r.Bundle.Settings > 0 {
		lines = append(lines, fmt.Sprintf("Settings taken over: %d", r.Bundle.Settings))
	}
	if len(lines) == 0 {
		return "The file held no records."
	}
	return strings.Join(lines, "\n") + "\n\nA record changed only here since it was last exchanged kept Parley's version; one changed only in the file took the file's."
}

// reportConflicts is how many conflicts an import report spells out; the rest are counted.
const reportConflicts = 20

// UnreadableError is a file that is not a bundle or calendar Parley can read; nothing was
// imported from it. Err says where the reader gave up.
type UnreadableError struct {
	Path, Format string
	Err          error
}

func (e *UnreadableError) Error() string { return e.Sentence() + ": " + e.Err.Error() }

func (e *UnreadableError) Unwrap() error { return e.Err }

// Sentence says so in words: "Nothing was imported: talks.ics is not a calendar Parley can read."
func (e *UnreadableError) Sentence() string {
	what := "a Parley bundle"
	if e.Format == CalendarExt {
		what = "a calendar"
	}
	return "Nothing was imported: " + filepath.Base(e.Path) + " is not " + what + " Parley can read."
}

// ImportOptions are the choices of a calendar import; the zero value is the default.
type ImportOptions struct {
	// WindowYears is how many years either side of today recurring series are expanded
	// (ical.DefaultWindowYears when 0).
	WindowYears int
	// TakeTheirs lists calendar UIDs whose organiser's version replaces a meeting edited in
	// Parley since its import (the report's conflicts name them).
	TakeTheirs []string
	// Progress, when not nil, is told how many records of a bundle are stored out of how
	// many, from the goroutine Import runs on.
	Progress func(done, total int)
	// AddAttendees makes a calendar's attendees and organisers that match no actor into
	// actors (the name, the e-mail address as another name) and imports the file again, so
	// that they become the meetings' participants.
	AddAttendees bool
}

// Import reads the file at path into the dossier with the default options (see ImportWith).
func Import(ctx context.Context, st *storage.Store, path string) (ImportReport, error) {
	return ImportWith(ctx, st, path, ImportOptions{})
}

// ImportWith reads the file at path into the dossier, in the format its extension names (a
// Parley bundle, .json, or a calendar, .ics), all or nothing: a file with any error changes
// nothing. A record already in the dossier is updated when the file's is newer; for calendars
// see ical.ImportWith. Floating calendar times are read in the user's home zone.
func ImportWith(ctx context.Context, st *storage.Store, path string, opt ImportOptions) (ImportReport, error) {
	format, err := FormatOf(path)
	if err != nil {
		return ImportReport{}, err
	}
	f, err := os.Open(path)
	if err != nil {
		return ImportReport{}, readError(path, err)
	}
	defer f.Close()
	rep := ImportReport{Path: path, Format: format}
	if format == CalendarExt {
		_, home := HomeZone()
		rep.Calendar, err = ical.ImportWith(ctx, st, f, ical.Options{
			Read:       ical.ReadOptions{WindowYears: opt.WindowYears, HomeZone: home},
			TakeTheirs: opt.TakeTheirs,
		})
		if errors.Is(err, ical.ErrMalformed) {
			return ImportReport{}, &UnreadableError{Path: path, Format: format, Err: err}
		} else if err != nil {
			return ImportReport{}, err
		}
		if opt.AddAttendees && len(rep.Calendar.Unmatched) > 0 {
			if rep.AddedActors, err = addAttendees(ctx, st, rep.Calendar.Unmatched); err != nil {
				return rep, err
			}
			// Again, now that they are actors: the meetings take them as participants.
			again, err := ImportWith(ctx, st, path, ImportOptions{WindowYears: opt.WindowYears, TakeTheirs: opt.TakeTheirs})
			if err != nil {
				return rep, err
			}
			rep.Linked = again.Calendar.Updated
			rep.Calendar.Unmatched = again.Calendar.Unmatched
		}
		return rep, nil
	}
	// A bundle streams: read twice from the file, never held whole (3.6 GB at 100,000
	// meetings when it was), a record and field at fault named in words.
	rep.Bundle, err = st.ImportBundleFrom(ctx, filepath.Base(path), func() (io.ReadCloser, error) { return os.Open(path) }, opt.Progress)
	var unreadable *storage.UnreadableBundleError
	if errors.As(err, &unreadable) {
		return ImportReport{}, &UnreadableError{Path: path, Format: format, Err: err}
	} else if err != nil {
		return ImportReport{}, err
	}
	return rep, nil
}

// addAttendees makes an actor of each unmatched attendee ("Name <e-mail>", "Name" or an
// e-mail address), one at a time; a failure stops there, the report naming those made.
func addAttendees(ctx context.Context, st *storage.Store, unmatched []string) ([]string, error) {
	var added []string
	for _, u := range unmatched {
		name, email := u, ""
		if i := strings.LastIndex(u, " <"); i > 0 && strings.HasSuffix(u, ">") {
			name, email = strings.TrimSpace(u[:i]), u[i+2:len(u)-1]
		} else if strings.Contains(u, "@") && !strings.Contains(u, " ") {
			name, email = u, u
		}
		a := storage.Actor{Kind: storage.ActorPerson, Name: name, Biography: "Added from a calendar's attendees."}
		if email != "" && email != name {
			a.OtherNames = []string{email}
		}
		if err := st.CreateActor(ctx, &a); err != nil {
			return added, err
		}
		added = append(added, name)
	}
	return added, nil
}

package tasks

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/parley-app/parley/storage"
)

// A bundle import keeps Parley's copy of a record changed on both sides since it was last
// exchanged and keeps the incoming copy aside (storage.Conflict). These are the words both
// faces use for such conflicts, and the use case that settles them.

// conflictValue is how many characters of a field's value a conflict's summary shows.
const conflictValue = 60

// ConflictText describes one conflict in a few lines: the record, then each field that
// differs with both values shortened.
//
//	Meeting “Tokyo round” (2b1f…) was changed here and in tokyo.json:
//	  title — here: “Tokyo round (A)”; in the file: “Tokyo round (B)”
func ConflictText(c storage.Conflict) string {
	var b strings.Builder
	where := "in the file"
	if c.File != "" {
		where = "in " + c.File
	}
	switch {
	case c.Gone:
		fmt.Fprintf(&b, "%s “%s” (%s) was deleted here and changed %s:", capital(c.Kind), c.Title, c.ID, where)
	case c.Known:
		fmt.Fprintf(&b, "%s “%s” (%s) was changed both here and %s since they were last exchanged:", capital(c.Kind), c.Title, c.ID, where)
	default:
		fmt.Fprintf(&b, "%s “%s” (%s) differs here and %s, and no earlier exchange is on record to tell which side changed it:",
			capital(c.Kind), c.Title, c.ID, where)
	}
	for _, f := range c.Fields {
		fmt.Fprintf(&b, "\n  %s — here: %s; %s: %s", f.Label(), quoted(f.Ours), where, quoted(f.Theirs))
	}
	return b.String()
}

// ConflictsText describes the conflicts, the first limit of them in full, and says how to
// settle them.
func ConflictsText(cs []storage.Conflict, limit int) string {
	head := "1 record was changed on both sides. Parley's version stays; the file's is kept aside until you choose."
	if len(cs) != 1 {
		head = fmt.Sprintf("%d records were changed on both sides. Parley's versions stay; the file's are kept aside until you choose.", len(cs))
	}
	return head + EachConflict(cs, limit) + "\n\nResolve them in File → Resolve conflicts…, or with parley import --conflicts."
}

// EachConflict describes the first limit of the conflicts in full (all of them when limit is
// negative), each after a blank line, and then says how many more there are.
func EachConflict(cs []storage.Conflict, limit int) string {
	var b strings.Builder
	for i, c := range cs {
		if i == limit {
			fmt.Fprintf(&b, "\n\n…and %d more.", len(cs)-limit)
			break
		}
		b.WriteString("\n\n" + ConflictText(c))
	}
	return b.String()
}

func quoted(s string) string {
	if strings.TrimSpace(s) == "" {
		return "(empty)"
	}
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > conflictValue {
		s = string([]rune(s)[:conflictValue]) + "…"
	}
	return "“" + s + "”"
}

func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// PendingConflicts lists the conflicts awaiting a decision, oldest first.
func PendingConflicts(ctx context.Context, st *storage.Store) ([]storage.Conflict, error) {
	return st.Conflicts(ctx)
}

// ResolveReport says what ResolveConflicts did.
type ResolveReport struct {
	Lines []string // one per record: "Meeting “Tokyo round”: kept Parley's version."
}

func (r ResolveReport) String() string {
	if len(r.Lines) == 0 {
		return "No conflict was resolved."
	}
	return strings.Join(r.Lines, "\n")
}

// ResolveConflicts settles conflicts in one transaction (storage.Store.ResolveConflicts): on
// any error nothing changes. It names each record and what became of it.
func ResolveConflicts(ctx context.Context, st *storage.Store, choices []storage.Resolution) (ResolveReport, error) {
	pending, err := st.Conflicts(ctx)
	if err != nil {
		return ResolveReport{}, err
	}
	titles := map[string]string{}
	for _, c := range pending {
		titles[c.Kind+"\x00"+c.ID] = c.Title
	}
	if err := st.ResolveConflicts(ctx, choices); err != nil {
		return ResolveReport{}, err
	}
	var rep ResolveReport
	for _, r := range choices {
		what := "kept Parley's version"
		switch {
		case r.All:
			what = "took the file's version"
		case len(r.Theirs) > 0:
			labels := make([]string, len(r.Theirs))
			for i, f := range r.Theirs {
				labels[i] = storage.FieldDiff{Field: f}.Label()
			}
			what = "kept Parley's version with the file's " + strings.Join(labels, ", ")
		}
		rep.Lines = append(rep.Lines, fmt.Sprintf("%s “%s”: %s.", capital(r.Kind), titles[r.Kind+"\x00"+r.ID], what))
	}
	return rep, nil
}

// storeProblem says in words why the dossier could not be written.
func storeProblem(err error) string {
	for _, known := range []error{storage.ErrReadOnly, storage.ErrLocked, storage.ErrDiskFull, storage.ErrDamaged} {
		if errors.Is(err, known) {
			return known.Error()
		}
	}
	return "the dossier could not be written"
}

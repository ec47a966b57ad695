package tasks

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/parley-app/parley/export"
	"github.com/parley-app/parley/handling"
	"github.com/parley-app/parley/preflight"
	"github.com/parley-app/parley/storage"
)

// PackOptions are the reader's choices for the packs of one request.
type PackOptions struct {
	// Marking overrides the dossier's handling marking when MarkingSet is true; an empty
	// Marking with MarkingSet prints no banner at all.
	Marking    string
	MarkingSet bool
	// HomeZone is the reader's own time zone, shown beside the venue's; nil means HomeZone().
	HomeZone *time.Location
	// PreparedOn is the date on the cover; zero means now.
	PreparedOn time.Time
	// UpTo is the audience's level, by name or abbreviation ("OFFICIAL", "os"): the pack
	// leaves out every item above it. "" carries everything (an addendum: its version's).
	UpTo string
	// Issue records the pack in the registry as the meeting's next version; Addendum as the
	// next addendum to its latest version, listing what changed since that version. Without
	// either the pack is a draft and the registry is not touched.
	Issue, Addendum bool
	// Copies, above 1, writes that many numbered copies, "NAME (copy 3 of 5).pdf".
	Copies int
}

// PackReport says which pack was written where.
type PackReport struct {
	Path    string   // the first (or only) file
	Paths   []string // every file: one per numbered copy
	Title   string   // the meeting's
	Issue   *storage.PackIssue
	UpTo    string // the audience's level, "" for everything
	LeftOut int    // items above UpTo
	// Unreadable are the records the pack leaves out because they cannot be read (rows
	// changed outside Parley); its cover names them too.
	Unreadable []storage.BadRow
}

// folderOf is the folder path is in, whole: "-o pack.pdf" was reported as saved "in ..",
// the working folder's "." followed by the sentence's full stop.
func folderOf(path string) string {
	dir := filepath.Dir(path)
	if abs, err := filepath.Abs(dir); err == nil {
		return abs
	}
	return dir
}

func (r PackReport) String() string {
	var b strings.Builder
	if len(r.Paths) > 1 {
		fmt.Fprintf(&b, "%d numbered copies of the briefing pack for “%s” are saved in %s, from %s to %s.",
			len(r.Paths), r.Title, folderOf(r.Path), filepath.Base(r.Paths[0]), filepath.Base(r.Paths[len(r.Paths)-1]))
	} else {
		fmt.Fprintf(&b, "The briefing pack for “%s” is saved as %s in %s.", r.Title, filepath.Base(r.Path), folderOf(r.Path))
	}
	if r.Issue != nil {
		fmt.Fprintf(&b, " It is issued as %s.", r.Issue.Label())
	}
	switch {
	case r.UpTo == "":
	case r.LeftOut == 1:
		fmt.Fprintf(&b, " 1 item above %s was left out.", r.UpTo)
	default:
		fmt.Fprintf(&b, " %d items above %s were left out.", r.LeftOut, r.UpTo)
	}
	for _, bad := range r.Unreadable {
		fmt.Fprintf(&b, "\nLeft out %s.", bad)
	}
	if len(r.Unreadable) > 0 {
		b.WriteString("\nparley verify lists every record that cannot be read.")
	}
	return b.String()
}

// coverFindings is how many of the pre-flight check's findings the cover prints.
const coverFindings = 8

// maxCopies bounds --copies: a registry numbers tens of copies, not thousands of files.
const maxCopies = 200

// WritePack gathers the briefing of one meeting (in one read of the dossier), cuts it for the
// audience, and writes its pack to path atomically: an unknown meeting or any failure leaves
// no new file, and a file already at path as it was. Issuing records the pack in the
// registry in the same transaction as the files are written, so a failed write takes no
// version number.
func WritePack(ctx context.Context, st *storage.Store, meetingID, path string, opt PackOptions) (PackReport, error) {
	b, err := st.Briefing(ctx, meetingID)
	if err != nil {
		return PackReport{}, err
	}
	popt := export.PackOptions{HomeZone: opt.HomeZone, PreparedOn: opt.PreparedOn}
	if popt.HomeZone == nil {
		popt.HomeZone, _ = HomeZone()
	}
	if opt.MarkingSet {
		b.Marking = strings.TrimSpace(opt.Marking)
	}
	scheme, err := handling.Load(b.Levels, b.Caveats)
	if err != nil {
		return PackReport{}, fmt.Errorf("the dossier's handling levels cannot be read (%w); correct them in File → Handling marks… or with parley handling --levels", err)
	}
	marking := scheme.ParseMarking(b.Marking)
	var amended *storage.PackIssue
	if opt.Addendum {
		if amended = latestVersion(b.Issues); amended == nil {
			return PackReport{}, storage.ErrNothingToAmend
		}
		if opt.UpTo == "" {
			opt.UpTo = amended.UpTo
		}
	}
	upTo := handling.None
	if opt.UpTo != "" {
		var ok bool
		if upTo, ok = scheme.Find(opt.UpTo); !ok {
			return PackReport{}, fmt.Errorf("%q is not one of the dossier's handling levels (%s)", opt.UpTo, levelNames(scheme))
		}
		if err := scheme.CheckUpTo(marking, upTo); err != nil {
			return PackReport{}, err
		}
	}
	if amended != nil && scheme.Name(upTo) != amended.UpTo {
		return PackReport{}, fmt.Errorf("an addendum goes to the audience of the version it amends: %s went %s, so its addendum cannot go %s",
			amended.Label(), audienceOf(amended.UpTo), audienceOf(scheme.Name(upTo)))
	}
	cut := scheme.Audience(b, marking, upTo)
	popt.Scheme, popt.UpTo, popt.LeftOut = scheme, scheme.Name(upTo), cut.LeftOut
	// The cover's short check is run on what this audience's pack holds, so that it names
	// nothing the pack leaves out.
	now := opt.PreparedOn
	if now.IsZero() {
		now = time.Now()
	}
	popt.Preflight = preflight.Short(preflight.Check(cut.Briefing, now), coverFindings)
	copies := max(opt.Copies, 1)
	if copies > maxCopies {
		return PackReport{}, fmt.Errorf("%d copies is more than a pack is issued in; the most is %d", copies, maxCopies)
	}
	rep := PackReport{Path: path, Paths: copyPaths(path, copies), Title: b.Meeting.Title, UpTo: popt.UpTo, LeftOut: cut.LeftOut,
		Unreadable: b.Unreadable}
	write := func() error {
		for k, p := range rep.Paths {
			if copies > 1 {
				popt.Copy, popt.Copies = k+1, copies
			}
			if err := WriteFile(p, func(w io.Writer) error {
				if err := ctx.Err(); err != nil {
					return err
				}
				return export.WritePack(w, cut.Briefing, popt)
			}); err != nil {
				return err
			}
		}
		return nil
	}
	if !opt.Issue && !opt.Addendum {
		return rep, write()
	}
	issue := storage.PackIssue{MeetingID: b.Meeting.ID, Reference: b.Meeting.Brief.Reference, UpTo: popt.UpTo,
		Marking: b.Marking, Copies: copies}
	issued, err := st.IssuePack(ctx, issue, opt.Addendum, func(is storage.PackIssue, _ []storage.PackIssue) ([]storage.IssuedItem, error) {
		popt.Issue = &is
		if amended != nil {
			popt.Changes = storage.ChangesBetween(amended.Items, cut.Items)
		}
		return cut.Items, write()
	})
	if err != nil {
		return PackReport{}, err
	}
	rep.Issue = &issued
	return rep, nil
}

// latestVersion is the full version the latest issue belongs to (an addendum amends it).
func latestVersion(issues []storage.PackIssue) *storage.PackIssue {
	if len(issues) == 0 {
		return nil
	}
	last := issues[len(issues)-1].Version
	for i := range issues {
		if issues[i].Version == last && issues[i].Addendum == 0 {
			return &issues[i]
		}
	}
	return nil
}

func audienceOf(upTo string) string {
	if upTo == "" {
		return "with everything"
	}
	return "up to " + upTo
}

func levelNames(s handling.Scheme) string {
	var names []string
	for _, l := range s.Levels {
		names = append(names, l.Name+" ("+l.Abbrev+")")
	}
	return strings.Join(names, ", ")
}

// copyPaths are the files of n numbered copies: path itself for one, else "NAME (copy k of
// n).pdf" beside it.
func copyPaths(path string, n int) []string {
	if n <= 1 {
		return []string{path}
	}
	ext := filepath.Ext(path)
	base := strings.TrimSuffix(path, ext)
	out := make([]string, n)
	for k := range out {
		out[k] = fmt.Sprintf("%s (copy %d of %d)%s", base, k+1, n, ext)
	}
	return out
}

// PacksReport lists the packs WritePacks wrote, in the order of the meetings.
type PacksReport struct {
	Dir      string
	From, To string // the range as the user gave it
	Packs    []PackReport
}

func (r PacksReport) String() string {
	if len(r.Packs) == 0 {
		return fmt.Sprintf("No meetings between %s and %s; no pack was written.", r.From, r.To)
	}
	var b strings.Builder
	for _, p := range r.Packs {
		fmt.Fprintf(&b, "Wrote %s (%s).\n", p.Path, p.Title)
	}
	n := fmt.Sprintf("%d packs", len(r.Packs))
	if len(r.Packs) == 1 {
		n = "1 pack"
	}
	fmt.Fprintf(&b, "%s written to %s.", n, r.Dir)
	return b.String()
}

// DateRange is a span of whole days, months or years, both ends included: "2016-06" to
// "2016-06" is the whole of June.
type DateRange struct {
	From, To string // as the user gave them
	lo, hi   time.Time
}

// ParseRange reads a range from its first and last date (2016, 2016-06 or 2016-06-22).
func ParseRange(from, to string) (DateRange, error) {
	start, err := storage.ParsePartialDate(from)
	if err != nil {
		return DateRange{}, fmt.Errorf("the first date: %w", err)
	}
	last, err := storage.ParsePartialDate(to)
	if err != nil {
		return DateRange{}, fmt.Errorf("the last date: %w", err)
	}
	r := DateRange{From: from, To: to, lo: start.Start(), hi: last.End()}
	if !r.hi.After(r.lo) {
		return DateRange{}, fmt.Errorf("the range ends (%s) before it starts (%s)", to, from)
	}
	return r, nil
}

// WritePacks writes one pack per meeting whose date falls in the range into dir, creating dir
// when needed, each named by PackFileName. It stops at the first failure; the packs written
// before it stay.
func WritePacks(ctx context.Context, st *storage.Store, r DateRange, dir string, opt PackOptions) (PacksReport, error) {
	rep := PacksReport{Dir: dir, From: r.From, To: r.To}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return rep, writeError(dir, fmt.Errorf("%s is a file, not a folder: %w", dir, fs.ErrExist))
	} else if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return rep, writeError(dir, err)
		}
	}
	meetings, err := st.Meetings(ctx, storage.MeetingFilter{From: r.lo, To: r.hi})
	if err != nil {
		return rep, err
	}
	used := map[string]bool{}
	for _, m := range meetings {
		path := filepath.Join(dir, uniqueName(PackFileName(m), used))
		p, err := WritePack(ctx, st, m.ID, path, opt)
		if err != nil {
			return rep, err
		}
		rep.Packs = append(rep.Packs, p)
	}
	return rep, nil
}

// PackFileName names a meeting's pack by its date and title, as a person would:
// "2016-06-22 Peace treaty consultations, round 2 — Tokyo.pdf"; "Sep 2016" dates by their
// first day. Characters a file system may refuse become spaces; the title is cut at 60
// characters.
func PackFileName(m storage.MeetingSummary) string {
	title := safeFileName(m.Title)
	if title == "" {
		title = "Meeting"
	}
	if r := []rune(title); len(r) > 60 {
		title = strings.TrimSpace(string(r[:60]))
	}
	prefix := ""
	if d, ok := m.When.Day(); ok {
		prefix = d.ISO() + " "
	} else if !m.When.IsZero() {
		prefix = m.When.From.ISO() + " "
	}
	return prefix + title + ".pdf"
}

// safeFileName keeps letters, digits, spaces and a little punctuation; everything a file
// system might refuse (/ \ : * ? " < > |) becomes a space.
func safeFileName(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r), strings.ContainsRune(" -_.,()–—'’", r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	return strings.Trim(strings.Join(strings.Fields(b.String()), " "), ". ")
}

// uniqueName adds " (2)", " (3)"… before the extension when two meetings share a name.
func uniqueName(name string, used map[string]bool) string {
	base, ext := strings.TrimSuffix(name, filepath.Ext(name)), filepath.Ext(name)
	out := name
	for i := 2; used[out]; i++ {
		out = fmt.Sprintf("%s (%d)%s", base, i, ext)
	}
	used[out] = true
	return out
}

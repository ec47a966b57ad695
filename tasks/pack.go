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
}

// PackReport says which pack was written where.
type PackReport struct {
	Path  string
	Title string // the meeting's
}

func (r PackReport) String() string {
	return fmt.Sprintf("The briefing pack for “%s” is saved as %s in %s.", r.Title, filepath.Base(r.Path), filepath.Dir(r.Path))
}

// WritePack gathers the briefing of one meeting (in one read of the dossier) and writes its
// pack to path atomically: an unknown meeting or any failure leaves no new file, and a file
// already at path as it was.
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
	if err := WriteFile(path, func(w io.Writer) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		return export.WritePack(w, b, popt)
	}); err != nil {
		return PackReport{}, err
	}
	return PackReport{Path: path, Title: b.Meeting.Title}, nil
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

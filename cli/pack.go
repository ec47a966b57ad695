package cli

import (
	"context"
	"errors"
	"flag"
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

func init() {
	register(command{
		name:  "pack",
		usage: "[--db FILE] --meeting ID -o FILE.pdf | --from DATE --to DATE -o FOLDER [--marking TEXT] [--zone ZONE]",
		summary: "Write the briefing pack (PDF) of a meeting, or one pack per meeting between two dates " +
			"(dates like 2016, 2016-06 or 2016-06-22, both included). --marking overrides the dossier's " +
			"handling marking; --zone is your home time zone, shown beside the venue's (default: this computer's).",
		run: runPack,
	})
}

func runPack(ctx context.Context, args []string, stdout io.Writer) error {
	fl := newFlags("pack")
	db := dbFlag(fl)
	meeting := fl.String("meeting", "", "the ID of the meeting (see parley list meetings)")
	from := fl.String("from", "", "first day of a date range: 2016, 2016-06 or 2016-06-22")
	to := fl.String("to", "", "last day of a date range, included")
	out := fl.String("o", "", "the PDF to write (--meeting) or the folder for the packs (--from/--to)")
	marking := fl.String("marking", "", "handling marking printed at the top and bottom of every page")
	zone := fl.String("zone", "", "your home time zone, e.g. Europe/London")
	rest, err := parseArgs(fl, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usagef("unexpected argument %q", rest[0])
	}
	ranged := *from != "" || *to != ""
	switch {
	case *meeting != "" && ranged:
		return usagef("give either --meeting or --from and --to, not both")
	case *meeting == "" && !ranged:
		return usagef("give the meeting with --meeting ID, or a date range with --from and --to")
	case ranged && (*from == "" || *to == ""):
		return usagef("a date range needs both --from and --to")
	case *out == "":
		if ranged {
			return usagef("give the folder for the packs with -o FOLDER")
		}
		return usagef("give the file to write with -o FILE.pdf")
	case !ranged && !strings.EqualFold(filepath.Ext(*out), ".pdf"):
		return usagef("the pack is a PDF: the file name must end in .pdf (got %q)", *out)
	}
	// Without --marking the pack prints the dossier's marking (setting "marking").
	opt := export.PackOptions{HomeZone: time.Local, PreparedOn: now()}
	if *zone != "" {
		loc, err := time.LoadLocation(*zone)
		if err != nil {
			return usagef("%q is not a known time zone (use a name such as Europe/London)", *zone)
		}
		opt.HomeZone = loc
	}
	markingSet := false
	fl.Visit(func(f *flag.Flag) { markingSet = markingSet || f.Name == "marking" })

	path, err := dbPath(*db)
	if err != nil {
		return err
	}
	s, err := openExisting(ctx, path)
	if err != nil {
		return err
	}
	defer s.Close()
	if markingSet {
		opt.Marking = strings.TrimSpace(*marking)
	}
	if !ranged {
		title, err := writeOnePack(ctx, s, *meeting, *out, opt, markingSet)
		if err != nil {
			return explain(path, err)
		}
		return say(stdout, fmt.Sprintf("Wrote the briefing pack for %q to %s.", title, *out))
	}
	return writePacks(ctx, s, path, *from, *to, *out, opt, markingSet, stdout)
}

// writeOnePack gathers a meeting's briefing and writes its pack to file, atomically: an
// unknown meeting or a failure leaves no file behind.
func writeOnePack(ctx context.Context, s *storage.Store, meetingID, file string, opt export.PackOptions, markingSet bool) (string, error) {
	b, err := s.Briefing(ctx, meetingID)
	if err != nil {
		return "", err
	}
	if markingSet && opt.Marking == "" {
		// An explicit empty --marking prints no banner, whatever the dossier says.
		b.Marking = ""
	}
	err = writeFile(file, func(w io.Writer) error { return export.WritePack(w, b, opt) })
	return b.Meeting.Title, err
}

// writePacks writes one pack per meeting in the date range into dir, creating dir if needed.
func writePacks(ctx context.Context, s *storage.Store, path, from, to, dir string, opt export.PackOptions, markingSet bool, stdout io.Writer) error {
	start, err := storage.ParsePartialDate(from)
	if err != nil {
		return usagef("--from: %v", err)
	}
	last, err := storage.ParsePartialDate(to)
	if err != nil {
		return usagef("--to: %v", err)
	}
	lo, hi := start.Start(), last.End() // --to 2016-06 includes the whole of June
	if !hi.After(lo) {
		return usagef("the range ends (%s) before it starts (%s)", to, from)
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return &problem{sentence: fmt.Sprintf("%s is a file; give a folder for the packs with -o", dir)}
	} else if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			return outputError(dir, err)
		}
	}
	meetings, err := s.Meetings(ctx, storage.MeetingFilter{From: lo, To: hi})
	if err != nil {
		return explain(path, err)
	}
	if len(meetings) == 0 {
		return say(stdout, fmt.Sprintf("No meetings between %s and %s; no pack was written.", from, to))
	}
	used := map[string]bool{}
	for _, m := range meetings {
		file := filepath.Join(dir, uniqueName(packFileName(m), used))
		if _, err := writeOnePack(ctx, s, m.ID, file, opt, markingSet); err != nil {
			return explain(path, err)
		}
		if err := say(stdout, fmt.Sprintf("Wrote %s (%s).", file, m.Title)); err != nil {
			return err
		}
	}
	return say(stdout, fmt.Sprintf("%s written to %s.", plural(len(meetings), "pack"), dir))
}

// packFileName names a meeting's pack by its date and title:
// "2016-06-22-peace-treaty-consultations-round-2-tokyo.pdf".
func packFileName(m storage.MeetingSummary) string {
	date := m.When.Text()
	if d, ok := m.When.Day(); ok {
		date = d.ISO()
	} else if !m.When.IsZero() {
		date = m.When.From.ISO()
	}
	parts := []string{}
	if date != "" {
		parts = append(parts, date)
	}
	if slug := slugify(m.Title); slug != "" {
		parts = append(parts, slug)
	}
	if len(parts) == 0 {
		parts = append(parts, "meeting")
	}
	return strings.Join(parts, "-") + ".pdf"
}

// slugify keeps letters and digits (of any script), lower-cased, joined by single hyphens,
// at most 60 characters; apostrophes vanish.
func slugify(s string) string {
	var b strings.Builder
	n := 0
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if r == '\'' || r == '’' {
			continue // "Putin's" → "putins", not "putin-s"
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
				n++
			}
			hyphen = false
			if n >= 60 {
				break
			}
			b.WriteRune(r)
			n++
			continue
		}
		hyphen = true
	}
	return strings.Trim(b.String(), "-")
}

// uniqueName adds "-2", "-3"… before the extension when two meetings share a name.
func uniqueName(name string, used map[string]bool) string {
	base, ext := strings.TrimSuffix(name, ".pdf"), ".pdf"
	out := name
	for i := 2; used[out]; i++ {
		out = fmt.Sprintf("%s-%d%s", base, i, ext)
	}
	used[out] = true
	return out
}

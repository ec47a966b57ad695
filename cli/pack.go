package cli

import (
	"context"
	"flag"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

func init() {
	register(command{
		name: "pack",
		usage: "[--db FILE] --meeting ID -o FILE.pdf | --from DATE --to DATE -o FOLDER [--marking TEXT] [--zone ZONE] " +
			"[--up-to LEVEL] [--issue | --addendum] [--copies N]",
		summary: "Write the briefing pack (PDF) of a meeting, or one pack per meeting between two dates " +
			"(dates like 2016, 2016-06 or 2016-06-22, both included). --marking overrides the dossier's " +
			"handling marking; --zone is your home time zone, shown beside the venue's (default: this computer's)." +
			" --up-to OFFICIAL leaves out every item marked above OFFICIAL, for an audience cleared that far. " +
			"--issue records the pack as the meeting's next version; --addendum issues an addendum to the latest " +
			"version that lists what changed since. Without them the pack is a draft. --copies 5 writes five numbered copies." +
			" Packs are named by date and title: \"2016-06-22 Tokyo round.pdf\".",
		run: runPack,
	})
}

func runPack(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("pack")
	meeting := fl.String("meeting", "", "the ID of the meeting (see parley list meetings)")
	from := fl.String("from", "", "first day of a date range: 2016, 2016-06 or 2016-06-22")
	to := fl.String("to", "", "last day of a date range, included")
	out := fl.String("o", "", "the PDF to write (--meeting) or the folder for the packs (--from/--to)")
	marking := fl.String("marking", "", "handling marking printed at the top and bottom of every page")
	zone := fl.String("zone", "", "your home time zone, e.g. Europe/London")
	upTo := fl.String("up-to", "", "the audience's handling level: leave out every item above it")
	issue := fl.Bool("issue", false, "record the pack as the meeting's next issued version")
	addendum := fl.Bool("addendum", false, "issue an addendum to the latest version, listing what changed since")
	copies := fl.Int("copies", 1, "write this many numbered copies")
	if err := parseFlags(fl, args, ""); err != nil {
		return err
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
	case *issue && *addendum:
		return usagef("give --issue or --addendum, not both: an addendum is itself an issue")
	case *copies < 1:
		return usagef("--copies is a number of copies, 1 or more (got %d)", *copies)
	}
	// Without --marking the pack prints the dossier's marking (setting "marking").
	opt := tasks.PackOptions{PreparedOn: now(), UpTo: strings.TrimSpace(*upTo), Issue: *issue, Addendum: *addendum, Copies: *copies}
	if *zone != "" {
		loc, err := time.LoadLocation(*zone)
		if err != nil {
			return usagef("%q is not a known time zone (use a name such as Europe/London)", *zone)
		}
		opt.HomeZone = loc
	}
	fl.Visit(func(f *flag.Flag) { opt.MarkingSet = opt.MarkingSet || f.Name == "marking" })
	opt.Marking = *marking

	var r tasks.DateRange
	if ranged {
		var err error
		if r, err = tasks.ParseRange(*from, *to); err != nil {
			return usagef("%v", err)
		}
	}
	// A draft only reads the dossier (and works while a window holds it); an issue writes
	// the registry, so it needs the database to itself.
	open := openForReading
	if *issue || *addendum {
		open = openExisting
	}
	return inDatabase(ctx, *db, open, func(s *storage.Store) error {
		if !ranged {
			return report(stdout)(tasks.WritePack(ctx, s, *meeting, *out, opt))
		}
		return report(stdout)(tasks.WritePacks(ctx, s, r, *out, opt))
	})
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/parley-app/parley/ingest"
	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/tasks"
)

func init() {
	register(command{
		name:  "ingest",
		usage: "[--db FILE] [--published YYYY-MM-DD] [--lang en] [--json] [--apply] FILE.txt|FILE.html",
		summary: "Read a news article and propose the people, titles, dated events, quotes and disputed " +
			"names it holds, each with the sentence it came from, compared with the dossier (a record " +
			"already there is proposed as an update). Without --published the date in the article's " +
			"dateline or first lines is used. --apply stores every proposal in one transaction, with the " +
			"article as their source; review them in the window (File → Import article…) to choose.",
		run: runIngest,
	})
}

func runIngest(ctx context.Context, args []string, stdout io.Writer) error {
	fl, db := dbFlags("ingest")
	published := fl.String("published", "", "the publication date, YYYY-MM-DD (or YYYY-MM, YYYY)")
	lang := fl.String("lang", "en", "the article's language")
	asJSON := jsonFlag(fl)
	apply := fl.Bool("apply", false, "store the proposals")
	file, err := parseOneArg(fl, args, "give the article to read (a .txt or .html file)", "read one article at a time")
	if err != nil {
		return err
	}
	pub, err := storage.ParsePartialDate(*published)
	if err != nil {
		return usagef("--published: %v", err)
	}
	if _, err := ingest.LanguageFor(*lang); err != nil {
		return usagef("--lang: %v", err)
	}
	return inDatabase(ctx, *db, openExisting, func(s *storage.Store) error {
		rep, err := tasks.IngestArticle(ctx, s, file, pub, *lang)
		if errors.Is(err, ingest.ErrNotArticle) {
			return &problem{sentence: "Nothing was read: " + strings.TrimSuffix(err.Error(), ": "+ingest.ErrNotArticle.Error())}
		}
		if err != nil {
			return err
		}
		if *asJSON {
			if err := writeIngestJSON(stdout, rep.Result); err != nil {
				return err
			}
		} else if err := say(stdout, ingestText(rep.Result)); err != nil {
			return err
		}
		if !*apply {
			return nil
		}
		done, err := tasks.ApplyIngest(ctx, s, rep, tasks.Accepted{}, time.Now())
		if err != nil || *asJSON {
			return err // the JSON stays one object; the counts are for people
		}
		return say(stdout, "\nStored in "+s.Path()+": "+done.String())
	})
}

// ingestDate is a date as the JSON gives it: ISO 8601 text at the precision known, a deadline
// as its last possible day with precision "by".
func ingestDate(f storage.FuzzyDate) (date, precision string) {
	switch f.Kind {
	case storage.DateUnknown:
		return "", ""
	case storage.DateBy:
		return ingest.DeadlineDay(f), "by"
	case storage.DateRange:
		return f.From.ISO() + "/" + f.To.ISO(), "range"
	case storage.DateExact:
		d, _ := f.Day()
		return d.ISO(), "day"
	}
	return f.From.ISO(), string(f.Kind)
}

type ingestJSON struct {
	Source struct {
		Title      string `json:"title"`
		Publisher  string `json:"publisher,omitempty"`
		Date       string `json:"date,omitempty"`
		Precision  string `json:"precision,omitempty"`
		DateFrom   string `json:"date_from,omitempty"`
		Reference  string `json:"reference,omitempty"`
		ExistingID string `json:"existing_id,omitempty"`
	} `json:"source"`
	Actors []struct {
		ingest.ActorProposal
		Relations []struct {
			Kind  string `json:"kind"`
			Other string `json:"other"`
		} `json:"relations,omitempty"`
	} `json:"actors"`
	Events []eventJSON `json:"events"`
	Quotes []struct {
		Speaker  string `json:"speaker"`
		Text     string `json:"text"`
		Date     string `json:"date,omitempty"`
		Existing string `json:"existing_id,omitempty"`
		Evidence string `json:"evidence"`
	} `json:"quotes"`
	Disputes []ingest.DisputeProposal `json:"disputes"`
	Notes    []string                 `json:"notes,omitempty"`
}

type eventJSON struct {
	Title        string   `json:"title"`
	Date         string   `json:"date"`
	Precision    string   `json:"precision"`
	Place        string   `json:"place,omitempty"`
	Status       string   `json:"status"`
	Participants []string `json:"participants"`
	Kind         string   `json:"kind"`
	ExistingID   string   `json:"existing_id,omitempty"`
	Phrase       string   `json:"phrase"`
	Evidence     string   `json:"evidence"`
}

func writeIngestJSON(w io.Writer, r ingest.Result) error {
	var j ingestJSON
	j.Source.Title, j.Source.Publisher, j.Source.Reference = r.Source.Title, r.Source.Publisher, r.Source.Reference
	j.Source.Date, j.Source.Precision = ingestDate(r.Source.Published)
	j.Source.DateFrom, j.Source.ExistingID = r.PublishedFrom, r.SourceExistingID
	for _, a := range r.Actors {
		x := struct {
			ingest.ActorProposal
			Relations []struct {
				Kind  string `json:"kind"`
				Other string `json:"other"`
			} `json:"relations,omitempty"`
		}{ActorProposal: a}
		for _, rel := range a.Relations {
			x.Relations = append(x.Relations, struct {
				Kind  string `json:"kind"`
				Other string `json:"other"`
			}{rel.Kind, r.Actors[rel.Other].Name})
		}
		j.Actors = append(j.Actors, x)
	}
	for _, e := range r.Events {
		ev := eventJSON{Title: e.Title, Place: e.Place, Status: string(e.Status), Kind: e.Kind, ExistingID: e.ExistingID,
			Phrase: e.Phrase, Evidence: e.Evidence, Participants: []string{}}
		ev.Date, ev.Precision = ingestDate(e.When)
		for _, k := range e.Participants {
			ev.Participants = append(ev.Participants, r.Actors[k].Name)
		}
		j.Events = append(j.Events, ev)
	}
	for _, q := range r.Quotes {
		d, _ := ingestDate(q.When)
		j.Quotes = append(j.Quotes, struct {
			Speaker  string `json:"speaker"`
			Text     string `json:"text"`
			Date     string `json:"date,omitempty"`
			Existing string `json:"existing_id,omitempty"`
			Evidence string `json:"evidence"`
		}{r.Actors[q.Speaker].Name, q.Text, d, q.ExistingID, q.Evidence})
	}
	j.Disputes, j.Notes = r.Disputes, r.Notes
	if j.Actors == nil {
		j.Actors = []struct {
			ingest.ActorProposal
			Relations []struct {
				Kind  string `json:"kind"`
				Other string `json:"other"`
			} `json:"relations,omitempty"`
		}{}
	}
	if j.Events == nil {
		j.Events = []eventJSON{}
	}
	if j.Disputes == nil {
		j.Disputes = []ingest.DisputeProposal{}
	}
	return printJSON(w, j)
}

// ingestText writes the proposals for a person, kind by kind.
func ingestText(r ingest.Result) string {
	var b strings.Builder
	upd := func(id string) string {
		if id != "" {
			return " [update " + id[:8] + "]"
		}
		return " [new]"
	}
	fmt.Fprintf(&b, "Source: %s", r.Source.Title)
	if r.Source.Publisher != "" {
		fmt.Fprintf(&b, " — %s", r.Source.Publisher)
	}
	if !r.Source.Published.IsZero() {
		fmt.Fprintf(&b, " (%s)", r.Source.Published)
	}
	b.WriteString(upd(r.SourceExistingID) + "\n")
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "Note: %s\n", n)
	}
	fmt.Fprintf(&b, "\nPeople (%d):\n", len(r.Actors))
	for _, a := range r.Actors {
		fmt.Fprintf(&b, "  %s", a.Name)
		for _, s := range []string{a.Title, a.Organisation, a.Country} {
			if s != "" {
				fmt.Fprintf(&b, ", %s", s)
			}
		}
		b.WriteString(upd(a.ExistingID))
		if a.NewPost {
			b.WriteString(" new post")
		}
		b.WriteString("\n")
		for _, rel := range a.Relations {
			fmt.Fprintf(&b, "    %s %s\n", rel.Kind, r.Actors[rel.Other].Name)
		}
	}
	fmt.Fprintf(&b, "\nEvents (%d):\n", len(r.Events))
	for _, e := range r.Events {
		fmt.Fprintf(&b, "  %s: %s, %s%s\n    “%s”\n", e.When, e.Title, e.Status, upd(e.ExistingID), e.Evidence)
	}
	fmt.Fprintf(&b, "\nQuotes (%d):\n", len(r.Quotes))
	for _, q := range r.Quotes {
		fmt.Fprintf(&b, "  %s: “%s”%s\n", r.Actors[q.Speaker].Name, q.Text, upd(q.ExistingID))
	}
	fmt.Fprintf(&b, "\nDisputed names (%d):\n", len(r.Disputes))
	for _, d := range r.Disputes {
		var ns []string
		for _, n := range d.Names {
			ns = append(ns, n.Party+": "+n.Name)
		}
		fmt.Fprintf(&b, "  %s%s\n", strings.Join(ns, "; "), upd(d.ExistingID))
	}
	return strings.TrimRight(b.String(), "\n")
}

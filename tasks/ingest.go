package tasks

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/parley-app/parley/ingest"
	"github.com/parley-app/parley/storage"
)

// IngestReport is what an article proposes, with the dossier it was compared with (so that
// the faces can show an existing record beside its update, and ApplyIngest can build the
// update from it).
type IngestReport struct {
	Path   string
	Result ingest.Result
	Known  *storage.Dossier
}

// IngestArticle reads the article at path (plain text or a saved web page) and proposes its
// records, compared with the dossier in st. Nothing is stored. published may be zero: the
// article's dateline or first lines are tried, and the report's notes say so.
func IngestArticle(ctx context.Context, st *storage.Store, path string, published storage.PartialDate, lang string) (IngestReport, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return IngestReport{}, readError(path, err)
	}
	return IngestText(ctx, st, data, path, published, lang)
}

// IngestText is IngestArticle for text in hand (pasted into the window); name stands for the
// file in messages and in the source's reference.
func IngestText(ctx context.Context, st *storage.Store, data []byte, name string, published storage.PartialDate, lang string) (IngestReport, error) {
	a, err := ingest.Read(data, name)
	if err != nil {
		return IngestReport{}, err
	}
	known, err := st.Dossier(ctx)
	if err != nil {
		return IngestReport{}, err
	}
	r, err := ingest.Extract(ctx, a, ingest.Options{Lang: lang, Published: published, Known: known})
	if err != nil {
		return IngestReport{}, err
	}
	return IngestReport{Path: name, Result: r, Known: known}, nil
}

// Accepted says which proposals to store, by index into the result's lists; a nil list
// accepts all of its kind. The result itself may have been edited (names, titles, dates).
type Accepted struct {
	Actors, Events, Quotes, Disputes []bool
}

func accepted(list []bool, i int) bool { return list == nil || (i < len(list) && list[i]) }

// ApplyIngest stores the accepted proposals in one transaction (storage.ImportDossier): new
// records are created, records already in the dossier updated (a new title becomes a new post,
// a new status a status change, a new name of a disputed place is added). The article is a
// Source, and every stored record points back to it: statements, status changes, timeline
// entries and dispute facts by its ID, actors in their biography (an actor has no source field).
func ApplyIngest(ctx context.Context, st *storage.Store, rep IngestReport, acc Accepted, now time.Time) (storage.ImportReport, error) {
	r := rep.Result
	known := rep.Known
	if known == nil {
		known = &storage.Dossier{}
	}
	d := &storage.Dossier{}
	src := r.Source
	cite := fmt.Sprintf("“%s”", src.Title)
	if r.SourceExistingID != "" {
		src.ID = r.SourceExistingID
	} else {
		src.ID = uuid.NewString()
		src.Created, src.Updated = now, now
		d.Sources = append(d.Sources, src)
	}
	if !src.Published.IsZero() {
		cite += ", " + src.Published.String()
	}

	// Actors: the IDs every other record refers to.
	actorIDs := make([]string, len(r.Actors))
	for i, p := range r.Actors {
		if p.ExistingID != "" {
			actorIDs[i] = p.ExistingID
		}
		if !accepted(acc.Actors, i) {
			continue
		}
		if p.ExistingID == "" {
			actorIDs[i] = uuid.NewString()
		}
	}
	for i, p := range r.Actors {
		if !accepted(acc.Actors, i) {
			continue
		}
		var a storage.Actor
		changed := false
		if old, ok := findActor(known, p.ExistingID); ok {
			a = old
			if p.NewPost && p.Title != "" {
				a.Posts = newPost(a.Posts, storage.Post{Title: p.Title, Organisation: p.Organisation}, src.Published)
				a.Title = p.Title
				a.Biography = strings.TrimSpace(a.Biography + "\n\n" + fmt.Sprintf("Title %q as reported in %s.", p.Title, cite))
				changed = true
			}
		} else {
			a = storage.Actor{ID: actorIDs[i], Kind: storage.ActorPerson, Name: p.Name, Title: p.Title,
				Organisation: p.Organisation, Country: p.Country, Created: now,
				Biography: "Named in " + cite + ": " + p.Evidence}
			if p.Title != "" {
				a.Posts = []storage.Post{{Title: p.Title, Organisation: p.Organisation}}
			}
			changed = true
		}
		for _, rel := range p.Relations {
			other := actorIDs[rel.Other]
			if other == "" || hasRelation(a, other, rel.Kind) {
				continue
			}
			a.Relations = append(a.Relations, storage.Relation{ActorID: other, Kind: rel.Kind, Note: "As stated in " + cite + "."})
			changed = true
		}
		if changed {
			a.Updated = now
			d.Actors = append(d.Actors, a)
		}
	}

	// Disputes, before events: a timeline event goes on the article's dispute.
	disputeID := ""
	for i, p := range r.Disputes {
		if !accepted(acc.Disputes, i) {
			continue
		}
		var ds storage.Dispute
		if old, ok := findDispute(known, p.ExistingID); ok {
			ds = old
			changed := false
			for _, n := range p.Names {
				if !hasParty(ds.Names, n.Party) {
					ds.Names = append(ds.Names, n)
					changed = true
				}
			}
			if ds.Administrator == "" && p.Administrator != "" {
				ds.Administrator, changed = p.Administrator, true
			}
			if len(ds.Claimants) == 0 && len(p.Claimants) > 0 {
				ds.Claimants, changed = p.Claimants, true
			}
			disputeID = ds.ID
			if !changed {
				continue
			}
		} else {
			ds = storage.Dispute{ID: uuid.NewString(), Title: p.Title, Names: p.Names, Administrator: p.Administrator,
				Claimants: p.Claimants, Created: now,
				Facts: []storage.KeyFact{{Label: "Names", Value: p.Evidence, SourceID: src.ID}}}
			disputeID = ds.ID
		}
		ds.Updated = now
		d.Disputes = append(d.Disputes, ds)
	}

	for i, p := range r.Events {
		if !accepted(acc.Events, i) {
			continue
		}
		var people []string
		for _, k := range p.Participants {
			if k < len(actorIDs) && actorIDs[k] != "" {
				people = append(people, actorIDs[k])
			}
		}
		if p.Kind == "timeline" {
			if p.ExistingID != "" || disputeID == "" {
				continue // on a timeline already, or no dispute to put it on
			}
			for k := range d.Disputes {
				if d.Disputes[k].ID == disputeID {
					d.Disputes[k].Timeline = append(d.Disputes[k].Timeline, storage.Event{When: p.When, Text: p.Evidence, SourceID: src.ID})
				}
			}
			continue
		}
		var m storage.Meeting
		if old, ok := findMeeting(known, p.ExistingID); ok {
			m = old
			changed := false
			for _, id := range people {
				if !hasParticipant(m, id) {
					m.Participants = append(m.Participants, storage.Participant{ActorID: id, Role: storage.RoleMember})
					changed = true
				}
			}
			if p.Status != "" && p.Status != m.Status && m.When == p.When {
				m.StatusHistory = append(m.StatusHistory, storage.StatusChange{Recorded: now, From: m.Status, To: p.Status,
					When: m.When, Reason: "Reported in " + cite + ".", SourceID: src.ID})
				m.Status, changed = p.Status, true
			}
			if !changed {
				continue
			}
		} else {
			m = storage.Meeting{ID: uuid.NewString(), Title: p.Title, Status: p.Status, When: p.When, City: p.Place,
				Background: "From " + cite + ": " + p.Evidence, Created: now,
				StatusHistory: []storage.StatusChange{{Recorded: now, To: p.Status, When: p.When, Reason: "Reported in " + cite + ".", SourceID: src.ID}}}
			if m.Status == "" {
				m.Status = storage.StatusProposed
			}
			for _, id := range people {
				m.Participants = append(m.Participants, storage.Participant{ActorID: id, Role: storage.RoleMember})
			}
			if disputeID != "" {
				m.DisputeIDs = []string{disputeID}
			}
		}
		m.Updated = now
		d.Meetings = append(d.Meetings, m)
	}

	for i, q := range r.Quotes {
		if !accepted(acc.Quotes, i) || q.ExistingID != "" || q.Speaker >= len(actorIDs) || actorIDs[q.Speaker] == "" {
			continue // already in the dossier, or the speaker was not accepted
		}
		d.Statements = append(d.Statements, storage.Statement{ID: uuid.NewString(), ActorID: actorIDs[q.Speaker], Text: q.Text,
			When: q.When, Occasion: "Quoted in " + cite, DisputeID: disputeID, SourceID: src.ID, Created: now, Updated: now})
	}
	rep2, err := st.ImportDossier(ctx, d)
	if err != nil {
		return storage.ImportReport{}, fmt.Errorf("store the accepted proposals: %w", err)
	}
	return rep2, nil
}

func findActor(d *storage.Dossier, id string) (storage.Actor, bool) {
	for _, a := range d.Actors {
		if id != "" && a.ID == id {
			return a, true
		}
	}
	return storage.Actor{}, false
}

func findDispute(d *storage.Dossier, id string) (storage.Dispute, bool) {
	for _, x := range d.Disputes {
		if id != "" && x.ID == id {
			return x, true
		}
	}
	return storage.Dispute{}, false
}

func findMeeting(d *storage.Dossier, id string) (storage.Meeting, bool) {
	for _, x := range d.Meetings {
		if id != "" && x.ID == id {
			return x, true
		}
	}
	return storage.Meeting{}, false
}

func hasRelation(a storage.Actor, other, kind string) bool {
	for _, r := range a.Relations {
		if r.ActorID == other && strings.EqualFold(r.Kind, kind) {
			return true
		}
	}
	return false
}

func hasParty(ns []storage.PlaceName, party string) bool {
	for _, n := range ns {
		if n.Party == party {
			return true
		}
	}
	return false
}

func hasParticipant(m storage.Meeting, id string) bool {
	for _, p := range m.Participants {
		if p.ActorID == id {
			return true
		}
	}
	return false
}

// newPost adds a title an article reports to an actor's posts, dated by the article: the new
// post is held in the month the article appeared (the earliest the article shows), and a post
// in the same body still open before it ends then (a minister who is also a party's chair
// keeps both). Without a publication date the post stays undated.
func newPost(posts []storage.Post, post storage.Post, published storage.FuzzyDate) []storage.Post {
	if day, ok := published.Day(); ok {
		month := storage.PartialDate{Year: day.Year, Month: day.Month}
		post.From, post.FromText = month, month.ISO()
		out := append([]storage.Post(nil), posts...)
		for i := range out {
			sameBody := out[i].Organisation == "" || post.Organisation == "" || strings.EqualFold(out[i].Organisation, post.Organisation)
			if out[i].To.IsZero() && sameBody && out[i].From.ISO() < month.ISO() {
				out[i].To, out[i].ToText = month, month.ISO()
			}
		}
		return append(out, post)
	}
	return append(posts, post)
}

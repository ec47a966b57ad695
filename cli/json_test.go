package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// The JSON that `parley list --json` and `parley search --json` print, in the shape docs/cli.md
// documents. decodeJSON refuses fields these types do not have, so an undocumented field, or a
// renamed one, fails the tests as surely as a wrong value.

// jsonDate is a fuzzy date as the docs' table writes it; null is a nil *jsonDate.
type jsonDate struct {
	Date      string `json:"date"`
	Precision string `json:"precision"`
	Qualifier string `json:"qualifier"`
	Zone      string `json:"zone"`
	Approx    bool   `json:"approximate"`
}

type jsonMeeting struct {
	ID            string    `json:"id"`
	TrackID       string    `json:"track_id"`
	Title         string    `json:"title"`
	Format        string    `json:"format"`
	Status        string    `json:"status"`
	When          *jsonDate `json:"when"`
	Venue         string    `json:"venue"`
	City          string    `json:"city"`
	Country       string    `json:"country"`
	Round         int       `json:"round"`
	PostponedFrom *jsonDate `json:"postponed_from"`
}

type jsonPost struct {
	Title        string `json:"title"`
	Organisation string `json:"organisation"`
	From         string `json:"from"`
	To           string `json:"to"`
}

type jsonRelation struct {
	ActorID string `json:"actor_id"`
	Kind    string `json:"kind"`
	Note    string `json:"note"`
}

type jsonActor struct {
	ID            string         `json:"id"`
	Kind          string         `json:"kind"`
	Name          string         `json:"name"`
	NativeName    string         `json:"native_name"`
	OtherNames    []string       `json:"other_names"`
	Pronunciation string         `json:"pronunciation"`
	Country       string         `json:"country"`
	Organisation  string         `json:"organisation"`
	Title         string         `json:"title"`
	Posts         []jsonPost     `json:"posts"`
	Role          string         `json:"role"`
	Biography     string         `json:"biography"`
	Stance        string         `json:"stance"`
	Relations     []jsonRelation `json:"relations"`
	Tags          []string       `json:"tags"`
	Created       string         `json:"created"`
	Updated       string         `json:"updated"`
}

type jsonDispute struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Names []struct {
		Party    string `json:"party"`
		Name     string `json:"name"`
		Language string `json:"language"`
		Native   string `json:"native"`
	} `json:"names"`
	Administrator string   `json:"administrator"`
	Claimants     []string `json:"claimants"`
	Summary       string   `json:"summary"`
	Facts         []struct {
		Label    string `json:"label"`
		Value    string `json:"value"`
		SourceID string `json:"source_id"`
	} `json:"facts"`
	Positions []struct {
		Party string `json:"party"`
		Text  string `json:"text"`
	} `json:"positions"`
	Timeline []struct {
		When     *jsonDate `json:"when"`
		Text     string    `json:"text"`
		SourceID string    `json:"source_id"`
	} `json:"timeline"`
	Tags    []string `json:"tags"`
	Created string   `json:"created"`
	Updated string   `json:"updated"`
}

type jsonSource struct {
	ID          string    `json:"id"`
	Title       string    `json:"title"`
	Publisher   string    `json:"publisher"`
	Published   *jsonDate `json:"published"`
	Reference   string    `json:"reference"`
	Reliability string    `json:"reliability"`
	Created     string    `json:"created"`
	Updated     string    `json:"updated"`
}

type jsonTrack struct {
	ID      string   `json:"id"`
	Title   string   `json:"title"`
	Parties []string `json:"parties"`
	Summary string   `json:"summary"`
	Created string   `json:"created"`
	Updated string   `json:"updated"`
}

type jsonHit struct {
	Kind    string  `json:"kind"`
	ID      string  `json:"id"`
	Title   string  `json:"title"`
	Snippet string  `json:"snippet"`
	Rank    float64 `json:"rank"`
	Why     string  `json:"why"`
}

// sampleStamp is every sample record's created and updated time: 09:00 in Tokyo on Monday
// 20 June 2016, in UTC as the docs say record timestamps are written.
const sampleStamp = "2016-06-20T00:00:00Z"

// decodeJSON parses out as exactly one JSON array of T, refusing unknown fields and anything
// after the array.
func decodeJSON[T any](t *testing.T, out string) []T {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	var v []T
	require.NoError(t, dec.Decode(&v), "the output is one array in the documented shape:\n%s", out)
	require.NotNil(t, v, "an array, never null")
	var extra json.RawMessage
	require.True(t, errors.Is(dec.Decode(&extra), io.EOF), "nothing follows the array:\n%s", out)
	return v
}

// listJSON runs `parley list --json kind` and decodes what it prints.
func listJSON[T any](t *testing.T, db, kind string) []T {
	t.Helper()
	code, out, errOut := run(t, "list", "--db", db, "--json", kind)
	require.Equal(t, 0, code, errOut)
	assert.Empty(t, errOut)
	return decodeJSON[T](t, out)
}

// ids is the id of each record, in order.
func ids[T any](records []T, id func(T) string) []string {
	out := make([]string, len(records))
	for i, r := range records {
		out[i] = id(r)
	}
	return out
}

// indexBy maps each record by its id.
func indexBy[T any](records []T, id func(T) string) map[string]T {
	out := make(map[string]T, len(records))
	for _, r := range records {
		out[id(r)] = r
	}
	return out
}

// eachListed hands check every record of want with the listed record of the same id, and
// fails, naming the record (kind, id and title), for one that is not listed.
func eachListed[W, G any](t *testing.T, kind string, want []W, key func(W) (id, title string),
	listed map[string]G, check func(want W, got G)) {
	t.Helper()
	for _, w := range want {
		id, title := key(w)
		got, ok := listed[id]
		if !assert.True(t, ok, "%s %s (%s) is listed", kind, id, title) {
			continue
		}
		check(w, got)
	}
}

func TestListJSON(t *testing.T) {
	db := sampleDB(t)
	d := sample.Dossier()
	meetings := listJSON[jsonMeeting](t, db, "meetings")

	// Date order, as the table: by the earliest day a date can mean, a deadline by its last.
	assert.Equal(t, []string{sample.MoscowRoundID, sample.MayAgreementID, sample.NaryshkinAbeID,
		sample.TokyoRoundID, sample.VladivostokID, sample.PutinVisitID},
		ids(meetings, func(m jsonMeeting) string { return m.ID }))

	// Every date of the sample's meetings, as the docs' table writes it.
	when := map[string]*jsonDate{
		sample.MoscowRoundID:  {Date: "2015-10", Precision: "month"},
		sample.MayAgreementID: {Date: "2016-05", Precision: "month"},
		sample.NaryshkinAbeID: {Date: "2016-06-16", Precision: "day"},
		sample.TokyoRoundID:   {Date: "2016-06-22T10:00:00+09:00", Precision: "exact", Zone: "Asia/Tokyo"},
		sample.VladivostokID:  {Date: "2016-09", Precision: "month"},
		sample.PutinVisitID:   {Date: "2016", Precision: "year", Qualifier: "by"},
	}
	byID := indexBy(meetings, func(m jsonMeeting) string { return m.ID })
	meetingKey := func(m storage.Meeting) (string, string) { return m.ID, m.Title }
	eachListed(t, "meeting", d.Meetings, meetingKey, byID, func(want storage.Meeting, got jsonMeeting) {
		assert.Equal(t, jsonMeeting{
			ID: want.ID, TrackID: want.TrackID, Title: want.Title, Format: string(want.Format),
			Status: string(want.Status), When: when[want.ID], Venue: want.Venue, City: want.City,
			Country: want.Country, Round: want.Round, PostponedFrom: got.PostponedFrom,
		}, got, want.Title)
		if want.ID == sample.PutinVisitID {
			assert.Equal(t, &jsonDate{Date: "2014", Precision: "year"}, got.PostponedFrom,
				"the date the visit had before it was postponed")
		} else {
			assert.Nil(t, got.PostponedFrom, "%s was never postponed", want.Title)
		}
	})
	assert.Equal(t, "Peace treaty consultations, round 2 — Tokyo", byID[sample.TokyoRoundID].Title)
	assert.Equal(t, sample.TrackID, byID[sample.TokyoRoundID].TrackID)
	assert.Equal(t, 2, byID[sample.TokyoRoundID].Round)

	// Dates and postponed_from are null when unknown, never left out.
	var raw []map[string]json.RawMessage
	out := runOK(t, "list", "--db", db, "--json", "meetings")
	require.NoError(t, json.Unmarshal([]byte(out), &raw))
	for _, m := range raw {
		assert.Contains(t, m, "when")
		assert.Contains(t, m, "postponed_from")
	}
}

func TestListJSONActors(t *testing.T) {
	db := sampleDB(t)
	d := sample.Dossier()
	actors := listJSON[jsonActor](t, db, "actors")
	require.Len(t, actors, len(d.Actors))
	names := ids(actors, func(a jsonActor) string { return a.Name })
	assert.True(t, slices.IsSorted(names), "sorted by name: %v", names)

	byID := indexBy(actors, func(a jsonActor) string { return a.ID })
	actorKey := func(a storage.Actor) (string, string) { return a.ID, a.Name }
	eachListed(t, "actor", d.Actors, actorKey, byID, func(want storage.Actor, got jsonActor) {
		assert.Equal(t, string(want.Kind), got.Kind, want.Name)
		assert.Equal(t, want.Name, got.Name)
		assert.Equal(t, want.NativeName, got.NativeName, want.Name)
		assert.Equal(t, want.Title, got.Title, want.Name)
		assert.Equal(t, want.Country, got.Country, want.Name)
		assert.Equal(t, want.Organisation, got.Organisation, want.Name)
		assert.Equal(t, want.OtherNames, got.OtherNames, want.Name)
		require.Len(t, got.Posts, len(want.Posts), want.Name)
		for i, p := range want.Posts {
			assert.Equal(t, jsonPost{Title: p.Title, Organisation: p.Organisation, From: p.From.ISO(), To: p.To.ISO()},
				got.Posts[i], "%s, post %d", want.Name, i+1)
		}
		assert.Equal(t, sampleStamp, got.Created, want.Name)
		assert.Equal(t, sampleStamp, got.Updated, want.Name)
	})

	// The docs' example, field by field.
	n := byID[sample.NaryshkinID]
	assert.Equal(t, "person", n.Kind)
	assert.Equal(t, "Sergey Naryshkin", n.Name)
	assert.Equal(t, "Сергей Нарышкин", n.NativeName)
	assert.Equal(t, "Russia", n.Country)
	assert.Equal(t, "Chairman of the State Duma", n.Title)
	assert.Equal(t, []jsonPost{
		{Title: "Chairman of the State Duma", Organisation: "State Duma of the Federal Assembly of the Russian Federation", From: "2011-12"},
		{Title: "Head of the Presidential Administration", Organisation: "Office of the President of the Russian Federation", From: "2008-05", To: "2011-12"},
	}, n.Posts)
	assert.Equal(t, []jsonRelation{{ActorID: sample.PutinID, Kind: "close aide of", Note: "So described in the June 2016 report."}}, n.Relations)
	assert.Equal(t, "Игорь Моргулов", byID[sample.MorgulovID].NativeName)
	assert.Equal(t, "岸田文雄", byID[sample.KishidaID].NativeName)
}

func TestListJSONDisputes(t *testing.T) {
	db := sampleDB(t)
	disputes := listJSON[jsonDispute](t, db, "disputes")
	require.Len(t, disputes, 1)
	got := disputes[0]
	assert.Equal(t, sample.DisputeID, got.ID)
	assert.Equal(t, "Northern Territories / Southern Kurils", got.Title)
	require.Len(t, got.Names, 2)
	assert.Equal(t, []string{"Japan", "Northern Territories", "ja", "北方領土"},
		[]string{got.Names[0].Party, got.Names[0].Name, got.Names[0].Language, got.Names[0].Native})
	assert.Equal(t, []string{"Russia", "Southern Kurils", "ru", "Южные Курилы"},
		[]string{got.Names[1].Party, got.Names[1].Name, got.Names[1].Language, got.Names[1].Native})
	assert.Equal(t, "Russia", got.Administrator)
	assert.Equal(t, []string{"Japan"}, got.Claimants)
	assert.NotEmpty(t, got.Summary)
	assert.NotEmpty(t, got.Positions)

	sources := map[string]bool{sample.ArticleSourceID: true, sample.DeclarationSourceID: true, sample.ReferenceSourceID: true}
	require.NotEmpty(t, got.Facts)
	for _, f := range got.Facts {
		assert.True(t, sources[f.SourceID], "fact %q cites a sample source, not %q", f.Label, f.SourceID)
	}
	found := false
	for _, e := range got.Timeline {
		require.NotNil(t, e.When, "timeline entry %q has a date", e.Text)
		if *e.When == (jsonDate{Date: "1956-10-19", Precision: "day"}) {
			found = true
			assert.Equal(t, sample.DeclarationSourceID, e.SourceID, "the 1956 entry cites the Joint Declaration")
		}
	}
	assert.True(t, found, "the timeline has the Joint Declaration of 19 October 1956")
	assert.Equal(t, sampleStamp, got.Created)
	assert.Equal(t, sampleStamp, got.Updated)
}

func TestListJSONSources(t *testing.T) {
	db := sampleDB(t)
	d := sample.Dossier()
	sources := listJSON[jsonSource](t, db, "sources")
	require.Len(t, sources, len(d.Sources))
	published := map[string]*jsonDate{
		sample.ArticleSourceID:     {Date: "2016-06-20/2016-06-21", Qualifier: "range"},
		sample.DeclarationSourceID: {Date: "1956-10-19", Precision: "day"},
		sample.ReferenceSourceID:   {Date: "2016-06-20", Precision: "day"},
	}
	byID := indexBy(sources, func(s jsonSource) string { return s.ID })
	sourceKey := func(s storage.Source) (string, string) { return s.ID, s.Title }
	eachListed(t, "source", d.Sources, sourceKey, byID, func(want storage.Source, got jsonSource) {
		assert.Equal(t, jsonSource{
			ID: want.ID, Title: want.Title, Publisher: want.Publisher, Published: published[want.ID],
			Reference: want.Reference, Reliability: want.Reliability, Created: sampleStamp, Updated: sampleStamp,
		}, got, want.Title)
	})
	assert.Equal(t, "Japan, Russia to hold talks on territorial row this week in Tokyo", byID[sample.ArticleSourceID].Title)
}

func TestListJSONTracks(t *testing.T) {
	db := sampleDB(t)
	tracks := listJSON[jsonTrack](t, db, "tracks")
	want := sample.Dossier().Tracks[0]
	assert.Equal(t, []jsonTrack{{
		ID: sample.TrackID, Title: "Japan–Russia peace treaty talks", Parties: []string{"Japan", "Russia"},
		Summary: want.Summary, Created: sampleStamp, Updated: sampleStamp,
	}}, tracks)
}

// An empty dossier lists [] for every kind, never null or nothing.
func TestListJSONEmpty(t *testing.T) {
	db := emptyDB(t)
	for kind := range listers {
		out := runOK(t, "list", "--db", db, "--json", kind)
		assert.Equal(t, "[]\n", out, kind)
	}
}

func TestSearchJSON(t *testing.T) {
	db := sampleDB(t)
	cases := []struct {
		name, query, kind, id, title string
	}{
		{"Cyrillic", "Моргулов", "actor", sample.MorgulovID, "Igor Morgulov"},
		{"Cyrillic, any case", "моргулов", "actor", sample.MorgulovID, "Igor Morgulov"},
		{"Japanese", "北方領土", "dispute", sample.DisputeID, "Northern Territories / Southern Kurils"},
		{"Latin", "Naryshkin", "actor", sample.NaryshkinID, "Sergey Naryshkin"},
		{"a meeting", "Vladivostok", "meeting", sample.VladivostokID, "Abe–Putin meeting at the Eastern Economic Forum — Vladivostok"},
		{"a source", "Joint Declaration", "source", sample.DeclarationSourceID, "Joint Declaration by Japan and the Union of Soviet Socialist Republics"},
	}
	kinds := []string{"meeting", "actor", "dispute", "statement", "source", "track"}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := runOK(t, "search", "--db", db, "--json", c.query)
			hits := decodeJSON[jsonHit](t, out)
			require.NotEmpty(t, hits)
			var found *jsonHit
			for i, h := range hits {
				assert.Contains(t, kinds, h.Kind)
				assert.NotEmpty(t, h.ID)
				assert.NotEmpty(t, h.Title)
				assert.Contains(t, h.Snippet, "[", "snippets mark the match: %q", h.Snippet)
				assert.Contains(t, h.Snippet, "]", "snippets mark the match: %q", h.Snippet)
				if i > 0 {
					assert.LessOrEqual(t, hits[i-1].Rank, h.Rank, "best (lowest rank) first")
				}
				if h.ID == c.id && found == nil {
					found = &hits[i]
				}
			}
			require.NotNil(t, found, "%s is among the hits: %+v", c.id, hits)
			assert.Equal(t, c.kind, found.Kind)
			assert.Equal(t, c.title, found.Title)
		})
	}

	out := runOK(t, "search", "--db", db, "--json", "--limit", "1", "Japan")
	assert.Len(t, decodeJSON[jsonHit](t, out), 1, "--limit 1")

	out = runOK(t, "search", "--db", db, "--json", "zyxwvut")
	assert.Equal(t, "[]\n", out, "no match is an empty array")
}

// The JSON is the same whether the options come before or after the kind.
func TestFlagsAfterArguments(t *testing.T) {
	db := sampleDB(t)
	last := runOK(t, "list", "meetings", "--json", "--db", db)
	meetings := decodeJSON[jsonMeeting](t, last)
	require.Len(t, meetings, len(sample.Dossier().Meetings))
	assert.Contains(t, ids(meetings, func(m jsonMeeting) string { return m.ID }), sample.TokyoRoundID)
	_, first, _ := run(t, "list", "--json", "--db", db, "meetings")
	assert.Equal(t, first, last, "options first or last give the same output")
}

// streamJSON writes what writeJSON writes, a value at a time.
func TestStreamJSONLikeWriteJSON(t *testing.T) {
	type rec struct {
		ID   string `json:"id"`
		Note string `json:"note,omitempty"`
	}
	for _, c := range []struct {
		name string
		list []rec
	}{
		{"none", nil},
		{"one", []rec{{ID: "a", Note: "<b>&"}}},
		{"three", []rec{{ID: "a"}, {ID: "b", Note: "北方領土"}, {ID: "c"}}},
	} {
		t.Run(c.name, func(t *testing.T) {
			var whole, streamed bytes.Buffer
			require.NoError(t, writeJSON(&whole, c.list))
			require.NoError(t, streamJSON(&streamed, func(emit func(rec) error) error {
				for _, r := range c.list {
					if err := emit(r); err != nil {
						return err
					}
				}
				return nil
			}))
			assert.Equal(t, whole.String(), streamed.String())
		})
	}
}

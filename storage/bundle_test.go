//go:build sqlite_fts5

package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var exportTime = time.Date(2016, 6, 21, 12, 0, 0, 0, time.UTC)

func bundleOf(t *testing.T, s *Store, at time.Time) []byte {
	t.Helper()
	d, err := s.Dossier(context.Background())
	require.NoError(t, err)
	var b bytes.Buffer
	require.NoError(t, WriteBundle(&b, d, at))
	return b.Bytes()
}

// richWorld adds what buildWorld lacks: settings, a photo, a postponement, posts with ends.
func richWorld(t *testing.T, s *Store) *world {
	t.Helper()
	ctx := context.Background()
	w := buildWorld(t, s)
	require.NoError(t, s.SetSetting(ctx, "marking", "OFFICIAL-SENSITIVE"))
	a := w.kishida
	a.Photo = []byte("\xff\xd8\xff\xe0 a jpeg")
	a.Posts = []Post{{Title: "Minister for Foreign Affairs", From: PartialDate{Year: 2012, Month: 12, Day: 26}, To: PartialDate{Year: 2017, Month: 8}}}
	require.NoError(t, s.UpdateActor(ctx, &a))
	w.kishida = a
	m, err := s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	m.ICalUID = "040000008200E00074C5B7101A82E008@outlook"
	m.Calendar = CalendarEntry{Sequence: 3, Modified: time.Date(2016, 6, 1, 9, 0, 0, 0, time.UTC),
		Created: time.Date(2016, 5, 2, 8, 30, 0, 0, time.UTC), Synced: time.Date(2016, 6, 2, 10, 0, 0, 0, time.UTC),
		Transp: "OPAQUE", Class: "CONFIDENTIAL"}
	m.Brief = BriefControl{Reference: "EAD/JPN/2016/014", Drafter: "J. Smith, Japan desk", Drafted: PartialDate{Year: 2016, Month: 6, Day: 10},
		ClearedBy: "Head of East Asia Department", Cleared: PartialDate{Year: 2016, Month: 6, Day: 14},
		Distribution: []string{"Foreign Secretary's office", "Embassy Tokyo"}}
	m.Participants[0].Principal = true
	require.NoError(t, s.UpdateMeeting(ctx, &m))
	w.tokyo = m
	require.NoError(t, s.ChangeMeetingStatusOn(ctx, w.visit.ID, StatusPostponed, "annexation of Crimea", w.source.ID,
		PartialDate{Year: 2014, Month: 3}))
	issuePacks(t, s, w.tokyo.ID)
	return w
}

// issuePacks issues version 1, version 2 and addendum 1 to version 2 of a meeting's pack,
// an hour apart, each carrying different items.
func issuePacks(t *testing.T, s *Store, meetingID string) []PackIssue {
	t.Helper()
	ctx := context.Background()
	at := time.Date(2016, 6, 18, 9, 0, 0, 125e6, time.UTC)
	var out []PackIssue
	for i, is := range []struct {
		addendum bool
		upTo     string
		copies   int
		items    []IssuedItem
	}{
		{false, "", 1, []IssuedItem{{Part: "Objectives", Text: "Agree the agenda for Vladivostok"}}},
		{false, "OFFICIAL", 5, []IssuedItem{{Part: "Objectives", Text: "Agree the agenda for Vladivostok"},
			{Part: "Lines to take", Text: "Japan seeks a solution acceptable to both sides"}}},
		{true, "OFFICIAL", 5, []IssuedItem{{Part: "Lines to take", Text: "(OS) Japan will not discuss two islands alone.\nNot for the press."}}},
	} {
		p, err := s.IssuePack(ctx, PackIssue{MeetingID: meetingID, Issued: at.Add(time.Duration(i) * time.Hour),
			Reference: "EAD/JPN/2016/014", UpTo: is.upTo, Marking: "OFFICIAL-SENSITIVE", Copies: is.copies}, is.addendum,
			func(PackIssue, []PackIssue) ([]IssuedItem, error) { return is.items, nil })
		require.NoError(t, err)
		out = append(out, p)
	}
	return out
}

func TestBundleRoundTrip(t *testing.T) {
	ctx := context.Background()
	src, _ := newStore(t)
	w := richWorld(t, src)
	first := bundleOf(t, src, exportTime)

	d, err := ReadBundle(bytes.NewReader(first))
	require.NoError(t, err)
	dst, _ := newStore(t)
	rep, err := dst.ImportDossier(ctx, d)
	require.NoError(t, err)
	assert.Equal(t, ImportReport{
		Tracks: ImportCounts{Created: 1}, Sources: ImportCounts{Created: 1}, Actors: ImportCounts{Created: 3},
		Disputes: ImportCounts{Created: 1}, Meetings: ImportCounts{Created: 4}, Statements: ImportCounts{Created: 1},
		PackIssues: ImportCounts{Created: 3}, Settings: 1,
	}, rep)

	second := bundleOf(t, dst, exportTime)
	assert.Equal(t, string(first), string(second), "export → import → export gives the same bundle")

	later := bundleOf(t, dst, exportTime.Add(time.Hour))
	diff := 0
	fl, ll := strings.Split(string(first), "\n"), strings.Split(string(later), "\n")
	require.Equal(t, len(fl), len(ll))
	for i := range fl {
		if fl[i] != ll[i] {
			diff++
			assert.Contains(t, fl[i], `"exported"`)
		}
	}
	assert.Equal(t, 1, diff, "only the export time differs")

	// The bundle reads as documented.
	var head map[string]any
	require.NoError(t, json.Unmarshal(first, &head))
	assert.Equal(t, "parley-bundle", head["format"])
	assert.Equal(t, float64(4), head["version"])
	assert.Contains(t, string(first), `"class": "CONFIDENTIAL"`, "the calendar entry travels with the meeting")
	got, err := dst.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, w.tokyo.Calendar, got.Calendar)
	assert.Equal(t, w.tokyo.Brief, got.Brief, "the brief's document control travels with the meeting")
	assert.True(t, got.Participants[0].Principal)
	visit, err := dst.Meeting(ctx, w.visit.ID)
	require.NoError(t, err)
	last, _ := visit.LastPostponement()
	assert.Equal(t, PartialDate{Year: 2014, Month: 3}, last.Happened, "a status change keeps the date it happened")

	issues, err := dst.PackIssues(ctx, w.tokyo.ID)
	require.NoError(t, err)
	want, err := src.PackIssues(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, want, issues, "the registry of issued packs travels")

	// A version 1 bundle (before meetings had a calendar entry) still reads.
	v1 := strings.Replace(string(first), `"version": 4`, `"version": 1`, 1)
	_, err = ReadBundle(strings.NewReader(v1))
	assert.NoError(t, err)
	assert.Equal(t, "2016-06-21T12:00:00Z", head["exported"])
	assert.True(t, bytes.HasPrefix(first, []byte("{\n  \"format\": \"parley-bundle\",\n")), "indented by two spaces")

	// Searching works in the imported copy.
	hits, err := dst.Search(ctx, "北方領土", 5)
	require.NoError(t, err)
	assert.NotEmpty(t, hits)
}

func TestImportTwiceChangesNothing(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	richWorld(t, s)
	d, err := s.Dossier(ctx)
	require.NoError(t, err)
	before := bundleOf(t, s, exportTime)
	rep, err := s.ImportDossier(ctx, d)
	require.NoError(t, err)
	assert.Equal(t, ImportCounts{Unchanged: 4}, rep.Meetings)
	assert.Equal(t, ImportCounts{Unchanged: 3}, rep.Actors)
	assert.Equal(t, ImportCounts{Unchanged: 3}, rep.PackIssues)
	assert.Equal(t, 0, rep.Settings)
	assert.Equal(t, string(before), string(bundleOf(t, s, exportTime)))
}

func TestImportNewerWins(t *testing.T) {
	ctx := context.Background()
	s, clk := newStore(t)
	w := buildWorld(t, s)
	d, err := s.Dossier(ctx)
	require.NoError(t, err)

	for i := range d.Meetings {
		switch d.Meetings[i].ID {
		case w.tokyo.ID:
			d.Meetings[i].Title = "Tokyo round (edited on the other laptop)"
			d.Meetings[i].Updated = d.Meetings[i].Updated.Add(time.Hour)
		case w.moscow.ID:
			d.Meetings[i].Title = "an older edit"
			d.Meetings[i].Updated = d.Meetings[i].Updated.Add(-time.Hour)
		}
	}
	newActor := Actor{ID: "a-new-actor", Kind: ActorPerson, Name: "Sergei Naryshkin", Created: clk.t, Updated: clk.t}
	d.Actors = append(d.Actors, newActor)

	rep, err := s.ImportDossier(ctx, d)
	require.NoError(t, err)
	assert.Equal(t, ImportCounts{Updated: 1, Unchanged: 3}, rep.Meetings)
	assert.Equal(t, ImportCounts{Created: 1, Unchanged: 3}, rep.Actors)
	assert.Contains(t, rep.String(), "meetings: 0 created, 1 updated, 3 unchanged")

	m, err := s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, "Tokyo round (edited on the other laptop)", m.Title)
	assert.Equal(t, w.tokyo.Participants, m.Participants)
	m, err = s.Meeting(ctx, w.moscow.ID)
	require.NoError(t, err)
	assert.Equal(t, "Moscow round", m.Title)
	hits, err := s.Search(ctx, "other laptop", 5)
	require.NoError(t, err)
	assert.Len(t, hits, 1, "the index follows imports")
}

func TestImportForwardReferences(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	d := &Dossier{
		Actors: []Actor{
			{ID: "a1", Kind: ActorPerson, Name: "Aide", Relations: []Relation{{ActorID: "a2", Kind: "close aide of"}}},
			{ID: "a2", Kind: ActorPerson, Name: "Minister"},
		},
		Meetings: []Meeting{
			{ID: "m2", Title: "Second round", Status: StatusHeld, PreviousRoundID: "m3"},
			{ID: "m3", Title: "First round", Status: StatusHeld, Participants: []Participant{{ActorID: "a2", Role: RoleHead}}},
		},
		Settings: map[string]string{"marking": "RESTRICTED"},
	}
	_, err := s.ImportDossier(ctx, d)
	require.NoError(t, err)
	m, err := s.Meeting(ctx, "m2")
	require.NoError(t, err)
	assert.Equal(t, "m3", m.PreviousRoundID)
	assert.False(t, m.Created.IsZero(), "records without timestamps get the import's time")
	v, err := s.Setting(ctx, "marking")
	require.NoError(t, err)
	assert.Equal(t, "RESTRICTED", v)

	// A setting already made here is kept.
	d.Settings["marking"] = "SECRET"
	rep, err := s.ImportDossier(ctx, d)
	require.NoError(t, err)
	assert.Equal(t, 0, rep.Settings)
	v, err = s.Setting(ctx, "marking")
	require.NoError(t, err)
	assert.Equal(t, "RESTRICTED", v)
}

func TestRefusedImportLeavesDatabaseUnchanged(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	before, err := s.Dossier(ctx)
	require.NoError(t, err)
	beforeBundle := bundleOf(t, s, exportTime)

	good := func() *Dossier {
		return &Dossier{
			Tracks:  []Track{{ID: "t-new", Title: "New track"}},
			Actors:  []Actor{{ID: "a-new", Kind: ActorPerson, Name: "New actor"}},
			Sources: []Source{{ID: "s-new", Title: "New source"}},
			Meetings: []Meeting{
				{ID: w.tokyo.ID, Title: "Tokyo round, renamed", Status: StatusHeld, Updated: time.Now().Add(time.Hour)},
				{ID: "m-new", Title: "New meeting", Status: StatusProposed, TrackID: "t-new"},
			},
		}
	}
	tests := []struct {
		name   string
		spoil  func(d *Dossier)
		record string
		field  string
	}{
		{"dangling participant", func(d *Dossier) {
			d.Meetings[1].Participants = []Participant{{ActorID: "ghost", Role: RoleHead}}
		}, `meeting "New meeting" (m-new)`, "participants[0].actor_id"},
		{"impossible date", func(d *Dossier) {
			d.Meetings[1].When = FuzzyDate{Kind: DateDay, From: PartialDate{2016, 13, 45}}
		}, `meeting "New meeting" (m-new)`, "when"},
		{"statement citing a missing source", func(d *Dossier) {
			d.Statements = []Statement{{ID: "st", ActorID: "a-new", Text: "Hello", SourceID: "ghost"}}
		}, `statement "Hello" (st)`, "source_id"},
		{"the same ID twice", func(d *Dossier) {
			d.Actors = append(d.Actors, Actor{ID: "a-new", Kind: ActorPerson, Name: "Twin"})
		}, `actor "Twin" (a-new)`, "id"},
		{"unknown status in history", func(d *Dossier) {
			d.Meetings[1].StatusHistory = []StatusChange{{Recorded: time.Now(), To: "adjourned"}}
		}, `meeting "New meeting" (m-new)`, "status_history[0].to"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := good()
			tt.spoil(d)
			_, err := s.ImportDossier(ctx, d)
			ve := requireValidationError(t, err)
			assert.Equal(t, tt.record, ve.Record)
			assert.Equal(t, tt.field, ve.Field)

			after, err := s.Dossier(ctx)
			require.NoError(t, err)
			assert.Equal(t, before, after)
			assert.Equal(t, string(beforeBundle), string(bundleOf(t, s, exportTime)))
		})
	}

	// The good dossier itself goes in.
	_, err = s.ImportDossier(ctx, good())
	require.NoError(t, err)
}

func TestReadBundleRefuses(t *testing.T) {
	s, w := newWorld(t)
	good := string(bundleOf(t, s, exportTime))
	tokyoWhen := `"date": "2016-06-22T10:00:00+09:00"`
	require.Contains(t, good, tokyoWhen)

	tests := []struct {
		name    string
		text    string
		message string // in the error
		record  string // for a *ValidationError
		field   string
	}{
		{"not JSON", "PK\x03\x04 a zip file", "not a Parley bundle", "", ""},
		{"JSON of something else", `{"name": "package.json"}`, "not a Parley bundle", "", ""},
		{"cut short", good[:len(good)/2], "not a Parley bundle", "", ""},
		{"newer version", strings.Replace(good, `"version": 4`, `"version": 5`, 1), "newer Parley", "", ""},
		{"version zero", strings.Replace(good, `"version": 4`, `"version": 0`, 1), "version 0", "", ""},
		{"no dossier", `{"format": "parley-bundle", "version": 2}`, "no dossier", "", ""},
		{"unknown part", strings.Replace(good, `"settings": {}`, `"settings": {}, "weather": []`, 1), `"weather"`, "", ""},
		{"day 45 of month 13", strings.Replace(good, tokyoWhen, `"date": "2016-13-45"`, 1), "2016-13-45",
			`meeting "Tokyo round" (` + w.tokyo.ID + `)`, "when"},
		{"30 February in a timeline", strings.Replace(good, `"date": "1956-10-19"`, `"date": "1956-02-30"`, 1), "1956-02-30",
			`dispute "Kuril Islands dispute" (` + w.dispute.ID + `)`, "timeline[0].when"},
		{"unknown status", strings.Replace(good, `"status": "scheduled"`, `"status": "maybe"`, 1), "maybe", "", "status"},
		{"unknown field", strings.Replace(good, `"title": "Tokyo round",`, `"title": "Tokyo round", "colour": "red",`, 1), "does not know",
			`meeting "Tokyo round" (` + w.tokyo.ID + `)`, "colour"},
		{"number for text", strings.Replace(good, `"venue": "Iikura Guest House"`, `"venue": 42`, 1), "not text",
			`meeting "Tokyo round" (` + w.tokyo.ID + `)`, "venue"},
		{"bad time zone", strings.Replace(good, `"zone": "Asia/Tokyo"`, `"zone": "Mars/Olympus"`, 1), "Mars/Olympus",
			`meeting "Tokyo round" (` + w.tokyo.ID + `)`, "when"},
		{"bad post date", strings.Replace(good, `"from": "2011-12"`, `"from": "2011-13"`, 1), "2011-13",
			`actor "Igor Morgulov" (` + w.morgulov.ID + `)`, "posts[0].from"},
		{"empty title", strings.Replace(good, `"title": "Tokyo round",`, `"title": "",`, 1), "empty",
			"meeting " + w.tokyo.ID, "title"},
		{"participant role", strings.Replace(good, `"role": "counterpart"`, `"role": "spy"`, 1), "spy",
			`meeting "Tokyo round" (` + w.tokyo.ID + `)`, "participants[1].role"},
		// Text the JSON decoder would change or a terminal would obey (issue 14).
		{"invalid UTF-8 in a title", strings.Replace(good, `"title": "Tokyo round",`, "\"title\": \"Tokyo \xff round\",", 1),
			"not valid UTF-8", "meeting", "title"},
		{"invalid UTF-8 in an ID", strings.Replace(good, `"id": "`+w.tokyo.ID+`"`, "\"id\": \""+w.tokyo.ID+"\xc3\"", 1),
			"not valid UTF-8", "meeting", "id"},
		{"half a character", strings.Replace(good, `"venue": "Iikura Guest House"`, `"venue": "Iikura \ud800 House"`, 1),
			"half a character", `meeting "Tokyo round" (` + w.tokyo.ID + `)`, "venue"},
		{"terminal escape", strings.Replace(good, `"title": "Tokyo round",`, `"title": "Tokyo\u001b[2J round",`, 1),
			"control character U+001B at character 6", "meeting", "title"},
		{"NUL", strings.Replace(good, `"venue": "Iikura Guest House"`, `"venue": "Iikura\u0000"`, 1),
			"U+0000", `meeting "Tokyo round" (` + w.tokyo.ID + `)`, "venue"},
		{"C1 control", strings.Replace(good, `"venue": "Iikura Guest House"`, `"venue": "Iikura\u009b31m"`, 1),
			"U+009B", `meeting "Tokyo round" (` + w.tokyo.ID + `)`, "venue"},
		{"title of 2,000 characters", strings.Replace(good, `"title": "Tokyo round",`, `"title": "`+strings.Repeat("北", 2000)+`",`, 1),
			"it holds 2,000 characters; the limit is 1,000", "meeting", "title"},
		{"a venue of 2 MB", strings.Replace(good, `"venue": "Iikura Guest House"`, `"venue": "`+strings.Repeat("x", 2<<20)+`"`, 1),
			"it holds 2,097,152 bytes; the limit is 1,048,576 (1 MB)", `meeting "Tokyo round" (` + w.tokyo.ID + `)`, "venue"},
		{"escape in a setting", strings.Replace(good, `"settings": {}`, `"settings": {"marking": "OFFICIAL\u001b]8;;"}`, 1),
			"U+001B", `setting "marking"`, "value"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.NotEqual(t, good, tt.text, "the test spoils the bundle")
			_, err := ReadBundle(strings.NewReader(tt.text))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.message)
			if tt.field != "" {
				ve := requireValidationError(t, err)
				assert.Equal(t, tt.field, ve.Field)
				assert.Contains(t, ve.Record, tt.record)
			}
		})
	}
}

func TestWriteBundleLeavesDossierAlone(t *testing.T) {
	d := &Dossier{
		Tracks: []Track{{ID: "b", Title: "B"}, {ID: "a", Title: "A"}},
		Actors: []Actor{{ID: "x", Kind: ActorPerson, Name: "X", Posts: []Post{{Title: "P", From: PartialDate{Year: 2001}}}}},
	}
	var b bytes.Buffer
	require.NoError(t, WriteBundle(&b, d, exportTime))
	assert.Equal(t, "b", d.Tracks[0].ID, "the caller's order stays")
	assert.Equal(t, "", d.Actors[0].Posts[0].FromText, "the caller's posts stay")
	assert.Less(t, strings.Index(b.String(), `"id": "a"`), strings.Index(b.String(), `"id": "b"`), "sorted by ID")
	assert.Contains(t, b.String(), `"from": "2001"`, "typed post dates are written")

	back, err := ReadBundle(&b)
	require.NoError(t, err)
	assert.Equal(t, PartialDate{Year: 2001}, back.Actors[0].Posts[0].From)
}

//go:build sqlite_fts5

package storage

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// bundleWriters are the two ways a bundle is written: from a dossier in memory and straight
// from the database. They give the same bytes.
var bundleWriters = []struct {
	name  string
	write func(t *testing.T, s *Store) []byte
}{
	{"WriteBundle", func(t *testing.T, s *Store) []byte { return bundleOf(t, s, exportTime) }},
	{"ExportBundle", func(t *testing.T, s *Store) []byte {
		var b bytes.Buffer
		_, err := s.ExportBundle(context.Background(), &b, exportTime, nil)
		require.NoError(t, err)
		return b.Bytes()
	}},
}

// bundleImporters are the two ways a bundle is imported: read whole, then merged, or streamed.
var bundleImporters = []struct {
	name string
	run  func(s *Store, bundle []byte) (ImportReport, error)
}{
	{"ReadBundle+ImportDossier", func(s *Store, bundle []byte) (ImportReport, error) {
		d, err := ReadBundle(bytes.NewReader(bundle))
		if err != nil {
			return ImportReport{}, err
		}
		return s.ImportDossier(context.Background(), d)
	}},
	{"ImportBundle", func(s *Store, bundle []byte) (ImportReport, error) {
		return s.ImportBundle(context.Background(), opener(bundle), nil)
	}},
}

// registry is the whole registry of issued packs, as the bundle carries it.
func registry(t *testing.T, s *Store) []PackIssue {
	t.Helper()
	d, err := s.Dossier(context.Background())
	require.NoError(t, err)
	return d.PackIssues
}

// The registry moves to a new laptop with the dossier, so that the next issue there takes the
// next number instead of starting again at version 1.
func TestBundleCarriesThePackRegistry(t *testing.T) {
	ctx := context.Background()
	for _, wr := range bundleWriters {
		for _, im := range bundleImporters {
			t.Run(wr.name+"/"+im.name, func(t *testing.T) {
				src, w := newWorld(t)
				// Two meetings, the later-sorting one issued first.
				later, earlier := w.tokyo.ID, w.moscow.ID
				if later < earlier {
					later, earlier = earlier, later
				}
				issuePacks(t, src, later)
				issuePacks(t, src, earlier)
				first := wr.write(t, src)
				assert.Less(t, strings.Index(string(first), `"pack_issues"`), strings.Index(string(first), `"settings"`))
				assert.Less(t, strings.Index(string(first), `"statements"`), strings.Index(string(first), `"pack_issues"`))

				dst, _ := newStore(t)
				rep, err := im.run(dst, first)
				require.NoError(t, err)
				assert.Equal(t, ImportCounts{Created: 6}, rep.PackIssues)
				assert.Contains(t, rep.String(), "pack issues: 6 created, 0 updated, 0 unchanged; settings:")
				for _, id := range []string{earlier, later} {
					want, err := src.PackIssues(ctx, id)
					require.NoError(t, err)
					got, err := dst.PackIssues(ctx, id)
					require.NoError(t, err)
					require.Len(t, got, 3)
					assert.Equal(t, want, got)
				}
				all := registry(t, dst)
				require.Len(t, all, 6)
				assert.Equal(t, []string{earlier, earlier, earlier, later, later, later},
					[]string{all[0].MeetingID, all[1].MeetingID, all[2].MeetingID, all[3].MeetingID, all[4].MeetingID, all[5].MeetingID})
				assert.Equal(t, "addendum 1 to version 2", all[2].Label(), "in order of meeting, version, addendum")

				for _, other := range bundleWriters {
					assert.Equal(t, string(first), string(other.write(t, dst)), "export → import → export (%s) gives the same bundle", other.name)
				}

				// A second import changes nothing.
				again, err := im.run(dst, first)
				require.NoError(t, err)
				assert.Equal(t, ImportReport{
					Tracks: ImportCounts{Unchanged: 1}, Sources: ImportCounts{Unchanged: 1}, Actors: ImportCounts{Unchanged: 3},
					Disputes: ImportCounts{Unchanged: 1}, Meetings: ImportCounts{Unchanged: 4}, Statements: ImportCounts{Unchanged: 1},
					PackIssues: ImportCounts{Unchanged: 6},
				}, again)
				assert.Equal(t, string(first), string(wr.write(t, dst)))

				// The next issue on the new laptop follows the registry.
				next, err := dst.IssuePack(ctx, PackIssue{MeetingID: later}, false,
					func(PackIssue, []PackIssue) ([]IssuedItem, error) { return nil, nil })
				require.NoError(t, err)
				assert.Equal(t, "version 3", next.Label())
			})
		}
	}
}

// An issue is never changed: one the database has already stays as it is, even when the
// bundle's copy says otherwise; the others are added. An issue may belong to a meeting that
// is in the database but not in the bundle.
func TestImportKeepsIssuesAlreadyStored(t *testing.T) {
	ctx := context.Background()
	for _, im := range bundleImporters {
		t.Run(im.name, func(t *testing.T) {
			src, w := newWorld(t)
			dst, _ := newStore(t)
			_, err := im.run(dst, bundleOf(t, src, exportTime))
			require.NoError(t, err)
			mine, err := dst.IssuePack(ctx, PackIssue{MeetingID: w.tokyo.ID, Copies: 9, Marking: "SECRET"}, false,
				func(PackIssue, []PackIssue) ([]IssuedItem, error) {
					return []IssuedItem{{Part: "Purpose", Text: "issued on this laptop"}}, nil
				})
			require.NoError(t, err)
			require.Equal(t, "version 1", mine.Label())

			issued := issuePacks(t, src, w.tokyo.ID)
			var b bytes.Buffer
			// Only the registry: the meeting is in the database.
			require.NoError(t, WriteBundle(&b, &Dossier{PackIssues: issued}, exportTime))
			rep, err := im.run(dst, b.Bytes())
			require.NoError(t, err)
			assert.Equal(t, ImportCounts{Created: 2, Unchanged: 1}, rep.PackIssues)

			got, err := dst.PackIssues(ctx, w.tokyo.ID)
			require.NoError(t, err)
			require.Len(t, got, 3)
			assert.Equal(t, mine, got[0], "the stored version 1 stays")
			assert.Equal(t, issued[1:], got[1:])
		})
	}
}

// An issue that is wrong, or refers to a meeting that is nowhere, refuses the whole bundle
// with the issue and the field named, and leaves the database as it was.
func TestImportRefusesBadPackIssues(t *testing.T) {
	ctx := context.Background()
	src, w := newWorld(t)
	issuePacks(t, src, w.tokyo.ID)
	d, err := src.Dossier(ctx)
	require.NoError(t, err)
	good := string(bundleOf(t, src, exportTime))
	tokyo := w.tokyo.ID
	v1 := `pack issue "version 1" of meeting ` + tokyo
	v2 := `pack issue "version 2" of meeting ` + tokyo
	add1 := `pack issue "addendum 1 to version 2" of meeting ` + tokyo

	// spoil changes the dossier and writes it as a bundle.
	spoil := func(f func(is []PackIssue) []PackIssue) string {
		c := d.clone()
		c.PackIssues = f(c.PackIssues)
		var b bytes.Buffer
		require.NoError(t, WriteBundle(&b, c, exportTime))
		return b.String()
	}
	tests := []struct {
		name, text, message, record, field string
	}{
		{"a meeting that is nowhere", spoil(func(is []PackIssue) []PackIssue { is[0].MeetingID = "ghost"; return is }),
			"no meeting has the ID ghost", `pack issue "version 1" of meeting ghost`, "meeting_id"},
		{"no meeting", spoil(func(is []PackIssue) []PackIssue { is[0].MeetingID = ""; return is }),
			"it is empty", `pack issue "version 1"`, "meeting_id"},
		{"version 0", spoil(func(is []PackIssue) []PackIssue { is[0].Version = 0; return is }),
			"0 is not a version number", `pack issue "version 0" of meeting ` + tokyo, "version"},
		{"a negative addendum", spoil(func(is []PackIssue) []PackIssue { is[2].Addendum = -1; return is }),
			"-1 is negative", v2, "addendum"},
		{"no copies", spoil(func(is []PackIssue) []PackIssue { is[1].Copies = 0; return is }),
			"an issue has at least one", v2, "copies"},
		{"no time of issue", spoil(func(is []PackIssue) []PackIssue { is[1].Issued = time.Time{}; return is }),
			"the time of the issue is missing", v2, "issued"},
		{"the same issue twice", spoil(func(is []PackIssue) []PackIssue { return append(is, is[2]) }),
			"the same meeting, version and addendum", add1, "version"},
		{"issued left out", strings.Replace(good, `"issued": "2016-06-18T09:00:00.125Z",`, ``, 1),
			"the time of the issue is missing", v1, "issued"},
		{"issued not a time", strings.Replace(good, `"issued": "2016-06-18T09:00:00.125Z"`, `"issued": "Saturday"`, 1),
			"not a time", v1, "issued"},
		{"copies as text", strings.Replace(good, `"copies": 1`, `"copies": "one"`, 1),
			"not a number", v1, "copies"},
		{"a field Parley does not know", strings.Replace(good, `"copies": 1`, `"copies": 1, "colour": "red"`, 1),
			"does not know", v1, "colour"},
		{"a version that is no number", strings.Replace(good, `"version": 1,`, `"version": 1.5,`, 1),
			"not a number", "pack issue number 1 in the file", "version"},
		{"terminal escape in an item", strings.Replace(good, `Not for the press.`, `Not for the press.\u001b[2J`, 1),
			"control character U+001B", add1, "items[0].text"},
		{"invalid UTF-8 in the marking", strings.Replace(good, `"marking": "OFFICIAL-SENSITIVE"`, "\"marking\": \"OFFICIAL\xff\"", 1),
			"not valid UTF-8", v1, "marking"},
		{"an item of 2 MB", strings.Replace(good, `Not for the press.`, strings.Repeat("x", 2<<20), 1),
			"the limit is 1,048,576 (1 MB)", add1, "items[0].text"},
		{"a part named in 2,000 characters", strings.Replace(good, `"part": "Lines to take"`, `"part": "`+strings.Repeat("章", 2000)+`"`, 1),
			"it holds 2,000 characters; the limit is 1,000", v2, "items[1].part"},
		{"an audience named in 2,000 characters", strings.Replace(good, `"up_to": "OFFICIAL"`, `"up_to": "`+strings.Repeat("O", 2000)+`"`, 1),
			"the limit is 1,000", v2, "up_to"},
	}
	for _, im := range bundleImporters {
		for _, tt := range tests {
			t.Run(im.name+"/"+tt.name, func(t *testing.T) {
				require.NotEqual(t, good, tt.text, "the test spoils the bundle")
				// The laptop has the dossier already, without the registry.
				dst, _ := newStore(t)
				_, err := dst.ImportDossier(ctx, &Dossier{Tracks: d.Tracks, Sources: d.Sources, Actors: d.Actors,
					Disputes: d.Disputes, Meetings: d.Meetings, Statements: d.Statements})
				require.NoError(t, err)
				before := bundleOf(t, dst, exportTime)

				_, err = im.run(dst, []byte(tt.text))
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.message)
				ve := requireValidationError(t, err)
				assert.Equal(t, tt.record, ve.Record)
				assert.Equal(t, tt.field, ve.Field)
				assert.Equal(t, string(before), string(bundleOf(t, dst, exportTime)), "the database is as it was")
				assert.Empty(t, registry(t, dst))
			})
		}
	}
}

// A bundle written before the registry travelled (version 2, or 1) has no "pack_issues": it
// still imports, and leaves the registry as it is.
func TestBundleWithoutPackIssuesStillImports(t *testing.T) {
	src, w := newWorld(t)
	current := string(bundleOf(t, src, exportTime))
	require.Contains(t, current, `"version": 4`)
	v2 := strings.Replace(strings.Replace(current, `"version": 4`, `"version": 2`, 1), ",\n    \"pack_issues\": []", "", 1)
	require.NotContains(t, v2, "pack_issues")
	v1 := strings.Replace(v2, `"version": 2`, `"version": 1`, 1)
	issued := issuePacks(t, src, w.tokyo.ID)

	for _, im := range bundleImporters {
		for _, c := range []struct{ name, text string }{{"version 2", v2}, {"version 1", v1}} {
			t.Run(im.name+"/"+c.name, func(t *testing.T) {
				dst, _ := newStore(t)
				rep, err := im.run(dst, []byte(c.text))
				require.NoError(t, err)
				assert.Equal(t, ImportCounts{Created: 4}, rep.Meetings)
				assert.Equal(t, ImportCounts{}, rep.PackIssues)
				assert.Empty(t, registry(t, dst))

				// Into the database it came from, which has issued packs since: they stay.
				rep, err = im.run(src, []byte(c.text))
				require.NoError(t, err)
				assert.Equal(t, ImportCounts{Unchanged: 4}, rep.Meetings)
				assert.Equal(t, issued, registry(t, src))
			})
		}
	}
}

// An issue whose row cannot be read (changed outside Parley) is left out of a streamed export
// and named, as other records are; the rest of the registry is exported.
func TestExportBundleLeavesOutAnUnreadableIssue(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	issuePacks(t, s, w.tokyo.ID)
	_, err := s.db.ExecContext(ctx, `UPDATE pack_issues SET items = '[{"part": ' WHERE meeting_id = ? AND version = 2 AND addendum = 0`, w.tokyo.ID)
	require.NoError(t, err)

	var b bytes.Buffer
	n, err := s.ExportBundle(ctx, &b, exportTime, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, n.PackIssues)
	require.Len(t, n.Skipped, 1)
	assert.Equal(t, BadRow{Kind: "pack issue", ID: "version 2 of meeting " + w.tokyo.ID, Problem: n.Skipped[0].Problem}, n.Skipped[0])
	assert.Contains(t, n.Skipped[0].Problem, "the items of")

	d, err := ReadBundle(&b)
	require.NoError(t, err)
	require.Len(t, d.PackIssues, 2)
	assert.Equal(t, []string{"version 1", "addendum 1 to version 2"}, []string{d.PackIssues[0].Label(), d.PackIssues[1].Label()})
}

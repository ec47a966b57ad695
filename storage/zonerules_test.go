//go:build sqlite_fts5

package storage

import (
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// ownRules is a daylight saving no IANA zone has: +04 in winter, +05 from the first Sunday of
// April to the first Sunday of November at 02:00 local, for 2015 to 2018.
func ownRules() ZoneRules {
	r := ZoneRules{Initial: ZoneOffset{Offset: 4 * 3600, Abbr: "+04"}}
	for y := 2015; y <= 2018; y++ {
		r.Changes = append(r.Changes,
			ZoneChange{At: firstSunday(y, time.April).Add(2*time.Hour - 4*time.Hour), Offset: 5 * 3600, Abbr: "+05", DST: true},
			ZoneChange{At: firstSunday(y, time.November).Add(2*time.Hour - 5*time.Hour), Offset: 4 * 3600, Abbr: "+04"})
	}
	return r
}

func firstSunday(y int, m time.Month) time.Time {
	d := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	for d.Weekday() != time.Sunday {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// forgetDefinedZones empties the process's zones of Parley's own, as a new process starts.
func forgetDefinedZones(t *testing.T) {
	t.Helper()
	definedZones.Range(func(k, _ any) bool { definedZones.Delete(k); return true })
}

// TestDefinedZoneFollowsItsRules: a zone of Parley's own gives the offsets and abbreviations
// of its rules on both sides of every change, and is named after them.
func TestDefinedZoneFollowsItsRules(t *testing.T) {
	name, err := DefineZone("Customized Time Zone", ownRules())
	require.NoError(t, err)
	assert.Regexp(t, `^Customized Time Zone \[[0-9a-f]{6}\]$`, name)
	loc, err := LoadZone(name)
	require.NoError(t, err)
	for _, tc := range []struct {
		utc        string
		wall, abbr string
	}{
		{"2014-07-01T06:00:00Z", "10:00", "+04"}, // before the first change: the initial offset
		{"2016-04-02T06:00:00Z", "10:00", "+04"},
		{"2016-04-03T21:59:59Z", "02:59", "+05"}, // the change at 02:00 local, 3 Apr 2016
		{"2016-07-01T05:00:00Z", "10:00", "+05"},
		{"2016-11-05T05:00:00Z", "10:00", "+05"},
		{"2016-11-17T06:00:00Z", "10:00", "+04"}, // after the change of 6 Nov
		{"2030-07-01T06:00:00Z", "10:00", "+04"}, // after the last change it holds on
	} {
		u, err := time.Parse(time.RFC3339, tc.utc)
		require.NoError(t, err)
		abbr, _ := u.In(loc).Zone()
		assert.Equal(t, tc.wall, u.In(loc).Format("15:04"), tc.utc)
		assert.Equal(t, tc.abbr, abbr, tc.utc)
	}

	again, err := DefineZone("Customized   Time Zone", ownRules())
	require.NoError(t, err)
	assert.Equal(t, name, again, "the same rules, the same name")
	other := ownRules()
	other.Changes = other.Changes[:2]
	otherName, err := DefineZone("Customized Time Zone", other)
	require.NoError(t, err)
	assert.NotEqual(t, name, otherName, "other rules under the same TZID get a name of their own")
	back, err := DefineZone(name, other)
	require.NoError(t, err)
	assert.Equal(t, otherName, back, "a name Parley gave, coming back with other rules, keeps one fingerprint")
}

// TestZoneRulesRefused: rules that cannot mean a zone, or that do not match their name, are
// refused with a sentence.
func TestZoneRulesRefused(t *testing.T) {
	good := ownRules()
	good.Name = zoneName("Customized Time Zone", good)
	for _, tc := range []struct {
		name   string
		change func(*ZoneRules)
		want   string
	}{
		{"rules changed under their name", func(r *ZoneRules) { r.Changes[0].Offset = 6 * 3600 }, "not the ones its name stands for"},
		{"no fingerprint", func(r *ZoneRules) { r.Name = "Customized Time Zone" }, "fingerprint"},
		{"an offset of a day", func(r *ZoneRules) { r.Initial.Offset = 86400; r.Name = zoneName("X", *r) }, "more than 18 hours"},
		{"changes out of order", func(r *ZoneRules) {
			r.Changes[0], r.Changes[1] = r.Changes[1], r.Changes[0]
			r.Name = zoneName("X", *r)
		}, "not in order"},
		{"an abbreviation with a space", func(r *ZoneRules) { r.Changes[0].Abbr = "Summer time"; r.Name = zoneName("X", *r) }, "abbreviation"},
		{"a change in the year 1000", func(r *ZoneRules) {
			r.Changes[0].At = time.Date(1000, 1, 1, 0, 0, 0, 0, time.UTC)
			r.Name = zoneName("X", *r)
		}, "outside the years"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := good
			r.Changes = append([]ZoneChange(nil), good.Changes...)
			tc.change(&r)
			err := checkZone(r)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			requireValidationError(t, err)
		})
	}
	require.NoError(t, checkZone(good))
}

// TestDefinedZoneKeptWithTheDossier: a meeting in a zone of Parley's own keeps it in the
// database and in bundles: after reopening (a new process knows no zones), a change of time
// made in Parley follows the zone's rules, and a bundle carries the zone to another dossier.
func TestDefinedZoneKeptWithTheDossier(t *testing.T) {
	ctx := context.Background()
	name, err := DefineZone("Customized Time Zone", ownRules())
	require.NoError(t, err)
	rules, _ := DefinedZone(name)
	path := filepath.Join(t.TempDir(), "parley.db")
	s, err := Open(ctx, path)
	require.NoError(t, err)
	when := mustDate(t, "2016-10-27 10:00 "+name)
	assert.Equal(t, "2016-10-27T05:00:00Z", when.At.UTC().Format(time.RFC3339))
	m := Meeting{ID: "m1", Title: "Working group", Status: StatusScheduled, When: when}
	_, err = s.ImportDossier(ctx, &Dossier{Zones: []ZoneRules{rules}, Meetings: []Meeting{m}})
	require.NoError(t, err)
	require.NoError(t, s.Close())

	forgetDefinedZones(t)
	s, err = Open(ctx, path)
	require.NoError(t, err)
	defer s.Close()
	got, err := s.Meeting(ctx, "m1")
	require.NoError(t, err)
	assert.Equal(t, "2016-10-27 10:00 "+name, got.When.Text())
	assert.Equal(t, "Thu 27 Oct 2016, 10:00 +05", got.When.String())

	// Moved in Parley to after the zone's change of 6 November: 10:00 there is 06:00 UTC.
	got.When = mustDate(t, "2016-11-17 10:00 "+name)
	require.NoError(t, s.UpdateMeeting(ctx, &got))
	got, err = s.Meeting(ctx, "m1")
	require.NoError(t, err)
	assert.Equal(t, "2016-11-17T06:00:00Z", got.When.At.UTC().Format(time.RFC3339))
	assert.Equal(t, "Thu 17 Nov 2016, 10:00 +04", got.When.String())

	// The bundle, streamed or from memory, carries the zone before the meetings.
	var streamed, written bytes.Buffer
	exported := time.Date(2016, 12, 1, 0, 0, 0, 0, time.UTC)
	_, err = s.ExportBundle(ctx, &streamed, exported, nil)
	require.NoError(t, err)
	d, err := s.Dossier(ctx)
	require.NoError(t, err)
	require.Len(t, d.Zones, 1)
	require.NoError(t, WriteBundle(&written, d, exported))
	assert.Equal(t, written.String(), streamed.String())
	assert.Less(t, strings.Index(streamed.String(), `"zones"`), strings.Index(streamed.String(), `"meetings"`))

	for _, tc := range []struct {
		name string
		load func(*Store, []byte) error
	}{
		{"streamed import", func(dst *Store, b []byte) error {
			_, err := dst.ImportBundle(ctx, func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }, nil)
			return err
		}},
		{"dossier import", func(dst *Store, b []byte) error {
			forgetDefinedZones(t)
			d, err := ReadBundle(bytes.NewReader(b))
			if err != nil {
				return err
			}
			_, err = dst.ImportDossier(ctx, d)
			return err
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dst, _ := newStore(t)
			forgetDefinedZones(t)
			require.NoError(t, tc.load(dst, streamed.Bytes()))
			other, err := dst.Meeting(ctx, "m1")
			require.NoError(t, err)
			assert.Equal(t, "Thu 17 Nov 2016, 10:00 +04", other.When.String())
			zones, err := dst.Dossier(ctx)
			require.NoError(t, err)
			assert.Equal(t, []ZoneRules{rules}, zones.Zones)
		})
	}

	t.Run("a bundle whose zone was edited is refused", func(t *testing.T) {
		dst, _ := newStore(t)
		forgetDefinedZones(t)
		tampered := strings.Replace(streamed.String(), `"offset": 18000`, `"offset": 19800`, 1)
		require.NotEqual(t, streamed.String(), tampered)
		_, err := dst.ImportBundle(ctx, func() (io.ReadCloser, error) { return io.NopCloser(strings.NewReader(tampered)), nil }, nil)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "not the ones its name stands for")
		n, err := dst.Dossier(ctx)
		require.NoError(t, err)
		assert.Empty(t, n.Meetings)
		assert.Empty(t, n.Zones)
	})
}

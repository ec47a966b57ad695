//go:build sqlite_fts5

package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pngClaiming is the start of a PNG whose header claims width×height pixels: a few dozen
// bytes that a viewer would try to give gigabytes.
func pngClaiming(width, height uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], width)
	binary.BigEndian.PutUint32(ihdr[4:], height)
	ihdr[8], ihdr[9] = 8, 6 // 8 bits, RGBA
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func TestPhotoDimensions(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	var small bytes.Buffer
	require.NoError(t, png.Encode(&small, image.NewRGBA(image.Rect(0, 0, 64, 80))))
	for _, c := range []struct {
		name  string
		photo []byte
		says  string // "" when accepted
	}{
		{"a portrait", small.Bytes(), ""},
		{"60000 × 60000 in 45 bytes", pngClaiming(60000, 60000), "the photo is 60000×60000 pixels; the limit is 4096 pixels on a side"},
		{"one side too long", pngClaiming(100, 5000), "100×5000 pixels"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := Actor{Kind: ActorPerson, Name: "Igor Morgulov", Photo: c.photo}
			err := s.CreateActor(ctx, &a)
			if c.says == "" {
				assert.NoError(t, err)
				return
			}
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "photo", ve.Field)
			assert.Contains(t, ve.Reason, c.says)
		})
	}
}

// TestLimitsAtEveryWrite: what a bundle may not hold, a write through the store (the window's
// forms, a calendar import) may not either — the same limits, the field named as the window
// marks it, the limit said.
func TestLimitsAtEveryWrite(t *testing.T) {
	ctx := context.Background()
	s, w := newWorld(t)
	long := strings.Repeat("北", MaxNameChars+1)
	huge := strings.Repeat("x", MaxTextBytes+1)
	for _, c := range []struct {
		name   string
		write  func() error
		field  string
		reason string
	}{
		{"a meeting's title", func() error { m := w.tokyo; m.Title = long; return s.UpdateMeeting(ctx, &m) },
			"title", "it holds 1,001 characters; the limit is 1,000"},
		{"a meeting's purpose", func() error { m := w.tokyo; m.Purpose = huge; return s.UpdateMeeting(ctx, &m) },
			"purpose", "the limit is 1,048,576 (1 MB)"},
		{"a line to take", func() error {
			m := w.tokyo
			m.LinesToTake = []Line{{Text: huge}}
			return s.UpdateMeeting(ctx, &m)
		}, "lines_to_take[0].text", "1 MB"},
		{"a meeting of 2^62 minutes", func() error { m := w.tokyo; m.DurationMinutes = 1 << 62; return s.UpdateMeeting(ctx, &m) },
			"duration_minutes", "the limit is 527,040 (a year)"},
		{"a meeting on 9999-12-31", func() error { m := w.tokyo; m.When = OnDay(9999, 12, 31); return s.UpdateMeeting(ctx, &m) },
			"when", "year 9999 is out of range (1000 to 2999)"},
		{"an actor's name", func() error { a := w.morgulov; a.Name = long; return s.UpdateActor(ctx, &a) },
			"name", "the limit is 1,000"},
		{"a dispute's title", func() error { d := w.dispute; d.Title = long; return s.UpdateDispute(ctx, &d) },
			"title", "the limit is 1,000"},
		{"a statement's text", func() error { st := w.quote; st.Text = huge; return s.UpdateStatement(ctx, &st) },
			"text", "1 MB"},
		{"a source's title", func() error { src := w.source; src.Title = long; return s.UpdateSource(ctx, &src) },
			"title", "the limit is 1,000"},
		{"a track's title", func() error { tr := w.track; tr.Title = long; return s.UpdateTrack(ctx, &tr) },
			"title", "the limit is 1,000"},
	} {
		t.Run(c.name, func(t *testing.T) {
			ve := requireValidationError(t, c.write())
			assert.Equal(t, c.field, ve.Field)
			assert.Contains(t, ve.Reason, c.reason)
			assert.LessOrEqual(t, utf8.RuneCountInString(ve.Record), 120, "the record is named briefly, not by the over-long title")
		})
	}
	m, err := s.Meeting(ctx, w.tokyo.ID)
	require.NoError(t, err)
	assert.Equal(t, w.tokyo.Title, m.Title, "nothing was written")
}

// TestDatesThatMeanNothing: the zone Local (a different time on each laptop), a year such as
// 9999 (a stand-in for "never", whose next day no calendar can write) and a meeting of 2^62 minutes are
// refused where dates are typed and where bundles bring them.
func TestDatesThatMeanNothing(t *testing.T) {
	assertRefused(t, []refusal{
		{"2016-06-22 10:00 Local", `"Local" is not a known time zone`},
		{"22 Jun 2016 10:00 Local", `"local" is not a known time zone`},
		{"9999-12-31", "year 9999 is out of range"},
		{"by end of 9999", "year 9999 is out of range"},
		{"0999", "year 999 is out of range"},
	})
	_, err := Exact(time.Date(2016, 6, 22, 1, 0, 0, 0, time.UTC), "Local")
	assert.ErrorContains(t, err, `"Local" is not a known time zone`)
	f, err := ParseFuzzyDate("2016-06-22 10:00 Asia/Tokyo")
	require.NoError(t, err)
	assert.Equal(t, "Asia/Tokyo", f.Zone, "a real zone stays")

	for _, c := range []struct {
		name  string
		m     Meeting
		field string
	}{
		{"zone Local", Meeting{When: FuzzyDate{Kind: DateExact, At: time.Date(2016, 6, 22, 1, 0, 0, 0, time.UTC), Zone: "Local"}}, "when"},
		{"9999-12-31", Meeting{When: OnDay(9999, 12, 31)}, "when"},
		{"2^62 minutes", Meeting{DurationMinutes: 1 << 62}, "duration_minutes"},
	} {
		t.Run("bundle: "+c.name, func(t *testing.T) {
			c.m.ID, c.m.Title, c.m.Status = "m1", "Talks", StatusProposed
			c.m.Created = time.Date(2016, 6, 1, 0, 0, 0, 0, time.UTC)
			c.m.Updated = c.m.Created
			var b bytes.Buffer
			require.NoError(t, WriteBundle(&b, &Dossier{Meetings: []Meeting{c.m}}, c.m.Created))
			_, err := ReadBundle(&b)
			ve := requireValidationError(t, err)
			assert.Equal(t, c.field, ve.Field)
		})
	}
}

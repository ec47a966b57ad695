package ical_test

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/ical"
	"github.com/parley-app/parley/sample/sampletest"
	"github.com/parley-app/parley/storage"
)

// corpusOptions centre the recurrence window on 2010 with 20 years either side, so that the
// series of the corpus (written 2003–2016) come in; a user's import uses two years around today.
var corpusOptions = ical.Options{
	Read: ical.ReadOptions{Now: time.Date(2010, 1, 1, 0, 0, 0, 0, time.UTC), WindowYears: 20},
	Now:  time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC),
}

// TestCorpus imports every real calendar file of testdata/corpus into a fresh dossier: every
// file is accepted, every file with an event gives meetings, and the zones Outlook and
// Exchange define only inside the file come out as the IANA zones whose offsets agree.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob("testdata/corpus/*.ics")
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 30)
	producers := map[string]bool{}
	prodid := regexp.MustCompile(`(?mi)^PRODID:(.*?)\r?$`)
	vevent := regexp.MustCompile(`(?mi)^BEGIN:VEVENT\r?$`)
	var events, meetings, skipped, series int
	reasons := map[string]int{}
	zones := map[string]map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		if m := prodid.FindSubmatch(data); m != nil {
			p := strings.Split(string(m[1]), "//")
			key := strings.ToLower(strings.Join(p[:min(len(p), 2)], "//"))
			producers[regexp.MustCompile(`[\d.]+`).ReplaceAllString(key, "")] = true
		}
		n := len(vevent.FindAll(data, -1))
		events += n
		s := sampletest.Empty(t)
		rep, err := ical.ImportWith(context.Background(), s, strings.NewReader(string(data)), corpusOptions)
		require.NoError(t, err, f)
		if n > 0 {
			assert.Positive(t, rep.Created, "%s: %d events gave no meeting:\n%s", f, n, rep)
		}
		meetings += rep.Created
		skipped += len(rep.Skipped)
		series += rep.Series
		for _, sk := range rep.Skipped {
			r := sk.Reason
			if i := strings.IndexAny(r, "(:\""); i > 0 {
				r = r[:i]
			}
			reasons[strings.TrimSpace(r)]++
		}
		ms, err := s.Meetings(context.Background(), storage.MeetingFilter{})
		require.NoError(t, err)
		base := filepath.Base(f)
		zones[base] = map[string]bool{}
		for _, m := range ms {
			if m.When.IsExact() {
				zones[base][m.When.Zone] = true
			}
		}
	}
	assert.GreaterOrEqual(t, len(producers), 10)
	for file, want := range map[string]string{
		"exchange2010-tokyo.ics":    "Asia/Tokyo",
		"exchange2010-pacific.ics":  "America/Los_Angeles",
		"exchange2010-eastern.ics":  "America/New_York",
		"outlook-brasilia-zone.ics": "America/Sao_Paulo",
		"evolution2-arabian.ics":    "Asia/Dubai",
	} {
		assert.True(t, zones[file][want], "%s: zones %v, want %s", file, zones[file], want)
	}
	keys := make([]string, 0, len(reasons))
	for k := range reasons {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	t.Logf("corpus: %d files, %d producers, %d VEVENTs, %d series, %d meetings created, %d skipped", len(files), len(producers), events, series, meetings, skipped)
	for _, k := range keys {
		t.Logf("  skipped %d× %s", reasons[k], k)
	}
}

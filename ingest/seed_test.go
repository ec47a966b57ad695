package ingest

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
)

// seedPath is the news report the sample dossier restates. It is not in the repository
// (copyright); the test runs where the shared folder sits beside the clone and skips elsewhere.
const seedPath = "../../shared/seed/japan-russia-talks.txt"

// TestSeedArticle: on the seed, all six people with their titles, every dated event, the three
// quotes with their speakers and both names of the islands, each recognised in the sample
// dossier (updates, not duplicates).
func TestSeedArticle(t *testing.T) {
	if _, err := os.Stat(seedPath); err != nil {
		t.Skip("the seed article is not beside the repository")
	}
	r := extractFile(t, seedPath, "2016-06-20", sample.Dossier())
	w := want{Published: "2016-06-20"}
	for _, a := range [][2]string{
		{"Fumio Kishida", "Foreign Minister"}, {"Shinzo Abe", "Prime Minister"}, {"Vladimir Putin", "President"},
		{"Igor Morgulov", "Deputy Foreign Minister"}, {"Sergey Naryshkin", "Chairman of the State Duma"},
		{"Chikahito Harada", "Government representative and ambassador in charge of Japan-Russia relations"},
	} {
		w.Actors = append(w.Actors, wantActor{Name: a[0], Title: a[1]})
	}
	// The participants: the Tokyo round's are named two sentences on ("the upcoming talks
	// between …"), last Thursday's are "they" (Naryshkin and Abe).
	w.Events = []wantEvent{
		{"2016-06-22", "day", "scheduled", []string{"Chikahito Harada", "Igor Morgulov"}},
		{"2015-10", "month", "held", nil},
		{"2016-05", "month", "held", []string{"Shinzo Abe", "Vladimir Putin"}},
		{"2016-09", "month", "proposed", []string{"Shinzo Abe", "Vladimir Putin"}},
		{"2016-06-16", "day", "held", []string{"Sergey Naryshkin", "Shinzo Abe"}},
		{"2016-12-31", "by", "tentative", []string{"Vladimir Putin"}},
		{"2014", "year", "postponed", []string{"Vladimir Putin"}},
		{"2014-03", "month", "held", nil},
	}
	for _, q := range [][2]string{{"Fumio Kishida", "I hope for"}, {"Sergey Naryshkin", "The next leaders"}, {"Sergey Naryshkin", "an important factor"}} {
		w.Quotes = append(w.Quotes, wantQuote{q[0], q[1]})
	}
	w.Disputes = []wantDispute{{Names: []struct {
		Party string `json:"party"`
		Name  string `json:"name"`
	}{{"Japan", "Northern Territories"}, {"Russia", "Southern Kurils"}}}}
	sc, misses := compare(r, w)
	for _, k := range kinds {
		t.Logf("seed %-15s precision %.2f recall %.2f", k, sc[k].precision(), sc[k].recall())
	}
	assert.Empty(t, misses)
	for _, a := range r.Actors {
		assert.NotEmpty(t, a.ExistingID, "%s is in the sample dossier", a.Name)
		assert.False(t, a.NewPost, "%s's title is the sample's", a.Name)
	}
	for _, e := range r.Events {
		assert.NotEmpty(t, e.ExistingID, "%s (%s) is in the sample dossier", e.Title, e.Phrase)
	}
	require.Len(t, r.Disputes, 1)
	assert.Equal(t, sample.DisputeID, r.Disputes[0].ExistingID)
	assert.Equal(t, sample.ArticleSourceID, r.SourceExistingID)
	naryshkin := r.Actors[len(r.Actors)-1]
	require.Len(t, naryshkin.Relations, 1)
	assert.Equal(t, "close aide of", naryshkin.Relations[0].Kind)
	assert.Equal(t, "Vladimir Putin", r.Actors[naryshkin.Relations[0].Other].Name)
}

package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIngestCommand(t *testing.T) {
	dir, db := t.TempDir(), emptyDB(t)
	pdf := filepath.Join(dir, "a.pdf")
	writeFile(t, pdf, "%PDF-1.4\n")
	tests := []struct {
		name     string
		args     []string
		code     int
		inOut    string
		inStderr string
	}{
		{"json", []string{"ingest", "--db", db, "--published", "2023-03-14", "--json", "../ingest/testdata/senkaku-wire.txt"}, 0, `"Haruto Mizuno"`, ""},
		{"text", []string{"ingest", "--db", db, "--published", "2023-03-14", "../ingest/testdata/senkaku-wire.txt"}, 0, "Senkaku Islands", ""},
		{"pdf", []string{"ingest", "--db", db, pdf}, 1, "", "is a PDF"},
		{"bad date", []string{"ingest", "--db", db, "--published", "2023-13-01", "x.txt"}, 2, "", "--published"},
		{"no file", []string{"ingest", "--db", db}, 2, "", "give the article"},
		{"apply", []string{"ingest", "--db", db, "--published", "2023-03-14", "--apply", "../ingest/testdata/senkaku-wire.txt"}, 0, "Stored in", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out, errs bytes.Buffer
			assert.Equal(t, tt.code, Run(tt.args, &out, &errs), errs.String())
			assert.Contains(t, out.String(), tt.inOut)
			assert.Contains(t, errs.String(), tt.inStderr)
			if tt.name == "json" {
				var j map[string]any
				require.NoError(t, json.Unmarshal(out.Bytes(), &j))
				for _, k := range []string{"source", "actors", "events", "quotes", "disputes"} {
					assert.Contains(t, j, k)
				}
				ev := j["events"].([]any)[0].(map[string]any)
				assert.Equal(t, "2023-04", ev["date"])
				assert.Equal(t, "month", ev["precision"])
			}
		})
	}
}

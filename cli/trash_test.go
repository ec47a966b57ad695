package cli

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

func TestTrashCommand(t *testing.T) {
	db := sampleDB(t)
	out := runOK(t, "trash", "--db", db)
	assert.Equal(t, "The trash is empty.\n", out)

	withStore(t, db, func(ctx context.Context, s *storage.Store) error { return s.DeleteMeeting(ctx, sample.TokyoRoundID) })
	out = runOK(t, "trash", "--db", db)
	assert.Contains(t, out, "meeting")
	assert.Contains(t, out, "Peace treaty consultations")
	assert.Contains(t, out, "participants")
	out = runOK(t, "list", "--db", db, "meetings")
	assert.NotContains(t, out, sample.TokyoRoundID)

	out = runOK(t, "trash", "--db", db, "--json")
	var items []storage.TrashItem
	require.NoError(t, json.Unmarshal([]byte(out), &items))
	require.Len(t, items, 1)
	assert.Equal(t, sample.TokyoRoundID, items[0].RecordID)

	cases := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no number", []string{"restore"}, 2, "", "say which deletion to restore"},
		{"not a number", []string{"restore", "Tokyo"}, 2, "", "is not a number from the list"},
		{"no such number", []string{"restore", "99"}, 1, "", "The trash holds no such number"},
		{"unknown action", []string{"burn"}, 2, "", "is not something the trash does"},
		{"delete asks first", []string{"delete", "1"}, 1, "", "Run again with --yes"},
		{"empty asks first", []string{"empty"}, 1, "", "This would delete 1 deleted record for good"},
		{"restore", []string{"restore", "1"}, 0, "Restored the meeting “Peace treaty consultations", ""},
		{"restored: gone from the trash", []string{"restore", "1"}, 1, "", "The trash holds no such number"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := run(t, append([]string{"trash", "--db", db}, tc.args...)...)
			assert.Equal(t, tc.code, code, errOut)
			assert.Contains(t, out, tc.stdout)
			assert.Contains(t, errOut, tc.stderr)
		})
	}
	out = runOK(t, "list", "--db", db, "meetings")
	assert.Contains(t, out, sample.TokyoRoundID, "back in the dossier")

	withStore(t, db, func(ctx context.Context, s *storage.Store) error {
		if err := s.DeleteActor(ctx, sample.MorgulovID); err != nil {
			return err
		}
		return s.DeleteDispute(ctx, sample.DisputeID)
	})
	out = runOK(t, "trash", "--db", db, "empty", "--yes")
	assert.Equal(t, "Emptied the trash: 2 records deleted for good.\n", out)
	out = runOK(t, "trash", "--db", db)
	assert.Equal(t, "The trash is empty.\n", out)
}

package tasks

import (
	"context"
	"fmt"
	"path/filepath"
	"time"

	"github.com/parley-app/parley/storage"
)

// RestoreReport says which copy replaced the dossier and where the dossier as it was is kept.
type RestoreReport struct {
	Dossier, From, Kept string
}

func (r RestoreReport) String() string {
	return fmt.Sprintf("The dossier %s is now the copy %s. The dossier as it was is kept as %s in %s.",
		filepath.Base(r.Dossier), filepath.Base(r.From), filepath.Base(r.Kept), filepath.Dir(r.Kept))
}

// Restore brings a copy (a backup, or the copy kept before an upgrade) back as the dossier at
// dbPath (storage.Restore): the copy is checked in full first, the dossier as it was is kept
// beside it, and the dossier must not be open in a window.
func Restore(ctx context.Context, dbPath, from string, now time.Time) (RestoreReport, error) {
	kept, err := storage.Restore(ctx, dbPath, from, now)
	if err != nil {
		return RestoreReport{}, err
	}
	return RestoreReport{Dossier: dbPath, From: from, Kept: kept}, nil
}

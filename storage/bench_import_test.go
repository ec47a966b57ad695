//go:build sqlite_fts5

package storage_test

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parley-app/parley/storage"
)

// bundleOf returns the path of the bundle exported from the synthetic dossier of n meetings,
// writing it beside the dossier the first time.
func bundleOf(b *testing.B, n int) string {
	b.Helper()
	db := dossierOf(b, n)
	path := db + ".json"
	if _, err := os.Stat(path); err == nil {
		return path
	}
	ctx := context.Background()
	s, err := storage.OpenReader(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	tmp := path + ".writing"
	f, err := os.Create(tmp)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := s.ExportBundle(ctx, f, time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), nil); err != nil {
		f.Close()
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		b.Fatal(err)
	}
	return path
}

// BenchmarkImportBundle imports the bundle of each synthetic dossier as `parley import` does:
// into a new database, and again into a database that holds it already (every record met,
// none newer: the merge's lookups without its writes).
func BenchmarkImportBundle(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("%dk-meetings", n/1000), func(b *testing.B) {
			bundle := bundleOf(b, n)
			open := func() (io.ReadCloser, error) { return os.Open(bundle) }
			info, err := os.Stat(bundle)
			if err != nil {
				b.Fatal(err)
			}
			b.Run("into-new", func(b *testing.B) {
				b.SetBytes(info.Size())
				dir := b.TempDir()
				for b.Loop() {
					// One database at a time on the disk: at 100k each is over a gigabyte.
					path := filepath.Join(dir, "new.db")
					for _, suffix := range []string{"", "-wal", "-shm"} {
						os.Remove(path + suffix)
					}
					s, err := storage.Open(ctx, path)
					if err != nil {
						b.Fatal(err)
					}
					rep, err := s.ImportBundle(ctx, open, nil)
					if err != nil {
						b.Fatal(err)
					}
					if err := s.Close(); err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(float64(rep.Meetings.Created), "meetings/op")
				}
			})
			b.Run("into-itself", func(b *testing.B) {
				b.SetBytes(info.Size())
				s, err := storage.Open(ctx, filepath.Join(b.TempDir(), "full.db"))
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				if _, err := s.ImportBundle(ctx, open, nil); err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					rep, err := s.ImportBundle(ctx, open, nil)
					if err != nil {
						b.Fatal(err)
					}
					b.ReportMetric(float64(rep.Meetings.Unchanged), "unchanged-meetings/op")
				}
			})
		})
	}
}

// BenchmarkBackup copies each synthetic dossier as File → Back up… does (Store.Backup) and
// as `parley backup` does (storage.BackupFile, which checks every page first).
func BenchmarkBackup(b *testing.B) {
	ctx := context.Background()
	for _, n := range benchSizes(b) {
		b.Run(fmt.Sprintf("%dk-meetings", n/1000), func(b *testing.B) {
			src := dossierOf(b, n)
			info, err := os.Stat(src)
			if err != nil {
				b.Fatal(err)
			}
			dir := b.TempDir()
			dest := filepath.Join(dir, "copy.db")
			b.Run("store", func(b *testing.B) {
				s, err := storage.Open(ctx, src)
				if err != nil {
					b.Fatal(err)
				}
				defer s.Close()
				b.SetBytes(info.Size())
				for b.Loop() {
					os.Remove(dest)
					if err := s.Backup(ctx, dest); err != nil {
						b.Fatal(err)
					}
				}
			})
			b.Run("file", func(b *testing.B) {
				b.SetBytes(info.Size())
				for b.Loop() {
					os.Remove(dest)
					if err := storage.BackupFile(ctx, src, dest); err != nil {
						b.Fatal(err)
					}
				}
			})
		})
	}
}

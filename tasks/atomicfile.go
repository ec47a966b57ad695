package tasks

import (
	"io"
	"os"
	"path/filepath"

	"github.com/parley-app/parley/storage"
)

// WriteFile writes the file at path through write, atomically: the data goes to a temporary
// file beside path, which replaces path only once everything was written and synced. On any
// error — write's own, a full disk, a closed folder — the temporary file is removed and a file
// already at path is left exactly as it was. The file is readable by its owner only: dossiers
// are sensitive.
//
// google/renameio does this job on Unix but exports nothing on Windows, where Parley also
// ships; os.Rename replaces the target atomically on both (MoveFileEx on Windows).
func WriteFile(path string, write func(w io.Writer) error) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return writeError(path, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if err := write(tmp); err != nil {
		tmp.Close()
		return storage.Classify(err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return writeError(path, err)
	}
	if err := tmp.Close(); err != nil {
		return writeError(path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return writeError(path, err)
	}
	return nil
}

package app

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage/repository"
)

// Fyne's save dialog opens the chosen file for writing — truncating it — before it hands the
// writer to Parley. Parley never writes into that writer: it takes the path and writes the
// file with tasks.WriteFile (a temporary file renamed into place), so that a failed pack,
// export or backup leaves the user's previous file of that name whole. For that to hold, the
// dialog must not empty the file first; the repository registered here for file: URIs opens a
// file only when the first byte is written to it, and otherwise does what Fyne's does.

// fileRepository is everything Fyne's own file repository offers, so that the dialogs lose
// nothing by going through the wrapper.
type fileRepository interface {
	repository.AppendableRepository
	repository.HierarchicalRepository
	repository.ListableRepository
	repository.CopyableRepository
	repository.MovableRepository
	repository.DeleteAllRepository
}

// lazyFiles is Fyne's file repository with a Writer that leaves the file alone until written.
type lazyFiles struct{ fileRepository }

var fileRepoMu sync.Mutex

// keepChosenFilesIntact registers lazyFiles for file: URIs, once per registered repository
// (a test app registers a fresh one).
func keepChosenFilesIntact() {
	fileRepoMu.Lock()
	defer fileRepoMu.Unlock()
	current, err := repository.ForScheme("file")
	if err != nil {
		return
	}
	if _, done := current.(lazyFiles); done {
		return
	}
	full, ok := current.(fileRepository)
	if !ok {
		fyne.LogError("Fyne's file repository lacks a part Parley expects; save dialogs will empty a file before it is written", nil)
		return
	}
	repository.Register("file", lazyFiles{full})
}

// Writer hands out a writer that opens (and truncates) the file at its first Write.
func (r lazyFiles) Writer(u fyne.URI) (fyne.URIWriteCloser, error) {
	return &lazyWriter{uri: u, open: r.fileRepository.Writer}, nil
}

// lazyWriter opens its file at the first Write; closed without a write, it leaves the file as
// it was (and creates none).
type lazyWriter struct {
	uri  fyne.URI
	open func(fyne.URI) (fyne.URIWriteCloser, error)
	w    fyne.URIWriteCloser
}

func (l *lazyWriter) URI() fyne.URI { return l.uri }

func (l *lazyWriter) Write(p []byte) (int, error) {
	if l.w == nil {
		w, err := l.open(l.uri)
		if err != nil {
			return 0, err
		}
		l.w = w
	}
	return l.w.Write(p)
}

func (l *lazyWriter) Close() error {
	if l.w == nil {
		return nil
	}
	return l.w.Close()
}

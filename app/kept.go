package app

import (
	"context"

	"github.com/parley-app/parley/storage"
)

// readStamp says what state of which dossier a screen's list was read from. A visit that
// finds the same stamp keeps the list it has instead of reading it again (100,000 meeting
// keys take a fifth of a second); any commit to the file — a save, delete, restore, import,
// undo, or another program's write — changes the stamp (storage.Generation).
type readStamp struct {
	st  *storage.Store
	gen storage.Generation
	ok  bool // false: unknown, which matches nothing
}

// stampOf reads st's stamp; one that cannot be read matches nothing, so the list is read.
func stampOf(ctx context.Context, st *storage.Store) readStamp {
	if st == nil {
		return readStamp{}
	}
	g, err := st.Generation(ctx)
	return readStamp{st: st, gen: g, ok: err == nil}
}

// same reports whether a list read under k still holds under now.
func (k readStamp) same(now readStamp) bool { return k.ok && now.ok && k == now }

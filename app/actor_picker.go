package app

import (
	"context"
	"fmt"

	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
)

// pickedActors is how many actors the picker offers at a time: it narrows as the user types.
const pickedActors = 50

// actorPicker is an input that offers the actors of the dossier whose names hold what is
// typed, in any script or spelling ("морг", "harada ambassador"), read from the store as the
// user types, at most pickedActors at a time: a dossier may hold 20,000. Each actor is offered
// as "Name — Title".
type actorPicker struct {
	u       *ui
	entry   *widget.SelectEntry
	ids     map[string]string // label → actor ID, of every label offered so far
	labels  map[string]string // actor ID → its label
	keys    map[string]storage.ActorKey
	offered []string // the labels offered for what is typed now
}

func newActorPicker(u *ui) *actorPicker {
	k := &actorPicker{u: u, entry: widget.NewSelectEntry(nil), ids: map[string]string{},
		labels: map[string]string{}, keys: map[string]storage.ActorKey{}}
	k.entry.SetPlaceHolder("type a name in any script or spelling to narrow the list")
	k.entry.OnChanged = func(string) { k.narrow() }
	k.entry.Validator = func(s string) error {
		if _, ok := k.ids[s]; !ok {
			return fmt.Errorf("choose an actor from the list")
		}
		return nil
	}
	k.narrow()
	return k
}

// chosen is the actor whose label is in the input, if any.
func (k *actorPicker) chosen() (storage.ActorKey, bool) {
	id, ok := k.ids[k.entry.Text]
	return k.keys[id], ok
}

// narrow reads the actors matching what is typed and offers them, unless the user has typed
// on meanwhile (a later read offers theirs).
func (k *actorPicker) narrow() {
	if k.u.store == nil {
		return
	}
	st, typed := k.u.store, k.entry.Text
	run(k.u, "", func(ctx context.Context) ([]storage.ActorKey, error) {
		return st.ActorsMatching(ctx, typed, pickedActors)
	}, func(found []storage.ActorKey, err error) {
		if err != nil {
			k.u.showError("look up the actors", err)
			return
		}
		if k.entry.Text != typed {
			return
		}
		k.offered = k.offered[:0]
		for _, a := range found {
			label, ok := k.labels[a.ID]
			if !ok {
				label = a.Name
				if a.Title != "" {
					label += " — " + a.Title
				}
				label = uniqueLabel(k.ids, label)
				k.ids[label], k.labels[a.ID], k.keys[a.ID] = a.ID, label, a
			}
			k.offered = append(k.offered, label)
		}
		k.entry.SetOptions(k.offered)
	})
}

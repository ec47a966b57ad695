// Package app is Parley's desktop window: it opens the dossier, wires the screens (calendar,
// talks, actors, disputes, sources, search) to the store and the exports, and owns every
// goroutine and every fyne.Do of the program.
//
// Threading: a screen's state and widgets are touched only on the Fyne goroutine. Slow work is
// split into a load step that touches no widget and an apply step that touches only widgets;
// ui.run joins them with a goroutine and fyne.Do. Import, export, packs and backups are
// tasks (package tasks), which the command line calls too: the window only asks and presents.
//
// Files are named by what they hold, one rule throughout:
//
//   - a list screen by its plural (actors.go, disputes.go, sources.go, talks.go, tracks.go;
//     calendar.go and search.go are screens of their own);
//   - a record page by its singular (actor.go, dispute.go, meeting.go, source.go);
//   - the dialogs a screen or page opens in <name>_dialogs.go (actor_dialogs.go,
//     meeting_dialogs.go; file_dialogs.go for the File menu's);
//   - the frame and its shared parts by their role: app.go (start and the open dossier),
//     ui.go (window, navigation, slow work), menu.go, theme.go, messages.go (messages and
//     errors), form.go and form_lists.go (form inputs), record_page.go and list_screen.go (what
//     every record page and list screen share), file_repository.go.
package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"

	"github.com/parley-app/parley/sample"
	"github.com/parley-app/parley/storage"
)

// ID is the application ID; FyneApp.toml carries the same string.
const ID = "org.parley.desktop"

// Options are what main passes in from the command line.
type Options struct {
	DBPath  string // "" = the database opened last, else storage.DefaultPath()
	Empty   bool   // a newly created database stays empty instead of receiving the sample dossier
	Version string // shown in Help → About
	// Icon is the PNG of the window and About icon. `fyne package` builds embed it in the
	// binary's metadata; a plain `go build` has only what main hands over here.
	Icon []byte
}

// Preference keys.
const (
	prefLastDatabase    = "lastDatabase"
	prefRecentDatabases = "recentDatabases"
	prefWindowWidth     = "windowWidth"
	prefWindowHeight    = "windowHeight"
	prefLastScreen      = "lastScreen"
	prefTheme           = "theme"
)

// The default window fits a 1366×768 laptop screen with room for a panel or dock.
const (
	defaultWidth  = 1280
	defaultHeight = 720
	maxRecent     = 8
)

// Run opens the window, opens the dossier in it and returns when the window closes.
func Run(opts Options) error {
	a := fyneapp.NewWithID(ID)
	if len(opts.Icon) > 0 {
		a.SetIcon(fyne.NewStaticResource("Icon.png", opts.Icon))
	}
	u := newUI(a, opts)
	fitWindowToScreen(u.win)
	path, err := u.startPath()
	if err != nil {
		return err
	}
	u.win.Show()
	hookKeys(u.win, u.keyFirst, u.keyAfter)
	a.Lifecycle().SetOnStarted(func() { u.openDatabase(path, !opts.Empty) })
	a.Run()
	u.stopWork(10 * time.Second)
	u.closeStore()
	return nil
}

// startPath is the database to open at launch: the one asked for, the one opened last, or the
// default file in the user's data folder.
func (u *ui) startPath() (string, error) {
	if u.opts.DBPath != "" {
		return u.opts.DBPath, nil
	}
	if p := u.app.Preferences().String(prefLastDatabase); p != "" {
		return p, nil
	}
	p, err := storage.DefaultPath()
	if err != nil {
		return "", fmt.Errorf("find the data folder: %w", err)
	}
	return p, nil
}

// opened is what openStore hands back to the Fyne goroutine.
type opened struct {
	store       *storage.Store
	sampleAdded bool
}

// openStore opens (or creates) the dossier at path and, for a new file, loads the sample
// dossier unless withSample is false. It touches no widget.
//
// A dossier that exists but cannot be written (a read-only disk or folder) is opened for
// reading instead, so that it can still be read, searched, packed and exported; the window
// then says it is read-only and every save is refused with a sentence. When even that fails
// (an older schema that needs a writing upgrade), the refusal of the writing open stands.
func openStore(ctx context.Context, path string, withSample bool) (opened, error) {
	st, err := storage.Open(ctx, path)
	if errors.Is(err, storage.ErrReadOnly) {
		if ro, rerr := storage.OpenReader(ctx, path); rerr == nil {
			return opened{store: ro}, nil
		} else if errors.Is(rerr, storage.ErrPendingLog) {
			return opened{}, rerr
		}
	}
	if err != nil {
		return opened{}, err
	}
	if st.Created() && withSample {
		if err := sample.Load(ctx, st); err != nil {
			st.Close()
			return opened{}, err
		}
		return opened{store: st, sampleAdded: true}, nil
	}
	return opened{store: st}, nil
}

// openDatabase opens path off the Fyne goroutine, with an activity indicator, and then shows
// it; a refusal becomes a dialog that offers another file. The current dossier, if any, stays
// open until the new one has opened.
func (u *ui) openDatabase(path string, withSample bool) {
	u.tried = path
	u.setOpening(path)
	run(u, "Opening "+filepath.Base(path)+"…", func(ctx context.Context) (opened, error) {
		return openStore(ctx, path, withSample)
	}, func(o opened, err error) {
		if err != nil {
			u.openFailed(path, err)
			return
		}
		u.useStore(o.store)
		if o.sampleAdded {
			u.setStatus("Created " + filepath.Base(path) + " with the sample dossier (Japan–Russia peace treaty talks, 2016)")
		} else if o.store.Created() {
			u.setStatus("Created an empty dossier in " + filepath.Base(path))
		} else if o.store.ReadOnly() {
			u.setStatus("Opened " + filepath.Base(path) + " read-only: it cannot be written where it is")
		} else if cp := o.store.UpgradeCopy(); cp != "" {
			u.setStatus("Opened " + filepath.Base(path) + ", brought up to date for this Parley; the file as it was is kept as " + filepath.Base(cp))
		} else {
			u.setStatus("Opened " + filepath.Base(path))
		}
	})
}

// useStore makes st the dossier the window shows, closing the previous one.
func (u *ui) useStore(st *storage.Store) {
	old := u.store
	u.store = st
	st.SetClock(u.now)
	u.win.SetTitle("Parley — " + filepath.Base(st.Path()))
	u.showReadOnly(st)
	u.rememberDatabase(st.Path())
	u.freshScreens()
	u.resetTo(u.startScreen())
	u.checkIntegrity(st)
	if old != nil {
		go func() {
			if err := old.Close(); err != nil {
				fyne.LogError("close "+old.Path(), err)
			}
		}()
	}
}

// checkIntegrity reads every page of the dossier just opened, in the background: Open checks
// only what is cheap, and the full check takes seconds on a large dossier, so the window is
// usable meanwhile. Damage is told in a dialog; a check cut short by quitting or by opening
// another dossier says nothing.
func (u *ui) checkIntegrity(st *storage.Store) {
	run(u, "", func(ctx context.Context) (struct{}, error) {
		return struct{}{}, st.CheckIntegrity(ctx)
	}, func(_ struct{}, err error) {
		if err == nil || u.store != st || !errors.Is(err, storage.ErrDamaged) {
			return
		}
		fyne.LogError("check "+st.Path(), err)
		u.tell("The dossier is damaged",
			"Parley found damage in "+filepath.Base(st.Path())+" while checking it. Export what you can now "+
				"(File → Export…) and restore the database from a backup.", err)
	})
}

// closeStore closes the dossier when the window has gone.
func (u *ui) closeStore() {
	if u.store == nil {
		return
	}
	if err := u.store.Close(); err != nil {
		fyne.LogError("close "+u.store.Path(), err)
	}
	u.store = nil
}

// rememberDatabase records path as the last database and at the top of the recent list.
func (u *ui) rememberDatabase(path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	p := u.app.Preferences()
	p.SetString(prefLastDatabase, path)
	recent := []string{path}
	for _, r := range p.StringList(prefRecentDatabases) {
		if r != path && len(recent) < maxRecent {
			recent = append(recent, r)
		}
	}
	p.SetStringList(prefRecentDatabases, recent)
	u.refreshMenu()
}

// openFailed explains why path could not be opened and offers a way on: another file, a new
// one, or — with no dossier open yet — Quit, else staying in the dossier already open.
func (u *ui) openFailed(path string, err error) {
	fyne.LogError("open "+path, err)
	u.setStatus("Could not open " + filepath.Base(path))
	msg := openErrorMessage(path, err)
	if u.store == nil {
		u.setWelcome(msg)
	}
	last := choice{label: "Quit", action: u.quit, quit: true}
	if u.store != nil {
		last = choice{label: "Stay in " + filepath.Base(u.store.Path()), important: true}
	}
	u.showChoice("Cannot open "+filepath.Base(path), msg, err, []choice{
		{label: "Open another database…", action: u.onOpenDatabase},
		{label: "Create a new database…", action: u.onNewDatabase},
		last,
	})
}

// openErrorMessage is the sentence a user can act on for a refused database.
func openErrorMessage(path string, err error) string {
	name := "“" + filepath.Base(path) + "”"
	switch {
	case errors.Is(err, storage.ErrNotParley):
		return name + " is not a Parley database. Open a Parley database or create a new one."
	case errors.Is(err, storage.ErrDamaged):
		return name + " is damaged and cannot be read. Restore it from a backup, or open or create another database."
	case errors.Is(err, storage.ErrNewerSchema):
		return name + " was written by a newer version of Parley and has been left untouched. Install the newer Parley to open it."
	case errors.Is(err, storage.ErrLocked):
		return name + " is open in another Parley window. Close that window first, or open another database."
	case errors.Is(err, storage.ErrPendingLog):
		return name + " is on a disk or in a folder Parley cannot write, and the last changes made to it are still in “" + filepath.Base(path) + "-wal”, which can only be read where Parley may write. Copy both files to a folder you can write to and open the copy."
	case errors.Is(err, storage.ErrReadOnly):
		return name + " cannot be written: the file or its folder is read-only, or the disk is full. Copy it to a folder you can write to, or open another database."
	case errors.Is(err, storage.ErrNoFTS):
		return "This copy of Parley was built without full-text search and cannot open a dossier. Rebuild it with -tags sqlite_fts5."
	}
	return "Parley could not open " + name + ". Check that the file exists and that you may read and write it, or open another database."
}

// realClock is the wall clock; tests inject a fixed one.
func realClock() time.Time { return time.Now() }

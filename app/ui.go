package app

import (
	"context"
	"fmt"
	"net/url"
	"path/filepath"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/parley-app/parley/storage"
	"github.com/parley-app/parley/widgets"
)

// page is one thing the body of the window can show: a top-level screen (Calendar, Talks…) or
// a record opened from one (a meeting, an actor…). Pages are stacked: opening a record pushes
// it, Back pops it, the sidebar starts a new stack.
type page interface {
	title() string
	view() fyne.CanvasObject // built once; the same object every call
	show()                   // the page came to the top: (re)load what it displays
}

// editor is a page with an explicit Save. Leaving one with unsaved changes asks first.
type editor interface {
	page
	dirty() bool
	// save validates and stores the page; then runs only once the record is stored.
	save(then func())
}

// The top-level screens, in sidebar order.
const (
	screenCalendar = "Calendar"
	screenTalks    = "Talks"
	screenActors   = "Actors"
	screenDisputes = "Disputes"
	screenSources  = "Sources"
	screenTrash    = "Trash"
)

var screenNames = []string{screenCalendar, screenTalks, screenActors, screenDisputes, screenSources, screenTrash}

// screenIcon is the sidebar icon of a screen (read from the theme when drawn).
func screenIcon(name string) fyne.Resource {
	switch name {
	case screenTalks:
		return theme.ListIcon()
	case screenActors:
		return theme.AccountIcon()
	case screenDisputes:
		return theme.DocumentIcon()
	case screenSources:
		return theme.FileTextIcon()
	case screenTrash:
		return theme.DeleteIcon()
	}
	return theme.CalendarIcon()
}

// ui is the window and everything in it. Every field is touched only on the Fyne goroutine.
type ui struct {
	app  fyne.App
	win  fyne.Window
	opts Options

	now     func() time.Time
	spawn   func(func())         // starts slow work: `go f()` in the program, `f()` in tests
	openURL func(*url.URL) error // hands a file or link to the system: the app's OpenURL
	// askSave asks where to save a file: askSaveFile's dialog in the program; tests answer
	// with a path of their own.
	askSave func(title, what, name string, exts []string, picked func(path string))
	// typingPause is how long typing in a filter must pause before the list is read again
	// (0 in tests: at once).
	typingPause time.Duration
	// statusLife is how long a status message stays (0: until replaced); statusGen counts
	// the messages, so that only the latest one fades.
	statusLife time.Duration
	statusGen  int
	later      func(time.Duration, func()) // runs a function on the Fyne goroutine later: afterOnFyne
	// do hands slow work's result to the Fyne goroutine: fyne.Do; the benchmarks time what
	// runs there (window_bench_test.go).
	do func(func())
	// ctx is given to all slow work; stopWork cancels it when the window quits, so that a
	// running export or pack stops (leaving the user's files as they were) instead of
	// writing on after the window has gone. work counts the slow work still running.
	ctx    context.Context
	cancel context.CancelFunc
	work   sync.WaitGroup

	store *storage.Store
	tried string // the database the window last tried to open

	nav         *widget.List
	syncing     bool // the nav selection is being set by code, not by the user
	search      *widget.Entry
	status      *widget.Label
	activity    *widget.Activity
	tasks       *fyne.Container // the long tasks under way, with their progress (progress.go)
	busyCount   int
	body        *fyne.Container
	backBar     *fyne.Container
	backBtn     *widget.Button
	root        fyne.CanvasObject
	readOnly    *fyne.Container // the banner over the body while the dossier is read-only
	readOnlyMsg *widget.Label

	// The sidebar as a rail of icons in a narrow window (frame.go).
	collapsed  bool
	searchBtn  *widget.Button    // the rail's search icon, which opens searchPop
	searchPop  *widget.PopUp     // the search field beside the rail, while open
	searchSlot *fyne.Container   // where the search field sits
	tips       *widgets.TipLayer // the tooltips: a rail icon's name, a cut title whole

	screens map[string]page
	stack   []page
	screen  string
	// undo are the deletions made in this window on this dossier, oldest first: Edit → Undo
	// restores the last one still in the trash.
	undo []int64

	calendar *calendarScreen
	talks    *talksScreen

	// escapes closes each open dialog on Escape (keys.go); lastFocus is where the focus was on
	// a page when another was opened above it, given back when that one closes.
	escapes   map[fyne.CanvasObject]func()
	lastFocus map[page]fyne.Focusable
}

func newUI(a fyne.App, opts Options) *ui {
	a.Settings().SetTheme(newTheme(a.Settings().Theme()))
	if choice := a.Preferences().String(prefTheme); choice == themeLight || choice == themeDark {
		a.Settings().SetTheme(&parleyTheme{Theme: a.Settings().Theme().(*parleyTheme).Theme, choice: choice})
	}
	u := &ui{
		app:   a,
		opts:  opts,
		now:   realClock,
		spawn: func(f func()) { go f() },
		do:    fyne.Do,

		typingPause: 300 * time.Millisecond,
		statusLife:  statusLife,
		later:       afterOnFyne,
	}
	u.openURL = a.OpenURL
	u.askSave = u.askSaveFile
	u.ctx, u.cancel = context.WithCancel(context.Background())
	keepChosenFilesIntact()
	u.win = a.NewWindow("Parley")
	u.buildChrome()
	u.win.SetContent(u.root)
	u.win.SetMainMenu(u.mainMenu())
	u.restoreSize()
	u.win.SetCloseIntercept(u.quit)
	u.setOpening("")
	return u
}

// run does load off the Fyne goroutine and hands its result to apply on it, with the activity
// indicator spinning and what in the status line meanwhile.
func run[T any](u *ui, what string, load func(context.Context) (T, error), apply func(T, error)) {
	u.busyStart(what)
	ctx := u.ctx
	u.work.Add(1)
	u.spawn(func() {
		r, err := load(ctx)
		u.work.Done()
		u.do(func() {
			u.busyStop()
			apply(r, err)
		})
	})
}

func (u *ui) busyStart(what string) {
	u.busyCount++
	if what != "" {
		u.status.SetText(what)
	}
	u.activity.Show()
	u.activity.Start()
}

func (u *ui) busyStop() {
	u.busyCount--
	if u.busyCount <= 0 {
		u.busyCount = 0
		u.activity.Stop()
		u.activity.Hide()
	}
}

// statusProgress returns a function, for work off the Fyne goroutine, that says in the status
// line how far the work has got ("Backing up to x.db… 41 %"), each whole percent once.
func (u *ui) statusProgress(what string) func(done, total int) {
	last := -1
	return func(done, total int) {
		if total <= 0 {
			return
		}
		pct := int(int64(done) * 100 / int64(total))
		if pct == last {
			return
		}
		last = pct
		fyne.Do(func() { u.status.SetText(fmt.Sprintf("%s %d %%", what, pct)) })
	}
}

// setStatus says s in the status line. A message that says what happened ("Saved …") fades
// after statusLife, so that it is not taken for news later; one said while work runs stays
// until the work ends and says its own.
func (u *ui) setStatus(s string) {
	u.status.SetText(s)
	u.statusGen++
	if u.statusLife <= 0 || s == "" {
		return
	}
	gen := u.statusGen
	u.later(u.statusLife, func() {
		if u.statusGen == gen && u.busyCount == 0 {
			u.status.SetText("")
		}
	})
}

// statusLife is how long a status message that says what happened stays. Tests set it to 0:
// their driver runs fyne.Do on the calling goroutine, so a timer's would race the test's.
var statusLife = 12 * time.Second

// afterOnFyne runs f on the Fyne goroutine once d has passed: ui.later in the program.
func afterOnFyne(d time.Duration, f func()) {
	time.AfterFunc(d, func() { fyne.Do(f) })
}

// buildChrome lays out the sidebar (search and screens), the body and the status line.
func (u *ui) buildChrome() {
	u.search = widget.NewEntry()
	u.search.SetPlaceHolder("Search (Ctrl+F)")
	u.search.ActionItem = widget.NewButtonWithIcon("", theme.SearchIcon(), func() { u.onSearch(u.search.Text) })
	u.search.OnSubmitted = u.onSearch

	u.nav = widget.NewList(
		func() int { return len(screenNames) },
		func() fyne.CanvasObject { return newNavRow(u) },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*navRow).set(screenNames[id]) })
	u.nav.OnSelected = u.onNav

	u.status = truncated(widget.NewLabel(""))
	u.activity = widget.NewActivity()
	u.activity.Hide()
	u.tasks = container.NewHBox()

	u.backBtn = widget.NewButtonWithIcon("Back", theme.NavigateBackIcon(), u.back)
	u.backBar = container.NewHBox(u.backBtn)
	u.backBar.Hide()
	u.body = container.NewStack()

	u.searchBtn = widget.NewButtonWithIcon("", theme.SearchIcon(), u.showSearchPopUp)
	u.searchBtn.Importance = widget.LowImportance
	u.searchSlot = container.NewStack()
	u.tips = widgets.NewTipLayer()
	// topDown: Tab goes through the search field, then the sidebar; the back bar, then the page.
	side := topDown(u.searchSlot, nil, u.nav)
	u.readOnly, u.readOnlyMsg = readOnlyBanner()
	u.readOnly.Hide()
	main := topDown(container.NewVBox(u.readOnly, u.backBar), nil, u.body)
	frame := container.New(frameLayout{u}, side, main)
	u.setCollapsed(false)
	statusBar := container.NewBorder(widget.NewSeparator(), nil, nil, container.NewHBox(u.tasks, u.activity), u.status)
	u.root = container.NewStack(container.NewBorder(nil, statusBar, nil, nil, frame), u.tips)
}

// setOpening fills the body while a database opens.
func (u *ui) setOpening(path string) {
	if u.store != nil {
		return
	}
	msg := "Opening the dossier…"
	if path != "" {
		msg = "Opening " + filepath.Base(path) + "…"
	}
	act := widget.NewActivity()
	act.Start()
	u.body.Objects = []fyne.CanvasObject{container.NewCenter(container.NewVBox(act, widget.NewLabel(msg)))}
	u.body.Refresh()
}

// setWelcome fills the body when no database could be opened.
func (u *ui) setWelcome(msg string) {
	lbl := widget.NewLabel(msg)
	lbl.Wrapping = fyne.TextWrapWord
	lbl.Alignment = fyne.TextAlignCenter
	buttons := container.NewCenter(container.NewHBox(
		widget.NewButton("Open another database…", u.onOpenDatabase),
		widget.NewButton("Create a new database…", u.onNewDatabase),
	))
	u.body.Objects = []fyne.CanvasObject{container.NewPadded(middle(lbl, buttons))}
	u.body.Refresh()
}

// freshScreens drops the screens of the previous dossier; they are made again on first use.
func (u *ui) freshScreens() {
	u.screens = map[string]page{}
	u.stack = nil
	u.undo = nil
}

// screenPage returns the page of a top-level screen, making it on first use.
func (u *ui) screenPage(name string) page {
	if p, ok := u.screens[name]; ok {
		return p
	}
	var p page
	switch name {
	case screenTalks:
		u.talks = newTalksScreen(u)
		p = u.talks
	case screenActors:
		p = newActorsScreen(u)
	case screenDisputes:
		p = newDisputesScreen(u)
	case screenSources:
		p = newSourcesScreen(u)
	case screenTrash:
		p = newTrashScreen(u)
	default:
		u.calendar = newCalendarScreen(u)
		p = u.calendar
	}
	u.screens[name] = p
	return p
}

// startScreen is the screen shown last, else the calendar.
func (u *ui) startScreen() string {
	s := u.app.Preferences().StringWithFallback(prefLastScreen, screenCalendar)
	for _, n := range screenNames {
		if n == s {
			return s
		}
	}
	return screenCalendar
}

func (u *ui) onNav(id widget.ListItemID) {
	if u.syncing || id < 0 || id >= len(screenNames) {
		return
	}
	name := screenNames[id]
	if u.store == nil {
		u.selectNav(u.screen)
		return
	}
	if name == u.screen && len(u.stack) == 1 {
		return
	}
	// The sidebar only follows once any unsaved page has been dealt with.
	u.selectNav(u.screen)
	u.goScreen(name)
}

// selectNav shows name as the selected screen without acting on it.
func (u *ui) selectNav(name string) {
	for i, n := range screenNames {
		if n == name {
			u.syncing = true
			u.nav.Select(i)
			u.syncing = false
			return
		}
	}
}

// goScreen leaves the open pages (asking about unsaved changes) and shows screen name.
func (u *ui) goScreen(name string) {
	if u.store == nil {
		return
	}
	u.leaveAll(func() { u.resetTo(name) })
}

// resetTo shows screen name as the only page on the stack.
func (u *ui) resetTo(name string) {
	u.screen = name
	u.lastFocus = nil
	u.app.Preferences().SetString(prefLastScreen, name)
	u.selectNav(name)
	u.stack = []page{u.screenPage(name)}
	u.showTop()
}

// push opens p above the current page.
func (u *ui) push(p page) {
	if u.store == nil {
		return
	}
	if t := u.top(); t != nil && u.win.Canvas().Focused() != nil {
		if u.lastFocus == nil {
			u.lastFocus = map[page]fyne.Focusable{}
		}
		u.lastFocus[t] = u.win.Canvas().Focused()
	}
	u.stack = append(u.stack, p)
	u.showTop()
}

// back closes the top page, asking first when it has unsaved changes.
func (u *ui) back() {
	if len(u.stack) < 2 {
		return
	}
	u.leave(u.top(), u.pop)
}

// pop closes the top page without asking.
func (u *ui) pop() {
	if len(u.stack) < 2 {
		return
	}
	u.stack = u.stack[:len(u.stack)-1]
	u.showTop()
}

func (u *ui) top() page {
	if len(u.stack) == 0 {
		return nil
	}
	return u.stack[len(u.stack)-1]
}

func (u *ui) showTop() {
	p := u.top()
	if p == nil {
		return
	}
	if len(u.stack) > 1 {
		u.backBtn.SetText("Back to " + u.stack[len(u.stack)-2].title())
		u.backBar.Show()
	} else {
		u.backBar.Hide()
	}
	u.body.Objects = []fyne.CanvasObject{p.view()}
	u.body.Refresh()
	u.hideTip() // a tip is about what was under the pointer, which may have gone
	p.show()
	// The focus never stays on the page that went: keys would act on it unseen. The
	// sidebar stays, and so does the focus in it (a search typed there may be refined).
	c := u.win.Canvas()
	if f := c.Focused(); f != nil && f != fyne.Focusable(u.search) && f != fyne.Focusable(u.nav) {
		c.Unfocus()
	}
	if f, ok := p.(interface{ initialFocus() fyne.Focusable }); ok {
		if w := f.initialFocus(); w != nil {
			c.Focus(w)
			return
		}
	}
	if w, ok := u.lastFocus[p]; ok {
		delete(u.lastFocus, p)
		c.Focus(w)
	}
}

// leave runs then once p has no unsaved changes: saved, discarded, or there were none.
// Cancel leaves everything as it was.
func (u *ui) leave(p page, then func()) {
	ed, ok := p.(editor)
	if !ok || !ed.dirty() {
		then()
		return
	}
	u.showChoice("Unsaved changes", "“"+p.title()+"” has changes that are not saved. Save them before leaving?", nil, []choice{
		{label: "Save", action: func() { ed.save(then) }, important: true},
		{label: "Discard", action: then},
		{label: "Cancel"},
	})
}

// leaveAll deals with every unsaved page on the stack, top first: it brings the page to the
// top, asks, and closes it once saved or discarded; then it runs then. Pages without unsaved
// changes stay, so that when then does not lead elsewhere (a database that would not open)
// the window is as it was.
func (u *ui) leaveAll(then func()) {
	for i := len(u.stack) - 1; i > 0; i-- {
		ed, ok := u.stack[i].(editor)
		if !ok || !ed.dirty() {
			continue
		}
		if i != len(u.stack)-1 {
			u.stack = u.stack[:i+1]
			u.showTop()
		}
		u.leave(ed, func() {
			u.stack = u.stack[:i]
			u.showTop()
			u.leaveAll(then)
		})
		return
	}
	then()
}

// quit closes the window once unsaved changes are dealt with, remembering its size.
func (u *ui) quit() {
	u.leaveAll(func() {
		u.saveSize()
		u.cancel()
		u.app.Quit()
	})
}

// stopWork cancels the slow work still running and waits for it to wind up — a cancelled
// export removes its temporary file — for at most wait.
func (u *ui) stopWork(wait time.Duration) {
	u.cancel()
	done := make(chan struct{})
	go func() { u.work.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(wait):
	}
}

func (u *ui) restoreSize() {
	p := u.app.Preferences()
	w := p.FloatWithFallback(prefWindowWidth, defaultWidth)
	h := p.FloatWithFallback(prefWindowHeight, defaultHeight)
	if w < smallestWidth || h < smallestHeight {
		w, h = defaultWidth, defaultHeight
	}
	u.win.Resize(fyne.NewSize(float32(w), float32(h)))
}

func (u *ui) saveSize() {
	s := u.win.Canvas().Size()
	if s.Width < smallestWidth || s.Height < smallestHeight {
		return
	}
	p := u.app.Preferences()
	p.SetFloat(prefWindowWidth, float64(s.Width))
	p.SetFloat(prefWindowHeight, float64(s.Height))
}

// focusSearch puts the cursor in the search field (Ctrl+F).
func (u *ui) focusSearch() {
	if u.collapsed {
		u.showSearchPopUp()
		return
	}
	u.win.Canvas().Focus(u.search)
}

func (u *ui) onSearch(q string) {
	if u.store == nil {
		return
	}
	if u.searchPop != nil {
		u.searchPop.Hide()
		u.searchPop = nil
	}
	if p, ok := u.top().(*searchPage); ok {
		p.query(q)
		return
	}
	sp := newSearchPage(u)
	u.push(sp)
	sp.query(q)
}

// closePage takes p off the stack without asking (it was deleted), showing what is beneath.
func (u *ui) closePage(p page) {
	for i, q := range u.stack {
		if q == p && i > 0 {
			u.stack = append(u.stack[:i:i], u.stack[i+1:]...)
			u.showTop()
			return
		}
	}
}

package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// progressEvery is how often a long task's bar is redrawn at most: a bundle of 400,000
// records reports every thousand, which the window need not draw each of.
const progressEvery = 100 * time.Millisecond

// taskProgress is a long task (a bundle's import or export) in the status bar: what it does,
// a bar of how many records of how many are done, and a Stop button. It is no dialog: the
// window stays usable while it runs.
type taskProgress struct {
	u           *ui
	box         *fyne.Container
	bar         *widget.ProgressBar
	done, total int
	last        time.Time // when the bar was last told, on the task's goroutine
}

// startProgress puts a task's progress in the status bar; cancel is what Stop does.
func (u *ui) startProgress(what string, cancel context.CancelFunc) *taskProgress {
	p := &taskProgress{u: u, bar: widget.NewProgressBar()}
	p.bar.TextFormatter = p.text
	stop := widget.NewButtonWithIcon("", theme.CancelIcon(), func() {
		cancel()
		u.setStatus(what + " — stopping…")
	})
	stop.Importance = widget.LowImportance
	bar := container.NewGridWrap(fyne.NewSize(230, p.bar.MinSize().Height), p.bar)
	p.box = container.NewHBox(note(what), bar, stop)
	u.tasks.Add(p.box)
	return p
}

// text is the bar's words: "41,000 of 425,000 records", or "Counting the records…" until the
// task has said how many there are.
func (p *taskProgress) text() string {
	if p.total == 0 {
		return "Counting the records…"
	}
	return thousands(p.done) + " of " + thousands(p.total) + " records"
}

// set shows done of total; on the Fyne goroutine.
func (p *taskProgress) set(done, total int) {
	p.done, p.total = done, total
	p.bar.Max = float64(max(total, 1))
	p.bar.SetValue(float64(done))
}

// report is the task's Progress function: it runs on the task's goroutine and hands the
// figures to the window at most every progressEvery, and always the last.
func (p *taskProgress) report(done, total int) {
	if now := time.Now(); now.Sub(p.last) >= progressEvery || done == total {
		p.last = now
		fyne.Do(func() { p.set(done, total) })
	}
}

// finish takes the task out of the status bar; on the Fyne goroutine.
func (p *taskProgress) finish() {
	p.u.tasks.Remove(p.box)
}

// runWithProgress is run for a task that reports its progress: its bar and Stop button stay
// in the status bar until apply has the result (context.Canceled when stopped).
func runWithProgress[T any](u *ui, what string, load func(ctx context.Context, progress func(done, total int)) (T, error), apply func(T, error)) {
	ctx, cancel := context.WithCancel(u.ctx)
	p := u.startProgress(what, cancel)
	run(u, what+"…", func(context.Context) (T, error) {
		defer cancel()
		return load(ctx, p.report)
	}, func(r T, err error) {
		p.finish()
		apply(r, err)
	})
}

package cli

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progressLine returns a function that keeps one line on standard error up to date ("Importing…
// 41 %"), or nil when standard error is not a terminal: scripts and logs get no progress noise.
// done closes the line.
func progressLine(what string) (update func(done, total int), finish func()) {
	if !isTerminal(os.Stderr) {
		return nil, func() {}
	}
	return progressTo(os.Stderr, what, time.Now)
}

// progressTo writes the progress line to w at most ten times a second.
func progressTo(w io.Writer, what string, now func() time.Time) (update func(done, total int), finish func()) {
	var last time.Time
	shown := false
	update = func(done, total int) {
		if t := now(); t.Sub(last) >= 100*time.Millisecond || done == total {
			last = t
			shown = true
			pct := 100
			if total > 0 {
				pct = done * 100 / total
			}
			fmt.Fprintf(w, "\r%s… %d of %d (%d %%)", what, done, total, pct)
		}
	}
	finish = func() {
		if shown {
			fmt.Fprint(w, "\n")
		}
	}
	return update, finish
}

// isTerminal reports whether f is a terminal (a character device), not a file or a pipe.
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

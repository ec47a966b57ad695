package app

import (
	"context"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/stretchr/testify/require"

	"github.com/parley-app/parley/sample"
)

// TestCapturePackDialogs writes screenshots of the pack dialog, the handling marks and the
// pre-flight check to $PARLEY_CAPTURE (docs/screenshots: PARLEY_CAPTURE=$PWD/docs/screenshots
// go test -tags sqlite_fts5 -run TestCapturePackDialogs ./app/). It checks nothing else.
func TestCapturePackDialogs(t *testing.T) {
	dir := os.Getenv("PARLEY_CAPTURE")
	if dir == "" {
		t.Skip("PARLEY_CAPTURE is not set")
	}
	u, st := newTestUI(t, afterSample)
	capture := func(name string) {
		f, err := os.Create(filepath.Join(dir, name))
		require.NoError(t, err)
		require.NoError(t, png.Encode(f, u.win.Canvas().Capture()))
		require.NoError(t, f.Close())
	}
	m, err := st.Meeting(context.Background(), sample.TokyoRoundID)
	require.NoError(t, err)
	p := newMeetingPage(u, m.ID)
	u.push(p)
	u.win.Resize(fyne.NewSize(1366, 768))
	u.exportPack(m)
	capture("pack-dialog.png")
	overlay(t, u).Hide()
	u.onHandlingMarks()
	capture("handling-marks.png")
	overlay(t, u).Hide()
	p.onPreflight()
	capture("preflight.png")
}

// TestCaptureMeetingHeader writes the meeting page's header at 1366 and 1024 pixels wide.
func TestCaptureMeetingHeader(t *testing.T) {
	dir := os.Getenv("PARLEY_CAPTURE")
	if dir == "" {
		t.Skip("PARLEY_CAPTURE is not set")
	}
	u, _ := newTestUI(t, afterSample)
	u.push(newMeetingPage(u, sample.TokyoRoundID))
	for _, w := range []float32{1366, 1024} {
		u.win.Resize(fyne.NewSize(w, 600))
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("meeting-header-%d.png", int(w))))
		require.NoError(t, err)
		require.NoError(t, png.Encode(f, u.win.Canvas().Capture()))
		require.NoError(t, f.Close())
	}
}

package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
)

// box is an object of a fixed minimum size.
func box(w, h float32) *canvas.Rectangle {
	r := canvas.NewRectangle(theme.Color(theme.ColorNamePrimary))
	r.SetMinSize(fyne.NewSize(w, h))
	return r
}

func TestColumns(t *testing.T) {
	newTestApp(t)
	pad := theme.Padding()
	tests := []struct {
		name     string
		widths   []float32
		objs     []fyne.CanvasObject
		width    float32
		wantX    []float32
		wantW    []float32
		wantMinW float32
		wantMinH float32
	}{
		{
			name: "fixed and shared", widths: []float32{100, 0, 50},
			objs:  []fyne.CanvasObject{box(10, 20), box(200, 30), box(10, 10)},
			width: 400,
			wantX: []float32{0, 100 + pad, 400 - 50}, wantW: []float32{100, 400 - 150 - 2*pad, 50},
			wantMinW: 100 + 80 + 50 + 2*pad, wantMinH: 30,
		},
		{
			name: "objects beyond the widths share", widths: []float32{60},
			objs:  []fyne.CanvasObject{box(10, 20), box(10, 20), box(10, 20)},
			width: 260,
			wantX: []float32{0, 60 + pad, 60 + pad + (200-2*pad)/2 + pad}, wantW: []float32{60, (200 - 2*pad) / 2, (200 - 2*pad) / 2},
			wantMinW: 60 + 10 + 10 + 2*pad, wantMinH: 20,
		},
		{
			name: "too narrow: shared columns get nothing", widths: []float32{100, 0},
			objs:  []fyne.CanvasObject{box(10, 20), box(10, 20)},
			width: 90,
			wantX: []float32{0, 100 + pad}, wantW: []float32{100, 0},
			wantMinW: 100 + 10 + pad, wantMinH: 20,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := container.New(NewColumns(tc.widths...), tc.objs...)
			assert.Equal(t, fyne.NewSize(tc.wantMinW, tc.wantMinH), c.MinSize())
			c.Resize(fyne.NewSize(tc.width, 40))
			for i, o := range tc.objs {
				assert.Equal(t, tc.wantX[i], o.Position().X, "x of %d", i)
				assert.Equal(t, float32(0), o.Position().Y)
				assert.Equal(t, fyne.NewSize(tc.wantW[i], 40), o.Size(), "size of %d", i)
			}
		})
	}

	widths := []float32{10, 20}
	c := NewColumns(widths...)
	widths[0] = 99
	assert.Equal(t, []float32{10, 20}, c.Widths, "the widths are copied")
}

func TestFormGrid(t *testing.T) {
	newTestApp(t)
	pad := theme.Padding()
	name, kind, native := widget.NewLabel("Name"), widget.NewLabel("Kind"), widget.NewLabel("Native script")
	nameIn, kindIn, nativeIn := box(100, 40), box(150, 20), box(50, 30)
	g := container.New(NewFormGrid(150), name, nameIn, kind, kindIn, native, nativeIn)

	lw := max(float32(150), native.MinSize().Width)
	wantH := max(name.MinSize().Height, 40) + max(kind.MinSize().Height, 20) + max(native.MinSize().Height, 30) + 2*pad
	assert.Equal(t, fyne.NewSize(max(lw, 150), wantH), g.MinSize(), "a narrow form stacks: as wide as the widest label or input")

	g.Resize(fyne.NewSize(500, 300))
	assert.Equal(t, fyne.NewPos(0, 0), name.Position())
	assert.Equal(t, fyne.NewPos(lw+pad, 0), nameIn.Position())
	assert.Equal(t, fyne.NewSize(500-lw-pad, max(name.MinSize().Height, 40)), nameIn.Size(), "inputs take the width the labels leave")
	assert.Equal(t, lw, name.Size().Width, "labels are as wide as the widest")
	y2 := max(name.MinSize().Height, 40) + pad
	assert.Equal(t, fyne.NewPos(0, y2), kind.Position())
	assert.Equal(t, fyne.NewPos(lw+pad, y2), kindIn.Position())

	// A hidden pair takes no room; the label column keeps at least its least width.
	native.Hide()
	nativeIn.Hide()
	assert.Equal(t, fyne.NewSize(150, max(name.MinSize().Height, 40)+max(kind.MinSize().Height, 20)+pad), g.MinSize())
	g.Resize(fyne.NewSize(500, 300))
	assert.Equal(t, fyne.NewPos(150+pad, 0), nameIn.Position())

	// Narrower than the label column and the widest input, each label goes above its input,
	// both the whole width.
	g.Resize(fyne.NewSize(200, 300))
	nh := name.MinSize().Height
	assert.Equal(t, fyne.NewPos(0, 0), name.Position())
	assert.Equal(t, fyne.NewPos(0, nh), nameIn.Position())
	assert.Equal(t, fyne.NewSize(200, 40), nameIn.Size())
	assert.Equal(t, fyne.NewPos(0, nh+40+pad), kind.Position())
	assert.Equal(t, nh+40+pad+kind.MinSize().Height+20, g.MinSize().Height, "the height counts the stacked rows")
}

func TestColumnsNarrow(t *testing.T) {
	newTestApp(t)
	pad := theme.Padding()
	// when 200, title (shares), status 100, track 150, place 120; track goes first, then place,
	// so that the title keeps 150.
	cols := func() *Columns { return NewColumns(200, 0, 100, 150, 120).Dropping(150, 3, 4) }
	tests := []struct {
		name      string
		width     float32
		wantShown []bool
		wantTitle float32
	}{
		{"all fit", 200 + 150 + 100 + 150 + 120 + 4*pad, []bool{true, true, true, true, true}, 150},
		{"track goes first", 700, []bool{true, true, true, false, true}, 700 - 420 - 3*pad},
		{"then the place", 560, []bool{true, true, true, false, false}, 560 - 300 - 2*pad},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			objs := []fyne.CanvasObject{box(10, 20), box(300, 20), box(10, 20), box(10, 20), box(10, 20)}
			c := container.New(cols(), objs...)
			c.Resize(fyne.NewSize(tc.width, 20))
			for i, o := range objs {
				assert.Equal(t, tc.wantShown[i], o.Visible(), "column %d shown", i)
			}
			assert.InDelta(t, tc.wantTitle, objs[1].Size().Width, 0.01)
		})
	}
	c := container.New(cols(), box(10, 20), box(300, 20), box(10, 20), box(10, 20), box(10, 20))
	assert.Equal(t, 200+80+100+2*pad, c.MinSize().Width, "the minimum leaves out every optional column")

	// Squeezing narrows the fixed columns wider than an icon button alike, down to the fraction.
	objs := []fyne.CanvasObject{box(10, 20), box(10, 20), box(10, 20)}
	sq := container.New(NewColumns(200, 100, 36).Squeezing(0.5), objs...)
	assert.Equal(t, 100+50+36+2*pad, sq.MinSize().Width)
	sq.Resize(fyne.NewSize(150+75+36+2*pad, 20))
	assert.InDelta(t, 150, objs[0].Size().Width, 0.01)
	assert.InDelta(t, 75, objs[1].Size().Width, 0.01)
	assert.Equal(t, float32(36), objs[2].Size().Width, "an icon button's column keeps its width")
}

func TestFlow(t *testing.T) {
	newTestApp(t)
	pad := theme.Padding()
	objs := []fyne.CanvasObject{box(50, 20), box(50, 30), box(80, 20)}
	c := container.New(NewFlow(100, 100), objs...)
	assert.Equal(t, fyne.NewSize(100, 30), c.MinSize(), "before a layout: one line, as wide as the widest")

	c.Resize(fyne.NewSize(300+2*pad, 30))
	assert.Equal(t, fyne.NewPos(110+pad, 0), objs[1].Position())
	assert.Equal(t, fyne.NewSize(100+10, 30), objs[0].Size(), "the spare width goes to the objects with a basis")
	assert.Equal(t, float32(80), objs[2].Size().Width, "no basis: its own width")

	c.Resize(fyne.NewSize(210, 100))
	assert.Equal(t, fyne.NewPos(0, 30+pad), objs[2].Position(), "the third wraps onto a second line")
	assert.Equal(t, 30+pad+20, c.MinSize().Height, "the height counts the lines at the width laid out")
}

package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/parley-app/parley/widgets/widgetstest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestKeyListTipsTheCutTitle: the pointer resting on a row whose title is cut shows the whole
// title in a tip under it, inside the window; leaving the row takes it away; a row whose title
// fits shows none; the row under the pointer still takes the hover and the tap.
func TestKeyListTipsTheCutTitle(t *testing.T) {
	newTestApp(t)
	titles := []string{
		"Peace treaty consultations between the deputy foreign ministers, round 1 — Moscow",
		"Peace treaty consultations between the deputy foreign ministers, round 2 — Tokyo",
		"Abe–Putin summit",
	}
	l, tips, opened := titleList(titles)
	w := test.NewTempWindow(t, container.NewStack(l, tips))
	w.SetPadded(false)
	w.Resize(fyne.NewSize(300, 300))
	c := w.Canvas()

	rows := widgetstest.Rendered[*keyRow](l)
	require.GreaterOrEqual(t, len(rows), len(titles))
	rowAt := func(id int) *keyRow {
		for _, r := range rows {
			if r.id == id && r.Visible() {
				return r
			}
		}
		require.Failf(t, "no row", "%d", id)
		return nil
	}
	middle := func(o fyne.CanvasObject) fyne.Position {
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
		return at.Add(fyne.NewPos(o.Size().Width/2, o.Size().Height/2))
	}
	label := func(id int) *CutLabel { return cutTitlesIn(rowAt(id).content)[0].(*CutLabel) }
	require.NotEqual(t, titles[1], label(1).Text, "the title is cut in the row")

	for _, tc := range []struct {
		name string
		row  int
		want string
	}{
		{"a cut title is shown whole", 1, titles[1]},
		{"another row, another title", 0, titles[0]},
		{"a title that fits shows no tip", 2, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// The test driver runs an animation to its end at once: no waiting tipDelay here.
			test.MoveMouse(c, middle(rowAt(tc.row)))
			assert.Equal(t, tc.want, tips.Tip())
			assert.True(t, rowAt(tc.row).hover.Visible(), "the row is still marked hovered")
			if tc.want == "" {
				return
			}
			assert.True(t, tips.label.Visible())
			assert.Equal(t, tc.want, tips.label.Text)
			pos, size := tips.label.Position(), tips.label.Size()
			d := fyne.CurrentApp().Driver()
			lab := d.AbsolutePositionForObject(label(tc.row)).Subtract(d.AbsolutePositionForObject(tips))
			assert.InDelta(t, lab.Y+label(tc.row).Size().Height, pos.Y, 0.5, "under the title")
			assert.LessOrEqual(t, pos.X+size.Width, float32(300), "inside the window")
			assert.GreaterOrEqual(t, size.Height, 2*label(tc.row).MinSize().Height-1, "a title wider than the window wraps")
		})
	}

	test.MoveMouse(c, middle(rowAt(1)))
	require.Equal(t, titles[1], tips.Tip())
	test.MoveMouse(c, fyne.NewPos(150, 295)) // below the rows
	assert.Empty(t, tips.Tip(), "leaving the row takes the tip away")
	assert.False(t, tips.label.Visible())

	test.MoveMouse(c, middle(rowAt(1)))
	test.TapCanvas(c, middle(rowAt(1)))
	assert.Equal(t, []int{1}, *opened, "a tap through the tip's layer opens the row")
	assert.Empty(t, tips.Tip(), "opening the row takes the tip away")
}

// TestKeyListTipsTheCutTitleOfTheSelection: the keyboard moving the selection onto a row whose
// title is cut shows the whole title at once, as the pointer resting there would; onto a row
// whose title fits, none; the list losing the focus takes the tip away, and so does Enter,
// which opens the row.
func TestKeyListTipsTheCutTitleOfTheSelection(t *testing.T) {
	newTestApp(t)
	titles := []string{
		"Peace treaty consultations between the deputy foreign ministers, round 1 — Moscow",
		"Abe–Putin summit",
		"Peace treaty consultations between the deputy foreign ministers, round 2 — Tokyo",
	}
	l, tips, opened := titleList(titles)
	other := widget.NewEntry()
	w := test.NewTempWindow(t, container.NewStack(container.NewBorder(other, nil, nil, nil, l), tips))
	w.SetPadded(false)
	w.Resize(fyne.NewSize(300, 300))
	c := w.Canvas()

	c.Focus(l)
	assert.Equal(t, titles[0], tips.Tip(), "the focus comes onto a cut title")
	for _, tc := range []struct {
		name string
		key  fyne.KeyName
		want string
	}{
		{"down onto a title that fits", fyne.KeyDown, ""},
		{"down onto a cut title", fyne.KeyDown, titles[2]},
		{"home", fyne.KeyHome, titles[0]},
		{"end", fyne.KeyEnd, titles[2]},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l.TypedKey(&fyne.KeyEvent{Name: tc.key})
			assert.Equal(t, tc.want, tips.Tip())
		})
	}
	c.Focus(other)
	assert.Empty(t, tips.Tip(), "the focus going elsewhere takes the tip away")

	c.Focus(l)
	require.Equal(t, titles[2], tips.Tip())
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	assert.Equal(t, []int{2}, *opened)
	assert.Empty(t, tips.Tip(), "opening the row takes the tip away")
}

// titleList is a KeyList of titles in cut labels with a tip layer, and the rows it opened.
func titleList(titles []string) (*KeyList, *TipLayer, *[]int) {
	l := NewKeyList(func() int { return len(titles) },
		func() fyne.CanvasObject { return container.NewVBox(NewCutLabel("", true)) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			o.(*fyne.Container).Objects[0].(*CutLabel).SetText(titles[id])
		})
	opened := &[]int{}
	l.OnOpen = func(id widget.ListItemID) { *opened = append(*opened, id) }
	tips := NewTipLayer()
	l.Tips = tips
	return l, tips, opened
}

package app

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

func TestZZWide(t *testing.T) {
	u, _ := newTestUI(t, afterSample)
	for _, tc := range narrowCases {
		if tc.name != "dispute" && tc.name != "shortcuts dialog" {
			continue
		}
		for top := u.win.Canvas().Overlays().Top(); top != nil; top = u.win.Canvas().Overlays().Top() {
			u.win.Canvas().Overlays().Remove(top)
		}
		u.resetTo(screenCalendar)
		u.win.Resize(fyne.NewSize(680, 700))
		tc.open(u)
		root := fyne.CanvasObject(u.root)
		if top := u.win.Canvas().Overlays().Top(); top != nil {
			root = top
		}
		var walk func(o fyne.CanvasObject, depth int)
		walk = func(o fyne.CanvasObject, depth int) {
			if o.MinSize().Width > 640 && depth < 40 {
				fmt.Printf("%s%T %v\n", fmt.Sprintf("%*s", depth, ""), o, o.MinSize())
				if c, ok := o.(*fyne.Container); ok && o.MinSize().Height < 40 {
					for _, k := range c.Objects {
						fmt.Printf("%s  kid %T %v %v\n", fmt.Sprintf("%*s", depth, ""), k, k.MinSize(), describe(k))
					}
				}
			}
			var kids []fyne.CanvasObject
			switch c := o.(type) {
			case *fyne.Container:
				kids = c.Objects
			case fyne.Widget:
				kids = test.WidgetRenderer(c).Objects()
			}
			for _, k := range kids {
				walk(k, depth+1)
			}
		}
		fmt.Println("==", tc.name)
		walk(root, 0)
	}
}

func describe(o fyne.CanvasObject) string {
	switch w := o.(type) {
	case interface{ GetText() string }:
		return w.GetText()
	}
	return fmt.Sprintf("%+v", o)[:80]
}

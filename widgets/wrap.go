package widgets

import "fyne.io/fyne/v2"

// heightAt returns the height o needs at the width. Wrapping text knows its height only once
// it knows its width, so o is given the width first (keeping its height, so that asking
// about the width it already has changes nothing).
func heightAt(o fyne.CanvasObject, width float32) float32 {
	if o.Size().Width != width {
		o.Resize(fyne.NewSize(width, o.Size().Height))
	}
	return o.MinSize().Height
}

// widthOrDefault is the width a widget lays its wrapping text out for when asked for its
// minimum size: its current width, or def before it has been given one.
func widthOrDefault(size fyne.Size, def float32) float32 {
	if size.Width > 0 {
		return size.Width
	}
	return def
}

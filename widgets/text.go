package widgets

import (
	"strings"

	"fyne.io/fyne/v2"
)

// ellipsis shortens text with a trailing "…" until it fits width at the given size and style.
// It returns text unchanged when it already fits, and "" when not even "…" fits.
func ellipsis(text string, size float32, style fyne.TextStyle, width float32) string {
	if text == "" || fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	runes := []rune(text)
	lo, hi := 0, len(runes) // the longest prefix that fits is in [lo, hi)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(string(runes[:mid])+"…", size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 {
		if fyne.MeasureText("…", size, style).Width <= width {
			return "…"
		}
		return ""
	}
	return strings.TrimRight(string(runes[:lo]), " ,;:–—-") + "…"
}

// cutMiddle shortens text by taking runes out of its middle, where "…" stands for them, until
// it fits width: titles of a series differ at their ends ("…, round 2"), which a cut at the end
// would hide. It keeps as much of the start as of the end. It returns text unchanged when it
// fits, and "" when not even "…" fits.
func cutMiddle(text string, size float32, style fyne.TextStyle, width float32) string {
	if text == "" || fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	runes := []rune(text)
	cut := func(keep int) string {
		head := (keep + 1) / 2
		return strings.TrimRight(string(runes[:head]), " ") + "…" + strings.TrimLeft(string(runes[len(runes)-(keep-head):]), " ")
	}
	lo, hi := 0, len(runes)-1 // the most runes kept that fit is in [lo, hi]
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if fyne.MeasureText(cut(mid), size, style).Width <= width {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	if lo == 0 && fyne.MeasureText("…", size, style).Width > width {
		return ""
	}
	return cut(lo)
}

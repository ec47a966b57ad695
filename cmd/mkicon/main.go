// Command mkicon renders Parley's application icon, Icon.png: two facing speech bubbles — an
// ivory one carrying the lines of a brief and a gold one answering it — on a deep navy rounded
// square. `make icon` runs it.
//
// Shapes are signed distance fields in unit coordinates (0..1 across the icon), so every edge is
// anti-aliased analytically at any output size; only the standard library is used.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
)

func main() {
	out := flag.String("o", "Icon.png", "PNG file to write")
	size := flag.Int("size", 1024, "width and height in pixels")
	flag.Parse()
	if err := write(*out, *size); err != nil {
		fmt.Fprintln(os.Stderr, "mkicon:", err)
		os.Exit(1)
	}
}

func write(path string, size int) error {
	if size < 16 {
		return fmt.Errorf("size %d is too small (at least 16)", size)
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, render(size)); err != nil {
		f.Close()
		return fmt.Errorf("encode %s: %w", path, err)
	}
	return f.Close()
}

// rgba is a premultiplied-free linear colour with coverage-based alpha, composited with over.
type rgba struct{ r, g, b, a float64 }

func hex(v uint32) rgba {
	return rgba{float64(v>>16&0xff) / 255, float64(v>>8&0xff) / 255, float64(v&0xff) / 255, 1}
}

func mix(a, b rgba, t float64) rgba {
	return rgba{a.r + (b.r-a.r)*t, a.g + (b.g-a.g)*t, a.b + (b.b-a.b)*t, a.a + (b.a-a.a)*t}
}

// over composites src with coverage cov over dst (straight alpha).
func over(dst, src rgba, cov float64) rgba {
	sa := src.a * cov
	if sa <= 0 {
		return dst
	}
	oa := sa + dst.a*(1-sa)
	if oa <= 0 {
		return rgba{}
	}
	f := func(s, d float64) float64 { return (s*sa + d*dst.a*(1-sa)) / oa }
	return rgba{f(src.r, dst.r), f(src.g, dst.g), f(src.b, dst.b), oa}
}

// Palette.
var (
	navyTop    = hex(0x23427A)
	navyBottom = hex(0x0C1B38)
	rim        = hex(0x5A7BB5)
	ivory      = hex(0xF7F1E3)
	ivoryShade = hex(0xE6DCC4)
	goldTop    = hex(0xE8BE5A)
	goldBottom = hex(0xC18D2B)
	ink        = hex(0x132A52)
)

// Signed distance functions: negative inside, positive outside, in unit coordinates.

func sdRoundRect(x, y, x0, y0, x1, y1, r float64) float64 {
	cx, cy := (x0+x1)/2, (y0+y1)/2
	hx, hy := (x1-x0)/2-r, (y1-y0)/2-r
	qx, qy := math.Abs(x-cx)-hx, math.Abs(y-cy)-hy
	outside := math.Hypot(math.Max(qx, 0), math.Max(qy, 0))
	return outside + math.Min(math.Max(qx, qy), 0) - r
}

func sdCircle(x, y, cx, cy, r float64) float64 { return math.Hypot(x-cx, y-cy) - r }

// sdSegment is the distance to a segment with round caps of radius r.
func sdSegment(x, y, ax, ay, bx, by, r float64) float64 {
	px, py := x-ax, y-ay
	dx, dy := bx-ax, by-ay
	h := math.Max(0, math.Min(1, (px*dx+py*dy)/(dx*dx+dy*dy)))
	return math.Hypot(px-dx*h, py-dy*h) - r
}

// sdTriangle is the exact distance to a triangle (after Inigo Quilez).
func sdTriangle(x, y float64, p [3][2]float64) float64 {
	d := math.Inf(1)
	s := 1.0
	for i := 0; i < 3; i++ {
		a, b := p[i], p[(i+1)%3]
		ex, ey := b[0]-a[0], b[1]-a[1]
		wx, wy := x-a[0], y-a[1]
		h := math.Max(0, math.Min(1, (wx*ex+wy*ey)/(ex*ex+ey*ey)))
		d = math.Min(d, math.Hypot(wx-ex*h, wy-ey*h))
		// Winding test: inside when the point is on the same side of all three edges.
		c := ex*wy - ey*wx
		if i == 0 {
			s = math.Copysign(1, c)
		} else if math.Copysign(1, c) != s {
			s = 0
		}
	}
	if s != 0 {
		return -d
	}
	return d
}

// bubble is a speech bubble: a rounded rectangle joined to a tail.
type bubble struct {
	x0, y0, x1, y1, r float64
	tail              [3][2]float64
}

func (b bubble) sd(x, y float64) float64 {
	body := sdRoundRect(x, y, b.x0, b.y0, b.x1, b.y1, b.r)
	return smin(body, sdTriangle(x, y, b.tail), 0.02)
}

// smin is a smooth union, so the tail flows into the body without a notch.
func smin(a, b, k float64) float64 {
	h := math.Max(k-math.Abs(a-b), 0) / k
	return math.Min(a, b) - h*h*k/4
}

var (
	brief = bubble{
		x0: 0.135, y0: 0.205, x1: 0.655, y1: 0.585, r: 0.095,
		tail: [3][2]float64{{0.215, 0.54}, {0.375, 0.54}, {0.165, 0.745}},
	}
	reply = bubble{
		x0: 0.365, y0: 0.43, x1: 0.865, y1: 0.785, r: 0.095,
		tail: [3][2]float64{{0.665, 0.74}, {0.805, 0.74}, {0.84, 0.9}},
	}
)

// coverage turns a signed distance into anti-aliased coverage for a pixel of width px.
func coverage(d, px float64) float64 { return math.Max(0, math.Min(1, 0.5-d/px)) }

// soft is a blurred edge for shadows: 1 inside, fading to 0 over width w outside.
func soft(d, w float64) float64 {
	t := math.Max(0, math.Min(1, d/w))
	return 1 - t*t*(3-2*t)
}

func shade(x, y, px float64) rgba {
	c := rgba{}

	// Background: a rounded square with a vertical navy gradient and a faint rim light.
	bg := sdRoundRect(x, y, 0.04, 0.04, 0.96, 0.96, 0.2)
	c = over(c, mix(navyTop, navyBottom, (y-0.04)/0.92), coverage(bg, px))
	rimCov := coverage(math.Abs(bg+0.012)-0.004, px) * (1 - y) * 0.5
	c = over(c, rim, rimCov)

	// The brief: shadow, ivory body with a darker foot, three lines of text.
	c = over(c, rgba{0, 0, 0.05, 0.35}, soft(brief.sd(x-0.012, y-0.02), 0.05)*coverage(bg, px))
	bd := brief.sd(x, y)
	c = over(c, mix(ivory, ivoryShade, math.Max(0, (y-0.2)/0.55)), coverage(bd, px))
	for i, w := range []float64{0.40, 0.40, 0.26} {
		ly := 0.295 + float64(i)*0.085
		c = over(c, ink, coverage(sdSegment(x, y, 0.225, ly, 0.225+w, ly, 0.024), px))
	}

	// The reply: a navy gap separating it from the brief, then the gold body and three dots.
	rd := reply.sd(x, y)
	c = over(c, rgba{0, 0, 0.05, 0.45}, soft(reply.sd(x-0.012, y-0.02), 0.05)*coverage(bd, px))
	c = over(c, mix(navyTop, navyBottom, (y-0.04)/0.92), coverage(rd-0.028, px)*coverage(bd, px))
	c = over(c, mix(goldTop, goldBottom, math.Max(0, (y-0.43)/0.47)), coverage(rd, px))
	for i := 0; i < 3; i++ {
		cx := 0.49 + float64(i)*0.125
		c = over(c, ink, coverage(sdCircle(x, y, cx, 0.607, 0.04), px))
	}
	return c
}

func render(size int) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	px := 1 / float64(size)
	for j := 0; j < size; j++ {
		for i := 0; i < size; i++ {
			c := shade((float64(i)+0.5)*px, (float64(j)+0.5)*px, px)
			img.SetNRGBA(i, j, color.NRGBA{
				R: uint8(math.Round(c.r * 255)),
				G: uint8(math.Round(c.g * 255)),
				B: uint8(math.Round(c.b * 255)),
				A: uint8(math.Round(c.a * 255)),
			})
		}
	}
	return img
}

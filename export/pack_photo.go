package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	_ "image/png" // actors' photos may be PNG

	"github.com/jung-kurt/gofpdf"
)

// maxPhotoPixels is the longest side a photo keeps in the pack: enough for 300 dpi at the
// printed size of about 3 cm, and it keeps a pack of twenty portraits small.
const maxPhotoPixels = 480

var imageJPG = gofpdf.ImageOptions{ImageType: "JPG"}

// photo is an actor's portrait, ready for the PDF.
type photo struct {
	name string
	w, h int // pixels
}

// registerPhoto decodes a PNG or JPEG portrait, flattens any transparency onto white, scales
// it down and registers it with the PDF as a baseline JPEG, a form every viewer and gofpdf's
// parser accept (gofpdf refuses interlaced or 16-bit PNGs, which users do have).
func (r *renderer) registerPhoto(actorID string, data []byte) (photo, error) {
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return photo{}, fmt.Errorf("photo: %w", err)
	}
	b := src.Bounds()
	if b.Dx() == 0 || b.Dy() == 0 {
		return photo{}, fmt.Errorf("photo: empty image")
	}
	w, h := b.Dx(), b.Dy()
	if w > maxPhotoPixels || h > maxPhotoPixels {
		if w >= h {
			w, h = maxPhotoPixels, max(1, h*maxPhotoPixels/b.Dx())
		} else {
			w, h = max(1, w*maxPhotoPixels/b.Dy()), maxPhotoPixels
		}
	}
	flat := image.NewRGBA(b)
	draw.Draw(flat, b, image.NewUniform(color.White), image.Point{}, draw.Src)
	draw.Draw(flat, b, src, b.Min, draw.Over)
	out := flat
	if w != b.Dx() || h != b.Dy() {
		out = scaleBox(flat, w, h)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, out, &jpeg.Options{Quality: 88}); err != nil {
		return photo{}, fmt.Errorf("photo: %w", err)
	}
	name := "photo-" + actorID
	r.pdf.RegisterImageOptionsReader(name, gofpdf.ImageOptions{ImageType: "JPG"}, &buf)
	if err := r.pdf.Error(); err != nil {
		return photo{}, fmt.Errorf("photo: %w", err)
	}
	return photo{name: name, w: w, h: h}, nil
}

// scaleBox shrinks src to w×h by averaging the source pixels under each target pixel.
func scaleBox(src *image.RGBA, w, h int) *image.RGBA {
	b := src.Bounds()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		y0 := b.Min.Y + y*b.Dy()/h
		y1 := max(y0+1, b.Min.Y+(y+1)*b.Dy()/h)
		for x := 0; x < w; x++ {
			x0 := b.Min.X + x*b.Dx()/w
			x1 := max(x0+1, b.Min.X+(x+1)*b.Dx()/w)
			var rs, gs, bs, n uint32
			for sy := y0; sy < y1; sy++ {
				i := src.PixOffset(x0, sy)
				for sx := x0; sx < x1; sx++ {
					rs += uint32(src.Pix[i])
					gs += uint32(src.Pix[i+1])
					bs += uint32(src.Pix[i+2])
					n++
					i += 4
				}
			}
			o := dst.PixOffset(x, y)
			dst.Pix[o], dst.Pix[o+1], dst.Pix[o+2], dst.Pix[o+3] = uint8(rs/n), uint8(gs/n), uint8(bs/n), 255
		}
	}
	return dst
}

// photoProblem says in a few words why a photo could not be used.
func photoProblem(err error) string {
	return err.Error()
}

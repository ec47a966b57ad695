package export

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	_ "image/png" // actors' photos may be PNG
	"math"

	"github.com/jung-kurt/gofpdf"
)

// Photos are decoded only when their size is known to be reasonable, read straight into a
// copy at print resolution (transparency flattened onto white), turned as their EXIF
// orientation says, and registered as a baseline JPEG, a form every viewer and gofpdf's
// parser accept (gofpdf refuses interlaced or 16-bit PNGs, which users do have).

const (
	// maxPhotoMegapixels is the largest photo a pack decodes: a 48-megapixel phone photo
	// passes, an 8000 × 8000 scan (which would take a quarter of a gigabyte decoded) does not.
	maxPhotoMegapixels = 50
	// photoDPI is the resolution a photo is kept at, at the size it is printed.
	photoDPI = 300
)

var imageJPG = gofpdf.ImageOptions{ImageType: "JPG"}

// errPhotoFormat is what a profile says of a file that is no PNG or JPEG image.
var errPhotoFormat = errors.New("it is not a PNG or JPEG image")

// photo is an actor's portrait, ready for the PDF.
type photo struct {
	name string
	w, h int // pixels
}

// registerPhoto prepares a PNG or JPEG portrait and registers it with the PDF. Its error
// says, in words for the profile's note, why the photo cannot be used.
func (r *renderer) registerPhoto(actorID string, data []byte) (photo, error) {
	img, err := preparePhoto(data)
	if err != nil {
		return photo{}, err
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 88}); err != nil {
		return photo{}, fmt.Errorf("it could not be converted: %w", err)
	}
	name := "photo-" + actorID
	r.pdf.RegisterImageOptionsReader(name, imageJPG, &buf)
	if err := r.pdf.Error(); err != nil {
		return photo{}, fmt.Errorf("it could not be embedded: %w", err)
	}
	b := img.Bounds()
	return photo{name: name, w: b.Dx(), h: b.Dy()}, nil
}

// preparePhoto decodes data into an upright RGB image at print resolution.
func preparePhoto(data []byte) (*image.RGBA, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	switch {
	case errors.Is(err, image.ErrFormat):
		return nil, errPhotoFormat
	case err != nil:
		return nil, fmt.Errorf("its data is damaged (%v)", err)
	case cfg.Width <= 0 || cfg.Height <= 0:
		return nil, errors.New("it has no pixels")
	case float64(cfg.Width)*float64(cfg.Height) > maxPhotoMegapixels*1e6:
		return nil, fmt.Errorf("it is %d × %d pixels, more than the %d megapixels a pack takes", cfg.Width, cfg.Height, maxPhotoMegapixels)
	}
	orientation := 1
	if format == "jpeg" {
		orientation = jpegOrientation(data)
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("its data is damaged (%v)", err)
	}
	sw, sh := src.Bounds().Dx(), src.Bounds().Dy()
	uw, uh := sw, sh // upright
	if orientation >= 5 {
		uw, uh = sh, sw
	}
	tw, th := printPixels(uw, uh)
	if orientation >= 5 {
		tw, th = th, tw
	}
	return orient(downscale(src, tw, th), orientation), nil
}

// printPixels is the size in pixels, at photoDPI, of a w × h photo printed as a profile
// prints it (photoW wide, or photoH high when it is tall); never more than it has.
func printPixels(w, h int) (int, int) {
	mmW, mmH := photoW, photoW*float64(h)/float64(w)
	if mmH > photoH {
		mmW, mmH = photoH*float64(w)/float64(h), photoH
	}
	px := func(mm float64) int { return int(math.Ceil(mm / 25.4 * photoDPI)) }
	tw, th := px(mmW), px(mmH)
	if tw >= w || th >= h {
		return w, h
	}
	return max(1, tw), max(1, th)
}

// downscale shrinks src to w × h by averaging the source pixels under each target pixel,
// reading src a row at a time (flattened onto white), so that no full-size copy is made.
func downscale(src image.Image, w, h int) *image.RGBA {
	b := src.Bounds()
	sw, sh := b.Dx(), b.Dy()
	dst := image.NewRGBA(image.Rect(0, 0, w, h))
	col := make([]int, sw) // the target column of each source column
	for x := range col {
		col[x] = x * w / sw
	}
	row := make([]byte, 3*sw)
	sum := make([]uint32, 3*w)
	n := make([]uint32, w)
	for ty := 0; ty < h; ty++ {
		y0, y1 := ty*sh/h, max(ty*sh/h+1, (ty+1)*sh/h)
		clear(sum)
		clear(n)
		for sy := y0; sy < y1; sy++ {
			rgbRow(src, b.Min.Y+sy, row)
			for x, tx := range col {
				sum[3*tx] += uint32(row[3*x])
				sum[3*tx+1] += uint32(row[3*x+1])
				sum[3*tx+2] += uint32(row[3*x+2])
				n[tx]++
			}
		}
		o := dst.PixOffset(0, ty)
		for tx := 0; tx < w; tx++ {
			c := max(n[tx], 1)
			dst.Pix[o], dst.Pix[o+1], dst.Pix[o+2], dst.Pix[o+3] = uint8(sum[3*tx]/c), uint8(sum[3*tx+1]/c), uint8(sum[3*tx+2]/c), 255
			o += 4
		}
	}
	return dst
}

// rgbRow writes row y of img as RGB triplets into dst, transparency flattened onto white.
// The decoders' own types are read directly; any other through its colour model.
func rgbRow(img image.Image, y int, dst []byte) {
	b := img.Bounds()
	switch m := img.(type) {
	case *image.YCbCr:
		div := 1 // pixels per chroma sample across
		switch m.SubsampleRatio {
		case image.YCbCrSubsampleRatio422, image.YCbCrSubsampleRatio420:
			div = 2
		case image.YCbCrSubsampleRatio411, image.YCbCrSubsampleRatio410:
			div = 4
		}
		yi, c0 := m.YOffset(b.Min.X, y), m.COffset(b.Min.X, y)
		for i := 0; i < b.Dx(); i++ {
			ci := c0 + (b.Min.X+i)/div - b.Min.X/div
			dst[3*i], dst[3*i+1], dst[3*i+2] = color.YCbCrToRGB(m.Y[yi+i], m.Cb[ci], m.Cr[ci])
		}
	case *image.NRGBA:
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for i := 0; i < b.Dx(); i++ {
			a := uint32(p[4*i+3])
			for k := 0; k < 3; k++ {
				dst[3*i+k] = uint8((uint32(p[4*i+k])*a + 255*(255-a)) / 255)
			}
		}
	case *image.RGBA:
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for i := 0; i < b.Dx(); i++ {
			a := p[4*i+3]
			for k := 0; k < 3; k++ {
				dst[3*i+k] = p[4*i+k] + (255 - a) // premultiplied: colour plus the white showing through
			}
		}
	case *image.Gray:
		p := m.Pix[m.PixOffset(b.Min.X, y):]
		for i := 0; i < b.Dx(); i++ {
			dst[3*i], dst[3*i+1], dst[3*i+2] = p[i], p[i], p[i]
		}
	default:
		for x := b.Min.X; x < b.Max.X; x++ {
			r, g, bl, a := img.At(x, y).RGBA() // premultiplied, 16 bits
			i := 3 * (x - b.Min.X)
			dst[i], dst[i+1], dst[i+2] = uint8((r+0xffff-a)>>8), uint8((g+0xffff-a)>>8), uint8((bl+0xffff-a)>>8)
		}
	}
}

// orient turns img upright as EXIF orientation o (1–8) says: 2 mirrored, 3 upside down,
// 4 flipped, 5 transposed, 6 turned a quarter left (shown turned right), 7 transversed,
// 8 turned a quarter right (shown turned left).
func orient(img *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return img
	}
	w, h := img.Bounds().Dx(), img.Bounds().Dy()
	dw, dh := w, h
	if o >= 5 {
		dw, dh = h, w
	}
	dst := image.NewRGBA(image.Rect(0, 0, dw, dh))
	for dy := 0; dy < dh; dy++ {
		for dx := 0; dx < dw; dx++ {
			var sx, sy int
			switch o {
			case 2:
				sx, sy = w-1-dx, dy
			case 3:
				sx, sy = w-1-dx, h-1-dy
			case 4:
				sx, sy = dx, h-1-dy
			case 5:
				sx, sy = dy, dx
			case 6:
				sx, sy = dy, h-1-dx
			case 7:
				sx, sy = w-1-dy, h-1-dx
			case 8:
				sx, sy = w-1-dy, dx
			}
			copy(dst.Pix[dst.PixOffset(dx, dy):][:4], img.Pix[img.PixOffset(sx, sy):][:4])
		}
	}
	return dst
}

// jpegOrientation reads the Orientation tag (1–8) of a JPEG's EXIF data, 1 when it has
// none. It reads that one tag by hand, walking the JPEG's segments to APP1 and the TIFF
// structure to the first directory: a general EXIF library would bring in far more than
// this.
func jpegOrientation(data []byte) int {
	if len(data) < 4 || data[0] != 0xFF || data[1] != 0xD8 {
		return 1
	}
	for i := 2; i+4 <= len(data); {
		if data[i] != 0xFF {
			return 1
		}
		marker := data[i+1]
		if marker == 0xD8 || marker == 0x01 || marker >= 0xD0 && marker <= 0xD7 || marker == 0xFF {
			i += 2
			continue
		}
		if marker == 0xDA || marker == 0xD9 { // the image data starts: no EXIF before it
			return 1
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return 1
		}
		seg := data[i+4 : i+2+n]
		if marker == 0xE1 && len(seg) >= 6 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		i += 2 + n
	}
	return 1
}

// tiffOrientation reads tag 0x0112 from the first directory of TIFF data.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	if bo.Uint16(t[2:]) != 42 {
		return 1
	}
	ifd := int(bo.Uint32(t[4:]))
	if ifd < 8 || ifd+2 > len(t) {
		return 1
	}
	count := int(bo.Uint16(t[ifd:]))
	for k := 0; k < count; k++ {
		e := ifd + 2 + 12*k
		if e+12 > len(t) {
			return 1
		}
		if bo.Uint16(t[e:]) == 0x0112 && bo.Uint16(t[e+2:]) == 3 { // SHORT
			if o := int(bo.Uint16(t[e+8:])); o >= 1 && o <= 8 {
				return o
			}
			return 1
		}
	}
	return 1
}

// photoProblem is the note a profile prints for a photo that could not be used.
func photoProblem(err error) string {
	return err.Error()
}

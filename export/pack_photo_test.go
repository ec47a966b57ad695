package export

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// halves is a w × h image, red on its left half and blue on its right.
func halves(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			c := color.RGBA{R: 220, A: 255}
			if x >= w/2 {
				c = color.RGBA{B: 220, A: 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// jpegWithOrientation encodes img as a JPEG carrying an EXIF Orientation tag o (none when 0),
// in big-endian ("MM") or little-endian ("II") TIFF order.
func jpegWithOrientation(t *testing.T, img image.Image, o int, order string) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}))
	data := buf.Bytes()
	if o == 0 {
		return data
	}
	var bo binary.ByteOrder = binary.BigEndian
	if order == "II" {
		bo = binary.LittleEndian
	}
	// The TIFF header, then one directory of two entries (a Model tag before Orientation).
	tiff := make([]byte, 8+2+2*12+4)
	copy(tiff, order)
	bo.PutUint16(tiff[2:], 42)
	bo.PutUint32(tiff[4:], 8)
	bo.PutUint16(tiff[8:], 2)
	e := tiff[10:]
	bo.PutUint16(e[0:], 0x0110) // Model, ASCII, one byte
	bo.PutUint16(e[2:], 2)
	bo.PutUint32(e[4:], 1)
	e = tiff[22:]
	bo.PutUint16(e[0:], 0x0112) // Orientation, SHORT
	bo.PutUint16(e[2:], 3)
	bo.PutUint32(e[4:], 1)
	bo.PutUint16(e[8:], uint16(o))
	app1 := append([]byte("Exif\x00\x00"), tiff...)
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(len(app1)+2))
	out := append([]byte{0xFF, 0xD8}, seg...)
	out = append(out, app1...)
	return append(out, data[2:]...)
}

func isRed(c color.RGBA) bool  { return c.R > 150 && c.B < 80 }
func isBlue(c color.RGBA) bool { return c.B > 150 && c.R < 80 }

// A photo taken with the camera turned is shown upright: the EXIF orientation is honoured.
func TestPhotoOrientation(t *testing.T) {
	src := halves(400, 200) // stored landscape, red left, blue right
	for _, c := range []struct {
		name      string
		o         int
		order     string
		portrait  bool
		first     func(color.RGBA) bool // the top-left pixel once upright
		lastOfRow func(color.RGBA) bool // the top-right pixel
	}{
		{"no EXIF", 0, "MM", false, isRed, isBlue},
		{"1, as stored", 1, "MM", false, isRed, isBlue},
		{"2, mirrored", 2, "II", false, isBlue, isRed},
		{"3, upside down", 3, "MM", false, isBlue, isRed},
		{"6, shown turned right", 6, "MM", true, isRed, isRed},
		{"6, little-endian", 6, "II", true, isRed, isRed},
		{"8, shown turned left", 8, "II", true, isBlue, isBlue},
	} {
		t.Run(c.name, func(t *testing.T) {
			img, err := preparePhoto(jpegWithOrientation(t, src, c.o, c.order))
			require.NoError(t, err)
			b := img.Bounds()
			assert.Equal(t, c.portrait, b.Dy() > b.Dx(), "%v", b)
			assert.True(t, c.first(img.RGBAAt(2, 2)), "top left %v", img.RGBAAt(2, 2))
			assert.True(t, c.lastOfRow(img.RGBAAt(b.Dx()-3, 2)), "top right %v", img.RGBAAt(b.Dx()-3, 2))
			if c.portrait {
				// Turned a quarter: the stored left half is now the top (6) or bottom (8) half.
				bottom := img.RGBAAt(2, b.Dy()-3)
				assert.True(t, c.o == 6 && isBlue(bottom) || c.o == 8 && isRed(bottom), "bottom %v", bottom)
			}
		})
	}
}

// hugePNG is the start of a PNG that says it is w × h pixels: enough for DecodeConfig, which
// is all a pack reads of a photo over the cap.
func hugePNG(t *testing.T, w, h int) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, image.NewGray(image.Rect(0, 0, 1, 1))))
	data := buf.Bytes()
	ihdr := data[8+8 : 8+8+13] // after the signature, IHDR's length and type
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	binary.BigEndian.PutUint32(data[8+8+13:], crc32.ChecksumIEEE(data[8+4:8+8+13]))
	return data
}

func TestPhotoRefused(t *testing.T) {
	var truncated bytes.Buffer
	require.NoError(t, jpeg.Encode(&truncated, halves(64, 64), nil))
	for _, c := range []struct {
		name, want string
		data       []byte
	}{
		{"over the pixel cap", "it is 8000 × 8000 pixels, more than the 50 megapixels a pack takes", hugePNG(t, 8000, 8000)},
		{"not an image", "it is not a PNG or JPEG image", []byte("not an image at all")},
		{"damaged", "its data is damaged", truncated.Bytes()[:truncated.Len()/2]},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := preparePhoto(c.data)
			require.Error(t, err)
			assert.Contains(t, err.Error(), c.want)
		})
	}
	// The profile says why.
	b := fixtureBriefing()
	b.Participants[0].Actor.Photo = hugePNG(t, 8000, 8000)
	txt := flatten(pdfText(t, writePackFile(t, b, PackOptions{HomeZone: time.UTC, PreparedOn: fixedClock})))
	assert.Contains(t, txt, "Photo could not be read: it is 8000 × 8000 pixels, more than the 50 megapixels a pack takes.")
}

// Downscaling averages what it covers and puts transparency on white.
func TestPhotoDownscale(t *testing.T) {
	img := image.NewNRGBA(image.Rect(0, 0, 1000, 1000))
	for y := 0; y < 1000; y++ {
		for x := 0; x < 1000; x++ {
			c := color.NRGBA{R: 255, A: 255}
			if (x+y)%2 == 1 {
				c = color.NRGBA{B: 255, A: 255}
			}
			if y >= 500 {
				c = color.NRGBA{} // transparent
			}
			img.SetNRGBA(x, y, c)
		}
	}
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	out, err := preparePhoto(buf.Bytes())
	require.NoError(t, err)
	w, h := printPixels(1000, 1000)
	assert.Equal(t, image.Rect(0, 0, w, h), out.Bounds(), "30 mm square at 300 dpi")
	top, bottom := out.RGBAAt(w/2, 10), out.RGBAAt(w/2, h-10)
	assert.InDelta(t, 127, int(top.R), 2, "red and blue averaged: %v", top)
	assert.InDelta(t, 127, int(top.B), 2, "%v", top)
	assert.Equal(t, color.RGBA{255, 255, 255, 255}, bottom, "transparent is white")
	// A small photo is kept as it is.
	small, err := preparePhoto(jpegWithOrientation(t, halves(120, 160), 0, "MM"))
	require.NoError(t, err)
	assert.Equal(t, image.Rect(0, 0, 120, 160), small.Bounds())
}

// peakHeap runs f and reports the most heap it had in use at once, sampled every
// millisecond, above what was in use before.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak uint64
	var mu sync.Mutex
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var s runtime.MemStats
		for {
			select {
			case <-done:
				return
			case <-time.After(time.Millisecond):
				runtime.ReadMemStats(&s)
				mu.Lock()
				peak = max(peak, s.HeapAlloc)
				mu.Unlock()
			}
		}
	}()
	f()
	runtime.ReadMemStats(&ms)
	close(done)
	wg.Wait()
	peak = max(peak, ms.HeapAlloc)
	if peak < base {
		return 0
	}
	return peak - base
}

// benchPhotoPack writes the fixture's pack with one participant's photo, reporting the peak
// heap of one pack in MB (peak-MB) beside the allocations.
func benchPhotoPack(b *testing.B, data []byte) {
	brief := fixtureBriefing()
	brief.Participants[0].Actor.Photo = data
	opt := PackOptions{HomeZone: time.UTC, PreparedOn: fixedClock}
	b.ReportAllocs()
	b.ResetTimer()
	var peak uint64
	for b.Loop() {
		peak = max(peak, peakHeap(func() {
			if err := WritePack(io.Discard, brief, opt); err != nil {
				b.Fatal(err)
			}
		}))
	}
	b.ReportMetric(float64(peak)/1e6, "peak-MB")
}

// bigPNG encodes a w × h photo-like PNG quickly (a gradient, fastest compression).
func bigPNG(b *testing.B, w, h int) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		p := img.Pix[img.PixOffset(0, y):]
		for x := 0; x < w; x++ {
			p[4*x], p[4*x+1], p[4*x+2], p[4*x+3] = uint8(x), uint8(y), uint8(x+y), 255
		}
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, img); err != nil {
		b.Fatal(err)
	}
	return buf.Bytes()
}

// BenchmarkPhoto8000PNG: the 8000 × 8000 PNG, refused from its header alone.
func BenchmarkPhoto8000PNG(b *testing.B) { benchPhotoPack(b, bigPNG(b, 8000, 8000)) }

// BenchmarkPhoto6000PNG: a 36-megapixel PNG, under the cap, decoded and scaled down.
func BenchmarkPhoto6000PNG(b *testing.B) { benchPhotoPack(b, bigPNG(b, 6000, 6000)) }

// BenchmarkPhoto24MPJPEG: a 6000 × 4000 camera JPEG.
func BenchmarkPhoto24MPJPEG(b *testing.B) {
	img := image.NewYCbCr(image.Rect(0, 0, 6000, 4000), image.YCbCrSubsampleRatio420)
	for i := range img.Y {
		img.Y[i] = uint8(i)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85}); err != nil {
		b.Fatal(err)
	}
	benchPhotoPack(b, buf.Bytes())
}

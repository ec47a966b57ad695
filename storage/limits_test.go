//go:build sqlite_fts5

package storage

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// pngClaiming is the start of a PNG whose header claims width×height pixels: a few dozen
// bytes that a viewer would try to give gigabytes.
func pngClaiming(width, height uint32) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], width)
	binary.BigEndian.PutUint32(ihdr[4:], height)
	ihdr[8], ihdr[9] = 8, 6 // 8 bits, RGBA
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	binary.Write(&b, binary.BigEndian, uint32(len(ihdr)))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

func TestPhotoDimensions(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	var small bytes.Buffer
	require.NoError(t, png.Encode(&small, image.NewRGBA(image.Rect(0, 0, 64, 80))))
	for _, c := range []struct {
		name  string
		photo []byte
		says  string // "" when accepted
	}{
		{"a portrait", small.Bytes(), ""},
		{"60000 × 60000 in 45 bytes", pngClaiming(60000, 60000), "the photo is 60000×60000 pixels; the limit is 4096 pixels on a side"},
		{"one side too long", pngClaiming(100, 5000), "100×5000 pixels"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := Actor{Kind: ActorPerson, Name: "Igor Morgulov", Photo: c.photo}
			err := s.CreateActor(ctx, &a)
			if c.says == "" {
				assert.NoError(t, err)
				return
			}
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, "photo", ve.Field)
			assert.Contains(t, ve.Reason, c.says)
		})
	}
}

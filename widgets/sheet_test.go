package widgets

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFactTable(t *testing.T) {
	newTestApp(t)
	ft := NewFactTable(sampleFacts())
	var cited []string
	ft.OnCitationTapped = func(c string) { cited = append(cited, c) }
	w := test.NewTempWindow(t, container.NewVScroll(ft))
	w.Resize(fyne.NewSize(600, 400))
	r := test.WidgetRenderer(ft).(*factTableRenderer)
	test.AssertRendersToMarkup(t, "facttable/islands.xml", w.Canvas())

	require.Len(t, r.rows, 4)
	// Labels share one column; the long value wraps to more than one line.
	assert.Equal(t, r.rows[0].value.Position().X, r.rows[3].value.Position().X)
	long := r.rows[3].value
	assert.Greater(t, long.Size().Height, r.rows[1].value.Size().Height)
	assert.Equal(t, r.rows[3].label.Size().Height, long.Size().Height, "a row is as tall as its taller side")

	// The citation marker is a link to the source.
	var links []*widget.Hyperlink
	for _, o := range test.LaidOutObjects(r.rows[2].value) {
		if l, ok := o.(*widget.Hyperlink); ok {
			links = append(links, l)
		}
	}
	require.Len(t, links, 1)
	assert.Equal(t, "[1]", links[0].Text)
	test.TapAt(links[0], fyne.NewPos(theme.InnerPadding()+2, links[0].Size().Height/2)) // on the text
	assert.Equal(t, []string{"1"}, cited)

	// Narrower: the rows grow taller and the table tells its scroller so.
	before := ft.MinSize().Height
	w.Resize(fyne.NewSize(320, 400))
	assert.Greater(t, ft.MinSize().Height, before)

	ft.SetFacts(sampleFacts()[:1])
	assert.Len(t, r.rows, 1)
	assert.Len(t, r.Objects(), 3)
	assert.Equal(t, sampleFacts()[:1], ft.Facts())
}

func TestFactTableCitationWithoutCallbackIsText(t *testing.T) {
	newTestApp(t)
	ft := NewFactTable(sampleFacts()[2:3])
	w := test.NewTempWindow(t, ft)
	w.Resize(fyne.NewSize(500, 100))
	r := test.WidgetRenderer(ft).(*factTableRenderer)
	segs := r.rows[0].value.Segments
	require.Len(t, segs, 2)
	assert.Equal(t, " [1]", segs[1].(*widget.TextSegment).Text)
}

func TestSideBySide(t *testing.T) {
	newTestApp(t)
	s := NewSideBySide(sampleNames()...)
	w := test.NewTempWindow(t, s)
	w.Resize(fyne.NewSize(700, 200))
	r := test.WidgetRenderer(s).(*sideBySideRenderer)
	test.AssertRendersToMarkup(t, "sidebyside/names.xml", w.Canvas())

	japan, russia := r.columns[0], r.columns[1]
	assert.False(t, r.stacked)
	assert.Equal(t, japan.heading.Position().Y, russia.heading.Position().Y, "side by side")
	assert.Less(t, japan.heading.Position().X, russia.heading.Position().X)
	assert.Equal(t, "Southern Kurils (Южные Курилы)", russia.paragraphs[0].Text)

	w.Resize(fyne.NewSize(360, 400))
	assert.True(t, r.stacked)
	assert.Equal(t, japan.heading.Position().X, russia.heading.Position().X, "stacked")
	assert.Greater(t, russia.heading.Position().Y, japan.paragraphs[1].Position().Y)
	test.AssertRendersToMarkup(t, "sidebyside/names_stacked.xml", w.Canvas())

	s.SetColumns([]Column{{Heading: "Japan"}, {Heading: "Russia"}, {Heading: "United States", Paragraphs: []string{"Recognises Japan's sovereignty"}}})
	assert.Len(t, r.columns, 3)
	assert.Len(t, r.Objects(), 3*2+1)
}

func photo(t *testing.T) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 8, 8))
	for i := range img.Pix {
		img.Pix[i] = 0x80
	}
	img.Set(0, 0, color.Black)
	var buf bytes.Buffer
	require.NoError(t, png.Encode(&buf, img))
	return buf.Bytes()
}

func TestProfileHeader(t *testing.T) {
	newTestApp(t)
	h := NewProfileHeader(sampleMorgulov())
	w := test.NewTempWindow(t, h)
	w.Resize(fyne.NewSize(600, 180))
	r := test.WidgetRenderer(h).(*profileHeaderRenderer)
	test.AssertRendersToMarkup(t, "profileheader/initials.xml", w.Canvas())

	assert.Equal(t, "IM", r.initials.Text)
	assert.True(t, r.initials.Visible())
	assert.False(t, r.photo.Visible())
	assert.Greater(t, r.native.Position().Y, r.name.Position().Y, "native name beneath")
	assert.Greater(t, h.Theme().Size(r.native.SizeName), h.Theme().Size(theme.SizeNameText), "native name larger than body")
	assert.Equal(t, "Russia", r.side.Text)

	p := sampleMorgulov()
	p.Photo = PhotoResource("morgulov.png", photo(t))
	p.NativeName = ""
	p.Side = ""
	h.SetProfile(p)
	assert.True(t, r.photo.Visible())
	assert.False(t, r.initials.Visible())
	assert.False(t, r.native.Visible())
	assert.False(t, r.side.Visible())
	assert.Equal(t, canvas.ImageFillCover, r.photo.FillMode)
	test.AssertRendersToMarkup(t, "profileheader/photo.xml", w.Canvas())
	assert.Nil(t, PhotoResource("none.png", nil))
}

func TestInitials(t *testing.T) {
	for name, want := range map[string]string{
		"Igor Morgulov":                    "IM",
		"Shinzō Abe":                       "SA",
		"Abe":                              "A",
		"  vladimir   vladimirovich putin": "VP",
		"Игорь Моргулов":                   "ИМ",
		"":                                 "?",
		"Jean-Luc":                         "JL",
	} {
		assert.Equal(t, want, Initials(name), name)
	}
}

func TestFieldError(t *testing.T) {
	newTestApp(t)
	e := NewFieldError()
	entry := widget.NewEntry()
	box := container.NewVBox(entry, e, widget.NewLabel("next field"))
	w := test.NewTempWindow(t, box)
	w.Resize(fyne.NewSize(300, 200))
	assert.False(t, e.Visible())
	without := box.MinSize().Height

	e.SetError(errEndBeforeStart)
	box.Refresh() // a window lays the form out again on its next frame
	assert.True(t, e.Visible())
	assert.Greater(t, box.MinSize().Height, without)
	test.AssertRendersToMarkup(t, "fielderror/shown.xml", w.Canvas())

	e.SetError(nil)
	assert.False(t, e.Visible())
	assert.Equal(t, "", e.Text)
}

var errEndBeforeStart = errString("the end (2016-06-21) is before the start (2016-06-22)")

type errString string

func (e errString) Error() string { return string(e) }

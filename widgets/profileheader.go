package widgets

import (
	"hash/fnv"
	"image/color"
	"strings"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Profile is what a ProfileHeader shows of a person.
type Profile struct {
	Name       string        // display name: "Igor Morgulov"
	NativeName string        // the name in its own script: "Игорь Моргулов", "原田親仁"
	Title      string        // current title or post
	Side       string        // the party they speak for: "Russia"
	Photo      fyne.Resource // nil shows their initials instead; see PhotoResource
}

// PhotoResource wraps image bytes (PNG or JPEG, as stored) as a resource for Profile.Photo;
// it returns nil for no bytes, so the initials are shown.
func PhotoResource(name string, data []byte) fyne.Resource {
	if len(data) == 0 {
		return nil
	}
	return fyne.NewStaticResource(name, data)
}

var _ fyne.Widget = (*ProfileHeader)(nil)

// ProfileHeader heads an actor's profile: a round photo, or their initials in a coloured
// circle, beside the display name; beneath it the name in its native script, in larger type
// than body text so that kanji or Cyrillic stay legible; then the title and a pill naming
// their side.
type ProfileHeader struct {
	widget.BaseWidget
	profile Profile
}

// NewProfileHeader returns a header for the profile.
func NewProfileHeader(p Profile) *ProfileHeader {
	h := &ProfileHeader{profile: p}
	h.ExtendBaseWidget(h)
	return h
}

// SetProfile replaces the profile shown.
func (h *ProfileHeader) SetProfile(p Profile) {
	h.profile = p
	h.Refresh()
}

// Profile returns the profile shown.
func (h *ProfileHeader) Profile() Profile { return h.profile }

// Initials are the first letters of the first and last words of a name, upper case:
// "Igor Morgulov" → "IM", "Abe" → "A", "" → "?".
func Initials(name string) string {
	words := strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' })
	first := func(w string) string {
		for _, r := range w {
			if unicode.IsLetter(r) {
				return string(unicode.ToUpper(r))
			}
		}
		return ""
	}
	switch len(words) {
	case 0:
		return "?"
	case 1:
		if s := first(words[0]); s != "" {
			return s
		}
		return "?"
	}
	if s := first(words[0]) + first(words[len(words)-1]); s != "" {
		return s
	}
	return "?"
}

// avatarColours are the circles behind initials; white initials read on each.
var avatarColours = []color.NRGBA{
	{R: 0x3b, G: 0x6e, B: 0xc6, A: 0xff},
	{R: 0x2e, G: 0x8b, B: 0x57, A: 0xff},
	{R: 0x9c, G: 0x4d, B: 0xb8, A: 0xff},
	{R: 0xc0, G: 0x5a, B: 0x2a, A: 0xff},
	{R: 0x1f, G: 0x84, B: 0x8f, A: 0xff},
	{R: 0x8a, G: 0x6d, B: 0x1f, A: 0xff},
	{R: 0xb0, G: 0x3a, B: 0x5b, A: 0xff},
}

func avatarColour(name string) color.Color {
	f := fnv.New32a()
	_, _ = f.Write([]byte(name))
	return avatarColours[f.Sum32()%uint32(len(avatarColours))]
}

// CreateRenderer returns the renderer.
func (h *ProfileHeader) CreateRenderer() fyne.WidgetRenderer {
	h.ExtendBaseWidget(h)
	r := &profileHeaderRenderer{
		h:        h,
		circle:   &canvas.Circle{},
		initials: &canvas.Text{Alignment: fyne.TextAlignCenter, TextStyle: fyne.TextStyle{Bold: true}},
		photo:    &canvas.Image{FillMode: canvas.ImageFillCover},
		name:     widget.NewLabel(""),
		native:   widget.NewLabel(""),
		title:    widget.NewLabel(""),
		side:     NewStatusBadge("", ""),
	}
	r.name.TextStyle = fyne.TextStyle{Bold: true}
	r.name.SizeName = theme.SizeNameHeadingText
	r.native.SizeName = theme.SizeNameSubHeadingText
	for _, l := range []*widget.Label{r.name, r.native, r.title} {
		l.Wrapping = fyne.TextWrapWord
	}
	r.Refresh()
	return r
}

type profileHeaderRenderer struct {
	h                   *ProfileHeader
	circle              *canvas.Circle
	initials            *canvas.Text
	photo               *canvas.Image
	name, native, title *widget.Label
	side                *StatusBadge
}

func (r *profileHeaderRenderer) Destroy() {}

func (r *profileHeaderRenderer) Objects() []fyne.CanvasObject {
	return []fyne.CanvasObject{r.circle, r.initials, r.photo, r.name, r.native, r.title, r.side}
}

// avatar is the diameter of the photo or initials circle.
func (r *profileHeaderRenderer) avatar() float32 {
	return 6 * r.h.Theme().Size(theme.SizeNameText)
}

func (r *profileHeaderRenderer) MinSize() fyne.Size {
	th := r.h.Theme()
	a := r.avatar()
	width := widthOrDefault(r.h.Size(), 40*th.Size(theme.SizeNameText))
	return fyne.NewSize(a+th.Size(theme.SizeNamePadding)+12*th.Size(theme.SizeNameText),
		max(a, r.layoutText(width, false)))
}

func (r *profileHeaderRenderer) Layout(size fyne.Size) {
	a := r.avatar()
	for _, o := range []fyne.CanvasObject{r.circle, r.initials, r.photo} {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(fyne.NewSquareSize(a))
	}
	r.layoutText(size.Width, true)
}

// layoutText stacks the text lines right of the avatar and returns their height.
func (r *profileHeaderRenderer) layoutText(width float32, place bool) float32 {
	pad := r.h.Theme().Size(theme.SizeNamePadding)
	x := r.avatar() + pad
	w := max(width-x, 0)
	y := float32(0)
	for _, o := range []fyne.CanvasObject{r.name, r.native, r.title} {
		if !o.Visible() {
			continue
		}
		h := heightAt(o, w)
		if place {
			o.Move(fyne.NewPos(x, y))
			o.Resize(fyne.NewSize(w, h))
		}
		y += h
	}
	if r.side.Visible() {
		s := r.side.MinSize()
		if place {
			inner := r.h.Theme().Size(theme.SizeNameInnerPadding)
			r.side.Move(fyne.NewPos(x+inner, y+pad/2))
			r.side.Resize(s)
		}
		y += s.Height + pad
	}
	return y
}

func (r *profileHeaderRenderer) Refresh() {
	th := r.h.Theme()
	p := r.h.profile
	r.photo.Resource = p.Photo
	r.photo.CornerRadius = r.avatar() / 2
	r.photo.Hidden = p.Photo == nil
	r.circle.Hidden = p.Photo != nil
	r.initials.Hidden = p.Photo != nil
	r.circle.FillColor = avatarColour(p.Name)
	r.initials.Text = Initials(p.Name)
	r.initials.TextSize = 2.2 * th.Size(theme.SizeNameText)
	r.initials.Color = color.White
	r.photo.Refresh()

	set := func(l *widget.Label, text string) {
		l.Text = text
		l.Hidden = text == ""
		l.Refresh()
	}
	set(r.name, p.Name)
	set(r.native, p.NativeName)
	set(r.title, p.Title)
	r.side.Text = p.Side
	r.side.Hidden = p.Side == ""
	r.side.Refresh()

	r.Layout(r.h.Size())
	canvas.Refresh(r.h)
}

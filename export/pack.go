package export

import (
	"fmt"
	"io"
	"reflect"
	"sort"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/parley-app/parley/handling"
	"github.com/parley-app/parley/storage"
)

// PackOptions are the reader's choices for one briefing pack.
type PackOptions struct {
	// Marking is the handling marking printed at the top and bottom of every page; "" uses
	// the dossier's (Briefing.Marking), and when both are empty no banner is printed.
	Marking string
	// HomeZone is the reader's home time zone, shown beside the venue's; nil means the
	// machine's local zone.
	HomeZone *time.Location
	// PreparedOn is the date printed on the cover and stored as the PDF's creation date.
	// The same briefing and options give the same bytes; zero means now.
	PreparedOn time.Time
	// Scheme is the dossier's handling levels, which the banners and portion marks use; the
	// zero Scheme means handling.Default.
	Scheme handling.Scheme
	// UpTo names the level the briefing was cut to for its audience (handling's Audience)
	// and LeftOut how many items that left out; "" when the pack carries everything.
	UpTo    string
	LeftOut int
	// Issue is the registry's entry when the pack is issued; nil prints a draft. An issue
	// with an Addendum number prints the addendum: the cover and Changes.
	Issue *storage.PackIssue
	// Changes are, for an addendum, what changed since the version it amends.
	Changes []storage.PartChanges
	// Copy and Copies number one copy of a numbered issue, "Copy 3 of 5" on every page and in
	// the metadata; zero when the copies are not numbered.
	Copy, Copies int
	// Preflight is the short form of the pre-flight check (package preflight), most important
	// first, which the cover prints under "Before you go"; nil prints only the sections the
	// dossier holds nothing for.
	Preflight []string
}

// A4 page geometry, in millimetres.
const (
	pageW    = 210.0
	pageH    = 297.0
	marginL  = 25.0
	marginR  = 25.0
	contentW = pageW - marginL - marginR
	// contentTop and contentBot bound the text area when the marking takes one line; a
	// longer marking moves them inwards (renderer.top, renderer.bot).
	contentTop = 27.0
	contentBot = 270.0
)

// The palette: near-black ink, a single restrained navy for structure, greys for apparatus.
var (
	inkColour    = rgb{26, 26, 26}
	navyColour   = rgb{28, 52, 88}
	mutedColour  = rgb{92, 100, 112}
	ruleColour   = rgb{190, 196, 204}
	headerFill   = rgb{236, 240, 245}
	bannerColour = rgb{20, 20, 20}
)

// Type sizes and the styles built on them.
var (
	bodyStyle  = style{size: 10, color: inkColour}
	smallStyle = style{size: 8.5, color: mutedColour}
	cellStyle  = style{size: 9, color: inkColour}
	labelStyle = style{size: 9, color: mutedColour}
	h1Style    = style{size: 16, bold: true, color: navyColour}
	h2Style    = style{size: 13, bold: true, color: navyColour}
	h3Style    = style{size: 9.5, bold: true, color: navyColour}
)

const (
	bodyLine  = 5.0 // line height of body text
	smallLine = 4.0
	cellLine  = 4.4
)

// WritePack writes the briefing pack for b as a PDF to w. It reads nothing but b and opt:
// with opt.PreparedOn fixed, the same briefing gives the same bytes.
func WritePack(w io.Writer, b *storage.Briefing, opt PackOptions) error {
	if b == nil {
		return fmt.Errorf("briefing pack: no briefing")
	}
	m, err := loadMetrics()
	if err != nil {
		return fmt.Errorf("briefing pack: %w", err)
	}
	if opt.HomeZone == nil {
		opt.HomeZone = time.Local
	}
	if opt.PreparedOn.IsZero() {
		opt.PreparedOn = time.Now()
	}
	if opt.Marking == "" {
		opt.Marking = b.Marking
	}
	if len(opt.Scheme.Levels) == 0 {
		opt.Scheme = handling.Default
	}
	r := newRenderer(b, opt, &typesetter{m: m})
	if err := r.placeFrame(); err != nil {
		return fmt.Errorf("briefing pack for %q: %w", b.Meeting.Title, err)
	}
	if err := r.render(); err != nil {
		return fmt.Errorf("briefing pack for %q: %w", b.Meeting.Title, err)
	}
	if err := r.pdf.Output(w); err != nil {
		return fmt.Errorf("briefing pack for %q: write: %w", b.Meeting.Title, err)
	}
	return nil
}

// section is one numbered part of the pack, with its entries in the contents.
type section struct {
	title   string
	number  int
	newPage bool // start on a fresh page
	link    int
	page    int
	subs    []*entry
	draw    func()
}

// entry is a sub-entry in the contents (a profile, a fact sheet).
type entry struct {
	title string
	link  int
	page  int
}

// renderer holds the state of one pack being drawn.
type renderer struct {
	pdf *gofpdf.Fpdf
	ts  *typesetter
	b   *storage.Briefing
	opt PackOptions

	y        float64
	top, bot float64 // the text area of every page, between the frame's banners
	frameAt  frameGeometry
	marking  handling.Marking
	// pageLevel is the highest level whose portion mark each page shows (see notePortions);
	// pageSection the section a page begins in, for its running head.
	pageLevel   map[int]int
	pageSection map[int]string
	current     string // the section being drawn
	fontsAdded  [fontCount]bool
	curFont     fontID
	curSize     float64
	fontValid   bool

	sections    []*section
	notPrepared []string
	contents    int // first contents page
	contentsN   int // number of contents pages

	sourceNo     map[string]int
	sourceOrder  []string
	sourceLinks  map[string]int
	profileLinks map[string]int
	runes        []rune // see usedRunes

	actors     map[string]storage.Actor // the actors the briefing holds, by ID (see actor)
	annexLevel int                      // the parameters annex's level (handling's AnnexLevel)
	floor      int                      // the least level of every page begun now (the annex's); handling.None outside it
}

func newRenderer(b *storage.Briefing, opt PackOptions, ts *typesetter) *renderer {
	pdf := gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: gofpdf.SizeType{Wd: pageW, Ht: pageH}})
	pdf.SetMargins(marginL, contentTop, marginR)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCompression(false)
	pdf.SetCatalogSort(true)
	prepared := opt.PreparedOn.UTC()
	pdf.SetCreationDate(prepared)
	pdf.SetModificationDate(prepared)
	pdf.SetTitle("Briefing pack: "+b.Meeting.Title, true)
	pdf.SetSubject("Briefing pack", true)
	pdf.SetCreator("Parley", true)
	pdf.SetDisplayMode("fullwidth", "OneColumn")
	return &renderer{
		pdf: pdf, ts: ts, b: b, opt: opt,
		top: contentTop, bot: contentBot,
		marking:      opt.Scheme.ParseMarking(opt.Marking),
		pageLevel:    map[int]int{},
		pageSection:  map[int]string{},
		sourceNo:     map[string]int{},
		sourceLinks:  map[string]int{},
		profileLinks: map[string]int{},
		annexLevel:   handling.None,
		floor:        handling.None,
	}
}

// render lays out the whole pack: cover, contents, sections, then the contents entries and
// every page's banner and footer, now that the page count is known.
func (r *renderer) render() error {
	r.plan()
	// Registering the Latin font first gives gofpdf a current font for bookmarks.
	r.useFont(fontRegular, bodyStyle.size)
	r.newPage()
	r.pdf.Bookmark("Cover", 0, 0)
	r.cover()
	if err := r.pdf.Error(); err != nil {
		return err
	}
	r.contentsN = r.contentsPages()
	r.current = "Contents"
	for i := 0; i < r.contentsN; i++ {
		r.newPage()
		if i == 0 {
			r.contents = r.pdf.PageNo()
			r.pdf.Bookmark("Contents", 0, r.top)
		}
	}
	for i, s := range r.sections {
		r.current = s.title
		if i == 0 || s.newPage {
			r.newPage()
		} else {
			r.y += 8
		}
		s.draw()
		if err := r.pdf.Error(); err != nil {
			return fmt.Errorf("section %s: %w", s.title, err)
		}
	}
	last := r.pdf.PageNo()
	r.drawContents()
	for p := 1; p <= last; p++ {
		r.setPage(p)
		r.frame(p, last)
	}
	r.setPage(last)
	r.metadata(last)
	return r.pdf.Error()
}

// newPage starts a page and puts the cursor at the top of its text area.
func (r *renderer) newPage() {
	r.pdf.AddPage()
	r.fontValid = false
	r.y = r.top
	r.pageSection[r.pdf.PageNo()] = r.current
	r.raise(r.pdf.PageNo(), r.floor)
}

// setPage goes back to an earlier page to draw on it.
func (r *renderer) setPage(p int) {
	r.pdf.SetPage(p)
	r.fontValid = false
}

// space is what is left of the text area below the cursor.
func (r *renderer) space() float64 { return r.bot - r.y }

// ensure starts a new page unless h millimetres fit below the cursor.
func (r *renderer) ensure(h float64) {
	if r.y+h > r.bot+0.01 {
		r.newPage()
	}
}

// useFont selects a font, registering it with gofpdf on first use so that a pack without
// Japanese carries no CJK font at all.
func (r *renderer) useFont(id fontID, size float64) {
	fam, st := id.family()
	if !r.fontsAdded[id] {
		r.pdf.AddUTF8FontFromBytes(fam, st, r.fontBytes(id))
		r.fontsAdded[id] = true
	}
	if r.fontValid && r.curFont == id && r.curSize == size {
		return
	}
	r.pdf.SetFont(fam, st, size)
	r.curFont, r.curSize, r.fontValid = id, size, true
}

// fontBytes is the font file handed to gofpdf: the Latin fonts whole, the big CJK and Korean
// fonts cut down to the characters this briefing uses (see subsetFont).
func (r *renderer) fontBytes(id fontID) []byte {
	if id.shaped() {
		return r.shapedFontBytes(id)
	}
	if !id.subset() {
		return r.latinFontBytes(id)
	}
	var runes []rune
	for _, c := range r.printedRunes() {
		if f, ok := r.ts.fontFor(c, style{}); ok && f == id {
			runes = append(runes, c)
		}
	}
	sub, err := subsetFont(id.bytes(), r.ts.m[id], runes)
	if err != nil {
		return id.bytes() // the whole font works too, only slower
	}
	return sub
}

// usedRunes are the distinct characters of every text in the briefing and the options, in
// order: whatever the pack prints comes from them or from its own English words.
func (r *renderer) usedRunes() []rune {
	if r.runes != nil {
		return r.runes
	}
	seen := map[rune]bool{}
	add := func(s string) {
		for _, c := range s {
			seen[c] = true
		}
	}
	add(r.opt.Marking)
	collectStrings(reflect.ValueOf(r.b), add)
	r.runes = make([]rune, 0, len(seen))
	for c := range seen {
		r.runes = append(r.runes, c)
	}
	sort.Slice(r.runes, func(i, j int) bool { return r.runes[i] < r.runes[j] })
	return r.runes
}

// collectStrings calls add with every exported string reachable from v.
func collectStrings(v reflect.Value, add func(string)) {
	switch v.Kind() {
	case reflect.String:
		add(v.String())
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			collectStrings(v.Elem(), add)
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			if v.Type().Field(i).IsExported() {
				collectStrings(v.Field(i), add)
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return // photos
		}
		for i := 0; i < v.Len(); i++ {
			collectStrings(v.Index(i), add)
		}
	case reflect.Map:
		it := v.MapRange()
		for it.Next() {
			collectStrings(it.Key(), add)
			collectStrings(it.Value(), add)
		}
	}
}

// fitOneLine shortens s with an ellipsis until it fits width in style st.
func (r *renderer) fitOneLine(s string, st style, width float64) string {
	if r.ts.spanWidth([]span{{text: s, st: st}}) <= width {
		return s
	}
	rs := []rune(s)
	for n := len(rs) - 1; n > 0; n-- {
		c := string(rs[:n]) + "…"
		if r.ts.spanWidth([]span{{text: c, st: st}}) <= width {
			return c
		}
	}
	return "…"
}

// spanWidth is the width of spans set on one line.
func (t *typesetter) spanWidth(spans []span) float64 {
	w := 0.0
	atoms := t.atoms(spans)
	for i, a := range atoms {
		w += a.w
		if i < len(atoms)-1 {
			w += a.space
		}
	}
	return w
}

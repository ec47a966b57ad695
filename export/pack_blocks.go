package export

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The pack's building blocks: paragraphs, lists, headings and tables that break across pages
// without overflowing them, and that keep a heading with the start of what it introduces.

// drawLine draws one typeset line with its line box's top at y. Neighbouring runs in the same
// font, size, colour and link, separated by nothing or by one ordinary space, are drawn as one
// string: a line costs a few PDF text operations, not one per word.
func (r *renderer) drawLine(ln line, x, y, lineH float64) {
	r.notePortions(ln)
	size := 0.0
	for _, a := range ln.atoms {
		for _, rn := range a.runs {
			size = math.Max(size, rn.st.size)
		}
	}
	sizeMM := size * ptToMM
	baseline := y + (lineH-sizeMM)/2 + 0.78*sizeMM

	var seg run // the text gathered so far, drawn at segX
	var segX float64
	var text strings.Builder
	flush := func() {
		if text.Len() == 0 {
			return
		}
		r.useFont(seg.font, seg.st.size)
		r.pdf.SetTextColor(seg.st.color.r, seg.st.color.g, seg.st.color.b)
		r.pdf.Text(segX, baseline, text.String())
		switch {
		case seg.link != 0:
			r.pdf.Link(segX, y, seg.w, lineH, seg.link)
		case seg.url != "":
			r.pdf.LinkString(segX, y, seg.w, lineH, seg.url)
		}
		text.Reset()
	}
	gap := 0.0 // space between the end of the segment and the next run
	for _, a := range ln.atoms {
		for _, rn := range a.runs {
			if rn.text == "" {
				gap += rn.w
				continue
			}
			same := text.Len() > 0 && rn.font == seg.font && rn.st == seg.st && rn.link == seg.link && rn.url == seg.url
			switch {
			case same && gap == 0:
				text.WriteString(rn.text)
				seg.w += rn.w
			case same && math.Abs(gap-r.ts.width(" ", rn.font, rn.st.size)) < 1e-9:
				text.WriteByte(' ')
				text.WriteString(rn.text)
				seg.w += gap + rn.w
			default:
				flush()
				seg = rn
				segX = x + gap
				text.WriteString(rn.text)
			}
			x += gap + rn.w
			gap = 0
		}
		gap += a.space
	}
	flush()
}

// linesHeight is the height of lines set at lineH, paragraph gaps included.
func linesHeight(lines []line, lineH float64) float64 {
	h := float64(len(lines)) * lineH
	for _, ln := range lines {
		if ln.gap {
			h += lineH / 2
		}
	}
	return h
}

// leadLines is how many of a text's first lines must start on the same page: the head (a
// speaker line, a question) with the whole body when it has up to three lines, else with two
// of them, so that neither an orphan nor a widow is left and a head never stands alone.
func leadLines(n, head int) int {
	if n-head <= 3 {
		return n
	}
	return head + 2
}

// drawLines draws lines at x from the cursor down, continuing on new pages as needed. A
// paragraph of up to three lines is kept whole; a longer one that does not fit starts on the
// next page unless at least two of its lines fit, and it never leaves a single line alone at
// the top of the next page.
func (r *renderer) drawLines(lines []line, x, lineH float64) {
	r.drawLinesKeep(lines, x, lineH, leadLines(len(lines), 0))
}

// drawLinesKeep is drawLines with the first keep lines kept on one page.
func (r *renderer) drawLinesKeep(lines []line, x, lineH float64, keep int) {
	if len(lines) == 0 {
		return
	}
	keep = max(1, min(keep, len(lines)))
	r.ensure(linesHeight(lines[:keep], lineH))
	for i := 0; i < len(lines); {
		fit := int((r.space() + 0.01) / lineH)
		if fit <= 0 {
			r.newPage()
			continue
		}
		rest := len(lines) - i
		n := min(fit, rest)
		if n < rest && rest-n == 1 && n >= 3 && (i > 0 || n > keep) {
			n-- // carry a line over so that the next page does not start with a widow
		}
		for k := 0; k < n && r.y+lineH <= r.bot+0.01; k++ {
			r.drawLine(lines[i], x, r.y, lineH)
			r.advance(lines[i], lineH)
			i++
		}
		if i < len(lines) {
			r.newPage()
		}
	}
}

func (r *renderer) advance(ln line, lineH float64) {
	r.y += lineH
	if ln.gap {
		r.y += lineH / 2
	}
}

// para sets spans as a paragraph across the text width (indented by indent) and draws it.
// A number stays on the line of the word before it ("round 2", "Article 9").
func (r *renderer) para(spans []span, indent, lineH, after float64) {
	r.drawLines(r.ts.layout(glueNumbers(spans), contentW-indent), marginL+indent, lineH)
	r.y += after
}

// paraLead is the height a paragraph needs on the page it starts on: all of it up to three
// lines, else two.
func (r *renderer) paraLead(spans []span, indent, lineH float64) float64 {
	lines := r.ts.layout(glueNumbers(spans), contentW-indent)
	return linesHeight(lines[:leadLines(len(lines), 0)], lineH)
}

// glueNumbers puts a no-break space between a word and a short number after it, so that a
// line never ends with "round" and the next starts with "2". The text itself is unchanged:
// pdftotext reads the no-break space as a space.
func glueNumbers(spans []span) []span {
	var out []span
	for i, sp := range spans {
		g := glueNumbersIn(sp.text)
		if g == sp.text {
			continue
		}
		if out == nil {
			out = append([]span(nil), spans...)
		}
		out[i].text = g
	}
	if out == nil {
		return spans
	}
	return out
}

// glueNumbersIn replaces the space before a number of up to four digits, standing as a word
// of its own, with a no-break space when a letter comes before the space.
func glueNumbersIn(s string) string {
	if !strings.ContainsAny(s, "0123456789") {
		return s
	}
	b := []byte(s)
	changed := false
	var out strings.Builder
	last := 0
	for i := 1; i+1 < len(b); i++ {
		if b[i] != ' ' || !isDigit(b[i+1]) {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(prev) {
			continue
		}
		j := i + 1
		for j < len(b) && isDigit(b[j]) {
			j++
		}
		if next, _ := utf8.DecodeRuneInString(s[j:]); j-(i+1) > 4 || unicode.IsLetter(next) {
			continue
		}
		out.WriteString(s[last:i])
		out.WriteString("\u00a0")
		last = i + 1
		changed = true
	}
	if !changed {
		return s
	}
	out.WriteString(s[last:])
	return out.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// heading draws a heading, first making sure that it and lead millimetres of what follows
// fit on the page, so that a heading never stands alone at the foot of a page. It returns
// the top of the heading, for links and bookmarks.
func (r *renderer) heading(text string, st style, lineH, before, after, lead float64) float64 {
	lines := r.ts.layout(glueNumbers([]span{{text: text, st: st}}), contentW)
	h := linesHeight(lines, lineH)
	if r.y > r.top+0.01 {
		if r.y+before+h+after+lead > r.bot {
			r.newPage()
		} else {
			r.y += before
		}
	}
	top := r.y
	for _, ln := range lines {
		r.drawLine(ln, marginL, r.y, lineH)
		r.y += lineH
	}
	r.y += after
	return top
}

// sectionHeading opens a numbered section: its title, a rule, a link target and a bookmark.
func (r *renderer) sectionHeading(s *section, lead float64) {
	title := s.title
	if s.number > 0 {
		title = itoa(s.number) + "   " + s.title
	}
	top := r.heading(title, h1Style, 8, 6, 1.5, lead+5)
	r.pdf.SetDrawColor(navyColour.r, navyColour.g, navyColour.b)
	r.pdf.SetLineWidth(0.4)
	r.pdf.Line(marginL, r.y, pageW-marginR, r.y)
	r.y += 5
	s.page = r.pdf.PageNo()
	r.pdf.SetLink(s.link, top, s.page)
	r.useFont(fontRegular, bodyStyle.size)
	r.pdf.Bookmark(s.title, 0, top)
}

// subHeading is a small heading inside a section (Objectives, Biography, Timeline).
func (r *renderer) subHeading(text string, lead float64) {
	r.heading(text, h3Style, 5, 3.5, 1, lead)
}

// listItem is one entry of a numbered or bulleted list.
type listItem struct {
	marker string
	head   []span // lines kept with the start of spans: a speaker and date, a question
	spans  []span
	target int // link made by AddLink that points at this item; 0 = none
}

// itemLines typesets an item and says how many of its first lines start on one page.
func (r *renderer) itemLines(it listItem, width float64) ([]line, int) {
	var lines []line
	if len(it.head) > 0 {
		lines = r.ts.layout(it.head, width)
	}
	head := len(lines)
	lines = append(lines, r.ts.layout(it.spans, width)...)
	return lines, leadLines(len(lines), head)
}

// list draws items with hanging markers. An item's head never stays at the foot of a page
// without the first lines of its text.
func (r *renderer) list(items []listItem, indent, lineH, gap float64) {
	for _, it := range items {
		lines, keep := r.itemLines(it, contentW-indent)
		if len(lines) == 0 {
			continue
		}
		r.ensure(linesHeight(lines[:keep], lineH))
		if it.target != 0 {
			r.pdf.SetLink(it.target, r.y, r.pdf.PageNo())
		}
		first := it.spans
		if len(it.head) > 0 {
			first = it.head
		}
		st := bodyStyle
		if len(first) > 0 {
			st = first[0].st
		}
		marker := r.ts.layout([]span{{text: it.marker, st: st.withColor(mutedColour)}}, indent)
		if len(marker) > 0 {
			r.drawLine(marker[0], marginL, r.y, lineH)
		}
		r.drawLinesKeep(lines, marginL+indent, lineH, keep)
		r.y += gap
	}
}

// listLead is the height the first item of a list needs.
func (r *renderer) listLead(items []listItem, indent, lineH float64) float64 {
	if len(items) == 0 {
		return 0
	}
	lines, keep := r.itemLines(items[0], contentW-indent)
	return linesHeight(lines[:keep], lineH)
}

// table is a grid of cells with an optional header row repeated on every page it crosses.
type table struct {
	widths []float64 // column widths in mm, summing to the table width
	header []string
	rows   [][][]span
	plain  bool // no header fill, no rules: a label–value list
	x      float64
	// caption names the table at the top of a page it continues on, "Timeline (continued)",
	// after the caption of the profile or sheet it belongs to (within).
	caption string
	within  *continued
	targets []int // a link target (AddLink) per row, set where the row is drawn; 0 = none
}

const (
	cellPadX = 1.8
	cellPadY = 1.3
)

// cellLines typesets one row.
func (r *renderer) cellLines(t *table, row [][]span) ([][]line, int) {
	out := make([][]line, len(t.widths))
	n := 0
	for c := range t.widths {
		if c < len(row) {
			out[c] = r.ts.layout(glueNumbers(row[c]), t.widths[c]-t.padLeft()-cellPadX)
		}
		if len(out[c]) > n {
			n = len(out[c])
		}
	}
	return out, n
}

// padLeft is the space before a cell's text: none in a label–value list, which aligns with
// the text around it.
func (t *table) padLeft() float64 {
	if t.plain {
		return 0
	}
	return cellPadX
}

// padY is the space above and below a cell's text: less in a label–value list.
func (t *table) padY() float64 {
	if t.plain {
		return 0.6
	}
	return cellPadY
}

// rowHeight is the height of a row of n lines.
func (t *table) rowHeight(n int) float64 { return float64(n)*cellLine + 2*t.padY() }

// headerSpans is the header row as cells.
func (t *table) headerSpans() [][]span {
	row := make([][]span, len(t.header))
	for i, h := range t.header {
		row[i] = []span{{text: h, st: cellStyle.withBold().withColor(navyColour)}}
	}
	return row
}

func (r *renderer) headerRow(t *table) ([][]line, float64) {
	if t.header == nil {
		return nil, 0
	}
	lines, n := r.cellLines(t, t.headerSpans())
	return lines, t.rowHeight(n)
}

// headingRoom is what a table's lead leaves on a page for the headings above it: a first row
// taller than a page less this is split rather than moved whole.
const headingRoom = 30.0

// tableLead is the height a table needs on the page it starts on: its header and its first
// two rows (all of them when it has three or fewer), so that no row is left alone under the
// header; when those are too tall for a page under their headings, the first row, or the
// first two lines of a first row that is taller still.
func (r *renderer) tableLead(t *table) float64 {
	_, hh := r.headerRow(t)
	if len(t.rows) == 0 {
		return hh
	}
	room := r.bot - r.top - headingRoom
	keep := 2
	if len(t.rows) <= 3 {
		keep = len(t.rows)
	}
	h := 0.0
	for i := 0; i < keep; i++ {
		h += r.rowHeightOf(t, i)
	}
	if hh+h <= room {
		return hh + h
	}
	_, n := r.cellLines(t, t.rows[0])
	if h := t.rowHeight(n); hh+h <= room {
		return hh + h
	}
	return hh + t.rowHeight(min(n, 2))
}

// rowHeightOf is the height of row i of t.
func (r *renderer) rowHeightOf(t *table, i int) float64 {
	_, n := r.cellLines(t, t.rows[i])
	return t.rowHeight(max(n, 1))
}

// drawTable draws t from the cursor down. A row that does not fit moves to the next page
// under a repeated header (and the table's caption, "(continued)"), unless it is the first
// row under its header there or taller than a page: then it is split between its lines.
// The header is never left at the foot of a page without a row under it.
func (r *renderer) drawTable(t *table) {
	if t.x == 0 {
		t.x = marginL
	}
	total := 0.0
	for _, w := range t.widths {
		total += w
	}
	hdr, hh := r.headerRow(t)
	r.ensure(r.tableLead(t))
	if hdr != nil {
		r.drawRow(t, hdr, 0, rowMax(hdr), hh, true, total)
	}
	if t.caption != "" {
		c := r.newContinued(t.caption, t.within)
		c.begin()
		defer c.end()
	}
	onPage := 0 // rows (or parts of rows) drawn under the header on this page
	breakPage := func() {
		r.newPage()
		if hdr != nil {
			r.drawRow(t, hdr, 0, rowMax(hdr), hh, true, total)
		}
		onPage = 0
	}
	for i, row := range t.rows {
		lines, n := r.cellLines(t, row)
		if i == len(t.rows)-2 && onPage >= 2 && i > 0 {
			// The last row never goes overleaf alone: the one before it goes with it.
			h, next := t.rowHeight(max(n, 1)), r.rowHeightOf(t, i+1)
			if h <= r.space() && h+next > r.space() && h+next <= r.bot-r.top-hh {
				breakPage()
			}
		}
		if n == 0 {
			if t.rowHeight(1) > r.space() {
				breakPage()
			}
			r.rowTarget(t, i)
			r.drawRow(t, lines, 0, 0, t.rowHeight(1), false, total)
			onPage++
			continue
		}
		from := 0
		for from < n {
			h := t.rowHeight(n - from)
			if h > r.space() {
				fit := int((r.space() - 2*t.padY() + 0.01) / cellLine)
				if fit < 2 || onPage > 0 && h <= r.bot-r.top-hh {
					breakPage()
					continue
				}
				if n-from-fit == 1 && fit > 2 {
					fit-- // no single line of a row alone on the next page
				}
				if from == 0 {
					r.rowTarget(t, i)
				}
				r.drawRow(t, lines, from, from+fit, t.rowHeight(fit), false, total)
				from += fit
				breakPage()
				continue
			}
			if from == 0 {
				r.rowTarget(t, i)
			}
			r.drawRow(t, lines, from, n, h, false, total)
			from = n
			onPage++
		}
	}
}

// rowTarget points row i's link target, if it has one, at the cursor.
func (r *renderer) rowTarget(t *table, i int) {
	if i < len(t.targets) && t.targets[i] != 0 {
		r.pdf.SetLink(t.targets[i], r.y, r.pdf.PageNo())
	}
}

func rowMax(lines [][]line) int {
	n := 0
	for _, c := range lines {
		if len(c) > n {
			n = len(c)
		}
	}
	return n
}

// drawRow draws lines [from, to) of every cell of a row at the cursor and moves below it.
func (r *renderer) drawRow(t *table, cells [][]line, from, to int, h float64, header bool, total float64) {
	if header && !t.plain {
		r.pdf.SetFillColor(headerFill.r, headerFill.g, headerFill.b)
		r.pdf.Rect(t.x, r.y, total, h, "F")
	}
	x := t.x
	for c, w := range t.widths {
		y := r.y + t.padY()
		for i := from; i < to && i < len(cells[c]); i++ {
			r.drawLine(cells[c][i], x+t.padLeft(), y, cellLine)
			y += cellLine
		}
		x += w
	}
	r.y += h
	if !t.plain {
		r.pdf.SetDrawColor(ruleColour.r, ruleColour.g, ruleColour.b)
		r.pdf.SetLineWidth(0.2)
		if header {
			r.pdf.SetDrawColor(navyColour.r, navyColour.g, navyColour.b)
			r.pdf.SetLineWidth(0.3)
		}
		r.pdf.Line(t.x, r.y, t.x+total, r.y)
	}
}

// columns splits width into columns proportional to weights.
func columns(width float64, weights ...float64) []float64 {
	sum := 0.0
	for _, w := range weights {
		sum += w
	}
	out := make([]float64, len(weights))
	for i, w := range weights {
		out[i] = width * w / sum
	}
	return out
}

// sizeColumns gives t columns summing to width, sized from their content (header included):
// no column is narrower than its longest word, so that ordinary words never break; a column
// whose text fits on one line in its share gets exactly that width, and the rest share what
// is left. Only a word longer than half the table (a URL) may still be cut.
func (r *renderer) sizeColumns(t *table, width float64) {
	n := len(t.header)
	for _, row := range t.rows {
		n = max(n, len(row))
	}
	least, want := make([]float64, n), make([]float64, n)
	pad := t.padLeft() + cellPadX + 0.05
	measure := func(c int, spans []span) {
		lineW, pending := 0.0, 0.0
		for _, a := range r.ts.atoms(glueNumbers(spans)) {
			least[c] = max(least[c], a.w+pad)
			if lineW > 0 {
				lineW += pending
			}
			lineW += a.w
			pending = a.space
			if a.brk {
				want[c] = max(want[c], lineW+pad)
				lineW, pending = 0, 0
			}
		}
		want[c] = max(want[c], lineW+pad)
	}
	for c, h := range t.headerSpans() {
		measure(c, h)
	}
	for _, row := range t.rows {
		for c, cell := range row {
			measure(c, cell)
		}
	}
	t.widths = fitWidths(width, least, want)
}

// fitWidths shares width between columns that need at least least[i] and would like want[i],
// by water-filling: a column that wants no more than an equal share of what is left gets what
// it wants, the others share the rest equally, and a column below its least then takes from
// those above theirs. Space left over when every column has what it wants goes to each in
// proportion to its want.
func fitWidths(width float64, least, want []float64) []float64 {
	n := len(least)
	w := make([]float64, n)
	if n == 0 {
		return w
	}
	const minCol = 8.0
	sumLeast := 0.0
	for i := range least {
		least[i] = min(max(least[i], minCol), width/2)
		want[i] = max(want[i], least[i])
		sumLeast += least[i]
	}
	if sumLeast >= width {
		for i := range w {
			w[i] = width * least[i] / sumLeast
		}
		return w
	}
	open := make([]bool, n)
	for i := range open {
		open[i] = true
	}
	left, count := width, n
	for settled := true; settled && count > 0; {
		settled = false
		share := left / float64(count)
		for i := range w {
			if open[i] && want[i] <= share {
				w[i], open[i] = want[i], false
				left -= want[i]
				count--
				settled = true
			}
		}
	}
	if count == 0 {
		sumWant := 0.0
		for _, x := range want {
			sumWant += x
		}
		for i := range w {
			w[i] += left * want[i] / sumWant
		}
		return w
	}
	for i := range w {
		if open[i] {
			w[i] = left / float64(count)
		}
	}
	// Raise columns below their least, taking from the columns that have more than theirs.
	deficit, spare := 0.0, 0.0
	for i := range w {
		if w[i] < least[i] {
			deficit += least[i] - w[i]
		} else {
			spare += w[i] - least[i]
		}
	}
	if deficit > 0 && spare > 0 {
		for i := range w {
			if w[i] < least[i] {
				w[i] = least[i]
			} else {
				w[i] -= deficit * (w[i] - least[i]) / spare
			}
		}
	}
	return w
}

// continued is the caption a page opens with when a table, a profile or a fact sheet runs
// over onto it: "Igor Morgulov (continued)", "Northern Territories — Timeline (continued)".
// While one is begun, gofpdf calls its head from AddPage: the caption is drawn at the top of
// the text area and the text area's top moves below it (newPage puts the cursor there).
type continued struct {
	r       *renderer
	caption string
	parent  *continued // the profile or sheet a table belongs to
	base    float64    // the text area's top without a caption
}

// newContinued makes the caption of a part of the pack; parent, if any, is the caption of
// the part it belongs to, which it follows.
func (r *renderer) newContinued(caption string, parent *continued) *continued {
	if parent != nil && parent.caption != "" {
		caption = parent.caption + " — " + caption
	}
	return &continued{r: r, caption: caption, parent: parent}
}

// begin makes every page begun from now on open with the caption.
func (c *continued) begin() {
	c.base = c.r.top
	if c.parent != nil {
		c.base = c.parent.base
	}
	c.r.pdf.SetHeaderFuncMode(c.head, false)
}

// end stops the caption, going back to the parent's.
func (c *continued) end() {
	if c.parent != nil {
		c.r.pdf.SetHeaderFuncMode(c.parent.head, false)
	} else {
		c.r.pdf.SetHeaderFuncMode(nil, false)
	}
	c.r.top = c.base
}

// head draws the caption at the top of a new page.
func (c *continued) head() {
	r := c.r
	r.fontValid = false // gofpdf restores its own font after the header
	spans := []span{{text: c.caption, st: h3Style}, {text: " (continued)", st: style{size: h3Style.size, color: mutedColour}}}
	y := c.base
	for _, ln := range r.ts.layout(spans, contentW) {
		r.drawLine(ln, marginL, y, 5)
		y += 5
	}
	r.top = y + 2
	r.fontValid = false
}

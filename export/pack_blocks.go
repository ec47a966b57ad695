package export

import (
	"math"
	"strings"
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

// drawLines draws lines at x from the cursor down, continuing on new pages as needed. A
// paragraph of up to three lines is kept whole; a longer one that does not fit starts on the
// next page unless at least two of its lines fit, and it never leaves a single line alone at
// the top of the next page.
func (r *renderer) drawLines(lines []line, x, lineH float64) {
	if len(lines) == 0 {
		return
	}
	if len(lines) <= 3 {
		r.ensure(linesHeight(lines, lineH)) // too short to split without an orphan or a widow
	} else {
		r.ensure(2 * lineH)
	}
	for i := 0; i < len(lines); {
		fit := int((r.space() + 0.01) / lineH)
		if fit <= 0 {
			r.newPage()
			continue
		}
		rest := len(lines) - i
		n := min(fit, rest)
		if n < rest && rest-n == 1 && n >= 3 {
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
func (r *renderer) para(spans []span, indent, lineH, after float64) {
	r.drawLines(r.ts.layout(spans, contentW-indent), marginL+indent, lineH)
	r.y += after
}

// paraLead is the height a paragraph needs on the page it starts on: all of it up to three
// lines, else two.
func (r *renderer) paraLead(spans []span, indent, lineH float64) float64 {
	lines := r.ts.layout(spans, contentW-indent)
	if len(lines) <= 3 {
		return linesHeight(lines, lineH)
	}
	return 2 * lineH
}

// heading draws a heading, first making sure that it and lead millimetres of what follows
// fit on the page, so that a heading never stands alone at the foot of a page. It returns
// the top of the heading, for links and bookmarks.
func (r *renderer) heading(text string, st style, lineH, before, after, lead float64) float64 {
	lines := r.ts.layout([]span{{text: text, st: st}}, contentW)
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
	spans  []span
	target int // link made by AddLink that points at this item; 0 = none
}

// list draws items with hanging markers.
func (r *renderer) list(items []listItem, indent, lineH, gap float64) {
	for _, it := range items {
		lines := r.ts.layout(it.spans, contentW-indent)
		if len(lines) == 0 {
			continue
		}
		if len(lines) <= 3 {
			r.ensure(linesHeight(lines, lineH))
		} else {
			r.ensure(2 * lineH)
		}
		if it.target != 0 {
			r.pdf.SetLink(it.target, r.y, r.pdf.PageNo())
		}
		marker := r.ts.layout([]span{{text: it.marker, st: it.spans[0].st.withColor(mutedColour)}}, indent)
		if len(marker) > 0 {
			r.drawLine(marker[0], marginL, r.y, lineH)
		}
		r.drawLines(lines, marginL+indent, lineH)
		r.y += gap
	}
}

// listLead is the height the first item of a list needs.
func (r *renderer) listLead(items []listItem, indent, lineH float64) float64 {
	if len(items) == 0 {
		return 0
	}
	return r.paraLead(items[0].spans, indent, lineH)
}

// table is a grid of cells with an optional header row repeated on every page it crosses.
type table struct {
	widths []float64 // column widths in mm, summing to the table width
	header []string
	rows   [][][]span
	plain  bool // no header fill, no rules: a label–value list
	x      float64
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
			out[c] = r.ts.layout(row[c], t.widths[c]-t.padLeft()-cellPadX)
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

func (r *renderer) headerRow(t *table) ([][]line, float64) {
	if t.header == nil {
		return nil, 0
	}
	row := make([][]span, len(t.header))
	for i, h := range t.header {
		row[i] = []span{{text: h, st: cellStyle.withBold().withColor(navyColour)}}
	}
	lines, n := r.cellLines(t, row)
	return lines, t.rowHeight(n)
}

// tableLead is the height a table needs on the page it starts on: its header and first row
// (or the first two lines of a very tall first row).
func (r *renderer) tableLead(t *table) float64 {
	_, hh := r.headerRow(t)
	if len(t.rows) == 0 {
		return hh
	}
	_, n := r.cellLines(t, t.rows[0])
	if n > 6 {
		n = 2
	}
	return hh + t.rowHeight(n)
}

// drawTable draws t from the cursor down. Rows that do not fit move to the next page under
// a repeated header; a row taller than a whole page is split between its lines.
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
	for _, row := range t.rows {
		lines, n := r.cellLines(t, row)
		from := 0
		for from < n {
			h := t.rowHeight(n - from)
			if h > r.space() {
				fit := int((r.space() - 2*t.padY() + 0.01) / cellLine)
				if h <= r.bot-r.top-hh || fit < 2 {
					r.newPage()
					if hdr != nil {
						r.drawRow(t, hdr, 0, rowMax(hdr), hh, true, total)
					}
					continue
				}
				r.drawRow(t, lines, from, from+fit, t.rowHeight(fit), false, total)
				from += fit
				r.newPage()
				if hdr != nil {
					r.drawRow(t, hdr, 0, rowMax(hdr), hh, true, total)
				}
				continue
			}
			r.drawRow(t, lines, from, n, h, false, total)
			from = n
		}
		if n == 0 {
			r.ensure(t.rowHeight(1))
			r.drawRow(t, lines, 0, 0, t.rowHeight(1), false, total)
		}
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

package export

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/parley-app/parley/handling"
)

// The frame is what every page carries around its text: the handling marking at the top and
// the bottom, a running head with the meeting and the section (and the copy number), and the
// footer with the meeting's title and "Page N of M". A marking is printed whole however long
// it is: the text area shrinks to make room, and a marking no page could hold is refused.

const (
	bannerLine     = 4.6 // line height of the marking, set at the body's size, bold
	maxBannerLines = 6   // beyond this the marking would crowd out the page
	topEdge        = 9.0 // from the page's top edge to the top banner
	bottomEdge     = 3.0 // from the bottom banner to the page's bottom edge
)

// bannerStyle is never smaller than the body text: a marking must not be the small print.
var bannerStyle = style{size: bodyStyle.size, bold: true, color: bannerColour}

// frameGeometry places the frame's parts on the page, for banners of up to lines lines.
type frameGeometry struct {
	lines       int
	headY       float64 // running head's line box
	footerRuleY float64
	footerTextY float64 // footer's line box
	bottomY     float64 // the bottom banner's first line box
}

func geometryFor(lines int) frameGeometry {
	n := float64(max(lines, 1))
	bottom := pageH - bottomEdge - n*bannerLine
	return frameGeometry{
		lines:       lines,
		headY:       topEdge + n*bannerLine + 2.2,
		bottomY:     bottom,
		footerTextY: bottom - 11.9,
		footerRuleY: bottom - 13.4,
	}
}

// top and bot bound the text area: below the running head's rule, above the footer's. With a
// one-line marking they are contentTop and contentBot.
func (g frameGeometry) top() float64 { return g.headY + 11.2 }
func (g frameGeometry) bot() float64 { return g.footerRuleY - 6 }

// placeFrame sizes the banners for the longest marking any page of this pack may carry (the
// marking itself or the marking raised to any level above it) and sets the text area. With
// one line it is the pack's classic geometry.
func (r *renderer) placeFrame() error {
	lines := 0
	if r.opt.Marking != "" || len(r.b.Meeting.Parameters) > 0 || r.hasPortionMarks() {
		for level := handling.None; level < len(r.opt.Scheme.Levels); level++ {
			banner := r.opt.Scheme.Banner(r.marking, level)
			if banner == "" {
				continue
			}
			lines = max(lines, len(r.ts.layout(text(banner, bannerStyle), contentW)))
		}
	}
	if lines > maxBannerLines {
		return fmt.Errorf("the handling marking is too long to print: it would take %d lines at the top and the bottom of every page, "+
			"and a page has room for %d. Shorten it (about %d characters fit)", lines, maxBannerLines, maxBannerLines*80)
	}
	r.frameAt = geometryFor(lines)
	r.top, r.bot = r.frameAt.top(), r.frameAt.bot()
	return nil
}

// hasPortionMarks reports whether any text of the briefing may carry a portion mark, so that a
// pack without a marking still gets banners when its items are marked.
func (r *renderer) hasPortionMarks() bool {
	found := false
	collectStrings(reflect.ValueOf(r.b), func(s string) {
		if !found && strings.Contains(s, "(") {
			for _, line := range strings.Split(s, "\n") {
				if lv, _ := r.opt.Scheme.Portion(line); lv != handling.None {
					found = true
					return
				}
			}
		}
	})
	return found
}

// notePortions raises the level of the current page to that of every portion mark the line
// shows. Marks are whole atoms ("(OS)") once handling's Audience has written them canonically.
func (r *renderer) notePortions(ln line) {
	for _, a := range ln.atoms {
		if len(a.runs) != 1 {
			continue
		}
		t := a.runs[0].text
		if len(t) < 3 || t[0] != '(' || t[len(t)-1] != ')' {
			continue
		}
		if lv, ok := r.opt.Scheme.Find(t[1 : len(t)-1]); ok {
			page := r.pdf.PageNo()
			if cur, seen := r.pageLevel[page]; !seen || lv > cur {
				r.pageLevel[page] = lv
			}
		}
	}
}

// pageBanner is the marking page p carries: the document's, raised to the highest portion
// mark on the page.
func (r *renderer) pageBanner(p int) string {
	level := handling.None
	if lv, ok := r.pageLevel[p]; ok {
		level = lv
	}
	return r.opt.Scheme.Banner(r.marking, level)
}

// highestBanner is the marking of the pack's most sensitive page: what its metadata says.
func (r *renderer) highestBanner(pages int) string {
	level := handling.None
	for p := 1; p <= pages; p++ {
		if lv, ok := r.pageLevel[p]; ok && lv > level {
			level = lv
		}
	}
	return r.opt.Scheme.Banner(r.marking, level)
}

// frame draws what every page carries.
func (r *renderer) frame(page, pages int) {
	g := r.frameAt
	if banner := r.pageBanner(page); banner != "" {
		lines := r.ts.layout(text(banner, bannerStyle), contentW)
		for i, ln := range lines {
			r.drawLine(ln, (pageW-ln.w)/2, topEdge+float64(i)*bannerLine, bannerLine)
			r.drawLine(ln, (pageW-ln.w)/2, g.bottomY+float64(i)*bannerLine, bannerLine)
		}
	}
	if page > 1 {
		r.runningHead(page)
	}
	r.pdf.SetDrawColor(ruleColour.r, ruleColour.g, ruleColour.b)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(marginL, g.footerRuleY, pageW-marginR, g.footerRuleY)
	pageText := fmt.Sprintf("Page %d of %d", page, pages)
	pst := smallStyle
	pw := r.ts.spanWidth([]span{{text: pageText, st: pst}})
	title := r.fitOneLine(r.b.Meeting.Title, pst, contentW-pw-10)
	if lines := r.ts.layout([]span{{text: title, st: pst}}, contentW); len(lines) > 0 {
		r.drawLine(lines[0], marginL, g.footerTextY, 4)
	}
	r.drawLine(r.ts.layout([]span{{text: pageText, st: pst}}, contentW)[0], pageW-marginR-pw, g.footerTextY, 4)
}

// runningHead names the meeting and the section at the top of every page but the cover (whose
// document control says the copy number), with the copy number at the right when the copies
// are numbered.
func (r *renderer) runningHead(page int) {
	g := r.frameAt
	st := smallStyle
	right := r.copyLabel()
	rw := 0.0
	if right != "" {
		rw = r.ts.spanWidth(text(right, st.withBold())) + 6
		r.drawLine(r.ts.layout(text(right, st.withBold()), contentW)[0], pageW-marginR-rw+6, g.headY, 4)
	}
	head := r.b.Meeting.Title
	if head == "" {
		head = "Untitled meeting"
	}
	if sec := r.pageSection[page]; sec != "" {
		head += " — " + sec
	}
	head = r.fitOneLine(head, st, contentW-rw)
	if lines := r.ts.layout(text(head, st), contentW); len(lines) > 0 {
		r.drawLine(lines[0], marginL, g.headY, 4)
	}
	r.pdf.SetDrawColor(ruleColour.r, ruleColour.g, ruleColour.b)
	r.pdf.SetLineWidth(0.2)
	r.pdf.Line(marginL, g.headY+5, pageW-marginR, g.headY+5)
}

// copyLabel is "Copy 3 of 5", or "" when the copies are not numbered.
func (r *renderer) copyLabel() string {
	if r.opt.Copies < 1 || r.opt.Copy < 1 {
		return ""
	}
	return fmt.Sprintf("Copy %d of %d", r.opt.Copy, r.opt.Copies)
}

// metadata fills the PDF's document information once the pages are drawn, saying no more
// than the banners do: the title is the meeting's (at the document's own level), the subject
// and keywords carry the marking of the most sensitive page, the reference, version and copy.
func (r *renderer) metadata(pages int) {
	banner := r.highestBanner(pages)
	subject := "Briefing pack"
	if banner != "" {
		subject += " — " + banner
	}
	r.pdf.SetSubject(subject, true)
	var kw []string
	if banner != "" {
		kw = append(kw, banner)
	}
	if ref := r.b.Meeting.Brief.Reference; ref != "" {
		kw = append(kw, "Reference "+ref)
	}
	if is := r.opt.Issue; is != nil {
		kw = append(kw, sentence(is.Label()))
	} else {
		kw = append(kw, "Draft")
	}
	if c := r.copyLabel(); c != "" {
		kw = append(kw, c)
	}
	if r.opt.UpTo != "" {
		kw = append(kw, "Up to "+r.opt.UpTo)
	}
	r.pdf.SetKeywords(strings.Join(kw, "; "), true)
}

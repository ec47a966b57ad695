package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

// table writes aligned columns for a terminal. Unlike text/tabwriter it measures Japanese and
// Chinese characters as two columns wide, so 岸田文雄 lines up with Latin and Cyrillic names.
type table struct {
	header []string
	rows   [][]string
	notes  []string // a line under each row (search snippets); "" for none
}

func newTable(header ...string) *table { return &table{header: header} }

// add appends a row.
func (t *table) add(cells ...string) { t.addWithNote("", cells...) }

// addWithNote appends a row with an indented line under it.
func (t *table) addWithNote(note string, cells ...string) {
	shown := make([]string, len(cells))
	for i, c := range cells {
		shown[i] = printable(c)
	}
	t.rows = append(t.rows, shown)
	t.notes = append(t.notes, printable(note))
}

// printable makes text safe to print on a terminal: a control character (an escape sequence
// can clear the screen, retitle the window or plant a link) is shown as its picture (␛, ␀) or
// as U+FFFD, never sent raw; tab and line breaks become spaces, which keep a row one line.
func printable(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || (r >= 0x7f && r < 0xa0) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(' ')
		case r < 0x20:
			b.WriteRune(0x2400 + r) // ␀ … ␟
		case r == 0x7f:
			b.WriteRune('\u2421') // ␡
		case r >= 0x80 && r < 0xa0:
			b.WriteRune('\ufffd')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (t *table) write(w io.Writer) error {
	widths := make([]int, len(t.header))
	for _, row := range append([][]string{t.header}, t.rows...) {
		for i, c := range row {
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	line := func(cells []string) string {
		var b strings.Builder
		for i, c := range cells {
			b.WriteString(c)
			if i < len(cells)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		return strings.TrimRight(b.String(), " ") + "\n"
	}
	var b strings.Builder
	b.WriteString(line(t.header))
	for i, row := range t.rows {
		b.WriteString(line(row))
		if t.notes[i] != "" {
			b.WriteString("    " + t.notes[i] + "\n")
		}
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("write output: %w", err)
	}
	return nil
}

// displayWidth is how many terminal columns s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case wide(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

// wide reports East Asian wide and full-width characters (after Markus Kuhn's wcwidth).
func wide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115F ||
		r == 0x2329 || r == 0x232A ||
		(r >= 0x2E80 && r <= 0xA4CF && r != 0x303F) ||
		(r >= 0xAC00 && r <= 0xD7A3) ||
		(r >= 0xF900 && r <= 0xFAFF) ||
		(r >= 0xFE30 && r <= 0xFE6F) ||
		(r >= 0xFF00 && r <= 0xFF60) ||
		(r >= 0xFFE0 && r <= 0xFFE6) ||
		(r >= 0x1F300 && r <= 0x1F64F) ||
		(r >= 0x1F900 && r <= 0x1F9FF) ||
		(r >= 0x20000 && r <= 0x3FFFD))
}

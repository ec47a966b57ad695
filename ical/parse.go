package ical

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Reading content lines (RFC 5545 §3.1) into components, tolerantly, as libical does: a line
// that is not a content line is skipped and named with its line number, a component left open
// is closed where the file or its parent ends, and names are matched without regard to case.
// Only a file that holds no calendar at all is refused. The reader is one pass over the file,
// linear in its size: folded lines are joined in a reused buffer, never by string concatenation.

// property is one content line, unfolded. Name and parameter names are upper-cased; the value
// is as written (still escaped, for TEXT).
type property struct {
	name   string
	params map[string][]string
	value  string
	line   int
}

// param returns the first value of a parameter ("" when absent).
func (p property) param(name string) string {
	if v := p.params[name]; len(v) > 0 {
		return v[0]
	}
	return ""
}

// node is a BEGIN…END block with its properties and the blocks inside it.
type node struct {
	name  string
	line  int // of BEGIN
	props []property
	subs  []*node
	// unclosed is true when the file or the enclosing block ended before its END.
	unclosed bool
}

// first returns the first property of that name.
func (n *node) first(name string) (property, bool) {
	for _, p := range n.props {
		if p.name == name {
			return p, true
		}
	}
	return property{}, false
}

func (n *node) value(name string) string {
	p, _ := n.first(name)
	return p.value
}

func (n *node) all(name string) []property {
	var out []property
	for _, p := range n.props {
		if p.name == name {
			out = append(out, p)
		}
	}
	return out
}

// Problem is a line of the file the reader skipped or repaired, with the reason.
type Problem struct {
	Line   int
	Reason string
}

func (p Problem) String() string { return fmt.Sprintf("line %d: %s", p.Line, p.Reason) }

// parse reads a file into its VCALENDAR blocks. Lines outside any calendar, lines that are not
// content lines, and stray ENDs are skipped and listed as problems. It refuses (with a
// *MalformedError) only a file in which no BEGIN:VCALENDAR is found.
func parse(data []byte) ([]*node, []Problem, error) {
	var problems []Problem
	problem := func(line int, format string, args ...any) {
		problems = append(problems, Problem{line, fmt.Sprintf(format, args...)})
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, nil, malformed(1, "the file is empty, not an iCalendar file")
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return nil, nil, malformed(1+bytes.Count(data[:bytes.IndexByte(data, 0)], []byte("\n")),
			"the file holds binary data (a NUL byte), not iCalendar text")
	}

	var (
		cals    []*node
		stack   []*node
		outside int // lines before the first calendar or after one ended, skipped
		outLine int
	)
	handle := func(line int, text string) {
		p, err := parseContentLine(text, line)
		if err != nil {
			problem(line, "skipped: %s", err)
			return
		}
		switch p.name {
		case "BEGIN":
			name := strings.ToUpper(strings.TrimSpace(p.value))
			if name == "" {
				problem(line, "skipped: BEGIN without a component name")
				return
			}
			n := &node{name: name, line: line}
			if len(stack) == 0 {
				switch name {
				case "VCALENDAR", "VEVENT", "VTODO", "VJOURNAL", "VFREEBUSY", "VTIMEZONE":
				default:
					if outside == 0 {
						outLine = line
					}
					outside++
					return
				}
				if name != "VCALENDAR" {
					// A component outside a calendar: take it in a calendar of its own, as
					// libical does, rather than lose it.
					problem(line, "BEGIN:%s outside BEGIN:VCALENDAR; read as if it were inside one", name)
					cal := &node{name: "VCALENDAR", line: line, unclosed: true}
					cals = append(cals, cal)
					stack = append(stack, cal)
				} else {
					cals = append(cals, n)
					stack = append(stack, n)
					return
				}
			}
			parent := stack[len(stack)-1]
			parent.subs = append(parent.subs, n)
			stack = append(stack, n)
		case "END":
			name := strings.ToUpper(strings.TrimSpace(p.value))
			depth := -1
			for i := len(stack) - 1; i >= 0; i-- {
				if stack[i].name == name {
					depth = i
					break
				}
			}
			if depth < 0 && len(stack) == 0 {
				outside++
				return
			}
			if depth < 0 {
				problem(line, "skipped: END:%s without a matching BEGIN", name)
				return
			}
			for _, open := range stack[depth+1:] {
				open.unclosed = true
				problem(open.line, "BEGIN:%s is never closed; END:%s on line %d closes it", open.name, name, line)
			}
			stack = stack[:depth]
		default:
			if len(stack) == 0 {
				if outside == 0 {
					outLine = line
				}
				outside++
				return
			}
			top := stack[len(stack)-1]
			top.props = append(top.props, p)
		}
	}

	// One pass over the physical lines; a logical line is gathered in buf.
	var buf []byte
	start := 0 // line number of the logical line in buf; 0 = none
	lineNo := 0
	bad := 0 // lines with bytes that are not UTF-8
	badLine := 0
	for len(data) > 0 {
		lineNo++
		var raw []byte
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			raw, data = data[:i], data[i+1:]
		} else {
			raw, data = data, nil
		}
		raw = bytes.TrimSuffix(raw, []byte("\r"))
		if !utf8.Valid(raw) {
			if bad == 0 {
				badLine = lineNo
			}
			bad++
			raw = bytes.ToValidUTF8(raw, []byte("\uFFFD"))
		}
		if len(raw) > 0 && (raw[0] == ' ' || raw[0] == '\t') {
			if start == 0 {
				problem(lineNo, "skipped: a continuation line (starting with a space) with no line before it to continue")
				continue
			}
			buf = append(buf, raw[1:]...)
			continue
		}
		if start != 0 {
			handle(start, string(buf))
			start, buf = 0, buf[:0]
		}
		if len(bytes.TrimSpace(raw)) == 0 {
			continue
		}
		start = lineNo
		buf = append(buf, raw...)
	}
	if start != 0 {
		handle(start, string(buf))
	}
	for _, open := range stack {
		open.unclosed = true
		problem(open.line, "BEGIN:%s is never closed: the file ends at line %d without END:%s (is it truncated?)", open.name, lineNo, open.name)
	}
	if len(cals) == 0 {
		return nil, nil, malformed(1, "no BEGIN:VCALENDAR anywhere in the file: this is not an iCalendar file")
	}
	if outside > 0 {
		problem(outLine, "skipped %d line(s) outside BEGIN:VCALENDAR … END:VCALENDAR", outside)
	}
	if bad > 0 {
		problem(badLine, "%d line(s) are not UTF-8 text; the bytes that are not were replaced by �", bad)
	}
	return cals, problems, nil
}

// parseContentLine reads one unfolded content line: NAME, parameters (;NAME=value,
// ;NAME="value", lists with commas), a colon and the value. It is lenient where a reader can
// be without guessing: spaces around the name and parameters are dropped, a parameter without
// a value is ignored, and parameter values are decoded as RFC 6868 says (^n, ^^, ^').
func parseContentLine(s string, line int) (property, error) {
	i := 0
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	j := i
	for i < len(s) && isNameChar(s[i]) {
		i++
	}
	if i == j {
		return property{}, fmt.Errorf("%q is not a content line (NAME:value)", clip(s))
	}
	p := property{name: strings.ToUpper(s[j:i]), line: line}
	for i < len(s) && s[i] == ' ' {
		i++
	}
	for i < len(s) && s[i] == ';' {
		i++
		for i < len(s) && s[i] == ' ' {
			i++
		}
		k := i
		for i < len(s) && isNameChar(s[i]) {
			i++
		}
		name := strings.ToUpper(s[k:i])
		for i < len(s) && s[i] == ' ' {
			i++
		}
		if i >= len(s) || s[i] != '=' {
			// ";X" or ";" with no value: nothing to keep.
			continue
		}
		i++
		for {
			var v string
			if i < len(s) && s[i] == '"' {
				end := strings.IndexByte(s[i+1:], '"')
				if end < 0 {
					return property{}, fmt.Errorf("%s: a quoted parameter value is never closed", p.name)
				}
				v = s[i+1 : i+1+end]
				i += end + 2
			} else {
				k := i
				for i < len(s) && s[i] != ';' && s[i] != ':' && s[i] != ',' {
					i++
				}
				v = strings.TrimSpace(s[k:i])
			}
			if name != "" {
				if p.params == nil {
					p.params = map[string][]string{}
				}
				p.params[name] = append(p.params[name], caretDecode(v))
			}
			if i < len(s) && s[i] == ',' {
				i++
				continue
			}
			break
		}
	}
	if i >= len(s) || s[i] != ':' {
		return property{}, fmt.Errorf("%s: the colon before the value is missing", p.name)
	}
	p.value = strings.TrimRight(s[i+1:], "\r")
	return p, nil
}

// caretDecode decodes RFC 6868 parameter escapes.
func caretDecode(v string) string {
	if !strings.Contains(v, "^") {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '^' && i+1 < len(v) {
			switch v[i+1] {
			case 'n':
				b.WriteByte('\n')
				i++
				continue
			case '^':
				b.WriteByte('^')
				i++
				continue
			case '\'':
				b.WriteByte('"')
				i++
				continue
			}
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

// unescapeText decodes a TEXT value (RFC 5545 §3.3.11): \\, \;, \, and \n or \N. A backslash
// before any other character is kept with it, as most readers do.
func unescapeText(v string) string {
	if !strings.Contains(v, `\`) {
		return v
	}
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '\\' && i+1 < len(v) {
			switch v[i+1] {
			case 'n', 'N':
				b.WriteByte('\n')
				i++
				continue
			case '\\', ';', ',', ':':
				b.WriteByte(v[i+1])
				i++
				continue
			}
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

func isNameChar(c byte) bool {
	return c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

package ical

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Content lines (RFC 5545 §3.1), both ways. Writing: icsBuffer folds each line at 75 octets and
// ends it with CRLF, escaping TEXT values. Reading: checkStructure checks the lines and the
// BEGIN/END nesting of a file and names the line where it goes wrong.

const (
	maxOctets = 75     // the longest a physical line may be, line break not counted
	lineEnd   = "\r\n" // what ends every line Parley writes
)

// ErrMalformed is wrapped by every refusal of a file that is not well-formed iCalendar.
var ErrMalformed = errors.New("not a well-formed iCalendar file")

// MalformedError names the line of the file (counting from 1, as an editor does) where it stops
// being iCalendar.
type MalformedError struct {
	Line   int
	Reason string
}

func (e *MalformedError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Reason) }
func (e *MalformedError) Unwrap() error { return ErrMalformed }

func malformed(line int, format string, args ...any) error {
	return &MalformedError{Line: line, Reason: fmt.Sprintf(format, args...)}
}

// component is a BEGIN…END block directly inside VCALENDAR, in file order.
type component struct {
	name string
	line int
}

// checkStructure reads the file's line structure before golang-ical parses it, because the
// parser's errors do not say where a file goes wrong. Every content line, once unfolded, must be
// NAME, then parameters (;NAME=value or ;NAME="value"), then a colon and the value; BEGIN and
// END must nest and match, inside one VCALENDAR with nothing after it. Blank lines are allowed.
// It returns the components directly inside the calendar.
func checkStructure(data []byte) ([]component, error) {
	if !utf8.Valid(data) {
		for i, l := range bytes.Split(data, []byte("\n")) {
			if !utf8.Valid(l) {
				return nil, malformed(i+1, "the text is not UTF-8")
			}
		}
	}
	physical := strings.Split(string(data), "\n")
	type open struct {
		name string
		line int
	}
	var (
		stack   []open
		tops    []component
		closed  bool // END:VCALENDAR seen
		started bool // BEGIN:VCALENDAR seen
	)
	check := func(line int, text string) error {
		name, value, err := splitContentLine(text)
		if err != nil {
			return malformed(line, "%s", err)
		}
		if closed {
			return malformed(line, "%q after END:VCALENDAR (one calendar per file)", clip(text))
		}
		if !started {
			if name != "BEGIN" || !strings.EqualFold(value, "VCALENDAR") {
				return malformed(line, "an iCalendar file starts with BEGIN:VCALENDAR, not %q", clip(text))
			}
			started = true
		}
		switch name {
		case "BEGIN":
			v := strings.ToUpper(strings.TrimSpace(value))
			if v == "" {
				return malformed(line, "BEGIN without a component name")
			}
			if v == "VCALENDAR" && len(stack) > 0 {
				return malformed(line, "BEGIN:VCALENDAR inside %s (opened on line %d)", stack[len(stack)-1].name, stack[len(stack)-1].line)
			}
			if len(stack) == 1 {
				tops = append(tops, component{v, line})
			}
			stack = append(stack, open{v, line})
		case "END":
			v := strings.ToUpper(strings.TrimSpace(value))
			if len(stack) == 0 {
				return malformed(line, "END:%s without a BEGIN", v)
			}
			top := stack[len(stack)-1]
			if v != top.name {
				return malformed(line, "END:%s, but the open component is %s (BEGIN on line %d)", v, top.name, top.line)
			}
			stack = stack[:len(stack)-1]
			closed = len(stack) == 0
		}
		return nil
	}

	start, logical := 0, ""
	for i, raw := range physical {
		text := strings.TrimSuffix(raw, "\r")
		if i == 0 {
			text = strings.TrimPrefix(text, "\ufeff") // a byte-order mark some editors write
		}
		switch {
		case text != "" && (text[0] == ' ' || text[0] == '\t'):
			if start == 0 {
				return nil, malformed(i+1, "a continuation line (starting with a space) with no line before it to continue")
			}
			logical += text[1:]
			continue
		case start != 0:
			if err := check(start, logical); err != nil {
				return nil, err
			}
			start, logical = 0, ""
		}
		if strings.TrimSpace(text) == "" {
			continue
		}
		start, logical = i+1, text
	}
	if start != 0 {
		if err := check(start, logical); err != nil {
			return nil, err
		}
	}
	last := len(physical)
	if last > 1 && physical[last-1] == "" {
		last-- // the file ends with a line break
	}
	switch {
	case !started:
		return nil, malformed(1, "the file is empty, not an iCalendar file")
	case len(stack) > 0:
		top := stack[len(stack)-1]
		return nil, malformed(top.line, "BEGIN:%s is never closed: the file ends at line %d without END:%s (is it truncated?)", top.name, last, top.name)
	}
	return tops, nil
}

// splitContentLine checks the syntax of one unfolded content line (RFC 5545 §3.1) and returns
// its upper-cased name and its value.
func splitContentLine(s string) (name, value string, err error) {
	i := 0
	for i < len(s) && isNameChar(s[i]) {
		i++
	}
	if i == 0 {
		return "", "", fmt.Errorf("%q is not a content line (NAME:value)", clip(s))
	}
	name = strings.ToUpper(s[:i])
	for i < len(s) && s[i] == ';' {
		i++
		j := i
		for i < len(s) && isNameChar(s[i]) {
			i++
		}
		if i == j || i >= len(s) || s[i] != '=' {
			return "", "", fmt.Errorf("%s: a parameter must look like ;NAME=value", name)
		}
		i++
		for {
			if i < len(s) && s[i] == '"' {
				end := strings.IndexByte(s[i+1:], '"')
				if end < 0 {
					return "", "", fmt.Errorf("%s: a quoted parameter value is never closed", name)
				}
				i += end + 2
			} else {
				for i < len(s) && !strings.ContainsRune(";:,\"", rune(s[i])) && !isControl(s[i]) {
					i++
				}
			}
			if i < len(s) && s[i] == ',' {
				i++
				continue
			}
			break
		}
	}
	if i >= len(s) || s[i] != ':' {
		return "", "", fmt.Errorf("%q is not a content line (NAME:value): the colon before the value is missing", clip(s))
	}
	value = s[i+1:]
	for k := 0; k < len(value); k++ {
		if isControl(value[k]) {
			return "", "", fmt.Errorf("%s: the value holds a control character (0x%02x)", name, value[k])
		}
	}
	return name, value, nil
}

func isNameChar(c byte) bool {
	return c == '-' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
}

func isControl(c byte) bool { return c < 0x20 && c != '\t' || c == 0x7f }

// clip shortens a line for an error message.
func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	r := []rune(s)
	return string(r[:40]) + "…"
}

// icsBuffer accumulates content lines, folded and CRLF-terminated.
type icsBuffer struct{ b bytes.Buffer }

type param struct{ name, value string }

// prop writes a property whose value is already in its iCalendar form (dates, keywords).
func (b *icsBuffer) prop(name string, params []param, value string) {
	var l strings.Builder
	l.WriteString(name)
	for _, p := range params {
		l.WriteString(";" + p.name + "=" + paramValue(p.value))
	}
	l.WriteString(":" + value)
	fold(&b.b, l.String())
}

// text writes a TEXT property, escaped.
func (b *icsBuffer) text(name string, params []param, value string) {
	b.prop(name, params, escapeText(value))
}

// escapeText escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newline;
// other control characters, which TEXT cannot carry, are dropped.
func escapeText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// paramValue quotes a parameter value when it holds a character that would end it; parameter
// values cannot be escaped and cannot hold a double quote at all.
func paramValue(v string) string {
	v = strings.ReplaceAll(v, `"`, "")
	if strings.ContainsAny(v, ":;,") {
		return `"` + v + `"`
	}
	return v
}

// fold writes one content line as lines of at most 75 octets, each continuation starting with a
// space (RFC 5545 §3.1), cutting only between UTF-8 sequences.
func fold(b *bytes.Buffer, line string) {
	limit := maxOctets
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString(lineEnd + " ")
		line = line[cut:]
		limit = maxOctets - 1
	}
	b.WriteString(line)
	b.WriteString(lineEnd)
}

package ical

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Content lines (RFC 5545 §3.1), writing: icsBuffer folds each line at 75 octets and ends it
// with CRLF, escaping TEXT values. Reading is in parse.go.

const (
	maxOctets = 75     // the longest a physical line may be, line break not counted
	lineEnd   = "\r\n" // what ends every line Parley writes
)

// ErrMalformed is wrapped by every refusal of a file that is not iCalendar at all (empty, not
// text, no BEGIN:VCALENDAR). Smaller faults are skipped and reported, not refused.
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

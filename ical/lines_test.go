package ical

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEscapeText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain", "plain"},
		{`a\b`, `a\\b`},
		{"a;b,c", `a\;b\,c`},
		{"line 1\nline 2\r\nline 3", `line 1\nline 2\nline 3`},
		{"tab\there, bell\a gone", "tab\there\\, bell gone"},
		{"Моргулов 北方領土", "Моргулов 北方領土"},
	} {
		assert.Equal(t, tc.want, escapeText(tc.in), tc.in)
	}
}

package storage

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestShorten holds shorten to what it always said: the words joined by single spaces, cut
// after n runes with an ellipsis (text Parley stores is valid UTF-8: entry refuses the rest).
func TestShorten(t *testing.T) {
	plain := func(text string, n int) string {
		text = strings.Join(strings.Fields(text), " ")
		r := []rune(text)
		if len(r) <= n {
			return text
		}
		return string(r[:n]) + "…"
	}
	for _, text := range []string{"", "   ", "a", " a ", "ab cd", "ab  cd", "abc d", "abcd", "abcde", "a\tb\nc d",
		"  Моргулов  said   北方領土 ", "exactly ten", strings.Repeat("word ", 30)} {
		for n := 0; n <= 12; n++ {
			assert.Equal(t, plain(text, n), shorten(text, n), "%q cut at %d", text, n)
		}
		assert.Equal(t, plain(text, 40), shorten(text, 40), "%q cut at 40", text)
	}
}

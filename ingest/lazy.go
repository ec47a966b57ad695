package ingest

import (
	"regexp"
	"sync"
)

// lazyRegexp is a pattern compiled on first use. The reader's patterns are long alternations
// that cost milliseconds to compile; compiled with the package, every command of the binary
// paid for them at start-up, articles or not.
func lazyRegexp(src string) *lazyRE { return &lazyRE{src: src} }

type lazyRE struct {
	once sync.Once
	src  string
	re   *regexp.Regexp
}

func (l *lazyRE) get() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.src) })
	return l.re
}

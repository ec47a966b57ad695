// Package fynelocale, imported for its side effect by main, keeps Fyne from logging "Error
// parsing user locale C" at start-up on systems whose locale is C.UTF-8 (Debian and Ubuntu
// containers, CI machines, minimal installs).
//
// Fyne reads the user's languages through github.com/jeandeaual/go-locale, which knows the
// plain C and POSIX locales but passes "C.UTF-8" on as a language tag that does not parse, and
// Fyne's lang package does this in its init function, before main runs. When the locale that
// governs messages is such a C locale and LANGUAGE is unset, this package sets LANGUAGE=en:
// go-locale then reports English, which is what a C locale means for messages, and programs
// started from Parley keep their C locale (gettext ignores LANGUAGE under it).
//
// It must be initialised before fyne.io/fyne/v2/lang, so it imports nothing but os: Go
// initialises the first package in import-path order whose imports are ready, and this one is
// ready as soon as os is, long before golang.org/x/text/language, which Fyne's lang waits for.
package fynelocale

import "os"

func init() {
	if os.Getenv("LANGUAGE") != "" {
		return
	}
	for _, name := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := os.Getenv(name); v != "" {
			if isCWithCharset(v) {
				_ = os.Setenv("LANGUAGE", "en")
			}
			return
		}
	}
}

// isCWithCharset reports a C or POSIX locale with a character set or modifier ("C.UTF-8",
// "C.utf8", "POSIX.UTF-8"); the bare "C" and "POSIX" are understood as they are.
func isCWithCharset(v string) bool {
	for _, base := range [...]string{"C", "POSIX"} {
		if len(v) > len(base) && v[:len(base)] == base && (v[len(base)] == '.' || v[len(base)] == '@') {
			return true
		}
	}
	return false
}

package handling

import (
	"fmt"
	"strings"
)

// Marking is a document's handling marking read against a scheme: the level it begins with,
// if any, and what follows (caveats and descriptors, with the separator as typed).
type Marking struct {
	Text  string // the whole marking, its spaces made single
	Level int    // the level it names, or None
	Rest  string // after the level's name: " — UK EYES ONLY"
}

// ParseMarking reads a marking: "OFFICIAL-SENSITIVE — UK EYES ONLY" names OFFICIAL-SENSITIVE
// with the caveat after it; "PERSONAL FOR THE AMBASSADOR" names no level.
func (s Scheme) ParseMarking(text string) Marking {
	m := Marking{Text: strings.Join(strings.Fields(text), " "), Level: None}
	best := 0
	for i, l := range s.Levels {
		n := len(l.Name)
		if n <= best || len(m.Text) < n || !strings.EqualFold(m.Text[:n], l.Name) {
			continue
		}
		// The name must end there: OFFICIAL is not the start of OFFICIALLY.
		if len(m.Text) > n && isWordByte(m.Text[n]) {
			continue
		}
		m.Level, best = i, n
	}
	if m.Level != None {
		m.Rest = m.Text[best:]
	}
	return m
}

func isWordByte(c byte) bool {
	return c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= 0x80
}

// Banner is what a page carrying items up to level prints at its top and bottom: the
// marking as it is when nothing on the page is above the level it names, else the page's
// level with the marking's caveats. A page is never marked below the document.
func (s Scheme) Banner(m Marking, level int) string {
	if level <= m.Level || level == None {
		return m.Text
	}
	if m.Level == None && m.Text != "" {
		return s.Name(level) + " " + m.Text
	}
	return s.Name(level) + m.Rest
}

// Floor is the level of an item that carries no portion mark: the document's own.
func (m Marking) Floor() int { return m.Level }

// CheckUpTo refuses an audience level the document's marking rules out: a dossier marked
// OFFICIAL-SENSITIVE as a whole holds unmarked text at that level, so a pack for an OFFICIAL
// audience would carry it.
func (s Scheme) CheckUpTo(m Marking, upTo int) error {
	if upTo != None && m.Level != None && upTo < m.Level {
		return fmt.Errorf("the dossier is marked %s as a whole, so its unmarked text is %s: a pack up to %s would carry it. "+
			"Mark the dossier %s and give its sensitive items their marks, or choose %s or higher",
			s.Name(m.Level), s.Name(m.Level), s.Name(upTo), s.Name(upTo), s.Name(m.Level))
	}
	return nil
}

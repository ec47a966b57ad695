// Package handling holds the vocabulary of handling marks: the dossier's ordered levels
// (OFFICIAL < OFFICIAL-SENSITIVE < SECRET by default), the caveats that go with them ("UK EYES
// ONLY"), the portion marks that precede a marked item ("(OS) We will not…"), the banner each
// page of a pack carries, and the audience filter that leaves out every item above a level.
//
// An item carries its level the way drafters write it: its text begins with the portion mark.
// That keeps the level with the words through every editor, bundle and calendar file, and a
// pack can never print an item without the mark it was given. An item without a mark is at
// the document's own level (the level its marking names), never lower: a pack is never marked
// below what it carries.
package handling

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Level is one rung of the dossier's levels.
type Level struct {
	Name   string // as printed in the banner: OFFICIAL-SENSITIVE
	Abbrev string // as printed in a portion mark: OS
}

// Scheme is a dossier's ordered levels, lowest first, and the caveats its markings may add.
type Scheme struct {
	Levels  []Level
	Caveats []string
}

// Default is the scheme of a dossier that sets none: the UK Government Security
// Classifications' three levels, with two caveats a delegation commonly uses.
var Default = Scheme{
	Levels:  []Level{{"OFFICIAL", "O"}, {"OFFICIAL-SENSITIVE", "OS"}, {"SECRET", "S"}},
	Caveats: []string{"UK EYES ONLY", "NOT FOR USE WITH THE OTHER SIDE"},
}

// None is the level of a text that carries no mark and a marking that names no level.
const None = -1

// Setting keys under which a dossier keeps its scheme, as ParseLevels and ParseCaveats read them.
const (
	LevelsSetting  = "levels"
	CaveatsSetting = "caveats"
)

// Load reads a dossier's scheme from its settings' text; empty settings give Default's.
func Load(levels, caveats string) (Scheme, error) {
	s := Default
	if strings.TrimSpace(levels) != "" {
		lv, err := ParseLevels(levels)
		if err != nil {
			return Scheme{}, err
		}
		s.Levels = lv
	}
	if strings.TrimSpace(caveats) != "" {
		s.Caveats = ParseCaveats(caveats)
	}
	return s, nil
}

// ParseLevels reads levels one a line, lowest first, each a name with its abbreviation in
// brackets: "OFFICIAL-SENSITIVE (OS)". It refuses a line it cannot read, a name or
// abbreviation used twice, and fewer than one level.
func ParseLevels(text string) ([]Level, error) {
	var out []Level
	seen := map[string]int{}
	for n, raw := range strings.Split(text, "\n") {
		line := strings.TrimSpace(raw)
		if line == "" {
			continue
		}
		open := strings.LastIndex(line, "(")
		if open <= 0 || !strings.HasSuffix(line, ")") {
			return nil, fmt.Errorf("line %d, %q: write a level as its name and its abbreviation in brackets, e.g. OFFICIAL-SENSITIVE (OS)", n+1, line)
		}
		l := Level{Name: strings.TrimSpace(line[:open]), Abbrev: strings.TrimSpace(line[open+1 : len(line)-1])}
		switch {
		case l.Name == "" || l.Abbrev == "":
			return nil, fmt.Errorf("line %d, %q: the name and the abbreviation must both be given", n+1, line)
		case strings.ContainsAny(l.Abbrev, "() "):
			return nil, fmt.Errorf("line %d, %q: an abbreviation is one word without brackets", n+1, line)
		case utf8.RuneCountInString(l.Name) > 60 || utf8.RuneCountInString(l.Abbrev) > 12:
			return nil, fmt.Errorf("line %d, %q: a level's name is at most 60 characters and its abbreviation 12", n+1, line)
		}
		for _, key := range []string{strings.ToUpper(l.Name), strings.ToUpper(l.Abbrev)} {
			if prev, ok := seen[key]; ok {
				return nil, fmt.Errorf("line %d: %q is already used by line %d", n+1, key, prev)
			}
			seen[key] = n + 1
		}
		out = append(out, l)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("give at least one level, e.g. OFFICIAL (O)")
	}
	return out, nil
}

// ParseCaveats reads caveats one a line.
func ParseCaveats(text string) []string {
	var out []string
	for _, raw := range strings.Split(text, "\n") {
		if c := strings.Join(strings.Fields(raw), " "); c != "" {
			out = append(out, c)
		}
	}
	return out
}

// LevelsText writes the levels as ParseLevels reads them.
func (s Scheme) LevelsText() string {
	var b strings.Builder
	for _, l := range s.Levels {
		fmt.Fprintf(&b, "%s (%s)\n", l.Name, l.Abbrev)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// CaveatsText writes the caveats as ParseCaveats reads them.
func (s Scheme) CaveatsText() string { return strings.Join(s.Caveats, "\n") }

// Find is the index of the level with this name or abbreviation, in any case.
func (s Scheme) Find(name string) (int, bool) {
	name = strings.TrimSpace(name)
	for i, l := range s.Levels {
		if strings.EqualFold(l.Name, name) || strings.EqualFold(l.Abbrev, name) {
			return i, true
		}
	}
	return None, false
}

// Name is a level's name; None gives "".
func (s Scheme) Name(level int) string {
	if level < 0 || level >= len(s.Levels) {
		return ""
	}
	return s.Levels[level].Name
}

// Mark is a level's portion mark, "(OS)"; None gives "".
func (s Scheme) Mark(level int) string {
	if level < 0 || level >= len(s.Levels) {
		return ""
	}
	return "(" + s.Levels[level].Abbrev + ")"
}

// Portion reads the portion mark an item's text begins with — "(OS)", "(os)" or
// "(OFFICIAL-SENSITIVE)", then a space or the end — and gives its level and the text after
// it. A text without one gives None and the text as it was.
func (s Scheme) Portion(text string) (level int, rest string) {
	t := strings.TrimLeft(text, " \t")
	if !strings.HasPrefix(t, "(") {
		return None, text
	}
	end := strings.IndexByte(t, ')')
	if end < 0 {
		return None, text
	}
	lv, ok := s.Find(t[1:end])
	after := t[end+1:]
	if !ok || (after != "" && after[0] != ' ' && after[0] != '\t' && after[0] != '\n') {
		return None, text
	}
	return lv, strings.TrimLeft(after, " \t")
}

// Marked writes text with the portion mark of level in front, in its one canonical form;
// None gives the text without a mark.
func (s Scheme) Marked(level int, text string) string {
	if m := s.Mark(level); m != "" {
		return m + " " + text
	}
	return text
}

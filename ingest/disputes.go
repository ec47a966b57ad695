package ingest

import (
	"strings"

	"github.com/parley-app/parley/storage"
)

// disputeFind is what one sentence says about a disputed place.
type disputeFind struct {
	names         []storage.PlaceName
	administrator string
	claimants     []string
	evidence      string
}

const (
	placeRE = `(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+(?:de|del|of|la|\p{Lu}[\p{L}'’-]*)){0,3})`
	partyRE = `(?:the\s+)?(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?)`
)

var (
	calledInAnd  = lazyRegexp(`\b(?:called|known\s+as|named)\s+` + placeRE + `\s+(?:in|by)\s+` + partyRE + `\s+and\s+(?:as\s+)?` + placeRE + `\s+(?:in|by)\s+` + partyRE)
	adminAs      = lazyRegexp(`\b(?:administered|controlled|held)\s+by\s+` + partyRE + `\s+as\s+` + placeRE + `\s+and\s+claimed\s+by\s+` + partyRE + `,?\s+which\s+calls\s+(?:them|it)\s+` + placeRE)
	whichCalls   = lazyRegexp(`\b(?:which|that|what)\s+` + partyRE + `\s+(?:calls|call|knows\s+as|refers\s+to\s+as)\s+` + placeRE + `(?:\s*,?\s+(?:and|while|whereas)\s+(?:which\s+)?` + partyRE + `\s+(?:calls|call)\s+` + placeRE + `)?`)
	parenIn      = lazyRegexp(placeRE + `\s+\((?:known\s+as\s+|called\s+)?` + placeRE + `\s+(?:in|to|by)\s+` + partyRE + `\)`)
	claimedCalls = lazyRegexp(`\bclaimed\s+by\s+` + partyRE + `,?\s+which\s+(?:calls|names)\s+(?:them|it)\s+` + placeRE)
	nameAdmin    = lazyRegexp(placeRE + `,?\s+(?:administered|controlled|held)\s+by\s+` + partyRE)
	heldClaimed  = lazyRegexp(`\b(\p{Lu}[\p{L}]+)-(?:held|administered|controlled)\b|\b(?:administered|controlled|held)\s+by\s+` + partyRE)
	claimedBy    = lazyRegexp(`\b(\p{Lu}[\p{L}]+)-claimed\b|\bclaimed\s+by\s+` + partyRE + `(?:\s+and\s+` + partyRE + `)?`)
)

// party returns the country a word names (a country, capital or adjective), or "".
func (l *Language) party(word string) string {
	w := strings.TrimSpace(word)
	if c, ok := l.country(w); ok {
		return c
	}
	if c, ok := l.country(strings.TrimSuffix(w, "s")); ok { // Argentines, Britons
		return c
	}
	return ""
}

func (l *Language) placeName(s string) string {
	s = strings.TrimSpace(s)
	for _, suffix := range []string{" of", " de", " del", " la"} {
		s = strings.TrimSuffix(s, suffix)
	}
	if l.notNames[fold(s)] && !strings.Contains(s, " ") {
		return ""
	}
	return s
}

// findDisputes reads the constructions news uses for a place two parties name differently.
func (l *Language) findDisputes(s string) *disputeFind {
	d := &disputeFind{evidence: s}
	addName := func(party, name string) {
		p, n := l.party(party), l.placeName(name)
		if p == "" || n == "" {
			return
		}
		for _, x := range d.names {
			if x.Party == p {
				return
			}
		}
		d.names = append(d.names, storage.PlaceName{Party: p, Name: n})
	}
	if m := calledInAnd.get().FindStringSubmatch(s); m != nil {
		addName(m[2], m[1])
		addName(m[4], m[3])
	}
	if m := adminAs.get().FindStringSubmatch(s); m != nil {
		addName(m[1], m[2])
		addName(m[3], m[4])
		d.administrator = l.party(m[1])
		if c := l.party(m[3]); c != "" {
			d.claimants = append(d.claimants, c)
		}
	}
	for _, m := range whichCalls.get().FindAllStringSubmatch(s, -1) {
		addName(m[1], m[2])
		if m[3] != "" {
			addName(m[3], m[4])
		}
	}
	if m := claimedCalls.get().FindStringSubmatch(s); m != nil {
		addName(m[1], m[2])
	}
	for _, m := range parenIn.get().FindAllStringSubmatch(s, -1) {
		addName(m[3], m[2])
	}
	if len(d.names) > 0 {
		if m := nameAdmin.get().FindStringSubmatch(s); m != nil {
			addName(m[2], m[1])
		}
	}
	if len(d.names) > 0 || strings.Contains(strings.ToLower(s), "claim") || strings.Contains(strings.ToLower(s), "disput") {
		if d.administrator == "" {
			if m := heldClaimed.get().FindStringSubmatch(s); m != nil {
				d.administrator = l.party(m[1] + m[2])
			}
		}
		if len(d.claimants) == 0 {
			if m := claimedBy.get().FindStringSubmatch(s); m != nil {
				for _, w := range m[1:] {
					if c := l.party(w); c != "" {
						d.claimants = append(d.claimants, c)
					}
				}
			}
		}
	}
	if len(d.names) == 0 && d.administrator == "" && len(d.claimants) == 0 {
		return nil
	}
	return d
}

package export

import (
	"golang.org/x/text/unicode/bidi"
)

// The Unicode Bidirectional Algorithm (UAX #9) for the pack's paragraphs: which characters run
// right to left, and the order in which a line's pieces are drawn.
//
// golang.org/x/text/unicode/bidi supplies the character classes and bracket properties; its
// Paragraph.Order is not used because it reports only each run's direction, not its embedding
// level (an English sentence holding an Arabic phrase holding a number needs three), and it
// resolves paired brackets wrongly ("Zarif (ظريف) 2016" puts the closing bracket in the
// Arabic run). The pack's text has no explicit embeddings, overrides or isolates (clean drops
// format characters), so one paragraph is one isolating run sequence and the rules needed are
// P2–P3, W1–W7, N0–N2, I1–I2 and L2 (L1's trailing spaces are never drawn).

// hasRTL reports whether s holds a right-to-left letter (Hebrew, Arabic and their kin). Text
// without one is never reordered, so Latin and CJK paragraphs skip all of this.
func hasRTL(s string) bool {
	for _, r := range s {
		if r >= 0x0590 && r <= 0x08FF || r >= 0xFB1D && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF ||
			r >= 0x10800 && r <= 0x10FFF || r >= 0x1E800 && r <= 0x1EFFF {
			if c := bidiClass(r); c == bidi.R || c == bidi.AL {
				return true
			}
		}
	}
	return false
}

func bidiClass(r rune) bidi.Class {
	p, _ := bidi.LookupRune(r)
	return p.Class()
}

// bidiLevels resolves the embedding level of every rune of one paragraph (text without a
// paragraph separator). The paragraph's own level comes from its first strong letter.
func bidiLevels(rs []rune) []uint8 {
	n := len(rs)
	cls := make([]bidi.Class, n)
	para := uint8(0)
	found := false
	for i, r := range rs {
		cls[i] = bidiClass(r)
		if !found {
			switch cls[i] {
			case bidi.L:
				found = true
			case bidi.R, bidi.AL:
				para, found = 1, true
			}
		}
	}
	orig := append([]bidi.Class(nil), cls...)
	sos := bidi.L
	if para == 1 {
		sos = bidi.R
	}
	// Boundary neutrals (joiners) and anything explicit left over take the class of what
	// precedes them, as if removed (X9).
	for i := range cls {
		if cls[i] == bidi.BN || cls[i] >= bidi.Control {
			if i > 0 {
				cls[i] = cls[i-1]
			} else {
				cls[i] = bidi.ON
			}
		}
	}
	// W1: a nonspacing mark takes the class of the character before it.
	for i := range cls {
		if cls[i] == bidi.NSM {
			if i == 0 {
				cls[i] = sos
			} else {
				cls[i] = cls[i-1]
			}
		}
	}
	// W2: a European number after an Arabic letter is an Arabic number. W3: AL is R.
	last := sos
	for i, c := range cls {
		switch c {
		case bidi.L, bidi.R, bidi.AL:
			last = c
		case bidi.EN:
			if last == bidi.AL {
				cls[i] = bidi.AN
			}
		}
	}
	for i := range cls {
		if cls[i] == bidi.AL {
			cls[i] = bidi.R
		}
	}
	// W4: one separator between two numbers of a kind joins them.
	for i := 1; i+1 < n; i++ {
		switch {
		case cls[i] == bidi.ES && cls[i-1] == bidi.EN && cls[i+1] == bidi.EN:
			cls[i] = bidi.EN
		case cls[i] == bidi.CS && cls[i-1] == cls[i+1] && (cls[i-1] == bidi.EN || cls[i-1] == bidi.AN):
			cls[i] = cls[i-1]
		}
	}
	// W5: terminators next to a European number belong to it.
	for i := 0; i < n; i++ {
		if cls[i] != bidi.ET {
			continue
		}
		j := i
		for j < n && cls[j] == bidi.ET {
			j++
		}
		if i > 0 && cls[i-1] == bidi.EN || j < n && cls[j] == bidi.EN {
			for k := i; k < j; k++ {
				cls[k] = bidi.EN
			}
		}
		i = j - 1
	}
	// W6: other separators and terminators are neutral. W7: a European number after L is L.
	last = sos
	for i, c := range cls {
		switch c {
		case bidi.ES, bidi.ET, bidi.CS:
			cls[i] = bidi.ON
		case bidi.L, bidi.R:
			last = c
		case bidi.EN:
			if last == bidi.L {
				cls[i] = bidi.L
			}
		}
	}
	resolveBrackets(rs, cls, orig, para, sos)
	// N1, N2: a stretch of neutrals between two strong letters of one direction takes it
	// (numbers count as R); otherwise it takes the paragraph's direction.
	for i := 0; i < n; i++ {
		if strongDirection(cls[i]) != bidi.ON {
			continue
		}
		j := i
		for j < n && strongDirection(cls[j]) == bidi.ON {
			j++
		}
		before, after := sos, sos
		if i > 0 {
			before = strongDirection(cls[i-1])
		}
		if j < n {
			after = strongDirection(cls[j])
		}
		set := sos
		if before == after {
			set = before
		}
		for k := i; k < j; k++ {
			cls[k] = set
		}
		i = j - 1
	}
	// I1, I2.
	levels := make([]uint8, n)
	for i, c := range cls {
		lv := para
		switch {
		case para == 0 && c == bidi.R:
			lv = 1
		case para == 0 && (c == bidi.AN || c == bidi.EN):
			lv = 2
		case para == 1 && (c == bidi.L || c == bidi.EN || c == bidi.AN):
			lv = 2
		}
		levels[i] = lv
	}
	return levels
}

// resolveBrackets applies N0: a pair of brackets takes the paragraph's direction when it
// encloses a letter of that direction, else the other direction when it encloses one of
// that and the text before the opening bracket runs that way too.
func resolveBrackets(rs []rune, cls, orig []bidi.Class, para uint8, sos bidi.Class) {
	type pair struct{ open, close int }
	var pairs []pair
	type opener struct {
		at   int
		want rune
	}
	var stack []opener
	for i, r := range rs {
		if cls[i] != bidi.ON {
			continue
		}
		p, _ := bidi.LookupRune(r)
		switch {
		case p.IsOpeningBracket():
			if len(stack) == 63 {
				break
			}
			stack = append(stack, opener{i, []rune(bidi.ReverseString(string(r)))[0]})
		case p.IsBracket():
			for k := len(stack) - 1; k >= 0; k-- {
				if stack[k].want == r || r == 0x232A && stack[k].want == 0x3009 || r == 0x3009 && stack[k].want == 0x232A {
					pairs = append(pairs, pair{stack[k].at, i})
					stack = stack[:k]
					break
				}
			}
		}
	}
	if len(pairs) == 0 {
		return
	}
	// Pairs in the order of their opening brackets.
	for i := 1; i < len(pairs); i++ {
		for j := i; j > 0 && pairs[j].open < pairs[j-1].open; j-- {
			pairs[j], pairs[j-1] = pairs[j-1], pairs[j]
		}
	}
	embed := bidi.L
	if para == 1 {
		embed = bidi.R
	}
	for _, p := range pairs {
		sameInside, otherInside := false, false
		for k := p.open + 1; k < p.close; k++ {
			switch s := strongDirection(cls[k]); {
			case s == embed:
				sameInside = true
			case s != bidi.ON:
				otherInside = true
			}
		}
		set := bidi.ON
		switch {
		case sameInside:
			set = embed
		case otherInside:
			before := sos
			for k := p.open - 1; k >= 0; k-- {
				if s := strongDirection(cls[k]); s != bidi.ON {
					before = s
					break
				}
			}
			set = embed
			if before != embed {
				set = before
			}
		}
		if set == bidi.ON {
			continue
		}
		for _, at := range []int{p.open, p.close} {
			cls[at] = set
			for k := at + 1; k < len(cls) && orig[k] == bidi.NSM; k++ {
				cls[k] = set
			}
		}
	}
}

// visualOrder is L2: the order in which pieces at the given levels are drawn, left to
// right, as indexes into levels.
func visualOrder(levels []uint8) []int {
	order := make([]int, len(levels))
	var hi, lo uint8 = 0, 255
	for i, lv := range levels {
		order[i] = i
		hi = max(hi, lv)
		if lv%2 == 1 {
			lo = min(lo, lv)
		}
	}
	for lv := hi; lv >= lo && lv > 0; lv-- {
		for i := 0; i < len(order); i++ {
			if levels[order[i]] < lv {
				continue
			}
			j := i
			for j < len(order) && levels[order[j]] >= lv {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}

// strongDirection is the direction a class counts as between brackets (N0) and around
// neutrals (N1): L, or R for R and numbers; ON for the rest.
func strongDirection(c bidi.Class) bidi.Class {
	switch c {
	case bidi.L:
		return bidi.L
	case bidi.R, bidi.EN, bidi.AN:
		return bidi.R
	}
	return bidi.ON
}

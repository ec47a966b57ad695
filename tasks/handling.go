package tasks

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/parley-app/parley/handling"
	"github.com/parley-app/parley/storage"
)

// MaxMarkingChars is about what the pack's banner lines hold; the pack refuses a marking it
// cannot print whole, and the settings refuse one that long before it gets there.
const MaxMarkingChars = 480

// HandlingChange is a change to the dossier's handling marks; a nil field stays as it is.
type HandlingChange struct {
	Marking *string // the marking every pack carries; "" for none
	Levels  *string // one level a line, lowest first, "NAME (ABBREV)"; "" for the default
	Caveats *string // one a line; "" for the default
}

// HandlingReport is the dossier's handling marks.
type HandlingReport struct {
	Marking, Levels, Caveats string // as the settings hold them; "" levels and caveats: the default
	Scheme                   handling.Scheme
	// Unreadable says why the stored levels cannot be read (a database edited by hand, a
	// bundle from elsewhere); Scheme is then the default, and packs are refused until the
	// levels are corrected.
	Unreadable error
}

func (r HandlingReport) String() string {
	marking := r.Marking
	if marking == "" {
		marking = "none"
	}
	var levels []string
	for _, l := range r.Scheme.Levels {
		levels = append(levels, l.Name+" ("+l.Abbrev+")")
	}
	caveats := strings.Join(r.Scheme.Caveats, "; ")
	if caveats == "" {
		caveats = "none"
	}
	return fmt.Sprintf("Marking: %s\nLevels, lowest first: %s\nCaveats: %s", marking, strings.Join(levels, ", "), caveats)
}

// Handling reads the dossier's handling marks.
func Handling(ctx context.Context, st *storage.Store) (HandlingReport, error) {
	var r HandlingReport
	for key, v := range map[string]*string{"marking": &r.Marking, handling.LevelsSetting: &r.Levels, handling.CaveatsSetting: &r.Caveats} {
		var err error
		if *v, err = st.Setting(ctx, key); err != nil {
			return HandlingReport{}, err
		}
	}
	var err error
	if r.Scheme, err = handling.Load(r.Levels, r.Caveats); err != nil {
		r.Scheme, r.Unreadable = handling.Default, fmt.Errorf("the dossier's handling levels cannot be read: %w", err)
	}
	return r, nil
}

// SetHandling checks and saves a change to the handling marks, all of it or nothing.
func SetHandling(ctx context.Context, st *storage.Store, ch HandlingChange) (HandlingReport, error) {
	values := map[string]string{}
	if ch.Marking != nil {
		m := strings.Join(strings.Fields(*ch.Marking), " ")
		if n := utf8.RuneCountInString(m); n > MaxMarkingChars {
			return HandlingReport{}, fmt.Errorf("the marking has %d characters; it is printed whole on every page, and about %d fit", n, MaxMarkingChars)
		}
		values["marking"] = m
	}
	if ch.Levels != nil {
		lv := strings.TrimSpace(*ch.Levels)
		if lv != "" {
			parsed, err := handling.ParseLevels(lv)
			if err != nil {
				return HandlingReport{}, fmt.Errorf("the levels: %w", err)
			}
			lv = handling.Scheme{Levels: parsed}.LevelsText()
		}
		if lv == handling.Default.LevelsText() {
			lv = "" // the default stays the default
		}
		values[handling.LevelsSetting] = lv
	}
	if ch.Caveats != nil {
		cv := strings.Join(handling.ParseCaveats(*ch.Caveats), "\n")
		if cv == handling.Default.CaveatsText() {
			cv = ""
		}
		values[handling.CaveatsSetting] = cv
	}
	if err := st.SetSettings(ctx, values); err != nil {
		return HandlingReport{}, err
	}
	return Handling(ctx, st)
}

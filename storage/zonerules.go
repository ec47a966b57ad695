package storage

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Zones of their own. A calendar file may define a time zone that no IANA zone agrees with
// (rules a Windows user made up, an offset in minutes no country keeps, a country's rules
// before tzdata caught up). Parley keeps such a zone's rules — every change of offset the
// file gives, up to 2100 — under a name of its own, and a meeting names it as it names
// Asia/Tokyo: its local time, a change of time made later in Parley, the pack and a calendar
// export all follow the file's rules.
//
// The name is the file's TZID followed by a short fingerprint of the rules ("Customized Time
// Zone [3f9a2c]"), so that the same rules always get the same name, in any dossier on any
// laptop, and two files that use one TZID for different rules never meet under one name.
// Defined zones are known process-wide (definedZones): a store loads its own when it opens, a
// calendar read or a bundle defines the ones it brings, and the zones database is asked only
// for names that are not defined here.

// ZoneRules is a time zone of its own: its offset before the first change, and each change.
type ZoneRules struct {
	Name    string       `json:"name"`
	Initial ZoneOffset   `json:"initial"`
	Changes []ZoneChange `json:"changes"`
}

// ZoneOffset is a period of a zone: seconds east of UTC, its abbreviation ("+05", "BRST")
// and whether it is daylight saving time.
type ZoneOffset struct {
	Offset int    `json:"offset"`
	Abbr   string `json:"abbr"`
	DST    bool   `json:"dst,omitempty"`
}

// ZoneChange is a change of offset at an instant (UTC) to the period it begins.
type ZoneChange struct {
	At     time.Time `json:"at"`
	Offset int       `json:"offset"`
	Abbr   string    `json:"abbr"`
	DST    bool      `json:"dst,omitempty"`
}

// Period is the period a change begins.
func (c ZoneChange) Period() ZoneOffset { return ZoneOffset{c.Offset, c.Abbr, c.DST} }

// kindZone names a zone of its own in messages.
const kindZone = "time zone"

// maxZoneChanges bounds a zone's changes: two a year for 400 years is far more than a file
// that means well defines.
const maxZoneChanges = 1000

// DefineZone names rules read from a file whose TZID is tzid and makes the zone known to this
// process; the name it returns is what a meeting's date keeps as its zone. The rules' own
// Name is ignored.
func DefineZone(tzid string, r ZoneRules) (string, error) {
	r.Name = zoneName(tzid, r)
	if err := r.check(); err != nil {
		return "", err
	}
	if _, err := r.register(); err != nil {
		return "", err
	}
	return r.Name, nil
}

// DefinedZone returns the rules of a zone defined in this process, by name.
func DefinedZone(name string) (ZoneRules, bool) {
	if z, ok := definedZones.Load(name); ok {
		return z.(*definedZone).rules, true
	}
	return ZoneRules{}, false
}

// IsDefinedZone tells whether a zone name is one of Parley's own zones rather than an IANA one.
func IsDefinedZone(name string) bool {
	_, ok := definedZones.Load(name)
	return ok
}

// definedZone is a zone of its own with the location built from its rules.
type definedZone struct {
	rules ZoneRules
	loc   *time.Location
}

var definedZones sync.Map // name → *definedZone

// zoneName is tzid with the fingerprint of the rules: the same rules, the same name.
func zoneName(tzid string, r ZoneRules) string {
	tzid = strings.Join(strings.Fields(tzid), " ")
	if i := strings.LastIndex(tzid, " ["); i > 0 && len(tzid)-i == 9 && tzid[len(tzid)-1] == ']' {
		tzid = tzid[:i] // a name Parley gave, coming back with other rules: one fingerprint
	}
	if tzid == "" {
		tzid = "Zone"
	}
	if len(tzid) > 80 {
		tzid = strings.TrimSpace(tzid[:80])
		for !utf8.ValidString(tzid) {
			tzid = tzid[:len(tzid)-1]
		}
	}
	return tzid + " [" + r.fingerprint() + "]"
}

// fingerprint is six hex digits of a hash over the offsets and changes.
func (r ZoneRules) fingerprint() string {
	h := sha256.New()
	fmt.Fprintf(h, "%d %s %t\n", r.Initial.Offset, r.Initial.Abbr, r.Initial.DST)
	for _, c := range r.Changes {
		fmt.Fprintf(h, "%d %d %s %t\n", c.At.Unix(), c.Offset, c.Abbr, c.DST)
	}
	return hex.EncodeToString(h.Sum(nil))[:6]
}

// check validates rules as a bundle or a calendar file brings them.
func (r ZoneRules) check() error {
	bad := func(format string, args ...any) error {
		return &ValidationError{Record: fmt.Sprintf("%s %q", kindZone, r.Name), Field: "rules", Reason: fmt.Sprintf(format, args...)}
	}
	i := strings.LastIndex(r.Name, " [")
	if i <= 0 || !strings.HasSuffix(r.Name, "]") {
		return bad("the name does not end in the rules' fingerprint, as in \"Customized Time Zone [3f9a2c]\"")
	}
	if reason := badText(r.Name, nil, NameLimit); reason != "" {
		return bad("the name %s", reason)
	}
	if want := zoneName(r.Name[:i], r); want != r.Name {
		return bad("the rules are not the ones its name stands for (they would be named %q)", want)
	}
	if len(r.Changes) > maxZoneChanges {
		return bad("it has %d changes of offset; Parley keeps at most %d", len(r.Changes), maxZoneChanges)
	}
	for i, o := range append([]ZoneOffset{r.Initial}, changeOffsets(r.Changes)...) {
		if o.Offset < -18*3600 || o.Offset > 18*3600 {
			return bad("an offset of %+d seconds is more than 18 hours from UTC", o.Offset)
		}
		if o.Abbr == "" || len(o.Abbr) > 16 || strings.ContainsFunc(o.Abbr, func(c rune) bool { return c < '!' || c > '~' }) {
			return bad("offset %d has the abbreviation %q; it must be 1 to 16 letters, digits or signs", i+1, o.Abbr)
		}
	}
	for i, c := range r.Changes {
		if c.At.Year() < 1800 || c.At.Year() > 2200 {
			return bad("a change of offset in %d is outside the years 1800 to 2200", c.At.Year())
		}
		if i > 0 && !c.At.After(r.Changes[i-1].At) {
			return bad("its changes of offset are not in order of time")
		}
	}
	return nil
}

func changeOffsets(cs []ZoneChange) []ZoneOffset {
	out := make([]ZoneOffset, len(cs))
	for i, c := range cs {
		out[i] = c.Period()
	}
	return out
}

// checkZone checks rules a bundle brings and makes them known, so that the meetings after
// them that name the zone check too.
func checkZone(z ZoneRules) error {
	if err := z.check(); err != nil {
		return err
	}
	_, err := z.register()
	return err
}

// register makes checked rules known to the process, building their location once.
func (r ZoneRules) register() (*time.Location, error) {
	if z, ok := definedZones.Load(r.Name); ok {
		return z.(*definedZone).loc, nil
	}
	loc, err := time.LoadLocationFromTZData(r.Name, r.tzif())
	if err != nil {
		return nil, fmt.Errorf("%s %q: %w", kindZone, r.Name, err)
	}
	z, _ := definedZones.LoadOrStore(r.Name, &definedZone{rules: r, loc: loc})
	return z.(*definedZone).loc, nil
}

// tzif writes the rules as a version 2 TZif file, the form Go builds a Location from (RFC
// 8536): an empty 32-bit part, then the 64-bit one. A first change in 1800 to the initial
// offset makes the offset before the file's first change explicit, whatever Go would infer.
func (r ZoneRules) tzif() []byte {
	type ttype struct {
		off  int
		dst  bool
		abbr string
	}
	var types []ttype
	var abbrs []byte
	abbrAt := map[string]int{}
	typeOf := func(o ZoneOffset) byte {
		t := ttype{o.Offset, o.DST, o.Abbr}
		for i, have := range types {
			if have == t {
				return byte(i)
			}
		}
		if _, ok := abbrAt[o.Abbr]; !ok {
			abbrAt[o.Abbr] = len(abbrs)
			abbrs = append(append(abbrs, o.Abbr...), 0)
		}
		types = append(types, t)
		return byte(len(types) - 1)
	}
	when := []int64{time.Date(1800, 1, 1, 0, 0, 0, 0, time.UTC).Unix()}
	idx := []byte{typeOf(r.Initial)}
	for _, c := range r.Changes {
		when = append(when, c.At.Unix())
		idx = append(idx, typeOf(c.Period()))
	}
	var b []byte
	header := func(timecnt, typecnt, charcnt int) {
		b = append(b, "TZif2"...)
		b = append(b, make([]byte, 15)...)
		for _, n := range []int{0, 0, 0, timecnt, typecnt, charcnt} {
			b = binary.BigEndian.AppendUint32(b, uint32(n))
		}
	}
	// The 32-bit part: one type and no changes, which readers of version 2 skip.
	header(0, 1, 1)
	b = binary.BigEndian.AppendUint32(b, uint32(int32(r.Initial.Offset)))
	b = append(b, 0, 0, 0)
	header(len(when), len(types), len(abbrs))
	for _, w := range when {
		b = binary.BigEndian.AppendUint64(b, uint64(w))
	}
	b = append(b, idx...)
	for _, t := range types {
		b = binary.BigEndian.AppendUint32(b, uint32(int32(t.off)))
		dst := byte(0)
		if t.dst {
			dst = 1
		}
		b = append(b, dst, byte(abbrAt[t.abbr]))
	}
	b = append(b, abbrs...)
	// No rule for after the last change: the last offset holds on.
	return append(b, '\n', '\n')
}

// loadZones makes the zones a database defines known to the process (at open).
func loadZones(ctx context.Context, q querier) error {
	rows, err := q.QueryContext(ctx, `SELECT name, rules FROM zone_rules ORDER BY name`)
	if err != nil {
		return fmt.Errorf("time zones: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanZone(rows)
		if err != nil {
			return err
		}
		if err := r.check(); err != nil {
			// A zone edited outside Parley: its meetings are read as bad rows, named, and
			// the rest of the dossier stays usable.
			continue
		}
		if _, err := r.register(); err != nil {
			continue
		}
	}
	return rows.Err()
}

func scanZone(r row) (ZoneRules, error) {
	var name, rules string
	if err := r.Scan(&name, &rules); err != nil {
		return ZoneRules{}, fmt.Errorf("time zone: %w", err)
	}
	z := ZoneRules{Name: name}
	if err := json.Unmarshal([]byte(rules), &z); err != nil {
		return ZoneRules{}, fmt.Errorf("time zone %q: its rules cannot be read: %w", name, err)
	}
	z.Name = name
	return z, nil
}

// allZones lists the zones a database defines, by name.
func allZones(ctx context.Context, q querier) ([]ZoneRules, error) {
	rows, err := q.QueryContext(ctx, `SELECT name, rules FROM zone_rules ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("time zones: %w", err)
	}
	defer rows.Close()
	var out []ZoneRules
	for rows.Next() {
		r, err := scanZone(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// storeZone keeps checked rules in the database (once: the name stands for the rules) and
// makes them known to the process.
func storeZone(ctx context.Context, tx querier, r ZoneRules, counts *ImportCounts) error {
	rules, err := json.Marshal(struct {
		Initial ZoneOffset   `json:"initial"`
		Changes []ZoneChange `json:"changes"`
	}{r.Initial, r.Changes})
	if err != nil {
		return fmt.Errorf("%s %q: %w", kindZone, r.Name, err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO zone_rules (name, rules) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`, r.Name, string(rules))
	if err != nil {
		return fmt.Errorf("%s %q: %w", kindZone, r.Name, err)
	}
	if counts != nil {
		if n, _ := res.RowsAffected(); n > 0 {
			counts.Created++
		} else {
			counts.Unchanged++
		}
	}
	_, err = r.register()
	return err
}

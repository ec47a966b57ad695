package storage

import (
	"fmt"
	"reflect"
	"strings"
	"time"
	"unicode/utf8"
)

// The limits on what one record may hold, the same at every entry point — a bundle, the
// window's forms, a calendar file — so that no file or paste can make the window hold
// gigabytes for one record, and no date can be one that means nothing.
const (
	// MaxNameChars bounds a name or title (a meeting's title, an actor's name, a venue…).
	MaxNameChars = 1000
	// MaxTextBytes bounds any other text, which may be a long briefing: 1 MB.
	MaxTextBytes = 1 << 20
	// MaxPhotoBytes bounds a stored photo: a portrait, not a poster.
	MaxPhotoBytes = 10 << 20
	// MaxPhotoSide bounds a photo's width and height: 4096×4096 pixels take 64 MB to show.
	MaxPhotoSide = 4096
	// MinYear and MaxYear bound the years of every date. A year outside is a stand-in value
	// (9999-12-31 for "never") rather than a date of talks, and the day after 9999-12-31 —
	// where a calendar event ends — cannot be written at all.
	MinYear, MaxYear = 1000, 2999
	// MaxDurationMinutes bounds a meeting's length: a year (a conference may run for weeks;
	// 2^62 minutes is no meeting).
	MaxDurationMinutes = 366 * 24 * 60
)

// Limit is what one text field may hold: at most Chars characters (0: no bound of its own)
// and at most Bytes bytes.
type Limit struct{ Chars, Bytes int }

// NameLimit is the limit of names and titles; TextLimit of every other text.
var (
	NameLimit = Limit{Chars: MaxNameChars, Bytes: MaxTextBytes}
	TextLimit = Limit{Bytes: MaxTextBytes}
)

// FieldLimit is the limit of a text field by its name in a bundle (its JSON name, or the last
// part of a path such as "names[0].native").
func FieldLimit(name string) Limit {
	name = name[strings.LastIndexAny(name, ".]")+1:]
	switch name {
	case "id", "title", "name", "native_name", "native", "party", "label", "kind", "role", "status",
		"format", "city", "country", "venue", "publisher", "organisation", "language", "part", "up_to":
		return NameLimit
	}
	return TextLimit
}

// Check says what is wrong with s under the limit — "it holds 1,204 characters; the limit is
// 1,000" — or "" when it fits.
func (l Limit) Check(s string) string {
	if len(s) > l.Bytes {
		return fmt.Sprintf("it holds %s bytes; the limit is %s (%d MB)", thousands(len(s)), thousands(l.Bytes), l.Bytes>>20)
	}
	if l.Chars > 0 {
		if n := utf8.RuneCountInString(s); n > l.Chars {
			return fmt.Sprintf("it holds %s characters; the limit is %s", thousands(n), thousands(l.Chars))
		}
	}
	return ""
}

// Trim cuts s to the limit, at a character boundary, for a reader that keeps what it can (a
// calendar file's event); it reports whether it cut.
func (l Limit) Trim(s string) (string, bool) {
	if l.Check(s) == "" {
		return s, false
	}
	if len(s) > l.Bytes {
		s = s[:l.Bytes]
		for !utf8.ValidString(s) {
			s = s[:len(s)-1]
		}
	}
	if l.Chars > 0 && utf8.RuneCountInString(s) > l.Chars {
		i, n := 0, 0
		for i = range s {
			if n == l.Chars {
				break
			}
			n++
		}
		s = s[:i]
	}
	return s, true
}

// loadZone is the IANA zone of that name. "Local" — whatever the laptop is set to, a
// different time on each — and "" are refused: a meeting's time is in a place's zone.
func loadZone(name string) (*time.Location, error) {
	if name == "" || strings.EqualFold(name, "Local") {
		return nil, fmt.Errorf("%q is not a known time zone (use a name such as Asia/Tokyo; “Local” would be a different time on each computer)", name)
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, fmt.Errorf("%q is not a known time zone (use a name such as Asia/Tokyo)", name)
	}
	return loc, nil
}

// thousands writes n with commas between groups of three digits: 1,048,576.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// checkLimits checks every text field of a record about to be stored against its limit
// (FieldLimit, by the field's bundle name), so that the window's forms and a calendar import
// are held to what a bundle is. A field over its limit is a ValidationError naming it by its
// path ("title", "lines_to_take[2].text"), as the window marks fields.
func checkLimits(record string, rec any) error {
	if field, reason := overLimit(reflect.ValueOf(rec), ""); field != "" {
		return &ValidationError{Record: record, Field: field, Reason: reason}
	}
	return nil
}

func overLimit(v reflect.Value, path string) (field, reason string) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return overLimit(v.Elem(), path)
		}
	case reflect.String:
		if reason := FieldLimit(path).Check(v.String()); reason != "" {
			return path, reason
		}
	case reflect.Slice:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return "", "" // bytes (a photo): checked as a photo
		}
		for i := range v.Len() {
			if f, r := overLimit(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); f != "" {
				return f, r
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			if f, r := overLimit(iter.Value(), path); f != "" {
				return f, r
			}
		}
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			sf := t.Field(i)
			if !sf.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			sub := path
			switch {
			case sf.Anonymous && name == "":
			case name == "":
				sub = join(path, strings.ToLower(sf.Name))
			default:
				sub = join(path, name)
			}
			if f, r := overLimit(v.Field(i), sub); f != "" {
				return f, r
			}
		}
	}
	return "", ""
}

// recordName names a record for a ValidationError as its checker does: kind, title and ID
// (the title cut short: it may be the field over its limit).
func recordName(rec any) string {
	v := reflect.Indirect(reflect.ValueOf(rec))
	if v.Kind() != reflect.Struct {
		return ""
	}
	str := func(name string) string {
		if f := v.FieldByName(name); f.IsValid() && f.Kind() == reflect.String {
			return f.String()
		}
		return ""
	}
	title := str("Title")
	if title == "" {
		title = str("Name")
	}
	if r := []rune(title); len(r) > 60 {
		title = string(r[:60]) + "…"
	}
	return newChecker(strings.ToLower(v.Type().Name()), title, str("ID")).record
}

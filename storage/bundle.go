package storage

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Bundle files carry a whole dossier as JSON; docs/bundle-format.md describes the format.
const (
	bundleFormat = "parley-bundle"
	// bundleVersion 3 adds the registry of issued packs ("pack_issues") and the meetings'
	// document control ("brief"), principals and the dates status changes happened. A
	// Parley that reads only version 2 would refuse such a file as holding a part it does
	// not know; under version 3 it says the file was written by a newer Parley instead.
	// bundleVersion 4 adds the dossier's "zones" (time zones of Parley's own, kept from
	// calendar files), which a version 3 reader would refuse as a part it does not know.
	bundleVersion = 4
	// oldestBundle is the oldest version Parley still reads, each as the current version
	// without what it lacks: version 3 has no "zones", version 2 has no "pack_issues" (importing it leaves the registry
	// as it is), and version 1 no meetings' "calendar" field either.
	oldestBundle = 1
)

// WriteBundle writes the dossier as a version 4 bundle: indented JSON with every kind of
// record in order of ID (pack issues in order of meeting, version and addendum), so that the
// same dossier always gives the same bytes apart from the export time. Store.ExportBundle
// writes the same bytes straight from the database.
func WriteBundle(w io.Writer, d *Dossier, exportedAt time.Time) error {
	if d == nil {
		return errors.New("write bundle: no dossier")
	}
	out := d.clone()
	byID(out.Tracks, func(r Track) string { return r.ID })
	byID(out.Sources, func(r Source) string { return r.ID })
	byID(out.Actors, func(r Actor) string { return r.ID })
	byID(out.Disputes, func(r Dispute) string { return r.ID })
	byID(out.Meetings, func(r Meeting) string { return r.ID })
	byID(out.Statements, func(r Statement) string { return r.ID })
	sort.SliceStable(out.PackIssues, func(i, j int) bool { return issueBefore(out.PackIssues[i], out.PackIssues[j]) })
	bw, err := newBundleWriter(w, exportedAt)
	if err != nil {
		return fmt.Errorf("write bundle: %w", err)
	}
	// Zones of Parley's own before the meetings that name them (only when there are any, so
	// that a dossier without them gives the bytes it always gave).
	if len(out.Zones) > 0 {
		sort.Slice(out.Zones, func(i, j int) bool { return out.Zones[i].Name < out.Zones[j].Name })
		err = writeList(bw, "zones", true, out.Zones, func(z ZoneRules) ZoneRules { return z })
	}
	if err == nil {
		err = writeList(bw, "tracks", len(out.Zones) == 0, out.Tracks, bundleTrack)
	}
	if err == nil {
		err = writeList(bw, "sources", false, out.Sources, func(r Source) Source { return r })
	}
	if err == nil {
		err = writeList(bw, "actors", false, out.Actors, bundleActor)
	}
	if err == nil {
		err = writeList(bw, "disputes", false, out.Disputes, func(r Dispute) Dispute { return r })
	}
	if err == nil {
		err = writeList(bw, "meetings", false, out.Meetings, func(r Meeting) Meeting { return r })
	}
	if err == nil {
		err = writeList(bw, "statements", false, out.Statements, func(r Statement) Statement { return r })
	}
	if err == nil {
		err = writeList(bw, "pack_issues", false, out.PackIssues, bundleIssue)
	}
	if err == nil {
		err = bw.finish(out.Settings)
	}
	if err != nil {
		return fmt.Errorf("write bundle: %w", err)
	}
	return nil
}

// writeList writes one kind of record of a dossier in memory.
func writeList[T any](bw *bundleWriter, name string, first bool, records []T, conv func(T) T) error {
	bw.startList(name, first)
	for _, r := range records {
		if err := bw.record(conv(r)); err != nil {
			return err
		}
	}
	bw.endList()
	return nil
}

func byID[T any](records []T, id func(T) string) {
	sort.SliceStable(records, func(i, j int) bool { return id(records[i]) < id(records[j]) })
}

// issueBefore orders pack issues as the registry lists them: by meeting, version, addendum.
func issueBefore(a, b PackIssue) bool {
	if a.MeetingID != b.MeetingID {
		return a.MeetingID < b.MeetingID
	}
	if a.Version != b.Version {
		return a.Version < b.Version
	}
	return a.Addendum < b.Addendum
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// ReadBundle reads a bundle and checks every record in it. A file that is not a bundle, a
// bundle of another version, or one with a bad field is refused; a bad field gives a
// *ValidationError naming the record (kind, title, ID) and the field, such as
// `meeting "Tokyo round" (…), field when: "2016-13-45": month 13 does not exist`.
// References between records are checked on import, where the database is known.
func ReadBundle(r io.Reader) (*Dossier, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read bundle: %w", err)
	}
	var head struct {
		Format  *string         `json:"format"`
		Version *int            `json:"version"`
		Dossier json.RawMessage `json:"dossier"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		return nil, fmt.Errorf("read bundle: this is not a Parley bundle (%s)", jsonProblem(data, err))
	}
	switch {
	case head.Format == nil || *head.Format != bundleFormat:
		return nil, errors.New(`read bundle: this is not a Parley bundle (no "format": "parley-bundle")`)
	case head.Version == nil:
		return nil, errors.New("read bundle: the bundle has no version")
	case *head.Version > bundleVersion:
		return nil, fmt.Errorf("read bundle: the bundle is version %d, written by a newer Parley; this one reads versions %d to %d", *head.Version, oldestBundle, bundleVersion)
	case *head.Version < oldestBundle:
		return nil, fmt.Errorf("read bundle: bundle version %d is not one Parley knows (it reads versions %d to %d)", *head.Version, oldestBundle, bundleVersion)
	case len(head.Dossier) == 0 || string(head.Dossier) == "null":
		return nil, errors.New("read bundle: the bundle holds no dossier")
	}
	d, err := decodeDossier(head.Dossier)
	if err != nil {
		var ve *ValidationError
		if errors.As(err, &ve) {
			return nil, err
		}
		return nil, fmt.Errorf("read bundle: %w", err)
	}
	if _, err := d.ids(); err != nil {
		return nil, err
	}
	// Each record on its own; references are the import's business.
	if err := d.check(func(string, string) (bool, error) { return true, nil }); err != nil {
		return nil, err
	}
	return d, nil
}

// jsonProblem says where a JSON file stops making sense.
func jsonProblem(data []byte, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line := 1 + bytes.Count(data[:min(int(se.Offset), len(data))], []byte("\n"))
		return fmt.Sprintf("line %d: %s", line, se.Error())
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%s is %s, not %s", te.Field, te.Value, jsonKind(te.Type))
	}
	return err.Error()
}

// decodeDossier decodes the dossier part record by record, so that a bad field is reported
// with the record it belongs to.
func decodeDossier(raw json.RawMessage) (*Dossier, error) {
	var parts map[string]json.RawMessage
	if err := json.Unmarshal(raw, &parts); err != nil {
		return nil, errors.New(`"dossier" is not an object`)
	}
	d := &Dossier{}
	known := map[string]func(json.RawMessage) error{
		"tracks":   func(r json.RawMessage) (err error) { d.Tracks, err = decodeList[Track](r, kindTrack); return },
		"sources":  func(r json.RawMessage) (err error) { d.Sources, err = decodeList[Source](r, kindSource); return },
		"actors":   func(r json.RawMessage) (err error) { d.Actors, err = decodeList[Actor](r, kindActor); return },
		"disputes": func(r json.RawMessage) (err error) { d.Disputes, err = decodeList[Dispute](r, kindDispute); return },
		"meetings": func(r json.RawMessage) (err error) { d.Meetings, err = decodeList[Meeting](r, kindMeeting); return },
		"statements": func(r json.RawMessage) (err error) {
			d.Statements, err = decodeList[Statement](r, kindStatement)
			return
		},
		"pack_issues": func(r json.RawMessage) (err error) {
			d.PackIssues, err = decodeList[PackIssue](r, kindPackIssue)
			return
		},
		"settings": func(r json.RawMessage) error { return decodeSettings(r, d) },
		"zones": func(r json.RawMessage) (err error) {
			// Known before the meetings are decoded: their dates name these zones.
			if d.Zones, err = decodeList[ZoneRules](r, kindZone); err != nil {
				return err
			}
			for _, z := range d.Zones {
				if err := checkZone(z); err != nil {
					return err
				}
			}
			return nil
		},
	}
	// Kinds in a fixed order, so the same file always reports the same first problem.
	for _, name := range []string{"zones", "sources", "tracks", "actors", "disputes", "meetings", "statements", "pack_issues", "settings"} {
		if r, ok := parts[name]; ok {
			if err := known[name](r); err != nil {
				return nil, err
			}
		}
	}
	for name := range parts {
		if known[name] == nil {
			return nil, fmt.Errorf("the dossier has a part %q that Parley does not know", name)
		}
	}
	return d, nil
}

// decodeSettings decodes a bundle's settings into d, refusing what badText refuses.
func decodeSettings(r json.RawMessage, d *Dossier) error {
	if !utf8.Valid(r) {
		return &ValidationError{Record: "settings", Field: "settings", Reason: "they are not valid UTF-8 text"}
	}
	if err := json.Unmarshal(r, &d.Settings); err != nil {
		return errors.New(`"settings" must be an object of texts`)
	}
	for k, v := range d.Settings {
		if reason := badText(k, r, NameLimit); reason != "" {
			return &ValidationError{Record: fmt.Sprintf("setting %q", k), Field: "name", Reason: reason}
		}
		if reason := badText(v, r, TextLimit); reason != "" {
			return &ValidationError{Record: fmt.Sprintf("setting %q", k), Field: "value", Reason: reason}
		}
	}
	return nil
}

func decodeList[T any](raw json.RawMessage, kind string) ([]T, error) {
	var items []json.RawMessage
	if err := json.Unmarshal(raw, &items); err != nil {
		return nil, fmt.Errorf("the %ss are not a list", kind)
	}
	out := make([]T, len(items))
	for i, item := range items {
		if fe := decodeValue(item, reflect.ValueOf(&out[i]).Elem(), ""); fe != nil {
			return nil, &ValidationError{Record: recordLabel(kind, i, item), Field: fe.field, Reason: fe.reason}
		}
	}
	return out, nil
}

// recordLabel names a record from its raw JSON, however broken the rest of it is.
func recordLabel(kind string, i int, item json.RawMessage) string {
	var probe map[string]any
	_ = json.Unmarshal(item, &probe)
	str := func(k string) string {
		s, _ := probe[k].(string)
		return s
	}
	if kind == kindPackIssue {
		version, ok := probe["version"].(float64)
		if !ok || version != float64(int(version)) {
			return fmt.Sprintf("%s number %d in the file", kind, i+1)
		}
		addendum, _ := probe["addendum"].(float64)
		return issueRecord(str("meeting_id"), int(version), int(addendum))
	}
	title := str("title")
	if title == "" {
		title = str("name")
	}
	if title == "" {
		title = shorten(str("text"), 40)
	}
	id := str("id")
	if title == "" && id == "" {
		return fmt.Sprintf("%s number %d in the file", kind, i+1)
	}
	return newChecker(kind, title, id).record
}

type fieldError struct{ field, reason string }

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// decodeValue decodes raw into v, refusing fields the type does not have, and says which field
// (as a path such as "status_history[1].when") is wrong and why.
func decodeValue(raw json.RawMessage, v reflect.Value, path string) *fieldError {
	if string(bytes.TrimSpace(raw)) == "null" {
		v.SetZero()
		return nil
	}
	if v.Type() == reflect.TypeFor[time.Time]() {
		if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
			return &fieldError{path, fmt.Sprintf("%s is not a time like 2016-06-20T09:00:00Z", bytes.TrimSpace(raw))}
		}
		return nil
	}
	if reflect.PointerTo(v.Type()).Implements(unmarshalerType) {
		if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
			return &fieldError{path, unwrapJSON(err)}
		}
		return nil
	}
	switch {
	case v.Kind() == reflect.Struct:
		var obj map[string]json.RawMessage
		if err := json.Unmarshal(raw, &obj); err != nil {
			return &fieldError{path, "it is not an object"}
		}
		fields := jsonFieldsOf(v.Type())
		keys := make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			i, ok := fields[k]
			if !ok {
				return &fieldError{join(path, k), "Parley does not know this field"}
			}
			if fe := decodeValue(obj[k], v.Field(i), join(path, k)); fe != nil {
				return fe
			}
		}
		return nil
	case v.Kind() == reflect.Slice && v.Type().Elem().Kind() != reflect.Uint8:
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return &fieldError{path, "it is not a list"}
		}
		s := reflect.MakeSlice(v.Type(), len(items), len(items))
		for i, item := range items {
			if fe := decodeValue(item, s.Index(i), fmt.Sprintf("%s[%d]", path, i)); fe != nil {
				return fe
			}
		}
		v.Set(s)
		return nil
	}
	if v.Kind() == reflect.String {
		if !utf8.Valid(raw) {
			return &fieldError{path, "it is not valid UTF-8 text"}
		}
		if text, ok := plainString(raw, v.Type()); ok {
			v.SetString(text)
			if reason := badText(text, raw, FieldLimit(path)); reason != "" {
				return &fieldError{path, reason}
			}
			return nil
		}
	}
	if err := json.Unmarshal(raw, v.Addr().Interface()); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return &fieldError{path, fmt.Sprintf("it is %s, not %s", te.Value, jsonKind(v.Type()))}
		}
		return &fieldError{path, unwrapJSON(err)}
	}
	if v.Kind() == reflect.String {
		if reason := badText(v.String(), raw, FieldLimit(path)); reason != "" {
			return &fieldError{path, reason}
		}
	}
	return nil
}

// jsonFields caches, by struct type, the index of the field each JSON name decodes into:
// decodeValue meets the same few types in every record of a bundle.
var jsonFields sync.Map // reflect.Type → map[string]int

func jsonFieldsOf(t reflect.Type) map[string]int {
	if f, ok := jsonFields.Load(t); ok {
		return f.(map[string]int)
	}
	fields := map[string]int{}
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "" && name != "-" {
			fields[name] = i
		}
	}
	jsonFields.Store(t, fields)
	return fields
}

var textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()

// plainString is the text of raw when raw is a JSON string json.Unmarshal would copy as it
// stands — quoted, with no escape and no control character — into a string of type t (one
// without its own UnmarshalText): most text in a bundle, read without a second pass of the
// JSON decoder over it. raw must be valid UTF-8.
func plainString(raw []byte, t reflect.Type) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' || reflect.PointerTo(t).Implements(textUnmarshalerType) {
		return "", false
	}
	body := raw[1 : len(raw)-1]
	for _, c := range body {
		if c < 0x20 || c == '"' || c == '\\' {
			return "", false
		}
	}
	return string(body), true
}

// badText says what is wrong with a text field of a bundle, or "" when nothing is: the JSON
// decoder replaces invalid UTF-8 and lone surrogates (\ud800) with U+FFFD without a word, and
// control characters other than tab and newline would be stored and printed raw — escape
// sequences that clear a terminal or plant a link in it.
func badText(s string, raw []byte, lim Limit) string {
	if reason := lim.Check(s); reason != "" {
		return reason
	}
	for i, r := range s {
		switch {
		case r == '\t' || r == '\n':
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return fmt.Sprintf("it holds the control character U+%04X at character %d; only tab and newline may appear", r, utf8.RuneCountInString(s[:i])+1)
		case r == utf8.RuneError && !bytes.Contains(raw, []byte("\uFFFD")) && !bytes.Contains(raw, []byte("\ufffd")) &&
			!bytes.Contains(raw, []byte(string(utf8.RuneError))):
			return "it holds an escape (\\uD800 to \\uDFFF) that is half a character"
		}
	}
	return ""
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// unwrapJSON drops the json package's prefix from errors our own UnmarshalJSON methods return.
func unwrapJSON(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("it is %s, not %s", te.Value, jsonKind(te.Type))
	}
	return err.Error()
}

func jsonKind(t reflect.Type) string {
	if t == nil {
		return "the expected type"
	}
	switch t.Kind() {
	case reflect.String:
		return "text"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return "base64 text"
		}
		return "a list"
	case reflect.Map, reflect.Struct:
		return "an object"
	}
	return t.String()
}

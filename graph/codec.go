package graph

import (
	"bytes"
	stdjson "encoding/json"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"

	json "github.com/goccy/go-json"

	"github.com/linkscope/linkscope/internal/msg"
)

// The JSON form of commands and history records: one object per command,
// {"op":"move","id":"cnil","x":10,"y":20}, as an edits file and a saved
// workspace hold them. Decoding is strict: an unknown op, an unknown or
// repeated member, a missing required member or a value of the wrong type
// is an error that names the member.

// MaxBatchDepth bounds how deeply batches may nest in a decoded command, so
// that a hostile file cannot exhaust the stack.
const MaxBatchDepth = 16

// commandTypes maps each op to the type of its command. Inverses
// (unexported) have no JSON form: replaying the history recomputes them.
var commandTypes = map[string]reflect.Type{}

// optionalFields are members without omitempty that a file may still leave
// out (apply fills them in: a generated id).
var optionalFields = map[string]bool{"add-entity.id": true, "group.id": true}

func init() {
	for _, c := range []Command{AddEntity{}, AddRelation{}, Set{}, Delete{}, Merge{}, AddSources{},
		Move{}, Place{}, Pin{}, Note{}, HideType{}, SetChart{}, SetMeasure{}, GroupEntities{}, Ungroup{}, Collapse{}, Batch{}} {
		commandTypes[c.Op()] = reflect.TypeOf(c)
	}
}

// Ops lists the ops DecodeCommand knows, sorted.
func Ops() []string {
	ops := make([]string, 0, len(commandTypes))
	for op := range commandTypes {
		ops = append(ops, op)
	}
	sort.Strings(ops)
	return ops
}

// FieldError is a problem with one member of a command: Path leads to it
// from the command's object (member names and, in lists, indices:
// ["cmds", 2, "x"]); an empty Path means the object itself.
type FieldError struct {
	Path []any
	Msg  string
	// Template and Args are Msg before formatting, for translation
	// (app/i18n.Message).
	Template string
	Args     []any
}

func (e *FieldError) Error() string {
	if len(e.Path) == 0 {
		return e.Msg
	}
	return "field " + strconv.Quote(e.PathString()) + ": " + e.Msg
}

// Text returns the message as a template and its arguments.
func (e *FieldError) Text() msg.Text {
	m := msg.F("%s", e.Msg)
	if e.Template != "" {
		m = msg.F(e.Template, e.Args...)
	}
	if len(e.Path) == 0 {
		return m
	}
	return msg.F("field %s: %s", strconv.Quote(e.PathString()), m)
}

// PathString writes Path as cmds[2].x.
func (e *FieldError) PathString() string {
	var b strings.Builder
	for _, s := range e.Path {
		switch s := s.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", s)
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			fmt.Fprint(&b, s)
		}
	}
	return b.String()
}

func fieldErr(m msg.Text, path ...any) *FieldError {
	return &FieldError{Path: path, Msg: m.String(), Template: m.Template, Args: m.Args}
}

// within puts err under the path prefix.
func within(err error, prefix ...any) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		return &FieldError{Path: append(append([]any{}, prefix...), fe.Path...), Msg: fe.Msg, Template: fe.Template, Args: fe.Args}
	}
	return &FieldError{Path: prefix, Msg: err.Error(), Template: "%v", Args: []any{err}}
}

// DecodeCommand decodes one command from its JSON object. Errors are
// *FieldError values naming the member at fault.
func DecodeCommand(data []byte) (c Command, err error) {
	defer func() {
		if r := recover(); r != nil {
			c, err = nil, fieldErr(msg.F("cannot decode the command (internal error, please report it): %v", r))
		}
	}()
	return decodeCommand(data, 0)
}

// object decodes a JSON object into its members (raw), refusing anything
// else and repeated members.
func object(data []byte, what string) (map[string]json.RawMessage, []string, error) {
	t := bytes.TrimSpace(data)
	if len(t) == 0 || t[0] != '{' {
		return nil, nil, fieldErr(msg.F("%s must be a JSON object, not %s", what, describeJSON(t)))
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(t, &m); err != nil {
		return nil, nil, fieldErr(msg.F("not valid JSON: %s", cleanJSONError(err)))
	}
	keys, err := objectKeys(t)
	if err != nil {
		return nil, nil, err
	}
	if len(keys) != len(m) {
		seen := map[string]bool{}
		for _, k := range keys {
			if seen[k] {
				return nil, nil, fieldErr(msg.F("repeated"), k)
			}
			seen[k] = true
		}
	}
	return m, keys, nil
}

// objectKeys lists the member names of the object data, in order (with
// repeats), using encoding/json's token reader on the one object.
func objectKeys(data []byte) ([]string, error) {
	dec := stdjson.NewDecoder(bytes.NewReader(data))
	if _, err := dec.Token(); err != nil {
		return nil, fieldErr(msg.F("not valid JSON: %s", err.Error()))
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, fieldErr(msg.F("not valid JSON: %s", err.Error()))
		}
		k, _ := tok.(string)
		keys = append(keys, k)
		var skip stdjson.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil, fieldErr(msg.F("not valid JSON: %s", err.Error()))
		}
	}
	return keys, nil
}

func decodeCommand(data []byte, depth int) (Command, error) {
	if depth > MaxBatchDepth {
		return nil, fieldErr(msg.F("batches nest more than %d deep", MaxBatchDepth))
	}
	m, keys, err := object(data, "a command")
	if err != nil {
		return nil, err
	}
	rawOp, ok := m["op"]
	if !ok {
		return nil, fieldErr(msg.F(`missing "op" (the command's name: %s)`, strings.Join(Ops(), ", ")))
	}
	var op string
	if err := json.Unmarshal(rawOp, &op); err != nil {
		return nil, fieldErr(msg.F("must be a string"), "op")
	}
	typ, ok := commandTypes[op]
	if !ok {
		return nil, fieldErr(msg.F("unknown op %q (known: %s)", op, strings.Join(Ops(), ", ")), "op")
	}
	v := reflect.New(typ).Elem()
	fields := jsonFields(typ)
	if op == "batch" {
		fields = append(fields, jsonField{name: "cmds", index: -1})
	}
	for _, k := range keys {
		if k == "op" {
			continue
		}
		f, ok := findField(fields, k)
		if !ok {
			return nil, fieldErr(msg.F("unknown field for %s (known: %s)", op, fieldNames(fields)), k)
		}
		raw := m[k]
		if f.index < 0 { // the batch's commands
			cmds, err := decodeCommands(raw, depth)
			if err != nil {
				return nil, within(err, "cmds")
			}
			v.Addr().Interface().(*Batch).Cmds = cmds
			continue
		}
		if err := decodeValue(raw, v.Field(f.index)); err != nil {
			return nil, within(err, k)
		}
	}
	for _, f := range fields {
		if _, ok := m[f.name]; !ok && !f.omitempty && f.index >= 0 && !optionalFields[op+"."+f.name] {
			return nil, fieldErr(msg.F("missing (required by %s)", op), f.name)
		}
	}
	return v.Interface().(Command), nil
}

func decodeCommands(raw []byte, depth int) ([]Command, error) {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || t[0] != '[' {
		return nil, fieldErr(msg.F("must be a list of commands, not %s", describeJSON(t)))
	}
	var list []json.RawMessage
	if err := json.Unmarshal(t, &list); err != nil {
		return nil, fieldErr(msg.F("not valid JSON: %s", cleanJSONError(err)))
	}
	cmds := make([]Command, 0, len(list))
	for i, r := range list {
		c, err := decodeCommand(r, depth+1)
		if err != nil {
			return nil, within(err, i)
		}
		cmds = append(cmds, c)
	}
	return cmds, nil
}

var (
	citationsType = reflect.TypeOf([]Citation(nil))
	sourcesType   = reflect.TypeOf([]Source(nil))
	anyType       = reflect.TypeOf((*any)(nil)).Elem()
)

// decodeValue decodes one member into v (a field of a command), with a
// message that says what the member must be.
func decodeValue(raw []byte, v reflect.Value) error {
	t := bytes.TrimSpace(raw)
	if bytes.Equal(t, []byte("null")) && v.Type() != anyType {
		return nil // absent
	}
	switch v.Type() {
	case citationsType:
		cs, err := decodeCitations(t)
		v.Set(reflect.ValueOf(cs))
		return err
	case sourcesType:
		ss, err := decodeSources(t)
		v.Set(reflect.ValueOf(ss))
		return err
	}
	var want msg.Text
	switch v.Kind() {
	case reflect.String:
		want = msg.F("a string")
		if t[0] != '"' {
			return fieldErr(msg.F("must be a string, not %s", describeJSON(t)))
		}
	case reflect.Bool:
		if !bytes.Equal(t, []byte("true")) && !bytes.Equal(t, []byte("false")) {
			return fieldErr(msg.F("must be true or false, not %s", describeJSON(t)))
		}
		want = msg.F("true or false")
	case reflect.Float64:
		if t[0] != '-' && (t[0] < '0' || t[0] > '9') {
			return fieldErr(msg.F("must be a number, not %s", describeJSON(t)))
		}
		want = msg.F("a finite number")
	case reflect.Slice:
		if t[0] != '[' {
			return fieldErr(msg.F("must be a list, not %s", describeJSON(t)))
		}
		switch v.Type().Elem().Kind() {
		case reflect.String:
			want = msg.F("a list of strings")
		case reflect.Float64:
			want = msg.F("a list of numbers")
		}
	case reflect.Map:
		if t[0] != '{' {
			return fieldErr(msg.F("must be an object, not %s", describeJSON(t)))
		}
		want = msg.F("an object")
	case reflect.Interface:
		want = msg.F("a JSON value")
	default:
		return fieldErr(msg.F("has no JSON form"))
	}
	p := reflect.New(v.Type())
	if err := json.Unmarshal(t, p.Interface()); err != nil {
		return fieldErr(msg.F("must be %s: %s", want, cleanJSONError(err)))
	}
	if err := checkFiniteValue(p.Elem()); err != nil {
		return err
	}
	v.Set(p.Elem())
	return nil
}

// checkFiniteValue refuses numbers too large to be finite (1e999), which
// some decoders turn into ±Inf.
func checkFiniteValue(v reflect.Value) error {
	switch v.Kind() {
	case reflect.Float64:
		if !Finite(v.Float()) {
			return fieldErr(msg.F("the number is out of range"))
		}
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if err := checkFiniteValue(v.Index(i)); err != nil {
				return within(err, i)
			}
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			if err := checkFiniteValue(v.MapIndex(k)); err != nil {
				return within(err, k.String())
			}
		}
	case reflect.Interface:
		if !v.IsNil() {
			return checkFiniteValue(v.Elem())
		}
	}
	return nil
}

// decodeCitations reads citations as a dataset gives them: a source id, or
// {"source", "quote", "gloss"}.
func decodeCitations(t []byte) ([]Citation, error) {
	if t[0] != '[' {
		return nil, fieldErr(msg.F("must be a list of citations, not %s", describeJSON(t)))
	}
	var list []json.RawMessage
	if err := json.Unmarshal(t, &list); err != nil {
		return nil, fieldErr(msg.F("not valid JSON: %s", cleanJSONError(err)))
	}
	out := make([]Citation, 0, len(list))
	for i, r := range list {
		r = bytes.TrimSpace(r)
		var c Citation
		switch {
		case len(r) > 0 && r[0] == '"':
			if err := json.Unmarshal(r, &c.Source); err != nil {
				return nil, within(fieldErr(msg.F("%s", cleanJSONError(err))), i)
			}
		case len(r) > 0 && r[0] == '{':
			m, keys, err := object(r, "a citation")
			if err != nil {
				return nil, within(err, i)
			}
			for _, k := range keys {
				var dst *string
				switch k {
				case "source":
					dst = &c.Source
				case "quote":
					dst = &c.Quote
				case "gloss":
					dst = &c.Gloss
				default:
					return nil, fieldErr(msg.F("unknown field for a citation (known: source, quote, gloss)"), i, k)
				}
				if err := decodeValue(m[k], reflect.ValueOf(dst).Elem()); err != nil {
					return nil, within(err, i, k)
				}
			}
		default:
			return nil, fieldErr(msg.F("a citation must be a source id or an object, not %s", describeJSON(r)), i)
		}
		if c.Source == "" {
			return nil, fieldErr(msg.F("a citation must name its source"), i)
		}
		out = append(out, c)
	}
	return out, nil
}

// decodeSources reads dataset sources ({"id", "title", "publisher",
// "published", "language", "url", "file", "note"}).
func decodeSources(t []byte) ([]Source, error) {
	if t[0] != '[' {
		return nil, fieldErr(msg.F("must be a list of sources, not %s", describeJSON(t)))
	}
	var list []json.RawMessage
	if err := json.Unmarshal(t, &list); err != nil {
		return nil, fieldErr(msg.F("not valid JSON: %s", cleanJSONError(err)))
	}
	out := make([]Source, 0, len(list))
	for i, r := range list {
		m, keys, err := object(r, "a source")
		if err != nil {
			return nil, within(err, i)
		}
		var s Source
		var published string
		for _, k := range keys {
			dst := map[string]*string{"id": &s.ID, "title": &s.Title, "publisher": &s.Publisher, "published": &published,
				"language": &s.Language, "url": &s.URL, "file": &s.File, "note": &s.Note}[k]
			if dst == nil {
				return nil, fieldErr(msg.F("unknown field for a source (known: id, title, publisher, published, language, url, file, note)"), i, k)
			}
			if err := decodeValue(m[k], reflect.ValueOf(dst).Elem()); err != nil {
				return nil, within(err, i, k)
			}
		}
		if published != "" {
			d, err := ParseDate(published)
			if err != nil {
				return nil, fieldErr(msg.F("%v", err), i, "published")
			}
			s.Published = d
		}
		out = append(out, s)
	}
	return out, nil
}

// jsonField is one member of a command's JSON form.
type jsonField struct {
	name      string
	index     int // struct field index; -1 for a batch's cmds
	omitempty bool
}

var fieldCache = map[reflect.Type][]jsonField{}

// jsonFields lists the members of a command type, from its json tags, in
// declaration order. (The map is filled in init and read afterwards.)
func jsonFields(t reflect.Type) []jsonField {
	if fs, ok := fieldCache[t]; ok {
		return fs
	}
	var fs []jsonField
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		tag := sf.Tag.Get("json")
		if tag == "-" || !sf.IsExported() {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = sf.Name
		}
		fs = append(fs, jsonField{name: name, index: i, omitempty: strings.Contains(opts, "omitempty")})
	}
	return fs
}

func init() {
	for _, t := range commandTypes {
		fieldCache[t] = jsonFields(t)
	}
}

func findField(fs []jsonField, name string) (jsonField, bool) {
	for _, f := range fs {
		if f.name == name {
			return f, true
		}
	}
	return jsonField{}, false
}

func fieldNames(fs []jsonField) string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.name
	}
	return strings.Join(names, ", ")
}

// describeJSON names the kind of a JSON value for a message.
func describeJSON(t []byte) msg.Text {
	if len(t) == 0 {
		return msg.F("nothing")
	}
	switch c := t[0]; {
	case c == '{':
		return msg.F("an object")
	case c == '[':
		return msg.F("a list")
	case c == '"':
		return msg.F("a string")
	case c == 't' || c == 'f':
		return msg.F("true/false")
	case c == 'n':
		return msg.F("null")
	case c == '-' || (c >= '0' && c <= '9'):
		return msg.F("a number")
	}
	return msg.F("invalid JSON")
}

// cleanJSONError drops the decoder's Go type names from its message.
func cleanJSONError(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "json: ")
	return s
}

// EncodeCommand writes c as its JSON object: "op" first, then the
// command's members in declaration order, empty optional ones left out.
func EncodeCommand(c Command) ([]byte, error) {
	var b bytes.Buffer
	if err := encodeCommand(&b, c, 0); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func encodeCommand(b *bytes.Buffer, c Command, depth int) error {
	if c == nil {
		return msg.Errorf("no command")
	}
	if depth > MaxBatchDepth {
		return msg.Errorf("batches nest more than %d deep", MaxBatchDepth)
	}
	typ, ok := commandTypes[c.Op()]
	if !ok || reflect.TypeOf(c) != typ {
		return msg.Errorf("command %s (%T) has no JSON form", c.Op(), c)
	}
	b.WriteString(`{"op":`)
	writeJSONValue(b, c.Op())
	v := reflect.ValueOf(c)
	for _, f := range jsonFields(typ) {
		fv := v.Field(f.index)
		if f.omitempty && fv.IsZero() {
			continue
		}
		b.WriteByte(',')
		writeJSONValue(b, f.name)
		b.WriteByte(':')
		if err := encodeValue(b, fv); err != nil {
			return msg.Errorf("%s %s: %w", c.Op(), f.name, err)
		}
	}
	if bt, ok := c.(Batch); ok {
		b.WriteString(`,"cmds":[`)
		for i, sub := range bt.Cmds {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := encodeCommand(b, sub, depth+1); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	}
	b.WriteByte('}')
	return nil
}

func encodeValue(b *bytes.Buffer, v reflect.Value) error {
	switch v.Type() {
	case citationsType:
		b.WriteByte('[')
		for i, c := range v.Interface().([]Citation) {
			if i > 0 {
				b.WriteByte(',')
			}
			if c.Quote == "" && c.Gloss == "" {
				writeJSONValue(b, c.Source)
				continue
			}
			b.WriteString(`{"source":`)
			writeJSONValue(b, c.Source)
			if c.Quote != "" {
				b.WriteString(`,"quote":`)
				writeJSONValue(b, c.Quote)
			}
			if c.Gloss != "" {
				b.WriteString(`,"gloss":`)
				writeJSONValue(b, c.Gloss)
			}
			b.WriteByte('}')
		}
		b.WriteByte(']')
		return nil
	case sourcesType:
		b.WriteByte('[')
		for i, s := range v.Interface().([]Source) {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`{"id":`)
			writeJSONValue(b, s.ID)
			for _, kv := range [][2]string{{"title", s.Title}, {"publisher", s.Publisher}, {"published", s.Published.String()},
				{"language", s.Language}, {"url", s.URL}, {"file", s.File}, {"note", s.Note}} {
				if kv[1] != "" {
					b.WriteString(`,"` + kv[0] + `":`)
					writeJSONValue(b, kv[1])
				}
			}
			b.WriteByte('}')
		}
		b.WriteByte(']')
		return nil
	}
	if err := checkFiniteValue(v); err != nil {
		return err
	}
	data, err := marshalPlain(v.Interface())
	if err != nil {
		return err
	}
	b.Write(data)
	return nil
}

// marshalPlain is encoding/json without HTML escaping and without the
// trailing newline.
func marshalPlain(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := stdjson.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

func writeJSONValue(b *bytes.Buffer, s string) {
	data, _ := marshalPlain(s)
	b.Write(data)
}

// MarshalJSON writes a record as {"kind":"do","time":"RFC3339Nano","cmd":{...}}.
func (r Record) MarshalJSON() ([]byte, error) {
	if r.Kind == "do" && r.Cmd == nil {
		return nil, msg.Errorf(`a "do" record needs its command`)
	}
	var b bytes.Buffer
	b.WriteString(`{"kind":`)
	writeJSONValue(&b, r.Kind)
	b.WriteString(`,"time":`)
	writeJSONValue(&b, r.Time.UTC().Format(time.RFC3339Nano))
	if r.Cmd != nil {
		b.WriteString(`,"cmd":`)
		if err := encodeCommand(&b, r.Cmd, 0); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads a record as MarshalJSON writes it; undo and redo
// records may leave out cmd. Errors are *FieldError values.
func (r *Record) UnmarshalJSON(data []byte) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fieldErr(msg.F("cannot decode the record (internal error, please report it): %v", p))
		}
	}()
	m, keys, err := object(data, "a history record")
	if err != nil {
		return err
	}
	var out Record
	for _, k := range keys {
		raw := bytes.TrimSpace(m[k])
		switch k {
		case "kind":
			if err := json.Unmarshal(raw, &out.Kind); err != nil || raw[0] != '"' {
				return fieldErr(msg.F("must be a string"), k)
			}
			if out.Kind != "do" && out.Kind != "undo" && out.Kind != "redo" {
				return fieldErr(msg.F("must be do, undo or redo, not %q", out.Kind), k)
			}
		case "time":
			var s string
			if err := json.Unmarshal(raw, &s); err != nil || raw[0] != '"' {
				return fieldErr(msg.F("must be a time (RFC 3339) in a string"), k)
			}
			if out.Time, err = time.Parse(time.RFC3339Nano, s); err != nil {
				return fieldErr(msg.F("%q is not an RFC 3339 time", s), k)
			}
		case "cmd":
			if out.Cmd, err = decodeCommand(raw, 0); err != nil {
				return within(err, k)
			}
		default:
			return fieldErr(msg.F("unknown field for a history record (known: kind, time, cmd)"), k)
		}
	}
	switch {
	case out.Kind == "":
		return fieldErr(msg.F(`missing "kind" (do, undo or redo)`))
	case out.Kind == "do" && out.Cmd == nil:
		return fieldErr(msg.F(`a "do" record needs its "cmd"`))
	}
	*r = out
	return nil
}

package dataset

import (
	stdjson "encoding/json"
	"errors"
	"testing"
)

// TestRefusesInvalidJSON: every input here is invalid JSON that a lenient
// decoder might take; Decode must refuse each with one positioned error.
func TestRefusesInvalidJSON(t *testing.T) {
	for _, v := range []string{
		`01`, `1.`, `.5`, `+1`, `-`, `1e`, `1e+`, `0x10`, `NaN`, `Infinity`, `-Infinity`,
		`tru`, `nul`, `True`, `None`, `'x'`, `"\x41"`, `"\u12"`, `"\u12G4"`, "\"a\x00b\"", "\"a\nb\"",
		`[1,,2]`, `[,1]`, `[1 2]`, `{"a" 1}`, `{"a":1,,"b":2}`, `{,}`, `{"a"}`, `{1:2}`, `[}`, `{]`,
	} {
		doc := `{"nodes": [{"id": "a", "type": "t", "props": {"v": ` + v + `}}]}`
		if stdjson.Valid([]byte(doc)) {
			t.Fatalf("test case %s is valid JSON", v)
		}
		g, err := Decode("x.json", []byte(doc), Options{})
		var list *ErrorList
		if g != nil || !errors.As(err, &list) || len(list.Errors) != 1 || list.Errors[0].Line != 1 || list.Errors[0].Col < 48 {
			t.Errorf("props value %s: got %v, want one error at or after the value", v, err)
		}
	}
	for _, tail := range []string{"\x00", " x", "{}", "]", "}", ",", "\x00\x00garbage"} {
		doc := `{"nodes": []}` + tail
		if _, err := Decode("x.json", []byte(doc), Options{}); err == nil {
			t.Errorf("accepted %q after the object", tail)
		}
	}
}

package dataset

import (
	"bytes"
	stdjson "encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The module has no JSON Schema library, so this file holds a validator for
// the keywords schema.json uses (and refuses any other keyword, so that the
// schema cannot grow beyond what is checked here).

type schemaChecker struct {
	root map[string]any
}

// annotations are keywords that do not constrain instances.
var annotations = map[string]bool{"$schema": true, "$id": true, "title": true, "description": true, "$defs": true}

func (c *schemaChecker) check(s map[string]any, v any, at string) error {
	for key, kw := range s {
		if annotations[key] {
			continue
		}
		if err := c.keyword(key, kw, s, v, at); err != nil {
			return err
		}
	}
	return nil
}

func (c *schemaChecker) keyword(key string, kw any, s map[string]any, v any, at string) error {
	switch key {
	case "$ref":
		ref := kw.(string)
		name, ok := strings.CutPrefix(ref, "#/$defs/")
		if !ok {
			return fmt.Errorf("unsupported $ref %s", ref)
		}
		def, ok := c.root["$defs"].(map[string]any)[name].(map[string]any)
		if !ok {
			return fmt.Errorf("dangling $ref %s", ref)
		}
		return c.check(def, v, at)
	case "type":
		types, ok := kw.([]any)
		if !ok {
			types = []any{kw}
		}
		for _, t := range types {
			if jsonType(v) == t || t == "number" && jsonType(v) == "integer" {
				return nil
			}
		}
		return fmt.Errorf("%s: %s is not of type %v", at, jsonType(v), kw)
	case "const":
		if v != kw {
			return fmt.Errorf("%s: %v is not %v", at, v, kw)
		}
	case "minLength":
		if str, ok := v.(string); ok && len([]rune(str)) < int(kw.(float64)) {
			return fmt.Errorf("%s: %q is shorter than %v", at, str, kw)
		}
	case "pattern":
		if str, ok := v.(string); ok && !regexp.MustCompile(kw.(string)).MatchString(str) {
			return fmt.Errorf("%s: %q does not match %s", at, str, kw)
		}
	case "required":
		if obj, ok := v.(map[string]any); ok {
			for _, r := range kw.([]any) {
				if _, has := obj[r.(string)]; !has {
					return fmt.Errorf("%s: missing %q", at, r)
				}
			}
		}
	case "properties":
		if obj, ok := v.(map[string]any); ok {
			for name, sub := range kw.(map[string]any) {
				if val, has := obj[name]; has {
					if err := c.check(sub.(map[string]any), val, at+"."+name); err != nil {
						return err
					}
				}
			}
		}
	case "additionalProperties":
		if obj, ok := v.(map[string]any); ok {
			props, _ := s["properties"].(map[string]any)
			for name, val := range obj {
				if _, named := props[name]; named {
					continue
				}
				if err := c.check(kw.(map[string]any), val, at+"."+name); err != nil {
					return err
				}
			}
		}
	case "items":
		if arr, ok := v.([]any); ok {
			for i, e := range arr {
				if err := c.check(kw.(map[string]any), e, fmt.Sprintf("%s[%d]", at, i)); err != nil {
					return err
				}
			}
		}
	case "oneOf":
		n := 0
		var errs []string
		for _, sub := range kw.([]any) {
			if err := c.check(sub.(map[string]any), v, at); err == nil {
				n++
			} else {
				errs = append(errs, err.Error())
			}
		}
		if n != 1 {
			return fmt.Errorf("%s: matches %d of oneOf (%s)", at, n, strings.Join(errs, "; "))
		}
	default:
		return fmt.Errorf("schema keyword %q is not supported by this test's validator", key)
	}
	return nil
}

func jsonType(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case float64:
		if v == float64(int64(v)) {
			return "integer"
		}
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

func loadSchema(t *testing.T) *schemaChecker {
	t.Helper()
	data, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var root map[string]any
	if err := stdjson.Unmarshal(data, &root); err != nil {
		t.Fatalf("schema.json is not JSON: %v", err)
	}
	if root["$schema"] != "https://json-schema.org/draft/2020-12/schema" {
		t.Errorf("$schema = %v, want draft 2020-12", root["$schema"])
	}
	return &schemaChecker{root: root}
}

func validate(c *schemaChecker, data []byte) error {
	var v any
	if err := stdjson.Unmarshal(bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF")), &v); err != nil {
		return err
	}
	return c.check(c.root, v, "$")
}

// TestSchemaAcceptsGoodFiles: the embedded dataset and every good test file
// conform to schema.json.
func TestSchemaAcceptsGoodFiles(t *testing.T) {
	c := loadSchema(t)
	if err := validate(c, DefaultJSON()); err != nil {
		t.Errorf("embedded dataset: %v", err)
	}
	files, _ := filepath.Glob("testdata/good/*.json")
	for _, p := range files {
		data, _ := os.ReadFile(p)
		if err := validate(c, data); err != nil {
			t.Errorf("%s: %v", p, err)
		}
	}
}

// TestSchemaRefusesBadFiles: the schema is not vacuous; it refuses the bad
// files whose problem a schema can express.
func TestSchemaRefusesBadFiles(t *testing.T) {
	c := loadSchema(t)
	for _, name := range []string{
		"wrong-type-id", "wrong-type-array", "empty-id", "empty-type", "not-an-object", "null-document",
		"bad-currency", "non-numeric-amount", "bad-citation", "impossible-date", "unknown-format",
	} {
		data, err := os.ReadFile("testdata/bad/" + name + ".json")
		if err != nil {
			t.Fatal(err)
		}
		if err := validate(c, data); err == nil {
			t.Errorf("%s conforms to the schema", name)
		}
	}
}

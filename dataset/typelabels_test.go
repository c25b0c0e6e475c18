package dataset

import (
	"bytes"
	"strings"
	"testing"
)

// TestTypeLabelsRoundTrip: "types" labels are read into the model and
// written back, and a type without a label falls back to its name.
func TestTypeLabelsRoundTrip(t *testing.T) {
	src := `{"types": {"fined": {"label": {"fr": "a sanctionné"}}, "regulator": {"label": {"fr": "autorité", "de": "Behörde"}}},
 "nodes": [{"id": "cnil", "type": "regulator"}, {"id": "cv", "type": "company"}],
 "edges": [{"source": "cnil", "target": "cv", "type": "fined"}]}`
	g, err := Decode("t.json", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range [][3]string{{"fined", "fr", "a sanctionné"}, {"regulator", "de", "Behörde"}, {"company", "fr", "company"}, {"fined", "en", "fined"}} {
		if got := g.TypeLabel(c[0], c[1]); got != c[2] {
			t.Errorf("TypeLabel(%q, %q) = %q, want %q", c[0], c[1], got, c[2])
		}
	}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, g, nil); err != nil {
		t.Fatal(err)
	}
	g2, err := Decode("t2.json", buf.Bytes(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := g2.TypeLabel("regulator", "fr"); got != "autorité" {
		t.Errorf("after writing: TypeLabel = %q (file: %s)", got, buf.String())
	}
}

// TestTypeLabelsBadShapeIsLocated: a label that is not a string is
// reported at its position.
func TestTypeLabelsBadShapeIsLocated(t *testing.T) {
	src := "{\"types\": {\"fined\": {\"label\": {\"fr\": 5}}},\n \"nodes\": [], \"edges\": []}"
	_, err := Decode("t.json", []byte(src), Options{})
	if err == nil || !strings.Contains(err.Error(), `t.json:1:`) || !strings.Contains(err.Error(), `label "fr" must be a string`) {
		t.Fatalf("err = %v", err)
	}
}

// TestClearviewHasFrenchTypeLabels: every type of the embedded case has a
// French label.
func TestClearviewHasFrenchTypeLabels(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range append(g.NodeTypes(), g.EdgeTypes()...) {
		if g.TypeLabels[tc.Type]["fr"] == "" {
			t.Errorf("type %q has no French label", tc.Type)
		}
	}
}

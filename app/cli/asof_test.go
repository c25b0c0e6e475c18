package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The Clearview case as of a date: what was on the record then.
func TestAsOfAnswersWhatWasOnTheRecord(t *testing.T) {
	out, errs, code := runPathCLI("stats", "--as-of", "2021-12-31", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var st statsJSON
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatal(err)
	}
	all, _, _ := runPathCLI("stats", "--json")
	var whole statsJSON
	json.Unmarshal([]byte(all), &whole)
	if st.EdgeTypes["fined"] != 0 || st.Edges >= whole.Edges || st.Nodes >= whole.Nodes {
		t.Fatalf("as of 2021: %d fines, %d/%d relations, %d/%d entities", st.EdgeTypes["fined"], st.Edges, whole.Edges, st.Nodes, whole.Nodes)
	}
	if st.EdgeTypes["ordered"] == 0 {
		t.Error("CNIL's order of December 2021 is missing as of 2021-12-31")
	}
	// as of the end of 2022: the EUR 20M fine is there, the EUR 5.2M
	// penalty of 2023 is not
	dir := t.TempDir()
	file := filepath.Join(dir, "asof.json")
	if _, errs, code := runPathCLI("export", "--as-of", "2022-12-31", "--out", file); code != 0 {
		t.Fatalf("export: exit %d: %s", code, errs)
	}
	data, _ := os.ReadFile(file)
	var ds struct {
		Edges []struct {
			Source, Target, Type string
			Props                map[string]any `json:"props"`
			Amount               float64        `json:"amount"`
		} `json:"edges"`
	}
	if err := json.Unmarshal(data, &ds); err != nil {
		t.Fatal(err)
	}
	amounts := map[float64]bool{}
	for _, e := range ds.Edges {
		if e.Source == "cnil" && e.Type == "fined" {
			amounts[e.Amount] = true
			if a, ok := e.Props["amount"].(float64); ok {
				amounts[a] = true
			}
		}
	}
	if !amounts[20000000] || amounts[5200000] {
		t.Fatalf("CNIL's fines as of 2022: %v", amounts)
	}
	// a range and the undated switch are checked
	if _, errs, code := runPathCLI("stats", "--from", "2023", "--as-of", "2022"); code != 2 || !strings.Contains(errs, "after") {
		t.Errorf("--from after --as-of: exit %d %q", code, errs)
	}
	if _, _, code := runPathCLI("stats", "--with-undated"); code != 2 {
		t.Errorf("--with-undated alone: exit %d", code)
	}
	und, _, _ := runPathCLI("stats", "--as-of", "2021-12-31", "--with-undated", "--json")
	var withUndated statsJSON
	json.Unmarshal([]byte(und), &withUndated)
	if withUndated.Edges <= st.Edges {
		t.Errorf("--with-undated keeps %d relations, without %d", withUndated.Edges, st.Edges)
	}
}

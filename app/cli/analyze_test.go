package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAnalyzePageRankPutsClearviewFirst(t *testing.T) {
	out, errs, code := runPathCLI("analyze", "--measure", "pagerank", "--top", "5", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Measure string  `json:"measure"`
		MS      float64 `json:"ms"`
		Results []struct {
			ID    string   `json:"id"`
			Value *float64 `json:"value"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Measure != "pagerank" || len(res.Results) != 5 || res.MS < 0 {
		t.Fatalf("%+v", res)
	}
	if res.Results[0].ID != "clearview-ai" {
		t.Errorf("first is %s", res.Results[0].ID)
	}
	for k := 1; k < len(res.Results); k++ {
		if res.Results[k].Value == nil || *res.Results[k].Value > *res.Results[k-1].Value {
			t.Fatalf("not best first: %+v", res.Results)
		}
	}
}

func TestAnalyzeCommunitiesReportModularity(t *testing.T) {
	out, errs, code := runPathCLI("analyze", "--measure", "communities", "--top", "0", "--json", "--seed", "3")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Modularity *float64 `json:"modularity"`
		Results    []struct {
			ID        string `json:"id"`
			Community *int   `json:"community"`
		} `json:"results"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Modularity == nil || *res.Modularity <= 0.1 || *res.Modularity > 1 {
		t.Fatalf("modularity %v", res.Modularity)
	}
	groups := map[int]bool{}
	for _, r := range res.Results {
		if r.Community == nil {
			t.Fatalf("%s has no community", r.ID)
		}
		groups[*r.Community] = true
	}
	if len(groups) < 2 || len(res.Results) < 40 {
		t.Fatalf("%d groups over %d entities", len(groups), len(res.Results))
	}
	// the same seed gives the same partition
	again, _, _ := runPathCLI("analyze", "--measure", "communities", "--top", "0", "--json", "--seed", "3")
	if stripMS(again) != stripMS(out) {
		t.Error("a second run with the same seed differs")
	}
}

func stripMS(s string) string {
	i := strings.Index(s, `"ms":`)
	j := strings.Index(s[i:], ",")
	return s[:i] + s[i+j:]
}

func TestAnalyzeRejectsBadRequests(t *testing.T) {
	for _, args := range [][]string{
		{"analyze"},
		{"analyze", "--measure", "fame"},
		{"analyze", "--measure", "pagerank", "--damping", "1.5"},
		{"analyze", "--measure", "communities", "--resolution", "-1"},
	} {
		if _, errs, code := runPathCLI(args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
	if _, errs, code := runPathCLI("analyze", "--measure", "degree", "--types", "nosuchtype"); code != 1 || !strings.Contains(errs, "nosuchtype") {
		t.Errorf("unknown type: exit %d, %q", code, errs)
	}
}

func TestAnalyzeWeightedDegreeSumsAmounts(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "g.json")
	os.WriteFile(file, []byte(`{"nodes":[{"id":"a","type":"t"},{"id":"b","type":"t"},{"id":"c","type":"t"}],
"edges":[{"source":"a","target":"b","type":"fined","props":{"amount":20}},{"source":"a","target":"c","type":"fined","props":{"amount":5.5}},{"source":"b","target":"c","type":"x"}]}`), 0o644)
	out, errs, code := runPathCLI("analyze", "-d", file, "--measure", "out-degree", "--weight", "amount", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `{"id":"a","value":25.5}`) {
		t.Fatalf("%s", out)
	}
}

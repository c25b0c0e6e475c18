package cli

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestFindNetworkJoinsNoybWalmartAndTheICO(t *testing.T) {
	out, errs, code := runPathCLI("find-network", "--json", "noyb", "walmart", "ico")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res networkJSON
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, n := range res.Nodes {
		ids[n.ID] = true
	}
	for _, want := range []string{"noyb", "walmart", "ico"} {
		if !ids[want] {
			t.Errorf("network lacks %s: %v", want, ids)
		}
	}
	// a tree: one relation fewer than its entities, and no group apart
	if len(res.Edges) != len(res.Nodes)-1 || len(res.Apart) != 0 {
		t.Fatalf("%d relations on %d entities, apart %v", len(res.Edges), len(res.Nodes), res.Apart)
	}
	// noyb complained to the ICO, which fined Clearview AI, used by
	// Walmart: three relations are enough
	if len(res.Edges) != 3 || !ids["clearview-ai"] {
		t.Errorf("network %+v", res)
	}
	// excluding Clearview AI forces another way or reports the seeds apart
	out, _, code = runPathCLI("find-network", "--exclude", "clearview-ai", "noyb", "walmart", "ico")
	if code != 0 || strings.Contains(out, "Clearview AI —") {
		t.Fatalf("exit %d with Clearview excluded:\n%s", code, out)
	}
	// the counts agree with their words: one relation and no other
	// entity there, three and one through Clearview AI
	if !strings.HasPrefix(out, "Network joining ICO, noyb, Walmart: 1 relation through 0 other entities\n") {
		t.Errorf("header with Clearview excluded:\n%s", out)
	}
	out, _, _ = runPathCLI("find-network", "noyb", "walmart", "ico")
	if !strings.HasPrefix(out, "Network joining ICO, noyb, Walmart: 3 relations through 1 other entity\n") {
		t.Errorf("header:\n%s", out)
	}
}

func TestFindNetworkNeedsTwoEntities(t *testing.T) {
	if _, _, code := runPathCLI("find-network", "noyb"); code != 2 {
		t.Fatalf("one entity: exit %d, want 2", code)
	}
}

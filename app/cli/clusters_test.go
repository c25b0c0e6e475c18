package cli

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestFindClustersOnClearview(t *testing.T) {
	out, errs, code := runPathCLI("find-clusters", "--json", "--top", "0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var res struct {
		Clusters []clusterJSON `json:"clusters"`
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if len(res.Clusters) == 0 {
		t.Fatal("no cluster")
	}
	// strongest first; each group contains the stronger ones it grew from
	for k := 1; k < len(res.Clusters); k++ {
		if res.Clusters[k].Strength > res.Clusters[k-1].Strength {
			t.Fatalf("not strongest first: %+v", res.Clusters)
		}
	}
	// the complaints bind the NGOs, the regulators they went to and Clearview AI
	first := res.Clusters[0].Members
	for _, id := range []string{"clearview-ai", "cnil", "noyb", "privacy-international"} {
		if !slices.Contains(first, id) {
			t.Errorf("the strongest group %v lacks %s", first, id)
		}
	}
	if slices.Contains(first, "walmart") {
		t.Errorf("Walmart (one relation) in the strongest group")
	}
	if _, _, code := runPathCLI("find-clusters", "--min-strength", "0"); code != 2 {
		t.Errorf("--min-strength 0: exit %d", code)
	}
}

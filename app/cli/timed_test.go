package cli

import (
	"encoding/json"
	"testing"
)

type timedJSON struct {
	Paths []struct {
		Edges []struct {
			ID   string `json:"id"`
			Date string `json:"date"`
		} `json:"edges"`
	} `json:"paths"`
}

// An earliest-arrival path from Jumbo Privacy in 2020 follows dated
// relations only forwards in time; with undated relations stopping it,
// every relation on it is dated.
func TestEarliestArrivalFromJumboPrivacy(t *testing.T) {
	for _, target := range []string{"cnil", "clearview-ai", "ico"} {
		out, errs, code := runPathCLI("path", "--earliest-arrival", "--since", "2020", "--json", "jumbo-privacy", target)
		if target == "ico" {
			// the ICO's fine is undated in the case: no time-respecting
			// path reaches the ICO unless undated relations may be followed
			var none timedJSON
			if err := json.Unmarshal([]byte(out), &none); err != nil || code != 0 || len(none.Paths) != 0 {
				t.Fatalf("to ico with undated relations stopping: exit %d %s", code, out)
			}
			out, errs, code = runPathCLI("path", "--earliest-arrival", "--since", "2020", "--undated", "continue", "--json", "jumbo-privacy", target)
		}
		if code != 0 {
			t.Fatalf("to %s: exit %d: %s", target, code, errs)
		}
		var res timedJSON
		if err := json.Unmarshal([]byte(out), &res); err != nil {
			t.Fatal(err)
		}
		if len(res.Paths) != 1 {
			t.Fatalf("to %s: %d paths", target, len(res.Paths))
		}
		last := ""
		for _, e := range res.Paths[0].Edges {
			if e.Date == "" {
				if target != "ico" {
					t.Fatalf("to %s: undated relation %s followed", target, e.ID)
				}
				continue
			}
			if e.Date < last {
				t.Fatalf("to %s: %s (%s) goes back before %s", target, e.ID, e.Date, last)
			}
			last = e.Date
		}
	}
}

func TestTimedPathFlagsChecked(t *testing.T) {
	for _, args := range [][]string{
		{"path", "--earliest-arrival", "--latest-departure", "a", "b"},
		{"path", "--since", "2020", "cnil", "ico"},
		{"path", "--earliest-arrival", "--since", "20x0", "cnil", "ico"},
		{"path", "--earliest-arrival", "--undated", "maybe", "cnil", "ico"},
		{"path", "--earliest-arrival", "--k", "3", "cnil", "ico"},
	} {
		if _, errs, code := runPathCLI(args...); code != 2 || errs == "" {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
}

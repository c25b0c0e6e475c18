package cli

import (
	"testing"

	"github.com/linkscope/linkscope/graph/layout"
)

func TestFA2FlagsOverrideOnlyWhatIsGiven(t *testing.T) {
	fs := newFlags("layout")
	f := addFA2Flags(fs)
	if _, err := parseFlags(fs, []string{"--gravity", "2.5", "--linlog", "--strong-gravity=false", "--exact"}); err != nil {
		t.Fatal(err)
	}
	want := layout.InferFA2Settings(5000)
	got := f.settings(5000)
	if got.Gravity != 2.5 || !got.LinLog || got.StrongGravity || got.BarnesHut {
		t.Fatalf("overrides not applied: %+v", got)
	}
	want.Gravity, want.LinLog, want.StrongGravity, want.BarnesHut = 2.5, true, false, false
	if got != want {
		t.Fatalf("settings not given changed:\n got %+v\nwant %+v", got, want)
	}
	if none := addFA2Flags(newFlags("x")).settings(5000); none != layout.InferFA2Settings(5000) {
		t.Fatalf("no flags should give the inferred settings, got %+v", none)
	}
}

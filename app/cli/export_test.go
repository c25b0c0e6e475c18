package cli

import (
	"bytes"
	"encoding/xml"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/dataset"
)

const exportFixture = "../render/testdata/clearview-fixture.json"

func runCLI(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(args, &Env{Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

func TestExportPNGAndSVG(t *testing.T) {
	dir := t.TempDir()
	pngPath := filepath.Join(dir, "case.png")
	code, _, stderr := runCLI(t, "export", "-d", exportFixture, "--width", "800", "--height", "500", "--scale", "2", "--out", pngPath)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	f, err := os.Open(pngPath)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 1600 || b.Dy() != 1000 {
		t.Errorf("PNG is %v, want 1600×1000 (800×500 at scale 2)", b)
	}
	if !strings.Contains(stderr, "35 entities, 45 relations") {
		t.Errorf("summary: %q", stderr)
	}
	svgPath := filepath.Join(dir, "case.svg")
	if code, _, stderr := runCLI(t, "export", "-d", exportFixture, "--theme", "dark", "--title", "Mon titre", "--out", svgPath); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, _ := os.ReadFile(svgPath)
	if err := xml.Unmarshal(b, new(struct{})); err != nil {
		t.Errorf("SVG not well-formed: %v", err)
	}
	if !bytes.Contains(b, []byte("Mon titre")) || !bytes.Contains(b, []byte(`width="1600"`)) {
		t.Error("SVG lacks the title or the default size")
	}
}

func TestExportDataFormatsReadBack(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"g.graphml", "g.gexf", "g.json", "g.csv"} {
		out := filepath.Join(dir, name)
		if code, _, stderr := runCLI(t, "export", "-d", exportFixture, "--layout", "circular", "--out", out); code != 0 {
			t.Fatalf("%s: exit %d: %s", name, code, stderr)
		}
		path := out
		if strings.HasSuffix(name, ".csv") {
			path, _ = dataset.CSVPaths(out)
		}
		g, err := dataset.LoadAny(path, dataset.Options{})
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if g.NodeCount() != 35 || g.EdgeCount() != 45 {
			t.Errorf("%s: %d entities, %d relations", name, g.NodeCount(), g.EdgeCount())
		}
	}
	dot, _ := os.ReadFile(filepath.Join(dir, "g.dot"))
	if dot != nil {
		t.Fatal("unexpected dot file")
	}
	if code, _, stderr := runCLI(t, "export", "-d", exportFixture, "--out", filepath.Join(dir, "g.dot")); code != 0 {
		t.Fatalf("dot: exit %d: %s", code, stderr)
	}
	dot, _ = os.ReadFile(filepath.Join(dir, "g.dot"))
	if n := bytes.Count(dot, []byte(" -> ")); n != 45 {
		t.Errorf("DOT has %d edges", n)
	}
	if n := bytes.Count(dot, []byte("pos=")); n != 35 {
		t.Errorf("DOT has %d positions", n)
	}
}

func TestExportSubgraphs(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "ego.json")
	if code, _, stderr := runCLI(t, "export", "-d", exportFixture, "--focus", "cnil", "--depth", "1", "--layout", "radial", "--out", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	g, err := dataset.LoadAny(out, dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// CNIL, Clearview AI, Privacy International, Le Monde, Libération,
	// La Quadrature du Net, the ministry
	if g.NodeCount() != 7 {
		t.Errorf("CNIL's neighbourhood has %d entities, want 7", g.NodeCount())
	}
	if g.Node(0).ID != "cnil" {
		t.Errorf("focus is not first: %s", g.Node(0).ID)
	}
	out = filepath.Join(dir, "fines.graphml")
	code, _, stderr := runCLI(t, "export", "-d", exportFixture, "--query", "(r:regulator)-[:fined]->(c:company)", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	g, err = dataset.LoadAny(out, dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < g.EdgeCount(); i++ {
		if g.Edge(int32(i)).Type != "fined" {
			t.Errorf("query export has a %q relation", g.Edge(int32(i)).Type)
		}
	}
	// CNIL (2), Garante, HDPA, ICO, Dutch AP
	if g.EdgeCount() != 6 {
		t.Errorf("%d fines exported, want 6", g.EdgeCount())
	}
}

func TestExportUsageErrors(t *testing.T) {
	for _, args := range [][]string{
		{"export"},
		{"export", "--out", "x.bmp"},
		{"export", "--out", "x.png", "--width", "0"},
		{"export", "--out", "x.png", "--theme", "sepia"},
		{"export", "--out", "x.png", "--layout", "spiral"},
		{"export", "--out", "x.png", "--query", "(a)", "--focus", "b"},
		{"export", "--out", "x.png", "--scale", "-1"},
		{"export", "stray", "--out", "x.png"},
	} {
		if code, _, _ := runCLI(t, args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	if code, _, stderr := runCLI(t, "export", "-d", exportFixture, "--focus", "nobody-at-all", "--out", filepath.Join(t.TempDir(), "x.png")); code != 1 {
		t.Errorf("unknown focus: exit %d (%s)", code, stderr)
	}
}

// TestExportKeepsTheFilesDrawing: a graph whose entities all have a
// position from the file (yEd here) is exported as drawn, scaled to the
// picture, unless --layout asks for a layout (issue 10).
func TestExportKeepsTheFilesDrawing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "drawn.gexf")
	if code, _, stderr := runCLI(t, "export", "-d", "../../dataset/testdata/field/yed-groups.graphml", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	g, err := dataset.LoadAny(out, dataset.Options{})
	if err != nil {
		t.Fatal(err)
	}
	x := func(id string) float64 {
		i, ok := g.NodeIndex(id)
		if !ok {
			t.Fatalf("no %s", id)
		}
		return g.Node(i).X
	}
	// in the file: CNIL at x 50, Garante 150, Clearview 440
	if r := (x("n1") - x("n0::n0")) / (x("n0::n1") - x("n0::n0")); math.Abs(r-3.9) > 0.01 {
		t.Errorf("the drawing was not kept: ratio %v, want 3.9", r)
	}
}

func TestValidatePrintsWarnings(t *testing.T) {
	code, stdout, stderr := runCLI(t, "validate", "../../dataset/testdata/field/networkx.graphml")
	if code != 0 || !strings.Contains(stdout, "4 entities") || !strings.Contains(stdout, "2 warnings") ||
		!strings.Contains(stderr, `networkx.graphml:21:33: warning: relation 2: target "Marseille" is not declared as a node`) {
		t.Errorf("exit %d\n%s\n%s", code, stdout, stderr)
	}
}

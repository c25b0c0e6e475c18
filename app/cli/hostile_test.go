package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
)

// sideFileCases are files --pairs and --init must refuse before reading
// them: one over the size limit (sparse: it takes no disk), a directory,
// and on Linux /dev/zero, which never ends, and a FIFO, whose opening
// waits for a writer.
func sideFileCases(t *testing.T) map[string]string {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.json")
	if err := os.WriteFile(big, []byte("[]"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, MaxSideFileBytes+1); err != nil {
		t.Fatal(err)
	}
	cases := map[string]string{big: "over the", dir: "directory"}
	if runtime.GOOS == "linux" {
		cases["/dev/zero"] = "not a regular file"
		fifo := filepath.Join(dir, "fifo")
		if err := syscall.Mkfifo(fifo, 0o600); err != nil {
			t.Fatal(err)
		}
		cases[fifo] = "not a regular file"
	}
	return cases
}

func TestPairsAndInitFilesAreCheckedBeforeReading(t *testing.T) {
	for file, want := range sideFileCases(t) {
		for _, args := range [][]string{
			{"path", "--pairs", file},
			{"layout", "--init", file, "--stats"},
		} {
			_, errs, code := runPathCLI(args...)
			if code != 1 || !strings.Contains(errs, want) || !strings.Contains(errs, args[1]) {
				t.Errorf("%v: exit %d, %q; want exit 1 and %q", args, code, errs, want)
			}
		}
	}
}

func TestLayoutRefusesExtremeInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := write("huge.json", `{"positions":{"cnil":[1e308,-1e308]}}`)
	nan := write("nan.json", `{"positions":{"cnil":[NaN,0]}}`)
	inf := write("inf.json", `{"positions":{"cnil":[1e999,0]}}`)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--init", huge}, 1, "must be finite and within"},
		{[]string{"--init", nan}, 1, "--init"},
		{[]string{"--init", inf}, 1, "--init"},
		{[]string{"--gravity", "Inf"}, 2, "finite"},
		{[]string{"--gravity", "NaN"}, 2, "finite"},
		{[]string{"--gravity", "1e300"}, 2, "Gravity"},
		{[]string{"--scaling", "+Inf"}, 2, "finite"},
		{[]string{"--scaling", "1e308"}, 2, "ScalingRatio"},
		{[]string{"--slow-down", "1e-400"}, 2, "SlowDown"},
		{[]string{"--iterations", "1000000000"}, 2, "--iterations"},
		{[]string{"--iterations", "-1"}, 2, "--iterations"},
	} {
		args := append([]string{"layout", "--stats"}, c.args...)
		_, errs, code := runPathCLI(args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d %q; want exit %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
	// Far but usable positions lay out, to finite and distinct positions.
	far := write("far.json", `{"positions":{"cnil":[1e15,-1e15],"clearview-ai":[-1e15,1e15]}}`)
	out := filepath.Join(dir, "out.json")
	for _, algo := range []string{"fa2", "none"} {
		if _, errs, code := runPathCLI("layout", "--algo", algo, "--init", far, "--iterations", "30", "--out", out); code != 0 {
			t.Fatalf("%s from far positions: exit %d %s", algo, code, errs)
		}
		data, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		var pf positionsFile
		if err := json.Unmarshal(data, &pf); err != nil {
			t.Fatal(err)
		}
		distinct := map[[2]float64]bool{}
		for _, xy := range pf.Positions {
			distinct[xy] = true
		}
		if len(distinct) < len(pf.Positions)/2 || len(distinct) < 2 {
			t.Errorf("%s: %d distinct positions of %d", algo, len(distinct), len(pf.Positions))
		}
	}
}

func TestTermSafe(t *testing.T) {
	for in, want := range map[string]string{
		"CNIL":                "CNIL",
		"Bürgerrechte – € 中文": "Bürgerrechte – € 中文",
		"a\x1b[2Jb":           `a\x1B[2Jb`,
		"x\rover\bwrite\n\tz": `x\rover\bwrite\n\tz`,
		"\u202Egnp.exe":       `\u{202E}gnp.exe`,
		"\u2066i\u2069\u200B": `\u{2066}i\u{2069}\u{200B}`,
		"c1\u009b31m":         `c1\x9B31m`,
		"bad\xffbyte\x7f":     `bad\xFFbyte\x7F`,
		`back\slash`:          `back\slash`,
	} {
		if got := termSafe(in); got != want {
			t.Errorf("termSafe(%q) = %q, want %q", in, got, want)
		}
	}
	if got := termText("line 1\nline\x1b2"); got != "line 1\nline\\x1B2" {
		t.Errorf("termText = %q", got)
	}
}

// hostileLabels is a dataset whose labels, ids and types try to take over
// the terminal.
const hostileLabels = `{"format":"linkscope/1","title":"t\u001b]0;owned\u0007","nodes":[
	{"id":"a\u001b[31m","type":"co\rmpany","label":"Acme\u001b[2J\u202Eevil"},
	{"id":"b","type":"ngo","label":"Bee\bX"}],
	"edges":[{"source":"a\u001b[31m","target":"b","type":"ow\u001bns"}]}`

func TestTerminalOutputEscapesControlCharacters(t *testing.T) {
	file := writeDataset(t, hostileLabels)
	for _, args := range [][]string{
		{"find", "-d", file, "acme"},
		{"path", "-d", file, "b", "Bee\bX"},
		{"path", "-d", file, "a\x1b[31m", "b"},
		{"neighbors", "-d", file, "b"},
		{"find-network", "-d", file, "b", "a\x1b[31m"},
		{"query", "-d", file, "MATCH (x)-[r]->(y) RETURN x, y"},
		{"stats", "-d", file},
		{"path", "-d", file, "nobody\x1b[2J", "b"},
		{"path", "-d", file, "b", "\u202Eb"},
	} {
		out, errs, code := runPathCLI(args...)
		all := out + errs
		if strings.ContainsAny(all, "\x1b\r\b\u202E\u0007") {
			t.Errorf("%v (exit %d) printed a control character: %q", args, code, all)
		}
		if code == 0 && !strings.Contains(all, `\x1B`) && !strings.Contains(all, `\b`) && !strings.Contains(all, `\r`) {
			t.Errorf("%v: no escaped text in %q", args, all)
		}
	}
	// JSON output keeps the text exact.
	out, errs, code := runPathCLI("find", "-d", file, "acme", "--json")
	if code != 0 {
		t.Fatalf("find --json: exit %d %s", code, errs)
	}
	var res struct {
		Matches []struct{ ID, Label string }
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil || len(res.Matches) == 0 || res.Matches[0].Label != "Acme\x1b[2J\u202Eevil" || res.Matches[0].ID != "a\x1b[31m" {
		t.Errorf("find --json: %q %v", out, err)
	}
}

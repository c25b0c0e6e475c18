package cli

import (
	"os"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/app/i18n"
)

// problemPositions are the FILE:LINE:COL of each line of a validate
// report.
func problemPositions(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
		parts := strings.SplitN(l, ":", 4)
		if len(parts) == 4 {
			out = append(out, strings.Join(parts[:3], ":"))
		}
	}
	return out
}

// TestValidateSpeaksFrench: with the interface in French, validate prints
// every problem and warning of a bad file in French, at the same
// FILE:LINE:COL as in English.
func TestValidateSpeaksFrench(t *testing.T) {
	for _, c := range []struct {
		file  string
		wants []string
	}{
		{"../../dataset/testdata/bad-import/problems.gexf", []string{
			`problems.gexf:19:29: avertissement : relation "r2" : source "ghost" n’est pas déclaré comme nœud`,
			`problems.gexf:14:17: identifiant d’entité "cnil" en double (déjà utilisé en 12:17)`,
			`problems.gexf:18:79: relation "r1" : le poids doit être un nombre fini, pas "much"`,
		}},
		{"../../dataset/testdata/bad/multiple-problems.json", []string{
			`multiple-problems.json:2:13: format "linkscope/2" inconnu (cette version lit "linkscope/1")`,
		}},
		{"../../dataset/testdata/bad/truncated-array.json", []string{
			"fin de fichier inattendue : le tableau ouvert en 2:12 n’est jamais fermé",
		}},
	} {
		code, _, english := runCLI(t, "validate", c.file)
		if code != 1 {
			t.Fatalf("%s: exit %d, English report:\n%s", c.file, code, english)
		}
		func() {
			lang := os.Getenv("LANGUAGE")
			if _, err := i18n.Setup(i18n.PrefFrench); err != nil {
				t.Fatal(err)
			}
			defer func() {
				_, _ = i18n.Setup(i18n.PrefEnglish)
				i18n.SetCurrent(i18n.English)
				_ = os.Setenv("LANGUAGE", lang)
			}()
			code, _, fr := runCLI(t, "validate", c.file)
			if code != 1 {
				t.Errorf("%s: exit %d in French", c.file, code)
			}
			if got, want := strings.Join(problemPositions(fr), " "), strings.Join(problemPositions(english), " "); got != want || got == "" {
				t.Errorf("%s: positions\n%s\nin French, \n%s\nin English", c.file, got, want)
			}
			for _, w := range c.wants {
				if !strings.Contains(fr, w) {
					t.Errorf("%s: no %q in the French report:\n%s", c.file, w, fr)
				}
			}
		}()
		if _, _, again := runCLI(t, "validate", c.file); again != english {
			t.Errorf("%s: the English report changed after French:\n%s", c.file, again)
		}
	}
}

// TestAnalyzeSpeaksFrench: the measure's name and its note (how it was
// computed) are in French in the text output, in English in the JSON.
func TestAnalyzeSpeaksFrench(t *testing.T) {
	if _, err := i18n.Setup(i18n.PrefFrench); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = i18n.Setup(i18n.PrefEnglish)
		i18n.SetCurrent(i18n.English)
	})
	out, errs, code := runPathCLI("analyze", "--measure", "communities", "--top", "1")
	if code != 0 || !strings.HasPrefix(out, "communautés de 49 entités en ") || !strings.Contains(out, "(Leiden, résolution 1, graine 1, modularité 0.") {
		t.Fatalf("exit %d:\n%s%s", code, out, errs)
	}
	out, _, _ = runPathCLI("analyze", "--measure", "pagerank", "--top", "1", "--json")
	if !strings.Contains(out, `"note":"damping 0.85; entities without outgoing relations spread their score over all"`) {
		t.Fatalf("JSON note not in English:\n%s", out)
	}
}

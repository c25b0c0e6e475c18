package i18n

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/linkscope/linkscope/dataset"
	"github.com/linkscope/linkscope/graph"
	"github.com/linkscope/linkscope/graph/query"
)

// french switches the process to French for one test.
func french(t *testing.T) {
	t.Helper()
	lang := os.Getenv("LANGUAGE")
	if _, err := Setup(PrefFrench); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_, _ = Setup(PrefEnglish)
		SetCurrent(English)
		_ = os.Setenv("LANGUAGE", lang)
	})
}

// position is the FILE:LINE:COL: prefix of a problem line.
func position(line string) string {
	parts := strings.SplitN(line, ":", 4)
	if len(parts) < 4 {
		return ""
	}
	return strings.Join(parts[:3], ":")
}

func TestMessageTranslatesALoadErrorKeepingItsPositions(t *testing.T) {
	data := []byte(`{"format": "linkscope/1",
  "nodes": [
    {"id": "cnil", "type": "regulator", "label": "CNIL"},
    {"id": "cnil", "type": "regulator"},
    {"id": "", "type": "company"}
  ],
  "edges": [
    {"source": "cnil", "target": "ghost", "type": "fined", "date": "2022-13-01", "props": {"amount": "lots"}}
  ]}`)
	_, err := dataset.Decode("case.json", data, dataset.Options{})
	if err == nil {
		t.Fatal("the bad file loaded")
	}
	english := err.Error()
	if got := Message(err); got != english {
		t.Errorf("English Message differs from Error():\n%s\n%s", got, english)
	}
	french(t)
	got := Message(err)
	en, fr := strings.Split(english, "\n"), strings.Split(got, "\n")
	if len(en) != len(fr) || len(en) < 4 {
		t.Fatalf("%d English lines, %d French:\n%s\n%s", len(en), len(fr), english, got)
	}
	for i := range en {
		if position(en[i]) == "" || position(en[i]) != position(fr[i]) {
			t.Errorf("line %d: position %q became %q", i+1, position(en[i]), position(fr[i]))
		}
		if en[i] == fr[i] {
			t.Errorf("line %d not translated: %s", i+1, fr[i])
		}
	}
	for _, want := range []string{
		`case.json:4:12: identifiant d’entité "cnil" en double (déjà utilisé en 3:12)`,
		`case.json:5:12: l’entité 3 a un identifiant vide ou absent`,
		`relation 1 : l’extrémité cible "ghost" n’est l’identifiant d’aucune entité`,
		`relation 1 : la date "2022-13-01" a le mois 13, pas de 1 à 12`,
		`relation 1 : props.amount doit être un nombre, pas "lots"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in\n%s", want, got)
		}
	}
	// the error itself is untouched: logs and tests read English
	if err.Error() != english {
		t.Error("Error() changed with the language")
	}
}

func TestMessageTranslatesFragmentsAndSyntaxErrors(t *testing.T) {
	french(t)
	for _, c := range []struct{ data, want string }{
		{`{"nodes": [{"id": 5, "type": "x"}]}`, `f.json:1:19: entité 1 : "id" doit être une chaîne, pas le nombre 5`},
		{"{\"nodes\": [1,]}", "f.json:1:13: virgule finale : aucun élément ne la suit avant le ']' qui ferme le tableau"},
		{`{"nodes": [`, "f.json:1:12: fin de fichier inattendue : le tableau ouvert en 1:11 n’est jamais fermé (le fichier est peut-être tronqué)"},
	} {
		_, err := dataset.Decode("f.json", []byte(c.data), dataset.Options{})
		if got := Message(err); got != c.want {
			t.Errorf("%s:\n got %s\nwant %s", c.data, got, c.want)
		}
	}
}

func TestMessageTranslatesCommandAndPatternErrors(t *testing.T) {
	g := graph.New(0, 0)
	cmdErr := g.Apply(graph.Delete{ID: "ghost"})
	_, qErr := query.Parse("(a)-[:x->(b)")
	_, undoErr := g.Undo()
	french(t)
	for _, c := range []struct {
		err  error
		want string
	}{
		{cmdErr, `pas d’entité ni de relation "ghost"`},
		{fmt.Errorf("the edit failed: %w", cmdErr), `the edit failed: pas d’entité ni de relation "ghost"`},
		{undoErr, "rien à annuler"},
		{qErr, "attendu : ']' à la colonne 8, trouvé '-'"},
	} {
		if got := Message(c.err); !strings.Contains(got, c.want) {
			t.Errorf("%v: got %q, want %q in it", c.err, got, c.want)
		}
	}
	if got := Message(qErr); !strings.Contains(got, "à la colonne") {
		t.Errorf("pattern error %q has no French column", got)
	}
}

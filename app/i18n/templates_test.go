package i18n

import (
	"go/ast"
	"testing"
)

// templateDirs are the packages below the interface whose messages the
// user reads (through Message), relative to this package; "." holds
// Message's own texts.
var templateDirs = []string{"../../dataset", "../../graph", "../../graph/path", "../../graph/query", "."}

// templateArg gives, for the calls that define a message template, which
// argument is the template: msg.F and msg.Errorf take it first, the
// dataset builder's fail and warn second (after the position), the query
// parser's errAt second and newError third, and T (this package) first.
var templateArg = map[string]int{
	"msg.F": 0, "msg.Errorf": 0,
	"fail": 1, "warn": 1, "failOff": 1, "warnOff": 1,
	"errAt": 1, "newError": 2, "T": 0,
}

// sourceTemplates collects the message templates of templateDirs.
func sourceTemplates(t *testing.T) []message {
	var out []message
	for _, dir := range templateDirs {
		fset, files := parseDir(t, dir)
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					name := ""
					switch fn := n.Fun.(type) {
					case *ast.SelectorExpr:
						name = fn.Sel.Name
						if id, ok := fn.X.(*ast.Ident); ok && id.Name == "msg" {
							name = "msg." + name
						}
					case *ast.Ident:
						name = fn.Name
					}
					k, ok := templateArg[name]
					if !ok || len(n.Args) <= k {
						return true
					}
					if s, ok := constString(n.Args[k]); ok && !untranslatable(verb.ReplaceAllString(s, "")) {
						out = append(out, message{s, fset.Position(n.Pos())})
					}
				case *ast.KeyValueExpr:
					// Error{..., Template: "...", ...}
					if id, ok := n.Key.(*ast.Ident); ok && id.Name == "Template" {
						if s, ok := constString(n.Value); ok && !untranslatable(verb.ReplaceAllString(s, "")) {
							out = append(out, message{s, fset.Position(n.Pos())})
						}
					}
				}
				return true
			})
		}
	}
	return out
}

// TestEveryTemplateHasAFrenchTranslation: an error or warning template of
// dataset, graph, graph/path or graph/query without a French translation
// fails here, with the lines to add to assets/translations/fr.json.
func TestEveryTemplateHasAFrenchTranslation(t *testing.T) {
	fr := readCatalogue(t, "fr.json")
	msgs := sourceTemplates(t)
	if len(msgs) < 200 {
		t.Fatalf("found only %d templates in the source: the scan is broken", len(msgs))
	}
	reportUntranslated(t, fr, msgs, "templates")
}

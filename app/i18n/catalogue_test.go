package i18n

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/linkscope/linkscope/assets"
)

// sourceDirs are the packages whose strings the user reads, relative to
// this package; main.go's messages are checked too.
var sourceDirs = []string{"../gui", "../cli", "../view", "../.."}

// message is a string the source asks the catalogue for, and where.
type message struct {
	key string
	pos token.Position
}

// parseDir parses the non-test Go files of dir.
func parseDir(t *testing.T, dir string) (*token.FileSet, []*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, n := range names {
		if strings.HasSuffix(n, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, n, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		t.Fatalf("no Go files in %s", dir)
	}
	return fset, files
}

// constString evaluates a string literal or a concatenation of them.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(e.X)
		b, ok2 := constString(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}

// consts are the package-level string constants of the files, by name, so
// that lang.L(helpText) counts as helpText's value.
func consts(files []*ast.File) map[string]string {
	out := map[string]string{}
	for _, f := range files {
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, sp := range gd.Specs {
				vs := sp.(*ast.ValueSpec)
				for i, n := range vs.Names {
					if i < len(vs.Values) {
						if s, ok := constString(vs.Values[i]); ok {
							out[n.Name] = s
						}
					}
				}
			}
		}
	}
	return out
}

// isLangCall reports whether call is lang.L/N/X/XN and returns the
// message key (the first argument).
func isLangCall(call *ast.CallExpr, cs map[string]string) (string, bool) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) == 0 {
		return "", false
	}
	if sel.Sel.Name == "setNote" { // app/view's notes: a format translated
		if id, ok := call.Args[0].(*ast.Ident); ok {
			s, ok := cs[id.Name]
			return s, ok
		}
	}
	if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "lang" {
		return "", false
	}
	switch sel.Sel.Name {
	case "L", "N", "X", "XN", "Localize", "LocalizePlural", "LocalizeKey", "LocalizePluralKey":
		if id, ok := call.Args[0].(*ast.Ident); ok {
			s, ok := cs[id.Name]
			return s, ok
		}
		return constString(call.Args[0])
	}
	return "", false
}

// sourceMessages collects every message the source looks up: the literal
// keys of lang.L/N/X/XN, and the CLI commands' summary fields (translated
// when help prints them).
func sourceMessages(t *testing.T) []message {
	var out []message
	for _, dir := range sourceDirs {
		fset, files := parseDir(t, dir)
		cs := consts(files)
		for _, f := range files {
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.CallExpr:
					if k, ok := isLangCall(n, cs); ok {
						out = append(out, message{k, fset.Position(n.Pos())})
					}
					// the CLI's usagef translates its format
					if id, ok := n.Fun.(*ast.Ident); ok && id.Name == "usagef" && len(n.Args) > 0 {
						if k, ok := constString(n.Args[0]); ok && k != "%v" && k != "" {
							out = append(out, message{k, fset.Position(n.Pos())})
						}
					}
				case *ast.KeyValueExpr:
					// a command's summary is translated a paragraph at a
					// time (cli.summaryText); one built at run time by
					// its first line
					if id, ok := n.Key.(*ast.Ident); ok && id.Name == "summary" {
						if s, ok := constString(n.Value); ok {
							for _, p := range strings.Split(s, "\n\n") {
								out = append(out, message{p, fset.Position(n.Pos())})
							}
						} else if s, ok := leadingString(n.Value); ok {
							s, _, _ = strings.Cut(s, "\n")
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

func readCatalogue(t *testing.T, name string) map[string]any {
	t.Helper()
	b, err := assets.Translations.ReadFile("translations/" + name)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}

// TestEveryMessageHasAFrenchTranslation: a string the interface shows
// through lang.L (or a command summary) without a French translation fails
// here, with the lines to add to assets/translations/fr.json.
func TestEveryMessageHasAFrenchTranslation(t *testing.T) {
	fr := readCatalogue(t, "fr.json")
	msgs := sourceMessages(t)
	if len(msgs) < 100 {
		t.Fatalf("found only %d messages in the source: the scan is broken", len(msgs))
	}
	reportUntranslated(t, fr, msgs, "messages")
}

// reportUntranslated fails t with the lines to add to fr.json for every
// key of msgs (what: "messages", "templates") that fr lacks, once each.
func reportUntranslated(t *testing.T, fr map[string]any, msgs []message, what string) {
	t.Helper()
	seen := map[string]bool{}
	var missing []string
	for _, m := range msgs {
		if _, ok := fr[m.key]; ok || seen[m.key] {
			continue
		}
		seen[m.key] = true
		k, _ := json.Marshal(m.key)
		missing = append(missing, fmt.Sprintf("  %s: \"\",  // %s", k, m.pos))
	}
	if len(missing) > 0 {
		t.Errorf("%d %s have no French translation; add to assets/translations/fr.json:\n%s", len(missing), what, strings.Join(missing, "\n"))
	}
}

var verb = regexp.MustCompile(`%[-+# 0-9.*\[\]]*[a-zA-Z%]|\{\{[^}]*\}\}`)

// TestTranslationsKeepTheirVerbs: a translation that drops, adds or
// reorders a format verb (%d, %q, {{.Count}}) would print garbage.
func TestTranslationsKeepTheirVerbs(t *testing.T) {
	en := readCatalogue(t, "en.json")
	for k, v := range readCatalogue(t, "fr.json") {
		src := k
		if e, ok := en[k].(string); ok {
			src = e
		}
		forms := map[string]string{}
		switch v := v.(type) {
		case string:
			forms["other"] = v
		case map[string]any:
			for f, s := range v {
				forms[f], _ = s.(string)
			}
			if e, ok := en[k].(map[string]any); ok {
				src, _ = e["other"].(string)
			}
		}
		for f, s := range forms {
			if s == "" {
				t.Errorf("fr.json %q (%s): empty translation", k, f)
				continue
			}
			want, got := verb.FindAllString(src, -1), verb.FindAllString(s, -1)
			if f == "one" { // "un élément" may drop the count
				continue
			}
			if fmt.Sprint(want) != fmt.Sprint(got) && !sameIndexed(want, got) {
				t.Errorf("fr.json %q: verbs %v, translation %q has %v", k, want, s, got)
			}
		}
	}
}

// sameIndexed accepts reordered verbs when the translation indexes them
// (%[2]s).
func sameIndexed(want, got []string) bool {
	if len(want) != len(got) {
		return false
	}
	for _, g := range got {
		if !strings.Contains(g, "[") {
			return false
		}
	}
	return true
}

// TestCataloguesParse: go-i18n reads a top-level key named like a plural
// form or field ("Other", "Description", "one", "id") as part of a message
// and rejects the whole file; such texts need lang.X with a key.
func TestCataloguesParse(t *testing.T) {
	reserved := map[string]bool{"id": true, "description": true, "hash": true, "leftdelim": true, "rightdelim": true,
		"zero": true, "one": true, "two": true, "few": true, "many": true, "other": true, "translation": true}
	for _, name := range []string{"en.json", "fr.json"} {
		for k := range readCatalogue(t, name) {
			if reserved[strings.ToLower(k)] {
				t.Errorf("%s: key %q is reserved by go-i18n; use lang.X(\"some.key\", %q)", name, k, k)
			}
		}
	}
	for _, m := range sourceMessages(t) {
		if reserved[strings.ToLower(m.key)] {
			t.Errorf("%s: key %q is reserved by go-i18n; use lang.X(\"some.key\", %q)", m.pos, m.key, m.key)
		}
	}
	if _, err := Setup(PrefEnglish); err != nil {
		t.Fatal(err)
	}
}

// shownBy are the Fyne constructors and methods whose string arguments
// the user reads. A literal passed to one of them must go through lang.L.
var shownBy = map[string]bool{
	"NewLabel": true, "NewLabelWithStyle": true, "NewButton": true, "NewButtonWithIcon": true,
	"NewCheck": true, "NewMenuItem": true, "NewMenu": true, "NewFormItem": true,
	"NewTabItem": true, "NewTabItemWithIcon": true, "NewAccordionItem": true,
	"SetText": true, "SetPlaceHolder": true, "NewHyperlink": true, "NewRichTextWithText": true,
	"NewConfirm": true, "ShowConfirm": true, "NewInformation": true, "ShowInformation": true,
	"NewCustom": true, "ShowCustom": true, "NewCustomConfirm": true, "ShowCustomConfirm": true,
	"NewCustomWithoutButtons": true, "NewForm": true, "ShowForm": true, "NewError": true,
	"NewRadioGroup": true, "NewSelect": true, "NewToolbarAction": true, "SetTitle": true,
	"NewCheckGroup": true, "NewProgressBarWithText": true,
	// the window's own helpers that show their text argument
	"setStatus": true, "notify": true, "showErrorText": true, "formDialog": true,
	"wrapLabel": true, "lowWrap": true, "lowLabel": true, "bold": true, "sectionHeader": true,
	"clearResults": true, "heading": true, "newEntityPicker": true, "setState": true, "arm": true, "setText": true,
}

// untranslatable literals: no words in them, or names.
func untranslatable(s string) bool {
	switch strings.TrimSpace(s) {
	case "Linkscope", "OK", "CSV", "JSON", "PNG", "SVG", "GraphML", "GEXF", "DOT",
		"English", "Français": // the language menu names each language in itself
		return true
	}
	for _, r := range s {
		if unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// TestGUIStringsAreWrapped: a literal text given to a widget, a menu or a
// dialog in app/gui without lang.L fails here, so the next string added to
// the window is translated too.
func TestGUIStringsAreWrapped(t *testing.T) {
	fset, files := parseDir(t, "../gui")
	var bad []string
	check := func(e ast.Expr) {
		// fmt.Sprintf("literal", ...) counts as the literal
		if c, ok := e.(*ast.CallExpr); ok {
			if sel, ok := c.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Sprintf" && len(c.Args) > 0 {
				e = c.Args[0]
			}
		}
		var lits []ast.Expr
		switch e := e.(type) {
		case *ast.CompositeLit: // []string{"a", "b"} for selects and radio groups
			lits = e.Elts
		default:
			lits = []ast.Expr{e}
		}
		for _, l := range lits {
			if s, ok := constString(l); ok && !untranslatable(s) {
				bad = append(bad, fmt.Sprintf("%s: %q", fset.Position(l.Pos()), s))
			}
		}
	}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := ""
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			if !shownBy[name] {
				return true
			}
			for _, a := range call.Args {
				check(a)
			}
			return true
		})
	}
	sort.Strings(bad)
	if len(bad) > 0 {
		t.Errorf("%d texts shown without lang.L:\n%s", len(bad), strings.Join(bad, "\n"))
	}
}

func TestMain(m *testing.M) {
	os.Exit(m.Run())
}

// leadingString is the literal that starts a concatenation ("a" + f() + ...).
func leadingString(e ast.Expr) (string, bool) {
	for {
		b, ok := e.(*ast.BinaryExpr)
		if !ok || b.Op != token.ADD {
			break
		}
		e = b.X
	}
	return constString(e)
}

package gui

import (
	"net/url"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/linkscope/linkscope/app/i18n"
	"github.com/linkscope/linkscope/app/render"
)

func TestDetailsShowFinesWithDatesAmountsAndQuotes(t *testing.T) {
	test.NewTempApp(t)
	ex := placedExplorer(t)
	p := newDetailsPanel(ex, nil)
	w := test.NewTempWindow(t, p.content)
	w.Resize(fyne.NewSize(400, 800))
	cnil := node(t, ex.g, "cnil")
	ex.selectNode(cnil)
	got := texts(p.box)
	if !strings.Contains(got, "CNIL") || !strings.Contains(got, "regulator") {
		t.Fatalf("details do not name CNIL and its type:\n%s", got)
	}
	cv := node(t, ex.g, "clearview-ai")
	fines := 0
	for _, e := range ex.g.Between(cnil, cv, false) {
		r := ex.g.Edge(e)
		if r.Type != "fined" {
			continue
		}
		fines++
		amt, cur, _ := r.Amount()
		for _, want := range []string{i18n.Current().Date(r.Date), render.FormatAmount(amt, cur)} {
			if !strings.Contains(got, want) {
				t.Fatalf("fine %s: %q missing from the details", r.ID, want)
			}
		}
		for _, c := range r.Sources {
			if !strings.Contains(got, strings.TrimSpace(c.Quote)[:20]) {
				t.Fatalf("quote %q missing", c.Quote)
			}
			if c.Gloss != "" && !strings.Contains(got, c.Gloss) {
				t.Fatalf("gloss %q missing", c.Gloss)
			}
		}
	}
	if fines != 2 {
		t.Fatalf("the case should have two CNIL fines, found %d", fines)
	}
	ex.selectNode(-1)
	if got := texts(p.box); !strings.Contains(got, ex.g.Title) {
		t.Fatalf("with nothing selected the panel should describe the dataset:\n%s", got)
	}
}

func TestDetailsLinkSelectsOtherEnd(t *testing.T) {
	test.NewTempApp(t)
	ex := placedExplorer(t)
	var chosen int32 = -1
	p := newDetailsPanel(ex, func(i int32) { chosen = i })
	test.NewTempWindow(t, p.content)
	noyb := node(t, ex.g, "noyb")
	ex.selectNode(noyb)
	other := ex.g.Edge(ex.g.Out(noyb)[0]).To
	var tapped bool
	for _, o := range test.LaidOutObjects(p.box) {
		if h, ok := o.(*widget.Hyperlink); ok && h.Text == ex.g.Node(other).Label {
			test.TapAt(h, fyne.NewPos(20, h.Size().Height/2))
			tapped = true
			break
		}
	}
	if !tapped || chosen != other {
		t.Fatalf("tapping %q chose %d (tapped=%v)", ex.g.Node(other).Label, chosen, tapped)
	}
}

func TestOnlyWebLinksOpen(t *testing.T) {
	for s, ok := range map[string]bool{
		"https://www.cnil.fr/fr/x": true, "http://example.org": true,
		"javascript:alert(1)": false, "file:///etc/passwd": false, "ftp://x.org/a": false,
		"/relative/path": false, "": false, "https://": false,
	} {
		if got := webURL(s) != nil; got != ok {
			t.Errorf("webURL(%q) opens=%v, want %v", s, got, ok)
		}
	}
}

func TestSourceLinkOpensInBrowser(t *testing.T) {
	test.NewTempApp(t)
	ex := placedExplorer(t)
	// the embedded case cites files, not web pages: give two sources links
	ex.g.Sources[0].URL = "https://example.org/article"
	ex.g.Sources[1].URL = "javascript:alert(1)"
	p := newDetailsPanel(ex, nil)
	var opened []string
	p.openURL = func(u *url.URL) error { opened = append(opened, u.String()); return nil }
	test.NewTempWindow(t, p.content)
	links := 0
	for _, o := range test.LaidOutObjects(p.box) {
		if h, ok := o.(*widget.Hyperlink); ok {
			switch h.Text {
			case ex.g.Sources[0].Title:
				links++
				test.TapAt(h, fyne.NewPos(20, h.Size().Height/2))
			case ex.g.Sources[1].Title:
				t.Fatal("a javascript: address became a link")
			}
		}
	}
	if links != 1 || len(opened) != 1 || opened[0] != "https://example.org/article" {
		t.Fatalf("%d links, opened %v", links, opened)
	}
}

func TestQuotedUsesTheLanguagesMarks(t *testing.T) {
	cases := []struct{ q, lang, want string }{
		{"la CNIL", "fr", "« la CNIL »"},
		{"the ICO", "en", "“the ICO”"},
		{"« déjà »", "fr", "« déjà »"},
		{"  x ", "", "“x”"},
	}
	for _, c := range cases {
		if got := quoted(c.q, c.lang); got != c.want {
			t.Errorf("quoted(%q, %q) = %q, want %q", c.q, c.lang, got, c.want)
		}
	}
}

package i18n

import (
	"fmt"
	"math"
	"testing"
	"time"

	"fyne.io/fyne/v2/lang"
	"github.com/linkscope/linkscope/graph"
)

func TestAmounts(t *testing.T) {
	for _, c := range []struct {
		v      float64
		cur    string
		en, fr string
	}{
		{20e6, "EUR", "€20M", "20 M€"},
		{7.5e6, "GBP", "£7.5M", "7,5 M£"},
		{7552800, "GBP", "£7.55M", "7,55 M£"},
		{1500, "USD", "$1,500", "1\u202f500 $"},
		{2.5e9, "USD", "$2.5bn", "2,5 Md$"},
		{-3e6, "EUR", "-€3M", "-3 M€"},
		{250000, "", "250k", "250 k"},
		{12, "XYZ", "12 XYZ", "12 XYZ"},
		{math.Inf(1), "EUR", "∞ €", "∞ €"},
		{math.NaN(), "", "NaN", "NaN"},
	} {
		if got := English.Amount(c.v, c.cur); got != c.en {
			t.Errorf("English.Amount(%v, %q) = %q, want %q", c.v, c.cur, got, c.en)
		}
		if got := French.Amount(c.v, c.cur); got != c.fr {
			t.Errorf("French.Amount(%v, %q) = %q, want %q", c.v, c.cur, got, c.fr)
		}
	}
}

func TestDates(t *testing.T) {
	for _, c := range []struct{ in, en, fr string }{
		{"2022-10-17", "17 Oct 2022", "17 oct. 2022"},
		{"2022-10", "Oct 2022", "oct. 2022"},
		{"2022", "2022", "2022"},
		{"2023-05-01", "1 May 2023", "1er mai 2023"},
		{"2021-02-03", "3 Feb 2021", "3 févr. 2021"},
	} {
		d, err := graph.ParseDate(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if got := English.Date(d); got != c.en {
			t.Errorf("English.Date(%s) = %q, want %q", c.in, got, c.en)
		}
		if got := French.Date(d); got != c.fr {
			t.Errorf("French.Date(%s) = %q, want %q", c.in, got, c.fr)
		}
	}
	if English.Date(graph.Date{}) != "" {
		t.Error("the zero date is not empty")
	}
	if got := French.DateKey(20221017); got != "17 oct. 2022" {
		t.Errorf("DateKey = %q", got)
	}
	at := time.Date(2022, 10, 17, 14, 5, 0, 0, time.UTC)
	if got := French.DateTime(at); got != "17 oct. 2022 à 14:05" {
		t.Errorf("DateTime = %q", got)
	}
}

func TestNumbers(t *testing.T) {
	if got := English.Int(-20000000); got != "-20,000,000" {
		t.Errorf("English.Int = %q", got)
	}
	if got := French.Int(1234567); got != "1\u202f234\u202f567" {
		t.Errorf("French.Int = %q", got)
	}
	if got := French.Float(0.125, 2); got != "0,13" && got != "0,12" {
		t.Errorf("French.Float = %q", got)
	}
}

func TestResolve(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	for i, c := range []struct {
		pref string
		env  func(string) string
		want string
	}{
		{"", env("LANG", "fr_FR.UTF-8"), "fr"},
		{"", env("LANG", "en_GB.UTF-8"), "en"},
		{"", env("LANG", "de_DE.UTF-8"), "en"},
		{"", env("LANG", "C.UTF-8"), "en"},
		{"", env(), "en"},
		{"", env("LC_ALL", "fr_CA.UTF-8", "LANG", "en_US.UTF-8"), "fr"},
		{"", env("LC_MESSAGES", "fr_BE", "LANG", "en_US.UTF-8"), "fr"},
		{"", env("LANG", "en_US.UTF-8", "LANGUAGE", "fr:en"), "fr"},
		{"", env("LANG", "fr_FR.UTF-8", "LANGUAGE", "de:en"), "en"},
		{"en", env("LANG", "fr_FR.UTF-8"), "en"},
		{"fr", env("LANG", "en_US.UTF-8"), "fr"},
	} {
		if got := Resolve(c.pref, c.env); got != c.want {
			t.Errorf("case %d: Resolve(%q) = %q, want %q", i, c.pref, got, c.want)
		}
	}
}

// TestSetupSwitchesTheCatalogue: Setup with a preference makes lang.L
// answer in that language whatever LANG says, and makes it Current.
func TestSetupSwitchesTheCatalogue(t *testing.T) {
	t.Setenv("LANG", "en_US.UTF-8")
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	defer func() {
		_, _ = Setup(PrefEnglish)
		SetCurrent(English)
	}()
	if l, err := Setup(PrefFrench); err != nil || l != "fr" {
		t.Fatalf("Setup(fr) = %q, %v", l, err)
	}
	if got := lang.L("File"); got != "Fichier" {
		t.Errorf("in French, lang.L(File) = %q", got)
	}
	if got := lang.L("Cancel"); got != "Annuler" {
		t.Errorf("in French, Fyne's own Cancel = %q", got)
	}
	if Current() != French || !Translated("File") || T("no such text 123") != "no such text 123" {
		t.Errorf("Current %v, Translated(File) %v", Current(), Translated("File"))
	}
	if got := fmt.Sprintf(lang.L("%d of %d entities · %d of %d relations"), 1, 2, 3, 4); got != "1 entités sur 2 · 3 relations sur 4" {
		t.Errorf("formatted: %q", got)
	}
	if l, _ := Setup(PrefSystem); l != "en" || lang.L("File") != "File" {
		t.Errorf("back to the system (English): %q, File = %q", l, lang.L("File"))
	}
	t.Setenv("LANG", "fr_FR.UTF-8")
	if l, _ := Setup(PrefSystem); l != "fr" || lang.L("File") != "Fichier" {
		t.Errorf("LANG=fr_FR.UTF-8: %q, File = %q", l, lang.L("File"))
	}
}

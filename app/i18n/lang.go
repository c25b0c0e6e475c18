package i18n

import (
	"encoding/json"
	"os"
	"strings"
	"sync"

	"fyne.io/fyne/v2/lang"

	"github.com/linkscope/linkscope/assets"
)

// userLanguage is the LANGUAGE list the process started with.
var userLanguage = os.Getenv("LANGUAGE")

// Preference values for the interface language (Preferences › Language).
const (
	PrefSystem  = ""
	PrefEnglish = "en"
	PrefFrench  = "fr"
)

// PrefKey is the Fyne preference that holds the language choice.
const PrefKey = "language"

// Resolve returns the interface language, "en" or "fr": pref when it names
// one, else the system locale as gettext reads it (LC_ALL, then
// LC_MESSAGES, then LANG, and LANGUAGE's list when they name a language).
// Any language but French is English.
func Resolve(pref string, getenv func(string) string) string {
	switch pref {
	case PrefEnglish, PrefFrench:
		return pref
	}
	loc := ""
	for _, k := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if loc = getenv(k); loc != "" {
			break
		}
	}
	if isPOSIX(loc) {
		return "en"
	}
	list := []string{loc}
	if l := getenv("LANGUAGE"); l != "" {
		list = strings.Split(l, ":")
	}
	for _, l := range list {
		switch base(l) {
		case "fr":
			return "fr"
		case "en":
			return "en"
		}
	}
	return "en"
}

func base(loc string) string {
	loc = strings.ToLower(loc)
	if i := strings.IndexAny(loc, "_-.@"); i >= 0 {
		loc = loc[:i]
	}
	return loc
}

func isPOSIX(v string) bool {
	switch v {
	case "C", "POSIX", "C.UTF-8", "C.utf8", "C.UTF8", "C.utf-8":
		return true
	}
	return false
}

// Setup chooses the language from pref (PrefSystem: the system locale),
// loads the catalogues into Fyne's lang package and makes the language
// Current for formatting. It returns the language, and an error if an
// embedded catalogue does not parse (TestCataloguesParse keeps them valid). The window calls it
// before building any widget and the CLI before printing; calling it again
// switches lang.L's answers, but texts already shown stay as they are, so
// the window applies a new choice on restart.
//
// Fyne picks the catalogue from the environment only, so Setup sets
// LANGUAGE to the chosen language: the choice also covers Fyne's own
// strings (file dialogs, Cancel/OK) and a system language Linkscope does
// not speak falls back to English everywhere instead of half-German.
func Setup(pref string) (string, error) {
	l := Resolve(pref, func(k string) string {
		if k == "LANGUAGE" {
			return userLanguage // not the one an earlier Setup wrote
		}
		return os.Getenv(k)
	})
	_ = os.Setenv("LANGUAGE", l)
	if v := os.Getenv("LC_ALL"); v != "" && isPOSIX(v) {
		_ = os.Setenv("LC_ALL", "en_US.UTF-8")
	}
	err := lang.AddTranslationsFS(assets.Translations, "translations")
	SetCurrent(Locale{Lang: l})
	return l, err
}

var (
	frOnce sync.Once
	frKeys map[string]bool
)

// Translated reports whether the current language has a translation of
// key, so that text put together at run time (a command summary that
// lists the algorithms) is asked for only where the catalogue has it:
// lang.L logs every miss.
func Translated(key string) bool {
	if Current().Lang != "fr" {
		return false
	}
	frOnce.Do(func() {
		var m map[string]json.RawMessage
		if b, err := assets.Translations.ReadFile("translations/fr.json"); err == nil && json.Unmarshal(b, &m) == nil {
			frKeys = make(map[string]bool, len(m))
			for k := range m {
				frKeys[k] = true
			}
		}
	})
	return frKeys[key]
}

// T is lang.L for text that may have no translation: key itself when the
// catalogue lacks it, without lang's error log.
func T(key string) string {
	if !Translated(key) {
		return key
	}
	return lang.L(key)
}

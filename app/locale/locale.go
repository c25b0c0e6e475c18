// Package locale replaces the POSIX "C" locale in the environment by
// en_US.UTF-8 before Fyne reads it: Fyne's lang package logs "Error parsing
// user locale C" at start-up, on every run, when LANG=C.UTF-8 (the default
// in containers and CI). Import it for its side effect, from main only.
//
// It imports nothing but syscall, so Go's package initialisation order
// (sorted import paths, dependencies first) runs it before fyne.io/fyne/v2/lang,
// which depends on packages that sort after this one.
package locale

import "syscall"

func init() {
	for _, k := range [...]string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v, ok := syscall.Getenv(k); ok && isPOSIX(v) {
			_ = syscall.Setenv(k, "en_US.UTF-8")
		}
	}
}

// isPOSIX reports whether v names the C/POSIX locale, which is not a
// language tag.
func isPOSIX(v string) bool {
	switch v {
	case "C", "POSIX", "C.UTF-8", "C.utf8", "C.UTF8", "C.utf-8":
		return true
	}
	return false
}

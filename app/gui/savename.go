package gui

import (
	"fmt"
	"os"
	"path"
	"runtime"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
)

// Fyne's save dialog joins whatever is typed in its name box to the
// folder it shows (storage.Child: path.Join), so "/tmp/x.png" became
// "<folder>/tmp/x.png" and "~/x.png" "<folder>/~/x.png". The dialog asks
// the "file" repository for that child, and that repository is ours
// (lazyFiles, export_savefile.go): a name that is a path is resolved here
// instead, and the typed path wins.

// isTypedPath reports whether name, asked for as a child of a folder, is
// a path rather than one file name: it holds a separator, starts with ~,
// or (Windows) a drive letter.
func isTypedPath(name string, windows bool) bool {
	if strings.HasPrefix(name, "~") || strings.Contains(name, "/") {
		return true
	}
	return windows && (strings.Contains(name, `\`) || hasDrive(name))
}

// hasDrive reports whether s starts with a Windows drive letter ("C:").
func hasDrive(s string) bool {
	return len(s) >= 2 && s[1] == ':' && (s[0]|0x20 >= 'a' && s[0]|0x20 <= 'z')
}

// resolveTyped is the file that typed, entered in a save dialog showing
// folder dir, names: an absolute path is itself, ~ is home, anything
// else is relative to dir; "." and ".." are resolved. Paths use '/'
// (as URIs do; Windows accepts both); a trailing separator is kept, so
// that the caller sees a folder was named. windows selects Windows
// rules: '\' separates too, "C:\…" and "\\server\share\…" are absolute,
// "\…" is on dir's drive.
func resolveTyped(dir, typed, home string, windows bool) string {
	name := strings.TrimSpace(typed)
	if windows {
		name = strings.ReplaceAll(name, `\`, "/")
		dir = strings.ReplaceAll(dir, `\`, "/")
		home = strings.ReplaceAll(home, `\`, "/")
	}
	folder := strings.HasSuffix(name, "/") || name == "~" || name == "." || name == ".." ||
		strings.HasSuffix(name, "/.") || strings.HasSuffix(name, "/..")
	var out string
	switch {
	case name == "~" || strings.HasPrefix(name, "~/"):
		out = joinClean(home, name[1:])
	case windows && strings.HasPrefix(name, "//"): // \\server\share\…
		out = "/" + path.Clean(name)
	case windows && hasDrive(name):
		out = name[:2] + path.Clean("/"+name[2:])
	case windows && strings.HasPrefix(name, "/"):
		d := strings.TrimPrefix(dir, "/")
		if hasDrive(d) {
			out = d[:2] + path.Clean(name)
		} else {
			out = path.Clean(name)
		}
	case strings.HasPrefix(name, "/"):
		out = path.Clean(name)
	default:
		out = joinClean(dir, name)
	}
	if folder && !strings.HasSuffix(out, "/") {
		out += "/"
	}
	return out
}

// joinClean joins dir and name and resolves "." and "..", keeping a
// Windows drive's root ("C:/..") at the root.
func joinClean(dir, name string) string {
	d := strings.TrimPrefix(dir, "/")
	if hasDrive(d) && (len(dir) == len(d) || dir[0] == '/') {
		lead := dir[:len(dir)-len(d)]
		return lead + d[:2] + path.Clean("/"+d[2:]+"/"+name)
	}
	return path.Join(dir, name)
}

// errFolderNamed: the name typed in a save dialog is a folder.
// The text is translated when the error is made, after the catalogues are
// loaded (errFolderNamed is compared with errors.Is).
var errFolderNamed = folderNamedError{}

type folderNamedError struct{}

func (folderNamedError) Error() string { return lang.L("is a folder: type a file name after it") }

// finishSavePath is the file an export writes for the dialog's path p:
// a folder is an error; a name without one of exts (".png", …) gets
// exts[0] added (an unknown extension is kept in the name).
func finishSavePath(p string, exts []string) (string, error) {
	if strings.HasSuffix(p, "/") || strings.HasSuffix(p, `\`) {
		return "", fmt.Errorf("%s %w", p, errFolderNamed)
	}
	ext := strings.ToLower(path.Ext(strings.ReplaceAll(p, `\`, "/")))
	if len(exts) > 0 && !slices.Contains(exts, ext) {
		p += exts[0]
	}
	return p, nil
}

// typedChild is the URI the save dialog's name box names in folder u
// when the name is a path (ok false: an ordinary child).
func typedChild(u fyne.URI, name string) (fyne.URI, bool) {
	windows := runtime.GOOS == "windows"
	if u.Scheme() != "file" || !isTypedPath(name, windows) {
		return nil, false
	}
	home, _ := os.UserHomeDir()
	return storage.NewFileURI(resolveTyped(u.Path(), name, home, windows)), true
}

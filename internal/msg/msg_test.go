package msg

import (
	"errors"
	"io/fs"
	"testing"
)

func TestTextPrintsAsFmt(t *testing.T) {
	if got := F("entity %s: citation %d", `"cnil"`, 2).String(); got != `entity "cnil": citation 2` {
		t.Errorf("got %q", got)
	}
	if got := F("no header row").String(); got != "no header row" {
		t.Errorf("got %q", got)
	}
	// a Text argument prints as its English text
	if got := F("%s must be a string", F("relation %d", 3)).String(); got != "relation 3 must be a string" {
		t.Errorf("got %q", got)
	}
}

func TestErrorfKeepsTemplateAndWraps(t *testing.T) {
	err := Errorf("%s: cannot write beside it: %w", "a.json", fs.ErrPermission)
	if got := err.Error(); got != "a.json: cannot write beside it: permission denied" {
		t.Errorf("Error() = %q", got)
	}
	if !errors.Is(err, fs.ErrPermission) {
		t.Error("the %w argument is not wrapped")
	}
	var te Templated
	if !errors.As(err, &te) || te.Text().Template != "%s: cannot write beside it: %w" || len(te.Text().Args) != 2 {
		t.Errorf("template lost: %#v", te)
	}
	if w := Errorf("no command").(*Error).Unwrap(); len(w) != 0 {
		t.Error("an error without %w wraps something")
	}
}
